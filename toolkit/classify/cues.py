"""Lexicon cue features for hedging: hedge and booster cues, "قد", verb frames.

:class:`CueFeatures` turns each text into a few indicator columns built on the
curated lexicons (``load_lexicon("hedges")`` through
:func:`toolkit.lexicons.cue_counts`, and ``load_lexicon("reporting_verbs")``):
whether the text has a hedge cue, a booster, "قد" + imperfect (a hedge),
"قد" + perfect (emphasis, not a hedge), a negated-evidence construction
(:func:`negated_evidence`, word lists in ``evidence.tsv`` beside this module)
and a reporting verb of each frame.

Examples
--------
>>> import pandas as pd
>>> cues = CueFeatures().fit(pd.Series(["زعم المتحدث"]))
>>> dict(zip(cues.get_feature_names_out(), cues.transform(pd.Series(["وقد خرقت الهدنة"])).toarray()[0]))["qad_perfect"]
np.float64(1.0)
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from toolkit.corpus.normalize import normalize
from toolkit.corpus.schema import VERB_FRAMES
from toolkit.corpus.tokens import PROCLITICS, strip_proclitic, tokenize, with_proclitics
from toolkit.lexicons import load_lexicon
from toolkit.lexicons.cues import find_cues, tally

#: Counts reported by :func:`toolkit.lexicons.cue_counts`, then
#: ``negated_evidence`` (:func:`negated_evidence`), in column order.
CUE_KINDS: tuple[str, ...] = (
    "hedge",
    "booster",
    "qad_imperfect",
    "qad_perfect",
    "negated_evidence",
)
_EVIDENCE_FILE = Path(__file__).with_name("evidence.tsv")
#: Tokens after a negator in which an evidence word may occur.
EVIDENCE_WINDOW = 4
#: Reporting-verb frames that get a column (``none`` is the absence of a verb).
FRAME_COLUMNS: tuple[str, ...] = tuple(f for f in VERB_FRAMES if f != "none")


@cache
def _verb_frames() -> dict[str, str]:
    """Token -> frame, for every reporting-verb form with or without a proclitic."""
    verbs = load_lexicon("reporting_verbs")
    frames = dict(zip(verbs["form_norm"], verbs["frame"], strict=True))
    with_clitic = {
        token: frames[strip_proclitic(token, frames)]
        for token in with_proclitics(frames)
        if strip_proclitic(token, frames)
    }
    return {**with_clitic, **frames}


@cache
def _evidence_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(negators, evidence stems) from ``evidence.tsv``, normalised."""
    table = pd.read_csv(_EVIDENCE_FILE, sep="\t", dtype=str, keep_default_na=False)
    words = {
        role: [normalize(w) for w in part["word"]]
        for role, part in table.groupby("role")
    }
    return frozenset(words["negator"]), tuple(words["evidence"])


def _bare(token: str) -> str:
    """Token without one proclitic and the article (for stem look-up)."""
    if len(token) > 3 and token[0] in PROCLITICS:
        token = token[1:]
    if len(token) > 4 and token.startswith("ال"):
        token = token[2:]
    return token


def negated_evidence(text: str) -> int:
    """Count "no evidence / not confirmed / not verified" constructions.

    A negator (لم، لا، دون، غير، تعذر ...) followed within
    :data:`EVIDENCE_WINDOW` tokens by a word starting with an evidence stem
    (دليل، أدلة، تؤكد، تأكد، التحقق، يتضح، مستقل ...), both listed in
    ``evidence.tsv``. It catches hedges that carry no single cue word:
    "في رواية لم تؤكدها مصادر مستقلة", "دون أن يقدم دليلًا".

    Examples
    --------
    >>> negated_evidence("ولم تقدم الوزارة أي دليل على روايتها")
    1
    >>> negated_evidence("وقدمت الوزارة أدلة على روايتها")
    0
    """
    return _negated_evidence(tokenize(text))


def _negated_evidence(raw: list[str]) -> int:
    negators, stems = _evidence_words()
    if with_proclitics(negators).isdisjoint(raw):
        return 0
    tokens = [_bare(token) for token in raw]
    count = 0
    for i, token in enumerate(raw):
        if strip_proclitic(token, negators):
            following = tokens[i + 1 : i + 1 + EVIDENCE_WINDOW]
            count += any(word.startswith(stems) for word in following)
    return count


def cue_vector(text: str) -> list[int]:
    """Count each cue kind and each reporting-verb frame in ``text``.

    Parameters
    ----------
    text : str
        Raw or normalised text.

    Returns
    -------
    list of int
        Counts in the order of :data:`CUE_KINDS` then :data:`FRAME_COLUMNS`.

    Examples
    --------
    >>> cue_vector("قال إن الهجوم قد يتكرر")
    [1, 0, 1, 0, 0, 0, 1, 0, 0, 0]
    """
    tokens = tokenize(text)
    counts = tally(find_cues(text, tokens))
    counts["negated_evidence"] = _negated_evidence(tokens)
    frames = Counter(map(_verb_frames().get, tokens))
    return [counts[kind] for kind in CUE_KINDS] + [frames[f] for f in FRAME_COLUMNS]


class CueFeatures(TransformerMixin, BaseEstimator):
    """Indicator features from the hedging and reporting-verb lexicons.

    Parameters
    ----------
    weight : float, default 1.0
        Value of a present cue (absent: 0). A larger weight lets a regularised
        linear model lean on the cues as much as on many n-grams together.

    Examples
    --------
    >>> import pandas as pd
    >>> CueFeatures(weight=2.0).fit_transform(pd.Series(["ربما يتأخر القرار"])).toarray()[0, 0]
    np.float64(2.0)
    """

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, texts: pd.Series, y: object = None) -> CueFeatures:
        """Record the output width; the lexicons carry no learned state."""
        self.n_output_ = len(CUE_KINDS) + len(FRAME_COLUMNS)
        return self

    def transform(self, texts: pd.Series) -> sp.csr_matrix:
        """Return a sparse (n_texts, n_output_) matrix of weighted indicators."""
        check_is_fitted(self, "n_output_")
        counts = np.array([cue_vector(text) for text in texts], dtype=float)
        counts = counts.reshape(len(counts), self.n_output_)
        return sp.csr_matrix(np.minimum(counts, 1.0) * self.weight)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names: the cue kinds, then ``frame_<frame>`` per reporting-verb frame."""
        return np.array(
            [*CUE_KINDS, *(f"frame_{f}" for f in FRAME_COLUMNS)], dtype=object
        )
