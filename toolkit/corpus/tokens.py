"""Word tokens of normalised Arabic text, and clitic stripping for lexicon look-up.

Examples
--------
>>> tokenize("وأوضحت الوزارة، أن 90% ...")
['واوضحت', 'الوزارة', 'ان', '90']
>>> strip_proclitic("واتهم", {"اتهم"})
'اتهم'
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

from toolkit.corpus.normalize import normalize

_WORD = re.compile(r"[^\W_]+")
#: One-letter proclitics that attach to a following word: and, so, with, for.
PROCLITICS = "وفبل"


def tokenize(text: str, **options: bool) -> list[str]:
    """Return the normalised word tokens of ``text`` (punctuation dropped).

    Parameters
    ----------
    text : str
        Raw or normalised text.
    **options : bool
        Steps of :func:`toolkit.corpus.normalize` to switch on or off; the
        tokens split at the same places whatever the options.

    Returns
    -------
    list of str
        Tokens of letters and digits, normalised with the default options.

    Examples
    --------
    >>> tokenize('ميليشيا "قسد"')
    ['ميليشيا', 'قسد']
    >>> tokenize("أكدت الوزارة", alef=False)
    ['أكدت', 'الوزارة']
    """
    return _WORD.findall(normalize(text, **options))


def strip_proclitic(token: str, vocabulary: Container[str]) -> str | None:
    """Return the form of ``token`` found in ``vocabulary``, allowing one proclitic.

    Parameters
    ----------
    token : str
        A normalised token.
    vocabulary : container of str
        Normalised forms to look up.

    Returns
    -------
    str or None
        ``token`` itself when it is in the vocabulary, else ``token`` without a leading
        و/ف/ب/ل when that is, else ``None``.

    Examples
    --------
    >>> strip_proclitic("فقال", {"قال"})
    'قال'
    >>> strip_proclitic("بيت", {"قال"}) is None
    True
    """
    if token in vocabulary:
        return token
    if len(token) > 2 and token[0] in PROCLITICS and token[1:] in vocabulary:
        return token[1:]
    return None


@lru_cache(maxsize=16)
def _with_proclitics(forms: frozenset[str]) -> frozenset[str]:
    return frozenset(forms | {p + form for form in forms for p in PROCLITICS})


def with_proclitics(forms: Iterable[str]) -> frozenset[str]:
    """Return ``forms`` together with each form behind one و/ف/ب/ل proclitic.

    A set to test whole token lists against at C speed before any slower look-up:
    a token list disjoint from it holds none of the forms, even with a proclitic.

    Parameters
    ----------
    forms : iterable of str
        Normalised forms.

    Examples
    --------
    >>> sorted(with_proclitics(["قال"]))
    ['بقال', 'فقال', 'قال', 'لقال', 'وقال']
    """
    return _with_proclitics(frozenset(forms))
