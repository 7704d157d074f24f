"""Share of hedged statements per side, with document-level uncertainty.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"doc_id": ["a", "a", "b", "b"],
...                       "side": ["government", "sdc", "government", "sdc"],
...                       "hedged": [0, 1, 0, 0]})
>>> result = hedging_by_side(table)
>>> print(result[["side", "n_statements", "n_hedged", "share"]].to_string(index=False))
      side  n_statements  n_hedged  share
government             2         0    0.0
       sdc             2         1    0.5
>>> result.attrs["test"]["test"]
'fisher_exact'
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from toolkit.arguments import (
    choice_argument,
    count_argument,
    level_argument,
    seed_argument,
)
from toolkit.corpus.schema import DOC_ID, GOVERNMENT, HEDGED, SDC, SIDE, SIDES
from toolkit.framing._input import check_statements, flags, present_sides
from toolkit.framing.clustered import (
    clustered_difference_test,
    share_interval,
    warn_one_document,
)
from toolkit.framing.columns import (
    CI_HIGH,
    CI_LOW,
    INTERVAL,
    N_DOCUMENTS,
    N_HEDGED,
    N_STATEMENTS,
    SHARE,
)


def hedging_by_side(
    statements: pd.DataFrame,
    *,
    column: str = HEDGED,
    compare: Sequence[str] = (GOVERNMENT, SDC),
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Share of hedged statements per side, its interval, and a test of the gap.

    Parameters
    ----------
    statements : pandas.DataFrame
        Statements with ``doc_id``, ``side`` and a 0/1 (or boolean, or yes/no)
        hedging column: the gold ``hedged`` column or a classifier's predictions.
    column : str
        Name of the hedging column.
    compare : pair of str
        The two sides whose shares are tested against each other.
    confidence : float
        Confidence level of the intervals, between 0 and 1.
    n_resamples : int
        Bootstrap resamples; 0 computes no interval (``ci_low`` and ``ci_high``
        are NaN), as in :func:`toolkit.classify.evaluate`.
    seed : int
        Seed of the resampling; side ``s`` uses ``[seed, SIDES.index(s)]`` so a
        side's interval does not depend on which other sides are present.

    Returns
    -------
    pandas.DataFrame
        One row per side present (schema order) with ``n_documents``,
        ``n_statements``, ``n_hedged``, ``share``, ``ci_low``, ``ci_high`` and
        ``interval``. Statements of one article are not independent, so the
        interval comes from :func:`toolkit.framing.clustered.share_interval`: a
        percentile bootstrap resampling whole documents when a side has at least
        10, never narrower than the Wilson interval of the side's effective counts
        (hits and statements divided by the design effect and shrunk for few
        documents' degrees of freedom), which is used alone with fewer documents;
        ``interval`` names the method. ``attrs["test"]`` holds the comparison of
        the two ``compare`` sides
        (:func:`toolkit.framing.clustered.clustered_difference_test`): a dict with
        ``sides``, ``test`` (``"fisher_exact"`` for small tables, else ``"chi2"``;
        ``"none"`` with NaN statistic and p-value when a side has no statement),
        ``statistic``, ``p_value`` and ``design_effect``; ``attrs["confidence"]``
        the level of the intervals.

    Raises
    ------
    TypeError
        When ``statements`` is not a DataFrame, ``compare`` is not a pair, or a
        number argument has the wrong type.
    ValueError
        When a column is missing or duplicated, a side is unknown, a document id is
        missing, a hedging value is not 0/1, ``compare`` does not name two
        different sides, ``confidence`` is not between 0 and 1, or
        ``n_resamples`` or ``seed`` is negative.

    Warns
    -----
    OneDocumentWarning
        When a compared side's statements all come from one document (see
        :func:`toolkit.framing.clustered.warn_one_document`).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "side": ["sdc"] * 3,
    ...                       "hedged": [True, False, False]})
    >>> print(hedging_by_side(table)[["share", "interval"]].to_string(index=False))
       share                                                           interval
    0.333333 Wilson (effective statements, df-adjusted; fewer than 10 documents)
    """
    check_statements(statements, [DOC_ID, SIDE, column])
    side_a, side_b = choice_argument(compare, "compare", allowed=SIDES, count=2)
    confidence = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples", minimum=0)
    seed = seed_argument(seed, "seed")
    table = pd.DataFrame(
        {
            DOC_ID: statements[DOC_ID].astype(str).to_numpy(),
            SIDE: statements[SIDE].to_numpy(),
            column: flags(statements, column).to_numpy(dtype=int),
        }
    )
    per_doc = {
        side: table[table[SIDE] == side]
        .groupby(DOC_ID, sort=True)[column]
        .agg(["sum", "count"])
        for side in present_sides(table)
    }
    rows = [
        _side_row(side, counts, confidence, n_resamples, [seed, SIDES.index(side)])
        for side, counts in per_doc.items()
    ]
    result = pd.DataFrame(
        rows,
        columns=[
            SIDE,
            N_DOCUMENTS,
            N_STATEMENTS,
            N_HEDGED,
            SHARE,
            CI_LOW,
            CI_HIGH,
            INTERVAL,
        ],
    )
    warn_one_document(
        {side: len(per_doc[side]) for side in (side_a, side_b) if side in per_doc},
        "hedging_by_side",
    )
    none = pd.DataFrame({"sum": [], "count": []})
    a, b = per_doc.get(side_a, none), per_doc.get(side_b, none)
    test = clustered_difference_test(a["sum"], a["count"], b["sum"], b["count"])
    result.attrs["test"] = {"sides": (side_a, side_b), **test._asdict()}
    result.attrs["confidence"] = confidence
    return result


def _side_row(
    side: str,
    per_doc: pd.DataFrame,
    confidence: float,
    n_resamples: int,
    seed: list[int],
) -> tuple:
    hedged, total = int(per_doc["sum"].sum()), int(per_doc["count"].sum())
    low, high, method = share_interval(
        per_doc["sum"].to_numpy(),
        per_doc["count"].to_numpy(),
        confidence=confidence,
        n_resamples=n_resamples,
        seed=seed,
    )
    return (side, len(per_doc), total, hedged, hedged / total, low, high, method)
