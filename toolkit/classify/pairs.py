"""Features of a claim pair: what a headline adds to, drops from or negates in a claim.

For ANS-style data the ``target`` column holds the claim (``s1``) and ``text``
the headline judged against it (``s2``). :class:`PairFeatures` does not read the
concatenated pair; it describes the pair:

* TF-IDF of the headline itself (word and character n-grams);
* TF-IDF of the words only in the headline, and of those only in the claim;
* "swap" tokens ``a>b`` for a claim-only word ``a`` and a headline-only word
  ``b`` (a replaced word: ارتفاع>انخفاض);
* overlap and negation statistics (:func:`pair_statistics`).

Words are compared after removing one proclitic (و/ف/ب/ل) and the article ال.

Examples
--------
>>> pair_statistics("ارتفاع اسعار النفط", "لا ارتفاع في اسعار النفط")["negation_s2"]
1.0
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from toolkit.classify.features import text_features, word_tfidf
from toolkit.corpus.normalize import normalize
from toolkit.corpus.schema import TARGET, TEXT
from toolkit.corpus.tokens import strip_proclitic, tokenize

_NEGATION_FILE = Path(__file__).with_name("negation.tsv")
#: Names of the statistics of :func:`pair_statistics`, in column order.
STATISTICS: tuple[str, ...] = (
    "word_jaccard",
    "char3_jaccard",
    "claim_coverage",
    "headline_coverage",
    "length_ratio",
    "negation_s1",
    "negation_s2",
    "negation_differs",
    "numbers_differ",
)
_SWAP_LIMIT = 6


@cache
def negation_words() -> frozenset[str]:
    """Normalised negation words and phrases from ``negation.tsv``.

    Examples
    --------
    >>> "لم" in negation_words()
    True
    """
    table = pd.read_csv(_NEGATION_FILE, sep="\t", dtype=str, keep_default_na=False)
    return frozenset(normalize(word) for word in table["word"])


def stem(token: str) -> str:
    """Strip one proclitic (و/ف/ب/ل) and the article from a normalised token.

    Examples
    --------
    >>> stem("والنفط"), stem("بلد"), stem("لل")
    ('نفط', 'بلد', 'لل')
    """
    if len(token) > 3 and token[0] in "وفبل":
        token = token[1:]
    if len(token) > 3 and token.startswith("ال"):
        token = token[2:]
    return token


def _words(text: str) -> list[str]:
    """Stemmed word tokens (punctuation dropped)."""
    return [stem(token) for token in tokenize(text)]


def _negations(text: str) -> int:
    lexicon = negation_words()
    singles = sum(strip_proclitic(word, lexicon) is not None for word in tokenize(text))
    phrases = sum(phrase in text for phrase in lexicon if " " in phrase)
    return singles + phrases


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def pair_statistics(claim: str, headline: str) -> dict[str, float]:
    """Overlap, length and negation statistics of one normalised pair.

    Parameters
    ----------
    claim, headline : str
        Normalised texts (``target`` and ``text``).

    Returns
    -------
    dict
        One float per name in :data:`STATISTICS`.

    Examples
    --------
    >>> pair_statistics("ارتفاع النفط", "ارتفاع النفط")["word_jaccard"]
    1.0
    """
    s1, s2 = _words(claim), _words(headline)
    set1, set2 = set(s1), set(s2)
    grams1 = {claim[i : i + 3] for i in range(len(claim) - 2)}
    grams2 = {headline[i : i + 3] for i in range(len(headline) - 2)}
    neg1, neg2 = _negations(claim), _negations(headline)
    digits1 = {w for w in set1 if w.isdigit()}
    digits2 = {w for w in set2 if w.isdigit()}
    return {
        "word_jaccard": _jaccard(set1, set2),
        "char3_jaccard": _jaccard(grams1, grams2),
        "claim_coverage": len(set1 & set2) / len(set1) if set1 else 0.0,
        "headline_coverage": len(set1 & set2) / len(set2) if set2 else 0.0,
        "length_ratio": min(len(s1), len(s2)) / max(len(s1), len(s2), 1),
        "negation_s1": float(min(neg1, 1)),
        "negation_s2": float(min(neg2, 1)),
        "negation_differs": float((neg1 > 0) != (neg2 > 0)),
        "numbers_differ": float(digits1 != digits2),
    }


def difference_documents(claims: pd.Series, headlines: pd.Series) -> pd.DataFrame:
    """Return per pair the headline-only words, claim-only words and swap tokens.

    Examples
    --------
    >>> import pandas as pd
    >>> difference_documents(pd.Series(["ارتفاع النفط"]), pd.Series(["انخفاض النفط"])).iloc[0].tolist()
    ['انخفاض', 'ارتفاع', 'ارتفاع>انخفاض']
    """
    added, dropped, swaps = [], [], []
    for claim, headline in zip(claims, headlines, strict=True):
        s1, s2 = _words(claim), _words(headline)
        only2 = [w for w in dict.fromkeys(s2) if w not in set(s1)]
        only1 = [w for w in dict.fromkeys(s1) if w not in set(s2)]
        added.append(" ".join(only2))
        dropped.append(" ".join(only1))
        swaps.append(
            " ".join(
                f"{a}>{b}" for a in only1[:_SWAP_LIMIT] for b in only2[:_SWAP_LIMIT]
            )
        )
    return pd.DataFrame({"added": added, "dropped": dropped, "swap": swaps})


class PairFeatures(TransformerMixin, BaseEstimator):
    """Describe (claim, headline) pairs for a linear stance model.

    Parameters
    ----------
    word_ngrams, char_ngrams : (int, int) or None
        N-gram ranges of the headline's own TF-IDF (``None`` leaves it out).
    min_df : int or float, default 1
        Minimum document frequency for every vectorizer.
    statistics_weight : float, default 1.0
        Multiplier of the overlap and negation statistics.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["انخفاض النفط"], "target": ["ارتفاع النفط"]})
    >>> names = PairFeatures(char_ngrams=None).fit(frame).get_feature_names_out()
    >>> [n for n in names if n.startswith("swap__")]
    ['swap__ارتفاع>انخفاض']
    """

    def __init__(
        self,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        min_df: int | float = 1,
        statistics_weight: float = 1.0,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.statistics_weight = statistics_weight

    def fit(self, frame: pd.DataFrame, y: object = None) -> PairFeatures:
        """Fit the headline and difference vocabularies."""
        differences = difference_documents(frame[TARGET], frame[TEXT])
        self.headline_ = None
        if self.word_ngrams is not None or self.char_ngrams is not None:
            self.headline_ = text_features(
                self.word_ngrams, self.char_ngrams, self.min_df
            )
            self.headline_.fit(frame)
        # A family with no token at all (e.g. identical pairs) is left out.
        self.differences_ = {
            name: _difference_vectorizer(name, self.min_df).fit(differences[name])
            for name in differences.columns
            if differences[name].str.strip().ne("").any()
        }
        return self

    def transform(self, frame: pd.DataFrame) -> sp.csr_matrix:
        """Return ``[headline | added | dropped | swap | statistics]``."""
        check_is_fitted(self, "differences_")
        differences = difference_documents(frame[TARGET], frame[TEXT])
        blocks = [] if self.headline_ is None else [self.headline_.transform(frame)]
        blocks += [v.transform(differences[n]) for n, v in self.differences_.items()]
        statistics = [
            list(pair_statistics(claim, headline).values())
            for claim, headline in zip(frame[TARGET], frame[TEXT], strict=True)
        ]
        blocks.append(sp.csr_matrix(np.array(statistics) * self.statistics_weight))
        return sp.hstack(blocks, format="csr")

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names prefixed ``word__``/``char__``, ``added__``, ``dropped__``,
        ``swap__`` and ``pair__``."""
        check_is_fitted(self, "differences_")
        names = (
            []
            if self.headline_ is None
            else list(self.headline_.get_feature_names_out())
        )
        for prefix, vectorizer in self.differences_.items():
            names += [f"{prefix}__{n}" for n in vectorizer.get_feature_names_out()]
        names += [f"pair__{n}" for n in STATISTICS]
        return np.array(names, dtype=object)


def _difference_vectorizer(name: str, min_df: int | float) -> TfidfVectorizer:
    """Word TF-IDF over space-separated difference tokens (``a>b`` kept whole)."""
    vectorizer = word_tfidf((1, 1), min_df)
    vectorizer.set_params(token_pattern=r"\S+", min_df=1 if name == "swap" else min_df)
    return vectorizer
