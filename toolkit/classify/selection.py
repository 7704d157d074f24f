"""Model selection: is candidate B really better than A on these data?

:func:`compare_models` scores several estimators on the *same* cross-validation folds,
repeated with fresh shuffles, and reports each one's mean score and its paired
difference from the first candidate (the baseline). The standard error of that
difference uses the correction of Nadeau and Bengio (2003, "Inference for the
generalization error"): fold scores share most of their training rows, so the plain
standard error over folds is too small and makes noise look like a gain.

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

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from toolkit.classify.evaluation import (
    evaluate_predictions,
    resolve_groups,
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
    random_state : int, default 0
        Seed of the first shuffle; repeat ``r`` uses ``random_state + r``.

    Returns
    -------
    ModelComparison

    Raises
    ------
    ValueError
        When there is no candidate, ``metric`` is unknown, ``f_avg`` lacks its
        labels, ``n_splits`` or ``n_repeats`` is out of range, or ``groups`` does not
        fit ``X``. An error while fitting names the candidate and the fold.

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
    if metric not in METRICS:
        raise ValueError(f"metric={metric!r} is not one of {', '.join(METRICS)}")
    if metric == "f_avg" and not f_avg_labels:
        raise ValueError("metric='f_avg' needs f_avg_labels, e.g. ('favor', 'against')")
    if n_splits < 2 or n_repeats < 1:
        raise ValueError(
            f"n_splits={n_splits!r}, n_repeats={n_repeats!r}: need n_splits >= 2 "
            "and n_repeats >= 1"
        )
    n_rows = len(X)
    labels = as_labels(y, n_rows, "y")
    group_array = None if groups is None else resolve_groups(groups, X)
    records = []
    for repeat in range(n_repeats):
        for fold, (train, test) in enumerate(
            _splits(labels, group_array, n_splits, random_state + repeat)
        ):
            record = {"repeat": repeat, "fold": fold}
            for name, estimator in candidates.items():
                try:
                    model = clone(estimator).fit(take_rows(X, train), labels[train])
                    predicted = model.predict(take_rows(X, test))
                except Exception as error:
                    error.add_note(f"candidate {name!r}, repeat {repeat}, fold {fold}")
                    raise
                report = evaluate_predictions(
                    labels[test],
                    predicted,
                    labels=np.unique(labels),
                    f_avg_labels=f_avg_labels,
                    n_resamples=0,
                )
                record[name] = report.summary.loc[metric, "value"]
            records.append(record)
    scores = pd.DataFrame(records).set_index(["repeat", "fold"])
    return ModelComparison(summarize(scores, 1 / (n_splits - 1)), scores)


def _splits(
    labels: np.ndarray, groups: np.ndarray | None, n_splits: int, seed: int
) -> Any:
    if groups is None:
        splitter = StratifiedKFold(n_splits, shuffle=True, random_state=seed)
        return splitter.split(labels, labels)
    if len(np.unique(groups)) < n_splits:
        raise ValueError(
            f"groups: {len(np.unique(groups))} distinct group(s) for n_splits={n_splits}"
        )
    splitter = StratifiedGroupKFold(n_splits, shuffle=True, random_state=seed)
    return splitter.split(labels, labels, groups)
