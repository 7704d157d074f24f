"""The stance and hedging estimators: normaliser, TF-IDF features, linear model.

Both follow scikit-learn's conventions (parameters only stored in ``__init__``,
learned state ending in ``_``, ``fit`` returns ``self``) and work inside
``Pipeline``, ``GridSearchCV`` and ``cross_validate``. ``X`` is a list, array or
Series of raw Arabic strings, or a DataFrame with ``text`` and optionally
``target``; see :func:`toolkit.classify.inputs.as_frame`.

Examples
--------
>>> texts = ["زعم المتحدث أن القصف توقف", "أكدت الوزارة أن القصف توقف",
...          "ادعى المصدر أن الهجوم فشل", "أوضحت القيادة أن الهجوم فشل"]
>>> clf = HedgeClassifier().fit(texts, [1, 0, 1, 0])
>>> clf.predict(["زعمت الوزارة أن الطريق مفتوح"]).tolist()
[1]
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from toolkit.classify.features import TargetInteraction, text_features
from toolkit.classify.inputs import (
    NoArabicWarning,
    as_frame,
    as_labels,
    as_weights,
    check_fit_texts,
    has_arabic,
)
from toolkit.classify.nblr import NBLogisticRegression
from toolkit.classify.pairs import PairFeatures
from toolkit.corpus.schema import TARGET, TEXT
from toolkit.corpus.social import clean_social

#: Linear models an estimator can use (``model=``).
MODELS: tuple[str, ...] = ("nblr", "logreg", "svm", "sgd", "huber")
#: How the ``target`` column is used (``target_mode=``).
TARGET_MODES: tuple[str, ...] = ("auto", "none", "interact", "pair")
#: In ``target_mode="auto"``, targets repeated at least this often on average
#: are topics (``"interact"``); rarer ones are claims (``"pair"``).
TOPIC_MIN_ROWS = 10
#: Texts turned into features at a time by ``predict``, ``predict_proba`` and
#: ``decision_function``: the TF-IDF matrix of a long corpus is built batch by batch,
#: so memory stays flat (about 1 GB per 50,000 news sentences in one batch).
PREDICT_BATCH = 5000


class _TextClassifier(ClassifierMixin, BaseEstimator):
    """Shared machinery; subclasses only choose defaults and the cue features."""

    def _lexicon(self) -> tuple[str | None, float]:
        """Lexicon feature family and weight (see ``text_features``)."""
        return None, 1.0

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> _TextClassifier:
        """Fit the features and the linear model.

        Parameters
        ----------
        X : texts or DataFrame
            Raw Arabic strings, or a DataFrame with ``text`` (and ``target``).
        y : array-like of shape (n_texts,)
            Labels; at least two classes.
        sample_weight : array-like of shape (n_texts,), optional
            How much each text counts in the linear model, e.g. annotator agreement
            on its label; each class needs some weight. The TF-IDF vocabulary is
            learnt from all texts alike.

        Returns
        -------
        self
        """
        self._check_params()
        frame = self._prepare(X)
        labels = as_labels(y, len(frame), "y")
        weights = as_weights(sample_weight, len(frame), labels=labels)
        check_fit_texts(frame, "X")
        self.target_mode_ = self._resolve_target_mode(frame)
        self.pipeline_ = Pipeline(
            [("features", self._features()), ("model", self._model(len(frame)))]
        )
        self.pipeline_.fit(frame, labels, model__sample_weight=weights)
        self.classes_ = self.pipeline_.classes_
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict one label per text."""
        return self._batched(X, lambda frame: self.pipeline_.predict(frame))

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        return self._batched(X, lambda frame: self.pipeline_.predict_proba(frame))

    def decision_function(self, X: Any) -> np.ndarray:
        """Signed distances of the linear model (one column per class, or one
        for two classes, positive for ``classes_[1]``)."""

        def distances(frame: pd.DataFrame) -> np.ndarray:
            features = self.pipeline_.named_steps["features"].transform(frame)
            return self.linear_model_.decision_function(features)

        return self._batched(X, distances)

    def _batched(
        self, X: Any, method: Callable[[pd.DataFrame], np.ndarray]
    ) -> np.ndarray:
        """``method`` on the checked input, ``PREDICT_BATCH`` rows at a time.

        Features are computed row by row (vocabulary and weights are fixed at fit),
        so batching bounds memory without changing any result.
        """
        frame = self._frame(X)
        if len(frame) <= PREDICT_BATCH:
            return method(frame)
        starts = range(0, len(frame), PREDICT_BATCH)
        return np.concatenate(
            [method(frame.iloc[i : i + PREDICT_BATCH]) for i in starts]
        )

    @property
    def linear_model_(self) -> Any:
        """The fitted linear model that holds ``coef_`` (inside calibration)."""
        check_is_fitted(self, "pipeline_")
        model = self.pipeline_.named_steps["model"]
        if isinstance(model, CalibratedClassifierCV):
            return model.calibrated_classifiers_[0].estimator
        return model

    def feature_names_out(self) -> np.ndarray:
        """Names of the columns the linear model weighs."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.named_steps["features"].get_feature_names_out()

    def __sklearn_tags__(self) -> Any:
        """Declare raw strings (not 2-D numeric arrays) as the input type."""
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # -- construction ------------------------------------------------------

    def _check_params(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"model={self.model!r} is not one of {', '.join(MODELS)}")
        if self.target_mode not in TARGET_MODES:
            raise ValueError(
                f"target_mode={self.target_mode!r} is not one of {', '.join(TARGET_MODES)}"
            )
        if isinstance(self.C, bool) or not isinstance(self.C, Real) or not self.C > 0:
            raise ValueError(f"C={self.C!r} must be a positive number")

    def _resolve_target_mode(self, frame: pd.DataFrame) -> str:
        has_target = TARGET in frame.columns
        if self.target_mode in ("interact", "pair") and not has_target:
            raise ValueError(
                f"X: target_mode={self.target_mode!r} needs a DataFrame with a "
                f"{TARGET!r} column"
            )
        if self.target_mode != "auto":
            return self.target_mode
        if not has_target:
            return "none"
        rows_per_target = len(frame) / frame[TARGET].nunique()
        return "interact" if rows_per_target >= TOPIC_MIN_ROWS else "pair"

    def _features(self) -> Any:
        if self.target_mode_ == "pair":
            return PairFeatures(self.word_ngrams, self.char_ngrams, self.min_df)
        features = text_features(
            self.word_ngrams,
            self.char_ngrams,
            self.min_df,
            *self._lexicon(),
        )
        if self.target_mode_ == "interact":
            return TargetInteraction(features)
        return features

    def _model(self, n_samples: int) -> Any:
        if self.model == "nblr":
            return NBLogisticRegression(
                C=self.C, class_weight=self.class_weight, random_state=self.random_state
            )
        if self.model == "logreg":
            return LogisticRegression(
                C=self.C,
                class_weight=self.class_weight,
                max_iter=1000,
                random_state=self.random_state,
            )
        if self.model in ("sgd", "huber"):
            return SGDClassifier(
                loss="log_loss" if self.model == "sgd" else "modified_huber",
                alpha=1.0 / (self.C * n_samples),
                class_weight=self.class_weight,
                max_iter=100,
                tol=1e-4,
                random_state=self.random_state,
            )
        return CalibratedClassifierCV(
            LinearSVC(
                C=self.C, class_weight=self.class_weight, random_state=self.random_state
            ),
            method="sigmoid",
            cv=3,
            ensemble=False,
        )

    def _prepare(self, X: Any) -> pd.DataFrame:
        """Input as a normalised frame, cleaned for social media when asked."""
        frame = as_frame(X, "X")
        if self.social:
            frame[TEXT] = frame[TEXT].map(clean_social)
        return frame

    def _frame(self, X: Any) -> pd.DataFrame:
        check_is_fitted(self, "pipeline_")
        frame = self._prepare(X)
        if self.target_mode_ != "none" and TARGET not in frame.columns:
            raise ValueError(
                f"X: this classifier was fitted with targets (target_mode="
                f"{self.target_mode_!r}); pass a DataFrame with {TEXT!r} and "
                f"{TARGET!r} columns"
            )
        arabic = has_arabic(frame[TEXT])
        blank = (frame[TEXT].str.strip() == "").to_numpy()
        if not arabic.any():
            message = f"none of the {len(frame)} texts contains an Arabic letter"
        elif (foreign := ~arabic & ~blank).any():
            first = int(foreign.nonzero()[0][0])
            message = (
                f"{int(foreign.sum())} of {len(frame)} texts (first: row {first}) "
                "contain no Arabic letter"
            )
        else:
            return frame
        warnings.warn(
            f"X: {message}; predictions on them are not meaningful",
            NoArabicWarning,
            stacklevel=4,  # the caller of predict / predict_proba / decision_function
        )
        return frame


class StanceClassifier(_TextClassifier):
    """Stance of a text: which side it supports, or its stance toward a target.

    Parameters
    ----------
    model : {"nblr", "logreg", "svm", "sgd", "huber"}, default "nblr"
        Logistic regression on naive-Bayes-scaled features
        (:class:`~toolkit.classify.nblr.NBLogisticRegression`, chosen by grouped
        cross-validation on the framing corpus), plain logistic regression, a
        linear SVM with sigmoid calibration on 3 folds, or SGD on the log loss
        (``"sgd"``) or the modified Huber loss (``"huber"``).
    C : float, default 10.0
        Inverse regularisation strength (smaller: stronger).
    word_ngrams, char_ngrams : (int, int) or None, default (1, 2) and (2, 5)
        N-gram ranges of the word and character TF-IDF; ``None`` leaves one out.
    min_df : int or float, default 1
        Minimum document frequency of an n-gram.
    class_weight : "balanced", dict or None, default "balanced"
        Class weights against imbalance.
    target_mode : {"auto", "none", "interact", "pair"}, default "auto"
        How a ``target`` column is used: ignored (``"none"``); topics shared
        by many rows, as in Mawqif (``"interact"``: shared plus per-target
        features); a claim per row, as in ANS (``"pair"``: features of the
        claim-headline pair). ``"auto"`` picks ``"none"`` without a target
        column, else ``"interact"`` when targets repeat at least
        :data:`TOPIC_MIN_ROWS` times on average, else ``"pair"``.
    random_state : int, default 0
        Seed of the linear model.
    social : bool, default False
        Clean tweets and posts with :func:`toolkit.corpus.social.clean_social`
        (stretched letters, emoji, links, mentions) before the features.

    Attributes
    ----------
    classes_ : ndarray
        The labels seen in ``fit``.
    target_mode_ : str
        The resolved target mode.
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted features and model.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"text": ["اللقاح آمن ومفيد", "اللقاح خطير",
    ...                             "التحول الرقمي رائع", "التحول الرقمي فاشل"],
    ...                    "target": ["vaccine", "vaccine", "digital", "digital"]})
    >>> clf = StanceClassifier(target_mode="interact").fit(X, ["favor", "against"] * 2)
    >>> clf.classes_.tolist(), clf.target_mode_
    (['against', 'favor'], 'interact')
    """

    def __init__(
        self,
        model: str = "nblr",
        C: float = 10.0,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        min_df: int | float = 1,
        class_weight: str | dict | None = "balanced",
        target_mode: str = "auto",
        random_state: int = 0,
        social: bool = False,
    ) -> None:
        self.model = model
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.class_weight = class_weight
        self.target_mode = target_mode
        self.random_state = random_state
        self.social = social


class HedgeClassifier(_TextClassifier):
    """Hedging: does the text distance itself from the claim it reports?

    Parameters are those of :class:`StanceClassifier`, with other defaults:
    ``model="logreg"`` and ``C=3.0`` (chosen by grouped cross-validation on the
    framing corpus's train + dev splits, ``benchmarks/results/model_selection.md``),
    plus:

    cues : bool, default True
        Add the lexicon cue features of :class:`~toolkit.classify.cues.CueFeatures`
        (hedge and booster cues, "قد" + imperfect vs. "قد" + perfect,
        negated evidence such as "لم تؤكدها مصادر مستقلة", reporting-verb
        frames).
    cue_weight : float, default 1.0
        Value of a present cue feature.

    Examples
    --------
    >>> HedgeClassifier().get_params()["cues"]
    True
    """

    def __init__(
        self,
        model: str = "logreg",
        C: float = 3.0,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        min_df: int | float = 1,
        class_weight: str | dict | None = "balanced",
        target_mode: str = "auto",
        random_state: int = 0,
        social: bool = False,
        cues: bool = True,
        cue_weight: float = 1.0,
    ) -> None:
        self.model = model
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.class_weight = class_weight
        self.target_mode = target_mode
        self.random_state = random_state
        self.social = social
        self.cues = cues
        self.cue_weight = cue_weight

    def _lexicon(self) -> tuple[str | None, float]:
        return ("hedge" if self.cues else None), self.cue_weight
