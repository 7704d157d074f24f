"""The per-word character n-gram TF-IDF equals scikit-learn's char_wb TF-IDF."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from toolkit.classify.charngrams import WordCharTfidf
from toolkit.datasets import load_framing_statements

# Arabic letters, a Latin letter, an Arabic-Indic digit, an emoji outside the BMP, a
# zero-width non-joiner, U+0000 and U+FFFF (the extremes of the byte-wise ordering).
WORDS = st.text(alphabet="قسدمالحكوةي a٣😀\u200c\x00\uffff", min_size=0, max_size=40)
RANGES = st.sampled_from([(1, 1), (2, 4), (1, 3), (3, 6), (5, 7)])


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


@settings(max_examples=150, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=6),
    st.lists(WORDS, min_size=1, max_size=4),
    RANGES,
)
def test_matches_scikit_learn_on_any_text(train, other, ngram_range):
    reference = _reference(ngram_range, 1)
    try:
        expected = reference.fit(train).transform(other)
    except ValueError:  # empty vocabulary
        with pytest.raises(ValueError, match="empty vocabulary"):
            WordCharTfidf(ngram_range).fit(train)
        return
    ours = WordCharTfidf(ngram_range).fit(train)
    assert ours.get_feature_names_out().tolist() == (
        reference.get_feature_names_out().tolist()
    )
    got = ours.transform(other)
    assert got.shape == expected.shape
    assert np.abs((got - expected).toarray()).max(initial=0.0) < 1e-6


def test_min_df_that_leaves_nothing_is_refused():
    with pytest.raises(ValueError, match="min_df=3"):
        WordCharTfidf((2, 3), min_df=3).fit(["قسد", "مسد"])


@pytest.mark.parametrize(("n_characters", "ngram_range"), [(60, (2, 5)), (700, (2, 7))])
def test_small_and_large_alphabets_match_scikit_learn(n_characters, ngram_range):
    # 700 distinct characters at width 7 do not fit in 63 bits: the byte-wise codes.
    rng = np.random.default_rng(0)
    alphabet = np.array([chr(0x0600 + i) for i in range(n_characters)])
    texts = [
        " ".join("".join(rng.choice(alphabet, rng.integers(1, 9))) for _ in range(6))
        for _ in range(300)
    ]
    ours = WordCharTfidf(ngram_range).fit(texts[:200])
    theirs = _reference(ngram_range, 1).fit(texts[:200])
    packed = ours.codes_.dtype == np.int64
    assert packed == (n_characters < 100)
    assert list(ours.vocabulary_) == theirs.get_feature_names_out().tolist()
    difference = ours.transform(texts[200:]) - theirs.transform(texts[200:])
    assert abs(difference).max() < 1e-6
