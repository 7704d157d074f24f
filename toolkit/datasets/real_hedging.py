"""Hedging labels on real headlines and tweets, ``datasets/real-hedging``.

The project owns the labels, not the texts: ``labels.tsv`` holds keys into
the public datasets (dataset, official split, target, row id) with two
independent annotations and the adjudicated label, and
:func:`load_real_hedging` joins them with the texts fetched by the
:mod:`toolkit.datasets.external` loaders. The set measures how a hedging model
trained on the project's composed news statements does on real writing it has
never seen: ANS headlines and Mawqif / ArabicStanceX tweets.

Examples
--------
>>> REAL_HEDGING_PATH.name
'labels.tsv'
>>> GENRES["ans_claims"], GENRES["mawqif"]
('headline', 'tweet')
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from toolkit.corpus.schema import HEDGED, SPLIT, TARGET, TEXT, require_columns
from toolkit.corpus.tables import read_table
from toolkit.datasets.external import (
    ID,
    load_ans,
    load_ans_claims,
    load_arabicstancex,
    load_mawqif,
)
from toolkit.datasets.framing import GENRE
from toolkit.datasets.splits import check_split

#: Where the labels live in a source checkout of the project.
REAL_HEDGING_PATH = (
    Path(__file__).resolve().parents[2] / "datasets" / "real-hedging" / "labels.tsv"
)
#: Halves of the set: ``dev`` for choosing cues and settings, ``test`` for the report.
PARTS: tuple[str, ...] = ("dev", "test")
#: Column naming the public dataset a row's text comes from.
DATASET = "dataset"
#: Column naming the half of the set.
PART = "part"
#: Column naming the sampling stratum (see the card).
STRATUM = "stratum"
#: Columns of ``labels.tsv``, in file order.
LABEL_COLUMNS: tuple[str, ...] = (
    "item",
    DATASET,
    SPLIT,
    TARGET,
    ID,
    STRATUM,
    "pool_size",
    PART,
    "first",
    "second",
    HEDGED,
    "adjudication",
)
#: Register of each source.
GENRES: dict[str, str] = {
    "ans": "headline",
    "ans_claims": "headline",
    "mawqif": "tweet",
    "arabicstancex": "tweet",
}
_LOADERS: dict[str, Callable[..., pd.DataFrame]] = {
    "ans": load_ans,
    "ans_claims": load_ans_claims,
    "mawqif": load_mawqif,
    "arabicstancex": load_arabicstancex,
}


def load_real_hedging(
    part: str | None = None,
    download: bool = True,
    path: str | Path | None = None,
) -> pd.DataFrame:
    """Load the real-text hedging labels with their texts.

    Parameters
    ----------
    part : {"dev", "test"} or None, default None
        Keep only this half; ``None`` keeps both.
    download : bool, default True
        Passed to the dataset loaders; ``False`` uses the cache only.
    path : str or Path, optional
        Another labels file with the same columns; default
        :data:`REAL_HEDGING_PATH`. Its encoding is detected like a corpus file's
        (UTF-8, UTF-16 or Windows-1256).

    Returns
    -------
    pandas.DataFrame
        :data:`LABEL_COLUMNS`, then ``text`` and ``genre`` (``headline`` or
        ``tweet``); ``hedged``, ``first`` and ``second`` as int 0/1.

    Raises
    ------
    FileNotFoundError
        When the labels file does not exist, or a dataset is not cached and
        ``download=False`` (the message says how to fetch it).
    ValueError
        When ``part`` is not legal, the file cannot be decoded or parsed, a
        column is missing or given twice, a label is not 0/1, a dataset is
        unknown or a key matches no row of its dataset; the message names the
        file and the line or row (0-based data row).

    Examples
    --------
    >>> load_real_hedging(part="train")
    Traceback (most recent call last):
    ...
    ValueError: load_real_hedging: argument part='train' is not legal; ...
    """
    wanted = check_split(part, PARTS, "load_real_hedging", "part")
    source = Path(path) if path is not None else REAL_HEDGING_PATH
    if not source.is_file():
        raise FileNotFoundError(
            f"real-text hedging labels not found at {source}; they are part of a "
            "source checkout of the project (datasets/real-hedging/labels.tsv)"
        )
    labels = read_table(source, sep="\t")
    _check(labels, str(source))
    labels = labels[labels[PART].isin(wanted)].reset_index(drop=True)
    texts = {name: _texts(name, download) for name in labels[DATASET].unique()}
    keys = labels.apply(_key, axis=1)
    found = [
        texts[name].get(key) for name, key in zip(labels[DATASET], keys, strict=True)
    ]
    missing = [i for i, text in enumerate(found) if text is None]
    if missing:
        row = labels.iloc[missing[0]]
        raise ValueError(
            f"{source}: row {missing[0]} ({row[DATASET]}, split {row[SPLIT]}, "
            f"id {row[ID]}) matches no row of its dataset; is the cached copy "
            "the registered version?"
        )
    labels[TEXT] = found
    labels[GENRE] = labels[DATASET].map(GENRES)
    return labels.astype({HEDGED: "int64", "first": "int64", "second": "int64"})


def _check(labels: pd.DataFrame, what: str) -> None:
    require_columns(labels, LABEL_COLUMNS, what)
    for column, legal in (
        (HEDGED, ("0", "1")),
        ("first", ("0", "1")),
        ("second", ("0", "1")),
        (DATASET, tuple(GENRES)),
        (PART, PARTS),
    ):
        bad = ~labels[column].isin(legal)
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0])
            raise ValueError(
                f"{what}: row {row} has {column}={labels[column].iloc[row]!r}; "
                f"expected one of {', '.join(legal)}"
            )


def _key(row: pd.Series) -> tuple[str, str, str]:
    """(split, target, id); the target only tells ArabicStanceX rows apart."""
    target = row[TARGET] if row[DATASET] == "arabicstancex" else ""
    return row[SPLIT], target, str(row[ID])


def _texts(name: str, download: bool) -> dict[tuple[str, str, str], str]:
    frame = _LOADERS[name](download=download)
    target = frame[TARGET] if name == "arabicstancex" else pd.Series("", frame.index)
    keys = zip(frame[SPLIT], target, frame[ID].astype(str), strict=True)
    return dict(zip(keys, frame[TEXT], strict=True))
