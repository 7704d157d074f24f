"""Read text files the way Arabic archives store them: UTF-8, UTF-16 or Windows-1256.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_bytes("قال المتحدث".encode("cp1256"))
>>> read_text(path)
'قال المتحدث'
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

#: Files larger than this are refused by the whole-file readers; stream them instead.
DEFAULT_MAX_BYTES = 512 * 1024**2
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


class DecodeError(ValueError):
    """A file could not be decoded; the message names the file and the byte offset."""


def detect_encoding(data: bytes) -> str:
    """Return the codec name for ``data``: a BOM wins, then UTF-8, UTF-16, CP1256.

    Parameters
    ----------
    data : bytes
        The file's bytes (or a large prefix of them).

    Returns
    -------
    str
        ``"utf-8-sig"``, ``"utf-16"``, ``"utf-16-le"``, ``"utf-16-be"``, ``"utf-8"`` or
        ``"cp1256"``.

    Raises
    ------
    DecodeError
        When the bytes are none of these; the message gives the byte offset of the
        first byte that is not UTF-8.

    Examples
    --------
    >>> detect_encoding("مسد".encode("utf-16"))
    'utf-16'
    >>> detect_encoding("مسد".encode("utf-8"))
    'utf-8'
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_guess(data)
    # NUL bytes never occur in real UTF-8 text but are every other byte in UTF-16,
    # where Arabic without a BOM can even be valid UTF-8 byte by byte.
    if utf16 and b"\x00" in data:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        return "utf-8"
    if utf16:
        return utf16
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = _LETTER.findall(text)
    if letters and len(_ARABIC.findall(text)) >= 0.3 * len(letters):
        return "cp1256"
    raise DecodeError(
        f"byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) is not valid UTF-8, "
        "and the file is neither UTF-16 nor Arabic Windows-1256; pass encoding= "
        "explicitly"
    )


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: high bytes are mostly 0x00 (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) / 2
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if (high.count(0) + high.count(6)) > 0.6 * half:
            return codec
    return None


def read_text(
    path: str | Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """Return the text of ``path``, detecting its encoding when none is given.

    Parameters
    ----------
    path : str or Path
        The file to read.
    encoding : str, optional
        A codec name; detected with :func:`detect_encoding` when omitted.
    max_bytes : int
        Refuse files larger than this (default 512 MiB) instead of filling memory.

    Returns
    -------
    str
        The decoded text, without a byte-order mark.

    Raises
    ------
    DecodeError
        When the bytes cannot be decoded; names the file and byte offset.
    ValueError
        When the file is larger than ``max_bytes``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> _ = path.write_bytes("\\ufeffأكدت".encode("utf-8"))
    >>> read_text(path)
    'أكدت'
    """
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"{path}: {size:,} bytes is more than max_bytes={max_bytes:,}; "
            "split the file or stream it with toolkit.corpus.iter_corpus()"
        )
    data = path.read_bytes()
    try:
        codec = encoding or detect_encoding(data)
        text = data.decode(codec)
    except DecodeError as error:
        raise DecodeError(f"{path}: {error}") from None
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"{path}: byte {error.start} cannot be decoded as {encoding}: {error.reason}"
        ) from None
    return text.removeprefix("\ufeff")
