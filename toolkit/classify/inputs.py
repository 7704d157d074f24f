"""Turn what a user passes as ``X`` and ``y`` into checked, normalised inputs.

The estimators accept raw Arabic strings (a list, array or Series) or a
DataFrame with a ``text`` column and an optional ``target`` column (the stance
target, or the claim a headline is compared with). Everything is checked here,
once, so that bad input fails with a message naming the argument and row.

Examples
--------
>>> as_frame(["أكَّدت الوزارة", "قال"]).to_dict("list")
{'text': ['اكدت الوزارة', 'قال']}
>>> as_frame([None])
Traceback (most recent call last):
...
TypeError: X: row 0 is None, not a string
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit.corpus.normalize import ARABIC_LETTERS, normalize_series
from toolkit.corpus.schema import TARGET, TEXT, check_unique_columns, columns_present

_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")


def as_frame(X: Any, what: str = "X") -> pd.DataFrame:
    """Return ``X`` as a DataFrame of normalised ``text`` (and ``target``).

    Parameters
    ----------
    X : list, tuple, numpy array, pandas Series or DataFrame
        Texts, or a table with a ``text`` column and optionally ``target``.
    what : str, default "X"
        The argument name used in error messages.

    Returns
    -------
    pandas.DataFrame
        Column ``text`` (normalised) and, when given, ``target`` (stripped
        strings), with a fresh ``RangeIndex``.

    Raises
    ------
    TypeError
        When ``X`` is a single string or another unsupported type, or a row is
        not a string.
    ValueError
        When ``X`` is empty, not one-dimensional, or lacks a ``text`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> as_frame(pd.DataFrame({"text": ["نص"], "target": [" Covid "]}))["target"][0]
    'Covid'
    """
    if isinstance(X, str):
        raise TypeError(f"{what}: expected a list of texts, got a single string")
    if isinstance(X, pd.DataFrame):
        check_unique_columns(X, what)
        if TEXT not in X.columns:
            raise ValueError(
                f"{what}: a DataFrame needs a {TEXT!r} column; "
                f"{columns_present(X.columns, [TEXT])}"
            )
        columns = {TEXT: _strings(X[TEXT], f"{what}[{TEXT!r}]")}
        if TARGET in X.columns:
            columns[TARGET] = _strings(X[TARGET], f"{what}[{TARGET!r}]").str.strip()
    elif isinstance(X, pd.Series | np.ndarray | Sequence):
        if np.ndim(X) != 1:
            raise ValueError(
                f"{what}: expected a one-dimensional sequence of texts, got an array "
                f"of shape {np.shape(X)}; pass a DataFrame with a {TEXT!r} column "
                "for several columns"
            )
        columns = {TEXT: _strings(pd.Series(X, dtype=object), what)}
    else:
        raise TypeError(
            f"{what}: expected texts as a list, array, Series or DataFrame, "
            f"got {type(X).__name__}"
        )
    if len(columns[TEXT]) == 0:
        raise ValueError(f"{what}: no texts given (0 rows)")
    frame = pd.DataFrame(columns).reset_index(drop=True)
    frame[TEXT] = normalize_series(frame[TEXT])
    return frame


def _strings(values: pd.Series, what: str) -> pd.Series:
    """Return ``values`` as ``object`` strings; raise naming the first non-string."""
    values = pd.Series(values, dtype=object).reset_index(drop=True)
    bad = ~values.map(lambda value: isinstance(value, str)).to_numpy(dtype=bool)
    if bad.any():
        row = int(bad.nonzero()[0][0])
        value = values.iloc[row]
        shown = "None" if value is None else f"{value!r} ({type(value).__name__})"
        raise TypeError(f"{what}: row {row} is {shown}, not a string")
    return values


class NoArabicWarning(UserWarning):
    """Texts given to ``predict`` contain no Arabic letter; their labels mean nothing.

    A category of its own, so that callers who report such texts themselves (the
    pipeline names the statements) can silence it without matching its message.
    """


def has_arabic(texts: pd.Series) -> np.ndarray:
    """Return a boolean mask of the texts that contain at least one Arabic letter.

    Examples
    --------
    >>> import pandas as pd
    >>> has_arabic(pd.Series(["hello", "مرحبا hi"])).tolist()
    [False, True]
    """
    return texts.str.contains(_ARABIC_LETTER).to_numpy(dtype=bool)


def check_fit_texts(frame: pd.DataFrame, what: str = "X") -> None:
    """Refuse training texts that are all empty or contain no Arabic at all.

    Raises
    ------
    ValueError
        When every text is empty, or none contains an Arabic letter.

    Examples
    --------
    >>> check_fit_texts(as_frame(["", "  "]))
    Traceback (most recent call last):
    ...
    ValueError: X: all 2 texts are empty; there is nothing to learn from
    """
    if (frame[TEXT].str.strip() == "").all():
        raise ValueError(
            f"{what}: all {len(frame)} texts are empty; there is nothing to learn from"
        )
    if not has_arabic(frame[TEXT]).any():
        raise ValueError(
            f"{what}: none of the {len(frame)} texts contains an Arabic letter; "
            "these classifiers are built for Arabic text (check the column or encoding)"
        )


def as_labels(y: Any, n_rows: int, what: str = "y") -> np.ndarray:
    """Return ``y`` as a 1-D array of labels matching ``n_rows`` texts.

    Raises
    ------
    ValueError
        When ``y`` is not one-dimensional, its length differs from the number of
        texts, a label is missing, or fewer than two classes are present.

    Examples
    --------
    >>> as_labels(["a", "b"], 2).tolist()
    ['a', 'b']
    >>> as_labels(["a", "a"], 2)
    Traceback (most recent call last):
    ...
    ValueError: y: only one class ('a') is present; a classifier needs at least two classes
    """
    labels = label_array(y, what)
    if len(labels) != n_rows:
        raise ValueError(f"{what}: {len(labels)} labels for {n_rows} texts")
    classes = np.unique(labels)
    if len(classes) < 2:
        raise ValueError(
            f"{what}: only one class ({classes.tolist()[0]!r}) is present; "
            "a classifier needs at least two classes"
        )
    return labels


def label_array(y: Any, what: str = "y") -> np.ndarray:
    """Return ``y`` as a 1-D array of labels, refusing missing or odd values.

    The values are checked before numpy picks a type, so a NaN among text labels
    is reported rather than turned into the text ``'nan'``.

    Raises
    ------
    ValueError
        When ``y`` is not one-dimensional or a label is missing, blank, not a
        scalar, or text among numbers (the message names the row, from 0).

    Examples
    --------
    >>> label_array(["a", "b"]).tolist()
    ['a', 'b']
    >>> label_array(["a", float("nan")], "y_true")
    Traceback (most recent call last):
    ...
    ValueError: y_true: row 1 has no label (missing value)
    """
    values = y.to_numpy() if isinstance(y, pd.Series) else y
    typed = isinstance(values, np.ndarray) and values.dtype != object
    try:
        raw = values if typed else np.asarray(values, dtype=object)
    except ValueError as error:
        raise ValueError(
            f"{what}: expected one label per text; some labels are lists or arrays"
        ) from error
    if raw.ndim != 1:
        raise ValueError(f"{what}: expected one label per text, got shape {raw.shape}")
    if not typed:  # numpy scalars in a list (a Series spread out) become Python ones
        raw = np.array(
            [v.item() if isinstance(v, np.generic) else v for v in raw], dtype=object
        )
    _check_label_values(raw, what)
    return raw if typed else np.asarray(raw.tolist())


def _check_label_values(labels: np.ndarray, what: str) -> None:
    """Raise naming the first missing, blank, non-scalar or odd-typed label."""
    values = labels.tolist()
    for row, label in enumerate(values):
        if pd.api.types.is_scalar(label) and pd.isna(label):
            raise ValueError(f"{what}: row {row} has no label (missing value)")
        if not isinstance(label, str | int | float):
            raise ValueError(
                f"{what}: row {row} is {label!r} ({type(label).__name__}), not a label"
            )
        if isinstance(label, str) and not label.strip():
            raise ValueError(f"{what}: row {row} has a blank label ({label!r})")
    is_text = [isinstance(label, str) for label in values]
    if any(is_text) and not all(is_text):
        row = is_text.index(not is_text[0])
        raise ValueError(
            f"{what}: row {row} is {values[row]!r} but row 0 is {values[0]!r}; "
            "labels must be all text or all numbers"
        )


def as_weights(
    sample_weight: Any,
    n_rows: int,
    what: str = "sample_weight",
    labels: np.ndarray | None = None,
) -> np.ndarray | None:
    """Return ``sample_weight`` as a checked float array, or ``None`` if not given.

    Weights say how much each training text counts, e.g. the share of annotators who
    agreed on its label (Mawqif's ``confidence``).

    Parameters
    ----------
    sample_weight : array-like of shape (n_rows,) or None
        One weight per text.
    n_rows : int
        The number of texts.
    what : str, default "sample_weight"
        The argument name used in error messages.
    labels : numpy.ndarray, optional
        The texts' labels (see :func:`as_labels`); when given, every class must
        have some weight, since a class that weighs nothing cannot be learnt.

    Raises
    ------
    TypeError
        When ``sample_weight`` is a string (a column name belongs to
        :func:`~toolkit.classify.evaluation.resolve_weights`) or a weight is not
        a number.
    ValueError
        When the weights are not one per text, a weight is missing, infinite or
        negative, all weights are zero, or (with ``labels``) all weights of one
        class are zero.

    Examples
    --------
    >>> as_weights([1, 0.5], 2).tolist()
    [1.0, 0.5]
    >>> as_weights([1, -1], 2)
    Traceback (most recent call last):
    ...
    ValueError: sample_weight: row 1 is -1.0; weights must be zero or positive
    """
    if sample_weight is None:
        return None
    if isinstance(sample_weight, str):
        raise TypeError(
            f"{what}: got the string {sample_weight!r}; fit takes the weights "
            f"themselves, e.g. frame[{sample_weight!r}] (compare_models and "
            "cross_validate_report also accept a column name)"
        )
    values = pd.Series(np.asarray(sample_weight, dtype=object).ravel(), dtype=object)
    if np.ndim(sample_weight) != 1 or len(values) != n_rows:
        raise ValueError(
            f"{what}: expected one weight per text ({n_rows}), got shape "
            f"{np.shape(sample_weight)}"
        )
    numeric = pd.to_numeric(values, errors="coerce")
    not_number = numeric.isna() & values.notna()
    if not_number.any():
        row = int(not_number.to_numpy().nonzero()[0][0])
        raise TypeError(f"{what}: row {row} is {values.iloc[row]!r}, not a number")
    weights = numeric.to_numpy(dtype=float)
    for problem, bad in (
        ("missing", np.isnan(weights)),
        ("infinite", np.isinf(weights)),
    ):
        if bad.any():
            row = int(bad.nonzero()[0][0])
            raise ValueError(f"{what}: row {row} is {problem}")
    if (weights < 0).any():
        row = int((weights < 0).nonzero()[0][0])
        raise ValueError(
            f"{what}: row {row} is {weights[row]}; weights must be zero or positive"
        )
    if not weights.sum() > 0:
        raise ValueError(f"{what}: all {n_rows} weights are zero")
    if labels is not None:
        _check_class_weights(weights, labels, what)
    return weights


def _check_class_weights(weights: np.ndarray, labels: np.ndarray, what: str) -> None:
    """Raise naming the first class whose texts all weigh zero.

    Examples
    --------
    >>> _check_class_weights(np.array([1.0, 0.0]), np.array(["a", "b"]), "w")
    Traceback (most recent call last):
    ...
    ValueError: w: all 1 text(s) of class 'b' have weight zero, so the model cannot learn that class; give them a positive weight or leave the class out
    """
    classes, codes = np.unique(labels, return_inverse=True)
    totals = np.bincount(codes, weights=weights, minlength=len(classes))
    weightless = (totals <= 0).nonzero()[0]
    if weightless.size:
        code = weightless[0]
        raise ValueError(
            f"{what}: all {int((codes == code).sum())} text(s) of class "
            f"{classes[code].item()!r} have weight zero, so the model cannot learn "
            "that class; give them a positive weight or leave the class out"
        )
