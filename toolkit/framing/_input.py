"""Input checks shared by the framing statistics and their plots.

Each check raises an error that names the argument (and the row or column) at
fault, so a call with a typo fails before any work instead of returning an empty
or partial table.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import pandas as pd

from toolkit.corpus.schema import (
    DOC_ID,
    NO_FRAME,
    SIDE,
    SIDES,
    TEXT,
    TEXT_NORM,
    VERB_FRAME,
    VERB_FRAMES,
    check_values,
    require_columns,
)

_TRUE = {"1", "1.0", "true", "yes", "hedged"}
_FALSE = {"0", "0.0", "false", "no", "not_hedged"}


def check_table(
    table: pd.DataFrame,
    required: Iterable[str],
    what: str,
    kind: str = "pandas DataFrame",
) -> None:
    """Raise unless ``table`` is a DataFrame with unique and required columns.

    Parameters
    ----------
    table : pandas.DataFrame
        The table to check.
    required : iterable of str
        Columns it must have.
    what : str
        How to name the table in messages, e.g. ``"argument 'profile'"``.
    kind : str
        What the table should be, for the ``TypeError`` message.

    Raises
    ------
    TypeError
        When ``table`` is not a DataFrame.
    ValueError
        When a column name occurs twice, or a required column is missing.

    Examples
    --------
    >>> check_table(pd.DataFrame({"a": [1], "b": [2]}), ["a"], "argument 't'")
    >>> check_table(pd.DataFrame([[1, 2]], columns=["a", "a"]), ["a"], "argument 't'")
    Traceback (most recent call last):
    ...
    ValueError: argument 't': duplicated column(s) a; drop or rename the copies
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} must be a {kind}, got {type(table).__name__}")
    duplicated = table.columns[table.columns.duplicated()].unique()
    if len(duplicated):
        raise ValueError(
            f"{what}: duplicated column(s) {', '.join(map(str, duplicated))}; "
            "drop or rename the copies"
        )
    require_columns(table, required, what)


def check_statements(
    statements: pd.DataFrame, required: Iterable[str], what: str = "statements"
) -> None:
    """Raise ``TypeError``/``ValueError`` unless ``statements`` is a usable table.

    Besides :func:`check_table`: every ``side`` must be one of the schema's sides
    and, when ``doc_id`` is required, every row must have one.
    """
    required = list(required)
    argument = f"argument {what!r}"
    check_table(statements, required, argument, "pandas DataFrame of statements")
    if SIDE in statements.columns:
        check_values(statements, SIDE, SIDES, argument)
    if DOC_ID in required:
        ids = statements[DOC_ID]
        blank = ids.isna() | (ids.astype(str).str.strip() == "")
        if blank.any():
            row = blank.to_numpy().nonzero()[0][0]
            raise ValueError(
                f"{argument}: row {row} has an empty {DOC_ID}; every statement needs "
                "the id of its document (documents are resampled whole)"
            )


def count_argument(value: object, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an ``int`` if it is a whole number of at least ``minimum``.

    Examples
    --------
    >>> count_argument(5, "n")
    5
    >>> count_argument(-1, "n")
    Traceback (most recent call last):
    ...
    ValueError: argument 'n' must be a whole number of at least 1; got -1
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"argument {name!r} must be a whole number (int); got {value!r}"
        )
    if value < minimum:
        raise ValueError(
            f"argument {name!r} must be a whole number of at least {minimum}; "
            f"got {value!r}"
        )
    return int(value)


def level_argument(value: object, name: str = "confidence") -> float:
    """Return ``value`` as a ``float`` if it is a confidence level in (0, 1).

    Examples
    --------
    >>> level_argument(0.9)
    0.9
    >>> level_argument(95)
    Traceback (most recent call last):
    ...
    ValueError: argument 'confidence' must be a level between 0 and 1, such as 0.95 for 95%; got 95
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"argument {name!r} must be a number such as 0.95; got {value!r}"
        )
    if not (math.isfinite(value) and 0 < value < 1):
        raise ValueError(
            f"argument {name!r} must be a level between 0 and 1, such as 0.95 for "
            f"95%; got {value!r}"
        )
    return float(value)


def is_collection(value: object) -> bool:
    """True for a list, tuple, set or other iterable of values, not a bare string.

    Examples
    --------
    >>> is_collection(["في"]), is_collection("في")
    (True, False)
    """
    return isinstance(value, Iterable) and not isinstance(value, str | bytes)


def choice_argument(
    values: object,
    name: str,
    *,
    allowed: Iterable[str] | None = None,
    count: int | None = None,
) -> tuple:
    """Return ``values`` as a tuple of distinct (and, if given, allowed) choices.

    Parameters
    ----------
    values : sequence
        What the caller passed, e.g. ``sides=("government", "sdc")``.
    name : str
        The argument's name, for messages.
    allowed : iterable of str, optional
        The legal values, listed in the message when one is unknown.
    count : int, optional
        How many values are needed; at least one otherwise.

    Raises
    ------
    TypeError
        For a bare string (a sequence of letters) or a non-sequence.
    ValueError
        For the wrong number of values, a repeated value or an unknown one.

    Examples
    --------
    >>> choice_argument(["sdc", "government"], "sides", allowed=SIDES, count=2)
    ('sdc', 'government')
    >>> choice_argument(("gov", "sdc"), "sides", allowed=SIDES)
    Traceback (most recent call last):
    ...
    ValueError: argument 'sides': unknown value(s) 'gov'; expected government, sdc, third_party or narrator
    """
    wanted = "two values" if count == 2 else "one or more values"
    if not is_collection(values):
        raise TypeError(
            f"argument {name!r} must be a list or tuple of {wanted}, "
            f"not {type(values).__name__} {values!r}"
        )
    chosen = tuple(values)
    repeated = [v for i, v in enumerate(chosen) if v in chosen[:i]]
    if (count is not None and len(chosen) != count) or not chosen or repeated:
        raise ValueError(
            f"argument {name!r} must be {wanted.replace('values', 'different values')}"
            f"; got {values!r}"
        )
    if allowed is not None:
        legal = list(allowed)
        unknown = [v for v in chosen if v not in legal]
        if unknown:
            raise ValueError(
                f"argument {name!r}: unknown value(s) {', '.join(map(repr, unknown))}; "
                f"expected {', '.join(legal[:-1])} or {legal[-1]}"
            )
    return chosen


def frames(statements: pd.DataFrame, what: str = "statements") -> pd.Series:
    """Return the verb-frame column with empty cells read as ``"none"``."""
    column = statements[VERB_FRAME].fillna("").astype(str).replace("", NO_FRAME)
    check_values(column.to_frame(), VERB_FRAME, VERB_FRAMES, f"argument {what!r}")
    return column


def flags(statements: pd.DataFrame, column: str, what: str = "statements") -> pd.Series:
    """Return ``column`` as booleans, accepting 0/1, booleans and yes/no strings."""
    values: list[bool] = []
    for row, value in enumerate(statements[column].tolist()):
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            values.append(text in _TRUE)
        else:
            raise ValueError(
                f"argument {what!r}: row {row} has {column}={value!r}; "
                "expected 0/1, True/False or yes/no"
            )
    return pd.Series(values, index=statements.index, name=column, dtype=bool)


def texts(statements: pd.DataFrame, what: str = "statements") -> pd.Series:
    """Return the statement texts (raw text if present, else the normalised one)."""
    for column in (TEXT, TEXT_NORM):
        if column in statements.columns:
            return statements[column].fillna("").astype(str)
    raise ValueError(
        f"argument {what!r}: needs a {TEXT!r} or {TEXT_NORM!r} column; "
        f"columns present: {', '.join(map(str, statements.columns)) or 'none'}"
    )


def present_sides(statements: pd.DataFrame) -> list[str]:
    """Sides that occur in ``statements``, in the order of :data:`SIDES`."""
    seen = set(statements[SIDE])
    return [side for side in SIDES if side in seen]
