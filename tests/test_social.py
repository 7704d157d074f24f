"""Social-media clean-up: what it folds, idempotence, and use in the estimators."""

from hypothesis import given
from hypothesis import strategies as st

from toolkit.classify import StanceClassifier
from toolkit.corpus.social import clean_social


def test_folds_stretching_links_mentions_and_emoji():
    assert clean_social("راااائع😂😂 @نور http://x.co/a") == "رائع 😂 😂 USER URL"


def test_ta_marbuta_is_folded():
    assert clean_social("الحكومة") == clean_social("الحكومه")


@given(st.text())
def test_idempotent_on_any_text(text):
    once = clean_social(text)
    assert clean_social(once) == once


def test_estimator_cleans_before_the_features():
    texts = ["اللقاح رااائع", "اللقاح سيئ", "اللقاح رائع جدا", "اللقاح سيئ جدا"]
    clf = StanceClassifier(social=True, char_ngrams=None).fit(texts, ["f", "a"] * 2)
    names = clf.feature_names_out().tolist()
    assert any("رائع" in name for name in names)
    assert not any("اا" in name for name in names)
