"""Model selection: is candidate B really better than A? Would more labels help?

:func:`compare_models` scores several estimators on the *same* cross-validation folds,
repeated with fresh shuffles, and reports each one's mean score and its paired
difference from the first candidate (the baseline). The standard error of that
difference uses the correction of Nadeau and Bengio (2003, "Inference for the
generalization error"): fold scores share most of their training rows, so the plain
standard error over folds is too small and makes noise look like a gain.
:func:`learning_curve_report` scores one estimator trained on growing shares of each
training fold.

Examples
--------
>>> from sklearn.dummy import DummyClassifier
>>> from toolkit.classify import HedgeClassifier
>>> texts = ["زعم المصدر أن الطريق مقطوع", "أكد المصدر أن الطريق مقطوع"] * 6
>>> result = compare_models({"majority": DummyClassifier(), "hedge": HedgeClassifier()},
...                         texts, [1, 0] * 6, n_splits=3)
>>> row = result.summary.loc["hedge"]
>>> float(row["mean"]), round(float(row["diff"]), 3), int(row["wins"]), int(row["folds"])
(1.0, 0.667, 3, 3)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.model_selection import (
    StratifiedGroupKFold,
    StratifiedKFold,
    train_test_split,
)

from toolkit.arguments import choice_argument, seed_argument
from toolkit.classify.evaluation import (
    evaluate_predictions,
    fit_on_rows,
    resolve_groups,
    resolve_weights,
    take_rows,
)
from toolkit.classify.inputs import as_labels

#: Scores :func:`compare_models` can rank by.
METRICS: tuple[str, ...] = ("macro_f1", "accuracy", "f_avg")


@dataclass(frozen=True)
class ModelComparison:
    """Scores of several candidates on shared folds.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per candidate, in the order given: ``mean`` and ``std`` of the fold
        scores, ``diff`` (mean paired difference from the first candidate),
        ``diff_se`` (its corrected standard error), ``wins`` (folds on which the
        candidate beat the first) and ``folds``.
    scores : pandas.DataFrame
        The score of every candidate (columns) on every fold (rows indexed by
        ``repeat`` and ``fold``).

    Examples
    --------
    >>> scores = pd.DataFrame({"a": [0.5, 0.7], "b": [0.6, 0.7]})
    >>> ModelComparison(summarize(scores, test_share=0.5), scores).summary["wins"].tolist()
    [0, 1]
    """

    summary: pd.DataFrame
    scores: pd.DataFrame


def summarize(scores: pd.DataFrame, test_share: float) -> pd.DataFrame:
    """Summarise fold scores against the first column, with the corrected error.

    Parameters
    ----------
    scores : pandas.DataFrame
        One column per candidate, one row per fold; the first column is the baseline.
    test_share : float
        Test rows over training rows of a fold (``1 / (n_splits - 1)`` for K folds);
        it enters the Nadeau-Bengio variance ``(1 / J + test_share) * s**2`` over
        ``J`` folds.

    Returns
    -------
    pandas.DataFrame
        See :attr:`ModelComparison.summary`.

    Examples
    --------
    >>> scores = pd.DataFrame({"a": [0.5, 0.6, 0.7], "b": [0.6, 0.7, 0.7]})
    >>> summarize(scores, test_share=0.5).loc["b", ["diff", "wins"]].round(3).tolist()
    [0.067, 2.0]
    """
    differences = scores.sub(scores.iloc[:, 0], axis=0)
    n_folds = len(scores)
    variance = (1 / n_folds + test_share) * differences.var(ddof=1)
    return pd.DataFrame(
        {
            "mean": scores.mean(),
            "std": scores.std(ddof=1),
            "diff": differences.mean(),
            "diff_se": np.sqrt(variance),
            "wins": (differences > 0).sum(),
            "folds": n_folds,
        }
    )


def compare_models(
    candidates: Mapping[str, Any],
    X: Any,
    y: Any,
    *,
    groups: Any = None,
    n_splits: int = 5,
    n_repeats: int = 1,
    metric: str = "macro_f1",
    f_avg_labels: Any = None,
    sample_weight: Any = None,
    random_state: int = 0,
) -> ModelComparison:
    """Score candidates on shared, repeated stratified folds (grouped if asked).

    Tune on training data only: pass the train split, never the test split.

    Parameters
    ----------
    candidates : mapping of str to classifier
        Name -> estimator; the first is the baseline the others are compared with.
        Each is cloned and refitted on every training fold.
    X : texts or DataFrame
        Inputs; a DataFrame is split by row.
    y : array-like
        Labels.
    groups : array-like or str, optional
        Group of each row (document or event), or the name of a column of ``X``:
        one group is never on both sides of a fold (``StratifiedGroupKFold``).
    n_splits : int, default 5
        Folds per repeat.
    n_repeats : int, default 1
        Repeats, each with its own shuffle.
    metric : {"macro_f1", "accuracy", "f_avg"}, default "macro_f1"
        The score compared; ``"f_avg"`` needs ``f_avg_labels``.
    f_avg_labels : sequence, optional
        Classes whose mean F1 is ``f_avg`` (``("favor", "against")`` for Mawqif).
    sample_weight : array-like or str, optional
        Training weight of each row, or the name of a column of ``X`` (see
        :func:`toolkit.classify.evaluation.resolve_weights`); passed to every
        candidate's ``fit``. Test folds are scored unweighted.
    random_state : int, default 0
        Seed of the first shuffle; repeat ``r`` uses ``random_state + r``.

    Returns
    -------
    ModelComparison

    Raises
    ------
    TypeError
        When ``f_avg_labels`` is a bare string or ``random_state`` is not a whole
        number.
    ValueError
        When there is no candidate, ``metric`` is unknown, ``f_avg`` lacks its
        labels, ``n_splits``, ``n_repeats`` or ``random_state`` is out of range, or
        ``groups`` does not fit ``X``. An error while fitting names the candidate
        and the fold.

    Examples
    --------
    >>> from toolkit.classify import StanceClassifier
    >>> texts = ["أكد الوزير", "أوضحت الوزارة", "اتهم مسد", "زعمت قسد"] * 3
    >>> labels = ["pro_government"] * 2 + ["pro_sdc"] * 2
    >>> result = compare_models({"nblr": StanceClassifier(),
    ...                          "logreg": StanceClassifier(model="logreg")},
    ...                         texts, labels * 3, n_splits=3, n_repeats=2)
    >>> result.scores.shape, result.summary.index.tolist()
    ((6, 2), ['nblr', 'logreg'])
    """
    if not candidates:
        raise ValueError("candidates: give at least one estimator")
    labels, group_array, seed, options = _setup(
        X,
        y,
        groups,
        n_splits,
        n_repeats,
        metric,
        f_avg_labels,
        sample_weight,
        random_state,
    )
    records = []
    for repeat in range(n_repeats):
        for fold, (train, test) in enumerate(
            _splits(labels, group_array, n_splits, seed + repeat)
        ):
            record = {"repeat": repeat, "fold": fold}
            for name, estimator in candidates.items():
                where = f"candidate {name!r}, repeat {repeat}, fold {fold}"
                record[name] = _fold_score(
                    estimator, X, labels, train, test, where, **options
                )
            records.append(record)
    scores = pd.DataFrame(records).set_index(["repeat", "fold"])
    return ModelComparison(summarize(scores, 1 / (n_splits - 1)), scores)


def learning_curve_report(
    clf: Any,
    X: Any,
    y: Any,
    *,
    train_sizes: Sequence[float] = (0.125, 0.25, 0.5, 0.75, 1.0),
    groups: Any = None,
    n_splits: int = 5,
    metric: str = "macro_f1",
    f_avg_labels: Any = None,
    sample_weight: Any = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Cross-validated score of ``clf`` trained on growing shares of each fold.

    Answers "would labelling more texts help?": a score still rising at the full
    training size says yes. Each share is a stratified sample of the training fold;
    the test fold is always whole.

    Parameters
    ----------
    clf : classifier
        Cloned and refitted for every fold and size.
    X : texts or DataFrame
        Inputs; a DataFrame is split by row.
    y : array-like
        Labels.
    train_sizes : sequence of float, default (0.125, 0.25, 0.5, 0.75, 1.0)
        Shares of each training fold, each in (0, 1].
    groups : array-like or str, optional
        Group of each row, or a column of ``X`` (see :func:`compare_models`).
    n_splits : int, default 5
        Folds.
    metric : {"macro_f1", "accuracy", "f_avg"}, default "macro_f1"
        The score; ``"f_avg"`` needs ``f_avg_labels``.
    f_avg_labels : sequence, optional
        Classes whose mean F1 is ``f_avg``.
    sample_weight : array-like or str, optional
        Training weight of each row, or a column of ``X`` (see
        :func:`compare_models`).
    random_state : int, default 0
        Seed of the folds and of the samples.

    Returns
    -------
    pandas.DataFrame
        Index ``train_size`` (the share); columns ``n_train`` (mean training texts),
        ``mean`` and ``std`` of the fold scores, ``folds``.

    Raises
    ------
    ValueError
        When a size is outside (0, 1], a sample is too small to hold every class,
        or an argument is wrong as in :func:`compare_models`; the message names
        the size and fold.

    Examples
    --------
    >>> from toolkit.classify import HedgeClassifier
    >>> texts = ["زعم المصدر أن الطريق مقطوع", "أكد المصدر أن الطريق مقطوع"] * 8
    >>> curve = learning_curve_report(HedgeClassifier(), texts, [1, 0] * 8,
    ...                               train_sizes=(0.5, 1.0), n_splits=4)
    >>> curve["n_train"].tolist(), curve["mean"].tolist()
    ([6.0, 12.0], [1.0, 1.0])
    """
    if not train_sizes or not all(0 < size <= 1 for size in train_sizes):
        raise ValueError(f"train_sizes={train_sizes!r}: give shares in (0, 1]")
    labels, group_array, seed, options = _setup(
        X, y, groups, n_splits, 1, metric, f_avg_labels, sample_weight, random_state
    )
    records = []
    for fold, (train, test) in enumerate(_splits(labels, group_array, n_splits, seed)):
        for size in train_sizes:
            where = f"train_size={size}, fold {fold}"
            sample = train
            if size < 1:
                try:
                    sample, _ = train_test_split(
                        train,
                        train_size=size,
                        stratify=labels[train],
                        random_state=random_state,
                    )
                except ValueError as error:
                    error.add_note(where)
                    raise
            score = _fold_score(clf, X, labels, np.sort(sample), test, where, **options)
            records.append({"train_size": size, "n_train": len(sample), "score": score})
    grouped = pd.DataFrame(records).groupby("train_size")
    return pd.DataFrame(
        {
            "n_train": grouped["n_train"].mean(),
            "mean": grouped["score"].mean(),
            "std": grouped["score"].std(ddof=1),
            "folds": grouped["score"].size(),
        }
    )


def _setup(
    X: Any,
    y: Any,
    groups: Any,
    n_splits: int,
    n_repeats: int,
    metric: str,
    f_avg_labels: Any,
    sample_weight: Any,
    random_state: Any,
) -> tuple[np.ndarray, np.ndarray | None, int, dict[str, Any]]:
    """Check the shared arguments of the cross-validation functions.

    Returns the labels, the group of each row (or ``None``), the seed, and the
    scoring options for :func:`_fold_score`.
    """
    _check_scoring(metric, f_avg_labels, n_splits, n_repeats)
    seed = seed_argument(random_state)
    labels = as_labels(y, len(X), "y")
    group_array = None if groups is None else resolve_groups(groups, X, n_splits)
    weights = resolve_weights(sample_weight, X)
    options = {"metric": metric, "f_avg_labels": f_avg_labels, "weights": weights}
    return labels, group_array, seed, options


def _check_scoring(
    metric: str, f_avg_labels: Any, n_splits: int, n_repeats: int
) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric={metric!r} is not one of {', '.join(METRICS)}")
    if metric == "f_avg" and not f_avg_labels:
        raise ValueError("metric='f_avg' needs f_avg_labels, e.g. ('favor', 'against')")
    if f_avg_labels is not None:
        choice_argument(f_avg_labels, "f_avg_labels")
    if n_splits < 2 or n_repeats < 1:
        raise ValueError(
            f"n_splits={n_splits!r}, n_repeats={n_repeats!r}: need n_splits >= 2 "
            "and n_repeats >= 1"
        )


def _fold_score(
    estimator: Any,
    X: Any,
    labels: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
    where: str,
    *,
    metric: str,
    f_avg_labels: Any,
    weights: np.ndarray | None,
) -> float:
    """Fit a clone on the ``train`` rows and score ``metric`` on the ``test`` rows."""
    try:
        model = fit_on_rows(estimator, X, labels, train, weights)
        predicted = model.predict(take_rows(X, test))
    except Exception as error:
        error.add_note(where)
        raise
    report = evaluate_predictions(
        labels[test],
        predicted,
        labels=np.unique(labels),
        f_avg_labels=f_avg_labels,
        n_resamples=0,
    )
    return float(report.summary.loc[metric, "value"])


def _splits(
    labels: np.ndarray, groups: np.ndarray | None, n_splits: int, seed: int
) -> Any:
    if groups is None:
        splitter = StratifiedKFold(n_splits, shuffle=True, random_state=seed)
        return splitter.split(labels, labels)
    splitter = StratifiedGroupKFold(n_splits, shuffle=True, random_state=seed)
    return splitter.split(labels, labels, groups)
