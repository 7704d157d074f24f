"""Column names and label vocabularies of the two tables every function exchanges.

The toolkit passes pandas DataFrames between its parts. Two shapes exist:

* an **articles** table, one row per article (:data:`ARTICLE_COLUMNS`), and
* a **statements** table, one row per attributed statement
  (:data:`STATEMENT_COLUMNS`).

Use the constants below rather than string literals, so that a renamed column is
one edit.

Examples
--------
>>> from toolkit.corpus import schema
>>> schema.SIDE in schema.STATEMENT_COLUMNS
True
>>> schema.SIDES
('government', 'sdc', 'third_party', 'narrator')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

# -- articles -----------------------------------------------------------------
DOC_ID = "doc_id"
OUTLET = "outlet"
DATE = "date"
TITLE = "title"
TEXT = "text"
URL = "url"

#: Columns every articles table has, in this order. Extra columns are free metadata.
ARTICLE_COLUMNS: tuple[str, ...] = (DOC_ID, OUTLET, DATE, TITLE, TEXT, URL)
#: Columns a user's file must provide; the others are filled with empty strings.
ARTICLE_REQUIRED: tuple[str, ...] = (TEXT,)
#: Key of ``DataFrame.attrs`` listing the columns a loader filled in itself, so that
#: error messages show only the columns the user's file has.
FILLED_COLUMNS = "filled_columns"

# -- statements ---------------------------------------------------------------
SENT_ID = "sent_id"
PARA_ID = "para_id"
TEXT_NORM = "text_norm"
SPEAKER = "speaker"
SIDE = "side"
VERB = "verb"
VERB_FRAME = "verb_frame"
CHAR_START = "char_start"
CHAR_END = "char_end"
#: Lemma of the verb (e.g. ``أكد`` for ``مؤكداً``); empty for the narrator.
VERB_LEMMA = "verb_lemma"
#: Secondary reporting verb inside the same statement (``مؤكداً`` after ``قال``).
VERB2 = "verb2"
VERB2_FRAME = "verb2_frame"

#: Columns every statements table has, in this order.
STATEMENT_COLUMNS: tuple[str, ...] = (
    DOC_ID,
    SENT_ID,
    PARA_ID,
    TEXT,
    TEXT_NORM,
    SPEAKER,
    SIDE,
    VERB,
    VERB_FRAME,
    CHAR_START,
    CHAR_END,
)

# -- annotation columns (gold files, classifier output) -----------------------
STANCE = "stance"
HEDGED = "hedged"
SPLIT = "split"
TOPIC = "topic"
TARGET = "target"

# -- vocabularies -------------------------------------------------------------
GOVERNMENT = "government"
SDC = "sdc"
THIRD_PARTY = "third_party"
NARRATOR = "narrator"
#: Who a statement is attributed to.
SIDES: tuple[str, ...] = (GOVERNMENT, SDC, THIRD_PARTY, NARRATOR)

ASSERTIVE = "assertive"
NEUTRAL_FRAME = "neutral"
DISTANCING = "distancing"
ACCUSATORY = "accusatory"
DENIAL = "denial"
NO_FRAME = "none"
#: How the reporting verb frames the statement.
VERB_FRAMES: tuple[str, ...] = (
    ASSERTIVE,
    NEUTRAL_FRAME,
    DISTANCING,
    ACCUSATORY,
    DENIAL,
    NO_FRAME,
)

PRO_GOVERNMENT = "pro_government"
PRO_SDC = "pro_sdc"
NEUTRAL = "neutral"
#: Which side a statement supports.
STANCES: tuple[str, ...] = (PRO_GOVERNMENT, PRO_SDC, NEUTRAL)

SPLITS: tuple[str, ...] = ("train", "dev", "test")


def missing_columns(frame: pd.DataFrame, required: Iterable[str]) -> list[str]:
    """Return the required columns that ``frame`` lacks, in the order given.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    required : iterable of str
        Column names that must be present.

    Returns
    -------
    list of str
        Missing names; empty when all are present.

    Examples
    --------
    >>> import pandas as pd
    >>> missing_columns(pd.DataFrame({"text": []}), ["doc_id", "text"])
    ['doc_id']
    """
    present = set(frame.columns)
    return [name for name in required if name not in present]


def repeated_names(names: Iterable[str]) -> list[str]:
    """Return the names that occur more than once, in order of first occurrence.

    Parameters
    ----------
    names : iterable of str
        Column names (a file's header) or keys.

    Returns
    -------
    list of str
        Each repeated name once; empty when all are distinct.

    Examples
    --------
    >>> repeated_names(["text", "outlet", "text", "outlet", "url"])
    ['text', 'outlet']
    """
    counts = Counter(names)
    return [name for name, count in counts.items() if count > 1]


def check_unique_columns(frame: pd.DataFrame, what: str) -> None:
    """Raise ``ValueError`` naming ``what`` and the column names it holds twice.

    Examples
    --------
    >>> check_unique_columns(pd.DataFrame([[1, 2]], columns=["text", "text"]), "X")
    Traceback (most recent call last):
    ...
    ValueError: X: column(s) text occur more than once; drop or rename the copies
    """
    twice = repeated_names(map(str, frame.columns))
    if twice:
        raise ValueError(
            f"{what}: column(s) {', '.join(twice)} occur more than once; "
            "drop or rename the copies"
        )


def columns_present(columns: Iterable[object], wanted: Iterable[str] = ()) -> str:
    """Say which columns a table has, for a message about a missing one.

    A name with surrounding spaces, or an empty or invisible one, is quoted so that
    the reader sees it; when such a name matches a ``wanted`` one once stripped, or
    differs from it only in case ("Text"), the message says so.

    Parameters
    ----------
    columns : iterable
        The table's column names.
    wanted : iterable of str
        The names that were looked for and not found.

    Returns
    -------
    str
        ``"columns present: ..."``, and the hint when it applies.

    Examples
    --------
    >>> print(columns_present(["doc_id", "text "], wanted=["text"]))
    columns present: doc_id, 'text '; a column name has surrounding spaces: rename 'text ' to 'text'
    >>> print(columns_present(["doc_id", "Text"], wanted=["text"]))
    columns present: doc_id, Text; column names are case-sensitive: rename 'Text' to 'text'
    """
    columns, wanted = list(columns), set(wanted)
    shown = ", ".join(map(_column_name, columns)) or "none"
    spaced = [
        (name, name.strip())
        for name in columns
        if isinstance(name, str) and name != name.strip() and name.strip() in wanted
    ]
    hint = "; ".join(f"rename {name!r} to {bare!r}" for name, bare in spaced)
    spaced_hint = f"; a column name has surrounding spaces: {hint}" if hint else ""
    cased = [
        (name, want)
        for name in columns
        if isinstance(name, str)
        for want in sorted(wanted)
        if name.strip() != want and name.strip().lower() == want
    ]
    case = "; ".join(f"rename {name!r} to {want!r}" for name, want in cased)
    case_hint = f"; column names are case-sensitive: {case}" if case else ""
    return f"columns present: {shown}{spaced_hint}{case_hint}"


def _column_name(name: object) -> str:
    """A column name as written, quoted if it has spaces around it or is invisible."""
    plain = not isinstance(name, str) or (
        name and name == name.strip() and name.isprintable()
    )
    return str(name) if plain else repr(name)


def require_columns(frame: pd.DataFrame, required: Iterable[str], what: str) -> None:
    """Raise ``ValueError`` naming ``what`` and the columns it lacks.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    required : iterable of str
        Column names that must be present.
    what : str
        How to name the table in the message (a file path or an argument name).

    Raises
    ------
    TypeError
        When ``frame`` is not a DataFrame: a file path or a list of texts, say.
    ValueError
        When one or more columns are missing; the message lists the columns
        present and points out a name with surrounding spaces.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"text": ["x"]}), ["text"], "argument 'articles'")
    >>> require_columns("articles.csv", ["text"], "argument 'articles'")
    Traceback (most recent call last):
    ...
    TypeError: argument 'articles': expected a pandas DataFrame, got str ('articles.csv'); read files with toolkit.corpus.load_corpus(path), and wrap texts as pd.DataFrame({'doc_id': ..., 'text': ...})
    """
    if not isinstance(frame, pd.DataFrame):
        shown = repr(frame) if len(repr(frame)) <= 60 else repr(frame)[:57] + "..."
        raise TypeError(
            f"{what}: expected a pandas DataFrame, got {type(frame).__name__} "
            f"({shown}); read files with toolkit.corpus.load_corpus(path), and wrap "
            "texts as pd.DataFrame({'doc_id': ..., 'text': ...})"
        )
    missing = missing_columns(frame, required)
    if missing:
        filled = frame.attrs.get(FILLED_COLUMNS, ())
        have = [c for c in frame.columns if c not in filled]
        hint = ""
        if len(have) == 1 and (mark := next((c for c in ";\t|" if c in have[0]), None)):
            hint = (
                f"; the header looks separated by {mark!r}, not by commas: save the "
                "file as comma-separated CSV (UTF-8)"
            )
        raise ValueError(
            f"{what}: missing required column(s) {', '.join(missing)}; "
            f"{columns_present(have, missing)}{hint}"
        )


def check_values(
    frame: pd.DataFrame, column: str, allowed: Iterable[str], what: str
) -> None:
    """Raise ``ValueError`` naming the first row whose ``column`` is not allowed.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    column : str
        The column whose values are checked.
    allowed : iterable of str
        The legal values.
    what : str
        How to name the table in the message.

    Examples
    --------
    >>> import pandas as pd
    >>> check_values(pd.DataFrame({"side": ["sdc"]}), "side", SIDES, "gold")
    """
    allowed_set = set(allowed)
    bad = ~frame[column].isin(allowed_set)
    if bad.any():
        row = bad.to_numpy().nonzero()[0][0]
        raise ValueError(
            f"{what}: row {row} has {column}={frame[column].iloc[row]!r}; "
            f"expected one of {', '.join(sorted(allowed_set))}"
        )


def as_text(values: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    """Cells as strings, a missing cell (NaN, None, ``pd.NA``) as ``""``.

    Works on categorical columns too, where ``fillna("")`` would raise because
    ``""`` is not one of the categories.

    Examples
    --------
    >>> as_text(pd.Series(pd.Categorical(["زعم", None]))).tolist()
    ['زعم', '']
    """
    return values.astype(object).fillna("").astype(str)
