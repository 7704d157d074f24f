"""Input checks shared by the framing statistics and their plots.

Each check raises an error that names the argument (and the row or column) at
fault, so a call with a typo fails before any work instead of returning an empty
or partial table.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from toolkit.arguments import check_table
from toolkit.corpus.schema import (
    DOC_ID,
    NO_FRAME,
    SIDE,
    SIDES,
    TEXT,
    TEXT_NORM,
    VERB_FRAME,
    VERB_FRAMES,
    as_text,
    check_values,
    columns_present,
)

_TRUE = {"1", "1.0", "true", "yes", "hedged"}
_FALSE = {"0", "0.0", "false", "no", "not_hedged"}


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


def frames(statements: pd.DataFrame, what: str = "statements") -> pd.Series:
    """Return the verb-frame column with empty cells read as ``"none"``."""
    column = as_text(statements[VERB_FRAME]).replace("", NO_FRAME)
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
            return as_text(statements[column])
    raise ValueError(
        f"argument {what!r}: needs a {TEXT!r} or {TEXT_NORM!r} column; "
        f"{columns_present(statements.columns, [TEXT, TEXT_NORM])}"
    )


def present_sides(statements: pd.DataFrame) -> list[str]:
    """Sides that occur in ``statements``, in the order of :data:`SIDES`."""
    seen = set(statements[SIDE])
    return [side for side in SIDES if side in seen]
