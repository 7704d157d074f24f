"""Character n-gram TF-IDF computed once per distinct word, not once per text.

Character n-grams inside word boundaries (scikit-learn's ``analyzer="char_wb"``) are a
function of each word alone: a text's n-gram counts are the sum of its words' counts.
:class:`WordCharTfidf` uses that: it writes each batch as a sparse *texts x words* count
matrix, cuts every distinct word once into a *words x n-grams* matrix, and multiplies
the two. Words repeat (Zipf's law), so this is a fraction of the per-text work. The
n-grams themselves are cut and looked up with numpy, not one Python string at a time:
each is a fixed-width row of code points, turned into one integer (or, for very wide
n-grams over large alphabets, one raw-bytes scalar) that sorts exactly as Python sorts
the strings, and found in a hash index. The numbers are those of
``TfidfVectorizer(analyzer="char_wb", sublinear_tf=True, lowercase=False)`` on
whitespace-separated text.

Examples
--------
>>> vectorizer = WordCharTfidf((2, 3)).fit(["قسد قسد", "مسد"])
>>> vectorizer.get_feature_names_out()[:4].tolist()
[' ق', ' قس', ' م', ' مس']
>>> vectorizer.transform(["قسد"]).shape
(1, 11)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import count

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

#: The largest key value: the last code point, plus one.
LARGEST_KEY = 0x110000


def word_counts(texts: Iterable[str]) -> tuple[list[str], sp.csr_matrix]:
    """Split texts on whitespace; return the distinct words and a texts x words matrix.

    Parameters
    ----------
    texts : iterable of str
        The texts.

    Returns
    -------
    words : list of str
        Distinct words in order of first appearance.
    counts : scipy.sparse.csr_matrix
        ``counts[i, j]``: how often ``words[j]`` occurs in text ``i``.

    Examples
    --------
    >>> words, counts = word_counts(["أ ب أ", "ب"])
    >>> words, counts.toarray().tolist()
    (['أ', 'ب'], [[2.0, 1.0], [0.0, 1.0]])
    """
    index: defaultdict[str, int] = defaultdict(count().__next__)
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        indices.extend(map(index.__getitem__, text.split()))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(indptr) - 1, len(index))
    )
    matrix.sum_duplicates()
    return list(index), matrix


def ngram_keys(
    words: list[str], ngram_range: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Cut every word into its ``char_wb`` n-grams, as fixed-width keys.

    Each word is padded with a space on both sides and cut into its n-grams of every
    length in ``ngram_range``; a padded word shorter than the smallest length counts
    once, whole (scikit-learn's rule).

    Parameters
    ----------
    words : list of str
        Distinct words (no whitespace inside).
    ngram_range : (int, int)
        Smallest and largest n-gram length.

    Returns
    -------
    owners : numpy.ndarray of int
        Index in ``words`` of the word each n-gram comes from.
    keys : numpy.ndarray of uint32, shape (n_ngrams, largest length)
        Code point + 1 of each character, big-endian, padded with zeros; rows sort
        (element by element) as the n-gram strings do.

    Examples
    --------
    >>> owners, keys = ngram_keys(["قسد", "و"], (4, 5))
    >>> owners.tolist(), decode_keys(keys)
    ([0, 0, 1, 0], [' قسد', 'قسد ', ' و ', ' قسد '])
    """
    smallest, largest = ngram_range
    lengths = np.fromiter((len(w) + 2 for w in words), dtype=np.int64, count=len(words))
    padded = "".join([f" {w} " for w in words]).encode("utf-32-be", "surrogatepass")
    points = np.frombuffer(padded, dtype=">u4").astype(np.uint32) + 1
    starts = np.cumsum(lengths) - lengths
    columns = np.arange(largest)
    owners, blocks = [], []
    for n in range(smallest, largest + 1):
        whole = lengths < smallest if n == smallest else np.zeros_like(lengths, bool)
        cut = np.flatnonzero((lengths >= n) | whole)
        width = np.where(lengths[cut] >= n, n, lengths[cut])
        per_word = lengths[cut] - width + 1
        owner = np.repeat(cut, per_word)
        offset = np.arange(len(owner)) - np.repeat(
            np.cumsum(per_word) - per_word, per_word
        )
        first = starts[owner] + offset
        inside = columns < np.repeat(width, per_word)[:, None]
        index = np.minimum(first[:, None] + columns, len(points) - 1)
        blocks.append(np.where(inside, points[index], 0).astype(">u4"))
        owners.append(owner)
    return np.concatenate(owners), np.concatenate(blocks)


def ngram_codes(keys: np.ndarray, alphabet: np.ndarray) -> np.ndarray:
    """One scalar per key row that sorts and compares as the n-gram string does.

    Each character becomes its rank in ``alphabet`` (the key values seen in training,
    sorted; an unseen character ranks past the end, so its n-grams match nothing).
    The ranks are packed into one int64 when they fit (bits per rank x key width <=
    63, so up to 4,094 distinct characters at width 5), which numpy searches fast;
    otherwise each row is viewed as one raw-bytes scalar of big-endian ranks.

    Parameters
    ----------
    keys : numpy.ndarray of uint32, shape (n, width)
        Rows from :func:`ngram_keys`.
    alphabet : numpy.ndarray of uint32
        Sorted distinct non-zero key values of the training n-grams.

    Returns
    -------
    numpy.ndarray
        int64 codes, or void scalars when the ranks do not fit in 63 bits.

    Examples
    --------
    >>> keys = ngram_keys(["ب", "أ"], (2, 2))[1]
    >>> codes = ngram_codes(keys, np.unique(keys[keys > 0]))
    >>> codes.dtype, decode_keys(keys[np.argsort(codes)])
    (dtype('int64'), [' أ', ' ب', 'أ ', 'ب '])
    """
    table = np.full(LARGEST_KEY + 1, len(alphabet) + 1, dtype=np.uint32)
    table[0] = 0
    table[alphabet] = np.arange(1, len(alphabet) + 1, dtype=np.uint32)
    ranks = table[keys]
    bits = (len(alphabet) + 1).bit_length()
    width = keys.shape[1]
    if bits * width > 63:
        ranks = np.ascontiguousarray(ranks, dtype=">u4")
        return ranks.view(np.dtype((np.void, 4 * width))).ravel()
    shifts = bits * np.arange(width - 1, -1, -1, dtype=np.int64)
    return (ranks.astype(np.int64) << shifts).sum(axis=1)


def decode_keys(keys: np.ndarray) -> list[str]:
    """The n-gram strings of key rows made by :func:`ngram_keys`.

    Parameters
    ----------
    keys : numpy.ndarray of uint32, shape (n, width)
        Code point + 1 of each character, padded with zeros.

    Returns
    -------
    list of str
        One n-gram per row.

    Examples
    --------
    >>> decode_keys(ngram_keys(["لا"], (3, 3))[1])
    [' لا', 'لا ']
    """
    keys = np.asarray(keys, dtype=np.int64)
    characters = np.where(keys > 0, keys - 1, 0).astype("<u4")
    names = characters.view(f"<U{keys.shape[1]}").ravel().tolist()
    for i in np.flatnonzero((keys == 1).any(axis=1)):  # U+0000 inside: numpy drops it
        names[i] = "".join(chr(c - 1) for c in keys[i].tolist() if c)
    return names


def _columns(codes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Position of each ``wanted`` code in the sorted ``codes``, -1 where absent."""
    if codes.dtype == np.int64:  # a hash table beats binary search on integers
        return pd.Index(codes).get_indexer(wanted)
    column = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    return np.where(codes[column] == wanted, column, -1)


def _incidence(
    rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int
) -> sp.csr_matrix:
    """Count matrix with a 1 added at each (row, column) pair."""
    matrix = sp.csr_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(n_rows, n_columns)
    )
    matrix.sum_duplicates()
    return matrix


class WordCharTfidf(TransformerMixin, BaseEstimator):
    """TF-IDF of character n-grams within word boundaries, analysed per distinct word.

    Parameters
    ----------
    ngram_range : (int, int), default (2, 5)
        Smallest and largest n-gram length; words are padded with one space each side.
    min_df : int or float, default 1
        Keep n-grams found in at least this many texts (a float: this share of texts).

    Attributes
    ----------
    vocabulary_ : dict
        N-gram -> column.
    idf_ : numpy.ndarray
        Smoothed inverse document frequency of each column.
    alphabet_ : numpy.ndarray
        The characters of the training n-grams (code point + 1, sorted).
    codes_ : numpy.ndarray
        The n-grams as :func:`ngram_codes`, in column (= sorted) order; what
        :meth:`transform` looks new n-grams up in.

    Examples
    --------
    >>> vectorizer = WordCharTfidf(ngram_range=(3, 3)).fit(["قالت الوزارة", "قال المصدر"])
    >>> X = vectorizer.transform(["قال الوزير"])
    >>> X.shape, X.dtype
    ((1, 17), dtype('float32'))
    >>> round(float(X.multiply(X).sum()), 6)  # each row has unit L2 norm
    1.0
    """

    def __init__(self, ngram_range: tuple[int, int] = (2, 5), min_df: int | float = 1):
        self.ngram_range = ngram_range
        self.min_df = min_df

    def fit(self, X: Iterable[str], y: object = None) -> WordCharTfidf:
        """Learn the n-gram vocabulary and document frequencies of ``X``.

        Raises
        ------
        ValueError
            When ``X`` has no n-gram, or none is left by ``min_df``.
        """
        words, per_text = word_counts(X)
        owners, keys = ngram_keys(words, tuple(self.ngram_range))
        if not len(keys):
            raise ValueError("WordCharTfidf: empty vocabulary; the texts have no words")
        alphabet = np.unique(keys[keys > 0])
        distinct, first, column = np.unique(
            ngram_codes(keys, alphabet), return_index=True, return_inverse=True
        )
        counts = (
            per_text @ _incidence(owners, column, len(words), len(distinct))
        ).tocsc()
        document_frequency = np.diff(counts.indptr)
        n_texts = per_text.shape[0]
        floor = self.min_df if isinstance(self.min_df, int) else self.min_df * n_texts
        keep = np.flatnonzero(document_frequency >= floor)
        if not len(keep):
            raise ValueError(
                f"WordCharTfidf: no n-gram is in at least min_df={self.min_df!r} texts"
            )
        self.alphabet_ = alphabet
        self.codes_ = distinct[keep]
        names = decode_keys(keys[first[keep]])
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        self.idf_ = np.log((1 + n_texts) / (1 + document_frequency[keep])) + 1.0
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        """Return the L2-normalised, sub-linear TF-IDF matrix of ``X`` (float32)."""
        check_is_fitted(
            self,
            "codes_",
            msg="This WordCharTfidf is not fitted, or was saved by a toolkit from before "
            "2026-12-01, which stored its n-grams differently: fit it again.",
        )
        words, per_text = word_counts(X)
        owners, keys = ngram_keys(words, tuple(self.ngram_range))
        column = _columns(self.codes_, ngram_codes(keys, self.alphabet_))
        found = column >= 0
        incidence = _incidence(
            owners[found], column[found], len(words), len(self.codes_)
        )
        counts = (per_text @ incidence).tocsr()
        np.log(counts.data, out=counts.data)
        counts.data += 1.0
        weighted = counts.multiply(self.idf_).tocsr()
        return normalize(weighted, norm="l2").astype(np.float32)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The n-grams, in column order."""
        check_is_fitted(self, "vocabulary_")
        return np.asarray(list(self.vocabulary_), dtype=object)
