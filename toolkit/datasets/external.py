"""Loaders for the public Arabic stance datasets, with their official splits.

Every loader fetches its files through :func:`toolkit.datasets.cache.fetch_file`
(checksum verified), reads each official split file, normalises labels to
lower case and returns one DataFrame with a ``split`` column, rows in the
order of the source files.

Examples
--------
>>> from toolkit.datasets import external
>>> external.MAWQIF_STANCES
('favor', 'against', 'none')
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pandas as pd

from toolkit.corpus.schema import (
    SPLIT,
    STANCE,
    TARGET,
    TEXT,
    check_values,
    require_columns,
)
from toolkit.datasets.cache import fetch_file
from toolkit.datasets.catalog import RemoteFile, remote_files, splits_of
from toolkit.datasets.splits import check_split

#: Item identifier as given by the source (row number for ANS), as a string.
ID = "id"
#: ArabicStanceX domain (education, economy, health, religion, sport, other).
DOMAIN = "domain"
#: ANS claim table: 1 for a corrupted (false) headline, 0 for a true one.
FAKE_FLAG = "fake_flag"
#: Mawqif's ``stance:confidence``: the annotators' agreement on the stance, in (0, 1].
CONFIDENCE = "confidence"

#: Stance labels of Mawqif and ArabicStanceX after lower-casing.
MAWQIF_STANCES: tuple[str, ...] = ("favor", "against", "none")
ARABICSTANCEX_STANCES: tuple[str, ...] = MAWQIF_STANCES
#: Stance labels of the ANS headline pairs.
ANS_STANCES: tuple[str, ...] = ("agree", "disagree", "other")

Reader = Callable[[Path, RemoteFile], pd.DataFrame]


def load_mawqif(split: str | None = None, download: bool = True) -> pd.DataFrame:
    """Load Mawqif (Alturayeif et al. 2022): Arabic tweets, stance toward 3 targets.

    Parameters
    ----------
    split : {"train", "test"} or None, default None
        Official split to return; ``None`` returns both.
    download : bool, default True
        Fetch missing files; ``False`` works offline from the cache only.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``target`` (``Covid Vaccine``, ``Digital
        Transformation``, ``Women empowerment``), ``stance`` (one of
        :data:`MAWQIF_STANCES`), ``confidence`` (the annotators' agreement on the
        stance, in (0, 1]; usable as ``sample_weight`` in training), ``id`` and
        ``split``. Official sizes: train 3,502, test 619.

    Examples
    --------
    >>> load_mawqif(split="dev")
    Traceback (most recent call last):
    ...
    ValueError: load_mawqif: argument split='dev' is not legal; ...
    """
    return _load("mawqif", "stance", split, download, _read_mawqif, "load_mawqif")


def load_arabicstancex(split: str | None = None, download: bool = True) -> pd.DataFrame:
    """Load ArabicStanceX (Alkhathlan et al. 2025): tweets on 17 Saudi topics.

    Parameters
    ----------
    split : {"train", "test"} or None, default None
        Official split to return; ``None`` returns both.
    download : bool, default True
        Fetch missing files; ``False`` works offline from the cache only.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``target`` (the topic, as named by its file, e.g.
        ``women_driving``), ``domain``, ``stance`` (one of
        :data:`ARABICSTANCEX_STANCES`), ``id`` (unique within a target) and
        ``split``. Sizes: train 11,500, test 2,977.

    Examples
    --------
    >>> load_arabicstancex(split="dev")
    Traceback (most recent call last):
    ...
    ValueError: load_arabicstancex: argument split='dev' is not legal; ...
    """
    return _load(
        "arabicstancex",
        "stance",
        split,
        download,
        _read_arabicstancex,
        "load_arabicstancex",
    )


def load_ans(split: str | None = None, download: bool = True) -> pd.DataFrame:
    """Load the ANS stance pairs (Khouja 2020): news headline vs. a claim.

    Parameters
    ----------
    split : {"train", "dev", "test"} or None, default None
        Official split to return; ``None`` returns all three.
    download : bool, default True
        Fetch missing files; ``False`` works offline from the cache only.

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` (the headline ``s2`` judged against the claim),
        ``target`` (the claim ``s1``), ``stance`` (one of
        :data:`ANS_STANCES`), ``id`` (row number in its split file) and
        ``split``. Sizes: train 2,652, dev 755, test 379.

    Examples
    --------
    >>> load_ans(split="validation")
    Traceback (most recent call last):
    ...
    ValueError: load_ans: argument split='validation' is not legal; ...
    """
    return _load("ans", "stance", split, download, _read_ans, "load_ans")


def load_ans_claims(split: str | None = None, download: bool = True) -> pd.DataFrame:
    """Load the ANS claim-verification table: true and corrupted headlines.

    Parameters
    ----------
    split : {"train", "dev", "test"} or None, default None
        Official split to return; ``None`` returns all three.
    download : bool, default True
        Fetch missing files; ``False`` works offline from the cache only.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``fake_flag`` (int, 1 = false claim), ``id`` (row
        number in its split file) and ``split``. Sizes: train 3,185, dev 906,
        test 456.

    Examples
    --------
    >>> load_ans_claims(split="all")
    Traceback (most recent call last):
    ...
    ValueError: load_ans_claims: argument split='all' is not legal; ...
    """
    frame = _load("ans", "claim", split, download, _read_ans_claims, "load_ans_claims")
    return frame.astype({FAKE_FLAG: "int64"})


def _load(
    dataset: str,
    subset: str,
    split: str | None,
    download: bool,
    reader: Reader,
    caller: str,
) -> pd.DataFrame:
    wanted = check_split(split, splits_of(dataset, subset), caller)
    parts = []
    for remote in remote_files(dataset):
        if remote.subset == subset and remote.split in wanted:
            part = reader(fetch_file(remote, download=download), remote)
            parts.append(part.assign(**{SPLIT: remote.split}))
    return pd.concat(parts, ignore_index=True)


def _read_mawqif(path: Path, remote: RemoteFile) -> pd.DataFrame:
    # "None" is a label here, not a missing value; the files start with a BOM.
    columns = ("ID", "text", "target", "stance", "stance:confidence")
    raw = _read_csv(path, columns, encoding="utf-8-sig")
    frame = pd.DataFrame(
        {
            TEXT: raw["text"],
            TARGET: raw["target"],
            STANCE: _label(raw["stance"]),
            CONFIDENCE: _share(raw["stance:confidence"], path),
            ID: raw["ID"],
        }
    )
    check_values(frame, STANCE, MAWQIF_STANCES, str(path))
    return frame


def _share(values: pd.Series, path: Path) -> pd.Series:
    """``values`` as floats in (0, 1]; raise naming the file and the first bad row."""
    shares = pd.to_numeric(values, errors="coerce")
    bad = ~((shares > 0) & (shares <= 1))
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"{path}: row {row} has {values.name}={values.iloc[row]!r}; "
            "expected a number in (0, 1]"
        )
    return shares


def _read_arabicstancex(path: Path, remote: RemoteFile) -> pd.DataFrame:
    # pandas "columns" orient: {"text": {id: tweet}, "stance": {id: label}}
    with path.open(encoding="utf-8") as f:
        raw = json.load(f)
    if not (isinstance(raw, dict) and {"text", "stance"} <= raw.keys()):
        raise ValueError(f"{path}: expected a JSON object with 'text' and 'stance'")
    texts, stances = raw["text"], raw["stance"]
    if texts.keys() != stances.keys():
        raise ValueError(f"{path}: 'text' and 'stance' have different tweet ids")
    topic = PurePosixPath(remote.path)
    frame = pd.DataFrame(
        {
            TEXT: pd.Series(list(texts.values()), dtype="str"),
            TARGET: topic.stem,
            DOMAIN: topic.parent.name,
            STANCE: _label(pd.Series([stances[key] for key in texts], dtype="str")),
            ID: pd.Series(list(texts), dtype="str"),
        }
    )
    check_values(frame, STANCE, ARABICSTANCEX_STANCES, str(path))
    return frame


def _read_ans(path: Path, remote: RemoteFile) -> pd.DataFrame:
    raw = _read_csv(path, ("s1", "s2", "stance"))
    frame = pd.DataFrame(
        {
            TEXT: raw["s2"],
            TARGET: raw["s1"],
            STANCE: _label(raw["stance"]),
            ID: raw.index.astype("str"),
        }
    )
    check_values(frame, STANCE, ANS_STANCES, str(path))
    return frame


def _read_ans_claims(path: Path, remote: RemoteFile) -> pd.DataFrame:
    raw = _read_csv(path, ("claim_s", "fake_flag"))
    frame = pd.DataFrame(
        {
            TEXT: raw["claim_s"],
            FAKE_FLAG: raw["fake_flag"].str.strip(),
            ID: raw.index.astype("str"),
        }
    )
    check_values(frame, FAKE_FLAG, ("0", "1"), str(path))
    return frame


def _label(values: pd.Series) -> pd.Series:
    """Labels as compared with the vocabularies: stripped, lower case."""
    return values.str.strip().str.lower()


def _read_csv(
    path: Path, columns: tuple[str, ...], encoding: str = "utf-8"
) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype="str", keep_default_na=False, encoding=encoding)
    require_columns(raw, columns, str(path))
    return raw
