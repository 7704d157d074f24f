"""Write output files whole or not at all: a failure never leaves a half-written file.

Each file is first written under a temporary name beside its destination, then
renamed over it (:func:`os.replace`, atomic on one file system). A failed write
removes the temporary file and leaves the destination as it was, and its error
names the destination.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     target = Path(tmp) / "notes.txt"
...     with atomic_path(target) as partial:
...         _ = partial.write_text("done", encoding="utf-8")
...     target.read_text(encoding="utf-8"), [p.name for p in Path(tmp).iterdir()]
('done', ['notes.txt'])
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Start of the name of a staging folder (:func:`staging_folder`); one left by a
#: killed process is not a file of the user's.
STAGING_PREFIX = ".staging-"


def write_error(error: OSError, target: str | Path) -> OSError:
    """Return ``error`` as an error of the same type whose message names ``target``.

    Parameters
    ----------
    error : OSError
        The error a write raised (its own message may name a temporary file or
        no file at all, as ``[Errno 27] File too large`` does).
    target : str or Path
        The file or folder the user asked for.

    Returns
    -------
    OSError
        To raise ``from error``.

    Examples
    --------
    >>> str(write_error(OSError(27, "File too large"), "model.skops"))
    'could not write model.skops (File too large); it was left as it was'
    """
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return type(error)(f"could not write {target} ({reason}); it was left as it was")


def check_out_file(
    out: str | Path,
    *,
    source: str | Path,
    force: bool = False,
    option: str = "out",
    force_option: str = "force=True",
) -> None:
    """Raise unless a new file may be written at ``out`` from the input ``source``.

    The input is never replaced: ``out`` may not be ``source`` itself (also
    through a symbolic or hard link) nor lie inside ``source`` when it is a
    folder, even with ``force``. An existing ``out`` is replaced only with
    ``force``. Run it before any work, so a mistake costs nothing.

    Parameters
    ----------
    out : str or Path
        The file to write.
    source : str or Path
        The input file or folder the output is made from.
    force : bool, default False
        Allow replacing an existing ``out`` (never ``source``).
    option, force_option : str
        How messages name the output and the way to allow replacing it:
        ``"--out"`` and ``"--force"`` on the command line.

    Raises
    ------
    ValueError
        When ``out`` is ``source`` or inside it.
    FileExistsError
        When ``out`` exists and ``force`` is false.
    IsADirectoryError
        When ``out`` is a folder.
    NotADirectoryError
        When a parent of ``out`` is a file.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     data = Path(tmp) / "labels.csv"
    ...     _ = data.write_text("text,hedged", encoding="utf-8")
    ...     check_out_file(Path(tmp) / "model.skops", source=data)
    ...     try:
    ...         check_out_file(data, source=data, force=True)
    ...     except ValueError as error:
    ...         print(str(error).replace(tmp, "TMP"))
    out TMP/labels.csv is the input file TMP/labels.csv; choose another out (the input is never overwritten)
    """
    out, source = Path(out), Path(source)
    if out.exists() and source.exists() and out.samefile(source):
        raise ValueError(
            f"{option} {out} is the input file {source}; choose another {option} "
            "(the input is never overwritten)"
        )
    if source.is_dir() and out.resolve().is_relative_to(source.resolve()):
        raise ValueError(
            f"{option} {out} is inside the input folder {source}; choose a path "
            "outside it (the input is never overwritten)"
        )
    if out.is_dir():
        raise IsADirectoryError(
            f"{option} {out} is a folder; give the path of a file to write"
        )
    folder = next(parent for parent in out.absolute().parents if parent.exists())
    if not folder.is_dir():
        raise NotADirectoryError(f"{option} {out}: {folder} is a file, not a folder")
    if out.exists() and not force:
        raise FileExistsError(f"{out} exists; pass {force_option} to overwrite it")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; write it, and it replaces ``path``.

    The temporary name ends with ``path``'s own name, so writers that choose a
    format by suffix (pandas, matplotlib) still see it. When ``path`` is a
    symbolic link, the file it points to is replaced and the link is kept; a
    replaced file keeps its permissions.

    Parameters
    ----------
    path : str or Path
        The destination; its folder must exist.

    Yields
    ------
    pathlib.Path
        Where to write. On leaving the block without an error it is renamed to
        ``path``; on an error it is deleted and ``path`` is untouched.

    Raises
    ------
    OSError
        The writer's own error, of the same type, naming ``path`` (see
        :func:`write_error`).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp) / "model.skops"
    ...     _ = target.write_text("old", encoding="utf-8")
    ...     try:
    ...         with atomic_path(target) as partial:
    ...             _ = partial.write_text("half", encoding="utf-8")
    ...             raise OSError(27, "File too large")
    ...     except OSError as error:
    ...         print(str(error).replace(tmp, "TMP"))
    ...     target.read_text(encoding="utf-8"), len(list(Path(tmp).iterdir()))
    could not write TMP/model.skops (File too large); it was left as it was
    ('old', 1)
    """
    target = Path(path)
    real = Path(os.path.realpath(target))  # a link is written through, not replaced
    partial = real.with_name(f".partial-{secrets.token_hex(4)}-{real.name}")
    try:
        yield partial
        if real.exists():
            shutil.copymode(real, partial)
        os.replace(partial, real)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise write_error(error, target) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def staging_folder(out: str | Path) -> Iterator[Path]:
    """Yield a new empty hidden folder inside ``out`` to build its contents in.

    Staging inside ``out`` keeps the files on ``out``'s own file system, so
    :func:`move_files` can rename them even when ``out`` is a mount point or a
    link to another disk. The staging folder is deleted on leaving the block,
    whatever happens: move what it holds into ``out`` before that. When the
    block fails, or the staging folder cannot be made, and ``out`` was created
    for it, ``out`` is removed again.

    Parameters
    ----------
    out : str or Path
        The folder that will receive the files; created (with its parents) if
        needed.

    Yields
    ------
    pathlib.Path
        The staging folder, a hidden subfolder of ``out``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with staging_folder(Path(tmp) / "report") as staging:
    ...         _ = (staging / "report.md").write_text("# Report", encoding="utf-8")
    ...         move_files(staging, Path(tmp) / "report", [Path("report.md")])
    ...     sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*"))
    ['report', 'report/report.md']
    """
    out = Path(out)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    staging = None
    try:
        staging = Path(
            tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX, suffix=".partial")
        )
        yield staging
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created and not folder_entries(out):
            out.rmdir()
        raise
    shutil.rmtree(staging, ignore_errors=True)


def folder_entries(folder: Path) -> list[Path]:
    """Return what ``folder`` holds, without staging folders left by a killed process.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / f"{STAGING_PREFIX}x.partial").mkdir()
    ...     folder_entries(Path(tmp))
    []
    """
    return [p for p in folder.iterdir() if not p.name.startswith(STAGING_PREFIX)]


class IncompleteMoveError(OSError):
    """:func:`move_files` failed and could not put the folder back as it was.

    Its message names the files that are new and where the previous ones are.
    """


def move_files(
    staging: Path, out: Path, files: list[Path], remove: Iterable[Path] = ()
) -> None:
    """Move ``files`` (relative paths) from ``staging`` into ``out``: all or none.

    The files of ``out`` that are replaced or removed are first moved aside, into
    a hidden folder inside ``out``, then the new ones are moved in. When a move
    fails (a read-only subfolder, a file open in another program on Windows),
    the new files already moved in are taken out again and the previous ones put
    back, so ``out`` holds the previous files, whole, and the error is raised.

    Parameters
    ----------
    staging : pathlib.Path
        The folder the files were written in (see :func:`staging_folder`).
    out : pathlib.Path
        The destination folder, which must exist (its subfolders are created if
        needed); files of the same names are replaced, no other file is touched.
    files : list of pathlib.Path
        The files to move, relative to both folders.
    remove : iterable of pathlib.Path
        Files of ``out`` (relative paths) to remove with the same guarantee, e.g.
        those of a previous version that the new one lacks.

    Raises
    ------
    OSError
        The first move that failed; ``out`` is as it was.
    IncompleteMoveError
        When putting ``out`` back failed too; its message names the new files
        left in ``out``, and the previous ones not put back with the folder
        that keeps them.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out, staging = Path(tmp) / "out", Path(tmp) / "new"
    ...     out.mkdir()
    ...     staging.mkdir()
    ...     _ = (out / "old.txt").write_text("old", encoding="utf-8")
    ...     _ = (staging / "new.txt").write_text("new", encoding="utf-8")
    ...     move_files(staging, out, [Path("new.txt")], remove=[Path("old.txt")])
    ...     [p.name for p in out.iterdir()]
    ['new.txt']

    A failure part way is tested in ``tests/test_cli.py``.
    """
    files = list(files)
    remove = [relative for relative in remove if relative not in files]
    aside = Path(tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX, suffix=".previous"))
    moved_aside: list[Path] = []
    moved_in: list[Path] = []
    created: list[Path] = []
    try:
        for relative in [*files, *remove]:
            target = out / relative
            if not os.path.lexists(target):
                continue
            if target.is_dir() and not target.is_symlink():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), target)
            (aside / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, aside / relative)
            moved_aside.append(relative)
        for relative in files:
            target = out / relative
            missing = [p for p in target.parents if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            created += reversed(missing)
            os.replace(staging / relative, target)
            moved_in.append(relative)
    except BaseException as error:  # also Ctrl-C: never leave out half moved
        _put_back(error, out, aside, moved_aside, moved_in, created)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _put_back(
    error: BaseException,
    out: Path,
    aside: Path,
    moved_aside: list[Path],
    moved_in: list[Path],
    created: list[Path],
) -> None:
    """Undo what :func:`move_files` did before ``error``; raise if that fails."""
    new, kept = [], []
    for relative in moved_in:
        if relative not in moved_aside:  # no previous file will replace it
            try:
                (out / relative).unlink()
            except OSError:
                new.append(relative)
    for relative in moved_aside:
        try:
            os.replace(aside / relative, out / relative)
        except OSError:
            kept.append(relative)
            if relative in moved_in:
                new.append(relative)
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            pass
    if not new and not kept:
        shutil.rmtree(aside, ignore_errors=True)
        return
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    message = f"could not write {out} ({reason}), nor put it back as it was"
    if new:
        message += f"; now the new version: {', '.join(p.as_posix() for p in new)}"
    if kept:
        listed = ", ".join(p.as_posix() for p in kept)
        message += f"; previous versions of {listed} kept in {aside}"
    raise IncompleteMoveError(message) from error
