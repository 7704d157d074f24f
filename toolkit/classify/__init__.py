"""Stance and hedging classifiers: training, inspection, evaluation, persistence.

Two scikit-learn estimators take raw Arabic strings (or a DataFrame with
``text`` and an optional ``target``): :class:`StanceClassifier` and
:class:`HedgeClassifier`. :func:`top_features` shows why they decide,
:func:`evaluate` and :func:`cross_validate_report` score them honestly,
:func:`compare_models` tells whether one setting really beats another,
:func:`learning_curve_report` whether more labels would help, and
:func:`save` / :func:`load` share them without pickle.

Examples
--------
>>> from toolkit.classify import HedgeClassifier, top_features
>>> clf = HedgeClassifier().fit(["زعم المصدر ذلك", "أكد المصدر ذلك"], [1, 0])
>>> clf.predict(["ربما يتأخر القرار"]).tolist()
[1]
"""

from toolkit.classify.estimators import HedgeClassifier, StanceClassifier
from toolkit.classify.evaluation import (
    EvaluationReport,
    cross_validate_report,
    evaluate,
    evaluate_predictions,
)
from toolkit.classify.inspection import top_features
from toolkit.classify.persistence import (
    TRUSTED_TYPES,
    ModelFileError,
    ModelVersionWarning,
    UntrustedModelError,
    load,
    save,
)
from toolkit.classify.selection import (
    ModelComparison,
    compare_models,
    learning_curve_report,
)

__all__ = [
    "TRUSTED_TYPES",
    "EvaluationReport",
    "HedgeClassifier",
    "ModelComparison",
    "ModelFileError",
    "ModelVersionWarning",
    "StanceClassifier",
    "UntrustedModelError",
    "compare_models",
    "cross_validate_report",
    "evaluate",
    "evaluate_predictions",
    "learning_curve_report",
    "load",
    "save",
    "top_features",
]
