"""Feature extractors on the normalised input table (``text`` and ``target``).

* :func:`text_features`: a union of word n-gram and character n-gram TF-IDF
  (character n-grams inside word boundaries cope with Arabic clitics such as
  و/ف/ب/ل/ال and with broken plurals; computed per distinct word by
  :class:`~toolkit.classify.charngrams.WordCharTfidf`), optionally with the lexicon
  cues.
* :class:`TargetInteraction`: the same features once shared and once per
  target ("feature augmentation"), so one linear model learns what is common
  to all targets and what is specific to each (Mawqif, ArabicStanceX).

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"text": ["اكدت الوزارة", "زعم المتحدث"], "target": ["a", "b"]})
>>> interaction = TargetInteraction(text_features(char_ngrams=None)).fit(frame)
>>> interaction.transform(frame).shape
(2, 18)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from toolkit.classify.charngrams import WordCharTfidf
from toolkit.classify.cues import CueFeatures
from toolkit.corpus.schema import TARGET, TEXT

#: ``lexicon=`` name -> (feature-name prefix, transformer class).
LEXICON_FEATURES: dict[str, tuple[str, type]] = {
    "hedge": ("cue", CueFeatures),
}
#: Separates a target from a feature name in interaction features.
TARGET_SEPARATOR = " | "


def word_tfidf(ngrams: tuple[int, int], min_df: int | float) -> TfidfVectorizer:
    """Return the word n-gram TF-IDF vectorizer.

    Texts arrive already normalised, so no lower-casing or accent stripping is
    done here; term frequencies are sub-linear (``1 + log tf``), as in
    :class:`~toolkit.classify.charngrams.WordCharTfidf`.

    Examples
    --------
    >>> word_tfidf((1, 2), 1).fit(["اكدت الوزارة"]).get_feature_names_out().tolist()
    ['اكدت', 'اكدت الوزارة', 'الوزارة']
    """
    return TfidfVectorizer(
        analyzer="word",
        ngram_range=ngrams,
        min_df=min_df,
        lowercase=False,
        sublinear_tf=True,
        token_pattern=r"(?u)[^\W_]+",
        dtype=np.float32,
    )


def text_features(
    word_ngrams: tuple[int, int] | None = (1, 2),
    char_ngrams: tuple[int, int] | None = (2, 5),
    min_df: int | float = 1,
    lexicon: str | None = None,
    lexicon_weight: float = 1.0,
    column: str = TEXT,
) -> ColumnTransformer:
    """Build the (unfitted) word + character TF-IDF union for one text column.

    Parameters
    ----------
    word_ngrams, char_ngrams : (int, int) or None
        N-gram ranges; ``None`` leaves that family out.
    min_df : int or float, default 1
        Minimum document frequency of an n-gram.
    lexicon : {"hedge"} or None, default None
        Add lexicon features: :class:`~toolkit.classify.cues.CueFeatures`.
    lexicon_weight : float, default 1.0
        Value of a present lexicon feature.
    column : str, default "text"
        The column to read.

    Returns
    -------
    sklearn.compose.ColumnTransformer
        Sparse output; feature names are prefixed ``word__``, ``char__`` and
        ``cue__``.

    Raises
    ------
    ValueError
        When every feature family is left out or ``lexicon`` is unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> union = text_features(char_ngrams=None, lexicon="hedge")
    >>> union.fit(pd.DataFrame({"text": ["ربما"]})).get_feature_names_out()[:2].tolist()
    ['word__ربما', 'cue__hedge']
    """
    parts = []
    if word_ngrams is not None:
        parts.append(("word", word_tfidf(tuple(word_ngrams), min_df), column))
    if char_ngrams is not None:
        parts.append(("char", WordCharTfidf(tuple(char_ngrams), min_df), column))
    if lexicon is not None:
        if lexicon not in LEXICON_FEATURES:
            raise ValueError(
                f"text_features: lexicon={lexicon!r} is not one of "
                f"{', '.join(LEXICON_FEATURES)} or None"
            )
        name, transformer = LEXICON_FEATURES[lexicon]
        parts.append((name, transformer(weight=lexicon_weight), column))
    if not parts:
        raise ValueError(
            "text_features: no feature family left (word_ngrams, char_ngrams and "
            "lexicon are all None)"
        )
    return ColumnTransformer(parts, sparse_threshold=1.0)


class TargetInteraction(TransformerMixin, BaseEstimator):
    """Shared features plus one copy of them per target seen in training.

    Row ``i`` gets its features in the shared block and again in the block of
    its target; a target not seen in training only fills the shared block.

    Parameters
    ----------
    features : transformer
        Applied to the whole input table (e.g. :func:`text_features`).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["نعم", "لا"], "target": ["x", "y"]})
    >>> t = TargetInteraction(text_features(char_ngrams=None)).fit(frame)
    >>> t.get_feature_names_out().tolist()
    ['word__لا', 'word__نعم', 'x | word__لا', 'x | word__نعم', 'y | word__لا', 'y | word__نعم']
    """

    def __init__(self, features: TransformerMixin) -> None:
        self.features = features

    def fit(self, frame: pd.DataFrame, y: object = None) -> TargetInteraction:
        """Fit the inner features and record the targets."""
        self.features_ = clone(self.features).fit(frame, y)
        self.targets_ = np.array(sorted(frame[TARGET].unique()), dtype=object)
        return self

    def transform(self, frame: pd.DataFrame) -> sp.csr_matrix:
        """Return ``[shared | block of target 1 | ... | block of target k]``."""
        check_is_fitted(self, "targets_")
        shared = sp.csr_matrix(self.features_.transform(frame))
        width = shared.shape[1]
        position = pd.Index(self.targets_).get_indexer(frame[TARGET])
        known = np.repeat(position >= 0, np.diff(shared.indptr))
        offsets = np.repeat(position, np.diff(shared.indptr)) * width
        block = sp.csr_matrix(
            (
                shared.data * known,
                shared.indices + np.maximum(offsets, 0),
                shared.indptr.copy(),
            ),
            shape=(shared.shape[0], width * len(self.targets_)),
        )
        block.eliminate_zeros()
        return sp.hstack([shared, block], format="csr")

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Shared names, then ``"<target> | <name>"`` for every target."""
        names = self.features_.get_feature_names_out()
        per_target = [f"{t}{TARGET_SEPARATOR}{n}" for t in self.targets_ for n in names]
        return np.array([*names, *per_target], dtype=object)
