"""Load a corpus of articles into an articles table (see :mod:`toolkit.corpus.schema`).

Accepted inputs:

* a folder of ``.txt`` files, one article each, with an optional JSON sidecar
  ``NAME.json`` beside ``NAME.txt`` holding metadata (``outlet``, ``date``, ``title``,
  ``url`` or any other key); subfolders are not read;
* a single ``.txt`` file;
* a ``.csv`` or ``.tsv`` file, a ``.jsonl`` file (one JSON object per line), or a
  ``.parquet`` file (when pyarrow is installed), with at least a ``text`` column.

CSV and TSV cells are read as strings (see :func:`toolkit.corpus.tables.read_table`).
A ``doc_id`` is kept as written (a JSON number ``7`` becomes ``"7"``); a table without
one, or a row whose ``doc_id`` is empty, null or absent, gets ``FILE-ROW`` (the file's
name and the 0-based row). A Parquet file's named index (``set_index("doc_id")``) is
read as a column.

Text files are decoded with :func:`toolkit.corpus.encoding.read_text` (UTF-8 with or
without BOM, UTF-16, UTF-32, Windows-1256, ISO-8859-6).

File types are matched case-insensitively (``A.TXT``, ``B.CSV``).

Documented skips: an empty ``.txt`` file or a row whose text is missing or blank is
skipped **with a warning** that names the file and row (pass ``on_missing="raise"`` to
make it an error). Nothing is skipped silently. Articles with no Arabic letter are kept,
with a warning.

Examples
--------
>>> articles = load_example()
>>> articles[["doc_id", "outlet"]].iloc[0].tolist()
['aleppo-sheikh-maqsoud', '']
"""

from __future__ import annotations

import itertools
import json
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from toolkit.corpus import schema as S
from toolkit.corpus.encoding import (
    ARABIC,
    DEFAULT_MAX_BYTES,
    LINE_END,
    CorpusWarning,
    check_size,
    read_text,
)
from toolkit.corpus.normalize import has_visible_text
from toolkit.corpus.tables import read_table

#: The folder of corpora this project ships.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "datasets" / "examples"
#: A JSONL record ends at a line break; str.splitlines would also split inside a JSON
#: string at U+2028, U+2029 or U+0085, which JSON allows unescaped.

OnMissing = Literal["warn", "raise"]


def load_corpus(
    path: str | Path,
    *,
    encoding: str | None = None,
    on_missing: OnMissing = "warn",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> pd.DataFrame:
    """Load articles from a folder, a text file or a table file.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files, or a ``.txt``, ``.csv``, ``.tsv``, ``.jsonl`` or
        ``.parquet`` file.
    encoding : str, optional
        Force a codec for every file read (JSON sidecars included); detected per file
        when omitted.
    on_missing : {"warn", "raise"}
        What to do with an empty file or a row without text: skip it with a
        :class:`CorpusWarning` (default) or raise ``ValueError``.
    max_bytes : int
        Refuse any single file larger than this (default 512 MiB), Parquet included.

    Returns
    -------
    pandas.DataFrame
        The articles table: :data:`~toolkit.corpus.schema.ARTICLE_COLUMNS` first (missing
        optional columns filled with ``""``), then any extra metadata columns.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    ValueError
        Unknown file type, a file that cannot be parsed (a CSV row with more fields
        than its header, an unclosed quote, invalid JSON), a column or JSON key given
        twice, missing ``text`` column, duplicate ``doc_id``, no article left, or (with
        ``on_missing="raise"``) an empty text; the message names the file and the line,
        row or file.

    Examples
    --------
    >>> load_corpus(EXAMPLES_DIR).shape[0]
    1
    """
    if on_missing not in ("warn", "raise"):
        raise ValueError(f"on_missing must be 'warn' or 'raise', got {on_missing!r}")
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        frame = _read_folder(path, encoding, on_missing, max_bytes)
    else:
        frame = read_rows(path, encoding, on_missing, max_bytes)
    return _finish(frame, str(path), "files" if path.is_dir() else "rows")


def load_example() -> pd.DataFrame:
    """Return the shipped example corpus: the seed article given to the project.

    Returns
    -------
    pandas.DataFrame
        An articles table with one row (``doc_id`` ``aleppo-sheikh-maqsoud``).

    Examples
    --------
    >>> "الشيخ مقصود" in load_example()["text"].iloc[0]
    True
    """
    return load_corpus(EXAMPLES_DIR)


def load_example_gold() -> pd.DataFrame:
    """Return the human annotation of the example article, one row per statement.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``sent_id``, ``para_id``, ``speaker``, ``side``, ``verb``,
        ``verb_lemma``, ``verb_frame``, ``verb2``, ``verb2_frame``, ``stance``,
        ``hedged`` (int), ``notes`` and ``text``; see ``datasets/examples/README.md``.

    Examples
    --------
    >>> gold = load_example_gold()
    >>> int(gold["hedged"].sum()), gold.loc[gold["hedged"] == 1, "side"].item()
    (1, 'sdc')
    """
    gold = pd.read_csv(
        EXAMPLES_DIR / "aleppo-sheikh-maqsoud.gold.tsv",
        sep="\t",
        dtype=str,
        keep_default_na=False,
    )
    for column in (S.SENT_ID, S.PARA_ID, S.HEDGED):
        gold[column] = gold[column].astype(int)
    return gold


def _missing(where: str, on_missing: OnMissing, what: str | None = None) -> None:
    message = f"{where}: {what or 'no text'}; skipped"
    if on_missing == "raise":
        raise ValueError(message.replace("; skipped", ""))
    warnings.warn(message, CorpusWarning, stacklevel=4)


def _suffix(path: Path) -> str:
    """The file type, case-insensitively (``A.TXT`` is a ``.txt`` file)."""
    return path.suffix.lower()


def _read_folder(
    folder: Path, encoding: str | None, on_missing: OnMissing, max_bytes: int
) -> pd.DataFrame:
    files = []
    for entry in sorted(f for f in folder.iterdir() if _suffix(f) == ".txt"):
        if entry.name.startswith("._"):  # macOS metadata beside a copied file
            reason = "a macOS metadata file (AppleDouble), not an article"
        elif entry.is_symlink() and not entry.exists():
            reason = "a link to a file that does not exist"
        elif not entry.is_file():
            reason = "not a file"
        else:
            files.append(entry)
            continue
        warnings.warn(f"{entry}: {reason}; skipped", CorpusWarning, stacklevel=3)
    if not files:
        raise ValueError(f"{folder}: no .txt files in this folder")
    frames = [_read_txt(f, encoding, on_missing, max_bytes) for f in files]
    return _fill_optional(pd.concat(frames))


def _read_txt(
    path: Path, encoding: str | None, on_missing: OnMissing, max_bytes: int
) -> pd.DataFrame:
    text = read_text(path, encoding, max_bytes)
    record: dict[str, object] = {S.DOC_ID: path.stem, S.TEXT: text}
    candidates = [path.with_suffix(suffix) for suffix in (".json", ".JSON")]
    sidecar = next((c for c in candidates if c.is_file()), None)
    if sidecar is not None:
        where = f"{sidecar}: the file"
        meta = _json_object(read_text(sidecar, encoding, max_bytes), where)
        doc_id = _doc_id(meta.get(S.DOC_ID), where) or path.stem
        record = {**meta, **record, S.DOC_ID: doc_id}
    if not has_visible_text(text):
        _missing(str(path), on_missing)
        return pd.DataFrame(columns=[S.DOC_ID, S.TEXT])
    return pd.DataFrame([record], index=[path.name])


def read_rows(
    path: str | Path,
    encoding: str | None = None,
    on_missing: OnMissing = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> pd.DataFrame:
    """Read one corpus file row by row, without requiring one article per ``doc_id``.

    The reader behind :func:`load_corpus` for a single file: the same encoding
    detection, size limit, parse errors naming file and line, required ``text``
    column and ``doc_id`` filling. Use it for tables of statements (an annotation
    sheet, several rows per article); use :func:`load_corpus` for articles.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.csv``, ``.tsv``, ``.jsonl`` or ``.parquet`` file.
    encoding : str, optional
        Text encoding; detected when not given.
    on_missing : {"raise", "warn"}, default "raise"
        What to do with rows without text.
    max_bytes : int
        Refuse files larger than this.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> rows = '{"doc_id": 7, "text": "قال"}\\n{"doc_id": 7, "text": "أكد"}\\n'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "statements.jsonl"
    ...     _ = path.write_text(rows, encoding="utf-8")
    ...     read_rows(path)["doc_id"].tolist()
    ['7', '7']
    """
    path = Path(path)
    suffix = _suffix(path)
    if suffix == ".txt":
        return _read_txt(path, encoding, on_missing, max_bytes)
    if suffix == ".parquet":
        frame = _read_parquet(path, max_bytes)
    elif suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        frame = read_table(path, sep, encoding, max_bytes)
    elif suffix == ".jsonl":
        frame = _read_jsonl(path, encoding, max_bytes)
    else:
        raise ValueError(
            f"{path}: unknown corpus type {suffix!r}; use a folder of .txt files, "
            ".txt, .csv, .tsv, .jsonl or .parquet"
        )
    S.require_columns(frame, S.ARTICLE_REQUIRED, str(path))
    _fill_doc_ids(frame, path)
    return _drop_missing_text(frame, str(path), on_missing)


def _fill_doc_ids(frame: pd.DataFrame, path: Path) -> None:
    """Give each row without a doc_id (no column, an empty cell, a null) FILE-ROW."""
    filled = pd.Series([_filled_id(path.stem, row) for row in range(len(frame))])
    if S.DOC_ID not in frame.columns:
        frame.insert(0, S.DOC_ID, filled.to_numpy())
        frame.attrs[S.FILLED_COLUMNS] = (S.DOC_ID,)
        return
    ids = frame[S.DOC_ID].astype(object).reset_index(drop=True)
    blank = ids.isna() | ids.map(lambda v: isinstance(v, str) and not v.strip())
    frame[S.DOC_ID] = ids.where(~blank, filled).to_numpy()


def _filled_id(stem: str, row: int) -> str:
    """The doc_id given to a row that has none: FILE-ROW."""
    return f"{stem}-{row}"


def _read_parquet(path: Path, max_bytes: int) -> pd.DataFrame:
    check_size(path, max_bytes)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ImportError(
            f"{path}: reading Parquet needs pyarrow; pip install pyarrow"
        ) from None
    frame = pd.read_parquet(path)
    # A named index (set_index("doc_id")) holds data unless a column repeats it; a
    # default one is only row numbers.
    names = frame.index.names
    data = [name for name in names if name is not None and name not in frame.columns]
    if data:
        frame = frame.reset_index(level=data)
    return frame.reset_index(drop=True)


def _read_jsonl(path: Path, encoding: str | None, max_bytes: int) -> pd.DataFrame:
    records: list[dict] = []
    doc_ids: list[str | None] = []
    lines = LINE_END.split(read_text(path, encoding, max_bytes))
    for number, line in enumerate(lines, 1):
        if line.strip():
            where = f"{path}: line {number}"
            records.append(_json_object(line, where))
            doc_ids.append(_doc_id(records[-1].get(S.DOC_ID), where))
    if not records:
        raise ValueError(f"{path}: the file has no records")
    frame = pd.DataFrame(records)
    if S.DOC_ID in frame:  # checked values; the missing ones are filled later
        frame[S.DOC_ID] = pd.Series(doc_ids, dtype=object).to_numpy()
    return _fill_optional(frame)


def _fill_optional(frame: pd.DataFrame) -> pd.DataFrame:
    """Metadata some records (or sidecars) lack is an empty cell, as in a CSV file."""
    optional = [c for c in S.ARTICLE_COLUMNS if c in frame and c != S.TEXT]
    return frame.fillna(dict.fromkeys(optional, ""))


def _json_object(text: str, where: str) -> dict:
    """Parse one JSON object, refusing a key given twice (JSON keeps the last)."""

    def pairs(items: list[tuple[str, object]]) -> dict:
        twice = S.repeated_names(key for key, _ in items)
        if twice:
            raise ValueError(f"{where} gives key {twice[0]!r} more than once")
        return dict(items)

    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where} is not valid JSON ({error})") from None
    if not isinstance(value, dict):
        raise ValueError(f"{where} is not a JSON object")
    return value


def _doc_id(value: object, where: str) -> str | None:
    """A doc_id as written (a JSON number 7 is '7'); None when missing or null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{where} has doc_id {value!r}; expected a string or number")
    return str(value)


def _drop_missing_text(
    frame: pd.DataFrame, where: str, on_missing: OnMissing
) -> pd.DataFrame:
    text = frame[S.TEXT]
    bad = text.isna() | ~text.map(has_visible_text)
    stem = Path(where).stem
    for row in bad.to_numpy().nonzero()[0]:
        doc_id = frame[S.DOC_ID].iloc[row]
        named = "" if doc_id == _filled_id(stem, row) else f", doc_id {doc_id!r}"
        value = text.iloc[row]
        what = (
            None
            if isinstance(value, str)
            or (pd.api.types.is_scalar(value) and pd.isna(value))
            else f"its text is not a string ({type(value).__name__} {value!r:.40})"
        )
        _missing(
            f"{where}: row {row} (0 = first under the header{named})", on_missing, what
        )
    return frame.loc[~bad]


def _finish(frame: pd.DataFrame, where: str, unit: str) -> pd.DataFrame:
    """Check and order the columns; ``frame``'s index names each row's ``unit``."""
    if frame.empty:
        raise ValueError(f"{where}: no article with text was found")
    frame = frame.copy()
    new = [column for column in S.ARTICLE_COLUMNS if column not in frame.columns]
    for column in new:
        frame[column] = ""
    filled = (*frame.attrs.get(S.FILLED_COLUMNS, ()), *new)
    frame[S.DOC_ID] = frame[S.DOC_ID].astype(str)
    twice = frame.index[frame[S.DOC_ID].duplicated(keep=False)]
    if len(twice):
        places = frame.loc[twice, S.DOC_ID].groupby(frame.loc[twice, S.DOC_ID])
        listed = [
            f"{doc_id!r} ({unit} {', '.join(map(str, rows.index))})"
            for doc_id, rows in itertools.islice(places, 5)
        ]
        raise ValueError(
            f"{where}: duplicate doc_id values {', '.join(listed)}; "
            "doc_id must identify one article"
        )
    frame = frame.reset_index(drop=True)
    no_arabic = frame.loc[~frame[S.TEXT].str.contains(ARABIC), S.DOC_ID].tolist()
    if no_arabic:
        warnings.warn(
            f"{where}: {len(no_arabic)} article(s) contain no Arabic letter "
            f"(doc_id {', '.join(map(repr, no_arabic[:5]))}); the analysis expects Arabic",
            CorpusWarning,
            stacklevel=3,
        )
    extras = [c for c in frame.columns if c not in S.ARTICLE_COLUMNS]
    frame = frame[[*S.ARTICLE_COLUMNS, *extras]]
    frame.attrs[S.FILLED_COLUMNS] = filled
    return frame
