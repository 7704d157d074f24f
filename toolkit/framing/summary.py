"""One tidy table comparing two sides: the table a framing paper prints.

Examples
--------
>>> import warnings
>>> from toolkit.corpus.loaders import load_example_gold
>>> with warnings.catch_warnings(record=True) as caught:  # one article: it warns
...     warnings.simplefilter("always")
...     table = compare_sides(load_example_gold())
>>> sorted({w.category.__name__ for w in caught})
['OneDocumentWarning']
>>> table.query("measure == 'hedged share'")[["side", "value", "test"]]
          side  value          test
12  government   0.00  fisher_exact
13         sdc   0.25  fisher_exact
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from toolkit.arguments import (
    choice_argument,
    count_argument,
    level_argument,
    seed_argument,
)
from toolkit.corpus.schema import (
    DOC_ID,
    GOVERNMENT,
    HEDGED,
    SDC,
    SIDE,
    SIDES,
    STANCE,
    STANCES,
    VERB,
    VERB_FRAME,
    VERB_FRAMES,
    check_values,
    columns_present,
)
from toolkit.framing._input import check_statements, flags, frames, texts
from toolkit.framing.clustered import (
    clustered_difference_test,
    share_interval,
    warn_one_document,
)
from toolkit.framing.columns import (
    CI_HIGH,
    CI_LOW,
    COUNT,
    FAVOURS,
    LABEL,
    MEASURE,
    P_HOLM,
    P_VALUE,
    REFERS_TO,
    SECTION,
    SPELLING,
    TEST,
    VALENCE,
    VALENCES,
    VALUE,
    Z,
)
from toolkit.framing.labels import labels_by_actor
from toolkit.framing.stats import holm_adjust
from toolkit.framing.terms import distinctive_terms

COLUMNS: tuple[str, ...] = (
    SECTION, MEASURE, SIDE, VALUE, CI_LOW, CI_HIGH, TEST, P_VALUE, P_HOLM,
)  # fmt: skip


def compare_sides(
    statements: pd.DataFrame,
    sides: Sequence[str] = (GOVERNMENT, SDC),
    *,
    hedged: str = HEDGED,
    n_terms: int = 5,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Summarise how an outlet frames two sides: shares with intervals and tests.

    Parameters
    ----------
    statements : pandas.DataFrame
        Statements with ``doc_id``, ``side``, ``verb``, ``verb_frame`` and
        ``text``; ``hedged`` and ``stance`` add their sections when present.
    sides : pair of str
        The two sides compared, two different values of
        :data:`~toolkit.corpus.schema.SIDES`.
    hedged : str
        Hedging column (gold or predicted); a name other than the default must
        exist.
    n_terms : int
        Distinctive terms listed per side, at least 1.
    confidence, n_resamples, seed
        Of the intervals of the shares, as in
        :func:`~toolkit.framing.hedging_by_side`.

    Returns
    -------
    pandas.DataFrame
        Long table with columns ``section``, ``measure``, ``side``, ``value``,
        ``ci_low``, ``ci_high``, ``test``, ``p_value`` and ``p_holm``. Sections,
        in order:

        * ``statements``: number of statements and of documents per side;
        * ``verb frame``: share of each frame of the side's statements, each
          tested against the other side (frame vs other frames, 2×2);
        * ``hedging``: hedged share (if ``hedged`` exists), tested;
        * ``stance``: share of each stance (if ``stance`` exists), tested;
        * ``labels``: here ``side`` is the side *named*, not the speaker's: the
          share of the labels naming it that are delegitimising / neutral /
          legitimising, whoever speaks, then each label and how often it occurs
          (``measure`` reads ``label «...» (valence) naming it``);
        * ``distinctive terms``: the ``n_terms`` words with the largest z-score
          for each side (``measure`` reads ``top term «...» (|z|)``); ``value``
          is its size ``|z|`` (the sign is the side). Only a word with ``|z|`` of
          at least :data:`~toolkit.framing.terms.Z_DISTINCTIVE` is conventionally
          distinctive; the others are leads to read.
          Left out, with a warning saying why, when
          :func:`~toolkit.framing.distinctive_terms` cannot compare the sides (a
          side without statements or without words, say).

        Every share of statements (verb frame, hedging, stance; not the label
        shares, which count labels) has an interval and a test that account
        for statements being clustered in documents
        (:func:`toolkit.framing.clustered.share_interval`,
        :func:`toolkit.framing.clustered.clustered_difference_test`; the hedged
        share's are those of :func:`~toolkit.framing.hedging_by_side`).
        ``p_value`` is each test's own; ``p_holm`` adjusts it for every test in
        the table (:func:`~toolkit.framing.stats.holm_adjust`; the two rows of
        one share are one test), so that "any p_holm below 0.05" is a claim
        about the whole table at the 5 % level.

    Raises
    ------
    TypeError
        When ``statements`` is not a DataFrame, ``sides`` is not a pair, or a
        number argument has the wrong type.
    ValueError
        When a column is missing or duplicated, ``sides`` does not name two
        different known sides, ``n_terms`` is below 1, ``confidence`` is not
        between 0 and 1, ``n_resamples`` or ``seed`` is negative, or a row has an unknown
        side, frame or stance, no document id, or a hedging value that is not
        0/1 (the row number counts from 0 over the whole table).

    Warns
    -----
    OneDocumentWarning
        When a side's statements all come from one document: its intervals and
        tests then treat them as independent and speak for that document only.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2"],
    ...     "side": ["government", "sdc"] * 2, "verb": ["أكدت", "زعم"] * 2,
    ...     "verb_frame": ["assertive", "distancing"] * 2,
    ...     "text": ["أكدت الوزارة", "زعم المجلس"] * 2})
    >>> compare_sides(table)["section"].unique().tolist()
    ['statements', 'verb frame', 'distinctive terms']
    """
    check_statements(statements, [DOC_ID, SIDE, VERB, VERB_FRAME])
    side_a, side_b = choice_argument(sides, "sides", allowed=SIDES, count=2)
    n_terms = count_argument(n_terms, "n_terms")
    level_argument(confidence)
    count_argument(n_resamples, "n_resamples", minimum=0)
    seed_argument(seed, "seed")
    # Check every row before any work, so that errors count rows over the whole
    # table rather than over the two sides' subset.
    texts(statements)
    frames(statements)
    if hedged != HEDGED and hedged not in statements.columns:
        raise ValueError(
            f"argument 'hedged': no column {hedged!r} in argument 'statements'; "
            f"{columns_present(statements.columns, [hedged])}"
        )
    if hedged in statements.columns:
        flags(statements, hedged)
    if STANCE in statements.columns:
        check_values(statements, STANCE, STANCES, "argument 'statements'")
    chosen = statements[statements[SIDE].isin([side_a, side_b])]
    warn_one_document(chosen.groupby(SIDE)[DOC_ID].nunique().to_dict(), "compare_sides")
    uncertainty = {"confidence": confidence, "n_resamples": n_resamples, "seed": seed}
    parts = [
        _counts(chosen, (side_a, side_b)),
        _verb_frames(chosen, (side_a, side_b), uncertainty),
    ]
    if hedged in statements.columns:
        hit = flags(chosen, hedged).astype(int)
        records = _tested_shares(
            "hedged share", chosen, hit, (side_a, side_b), uncertainty
        )
        parts.append(_rows("hedging", records))
    if STANCE in statements.columns:
        parts.append(_stances(chosen, (side_a, side_b), uncertainty))
    parts.append(_labels(statements, (side_a, side_b)))
    parts.append(_terms(statements, (side_a, side_b), n_terms))
    table = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return _adjusted(table.reindex(columns=list(COLUMNS)))


def _adjusted(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with ``p_holm`` filled: one test per (section, measure)."""
    tests = table.dropna(subset=[P_VALUE]).drop_duplicates([SECTION, MEASURE])
    keys = pd.MultiIndex.from_frame(tests[[SECTION, MEASURE]])
    adjusted = pd.Series(holm_adjust(tests[P_VALUE].to_numpy(float)), index=keys)
    rows = pd.MultiIndex.from_frame(table[[SECTION, MEASURE]])
    table[P_HOLM] = adjusted.reindex(rows).to_numpy(float)
    return table


def _rows(section: str, records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{SECTION: section, **record} for record in records])


def _counts(statements: pd.DataFrame, sides: tuple[str, str]) -> pd.DataFrame:
    records = []
    for side in sides:
        rows = statements[statements[SIDE] == side]
        records.append({MEASURE: "statements", SIDE: side, VALUE: len(rows)})
        records.append(
            {MEASURE: "documents", SIDE: side, VALUE: rows[DOC_ID].nunique()}
        )
    return _rows(
        "statements", sorted(records, key=lambda r: r[MEASURE] != "statements")
    )


def _tested_shares(
    measure: str,
    statements: pd.DataFrame,
    hit: pd.Series,
    sides: tuple[str, str],
    uncertainty: dict,
) -> list[dict]:
    """Share of ``hit`` per side, its interval, and the clustered test of the gap."""
    grouped = hit.groupby(
        [statements[SIDE].to_numpy(), statements[DOC_ID].astype(str).to_numpy()]
    ).agg(["sum", "count"])
    found = set(grouped.index.get_level_values(0))
    per_doc = {
        side: grouped.xs(side, level=0)
        if side in found
        else pd.DataFrame({"sum": [], "count": []})
        for side in sides
    }
    a, b = (per_doc[side] for side in sides)
    test = clustered_difference_test(a["sum"], a["count"], b["sum"], b["count"])
    records = []
    for side in sides:
        counts = per_doc[side]
        total = int(counts["count"].sum())
        low = high = float("nan")
        if total:
            low, high, _ = share_interval(
                counts["sum"],
                counts["count"],
                confidence=uncertainty["confidence"],
                n_resamples=uncertainty["n_resamples"],
                seed=[uncertainty["seed"], SIDES.index(side)],
            )
        records.append(
            {
                MEASURE: measure,
                SIDE: side,
                VALUE: counts["sum"].sum() / total if total else float("nan"),
                CI_LOW: low,
                CI_HIGH: high,
                TEST: test.test,
                P_VALUE: test.p_value,
            }
        )
    return records


def _verb_frames(
    statements: pd.DataFrame, sides: tuple[str, str], uncertainty: dict
) -> pd.DataFrame:
    frame = frames(statements)
    records = []
    for value in VERB_FRAMES:
        hit = frame == value
        if hit.any():
            records += _tested_shares(
                f"{value} share", statements, hit.astype(int), sides, uncertainty
            )
    return _rows("verb frame", records)


def _stances(
    statements: pd.DataFrame, sides: tuple[str, str], uncertainty: dict
) -> pd.DataFrame:
    records = []
    for value in STANCES:
        hit = statements[STANCE] == value
        if hit.any():
            records += _tested_shares(
                f"{value} share", statements, hit.astype(int), sides, uncertainty
            )
    return _rows("stance", records)


def _labels(statements: pd.DataFrame, sides: tuple[str, str]) -> pd.DataFrame:
    labels = labels_by_actor(statements)
    records = []
    for side in sides:
        naming = labels[labels[REFERS_TO] == side]
        total = int(naming[COUNT].sum())
        if not total:
            continue
        by_valence = naming.groupby(VALENCE)[COUNT].sum()
        records += [
            {
                MEASURE: f"{valence} share of labels naming it",
                SIDE: side,
                VALUE: by_valence.get(valence, 0) / total,
            }
            for valence in VALENCES
        ]
        per_label = naming.groupby([LABEL, VALENCE], sort=False)[COUNT].sum()
        records += [
            {
                MEASURE: f"label «{label}» ({valence}) naming it",
                SIDE: side,
                VALUE: count,
            }
            for (label, valence), count in per_label.items()
        ]
    return _rows("labels", records)


def _terms(
    statements: pd.DataFrame, sides: tuple[str, str], n_terms: int
) -> pd.DataFrame:
    try:
        terms = distinctive_terms(statements, SIDE, sides)
    except ValueError as error:
        warnings.warn(
            f"compare_sides: no 'distinctive terms' section: {error}",
            UserWarning,
            stacklevel=3,
        )
        return pd.DataFrame()
    records = []
    for side, ordered in ((sides[0], terms), (sides[1], terms.iloc[::-1])):
        top = ordered[ordered[FAVOURS] == side].head(n_terms)
        records += [
            {MEASURE: f"top term «{word}» (|z|)", SIDE: side, VALUE: abs(z)}
            for word, z in zip(top[SPELLING], top[Z], strict=True)
        ]
    return _rows("distinctive terms", records)
