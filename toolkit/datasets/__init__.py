"""Labelled Arabic stance data: public datasets (fetched, cached) and our corpus.

Public datasets are never vendored: each file is registered with its raw URL at
a pinned upstream commit, its SHA-256 and its licence (:func:`registry`,
:func:`sources`), cached under :func:`data_home` (``$TOOLKIT_DATA_HOME`` or
the user's cache directory) and verified on every use. ``download=False``
works offline. Loaders return DataFrames with the official splits in a
``split`` column.

Examples
--------
>>> import toolkit.datasets as d
>>> sorted(d.sources()["dataset"])
['ans', 'arabicstancex', 'mawqif']
"""

from toolkit.datasets.cache import (
    ENV_VAR,
    ChecksumError,
    data_home,
    fetch,
    missing_files,
)
from toolkit.datasets.catalog import DATASETS, registry, sources
from toolkit.datasets.external import (
    ANS_STANCES,
    ARABICSTANCEX_STANCES,
    CONFIDENCE,
    DOMAIN,
    FAKE_FLAG,
    ID,
    MAWQIF_STANCES,
    load_ans,
    load_ans_claims,
    load_arabicstancex,
    load_mawqif,
)
from toolkit.datasets.framing import (
    FRAMING_COLUMNS,
    FRAMING_STATEMENTS_PATH,
    GENRE,
    NOTES,
    framing_articles,
    load_framing_statements,
)
from toolkit.datasets.real_hedging import REAL_HEDGING_PATH, load_real_hedging

__all__ = [
    "ANS_STANCES",
    "ARABICSTANCEX_STANCES",
    "CONFIDENCE",
    "DATASETS",
    "DOMAIN",
    "ENV_VAR",
    "FAKE_FLAG",
    "FRAMING_COLUMNS",
    "FRAMING_STATEMENTS_PATH",
    "GENRE",
    "ID",
    "MAWQIF_STANCES",
    "NOTES",
    "REAL_HEDGING_PATH",
    "ChecksumError",
    "data_home",
    "fetch",
    "framing_articles",
    "load_ans",
    "load_ans_claims",
    "load_arabicstancex",
    "load_framing_statements",
    "load_mawqif",
    "load_real_hedging",
    "missing_files",
    "registry",
    "sources",
]
