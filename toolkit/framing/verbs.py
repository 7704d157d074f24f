"""Reporting-verb profile of each side: how its statements are introduced.

Examples
--------
>>> import pandas as pd
>>> from toolkit.corpus.schema import SIDE, VERB, VERB_FRAME
>>> table = pd.DataFrame({SIDE: ["government", "government", "sdc"],
...                       VERB: ["أكدت", "قال", "زعم"],
...                       VERB_FRAME: ["assertive", "neutral", "distancing"]})
>>> profile = verb_profile(table)
>>> frames = profile.query("feature == 'verb_frame' and count > 0")
>>> print(frames[["side", "value", "count", "share"]].to_string(index=False))
      side      value  count  share
government  assertive      1    0.5
government    neutral      1    0.5
       sdc distancing      1    1.0
"""

from __future__ import annotations

import pandas as pd

from toolkit.corpus.schema import (
    SIDE,
    VERB,
    VERB_FRAME,
    VERB_FRAMES,
    VERB_LEMMA,
    as_text,
)
from toolkit.framing._input import check_statements, frames, present_sides
from toolkit.framing.columns import COUNT, FEATURE, N_STATEMENTS, SHARE, VALUE

_OUT = [SIDE, FEATURE, VALUE, COUNT, N_STATEMENTS, SHARE]


def verb_profile(statements: pd.DataFrame) -> pd.DataFrame:
    """Count and share of each verb frame and of each reporting verb, per side.

    Parameters
    ----------
    statements : pandas.DataFrame
        A statements table with at least ``side``, ``verb`` and ``verb_frame``
        (see :mod:`toolkit.corpus.schema`). When a ``verb_lemma`` column is present
        verbs are counted by lemma (``أكدت`` and ``أكد`` together), falling back to
        ``verb`` on rows without a lemma. An empty ``verb_frame`` reads as ``none``.

    Returns
    -------
    pandas.DataFrame
        Long table with columns ``side``, ``feature`` (``"verb_frame"`` or
        ``"verb"``), ``value``, ``count``, ``n_statements`` and ``share``. Frame
        rows list every frame of :data:`~toolkit.corpus.schema.VERB_FRAMES` for
        every side present (zero counts included); their shares sum to 1 per side.
        Verb rows list the verbs used, with shares over the side's statements that
        have a verb. Sides are in schema order, then by descending count.

    Raises
    ------
    TypeError
        When ``statements`` is not a DataFrame.
    ValueError
        When a column is missing or duplicated, or a row has an unknown side or
        frame.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"side": ["sdc", "sdc"], "verb": ["اتهم", "اتهم"],
    ...                       "verb_frame": ["accusatory", "accusatory"]})
    >>> verb_profile(table).query("feature == 'verb'")[["value", "count"]].values
    array([['اتهم', 2]], dtype=object)
    """
    check_statements(statements, [SIDE, VERB, VERB_FRAME])
    verbs = as_text(statements[VERB]).str.strip()
    if VERB_LEMMA in statements.columns:
        lemmas = as_text(statements[VERB_LEMMA]).str.strip()
        verbs = lemmas.where(lemmas != "", verbs)
    table = pd.DataFrame(
        {
            SIDE: statements[SIDE].to_numpy(),
            VERB_FRAME: frames(statements).to_numpy(),
            VERB: verbs.to_numpy(),
        }
    )
    parts = []
    for side in present_sides(table):
        rows = table[table[SIDE] == side]
        frame_counts = (
            rows[VERB_FRAME].value_counts().reindex(VERB_FRAMES, fill_value=0)
        )
        parts.append(_rows(side, VERB_FRAME, frame_counts, len(rows)))
        with_verb = rows[rows[VERB] != ""]
        verb_counts = with_verb[VERB].value_counts(sort=False)
        verb_counts = verb_counts.sort_index().sort_values(
            ascending=False, kind="stable"
        )
        parts.append(_rows(side, VERB, verb_counts, len(with_verb)))
    if not parts:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in _OUT})
    return pd.concat(parts, ignore_index=True)


def _rows(side: str, feature: str, counts: pd.Series, total: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            SIDE: side,
            FEATURE: feature,
            VALUE: counts.index.astype(str),
            COUNT: counts.to_numpy(dtype=int),
            N_STATEMENTS: total,
            SHARE: counts.to_numpy(dtype=float) / total if total else float("nan"),
        },
        columns=_OUT,
    )
