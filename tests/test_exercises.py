"""The exercise checks accept correct answers and reject the usual slips."""

import numpy as np
import pytest

from toolkit import exercises
from toolkit.corpus import normalize
from toolkit.corpus import schema as S
from toolkit.framing import design_effect


def _words(sentence: str) -> list[str]:
    return normalize(sentence).split()


def _after_qad(sentence: str) -> str:
    words = _words(sentence)
    for i, word in enumerate(words[:-1]):
        if word in ("قد", "وقد", "فقد"):
            return words[i + 1]
    return ""


@pytest.mark.parametrize(
    "rule",
    [
        # memorises words of the six sentences shown
        lambda s: int(not any(w in s for w in ("انسحبت", "أعلنت", "لقد"))),
        # any word in ي or ت after قد: misses feminine perfects such as تمكنت
        lambda s: int(_after_qad(s).startswith(("ي", "ت"))),
    ],
    ids=["memorised", "prefix-only"],
)
def test_qad_check_rejects_rules_fitted_to_the_shown_sentences(rule):
    assert all(rule(s) == label for s, label in exercises.QAD_SENTENCES)
    assert not exercises.check_qad_rule(rule)  # the sentences not shown catch them


def test_qad_check_accepts_the_toolkit_rule_and_explains_bad_return_values(capsys):
    assert exercises.check_qad_rule(exercises.qad_reference)
    assert not exercises.check_qad_rule(lambda s: "yes")
    assert "returned 'yes'" in capsys.readouterr().out


@pytest.mark.parametrize("spelling", ["والأشرفية", "والاشرفية", " مسد "])
def test_top_term_accepts_either_spelling_of_a_tied_word(spelling):
    assert exercises.check_top_term(spelling)


def test_top_term_says_no_word_is_distinctive_in_one_article(capsys):
    exercises.check_top_term("مسد")
    assert "not distinctive (|z| < 1.96)" in capsys.readouterr().out


def _document_bootstrap(statements, seed, confidence=95.0):
    per_doc = statements.groupby(S.DOC_ID)[S.HEDGED].agg(["sum", "count"]).to_numpy()
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(per_doc), size=(2000, len(per_doc)))
    pooled = per_doc[picks].sum(axis=1)
    tail = (100 - confidence) / 2
    return tuple(np.percentile(pooled[:, 0] / pooled[:, 1], [tail, 100 - tail]))


def test_simulated_outlet_clusters_its_hedging():
    outlet = exercises.simulated_outlet()
    per_doc = outlet.groupby(S.DOC_ID)[S.HEDGED].agg(["sum", "count"])
    assert design_effect(per_doc["sum"], per_doc["count"]) > 2


@pytest.mark.parametrize("seed", range(5))
def test_bootstrap_check_accepts_a_document_bootstrap_with_any_seed(seed):
    outlet = exercises.simulated_outlet()
    assert exercises.check_bootstrap(_document_bootstrap(outlet, seed), outlet)


def test_bootstrap_check_names_the_slips(capsys):
    outlet = exercises.simulated_outlet()
    one_by_one = outlet.assign(**{S.DOC_ID: np.arange(len(outlet)).astype(str)})
    assert not exercises.check_bootstrap(_document_bootstrap(one_by_one, 0), outlet)
    assert "resampling single statements" in capsys.readouterr().out
    ninety = _document_bootstrap(outlet, 0, confidence=90.0)
    assert not exercises.check_bootstrap(ninety, outlet)
    assert "90% interval" in capsys.readouterr().out
    assert not exercises.check_bootstrap([0.2, 0.4], outlet)
    assert "(low, high)" in capsys.readouterr().out


def test_bootstrap_check_accepts_correct_answers_on_unclustered_data():
    from toolkit.datasets import load_framing_statements

    corpus = load_framing_statements()  # design effect about 1: no slip to tell
    sdc = corpus[corpus[S.SIDE] == S.SDC]
    assert all(
        exercises.check_bootstrap(_document_bootstrap(sdc, seed), corpus)
        for seed in range(10)
    )


def test_bootstrap_check_explains_bounds_given_as_text(capsys):
    assert not exercises.check_bootstrap(("0.19", "0.41"), exercises.simulated_outlet())
    assert "two numbers" in capsys.readouterr().out
