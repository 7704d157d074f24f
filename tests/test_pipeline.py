"""The whole analysis on the worked example, against its gold annotation."""

import numpy as np
import pandas as pd
import pytest

from toolkit import pipeline
from toolkit.classify import HedgeClassifier, StanceClassifier, save
from toolkit.corpus import extract_statements, load_example, load_example_gold
from toolkit.pipeline import analyze, speaker_side_rule


@pytest.fixture(scope="module")
def result():
    return analyze(load_example(), progress=False)


@pytest.mark.parametrize("column", ["side", "verb_frame", "stance", "hedged"])
def test_every_seed_statement_matches_gold(result, column):
    gold = load_example_gold()
    assert result.statements[column].tolist() == gold[column].tolist()


def test_probabilities_are_probabilities(result):
    for column in ("stance_confidence", "hedged_probability"):
        values = result.statements[column]
        assert values.between(0, 1).all()
    assert (result.statements["hedged"] == (values >= 0.5)).all()


def test_rule_only_touches_neutral_predictions_of_party_speakers():
    stance = np.array(["neutral", "neutral", "neutral", "pro_government", "pro_sdc"])
    sides = pd.Series(["government", "sdc", "third_party", "sdc", "narrator"])
    assert speaker_side_rule(stance, sides).tolist() == [
        "pro_government",
        "pro_sdc",
        "neutral",
        "pro_government",
        "pro_sdc",
    ]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    gold = load_example_gold()
    stance, hedge = folder / "stance.skops", folder / "hedge.skops"
    save(StanceClassifier().fit(gold["text"], gold["stance"]), stance)
    save(HedgeClassifier().fit(gold["text"], gold["hedged"]), hedge)
    return stance, hedge


def test_models_given_for_the_wrong_task_are_refused(models):
    stance, hedge = models
    with pytest.raises(
        ValueError, match=r"hedge\.skops: a HedgeClassifier, not a stance"
    ):
        analyze(load_example(), stance_model=hedge, progress=False)
    with pytest.raises(
        ValueError, match=r"stance\.skops: a StanceClassifier, not a hedg"
    ):
        analyze(load_example(), hedge_model=stance, progress=False)
    result = analyze(
        load_example(), stance_model=stance, hedge_model=hedge, progress=False
    )
    assert set(result.statements["stance"]) <= {"pro_government", "pro_sdc"}


def test_a_stance_model_with_other_labels_is_refused(tmp_path):
    path = tmp_path / "mawqif.skops"
    gold = load_example_gold()
    labels = gold["stance"].map({"pro_government": "favor", "pro_sdc": "against"})
    save(StanceClassifier().fit(gold["text"], labels), path)
    with pytest.raises(
        ValueError, match=r"mawqif\.skops: .* predicts 'against', 'favor'"
    ):
        analyze(load_example(), stance_model=path, progress=False)


def test_a_hedging_model_trained_on_text_labels_is_used(tmp_path):
    path = tmp_path / "hedge.skops"
    gold = load_example_gold()
    save(HedgeClassifier().fit(gold["text"], gold["hedged"].astype(str)), path)
    result = analyze(load_example(), hedge_model=path, progress=False)
    assert set(result.statements["hedged"]) <= {0, 1}
    assert result.statements["hedged_probability"].between(0, 1).all()


def test_statements_without_arabic_are_named_in_one_warning(recwarn):
    articles = load_example().head(1).copy()
    articles["text"] = articles["text"] + "\n\nThe reporter added: nothing new."
    analyze(articles, progress=False)
    messages = [str(w.message) for w in recwarn if "Arabic" in str(w.message)]
    assert messages == [
        "1 of 10 statements contain no Arabic letter (first: doc_id "
        "'aleppo-sheikh-maqsoud', sentence 9); their predicted stance and hedging "
        "are not meaningful"
    ]


def test_a_file_path_or_a_list_of_texts_is_pointed_to_load_corpus():
    for given in ("articles.csv", ["أكدت الوزارة ذلك."]):
        with pytest.raises(
            TypeError, match=r"expected a pandas DataFrame.*load_corpus"
        ):
            analyze(given, progress=False)


def test_a_hedging_model_trained_on_bool_labels_is_used(tmp_path):
    gold = load_example_gold()
    as_bool, as_int = tmp_path / "bool.skops", tmp_path / "int.skops"
    save(HedgeClassifier().fit(gold["text"], gold["hedged"].astype(bool)), as_bool)
    save(HedgeClassifier().fit(gold["text"], gold["hedged"]), as_int)
    columns = ["hedged", "hedged_probability"]
    by_bool = analyze(load_example(), hedge_model=as_bool, progress=False)
    by_int = analyze(load_example(), hedge_model=as_int, progress=False)
    assert by_bool.statements[columns].equals(by_int.statements[columns])


@pytest.mark.parametrize("function", [extract_statements, analyze])
def test_repeated_column_names_are_named(function):
    text = load_example()["text"].iloc[0]
    articles = pd.DataFrame([["a", text, text]], columns=["doc_id", "text", "text"])
    with pytest.raises(
        ValueError,
        match=r"argument 'articles': column\(s\) text occur more than once",
    ):
        function(articles)


@pytest.mark.parametrize("function", [extract_statements, analyze])
def test_doc_ids_that_differ_only_by_type_are_refused(function):
    text = load_example()["text"].iloc[0]
    articles = pd.DataFrame({"doc_id": [1, "1"], "text": [text, text]})
    with pytest.raises(
        ValueError,
        match=r"doc_id 1 \(int\) in row 0 and '1' \(str\) in row 1 differ only by type",
    ):
        function(articles)


@pytest.mark.parametrize("ids", [["a", np.nan], [np.nan, np.nan], ["a", " "]])
def test_an_empty_doc_id_is_refused_by_its_row(ids):
    text = load_example()["text"].iloc[0]
    articles = pd.DataFrame({"doc_id": ids, "text": [text, text]})
    row = 0 if pd.isna(ids[0]) else 1
    with pytest.raises(ValueError, match=rf"row {row} has an empty doc_id"):
        extract_statements(articles)


@pytest.mark.parametrize("option", ["stance_model", "hedge_model"])
def test_a_missing_model_fails_before_the_analysis(tmp_path, no_analysis, option):
    missing = tmp_path / "typo.skops"
    with pytest.raises(FileNotFoundError, match=r"typo\.skops"):
        analyze(load_example(), progress=False, **{option: missing})


def test_an_empty_articles_table_is_refused_by_its_argument_name(monkeypatch):
    def model(task, path):
        raise AssertionError("the models were loaded for an empty table")

    monkeypatch.setattr(pipeline, "_model", model)
    with pytest.raises(
        ValueError, match=r"argument 'articles': no articles \(0 rows\)"
    ):
        analyze(pd.DataFrame({"doc_id": [], "text": []}))


def test_a_bad_articles_table_fails_before_the_models_load(monkeypatch):
    def model(task, path):
        raise AssertionError("the models were loaded before the table was checked")

    monkeypatch.setattr(pipeline, "_model", model)
    with pytest.raises(ValueError, match=r"doc_id 'a' is used by rows 0, 1"):
        analyze(pd.DataFrame({"doc_id": ["a", "a"], "text": ["قال", "أكد"]}))
