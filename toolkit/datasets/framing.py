"""Loader for the project's own annotated corpus, ``datasets/framing-statements``.

The corpus is repository data (not fetched): a UTF-8 TSV written by pandas
(``to_csv(sep="\\t", index=False)``), one row per statement, with the
statements schema plus the annotation columns in :data:`FRAMING_COLUMNS`.

Examples
--------
>>> FRAMING_STATEMENTS_PATH.name
'statements.tsv'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.corpus.schema import (
    CHAR_END,
    CHAR_START,
    DOC_ID,
    HEDGED,
    SENT_ID,
    SIDE,
    SIDES,
    SPLIT,
    SPLITS,
    STANCE,
    STANCES,
    STATEMENT_COLUMNS,
    TEXT,
    TOPIC,
    VERB_FRAME,
    VERB_FRAMES,
    check_values,
    require_columns,
)
from toolkit.corpus.tables import read_table
from toolkit.datasets.splits import check_split

#: Register of the statement (wire copy, headline, official post, ...).
GENRE = "genre"
#: Free-text annotator notes.
NOTES = "notes"
#: Columns of the framing corpus, in file order.
FRAMING_COLUMNS: tuple[str, ...] = (
    *STATEMENT_COLUMNS,
    STANCE,
    HEDGED,
    SPLIT,
    TOPIC,
    GENRE,
    NOTES,
)
#: Where the corpus lives in a source checkout of the project.
FRAMING_STATEMENTS_PATH = (
    Path(__file__).resolve().parents[2]
    / "datasets"
    / "framing-statements"
    / "statements.tsv"
)


def load_framing_statements(
    split: str | None = None, path: str | Path | None = None
) -> pd.DataFrame:
    """Load the annotated framing statements, validated against the schema.

    Parameters
    ----------
    split : {"train", "dev", "test"} or None, default None
        Keep only this split; ``None`` keeps all rows.
    path : str or Path, optional
        Another file with the same layout; default
        :data:`FRAMING_STATEMENTS_PATH`. Its encoding is detected like a corpus
        file's (UTF-8, UTF-16 or Windows-1256).

    Returns
    -------
    pandas.DataFrame
        :data:`FRAMING_COLUMNS` first (extra columns kept after them),
        ``hedged`` as int 0/1, ``char_start``/``char_end`` as nullable
        ``Int64`` (empty = unknown), every other column as strings.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    ValueError
        When ``split`` is not legal, the file cannot be decoded or parsed, a
        column is missing or given twice, a text is empty or a label is outside
        its vocabulary; the message names the file and the line or row (0-based
        data row).

    Examples
    --------
    >>> load_framing_statements(split="validation")
    Traceback (most recent call last):
    ...
    ValueError: load_framing_statements: argument split='validation' is not legal; ...
    """
    wanted = check_split(split, SPLITS, "load_framing_statements")
    source = Path(path) if path is not None else FRAMING_STATEMENTS_PATH
    if not source.is_file():
        raise FileNotFoundError(
            f"framing corpus not found at {source}; it is part of a source "
            "checkout of the project (datasets/framing-statements/statements.tsv)"
        )
    frame = read_table(source, sep="\t")
    what = str(source)
    require_columns(frame, FRAMING_COLUMNS, what)
    _check_texts(frame, what)
    for column, allowed in (
        (STANCE, STANCES),
        (HEDGED, ("0", "1")),
        (SPLIT, SPLITS),
        (SIDE, SIDES),
        (VERB_FRAME, VERB_FRAMES),
    ):
        check_values(frame, column, allowed, what)
    frame = frame.astype({HEDGED: "int64"})
    for column in (CHAR_START, CHAR_END):
        frame[column] = _offsets(frame, column, what)
    extra = [name for name in frame.columns if name not in FRAMING_COLUMNS]
    frame = frame[[*FRAMING_COLUMNS, *extra]]
    return frame[frame[SPLIT].isin(wanted)].reset_index(drop=True)


def framing_articles(statements: pd.DataFrame) -> pd.DataFrame:
    """Rebuild the pseudo-articles of the framing corpus from its statements.

    Each article's text is its statements joined by newlines, in ``sent_id``
    order: the text the ``char_start``/``char_end`` offsets point into. Running
    :func:`toolkit.corpus.extract_statements` on these articles and comparing
    with the annotation (:mod:`toolkit.corpus.attribution_check`) measures
    automatic attribution.

    Parameters
    ----------
    statements : pandas.DataFrame
        Rows of :func:`load_framing_statements` (whole articles: every statement
        of each ``doc_id`` it holds).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``text``, ``split``, ``genre`` (of the article's first
        statement), one row per article.

    Raises
    ------
    ValueError
        When a statement's ``char_start`` does not point at its text in the
        rebuilt article (a statement is missing); the message names the
        ``doc_id``.

    Examples
    --------
    >>> articles = framing_articles(load_framing_statements(split="test"))
    >>> articles.columns.tolist()
    ['doc_id', 'text', 'split', 'genre']
    """
    rows = []
    for doc_id, part in statements.groupby(DOC_ID, sort=False):
        part = part.sort_values(SENT_ID, key=lambda ids: ids.astype(int))
        text = "\n".join(part[TEXT])
        for start, sentence in zip(part[CHAR_START], part[TEXT], strict=True):
            if (
                pd.isna(start)
                or text[int(start) : int(start) + len(sentence)] != sentence
            ):
                raise ValueError(
                    f"framing_articles: doc_id {doc_id!r} does not rebuild (its "
                    f"char_start {start} does not point at its statement); pass "
                    "every statement of each article"
                )
        first = part.iloc[0]
        rows.append((doc_id, text, first[SPLIT], first[GENRE]))
    return pd.DataFrame(rows, columns=[DOC_ID, TEXT, SPLIT, GENRE])


def _check_texts(frame: pd.DataFrame, what: str) -> None:
    row = _first_row(frame[TEXT].str.strip() == "")
    if row is not None:
        raise ValueError(f"{what}: row {row} has an empty {TEXT}")


def _offsets(frame: pd.DataFrame, column: str, what: str) -> pd.Series:
    """Parse a character offset column: digits, or empty for unknown."""
    values = frame[column].str.strip()
    row = _first_row(~values.str.fullmatch(r"[0-9]*"))
    if row is not None:
        raise ValueError(
            f"{what}: row {row} has {column}={values.iloc[row]!r}; "
            "expected a non-negative integer or nothing"
        )
    return pd.to_numeric(values.replace("", None)).astype("Int64")


def _first_row(mask: pd.Series) -> int | None:
    """Position of the first true value of ``mask``, or None."""
    hits = mask.to_numpy().nonzero()[0]
    return int(hits[0]) if hits.size else None
