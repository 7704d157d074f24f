"""The local cache of external data: where it lives and how files get there.

Files are stored under :func:`data_home` at the relative paths of the
registry, downloaded with pooch (checksum verified) only when missing and
allowed. A file already in the cache is checked against its SHA-256 on every
use and never overwritten: a mismatch raises :class:`ChecksumError`.

Examples
--------
>>> from toolkit.datasets import cache
>>> cache.ENV_VAR
'TOOLKIT_DATA_HOME'
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import platformdirs
from tqdm import TqdmWarning

from toolkit.datasets.catalog import RemoteFile, remote_files

with warnings.catch_warnings():
    # pooch imports tqdm.auto, which warns "IProgress not found" in every notebook
    # without ipywidgets; the toolkit draws no notebook progress bar.
    warnings.simplefilter("ignore", TqdmWarning)
    import pooch

#: Environment variable naming the cache folder (overrides the default).
ENV_VAR = "TOOLKIT_DATA_HOME"
#: Application name used for the default folder in the user's cache directory.
APP_NAME = "arabic-framing-toolkit"


class ChecksumError(ValueError):
    """A cached file does not have the SHA-256 the registry expects."""


def data_home() -> Path:
    """Return the folder holding cached external data.

    ``$TOOLKIT_DATA_HOME`` when set and not empty, else the
    ``arabic-framing-toolkit`` folder in the user's cache directory
    (``~/.cache/arabic-framing-toolkit`` on Linux). The folder is not created.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> data_home().is_absolute()
    True
    """
    configured = os.environ.get(ENV_VAR, "")
    if configured:
        return Path(configured).expanduser().resolve()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def fetch(name: str, download: bool = True) -> Path:
    """Make sure the files of a dataset (or one file) are in the cache.

    Parameters
    ----------
    name : str
        A dataset (``"mawqif"``, ``"arabicstancex"``, ``"ans"``) or one
        registered file path such as ``"ans/stance/dev.csv"``.
    download : bool, default True
        Download missing files. With ``False`` nothing touches the network and
        a missing file raises ``FileNotFoundError``.

    Returns
    -------
    pathlib.Path
        The dataset's folder in the cache, or the file's path when ``name``
        is a file.

    Raises
    ------
    ValueError
        When ``name`` is unknown.
    FileNotFoundError
        When a file is missing and ``download`` is false; the message names
        the URL, the expected path and how to fetch it.
    ChecksumError
        When a cached or downloaded file has the wrong SHA-256.

    Examples
    --------
    >>> fetch("nonexistent", download=False)
    Traceback (most recent call last):
    ...
    ValueError: argument name='nonexistent' is not a registered dataset or file; ...
    """
    files = remote_files(name)
    paths = [fetch_file(remote, download=download) for remote in files]
    if name in {remote.dataset for remote in files}:
        return data_home() / name
    return paths[0]


def missing_files(name: str) -> list[str]:
    """List the registered files of a dataset (or one file) not in the cache.

    Nothing is downloaded or checked beyond existence: use it to decide whether
    an offline analysis can run, and :func:`fetch` to get what is missing.

    Parameters
    ----------
    name : str
        A dataset or one registered file path, as for :func:`fetch`.

    Returns
    -------
    list of str
        Paths relative to :func:`data_home`; empty when all files are there.

    Examples
    --------
    >>> import tempfile
    >>> from unittest import mock
    >>> with tempfile.TemporaryDirectory() as empty:
    ...     with mock.patch.dict("os.environ", {ENV_VAR: empty}):
    ...         print(missing_files("ans/stance/dev.csv"))
    ['ans/stance/dev.csv']
    """
    home = data_home()
    return [f.path for f in remote_files(name) if not (home / f.path).is_file()]


def fetch_file(remote: RemoteFile, download: bool = True) -> Path:
    """Return the verified local path of one registered file.

    Parameters
    ----------
    remote : RemoteFile
        An entry of the registry.
    download : bool, default True
        Download the file when it is missing.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    FileNotFoundError, ChecksumError
        As in :func:`fetch`.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> from toolkit.datasets.catalog import remote_files
    >>> dev = remote_files("ans/claim/dev.csv")[0]
    >>> with tempfile.TemporaryDirectory() as empty:
    ...     with mock.patch.dict(os.environ, {ENV_VAR: empty}):
    ...         fetch_file(dev, download=False)
    Traceback (most recent call last):
    ...
    FileNotFoundError: external data file 'ans/claim/dev.csv' is not in the cache: ...
    """
    path = data_home().joinpath(*remote.path.split("/"))
    if not path.is_file():
        if not download:
            raise FileNotFoundError(_missing_message(remote, path))
        _download(remote, path)
    actual = pooch.file_hash(str(path), alg="sha256")
    if actual != remote.sha256:
        raise ChecksumError(
            f"{path}: SHA-256 is {actual}, the registry expects {remote.sha256} "
            f"(file {remote.path!r} from {remote.url}). The file is damaged or "
            "from another version; move it away and fetch it again."
        )
    return path


def _download(remote: RemoteFile, path: Path) -> None:
    try:
        pooch.retrieve(
            url=remote.url,
            known_hash=f"sha256:{remote.sha256}",
            fname=path.name,
            path=path.parent,
            progressbar=True,
        )
    except ValueError as error:  # pooch's message for a hash mismatch
        raise ChecksumError(f"{remote.url} -> {path}: {error}") from error


def _missing_message(remote: RemoteFile, path: Path) -> str:
    return (
        f"external data file {remote.path!r} is not in the cache: expected at "
        f"{path} (download=False, so it was not fetched from {remote.url}). "
        f'Fetch it with: python -c "import toolkit.datasets as d; '
        f"d.fetch('{remote.dataset}')\", or download the URL to that path, or "
        f"set {ENV_VAR} to a folder that already holds {remote.path}."
    )
