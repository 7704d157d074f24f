"""Naive-Bayes-scaled logistic regression: shapes, probabilities, weights."""

import numpy as np
import pytest
import scipy.sparse as sp

from toolkit.classify import StanceClassifier, load, save, top_features
from toolkit.classify.nblr import NBLogisticRegression, log_count_ratio

# One feature per class plus one shared by every row (its ratio is 0).
X3 = sp.csr_matrix(np.hstack([np.eye(3).repeat(4, axis=0), np.ones((12, 1))]))
Y3 = np.array(["a", "b", "c"]).repeat(4)


def test_ratio_favours_features_of_the_class():
    ratio = log_count_ratio(sp.csr_matrix(np.eye(2)), np.array([True, False]), 1.0)
    assert ratio[0] > 0 > ratio[1]
    assert np.isclose(ratio[0], -ratio[1])


@pytest.mark.parametrize("labels", [Y3, np.where(Y3 == "a", "a", "rest")])
def test_probabilities_are_a_distribution_and_predictions_agree(labels):
    model = NBLogisticRegression().fit(X3, labels)
    proba = model.predict_proba(X3)
    assert proba.shape == (len(labels), len(model.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (model.predict(X3) == model.classes_[proba.argmax(axis=1)]).all()
    assert (model.predict(X3) == labels).all()
    rows = 1 if len(model.classes_) == 2 else len(model.classes_)
    assert model.coef_.shape == (rows, X3.shape[1])


def test_a_weight_of_two_counts_like_two_copies():
    X = sp.csr_matrix(np.array([[1, 0, 1], [1, 1, 0], [0, 1, 1], [0, 1, 0], [1, 0, 0]]))
    y = np.array(["a", "a", "b", "b", "b"])
    weights = np.array([2.0, 1.0, 1.0, 3.0, 0.0])
    rows = np.repeat(np.arange(5), weights.astype(int))
    weighted = NBLogisticRegression(class_weight=None).fit(X, y, sample_weight=weights)
    copied = NBLogisticRegression(class_weight=None).fit(X[rows], y[rows])
    np.testing.assert_allclose(weighted.ratios_, copied.ratios_)
    np.testing.assert_allclose(weighted.coef_, copied.coef_, rtol=1e-4, atol=1e-6)
    unweighted = NBLogisticRegression(class_weight=None).fit(X, y)
    assert not np.allclose(weighted.ratios_, unweighted.ratios_)


def test_one_class_is_refused():
    with pytest.raises(ValueError, match="at least two classes"):
        NBLogisticRegression().fit(X3, ["a"] * X3.shape[0])


def test_default_stance_model_is_inspectable_and_persists(tmp_path):
    texts = ["أكدت الوزارة النصر", "زعمت قسد التقدم", "قال المرصد إن القتال استمر"] * 3
    labels = ["pro_government", "pro_sdc", "neutral"] * 3
    clf = StanceClassifier().fit(texts, labels)
    assert clf.get_params()["model"] == "nblr"
    table = top_features(clf, 2)
    assert set(table["class"]) == set(labels)
    path = tmp_path / "stance.skops"
    save(clf, path)
    restored = load(path)
    np.testing.assert_allclose(restored.predict_proba(texts), clf.predict_proba(texts))
