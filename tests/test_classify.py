"""Tests of toolkit.classify: estimator API, bad input, target modes, inspection."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, GroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from toolkit.classify import HedgeClassifier, StanceClassifier, estimators, top_features
from toolkit.classify.cues import CueFeatures, negated_evidence
from toolkit.classify.features import TargetInteraction, text_features
from toolkit.classify.inputs import NoArabicWarning
from toolkit.classify.inspection import describe_feature
from toolkit.classify.pairs import PairFeatures, pair_statistics
from toolkit.corpus.schema import TARGET, TEXT

SPEAKERS = ["وزارة الدفاع", "مجلس سوريا الديمقراطية", "مصدر عسكري", "المرصد السوري"]
CLAIMS = [
    "أن القصف توقف في الريف الشرقي",
    "أن الطريق الدولي أعيد فتحه",
    "أن عشرات المدنيين نزحوا من القرى",
    "أن الاتفاق يشمل تسليم المعابر",
]
HEDGED_FRAMES = [
    "زعم {s} {c}",
    "وادعى {s} {c}",
    "وقال {s} ربما {c}",
    "ورأى {s} أن الهدنة قد تنهار",
]
PLAIN_FRAMES = [
    "أكد {s} {c}",
    "وأعلن {s} {c}",
    "وأوضح {s} {c}",
    "وقال {s} إن المسلحين قد خرقوا الهدنة",
]


def hedge_data() -> tuple[list[str], np.ndarray]:
    """64 composed statements, half hedged (1), half not (0)."""
    texts, labels = [], []
    for frames, label in ((HEDGED_FRAMES, 1), (PLAIN_FRAMES, 0)):
        for frame, s, c in itertools.product(frames, SPEAKERS, CLAIMS):
            texts.append(frame.format(s=s, c=c))
            labels.append(label)
    return texts, np.array(labels)


def stance_frame() -> tuple[pd.DataFrame, np.ndarray]:
    """Tweets-like rows on two targets with favor / against / none labels."""
    favor = ["{t} خطوة رائعة ومفيدة للجميع", "أؤيد {t} بقوة", "نجاح {t} يسعدنا"]
    against = ["{t} فاشل ومضر", "أرفض {t} تماما", "لا نريد {t} أبدا"]
    none = ["سمعت خبرا عن {t} اليوم", "متى يبدأ {t}؟", "مقال طويل عن {t}"]
    rows = []
    for target, name in (("vaccine", "اللقاح"), ("digital", "التحول الرقمي")):
        for label, templates in (
            ("favor", favor),
            ("against", against),
            ("none", none),
        ):
            for template, suffix in itertools.product(
                templates, ["", " اليوم", " فعلا", " حقا"]
            ):
                rows.append((template.format(t=name) + suffix, target, label))
    frame = pd.DataFrame(rows, columns=[TEXT, TARGET, "stance"])
    return frame[[TEXT, TARGET]], frame["stance"].to_numpy()


@pytest.fixture(scope="module")
def hedge_model() -> HedgeClassifier:
    texts, labels = hedge_data()
    return HedgeClassifier().fit(texts, labels)


# -- scikit-learn conventions --------------------------------------------------

#: The estimators take raw strings, so their tags declare ``string`` input and
#: no 2-D numeric arrays. scikit-learn's data checks all feed random numeric
#: matrices, so ``parametrize_with_checks`` runs only the clone check for them
#: (it reports the rest as skipped with a SkipTestWarning). The API checks that
#: need no data run below explicitly; the numeric-data checks are replaced by
#: text equivalents in this file:
#:   check_fit_score_takes_y, check_estimators_fit_returns_self -> test_fit_returns_self_and_score
#:   check_estimators_overwrite_params, check_dont_overwrite_parameters -> test_fit_leaves_params_alone
#:   check_classifiers_one_label -> test_one_class_only_is_refused
#:   check_methods_sample_order_invariance, check_methods_subset_invariance -> test_prediction_does_not_depend_on_batch
#:   check_sample_weights_* -> test_sample_weight_settles_conflicting_labels and
#:   test_nblr.py's weight-equals-copies test
#:   check_estimators_dtypes, check_readonly_memmap_input, check_positive_only_tag_during_fit,
#:   check_estimators_nan_inf, check_classifiers_train, check_supervised_y_2d and the
#:   other numeric checks: not applicable (numeric X is refused with a clear error).
DATA_FREE_CHECKS = [
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_estimator_repr",
    "check_no_attributes_set_in_init",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_mixin_order",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_estimators_unfitted",
]
ESTIMATORS = [StanceClassifier(), HedgeClassifier()]


@parametrize_with_checks(ESTIMATORS)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check_name", DATA_FREE_CHECKS)
def test_data_free_api_checks(estimator, check_name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # texts check: numeric X
        getattr(estimator_checks, check_name)(type(estimator).__name__, estimator)


def test_fit_returns_self_and_score():
    texts, labels = hedge_data()
    clf = HedgeClassifier()
    assert clf.fit(texts, labels) is clf
    assert clf.score(texts, labels) == 1.0


def test_fit_leaves_params_alone():
    texts, labels = hedge_data()
    clf = HedgeClassifier(C=0.5, word_ngrams=(1, 1))
    before = clf.get_params()
    clf.fit(texts, labels)
    assert clf.get_params() == before
    assert clone(clf).get_params() == before


def test_predict_proba_and_decision_function_shapes(hedge_model):
    texts, _ = hedge_data()
    proba = hedge_model.predict_proba(texts)
    assert proba.shape == (len(texts), 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    decision = hedge_model.decision_function(texts)
    assert decision.shape == (len(texts),)
    # positive decisions mean classes_[1], matching the larger probability
    np.testing.assert_array_equal(decision > 0, proba[:, 1] > 0.5)
    assert hedge_model.classes_.tolist() == [0, 1]


@pytest.mark.parametrize("model", ["logreg", "svm", "sgd"])
def test_every_model_learns_and_gives_probabilities(model):
    frame, labels = stance_frame()
    clf = StanceClassifier(model=model).fit(frame, labels)
    assert clf.score(frame, labels) > 0.9
    proba = clf.predict_proba(frame)
    assert proba.shape == (len(frame), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    assert clf.decision_function(frame).shape == (len(frame), 3)


def test_prediction_does_not_depend_on_batch(hedge_model):
    texts, _ = hedge_data()
    whole = hedge_model.predict_proba(texts)
    order = np.random.default_rng(0).permutation(len(texts))
    shuffled = hedge_model.predict_proba([texts[i] for i in order])
    np.testing.assert_allclose(shuffled, whole[order], rtol=1e-6)
    np.testing.assert_allclose(
        hedge_model.predict_proba(texts[:5]), whole[:5], rtol=1e-6
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda: (HedgeClassifier(), *hedge_data()),
        lambda: (HedgeClassifier(model="svm", social=True), *hedge_data()),
        lambda: (StanceClassifier(target_mode="interact"), *stance_frame()),
        lambda: (StanceClassifier(model="huber", target_mode="pair"), *stance_frame()),
    ],
    ids=["hedge", "hedge-svm-social", "stance-interact", "stance-pair-huber"],
)
def test_long_inputs_are_predicted_in_batches_with_the_same_results(monkeypatch, make):
    clf, X, y = make()
    clf.fit(X, y)
    whole = {
        name: getattr(clf, name)(X)
        for name in ("predict", "predict_proba", "decision_function")
    }
    seen = []
    transform = clf.pipeline_.named_steps["features"].transform

    def counting_transform(frame):
        seen.append(len(frame))
        return transform(frame)

    monkeypatch.setattr(estimators, "PREDICT_BATCH", 7)
    monkeypatch.setattr(
        clf.pipeline_.named_steps["features"], "transform", counting_transform
    )
    for name, expected in whole.items():
        seen.clear()
        batched = getattr(clf, name)(X)
        assert max(seen) == 7 and sum(seen) == len(y), name
        if name == "predict":
            np.testing.assert_array_equal(batched, expected)
        else:
            np.testing.assert_allclose(batched, expected, rtol=1e-9)


def test_no_arabic_warning_points_at_the_callers_line(hedge_model):
    with pytest.warns(NoArabicWarning) as caught:
        hedge_model.predict_proba(["allegedly"])
    assert caught[0].filename == __file__


def test_unfitted_estimator_raises_not_fitted():
    with pytest.raises(NotFittedError):
        HedgeClassifier().predict(["زعم المصدر"])


def test_inputs_list_array_series_and_frame_agree(hedge_model):
    texts, _ = hedge_data()
    expected = hedge_model.predict(texts)
    for variant in (
        np.array(texts),
        pd.Series(texts, index=range(100, 100 + len(texts))),
        pd.DataFrame({TEXT: texts}),
    ):
        np.testing.assert_array_equal(hedge_model.predict(variant), expected)


def test_works_in_pipeline_gridsearch_and_cross_validate():
    texts, labels = hedge_data()
    groups = np.arange(len(texts)) % 4  # one claim per group
    pipeline = Pipeline(
        [
            ("strip", FunctionTransformer(lambda x: [t.strip() for t in x])),
            ("clf", HedgeClassifier()),
        ]
    )
    assert pipeline.fit(texts, labels).score(texts, labels) == 1.0
    search = GridSearchCV(
        HedgeClassifier(), {"C": [0.1, 1.0], "cues": [True, False]}, cv=GroupKFold(2)
    )
    search.fit(texts, labels, groups=groups)
    assert set(search.best_params_) == {"C", "cues"}
    scores = cross_validate(
        StanceClassifier(),
        texts,
        labels,
        cv=GroupKFold(4),
        groups=groups,
        scoring="f1_macro",
    )
    assert scores["test_score"].mean() > 0.8


# -- bad input -------------------------------------------------------------------


def test_empty_strings_among_texts_are_fine(hedge_model):
    texts, labels = hedge_data()
    clf = HedgeClassifier().fit([*texts, "", "   "], [*labels, 0, 0])
    assert clf.predict(["", "زعم المصدر أن الطريق مفتوح"]).tolist()[1] == 1
    assert hedge_model.predict_proba([""]).shape == (1, 2)


def test_all_empty_texts_are_refused():
    with pytest.raises(ValueError, match="all 3 texts are empty"):
        HedgeClassifier().fit(["", " ", ""], [0, 1, 0])


def test_all_non_arabic_input_is_refused_in_fit_and_warned_in_predict(hedge_model):
    with pytest.raises(ValueError, match="contains an Arabic letter"):
        StanceClassifier().fit(["good news", "bad news"], ["favor", "against"])
    with pytest.warns(UserWarning, match="Arabic letter"):
        hedge_model.predict(["allegedly the road is open"])


def test_predicting_some_texts_without_arabic_warns_with_the_first_row(hedge_model):
    with pytest.warns(UserWarning, match=r"1 of 3 texts \(first: row 2\)"):
        hedge_model.predict(["زعم المصدر", "", "allegedly"])


@pytest.mark.parametrize("labels", [[1, 1], pd.Series(["a", "a"], dtype="string")])
def test_one_class_only_is_refused(labels):
    with pytest.raises(ValueError, match=r"only one class \((1|'a')\)"):
        HedgeClassifier().fit(["زعم المصدر", "ادعى المصدر"], labels)


@pytest.mark.parametrize(
    ("X", "error", "message"),
    [
        ("زعم المصدر", TypeError, "single string"),
        (["زعم", None], TypeError, "row 1 is None"),
        (["زعم", 3.5], TypeError, r"row 1 is 3\.5 \(float\)"),
        ([], ValueError, "no texts"),
        (np.array([["زعم", "قال"]]), ValueError, "one-dimensional"),
        (pd.DataFrame({"body": ["زعم"]}), ValueError, "needs a 'text' column"),
        (
            pd.DataFrame({"text ": ["زعم"]}),
            ValueError,
            "present: 'text '; a column name has surrounding spaces: rename 'text '",
        ),
        ({"text": ["زعم"]}, TypeError, "got dict"),
        (
            pd.DataFrame([["زعم", "قال"]], columns=["text", "text"]),
            ValueError,
            r"column\(s\) text occur more than once",
        ),
    ],
)
def test_bad_X_is_named(X, error, message):
    with pytest.raises(error, match=message):
        HedgeClassifier().fit(X, [1])


@pytest.mark.parametrize(
    ("y", "message"),
    [
        ([1, 0, 1], "3 labels for 2 texts"),
        ([1, None], "row 1 has no label"),
        ([[1], [0]], "one label per text"),
        (["a", " "], "row 1 has a blank label"),
        (pd.Series(["a", 5], dtype=object), "row 1 is 5 but row 0 is 'a'"),
        (pd.Series(["a", ["x"]]), r"row 1 is \['x'\] \(list\), not a label"),
        (pd.Series(["a", pd.NA], dtype="string"), "row 1 has no label"),
    ],
)
def test_bad_y_is_named(y, message):
    with pytest.raises(ValueError, match=message):
        HedgeClassifier().fit(["زعم المصدر", "أكد المصدر"], y)


CONFLICT = ["القصف توقف في المدينة"] * 2 + [
    "أكد الوزير الخبر",
    "أوضحت الوزارة الأمر",
    "زعمت قسد ذلك",
    "اتهم مسد الحكومة",
]


@pytest.mark.parametrize("model", ["nblr", "logreg", "svm", "huber"])
def test_sample_weight_settles_conflicting_labels(model):
    """The same text labelled once each way: the heavier label wins."""
    labels = ["a", "b", "a", "a", "b", "b"]
    for heavy, expected in ((0, "a"), (1, "b")):
        weights = np.ones(len(CONFLICT))
        weights[heavy] = 5.0
        clf = StanceClassifier(model=model).fit(CONFLICT, labels, sample_weight=weights)
        assert clf.predict(CONFLICT[:1]).tolist() == [expected]


@pytest.mark.parametrize(
    ("weights", "error", "message"),
    [
        ([1.0], ValueError, r"expected one weight per text \(2\)"),
        ([1.0, -1.0], ValueError, "row 1 is -1.0; weights must be zero or positive"),
        ([1.0, np.nan], ValueError, "row 1 is missing"),
        ([1.0, np.inf], ValueError, "row 1 is infinite"),
        ([1.0, "high"], TypeError, "row 1 is 'high', not a number"),
        ([0, 0], ValueError, "all 2 weights are zero"),
        ("hedged", TypeError, r"got the string 'hedged'; .* e\.g\. frame\['hedged'\]"),
    ],
)
def test_bad_sample_weight_is_named(weights, error, message):
    with pytest.raises(error, match=f"sample_weight: {message}"):
        HedgeClassifier().fit(
            ["زعم المصدر", "أكد المصدر"], [1, 0], sample_weight=weights
        )


@pytest.mark.parametrize("model", ["nblr", "logreg", "svm", "huber"])
def test_a_class_without_weight_is_refused_naming_it(model):
    labels = ["a", "b", "a", "a", "b", "b"]
    weights = [1.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    with pytest.raises(
        ValueError,
        match=r"sample_weight: all 3 text\(s\) of class 'b' have weight zero",
    ):
        StanceClassifier(model=model).fit(CONFLICT, labels, sample_weight=weights)


@pytest.mark.parametrize(
    ("param", "value"),
    [("model", "forest"), ("target_mode", "both"), ("C", 0), ("C", "x"), ("C", True)],
)
def test_bad_parameters_are_named_at_fit(param, value):
    texts, labels = hedge_data()
    with pytest.raises(ValueError, match=param):
        HedgeClassifier(**{param: value}).fit(texts, labels)


def test_unseen_labels_cannot_be_predicted_but_are_scored():
    from toolkit.classify import evaluate

    frame, labels = stance_frame()
    keep = labels != "none"
    clf = StanceClassifier().fit(frame[keep], labels[keep])
    assert set(clf.predict(frame)) <= {"favor", "against"}
    report = evaluate(clf, frame, labels, n_resamples=50)
    assert report.per_class.loc["none", "recall"] == 0.0
    assert report.per_class.loc["none", "support"] == (~keep).sum()


# -- targets ---------------------------------------------------------------------


def test_target_mode_auto_resolution():
    frame, labels = stance_frame()
    assert StanceClassifier().fit(frame[TEXT], labels).target_mode_ == "none"
    assert StanceClassifier().fit(frame, labels).target_mode_ == "interact"
    claims = frame.assign(**{TARGET: [f"ادعاء رقم {i}" for i in range(len(frame))]})
    assert StanceClassifier().fit(claims, labels).target_mode_ == "pair"


def test_fitted_with_targets_needs_targets_at_predict():
    frame, labels = stance_frame()
    clf = StanceClassifier().fit(frame, labels)
    with pytest.raises(ValueError, match="'target' column"):
        clf.predict(frame[TEXT])
    with pytest.raises(ValueError, match="needs a DataFrame with a 'target'"):
        StanceClassifier(target_mode="pair").fit(frame[TEXT], labels)


def test_target_interaction_blocks_and_unseen_target():
    frame = pd.DataFrame({TEXT: ["نعم", "لا"], TARGET: ["x", "y"]})
    interaction = TargetInteraction(text_features(char_ngrams=None)).fit(frame)
    matrix = interaction.transform(frame).toarray()
    # shared block (2 columns) + a block per target; row 0 fills target x's block
    assert matrix.shape == (2, 6)
    np.testing.assert_array_equal(matrix[0, 2:4], matrix[0, :2])
    assert not matrix[0, 4:].any() and not matrix[1, 2:4].any()
    unseen = interaction.transform(
        pd.DataFrame({TEXT: ["نعم"], TARGET: ["z"]})
    ).toarray()
    np.testing.assert_array_equal(unseen[0, 2:], 0)
    assert unseen[0, :2].any()


def test_target_specific_words_are_learned_per_target():
    # "قوي" is favour for one target and against for the other: only the
    # per-target blocks can learn both.
    rows = [
        ("اللقاح قوي", "a", "favor"),
        ("اللقاح ضعيف", "a", "against"),
        ("الحظر قوي", "b", "against"),
        ("الحظر ضعيف", "b", "favor"),
    ] * 5
    frame = pd.DataFrame(rows, columns=[TEXT, TARGET, "stance"])
    interact = StanceClassifier(target_mode="interact", C=10).fit(
        frame[[TEXT, TARGET]], frame["stance"]
    )
    assert interact.score(frame[[TEXT, TARGET]], frame["stance"]) == 1.0
    probe = pd.DataFrame({TEXT: ["قوي", "قوي"], TARGET: ["a", "b"]})
    assert interact.predict(probe).tolist() == ["favor", "against"]


def test_pair_features_describe_what_the_headline_changes():
    claim, headline = "ارتفاع اسعار النفط عالميا", "لا ارتفاع في اسعار النفط"
    stats = pair_statistics(claim, headline)
    assert stats["negation_s2"] == 1.0 and stats["negation_differs"] == 1.0
    assert stats["claim_coverage"] == pytest.approx(3 / 4)
    frame = pd.DataFrame({TEXT: ["انخفاض اسعار النفط"], TARGET: ["ارتفاع اسعار النفط"]})
    names = (
        PairFeatures(word_ngrams=None, char_ngrams=None)
        .fit(frame)
        .get_feature_names_out()
        .tolist()
    )
    assert (
        "swap__ارتفاع>انخفاض" in names
        and "added__انخفاض" in names
        and "dropped__ارتفاع" in names
    )


def test_pair_features_survive_identical_pairs():
    frame = pd.DataFrame(
        {TEXT: ["هدوء في المدينة"] * 2, TARGET: ["هدوء في المدينة"] * 2}
    )
    matrix = PairFeatures().fit(frame).transform(frame)
    assert matrix.shape[0] == 2


# -- hedging cues ------------------------------------------------------------------


def test_cue_features_follow_the_qad_rule():
    cues = CueFeatures(weight=2.0).fit(pd.Series(["x"]))
    names = cues.get_feature_names_out().tolist()
    rows = cues.transform(
        pd.Series(["الهدنة قد تنهار", "المسلحون قد خرقوا الهدنة", "أكد المصدر"])
    ).toarray()
    imperfect, perfect = names.index("qad_imperfect"), names.index("qad_perfect")
    assert rows[0, imperfect] == 2.0 and rows[0, perfect] == 0.0
    assert rows[1, imperfect] == 0.0 and rows[1, perfect] == 2.0
    assert (
        rows[2, names.index("booster")] == 2.0 and rows[2, names.index("hedge")] == 0.0
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في رواية لم تؤكدها مصادر مستقلة", 1),
        ("وأضاف المصدر ذلك دون أن يقدم دليلًا", 1),
        ("ولم يتضح بعد عدد الضحايا", 1),
        ("وقدمت الوزارة أدلة على روايتها", 0),
        ("لم يصل الوفد بعد إلى دمشق", 0),
    ],
)
def test_negated_evidence_catches_hedges_without_a_cue_word(text, expected):
    assert (negated_evidence(text) > 0) == bool(expected)


def test_hedge_classifier_applies_the_qad_rule_to_new_words(hedge_model):
    predicted = hedge_model.predict(
        ["ورأى المحلل أن المفاوضات قد تتعثر", "وكانت الفصائل قد انسحبت من البلدة"]
    )
    assert predicted.tolist() == [1, 0]


def test_cues_can_be_switched_off():
    texts, labels = hedge_data()
    names = HedgeClassifier(cues=False).fit(texts, labels).feature_names_out()
    assert not any(str(n).startswith("cue__") for n in names)


# -- inspection ----------------------------------------------------------------------


def test_top_features_per_class_with_signs_flipped_for_binary(hedge_model):
    top = top_features(hedge_model, 5)
    assert top.columns.tolist() == [
        "class",
        "rank",
        "feature",
        "kind",
        "target",
        "weight",
    ]
    assert top.groupby("class").size().to_dict() == {0: 5, 1: 5}
    assert (top["weight"] > 0).all()
    assert (
        top.groupby("class")["weight"].apply(lambda w: w.is_monotonic_decreasing).all()
    )
    assert "hedge" in top.loc[top["class"] == 1, "feature"].tolist()


def test_top_features_name_targets_and_boundaries():
    frame, labels = stance_frame()
    top = top_features(StanceClassifier().fit(frame, labels), 50)
    assert set(top["class"]) == {"favor", "against", "none"}
    assert {"", "vaccine", "digital"} >= set(top["target"])
    assert describe_feature("digital | char__ نع") == {
        "target": "digital",
        "kind": "char",
        "feature": "_نع",
    }
    with pytest.raises(ValueError, match="positive integer"):
        top_features(StanceClassifier().fit(frame, labels), 0)
