"""Read text files the way Arabic archives store them: UTF-8, UTF-16, Windows-1256, ISO-8859-6.

UTF-32 is recognised too, by its byte-order mark or by its pattern of NUL bytes.

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
import warnings
from pathlib import Path

#: Files larger than this are refused by the whole-file readers (see
#: :func:`check_size`).
DEFAULT_MAX_BYTES = 512 * 1024**2
_NON_ASCII = bytes(range(0x80, 0x100))
#: Control bytes other than whitespace: binary data, never text.
_CONTROLS = bytes(b for b in range(0x20) if chr(b) not in "\t\n\v\f\r")
_CP1256_LETTERS = [
    (b, c)
    for b, c in zip(_NON_ASCII, _NON_ASCII.decode("cp1256"), strict=True)
    if c.isalpha()
]
_CP1256_ARABIC = bytes(b for b, c in _CP1256_LETTERS if "\u0600" <= c <= "\u06ff")
_CP1256_LATIN = bytes(b for b, c in _CP1256_LETTERS if c < "\u0600")
#: Windows-1256's Latin letters (à, ç, è ...): inside an Arabic word they mean the
#: bytes were ISO-8859-6 or Mac-Arabic, whose letters sit where these do.
_LATIN_CLASS = re.escape(_CP1256_LATIN.decode("cp1256"))
_CP1256_LATIN_LETTER = re.compile(f"[{_LATIN_CLASS}]")
#: Those and the ASCII letters.
_ANY_LATIN_LETTER = re.compile(f"[A-Za-z{_LATIN_CLASS}]")
#: One Arabic character: the Arabic block or its presentation forms.
ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_UTF8 = {"utf-8", "utf-8-sig"}


class CorpusWarning(UserWarning):
    """A row or file was skipped, or looks wrong; the message says which."""


class DecodeError(ValueError):
    """A file could not be decoded; the message names the file and the byte offset."""


def detect_encoding(data: bytes) -> str:
    """Return the codec of ``data``: a BOM wins, then UTF-32, UTF-8, UTF-16, CP1256
    (or ISO-8859-6).

    Windows-1256 is chosen only when the bytes do not look like UTF-8 (most of their
    non-ASCII sequences are not valid UTF-8), contain no control bytes and decode to
    letters that are mostly Arabic. Damaged UTF-8 (a few bad bytes among valid ones) is
    refused rather than read as Windows-1256 garbage, and so are bytes whose Arabic
    words come out mixed with Latin letters as Windows-1256 ("èزارة"): those are
    ISO-8859-6 when they decode as it cleanly, else refused.

    Parameters
    ----------
    data : bytes
        The file's bytes (or a large prefix of them).

    Returns
    -------
    str
        ``"utf-8-sig"``, ``"utf-32"``, ``"utf-16"``, ``"utf-32-le"``, ``"utf-32-be"``,
        ``"utf-16-le"``, ``"utf-16-be"``, ``"utf-8"``, ``"cp1256"`` or
        ``"iso8859_6"``.

    Raises
    ------
    DecodeError
        When the bytes are damaged UTF-8 or none of these codecs; the message gives the
        byte offset of the first byte that is not UTF-8.

    Examples
    --------
    >>> detect_encoding("مسد".encode("utf-16"))
    'utf-16'
    >>> detect_encoding("مسد".encode("utf-32"))
    'utf-32'
    >>> detect_encoding("مسد".encode("utf-8"))
    'utf-8'
    >>> detect_encoding("مسد، قسد".encode("cp1256"))
    'cp1256'
    >>> detect_encoding("قال المتحدث".encode("utf-8")[:-1])
    Traceback (most recent call last):
    ...
    toolkit.corpus.encoding.DecodeError: byte 19 (0xd8, line 1) is not valid UTF-8, ...
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    # The UTF-32-LE BOM (FF FE 00 00) starts with the UTF-16-LE one: test it first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf32 = _utf32_guess(data)
    if utf32:
        return utf32
    utf16 = _utf16_guess(data)
    # NUL bytes never occur in real UTF-8 text but are every other byte in UTF-16,
    # where Arabic without a BOM can even be valid UTF-8 byte by byte.
    if utf16 and b"\x00" in data:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = (
            f"byte {error.start} (0x{data[error.start]:02x}, "
            f"{line_of(data, error.start, 'utf-8')}) is not valid UTF-8"
        )
    else:
        return "utf-8"
    if utf16:
        return utf16
    valid, invalid = _utf8_sequences(data)
    if valid > invalid:
        raise DecodeError(
            f"{where}, but the rest of the file is: it looks like damaged UTF-8 "
            f"({invalid} bad byte sequence(s)); repair or re-save the file as UTF-8, "
            "or pass encoding= (--encoding on the command line) if it is in another codec"
        )
    sample = data[: 1 << 20]
    cp1256 = _looks_like_cp1256(data)
    if cp1256 and not _mixes_scripts(sample.decode("cp1256")):
        return "cp1256"
    if _looks_like_iso_arabic(sample):
        return "iso8859_6"
    mixed = (
        " (read as Windows-1256, its Arabic words hold Latin letters, as ISO-8859-6 "
        "or Mac-Arabic text does)"
        if cp1256
        else ""
    )
    raise DecodeError(
        f"{where}, and the file is neither UTF-16, Arabic Windows-1256{mixed} nor "
        "ISO-8859-6; pass encoding= explicitly (--encoding on the command line)"
    )


def _mixed_words(text: str, latin: re.Pattern[str]) -> tuple[int, int]:
    """(Arabic words, those of them that also hold a ``latin`` letter) in ``text``."""
    arabic = [word for word in text.split() if ARABIC.search(word)]
    return len(arabic), sum(1 for word in arabic if latin.search(word))


def _mixes_scripts(text: str) -> bool:
    """Whether more than 2 % of the Arabic words (and at least 3) hold one of
    Windows-1256's Latin letters (à, ç, è ...)."""
    arabic, mixed = _mixed_words(text, _CP1256_LATIN_LETTER)
    return mixed >= 3 and mixed > 0.02 * arabic


def _looks_like_iso_arabic(data: bytes) -> bool:
    """Bytes that decode as ISO-8859-6 into Arabic words without Latin letters.

    ISO-8859-6 (and Mac-Arabic, which shares its letters) puts Arabic letters where
    Windows-1256 has à, ç, è and other Latin letters, so such text read as
    Windows-1256 has words such as "èزارة". Windows-1256 text rarely decodes as
    ISO-8859-6 at all: its ف, ق and ك are bytes ISO-8859-6 leaves undefined. A word
    with an Arabic letter beside a Latin one ("Dةclaration": Latin-1 read as
    ISO-8859-6) rules it out.
    """
    try:
        text = data.decode("iso8859_6")
    except UnicodeDecodeError:
        return False
    arabic, mixed = _mixed_words(text, _ANY_LATIN_LETTER)
    return arabic > 0 and mixed == 0


def _count(data: bytes, values: bytes) -> int:
    """How many bytes of ``data`` are among ``values``."""
    return len(data) - len(data.translate(None, values))


def _utf8_sequences(data: bytes) -> tuple[int, int]:
    """(valid non-ASCII UTF-8 characters, invalid byte sequences) in ``data``."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    ascii_bytes = len(data) - _count(data, _NON_ASCII)
    return len(text) - ascii_bytes - invalid, invalid


def _looks_like_cp1256(data: bytes) -> bool:
    """Text (hardly any control byte) whose non-ASCII letters are mostly Arabic."""
    if _count(data, _CONTROLS) * 100 > len(data):
        return False
    arabic = _count(data, _CP1256_ARABIC)
    return arabic > 0 and arabic >= 0.8 * (arabic + _count(data, _CP1256_LATIN))


#: Planes 3 to 13: no character is assigned there.
_UNUSED_PLANES = re.compile("[\U00030000-\U000dffff]")


def _utf32_guess(data: bytes) -> str | None:
    """UTF-32 without a BOM: whole code points, none NUL or in the unused planes.

    Text in other codecs almost always fails: a code point is at most U+10FFFF, so
    every fourth byte must be NUL. UTF-16 text can pass that when every second
    character is a control such as a line break ("و\\n" reads as U+A0648), which
    the unused planes 3 to 13 (U+30000 to U+DFFFF, where no character is assigned)
    rule out.
    """
    if len(data) < 4 or len(data) % 4:
        return None
    for codec in ("utf-32-le", "utf-32-be"):
        try:
            data[:4096].decode(codec)  # other text fails here, before a large copy
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _UNUSED_PLANES.search(text):
            return codec
    return None


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: high bytes are mostly 0x00 (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) / 2
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if (high.count(0) + high.count(6)) > 0.6 * half:
            return codec
    return None


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` before reading it into memory.

    Parameters
    ----------
    path : Path
        The file.
    max_bytes : int
        The largest size accepted.

    Raises
    ------
    ValueError
        When the file is larger; the message names it and says what to do.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "big.txt"
    >>> _ = path.write_bytes(b"x" * 2000)
    >>> check_size(path, 1000)
    Traceback (most recent call last):
    ...
    ValueError: .../big.txt: 2,000 bytes is more than max_bytes=1,000; split the file ...
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"{path}: {size:,} bytes is more than max_bytes={max_bytes:,}; split the "
            "file into smaller ones (one .txt per article, or several tables loaded "
            "one by one), or, in Python, pass a larger max_bytes= if there is memory "
            "for it"
        )


#: A line end, as the loaders count lines: ``\r\n``, a lone ``\r`` or ``\n``.
LINE_END = re.compile(r"\r\n|\r|\n")


def line_of(data: bytes, offset: int, codec: str) -> str:
    """``"line N"``: the line of ``data`` that byte ``offset`` falls in.

    The bytes before ``offset`` are decoded with ``codec`` (bad bytes replaced) and
    their line ends counted, so it holds for UTF-16 as for UTF-8.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    offset : int
        A byte offset into ``data``.
    codec : str
        The codec ``data`` was being decoded with.

    Returns
    -------
    str
        ``"line N"``, counting from 1.

    Examples
    --------
    >>> line_of("سطر\\nثان\\n".encode("utf-16-le"), 10, "utf-16-le")
    'line 2'
    """
    before = data[:offset].decode(codec, errors="replace")
    return f"line {len(LINE_END.findall(before)) + 1}"


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
        When the bytes cannot be decoded; names the file, the byte offset and the
        codec tried.
    ValueError
        When the file is larger than ``max_bytes``, or ``encoding`` is not a text
        codec.

    Warns
    -----
    CorpusWarning
        When ``encoding`` is given, is not UTF-8, and the file is valid UTF-8 with
        Arabic text: the reading is then most likely mojibake.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> _ = path.write_bytes("\\ufeffأكدت".encode("utf-8"))
    >>> read_text(path)
    'أكدت'
    """
    path = Path(path)
    check_size(path, max_bytes)
    data = path.read_bytes()
    try:
        codec = encoding or detect_encoding(data)
        text = data.decode(codec)
    except DecodeError as error:
        raise DecodeError(f"{path}: {error}") from None
    except UnicodeDecodeError as error:
        which = "the encoding you gave" if encoding else "the detected encoding"
        raise DecodeError(
            f"{path}: byte {error.start} ({line_of(data, error.start, codec)}) cannot "
            f"be decoded as {codec} ({which}): {error.reason}"
        ) from None
    except LookupError as error:
        raise ValueError(
            f"argument encoding={encoding!r} is not a text codec ({error}); use e.g. "
            "'utf-8', 'utf-16' or 'cp1256', or leave it out to detect the encoding"
        ) from None
    if encoding and codecs.lookup(codec).name not in _UTF8 and _arabic_utf8(data):
        garbled = "في".encode().decode(codec, "replace")
        warnings.warn(
            f"{path}: read as {encoding}, the encoding you gave, but it looks like "
            f"UTF-8: its bytes are valid UTF-8 with Arabic text, which {encoding} "
            f"turns into garbage ({garbled!r} for 'في'); leave out encoding= "
            "(--encoding on the command line) to detect the encoding",
            CorpusWarning,
            stacklevel=2,
        )
    return text.removeprefix("\ufeff")


def _arabic_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 holding Arabic text (a BOM does not count)."""
    try:
        return ARABIC.search(data.decode("utf-8-sig")) is not None
    except UnicodeDecodeError:
        return False
