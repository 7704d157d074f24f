"""Draw a stratified sample of statements for a human to annotate.

Examples
--------
>>> from toolkit.corpus import extract_statements, load_example
>>> sheet = annotation_sheet(extract_statements(load_example()), n=3, seed=0)
>>> sheet["side"].value_counts().sort_index().to_dict()
{'government': 1, 'narrator': 1, 'sdc': 1}
>>> list(sheet.columns[-3:])
['stance', 'hedged', 'notes']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.arguments import count_argument, seed_argument
from toolkit.corpus import schema as S

#: Columns the annotator fills in, following ``datasets/ANNOTATION.md``.
TO_FILL: tuple[str, ...] = (S.STANCE, S.HEDGED, "notes")
#: Columns copied from the statements table (attribution is a suggestion to check).
SHOWN: tuple[str, ...] = (
    S.DOC_ID,
    S.SENT_ID,
    S.TEXT,
    S.SPEAKER,
    S.SIDE,
    S.VERB,
    S.VERB_FRAME,
)


def stratified_sample(
    frame: pd.DataFrame, n: int, by: str, seed: int = 0
) -> pd.DataFrame:
    """Sample ``n`` rows with every value of ``by`` represented proportionally.

    Each stratum gets its proportional share (largest remainders round it), and at
    least one row while ``n`` allows; the result keeps the input's order.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows to sample from.
    n : int
        Sample size, ``1 <= n``; capped at ``len(frame)``.
    by : str
        Column to stratify on; rows where it is missing form one more stratum.
    seed : int
        Random seed: the same seed gives the same sample.

    Returns
    -------
    pandas.DataFrame
        The sampled rows.

    Raises
    ------
    TypeError, ValueError
        When ``n`` is not a whole number of at least 1, ``seed`` is not a seed, or
        ``by`` is not a column.

    Examples
    --------
    >>> frame = pd.DataFrame({"g": list("aaaaaaaabb")})
    >>> stratified_sample(frame, 5, "g")["g"].value_counts().to_dict()
    {'a': 4, 'b': 1}
    """
    n = count_argument(n, "n")
    seed = seed_argument(seed, "seed")
    S.require_columns(frame, [by], f"argument by={by!r}")
    n = min(n, len(frame))
    # strata in order of first appearance; a missing value is a stratum of its own
    codes, _ = pd.factorize(frame[by], use_na_sentinel=False)
    take = _allocate(pd.Series(np.bincount(codes)), n)
    rng = np.random.default_rng(seed)
    chosen = []
    for code, count in take.items():
        rows = np.flatnonzero(codes == code)
        chosen.extend(rng.choice(rows, size=int(count), replace=False))
    return frame.iloc[sorted(chosen)]


def _allocate(sizes: pd.Series, n: int) -> pd.Series:
    """Split ``n`` over strata of ``sizes``: proportional, at least one each if possible."""
    quota = sizes / sizes.sum() * n
    take = np.floor(quota).astype(int)
    if n >= len(sizes):
        take = take.clip(lower=1)
    while take.sum() > n:  # the minimum of one overshot: trim the largest strata
        take[take.idxmax()] -= 1
    room = (quota - take).where(take < sizes, -np.inf).sort_values(ascending=False)
    for key in room.index[: n - int(take.sum())]:
        take[key] += 1
    return take


def annotation_sheet(
    statements: pd.DataFrame, n: int, by: str = S.SIDE, seed: int = 0
) -> pd.DataFrame:
    """Return a stratified sample of statements with empty label columns to fill.

    Parameters
    ----------
    statements : pandas.DataFrame
        A statements table, e.g. from :func:`toolkit.corpus.extract_statements`.
    n : int
        Number of statements.
    by : str
        Column to stratify on (default ``side``).
    seed : int
        Random seed.

    Returns
    -------
    pandas.DataFrame
        :data:`SHOWN` columns, then empty :data:`TO_FILL` columns.

    Examples
    --------
    >>> from toolkit.corpus import extract_statements, load_example
    >>> sheet = annotation_sheet(extract_statements(load_example()), n=4, seed=1)
    >>> sorted(sheet["side"]), sheet.loc[0, "stance"]
    (['government', 'narrator', 'sdc', 'sdc'], '')
    """
    S.require_columns(statements, SHOWN, "argument 'statements'")
    sheet = stratified_sample(statements, n, by, seed)[list(SHOWN)].copy()
    for column in TO_FILL:
        sheet[column] = ""
    return sheet.reset_index(drop=True)
