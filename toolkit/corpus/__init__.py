"""Corpus layer: schema, loading, normalisation, sentence splitting, attribution.

Examples
--------
>>> from toolkit.corpus import extract_statements, load_example
>>> len(extract_statements(load_example()))
9
"""

from toolkit.corpus.attribution import attribute_sentence, extract_statements
from toolkit.corpus.encoding import DecodeError, detect_encoding, read_text
from toolkit.corpus.loaders import (
    CorpusWarning,
    load_corpus,
    load_example,
    load_example_gold,
    read_rows,
)
from toolkit.corpus.normalize import normalize, normalize_series
from toolkit.corpus.segment import sentence_spans, split_sentences
from toolkit.corpus.tokens import tokenize

__all__ = [
    "CorpusWarning",
    "DecodeError",
    "attribute_sentence",
    "detect_encoding",
    "extract_statements",
    "load_corpus",
    "load_example",
    "load_example_gold",
    "normalize",
    "normalize_series",
    "read_rows",
    "read_text",
    "sentence_spans",
    "split_sentences",
    "tokenize",
]
