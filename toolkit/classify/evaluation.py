"""Honest evaluation: per-class scores, macro-F1 with a bootstrap interval, grouped CV.

Examples
--------
>>> report = evaluate_predictions(["a", "b", "b", "a"], ["a", "b", "a", "a"], n_resamples=200)
>>> report.per_class.loc["a", "recall"], report.confusion.loc["b", "a"]
(np.float64(1.0), np.int64(1))
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from toolkit.arguments import (
    choice_argument,
    count_argument,
    level_argument,
    seed_argument,
)
from toolkit.classify.inputs import as_labels, as_weights, label_array

#: Bootstrap picks held in memory at once by :func:`evaluate_predictions`.
BLOCK_CELLS = 2_000_000


@dataclass(frozen=True)
class EvaluationReport:
    """Scores of one set of predictions, as DataFrames.

    Attributes
    ----------
    per_class : pandas.DataFrame
        Index: class; columns ``precision``, ``recall``, ``f1``, ``support``.
    summary : pandas.DataFrame
        Index: metric (``macro_f1``, ``accuracy``, and ``f_avg`` when asked);
        columns ``value``, ``ci_low``, ``ci_high`` (bootstrap percentile interval).
    confusion : pandas.DataFrame
        Rows: true class; columns: predicted class.

    Examples
    --------
    >>> report = evaluate_predictions(["favor", "against", "favor"],
    ...                               ["favor", "favor", "favor"], n_resamples=0)
    >>> report.per_class["f1"].round(2).to_dict()
    {'against': 0.0, 'favor': 0.8}
    >>> int(report.confusion.loc["against", "favor"])
    1
    """

    per_class: pd.DataFrame
    summary: pd.DataFrame
    confusion: pd.DataFrame


def _f1_of(labels: Sequence[int]) -> Any:
    """Vectorised mean F1 over ``labels`` for integer-coded (…, n) arrays.

    A class found in neither the gold nor the predicted labels of a set has no F1
    (0/0) and is left out of the mean, as it would be if it were not a class.
    """

    def statistic(y_true: np.ndarray, y_pred: np.ndarray, axis: int = -1) -> np.ndarray:
        total = count = 0
        for k in labels:
            true_k, pred_k = y_true == k, y_pred == k
            tp = np.sum(true_k & pred_k, axis=axis)
            denominator = np.sum(true_k, axis=axis) + np.sum(pred_k, axis=axis)
            total = total + np.divide(
                2 * tp, denominator, out=np.zeros(tp.shape), where=denominator > 0
            )
            count = count + (denominator > 0)
        return np.divide(
            total, count, out=np.full(np.shape(total), np.nan), where=count > 0
        )

    return statistic


def _accuracy(y_true: np.ndarray, y_pred: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(y_true == y_pred, axis=axis)


def evaluate_predictions(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Sequence[Any] | None = None,
    f_avg_labels: Sequence[Any] | None = None,
    confidence: float = 0.95,
    n_resamples: int = 1000,
    random_state: int = 0,
    groups: Any = None,
) -> EvaluationReport:
    """Score predictions against gold labels.

    Parameters
    ----------
    y_true, y_pred : array-like
        Gold and predicted labels, same length.
    labels : sequence, optional
        Classes to report and average over, in order; default: all labels seen in
        either. A class in neither the gold nor the predicted labels has no F1
        (NaN in ``per_class``) and is left out of ``macro_f1`` and ``f_avg``.
        Accuracy counts every item, inside ``labels`` or not.
    f_avg_labels : sequence, optional
        Also report ``f_avg``, the mean F1 of these classes (``("favor",
        "against")`` for the SemEval-2016 / StanceEval convention).
    confidence : float, default 0.95
        Level of the bootstrap percentile intervals.
    n_resamples : int, default 1000
        Bootstrap resamples of the evaluated items, with replacement; 0 skips the
        bootstrap and leaves the interval empty (NaN), as does a single item (an
        interval needs at least two). A resample that misses a gold class is drawn
        again, so a rare class never scores a zero it did not earn. Items are
        taken as independent unless ``groups`` is given.
    random_state : int, default 0
        Seed of the bootstrap, 0 to 2**32 - 1.
    groups : array-like, optional
        The article (or event) of each item. The bootstrap then resamples whole
        groups, since items of one article share their errors. Fewer than 10
        groups give an interval that is itself too narrow: report it with the
        number of groups.

    Returns
    -------
    EvaluationReport

    Raises
    ------
    TypeError
        When ``labels`` or ``f_avg_labels`` is a bare string, or ``n_resamples``
        or ``random_state`` is not a whole number.
    ValueError
        When there are no items, the lengths differ, ``labels`` or
        ``f_avg_labels`` is empty or repeats a class, ``f_avg_labels`` names a
        class not in ``labels``, ``confidence`` is not in (0, 1), or
        ``n_resamples`` or ``random_state`` is negative.

    Examples
    --------
    >>> r = evaluate_predictions([1, 0, 1, 1], [1, 0, 0, 1], n_resamples=100)
    >>> round(r.summary.loc["macro_f1", "value"], 3)
    np.float64(0.733)
    """
    confidence = level_argument(confidence)
    n_resamples = count_argument(n_resamples, "n_resamples", minimum=0)
    random_state = seed_argument(random_state)
    if f_avg_labels is not None:
        f_avg_labels = choice_argument(f_avg_labels, "f_avg_labels")
    truth = label_array(y_true, "y_true")
    predicted = label_array(y_pred, "y_pred")
    if len(truth) != len(predicted):
        raise ValueError(
            f"y_true and y_pred: expected the same length, got {len(truth)} and "
            f"{len(predicted)}"
        )
    if len(truth) == 0:
        raise ValueError("y_true and y_pred: no items to score; give at least one")
    classes = (
        list(choice_argument(labels, "labels"))
        if labels is not None
        else sorted(set(truth) | set(predicted), key=str)
    )
    others = sorted((set(truth) | set(predicted)) - set(classes), key=str)
    code = {label: i for i, label in enumerate([*classes, *others])}
    unknown = [label for label in f_avg_labels or () if label not in classes]
    if unknown:
        raise ValueError(f"f_avg_labels: {unknown!r} not among the classes {classes!r}")
    true_codes = np.array([code[label] for label in truth])
    pred_codes = np.array([code[label] for label in predicted])

    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=classes, zero_division=0
    )
    per_class = pd.DataFrame(
        {"precision": precision, "recall": recall, "f1": f1, "support": support},
        index=pd.Index(classes, name="class"),
    )
    present = set(true_codes) | set(pred_codes)
    absent = [label for label in classes if code[label] not in present]
    per_class.loc[absent, ["precision", "recall", "f1"]] = np.nan
    statistics = {"macro_f1": _f1_of(range(len(classes))), "accuracy": _accuracy}
    if f_avg_labels:
        statistics["f_avg"] = _f1_of([code[label] for label in f_avg_labels])
    intervals = {}
    if n_resamples > 0 and len(truth) > 1:
        draws = (
            _group_draws(
                _group_array(groups, len(truth)), true_codes, n_resamples, random_state
            )
            if groups is not None
            else _item_draws(true_codes, n_resamples, random_state)
        )
        intervals = _percentiles(true_codes, pred_codes, statistics, draws, confidence)
    rows = {
        name: {
            "value": float(statistic(true_codes, pred_codes)),
            "ci_low": intervals.get(name, (np.nan, np.nan))[0],
            "ci_high": intervals.get(name, (np.nan, np.nan))[1],
        }
        for name, statistic in statistics.items()
    }
    summary = pd.DataFrame.from_dict(rows, orient="index").rename_axis("metric")
    confusion = pd.DataFrame(
        confusion_matrix(truth, predicted, labels=classes),
        index=pd.Index(classes, name="true"),
        columns=pd.Index(classes, name="predicted"),
    )
    return EvaluationReport(per_class, summary, confusion)


def _item_draws(
    true_codes: np.ndarray, n_resamples: int, seed: int
) -> Iterator[np.ndarray]:
    """Blocks of resampled positions, items drawn with replacement.

    A resample that misses a gold class is drawn again: otherwise the class
    would score a zero it did not earn, or drop out of the mean.
    """
    rng = np.random.default_rng(seed)
    n_items = len(true_codes)
    rows = max(1, BLOCK_CELLS // n_items)
    for start in range(0, n_resamples, rows):
        picks = rng.integers(0, n_items, (min(rows, n_resamples - start), n_items))
        missing = _misses_a_class(true_codes, picks)
        while missing.any():
            picks[missing] = rng.integers(0, n_items, (int(missing.sum()), n_items))
            missing = _misses_a_class(true_codes, picks)
        yield picks


def _group_draws(
    groups: np.ndarray, true_codes: np.ndarray, n_resamples: int, seed: int
) -> Iterator[np.ndarray]:
    """Resampled positions, one resample at a time, drawing whole groups (again
    when a gold class is missing, as in :func:`_item_draws`)."""
    rng = np.random.default_rng(seed)
    _, codes = np.unique(groups, return_inverse=True)
    members = [np.flatnonzero(codes == k) for k in range(codes.max() + 1)]
    for _ in range(n_resamples):
        while True:
            chosen = rng.integers(0, len(members), len(members))
            picks = np.concatenate([members[k] for k in chosen])[np.newaxis, :]
            if not _misses_a_class(true_codes, picks)[0]:
                break
        yield picks


def _misses_a_class(true_codes: np.ndarray, picks: np.ndarray) -> np.ndarray:
    """For each row of ``picks``, whether some gold class has no item in it."""
    drawn = true_codes[picks]
    return np.any([~(drawn == k).any(axis=1) for k in np.unique(true_codes)], axis=0)


def _group_array(groups: Any, n_items: int) -> np.ndarray:
    values = np.asarray(groups.to_numpy() if isinstance(groups, pd.Series) else groups)
    if values.ndim != 1 or len(values) != n_items:
        raise ValueError(
            f"groups: expected one group per item ({n_items}), got shape {values.shape}"
        )
    missing = pd.isna(values)
    if missing.any():
        raise ValueError(f"groups: item {int(np.flatnonzero(missing)[0])} has no group")
    return values.astype(str)


def _percentiles(
    true_codes: np.ndarray,
    pred_codes: np.ndarray,
    statistics: dict[str, Any],
    draws: Iterator[np.ndarray],
    confidence: float,
) -> dict[str, tuple[float, float]]:
    """Percentile interval of each statistic over blocks of resampled positions."""
    values: dict[str, list[np.ndarray]] = {name: [] for name in statistics}
    for picks in draws:
        for name, statistic in statistics.items():
            values[name].append(
                np.atleast_1d(statistic(true_codes[picks], pred_codes[picks]))
            )
    alpha = (1.0 - confidence) / 2.0
    return {
        name: tuple(
            float(q) for q in np.nanquantile(np.concatenate(drawn), [alpha, 1 - alpha])
        )
        for name, drawn in values.items()
    }


def evaluate(clf: Any, X: Any, y: Any, **options: Any) -> EvaluationReport:
    """Predict ``X`` with a fitted classifier and score against ``y``.

    Parameters
    ----------
    clf : fitted classifier
        Anything with ``predict`` (and ``classes_``, used as the label order).
    X : texts or DataFrame
        Input accepted by ``clf.predict``.
    y : array-like
        Gold labels.
    **options
        Passed to :func:`evaluate_predictions` (``f_avg_labels``,
        ``confidence``, ``n_resamples``, ``random_state``, ``labels``, ``groups``).

    Returns
    -------
    EvaluationReport

    Examples
    --------
    >>> from toolkit.classify import HedgeClassifier
    >>> texts = ["زعم المصدر ذلك", "أكد المصدر ذلك"] * 3
    >>> clf = HedgeClassifier().fit(texts, [1, 0] * 3)
    >>> float(evaluate(clf, texts, [1, 0] * 3, n_resamples=50).summary.loc["macro_f1", "value"])
    1.0
    """
    labels = np.asarray(y.to_numpy() if isinstance(y, pd.Series) else y)
    options.setdefault("labels", _label_order(getattr(clf, "classes_", None), labels))
    return evaluate_predictions(labels, clf.predict(X), **options)


def _label_order(classes: Any, labels: np.ndarray) -> list[Any]:
    """Classes of the model first, then any gold label it never saw."""
    known = list(classes) if classes is not None else []
    return known + sorted(set(labels) - set(known), key=str)


def cross_validate_report(
    clf: Any,
    X: Any,
    y: Any,
    groups: Any,
    *,
    n_splits: int = 5,
    f_avg_labels: Sequence[Any] | None = None,
    sample_weight: Any = None,
) -> pd.DataFrame:
    """Grouped K-fold cross-validation: one article (or event) never on both sides.

    Parameters
    ----------
    clf : classifier
        Cloned and refitted on each training fold.
    X : texts or DataFrame
        Inputs; a DataFrame is split by row.
    y : array-like
        Labels.
    groups : array-like or str
        Group of each row (document or event id), or the name of a column of
        ``X`` that holds it.
    n_splits : int, default 5
        Number of folds (at most the number of groups).
    f_avg_labels : sequence, optional
        Also report ``f_avg`` (see :func:`evaluate_predictions`).
    sample_weight : array-like or str, optional
        Training weight of each row, or the name of a column of ``X``; see
        :func:`resolve_weights`. Test folds are scored unweighted.

    Returns
    -------
    pandas.DataFrame
        One row per fold (``n_train``, ``n_test``, ``macro_f1``, ``accuracy``,
        ``f1_<class>`` ...), then rows ``mean`` and ``std``.

    Raises
    ------
    ValueError
        When ``n_splits`` is below 2, or ``groups`` has the wrong length or fewer
        groups than folds.

    Examples
    --------
    >>> from toolkit.classify import HedgeClassifier
    >>> texts = ["زعم المصدر ذلك", "أكد المصدر ذلك"] * 4
    >>> table = cross_validate_report(HedgeClassifier(), texts, [1, 0] * 4,
    ...                               groups=[0, 0, 1, 1, 2, 2, 3, 3], n_splits=2)
    >>> table.index.tolist(), table.loc["mean", "macro_f1"]
    ([0, 1, 'mean', 'std'], np.float64(1.0))
    """
    n_splits = count_argument(n_splits, "n_splits", minimum=2)
    group_array = resolve_groups(groups, X, n_splits)
    labels = as_labels(y, len(group_array), "y")
    weights = resolve_weights(sample_weight, X)
    rows = []
    for train, test in GroupKFold(n_splits=n_splits).split(labels, labels, group_array):
        model = fit_on_rows(clf, X, labels, train, weights)
        report = evaluate(
            model,
            take_rows(X, test),
            labels[test],
            f_avg_labels=f_avg_labels,
            n_resamples=0,
        )
        row = {"n_train": len(train), "n_test": len(test)}
        row |= report.summary["value"].to_dict()
        row |= {f"f1_{k}": v for k, v in report.per_class["f1"].items()}
        rows.append(row)
    table = pd.DataFrame(rows)
    return pd.concat([table, table.agg(["mean", "std"])])


def resolve_groups(groups: Any, X: Any, n_splits: int) -> np.ndarray:
    """The group of each row of ``X``, given as values or as a column name.

    Parameters
    ----------
    groups : array-like or str
        One group per row, or the name of a column of ``X`` that holds them.
    X : texts or DataFrame
        The inputs the groups belong to.
    n_splits : int
        Folds the groups will be split into; each needs a group of its own.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    ValueError
        When ``groups`` names no column of ``X``, has the wrong length or has
        fewer distinct groups than ``n_splits``.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["أ", "ب"], "doc_id": ["d1", "d2"]})
    >>> resolve_groups("doc_id", frame, n_splits=2).tolist()
    ['d1', 'd2']
    """
    group_array = np.asarray(_column_or_values(groups, X, "groups"))
    if len(group_array) != len(X):
        raise ValueError(f"groups: {len(group_array)} values for {len(X)} rows of X")
    n_groups = len(np.unique(group_array))
    if n_groups < n_splits:
        raise ValueError(
            f"groups: {n_groups} distinct group(s) for n_splits={n_splits}"
        )
    return group_array


def resolve_weights(sample_weight: Any, X: Any) -> np.ndarray | None:
    """The training weight of each row of ``X``, given as values or a column name.

    Parameters
    ----------
    sample_weight : array-like, str or None
        One non-negative weight per row, the name of a column of ``X`` that holds
        them, or ``None`` (every row counts once).
    X : texts or DataFrame
        The inputs the weights belong to.

    Returns
    -------
    numpy.ndarray or None

    Raises
    ------
    ValueError, TypeError
        When the column does not exist or a weight is missing, negative, not a
        number or of the wrong count (see :func:`toolkit.classify.inputs.as_weights`).

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["أ", "ب"], "confidence": [1.0, 0.6]})
    >>> resolve_weights("confidence", frame).tolist()
    [1.0, 0.6]
    """
    if sample_weight is None:
        return None
    values = _column_or_values(sample_weight, X, "sample_weight")
    return as_weights(values, len(X))


def fit_on_rows(
    clf: Any, X: Any, labels: np.ndarray, rows: np.ndarray, weights: np.ndarray | None
) -> Any:
    """A clone of ``clf`` fitted on ``rows`` (with their weights, when given).

    Examples
    --------
    >>> from sklearn.dummy import DummyClassifier
    >>> model = fit_on_rows(DummyClassifier(), ["أ", "ب", "ت"], np.array(["x", "y", "y"]),
    ...                     np.array([0, 1]), np.array([3.0, 1.0, 1.0]))
    >>> model.predict(["ت"]).tolist()
    ['x']
    """
    if weights is None:
        return clone(clf).fit(take_rows(X, rows), labels[rows])
    return clone(clf).fit(take_rows(X, rows), labels[rows], sample_weight=weights[rows])


def _column_or_values(values: Any, X: Any, what: str) -> Any:
    """``X[values]`` when ``values`` names a column of ``X``, else ``values``."""
    if not isinstance(values, str):
        return values
    if not isinstance(X, pd.DataFrame) or values not in X.columns:
        raise ValueError(f"{what}={values!r}: X has no column of that name")
    return X[values]


def take_rows(X: Any, rows: np.ndarray) -> Any:
    """Rows of a DataFrame, Series, array or list.

    Parameters
    ----------
    X : DataFrame, Series, array or list
        The inputs.
    rows : numpy.ndarray of int
        Positions to take.

    Returns
    -------
    DataFrame, Series or numpy.ndarray
        The same kind as ``X`` (an object array for a list).

    Examples
    --------
    >>> take_rows(["أ", "ب", "ت"], np.array([2, 0])).tolist()
    ['ت', 'أ']
    """
    if isinstance(X, pd.DataFrame | pd.Series):
        return X.iloc[rows]
    return np.asarray(X, dtype=object)[rows]
