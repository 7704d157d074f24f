"""Tests of toolkit.classify evaluation, persistence and training on real data."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.metrics import f1_score

import toolkit
from toolkit.classify import (
    HedgeClassifier,
    ModelFileError,
    ModelVersionWarning,
    StanceClassifier,
    UntrustedModelError,
    cross_validate_report,
    evaluate,
    evaluate_predictions,
    load,
    persistence,
    save,
)
from toolkit.corpus.schema import HEDGED, STANCE, TARGET, TEXT
from toolkit.datasets import load_framing_statements

HEDGED_TEXTS = [
    "زعم المصدر أن الطريق مفتوح",
    "ادعت الوزارة أن القصف توقف",
    "ربما تتأخر المفاوضات",
]
PLAIN_TEXTS = [
    "أكد المصدر أن الطريق مفتوح",
    "أعلنت الوزارة أن القصف توقف",
    "تأخرت المفاوضات أمس",
]


@pytest.fixture(scope="module")
def model() -> HedgeClassifier:
    return HedgeClassifier().fit(HEDGED_TEXTS + PLAIN_TEXTS, [1, 1, 1, 0, 0, 0])


# -- evaluation ----------------------------------------------------------------------


def test_evaluate_predictions_matches_hand_computed_scores():
    truth = ["a", "a", "b", "b", "c", "c"]
    predicted = ["a", "b", "b", "b", "c", "a"]
    report = evaluate_predictions(
        truth, predicted, n_resamples=500, f_avg_labels=["a", "b"]
    )
    # a: P 1/2 R 1/2 F1 .5; b: P 2/3 R 1 F1 .8; c: P 1 R 1/2 F1 2/3
    np.testing.assert_allclose(report.per_class["f1"], [0.5, 0.8, 2 / 3])
    assert report.summary.loc["macro_f1", "value"] == pytest.approx(
        (0.5 + 0.8 + 2 / 3) / 3
    )
    assert report.summary.loc["f_avg", "value"] == pytest.approx(0.65)
    assert report.summary.loc["accuracy", "value"] == pytest.approx(4 / 6)
    assert report.summary.loc["macro_f1", "value"] == pytest.approx(
        f1_score(truth, predicted, average="macro")
    )
    assert (
        report.confusion.loc["c", "a"] == 1 and report.confusion.to_numpy().sum() == 6
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"confidence": 95}, "'confidence' must be a level between 0 and 1"),
        ({"n_resamples": -5}, "'n_resamples' must be a whole number of at least 0"),
    ],
)
def test_bad_interval_arguments_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        evaluate_predictions([1, 0], [1, 1], **options)


def test_bootstrap_interval_brackets_the_value_and_narrows_with_data():
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 3, 2000)
    predicted = np.where(rng.random(2000) < 0.7, truth, rng.integers(0, 3, 2000))
    small = evaluate_predictions(truth[:100], predicted[:100]).summary.loc["macro_f1"]
    large = evaluate_predictions(truth, predicted).summary.loc["macro_f1"]
    for row in (small, large):
        assert row["ci_low"] <= row["value"] <= row["ci_high"]
    assert large["ci_high"] - large["ci_low"] < small["ci_high"] - small["ci_low"]


def test_evaluate_predictions_rejects_mismatched_inputs():
    with pytest.raises(ValueError, match="same length"):
        evaluate_predictions([1, 0], [1])
    with pytest.raises(ValueError, match="f_avg_labels"):
        evaluate_predictions([1, 0], [1, 0], f_avg_labels=["favor"])


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"f_avg_labels": "favor"}, TypeError, "'f_avg_labels' must be a list or"),
        ({"labels": "ab"}, TypeError, "'labels' must be a list or tuple"),
        ({"random_state": "x"}, TypeError, "'random_state' must be a whole number"),
        ({"random_state": -1}, ValueError, "'random_state' must be a whole number"),
        ({"random_state": 2**40}, ValueError, "'random_state' must be a seed from 0"),
    ],
)
def test_bad_class_and_seed_arguments_are_named(options, error, message):
    with pytest.raises(error, match=message):
        evaluate_predictions(["favor", "against"], ["favor", "favor"], **options)


def test_no_items_is_refused_and_one_item_has_no_interval():
    with pytest.raises(ValueError, match="no items to score; give at least one"):
        evaluate_predictions([], [])
    report = evaluate_predictions(["a"], ["a"], labels=["a", "b"])
    # b is neither in the gold nor predicted: no F1, left out of the mean
    assert report.summary["value"].tolist() == [1.0, 1.0]
    assert np.isnan(report.per_class.loc["b", "f1"])
    assert report.summary[["ci_low", "ci_high"]].isna().all().all()


def test_a_rare_class_does_not_pull_a_perfect_score_down():
    truth = ["a"] * 50 + ["b"] * 48 + ["c"] * 2
    summary = evaluate_predictions(truth, truth).summary
    # a resample without c is drawn again: c keeps its perfect score
    assert summary.loc["macro_f1"].tolist() == [1.0, 1.0, 1.0]
    # a model that never finds the 3 rare items: no resample lets it off
    missed = evaluate_predictions([1] * 3 + [0] * 138, [0] * 141).summary
    assert missed.loc["macro_f1", "ci_high"] < 0.5


def test_cross_validation_without_a_rare_class_in_a_fold_is_not_penalised():
    from sklearn.base import BaseEstimator, ClassifierMixin

    class FirstWord(ClassifierMixin, BaseEstimator):
        """Predicts the label written as each text's first word: always right."""

        def fit(self, X, y):
            self.classes_ = np.unique(y)
            return self

        def predict(self, X):
            return np.array([text.split()[0] for text in X])

    texts, labels, groups = [], [], []
    for group in range(10):
        for label in ["a", "b", "c"] if group < 2 else ["a", "b"]:
            texts += [f"{label} {group} {i}" for i in range(3)]
            labels += [label] * 3
            groups += [group] * 3
    table = cross_validate_report(FirstWord(), texts, labels, groups, n_splits=5)
    assert (table.loc["mean", ["macro_f1", "accuracy"]] == 1.0).all()
    assert table["f1_c"].isna().sum() == 3  # three folds hold no c and predict none


def test_grouped_bootstrap_widens_when_errors_cluster_in_articles():
    # 20 articles of 10 items; the classifier fails on whole articles
    truth = np.tile([0, 1], 100)
    wrong = np.repeat(np.arange(20) % 4 == 0, 10)  # 5 articles entirely wrong
    predicted = np.where(wrong, 1 - truth, truth)
    groups = np.repeat([f"a{k}" for k in range(20)], 10)
    by_item = evaluate_predictions(truth, predicted).summary.loc["macro_f1"]
    by_article = evaluate_predictions(truth, predicted, groups=groups).summary
    by_article = by_article.loc["macro_f1"]
    assert by_item["value"] == by_article["value"] == pytest.approx(0.75)
    item_width = by_item["ci_high"] - by_item["ci_low"]
    assert by_article["ci_high"] - by_article["ci_low"] > 1.5 * item_width
    with pytest.raises(ValueError, match="groups: expected one group per item"):
        evaluate_predictions(truth, predicted, groups=groups[:5])
    with pytest.raises(ValueError, match="groups: item 1 has no group"):
        evaluate_predictions([0, 1], [0, 1], groups=["a", None])


def test_cross_validation_needs_two_folds():
    with pytest.raises(
        ValueError, match="'n_splits' must be a whole number of at least 2"
    ):
        cross_validate_report(HedgeClassifier(), ["أ", "ب"], [0, 1], [0, 1], n_splits=1)


def test_missing_labels_in_plain_lists_are_refused_by_row():
    with pytest.raises(ValueError, match="y: row 3 has no label"):
        StanceClassifier().fit(["أ", "ب", "ت", "ث"], ["x", "y", "x", np.nan])
    with pytest.raises(ValueError, match="y_true: row 2 has no label"):
        evaluate_predictions(["a", "b", np.nan, "a"], ["a", "b", "a", "a"])
    with pytest.raises(ValueError, match="y_true: row 1 has no label"):
        evaluate_predictions(pd.Series(["a", None]), ["a", "b"])


def test_accuracy_counts_items_outside_the_reported_labels():
    report = evaluate_predictions(["a", "x", "x"], ["a", "x", "y"], labels=["a"])
    assert report.summary.loc["accuracy", "value"] == pytest.approx(2 / 3)
    assert report.summary.loc["macro_f1", "value"] == 1.0


def test_evaluate_uses_the_model_and_its_class_order(model):
    report = evaluate(
        model, HEDGED_TEXTS + PLAIN_TEXTS, [1, 1, 1, 0, 0, 0], n_resamples=100
    )
    assert report.per_class.index.tolist() == [0, 1]
    assert report.summary.loc["macro_f1", "value"] == 1.0


def test_cross_validate_report_keeps_groups_apart():
    texts = HEDGED_TEXTS * 4 + PLAIN_TEXTS * 4
    frame = pd.DataFrame({TEXT: texts, "doc": [i % 4 for i in range(len(texts))]})
    labels = [1] * 12 + [0] * 12
    seen: list[set] = []

    class Spy(HedgeClassifier):
        def fit(self, X, y):
            seen.append(set(X["doc"]))
            return super().fit(X, y)

    table = cross_validate_report(Spy(), frame, labels, groups="doc", n_splits=4)
    assert [len(docs) for docs in seen] == [
        3,
        3,
        3,
        3,
    ]  # each fold leaves one document out
    assert table.index.tolist() == [0, 1, 2, 3, "mean", "std"]
    assert {"macro_f1", "accuracy", "f1_0", "f1_1", "n_train", "n_test"} <= set(
        table.columns
    )
    assert table.loc["mean", "n_test"] == 6
    with pytest.raises(ValueError, match="4 distinct group"):
        cross_validate_report(
            HedgeClassifier(), frame, labels, groups="doc", n_splits=5
        )
    with pytest.raises(ValueError, match="no column"):
        cross_validate_report(HedgeClassifier(), texts, labels, groups="doc")


def test_cross_validate_report_weighs_training_rows_only():
    from sklearn.dummy import DummyClassifier

    frame = pd.DataFrame(
        {TEXT: [f"نص {i}" for i in range(12)], "doc": [i % 4 for i in range(12)]}
    )
    labels = ["a"] * 8 + ["b"] * 4
    weights = [1.0] * 8 + [10.0] * 4
    majority = DummyClassifier(strategy="most_frequent")
    plain = cross_validate_report(majority, frame, labels, groups="doc", n_splits=4)
    weighted = cross_validate_report(
        majority, frame, labels, groups="doc", n_splits=4, sample_weight=weights
    )
    assert plain.loc["mean", "accuracy"] == pytest.approx(2 / 3)
    assert weighted.loc["mean", "accuracy"] == pytest.approx(1 / 3)


# -- persistence -----------------------------------------------------------------------


def test_save_load_round_trip(model, tmp_path):
    path = tmp_path / "hedge.skops"
    save(model, path)
    loaded = load(path)
    probe = ["زعمت المصادر أن الجسر مغلق", "أكدت المصادر أن الجسر مغلق"]
    np.testing.assert_array_equal(
        loaded.predict_proba(probe), model.predict_proba(probe)
    )
    assert loaded.get_params() == model.get_params()
    with zipfile.ZipFile(path) as archive:
        kinds = {entry.compress_type for entry in archive.infolist()}
    assert kinds == {zipfile.ZIP_DEFLATED}


def test_a_failed_save_leaves_the_previous_file_whole(model, tmp_path, file_size_limit):
    path = tmp_path / "hedge.skops"
    save(model, path)
    before = path.read_bytes()
    with (
        file_size_limit(len(before) // 2),
        pytest.raises(
            OSError, match=r"could not write .*hedge\.skops \(File too large"
        ),
    ):
        save(model, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["hedge.skops"]


def test_round_trip_of_every_feature_kind(tmp_path):
    frame = pd.DataFrame({TEXT: HEDGED_TEXTS + PLAIN_TEXTS, TARGET: ["a", "b"] * 3})
    labels = ["favor", "against", "none"] * 2
    for clf in (
        StanceClassifier(target_mode="interact"),
        StanceClassifier(target_mode="pair"),
        StanceClassifier(model="svm", C=0.5),
    ):
        fitted = clf.fit(pd.concat([frame] * 3), labels * 3)
        save(fitted, tmp_path / "m.skops")
        np.testing.assert_array_equal(
            load(tmp_path / "m.skops").predict(frame), fitted.predict(frame)
        )


def _rewrite_schema(path, edit):
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    schema = json.loads(members["schema.json"])
    edit(schema)
    members["schema.json"] = json.dumps(schema).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_tampered_file_with_an_untrusted_type_is_refused(model, tmp_path):
    path = tmp_path / "evil.skops"
    save(model, path)

    def inject(schema):
        node = schema["content"]["model"]
        node["__module__"], node["__class__"] = "os", "system"

    _rewrite_schema(path, inject)
    with pytest.raises(UntrustedModelError, match=r"evil\.skops.*os\.system"):
        load(path)


def test_one_changed_byte_in_the_archive_headers_fails_clearly(model, tmp_path):
    """Zip headers and directory: a flipped byte loads, or fails naming the file."""
    good = tmp_path / "good.skops"
    save(model, good)
    data = good.read_bytes()
    directory = data.rfind(b"PK\x01\x02")  # the last central-directory entry
    positions = [*range(0, 64), *range(directory, len(data))]
    outcomes = set()
    for position in positions:
        changed = bytearray(data)
        changed[position] ^= 0x5A
        bad = tmp_path / f"bad{position}.skops"
        bad.write_bytes(bytes(changed))
        try:
            load(bad)
            outcomes.add("loaded")
        except (ModelFileError, UntrustedModelError) as error:
            assert f"bad{position}.skops" in str(error)
            outcomes.add(type(error).__name__)
    assert "ModelFileError" in outcomes


def test_corrupt_and_foreign_files_fail_clearly(tmp_path):
    broken = tmp_path / "broken.skops"
    broken.write_bytes(b"this is not a zip archive")
    with pytest.raises(ModelFileError, match=r"broken\.skops"):
        load(broken)
    foreign = tmp_path / "foreign.skops"
    import skops.io as sio

    sio.dump({"weights": [1, 2]}, foreign)
    with pytest.raises(ModelFileError, match="not a toolkit model file"):
        load(foreign)
    sio.dump({"format": persistence.FORMAT, "model": "a string"}, foreign)
    with pytest.raises(ModelFileError, match=r"foreign\.skops: holds a str, not a"):
        load(foreign)
    unfitted = tmp_path / "unfitted.skops"
    with pytest.raises(ValueError, match="HedgeClassifier was never trained"):
        save(HedgeClassifier(), unfitted)
    assert not unfitted.exists()
    sio.dump({"format": persistence.FORMAT, "model": HedgeClassifier()}, foreign)
    with pytest.raises(ModelFileError, match="HedgeClassifier that was never trained"):
        load(foreign)
    with pytest.raises(FileNotFoundError, match=r"missing\.skops"):
        load(tmp_path / "missing.skops")
    with pytest.raises(TypeError, match="scikit-learn estimator"):
        save("model", tmp_path / "x.skops")


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.InconsistentVersionWarning")
@pytest.mark.parametrize(
    ("field", "library", "running"),
    [
        ("toolkit_version", "toolkit", toolkit.__version__),
        ("sklearn_version", "scikit-learn", sklearn.__version__),
    ],
)
def test_version_mismatch_warns(model, tmp_path, field, library, running):
    path = tmp_path / "old.skops"
    save(model, path)

    def age(schema):
        schema["content"][field]["content"] = json.dumps("0.0.1")

    _rewrite_schema(path, age)
    with pytest.warns(
        ModelVersionWarning, match=rf"{library} 0\.0\.1 \(running {running}\)"
    ):
        load(path)


def test_trusted_types_are_an_explicit_list():
    assert all(
        name.startswith(("toolkit.classify.", "sklearn."))
        for name in persistence.TRUSTED_TYPES
    )
    assert toolkit.__version__


# -- the project's corpus and the seed article ----------------------------------------


@pytest.fixture(scope="module")
def framing_train() -> pd.DataFrame:
    return load_framing_statements(split="train")


@pytest.fixture(scope="module")
def seed_gold() -> pd.DataFrame:
    path = toolkit.__path__[0] + "/../datasets/examples/aleppo-sheikh-maqsoud.gold.tsv"
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)


def test_hedge_classifier_gets_the_seed_article_right(framing_train, seed_gold):
    clf = HedgeClassifier().fit(framing_train[TEXT], framing_train[HEDGED])
    predicted = clf.predict(seed_gold[TEXT])
    np.testing.assert_array_equal(predicted, seed_gold[HEDGED].astype(int))
    # the narrator's "قد خرقت" sentence is emphatic, not hedged
    qad = seed_gold[TEXT].str.contains("قد خرقت")
    assert qad.any() and (predicted[qad.to_numpy()] == 0).all()


def test_stance_classifier_beats_majority_on_framing_dev(framing_train):
    dev = load_framing_statements(split="dev")
    clf = StanceClassifier().fit(framing_train[TEXT], framing_train[STANCE])
    macro = f1_score(dev[STANCE], clf.predict(dev[TEXT]), average="macro")
    majority = f1_score(
        dev[STANCE], [dev[STANCE].mode()[0]] * len(dev), average="macro"
    )
    assert macro > majority + 0.3


# -- public datasets (skipped on a user's machine without the cache, run in CI) -------


def test_stance_on_mawqif_beats_majority(external_data):
    external_data("mawqif")
    from toolkit.datasets import load_mawqif

    train, test = load_mawqif(split="train").iloc[:1500], load_mawqif(split="test")
    clf = StanceClassifier().fit(train[[TEXT, TARGET]], train[STANCE])
    assert clf.target_mode_ == "interact"
    report = evaluate(
        clf,
        test[[TEXT, TARGET]],
        test[STANCE],
        f_avg_labels=["favor", "against"],
        n_resamples=100,
    )
    assert report.summary.loc["f_avg", "value"] > 0.6


def test_claim_pairs_on_ans_use_pair_features(external_data):
    external_data("ans")
    from toolkit.datasets import load_ans

    train, dev = load_ans(split="train"), load_ans(split="dev")
    clf = StanceClassifier(char_ngrams=None).fit(train[[TEXT, TARGET]], train[STANCE])
    assert clf.target_mode_ == "pair"
    macro = f1_score(dev[STANCE], clf.predict(dev[[TEXT, TARGET]]), average="macro")
    text_only = StanceClassifier(char_ngrams=None).fit(train[TEXT], train[STANCE])
    assert (
        macro
        > f1_score(dev[STANCE], text_only.predict(dev[TEXT]), average="macro") + 0.1
    )
