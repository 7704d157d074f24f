"""Checks of the arguments users pass to the toolkit's public functions.

Each check raises an error that names the argument (and the column) at fault, so a
call with a typo fails before any work instead of returning an empty or partial
table. The framing statistics, the plots, the classifier evaluation and model
selection share them.

Examples
--------
>>> count_argument(0, "n_resamples", minimum=0)
0
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import pandas as pd

from toolkit.corpus.schema import check_unique_columns, require_columns


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
    ValueError: argument 't': column(s) a occur more than once; drop or rename the copies
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} must be a {kind}, got {type(table).__name__}")
    check_unique_columns(table, what)
    require_columns(table, required, what)


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


#: The largest seed every random generator the toolkit uses accepts (scikit-learn's).
MAX_SEED = 2**32 - 1


def seed_argument(value: object, name: str = "random_state") -> int:
    """Return ``value`` as an ``int`` if it is a random seed: 0 to ``MAX_SEED``.

    Examples
    --------
    >>> seed_argument(7)
    7
    >>> seed_argument("x")
    Traceback (most recent call last):
    ...
    TypeError: argument 'random_state' must be a whole number (int); got 'x'
    """
    seed = count_argument(value, name, minimum=0)
    if seed > MAX_SEED:
        raise ValueError(
            f"argument {name!r} must be a seed from 0 to {MAX_SEED}; got {seed}"
        )
    return seed


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
    >>> sides = ["government", "sdc", "narrator"]
    >>> choice_argument(["sdc", "government"], "sides", allowed=sides, count=2)
    ('sdc', 'government')
    >>> choice_argument(("gov", "sdc"), "sides", allowed=sides)
    Traceback (most recent call last):
    ...
    ValueError: argument 'sides': unknown value(s) 'gov'; expected government, sdc or narrator
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
