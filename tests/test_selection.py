"""Tests of toolkit.classify.selection: paired model comparison on shared folds."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.dummy import DummyClassifier

from toolkit.classify import (
    HedgeClassifier,
    ModelComparison,
    compare_models,
    learning_curve_report,
)
from toolkit.classify.selection import summarize

TEXTS = [
    "زعم المصدر أن الطريق مفتوح",
    "أكد المصدر أن الطريق مفتوح",
    "ادعت الوزارة أن القصف توقف",
    "أعلنت الوزارة أن القصف توقف",
    "ربما تتأخر المفاوضات",
    "تأخرت المفاوضات أمس",
] * 4
LABELS = [1, 0] * 12


class RecordingClassifier(ClassifierMixin, BaseEstimator):
    """Majority classifier that records the rows it was trained on."""

    seen: ClassVar[list[frozenset[str]]] = []

    def fit(self, X, y):
        RecordingClassifier.seen.append(frozenset(np.asarray(X, dtype=object)))
        self.classes_ = np.unique(y)
        return self

    def predict(self, X):
        return np.full(len(X), self.classes_[0])


def test_a_real_model_beats_the_majority_on_every_fold():
    result = compare_models(
        {"majority": DummyClassifier(), "hedge": HedgeClassifier()},
        TEXTS,
        LABELS,
        n_splits=4,
        n_repeats=2,
    )
    assert isinstance(result, ModelComparison)
    assert result.scores.shape == (8, 2)
    hedge = result.summary.loc["hedge"]
    assert hedge["mean"] > 0.9
    assert result.summary.loc["majority", "mean"] < 0.5
    assert hedge["wins"] == 8 and hedge["folds"] == 8
    assert hedge["diff"] == pytest.approx(
        (result.scores["hedge"] - result.scores["majority"]).mean()
    )
    assert result.summary.loc["majority", ["diff", "wins"]].tolist() == [0, 0]


def test_every_candidate_sees_the_same_folds():
    RecordingClassifier.seen = []
    compare_models(
        {"a": RecordingClassifier(), "b": RecordingClassifier()},
        [f"نص {i}" for i in range(12)],
        [0, 1] * 6,
        n_splits=3,
        n_repeats=2,
    )
    first, second = RecordingClassifier.seen[0::2], RecordingClassifier.seen[1::2]
    assert first == second
    # The two repeats shuffle differently.
    assert set(first[:3]) != set(first[3:])


def test_groups_never_straddle_a_fold():
    RecordingClassifier.seen = []
    texts = [f"نص {i}" for i in range(16)]
    frame = pd.DataFrame({"text": texts, "doc": [i // 4 for i in range(16)]})
    compare_models(
        {"a": RecordingClassifier()},
        frame["text"],
        [0, 1] * 8,
        groups=frame["doc"],
        n_splits=4,
    )
    for seen in RecordingClassifier.seen:
        docs_in = {int(text.split()[1]) // 4 for text in seen}
        docs_out = {int(text.split()[1]) // 4 for text in set(texts) - seen}
        assert not docs_in & docs_out


def test_corrected_error_is_wider_than_the_naive_one():
    scores = pd.DataFrame(
        {"a": [0.70, 0.72, 0.71, 0.69], "b": [0.72, 0.73, 0.70, 0.72]}
    )
    summary = summarize(scores, test_share=1 / 3)
    naive = (scores["b"] - scores["a"]).std(ddof=1) / np.sqrt(4)
    assert summary.loc["b", "diff_se"] > naive
    assert summary.loc["b", "diff_se"] == pytest.approx(
        np.sqrt((1 / 4 + 1 / 3) * (scores["b"] - scores["a"]).var(ddof=1))
    )
    assert summary.loc["b", "wins"] == 3


def test_f_avg_is_compared_when_asked():
    texts = ["اللقاح مفيد", "اللقاح ضار", "لا رأي عن اللقاح"] * 6
    labels = ["favor", "against", "none"] * 6
    result = compare_models(
        {"hedge": HedgeClassifier(), "majority": DummyClassifier()},
        texts,
        labels,
        n_splits=3,
        metric="f_avg",
        f_avg_labels=("favor", "against"),
    )
    assert result.summary.loc["hedge", "mean"] == pytest.approx(1.0)
    assert result.summary.loc["majority", "mean"] < 0.5


@pytest.mark.parametrize(
    ("candidates", "options", "message"),
    [
        ({}, {}, "candidates: give at least one"),
        ({"h": HedgeClassifier()}, {"metric": "auc"}, "metric='auc'"),
        ({"h": HedgeClassifier()}, {"metric": "f_avg"}, "needs f_avg_labels"),
        ({"h": HedgeClassifier()}, {"n_splits": 1}, "n_splits=1"),
        ({"h": HedgeClassifier()}, {"n_repeats": 0}, "n_repeats=0"),
        ({"h": HedgeClassifier()}, {"groups": [0, 1]}, "groups: 2 values for 24 rows"),
        ({"h": HedgeClassifier()}, {"groups": "doc"}, "groups='doc'"),
        ({"h": HedgeClassifier()}, {"groups": [0, 1] * 12}, "2 distinct group"),
    ],
)
def test_bad_arguments_are_named(candidates, options, message):
    with pytest.raises(ValueError, match=message):
        compare_models(candidates, TEXTS, LABELS, **options)


def test_a_failing_candidate_is_named():
    with pytest.raises(ValueError) as caught:
        compare_models(
            {"ok": DummyClassifier(), "broken": HedgeClassifier(C=-1)},
            TEXTS,
            LABELS,
            n_splits=2,
        )
    assert "candidate 'broken', repeat 0, fold 0" in caught.value.__notes__


def test_learning_curve_at_full_size_matches_the_comparison():
    curve = learning_curve_report(HedgeClassifier(), TEXTS, LABELS, n_splits=4)
    result = compare_models({"hedge": HedgeClassifier()}, TEXTS, LABELS, n_splits=4)
    assert curve.index.tolist() == [0.125, 0.25, 0.5, 0.75, 1.0]
    assert curve.loc[1.0, "mean"] == pytest.approx(result.summary.loc["hedge", "mean"])
    assert curve.loc[1.0, "n_train"] == 18
    assert curve["n_train"].is_monotonic_increasing
    assert (curve["folds"] == 4).all()


def test_learning_curve_samples_are_stratified_parts_of_the_training_fold():
    RecordingClassifier.seen = []
    texts = [f"نص {i}" for i in range(40)]
    labels = [i % 2 for i in range(40)]
    learning_curve_report(
        RecordingClassifier(), texts, labels, train_sizes=(0.25, 1.0), n_splits=2
    )
    small, full = RecordingClassifier.seen[0], RecordingClassifier.seen[1]
    assert len(small) == 5 and len(full) == 20
    assert small < full
    parities = {int(text.split()[1]) % 2 for text in small}
    assert parities == {0, 1}


@pytest.mark.parametrize("sizes", [(), (0.0, 1.0), (0.5, 1.5)])
def test_learning_curve_rejects_bad_sizes(sizes):
    with pytest.raises(ValueError, match="train_sizes="):
        learning_curve_report(HedgeClassifier(), TEXTS, LABELS, train_sizes=sizes)


def test_a_sample_too_small_for_every_class_is_named():
    with pytest.raises(ValueError) as caught:
        learning_curve_report(
            HedgeClassifier(), TEXTS, LABELS, train_sizes=(0.05,), n_splits=2
        )
    assert "train_size=0.05, fold 0" in caught.value.__notes__


# -- training weights ------------------------------------------------------------

#: 8 rows of class "a", 4 of "b"; each "b" row weighs 10 in training.
WEIGHTED = pd.DataFrame(
    {"text": [f"نص {i}" for i in range(12)], "w": [1.0] * 8 + [10.0] * 4}
)
WEIGHTED_LABELS = ["a"] * 8 + ["b"] * 4


def test_weights_reach_training_only_and_scores_are_unweighted():
    """A weighted majority picks "b": right on 1/3 of the (unweighted) test rows."""
    majority = {"majority": DummyClassifier(strategy="most_frequent")}
    options = {"n_splits": 4, "metric": "accuracy"}
    plain = compare_models(majority, WEIGHTED, WEIGHTED_LABELS, **options)
    weighted = compare_models(
        majority, WEIGHTED, WEIGHTED_LABELS, sample_weight="w", **options
    )
    assert plain.summary.loc["majority", "mean"] == pytest.approx(2 / 3)
    assert weighted.summary.loc["majority", "mean"] == pytest.approx(1 / 3)
    curve = learning_curve_report(
        majority["majority"],
        WEIGHTED,
        WEIGHTED_LABELS,
        train_sizes=(1.0,),
        sample_weight=WEIGHTED["w"].to_numpy(),
        **options,
    )
    assert curve.loc[1.0, "mean"] == pytest.approx(1 / 3)


def test_bad_seed_and_class_arguments_are_named_before_any_fit():
    majority = {"majority": DummyClassifier(strategy="most_frequent")}
    with pytest.raises(TypeError, match="argument 'random_state' must be a whole"):
        compare_models(majority, WEIGHTED, WEIGHTED_LABELS, random_state="x")
    with pytest.raises(TypeError, match="argument 'random_state' must be a whole"):
        learning_curve_report(
            majority["majority"], WEIGHTED, WEIGHTED_LABELS, random_state=1.5
        )
    with pytest.raises(TypeError, match="argument 'f_avg_labels' must be a list"):
        compare_models(majority, WEIGHTED, WEIGHTED_LABELS, f_avg_labels="a")


@pytest.mark.parametrize(
    ("weights", "message"),
    [("weight", "sample_weight='weight': X has no column"), ([1.0] * 3, "shape")],
)
def test_bad_weights_are_named(weights, message):
    with pytest.raises(ValueError, match=message):
        compare_models(
            {"m": DummyClassifier()},
            WEIGHTED,
            WEIGHTED_LABELS,
            n_splits=2,
            sample_weight=weights,
        )
