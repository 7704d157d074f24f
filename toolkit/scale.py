"""Run the per-statement pipeline on a Dask DataFrame and combine framing counts.

A corpus too large for one process (many files, or many machines) is an articles
table split into partitions. Each partition goes through the same steps as the
pandas path (:func:`annotate`: normalise, split, attribute, classify) with
``map_partitions``, so the statements are identical whichever engine runs them.

Framing statistics are then built from **additive counts**: :func:`framing_counts`
counts the statements of one partition by document, side, reporting verb, frame,
hedging and stance; counts of different partitions add up exactly
(:func:`combine_counts`), and :func:`expand_counts` turns the combined counts back
into the slim statements table that :func:`toolkit.framing.verb_profile` and
:func:`toolkit.framing.hedging_by_side` read, giving the same numbers as on the
full table. Text-based statistics (labels, distinctive terms) are not covered.

Dask is an optional dependency (``pip install "arabic-framing-toolkit[scale]"``);
:func:`annotate`, :func:`framing_counts`, :func:`combine_counts` and
:func:`expand_counts` work on plain pandas and also serve to stream a corpus in
chunks on one machine.

Examples
--------
>>> from toolkit.corpus import load_example
>>> counts = framing_counts(annotate(load_example()))
>>> int(counts["count"].sum())
9
>>> len(expand_counts(counts))
9
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype

from toolkit.corpus import schema as S
from toolkit.corpus.attribution import extract_statements
from toolkit.corpus.loaders import load_corpus

if TYPE_CHECKING:
    import dask.dataframe as dd

#: Name of the count column of :func:`framing_counts`.
COUNT = "count"
#: Columns every counts table is keyed on; ``hedged`` and ``stance`` follow when the
#: statements have them.
BASE_KEYS: tuple[str, ...] = (S.DOC_ID, S.SIDE, S.VERB, S.VERB_LEMMA, S.VERB_FRAME)
_OPTIONAL_KEYS: tuple[str, ...] = (S.HEDGED, S.STANCE)
#: A tiny article used to learn the column types of :func:`annotate`'s output.
_PROBE_TEXT = "قال المتحدث إن الهدنة صامدة."


def annotate(
    articles: pd.DataFrame, *, stance: Any = None, hedge: Any = None
) -> pd.DataFrame:
    """Run the per-statement pipeline on one articles table (or one partition).

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table with ``doc_id`` and ``text``.
    stance, hedge : fitted classifier, optional
        Objects with ``predict(texts)`` (e.g. :class:`toolkit.classify.StanceClassifier`
        and :class:`toolkit.classify.HedgeClassifier`); their predictions on the
        statements' raw text become the ``stance`` and ``hedged`` columns.

    Returns
    -------
    pandas.DataFrame
        The statements table of :func:`toolkit.corpus.extract_statements`, plus
        ``stance`` and ``hedged`` for the classifiers given.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> annotate(load_example())["side"].value_counts()["sdc"]
    np.int64(4)
    """
    statements = extract_statements(articles)
    texts = statements[S.TEXT].tolist()
    for column, model in ((S.STANCE, stance), (S.HEDGED, hedge)):
        if model is not None:
            predicted = model.predict(texts) if texts else []
            statements[column] = np.asarray(predicted)
    return statements


def framing_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Count statements by document, side, verb, frame and (when present) labels.

    Parameters
    ----------
    statements : pandas.DataFrame
        A statements table with ``doc_id``, ``side``, ``verb``, ``verb_lemma`` and
        ``verb_frame``; ``hedged`` and ``stance`` are counted when present.

    Returns
    -------
    pandas.DataFrame
        One row per distinct key (:data:`BASE_KEYS`, then ``hedged``/``stance``),
        sorted, with the number of statements in ``count``. Keys are strings.
        Tables of disjoint sets of statements add up with :func:`combine_counts`.

    Raises
    ------
    ValueError
        When a key column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "side": ["sdc", "sdc"],
    ...     "verb": ["زعم", "زعم"], "verb_lemma": ["زعم", "زعم"],
    ...     "verb_frame": ["distancing", "distancing"]})
    >>> framing_counts(table)["count"].tolist()
    [2]
    """
    S.require_columns(statements, BASE_KEYS, "argument 'statements'")
    keys = _keys(statements)
    table = S.as_text(statements[keys])
    counts = table.groupby(keys, sort=True).size()
    return counts.rename(COUNT).reset_index()


def combine_counts(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Add up counts tables of disjoint sets of statements.

    Parameters
    ----------
    parts : iterable of pandas.DataFrame
        Outputs of :func:`framing_counts` with the same key columns.

    Returns
    -------
    pandas.DataFrame
        The counts of all the statements together, sorted by key: the same table as
        :func:`framing_counts` on the concatenated statements.

    Raises
    ------
    ValueError
        When there is no part, or the parts do not have the same columns.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> one = framing_counts(annotate(load_example()))
    >>> int(combine_counts([one, one])["count"].sum())
    18
    """
    parts = list(parts)
    if not parts:
        raise ValueError("argument 'parts': no counts table to combine")
    columns = list(parts[0].columns)
    for number, part in enumerate(parts):
        if list(part.columns) != columns:
            raise ValueError(
                f"argument 'parts': table {number} has columns {list(part.columns)}, "
                f"table 0 has {columns}"
            )
    keys = [c for c in columns if c != COUNT]
    summed = pd.concat(parts, ignore_index=True).groupby(keys, sort=True)[COUNT].sum()
    return summed.astype("int64").reset_index()


def expand_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Turn a counts table back into one row per statement (without the text).

    Parameters
    ----------
    counts : pandas.DataFrame
        Output of :func:`framing_counts` or :func:`combine_counts`.

    Returns
    -------
    pandas.DataFrame
        The key columns repeated ``count`` times, ordered by ``doc_id``: a slim
        statements table for :func:`toolkit.framing.verb_profile` and
        :func:`toolkit.framing.hedging_by_side`, whose results depend only on these
        counts and so equal those on the full statements table.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"doc_id": ["a"], "side": ["sdc"], "verb": ["زعم"],
    ...     "verb_lemma": ["زعم"], "verb_frame": ["distancing"], "count": [2]})
    >>> expand_counts(counts)["side"].tolist()
    ['sdc', 'sdc']
    """
    S.require_columns(counts, (*BASE_KEYS, COUNT), "argument 'counts'")
    keys = [c for c in counts.columns if c != COUNT]
    rows = np.repeat(np.arange(len(counts)), counts[COUNT].to_numpy(dtype=np.int64))
    return counts[keys].iloc[rows].reset_index(drop=True)


def read_articles(paths: str | Path | Sequence[str | Path]) -> dd.DataFrame:
    """Read a corpus spread over many files as a Dask DataFrame, one file a partition.

    Parameters
    ----------
    paths : str, Path or sequence of them
        Files that :func:`toolkit.corpus.load_corpus` reads (``.csv``, ``.tsv``,
        ``.jsonl``, ``.parquet`` or ``.txt``), or glob patterns. On a cluster the
        files must be readable by every worker at the same path (a shared or
        mounted folder).

    Returns
    -------
    dask.dataframe.DataFrame
        The articles table; each file is read by ``load_corpus`` on a worker. The
        ``doc_id`` values must be unique across files (each file is checked alone).

    Raises
    ------
    FileNotFoundError
        When a pattern matches no file.

    Examples
    --------
    >>> from toolkit.corpus.loaders import EXAMPLES_DIR
    >>> read_articles(EXAMPLES_DIR / "*.txt").npartitions
    1
    """
    import dask.dataframe as dd

    patterns = [paths] if isinstance(paths, str | Path) else list(paths)
    files: list[str] = []
    for pattern in patterns:
        found = sorted(glob.glob(str(pattern)))
        if not found:
            raise FileNotFoundError(f"argument 'paths': {pattern} matches no file")
        files.extend(found)
    return dd.from_map(load_corpus, files)


def statements(
    articles: dd.DataFrame, *, stance: Any = None, hedge: Any = None
) -> dd.DataFrame:
    """Apply :func:`annotate` to every partition of a Dask articles table.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame
        An articles table with ``doc_id`` and ``text``; keep each article inside one
        partition (attribution reads an article's sentences in order).
    stance, hedge : fitted classifier, optional
        As in :func:`annotate`; shipped to the workers with the task graph.

    Returns
    -------
    dask.dataframe.DataFrame
        The lazily computed statements table.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> from toolkit.corpus import load_example
    >>> lazy = statements(dd.from_pandas(load_example(), npartitions=1))
    >>> len(lazy.compute())
    9
    """
    probe = articles._meta.iloc[:0].copy()
    probe.loc[0] = ""
    dtype = articles._meta[S.DOC_ID].dtype
    # any id but an empty one, which extract_statements refuses; a categorical
    # doc_id would turn an id outside its categories into NaN
    probe[S.DOC_ID] = (
        pd.Series([0], dtype=dtype) if is_numeric_dtype(dtype) else "probe"
    )
    probe[S.TEXT] = _PROBE_TEXT
    meta = annotate(probe, stance=stance, hedge=hedge).iloc[:0]
    return articles.map_partitions(annotate, stance=stance, hedge=hedge, meta=meta)


def dask_framing_counts(statements: dd.DataFrame) -> pd.DataFrame:
    """Count a Dask statements table per partition and combine the counts.

    Parameters
    ----------
    statements : dask.dataframe.DataFrame
        For example the output of :func:`statements`.

    Returns
    -------
    pandas.DataFrame
        The same table as :func:`framing_counts` on the whole computed statements.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> from toolkit.corpus import load_example
    >>> lazy = statements(dd.from_pandas(load_example(), npartitions=1))
    >>> int(dask_framing_counts(lazy)["count"].sum())
    9
    """
    meta = framing_counts(statements._meta)
    keys = [c for c in meta.columns if c != COUNT]
    per_partition = statements.map_partitions(framing_counts, meta=meta)
    summed = per_partition.groupby(keys)[COUNT].sum().compute()
    return combine_counts([summed.reset_index()])


def _keys(statements: pd.DataFrame) -> list[str]:
    return [*BASE_KEYS, *(c for c in _OPTIONAL_KEYS if c in statements.columns)]
