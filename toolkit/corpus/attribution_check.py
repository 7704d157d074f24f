"""How well automatic attribution matches a human annotation of the same articles.

Every per-side number of the toolkit rests on :func:`extract_statements` giving each
statement the right side, speaker and verb. Before trusting it on a new outlet,
annotate a sample by hand (``datasets/ANNOTATION.md``) and measure:
:func:`compare_attribution` puts each annotated statement beside the automatic one,
and :func:`attribution_accuracy` gives the share that agree per column, with a
bootstrap interval that resamples whole articles (statements of one article are not
independent).

Examples
--------
>>> from toolkit.corpus import load_example, load_example_gold
>>> compared = compare_attribution(load_example(), load_example_gold())
>>> attribution_accuracy(compared, n_resamples=0)[["column", "correct", "n"]].values.tolist()
[['side', 9, 9], ['verb_frame', 9, 9], ['verb', 9, 9], ['speaker', 9, 9]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.arguments import (
    check_table,
    count_argument,
    level_argument,
    seed_argument,
)
from toolkit.corpus import schema as S
from toolkit.corpus.attribution import extract_statements
from toolkit.corpus.normalize import normalize
from toolkit.framing.clustered import share_interval

#: The attribution columns compared, in report order.
ATTRIBUTION_COLUMNS: tuple[str, ...] = (S.SIDE, S.VERB_FRAME, S.VERB, S.SPEAKER)
#: Prefix of the automatic columns in :func:`compare_attribution`'s table.
PREDICTED = "predicted_"
#: Columns compared as normalised text (diacritics, hamza and spelling variants aside).
_TEXT_COLUMNS = (S.VERB, S.SPEAKER)


def compare_attribution(articles: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each annotated statement with the automatic attribution of the same sentence.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles the annotation was made on (``doc_id``, ``text``).
    gold : pandas.DataFrame
        Annotated statements: ``doc_id``, ``char_start`` (where the sentence starts
        in its article's text; without it, ``sent_id``, the sentence's number) and
        the columns of :data:`ATTRIBUTION_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        ``gold`` with ``predicted_side``, ``predicted_verb_frame``,
        ``predicted_verb`` and ``predicted_speaker``. A statement the sentence
        splitter did not find (no automatic sentence starts at its ``char_start``)
        gets empty predictions, so it counts as an error.

    Raises
    ------
    ValueError
        When a column is missing or repeated, a ``gold`` row names a ``doc_id``
        that is not in ``articles``, or its ``char_start`` (``sent_id``) is not a
        number (the message names the row).

    Examples
    --------
    >>> articles = pd.DataFrame({"doc_id": ["a"], "text": ["قسد نفت ذلك."]})
    >>> gold = pd.DataFrame({"doc_id": ["a"], "char_start": [0], "side": ["sdc"],
    ...     "verb_frame": ["denial"], "verb": ["نفت"], "speaker": ["قسد"]})
    >>> compare_attribution(articles, gold)[["side", "predicted_side"]].values.tolist()
    [['sdc', 'sdc']]
    """
    key = S.CHAR_START if S.CHAR_START in getattr(gold, "columns", ()) else S.SENT_ID
    check_table(gold, (S.DOC_ID, key, *ATTRIBUTION_COLUMNS), "argument 'gold'")
    check_table(articles, (S.DOC_ID, S.TEXT), "argument 'articles'")
    known = set(articles[S.DOC_ID].astype(str))
    doc_ids = gold[S.DOC_ID].astype(str)
    if not doc_ids.isin(known).all():
        row = int(np.flatnonzero(~doc_ids.isin(known).to_numpy())[0])
        raise ValueError(
            f"argument 'gold': row {row} has doc_id {gold[S.DOC_ID].iloc[row]!r}, "
            "which is not in 'articles'; pass the articles the annotation was made on"
        )
    positions = pd.to_numeric(gold[key], errors="coerce")
    if positions.isna().any():
        row = int(np.flatnonzero(positions.isna().to_numpy())[0])
        raise ValueError(
            f"argument 'gold': row {row} has {key}={gold[key].iloc[row]!r}; every "
            "annotated statement needs the place of its sentence in the article"
        )
    predicted = extract_statements(articles)
    keys = pd.MultiIndex.from_arrays(
        [predicted[S.DOC_ID].astype(str), predicted[key].astype(int)]
    )
    lookup = predicted[list(ATTRIBUTION_COLUMNS)].set_axis(keys)
    wanted = pd.MultiIndex.from_arrays([doc_ids, positions.astype(int)])
    found = lookup.reindex(wanted).fillna("")
    out = gold.copy()
    for column in ATTRIBUTION_COLUMNS:
        out[PREDICTED + column] = found[column].to_numpy()
    return out


def attribution_accuracy(
    compared: pd.DataFrame,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    n_resamples: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Share of statements whose automatic attribution agrees with the annotation.

    Parameters
    ----------
    compared : pandas.DataFrame
        The table of :func:`compare_attribution`: ``doc_id`` and, for each column
        of :data:`ATTRIBUTION_COLUMNS` it has, its ``predicted_`` twin.
    by : str, optional
        A column of ``compared`` (e.g. ``"genre"``): one set of rows per value.
    confidence : float, default 0.95
        Level of the intervals.
    n_resamples : int, default 1000
        Bootstrap resamples of whole articles; 0 gives no interval.
        With fewer than 10 articles the interval is a Wilson interval instead
        (:func:`toolkit.framing.clustered.share_interval`).
    seed : int, default 0
        Seed of the resampling.

    Returns
    -------
    pandas.DataFrame
        One row per column of :data:`ATTRIBUTION_COLUMNS` (and per ``by`` value):
        ``column``, ``correct``, ``n``, ``accuracy``, ``ci_low``, ``ci_high`` and
        ``interval`` (the method). Verbs and speakers agree when their normalised
        spellings do.

    Raises
    ------
    ValueError
        When a column is missing, ``by`` is not a column, or an argument is out of
        range.

    Examples
    --------
    >>> compared = pd.DataFrame({"doc_id": ["a", "a", "b"],
    ...     "side": ["sdc", "sdc", "government"],
    ...     "predicted_side": ["sdc", "narrator", "government"]})
    >>> attribution_accuracy(compared, n_resamples=0)[["correct", "n"]].values.tolist()
    [[2, 3]]
    """
    present = getattr(compared, "columns", ())
    columns = [c for c in ATTRIBUTION_COLUMNS if c in present] or [S.SIDE]
    required = [S.DOC_ID, *columns, *(PREDICTED + c for c in columns)]
    check_table(compared, required, "argument 'compared'")
    if by is not None and by not in compared.columns:
        raise ValueError(
            f"argument by={by!r} is not a column of 'compared'; it has "
            f"{S.columns_present(compared.columns)}"
        )
    level = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples", minimum=0)
    seed = seed_argument(seed, "seed")
    groups = compared.groupby(by, sort=True) if by else [(None, compared)]
    rows = []
    for value, part in groups:
        for column in columns:
            agree = _agree(part[column], part[PREDICTED + column])
            per_doc = agree.groupby(part[S.DOC_ID].to_numpy()).agg(["sum", "size"])
            low, high, method = np.nan, np.nan, "none (no statements)"
            if len(part):
                low, high, method = share_interval(
                    per_doc["sum"].to_numpy(),
                    per_doc["size"].to_numpy(),
                    confidence=level,
                    n_resamples=n_resamples,
                    seed=seed,
                )
            row = {} if by is None else {by: value}
            rows.append(
                row
                | {
                    "column": column,
                    "correct": int(agree.sum()),
                    "n": len(part),
                    "accuracy": float(agree.mean()) if len(part) else np.nan,
                    "ci_low": low,
                    "ci_high": high,
                    "interval": method,
                }
            )
    return pd.DataFrame(rows)


def _agree(gold: pd.Series, predicted: pd.Series) -> pd.Series:
    """Row-wise agreement; text columns compared after normalisation."""
    gold, predicted = gold.fillna("").astype(str), predicted.fillna("").astype(str)
    if gold.name in _TEXT_COLUMNS:
        gold, predicted = gold.map(normalize), predicted.map(normalize)
    return pd.Series(gold.to_numpy() == predicted.to_numpy(), index=gold.index)
