"""The registry of external data files: where each comes from and its checksum.

Two data files ship with the package:

* ``sources.tsv``, one row per dataset: upstream repository, pinned commit,
  licence, citation and paper;
* ``files.tsv``, one row per file: its path in the cache (which mirrors the
  layout of the project's shared raw copies), dataset, subset (``stance`` or,
  for ANS, ``claim``), official split, path in the upstream repository and
  SHA-256.

Download URLs are built from repository + commit + upstream path, so a file
is always fetched from the commit it was checksummed at.

Examples
--------
>>> from toolkit.datasets import catalog
>>> catalog.DATASETS
('mawqif', 'arabicstancex', 'ans')
>>> mawqif = catalog.remote_files("mawqif")
>>> [f.split for f in mawqif]
['train', 'test']
>>> mawqif[0].url.startswith("https://raw.githubusercontent.com/NoraAlt/")
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote

import pandas as pd

#: Names accepted by :func:`toolkit.datasets.fetch` besides single file paths.
DATASETS: tuple[str, ...] = ("mawqif", "arabicstancex", "ans")

_RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


@dataclass(frozen=True)
class RemoteFile:
    """One registered file of an external dataset.

    Attributes
    ----------
    path : str
        Path relative to the data home (``/`` separated), e.g.
        ``"mawqif/Mawqif_AllTargets_Train.csv"``.
    dataset : str
        One of :data:`DATASETS`.
    subset : str
        Which table of the dataset the file belongs to (``"stance"`` or
        ``"claim"``).
    split : str
        Official split (``"train"``, ``"dev"`` or ``"test"``).
    url : str
        Raw download URL at the pinned upstream commit.
    sha256 : str
        Expected SHA-256 of the file, hex encoded.

    Examples
    --------
    >>> entry = remote_files("ans/stance/dev.csv")[0]
    >>> entry.dataset, entry.subset, entry.split, len(entry.sha256)
    ('ans', 'stance', 'dev', 64)
    >>> entry.url.endswith("/data/stance/dev.csv")
    True
    """

    path: str
    dataset: str
    subset: str
    split: str
    url: str
    sha256: str


def _read_table(name: str) -> pd.DataFrame:
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as f:
        return pd.read_csv(f, sep="\t", dtype=str, keep_default_na=False)


@functools.cache
def _sources() -> pd.DataFrame:
    return _read_table("sources.tsv").set_index("dataset", drop=False)


@functools.cache
def _files() -> tuple[RemoteFile, ...]:
    table = _read_table("files.tsv")
    sources = _sources()
    return tuple(
        RemoteFile(
            path=row.path,
            dataset=row.dataset,
            subset=row.subset,
            split=row.split,
            url=_RAW_URL.format(
                repo=sources.at[row.dataset, "repo"],
                commit=sources.at[row.dataset, "commit"],
                path=quote(row.upstream_path),
            ),
            sha256=row.sha256,
        )
        for row in table.itertuples(index=False)
    )


def sources() -> pd.DataFrame:
    """Return one row per dataset: title, repository, commit, licence, citation.

    Returns
    -------
    pandas.DataFrame
        Columns ``dataset``, ``title``, ``repo``, ``commit``, ``licence``,
        ``citation`` and ``paper``.

    Examples
    --------
    >>> sources().set_index("dataset").at["arabicstancex", "licence"]
    'CC-BY-4.0'
    """
    return _sources().reset_index(drop=True).copy()


def registry() -> pd.DataFrame:
    """Return one row per registered file, with its URL, checksum and licence.

    Returns
    -------
    pandas.DataFrame
        Columns ``path``, ``dataset``, ``subset``, ``split``, ``url``,
        ``sha256`` and ``licence``.

    Examples
    --------
    >>> table = registry()
    >>> table.groupby("dataset", sort=False).size().to_dict()
    {'mawqif': 2, 'arabicstancex': 34, 'ans': 6}
    """
    table = pd.DataFrame([vars(f) for f in _files()])
    table["licence"] = table["dataset"].map(_sources()["licence"])
    return table


def remote_files(name: str) -> list[RemoteFile]:
    """Return the registered files of a dataset, or the one file with that path.

    Parameters
    ----------
    name : str
        A dataset name from :data:`DATASETS` or a registered file path such
        as ``"ans/stance/dev.csv"``.

    Returns
    -------
    list of RemoteFile
        In registry order (splits in their official order).

    Raises
    ------
    ValueError
        When ``name`` is neither a dataset nor a registered path.

    Examples
    --------
    >>> [f.split for f in remote_files("ans/stance/dev.csv")]
    ['dev']
    >>> remote_files("semeval")
    Traceback (most recent call last):
    ...
    ValueError: argument name='semeval' is not a registered dataset or file; ...
    """
    matches = [f for f in _files() if name in (f.dataset, f.path)]
    if not matches:
        raise ValueError(
            f"argument name={name!r} is not a registered dataset or file; "
            f"datasets: {', '.join(DATASETS)}; file paths are listed by "
            "toolkit.datasets.registry()"
        )
    return matches


def splits_of(dataset: str, subset: str) -> tuple[str, ...]:
    """Return the official splits of one table of a dataset, in order.

    Parameters
    ----------
    dataset : str
        One of :data:`DATASETS`.
    subset : str
        ``"stance"``, or ``"claim"`` for the ANS claim-verification table.

    Returns
    -------
    tuple of str
        Empty when the dataset has no such table.

    Examples
    --------
    >>> splits_of("ans", "stance")
    ('train', 'dev', 'test')
    """
    return tuple(
        dict.fromkeys(
            f.split for f in _files() if (f.dataset, f.subset) == (dataset, subset)
        )
    )
