"""Read a CSV or TSV file into a table of strings, with errors that name the file and line.

The file is decoded with :func:`toolkit.corpus.encoding.read_text`, so every encoding
the corpus loaders accept works here too. Every cell is a string (an empty cell is
``""``), the first line is the header, no column is ever turned into the index, and a
header that names a column twice is refused.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> _ = path.write_text('doc_id,text\\n1,"قال، ثم مضى"\\n2,\\n', encoding="utf-8")
>>> read_table(path).to_dict("list")
{'doc_id': ['1', '2'], 'text': ['قال، ثم مضى', '']}
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path

import pandas as pd

from toolkit.corpus.encoding import DEFAULT_MAX_BYTES, read_text
from toolkit.corpus.schema import repeated_names

_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")
_SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon"}


def read_table(
    path: str | Path,
    sep: str = ",",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> pd.DataFrame:
    """Return the rows of a delimited text file as strings, the first line as header.

    Parameters
    ----------
    path : str or Path
        The file to read.
    sep : str
        The field separator (``","`` for CSV, ``"\\t"`` for TSV).
    encoding : str, optional
        A codec name; detected when omitted (see
        :func:`toolkit.corpus.encoding.detect_encoding`).
    max_bytes : int
        Refuse files larger than this (default 512 MiB).

    Returns
    -------
    pandas.DataFrame
        One column per header field (an empty header field is named ``Unnamed: I``),
        every cell a string, with a fresh 0-based index.

    Raises
    ------
    ValueError
        When the file is empty, a header names a column twice, a row has more fields
        than the header or a quoted value never ends; the message names the file and
        its line (1-based, as an editor counts), says how to quote and, when
        ``encoding`` was given, that it may be the wrong one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "b.csv"
    >>> _ = path.write_text("doc_id,text\\n1,قال المتحدث, إن القصف توقف\\n")
    >>> read_table(path)
    Traceback (most recent call last):
    ...
    ValueError: .../b.csv: line 2 has 3 fields but the header has 2; ...
    """
    text = read_text(path, encoding, max_bytes)
    if not text.strip():
        raise ValueError(f"{path}: the file is empty")
    try:
        # header=None: the first line sets the width, so a wider row is an error
        # rather than the first column silently becoming the index.
        rows = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            index_col=False,
            dtype=str,
            keep_default_na=False,
        )
    except pd.errors.ParserError as error:
        problem = _parse_problem(str(error), text, sep)
        if encoding is not None:  # a wrong codec scrambles the separators too
            problem += (
                f". Or the file is not in {encoding}, the encoding you gave: leave it "
                "out to detect it."
            )
        raise ValueError(f"{path}: {problem}") from None
    header = [name or f"Unnamed: {i}" for i, name in enumerate(rows.iloc[0])]
    twice = repeated_names(header)
    if twice:
        raise ValueError(
            f"{path}: the header names column {twice[0]!r} more than once; "
            "rename or remove the extra column"
        )
    frame = rows.iloc[1:].reset_index(drop=True)
    frame.columns = header
    return frame


def _parse_problem(message: str, text: str, sep: str) -> str:
    """Say what pandas' tokenizer error means, with the line an editor would show."""
    name = _SEPARATORS.get(sep, repr(sep))
    quoting = (
        f"put double quotes around a value that contains a {name}, a quote or a "
        'line break, and write a quote inside it as two ("")'
    )
    try:
        if match := _TOO_MANY.search(message):
            expected, record, saw = (int(group) for group in match.groups())
            line = _line_of_record(text, sep, record - 1)
            return (
                f"line {line} has {saw} fields but the header has {expected}; "
                + quoting
            )
        if match := _OPEN_QUOTE.search(message):
            line = _line_of_record(text, sep, int(match.group(1)))
            return f"the quoted value starting on line {line} never ends; {quoting}"
    except csv.Error:  # e.g. a value over the csv module's size limit: say less
        pass
    return f"cannot be read as a table ({message.strip()}); {quoting}"


def _line_of_record(text: str, sep: str, record: int) -> int:
    """1-based line on which 0-based ``record`` starts (quoted values span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    for _ in itertools.islice(reader, record):
        pass
    return reader.line_num + 1
