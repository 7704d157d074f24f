"""The per-word character n-gram TF-IDF equals scikit-learn's char_wb TF-IDF."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from toolkit.classify.charngrams import WordCharTfidf
from toolkit.datasets import load_framing_statements

WORDS = st.text(alphabet="قسدمالحكوةي ", min_size=0, max_size=40)


def _reference(ngram_range, min_df):
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=ngram_range,
        min_df=min_df,
        lowercase=False,
        sublinear_tf=True,
        dtype=np.float32,
    )


@pytest.mark.parametrize(
    ("ngram_range", "min_df"), [((2, 5), 1), ((1, 3), 2), ((3, 4), 0.02)]
)
def test_same_vocabulary_and_values_as_scikit_learn_on_the_corpus(ngram_range, min_df):
    texts = load_framing_statements()["text_norm"].tolist()
    train, other = texts[:900], texts[900:]
    ours = WordCharTfidf(ngram_range, min_df).fit(train)
    theirs = _reference(ngram_range, min_df).fit(train)
    assert (
        ours.get_feature_names_out().tolist() == theirs.get_feature_names_out().tolist()
    )
    np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=1e-6)
    difference = ours.transform(other) - theirs.transform(other)
    assert abs(difference).max() < 1e-6


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6), st.lists(WORDS, min_size=1, max_size=4))
def test_matches_scikit_learn_on_any_text(train, other):
    reference = _reference((2, 4), 1)
    try:
        expected = reference.fit(train).transform(other)
    except ValueError:  # empty vocabulary
        with pytest.raises(ValueError):
            WordCharTfidf((2, 4)).fit(train).transform(other)
        return
    got = WordCharTfidf((2, 4)).fit(train).transform(other)
    assert got.shape == expected.shape
    assert np.abs((got - expected).toarray()).max(initial=0.0) < 1e-6
