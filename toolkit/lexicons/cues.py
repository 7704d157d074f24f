"""Find hedge and booster cues in a text, including the rule for "قد".

"قد" before an imperfect verb ("قد يكون") hedges; before a perfect verb ("قد خرقت",
"كانت قد أعلنت") it emphasises and asserts. "لقد" always asserts.

Examples
--------
>>> [c.kind for c in find_cues("قال إن الهجوم قد يتكرر")]
['hedge']
>>> [c.kind for c in find_cues("وكانت المجموعات قد خرقت الاتفاق")]
['booster']
>>> cue_counts("زعم المتحدث أن الوزارة أكدت ذلك")
{'hedge': 1, 'booster': 1, 'qad_imperfect': 0, 'qad_perfect': 0}
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from toolkit.corpus.tokens import strip_proclitic, tokenize, with_proclitics
from toolkit.lexicons.loader import load_lexicon

_QAD = {"قد", "وقد", "فقد"}
_LAQAD = {"لقد", "ولقد"}
_KANA = {"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا", "فكان", "فكانت"}
# Perfect verbs that begin with the letters of the imperfect prefixes.
_PERFECT_WITH_PREFIX_LETTER = {
    "تم",
    "تمت",
    "تمكن",
    "تعرض",
    "تجاوز",
    "تحول",
    "توقف",
    "تراجع",
    "تسبب",
    "تلقى",
    "تلقي",
    "تحقق",
    "تقدم",
}


class Cue(NamedTuple):
    """A cue found in a text: its kind, the matched form and its token position."""

    kind: str
    cue: str
    position: int


class _Vocabulary(NamedTuple):
    words: dict[str, str]  # form -> kind
    phrases: dict[tuple[str, ...], str]  # tokens -> kind
    by_first: dict[str, list[tuple[str, ...]]]  # first token -> phrases, longest first
    triggers: frozenset[str]  # every token that can start a cue


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    lexicon = load_lexicon("hedges")
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for cue, kind, match in lexicon[["cue_norm", "kind", "match"]].itertuples(
        index=False
    ):
        if match == "word":
            words[cue] = kind
        else:
            phrases[tuple(tokenize(cue))] = kind
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    triggers = with_proclitics([*words, *by_first]) | _QAD | _LAQAD
    return _Vocabulary(words, phrases, by_first, triggers)


def is_imperfect(token: str) -> bool:
    """Guess whether a normalised verb token is imperfect (present/future).

    Parameters
    ----------
    token : str
        The word after "قد".

    Examples
    --------
    >>> is_imperfect("يكون"), is_imperfect("تشهد"), is_imperfect("خرقت")
    (True, True, False)
    >>> is_imperfect("تمكنت"), is_imperfect("نفي")
    (False, False)
    """
    if token in _PERFECT_WITH_PREFIX_LETTER:
        return False
    if token.startswith("ي"):
        return True
    if token.startswith("ت"):
        return not token.endswith(("ت", "وا"))
    # "ن" opens perfect verbs (نفى، نفذ، نشر) far more often than the first person
    # plural imperfect in news copy, so it is read as perfect.
    return False


def _qad_cue(tokens: list[str], i: int) -> Cue | None:
    token = tokens[i]
    if token in _LAQAD:
        return Cue("booster", token, i)
    if token not in _QAD or i + 1 >= len(tokens):
        return None
    after = i + 1
    if tokens[after] == "لا" and after + 1 < len(tokens):
        after += 1
    past_perfect = i > 0 and tokens[i - 1] in _KANA
    if not past_perfect and is_imperfect(tokens[after]):
        return Cue("hedge", f"{token} {tokens[after]}", i)
    return Cue("booster", f"{token} {tokens[after]}", i)


def find_cues(text: str) -> list[Cue]:
    """Return the hedge and booster cues of ``text`` in reading order.

    Parameters
    ----------
    text : str
        Raw or normalised text.

    Returns
    -------
    list of Cue
        Each with ``kind`` ``"hedge"`` or ``"booster"``, the matched (normalised)
        form and the index of its first token.

    Examples
    --------
    >>> find_cues("ربما تكون الأنباء غير مؤكدة")[0]
    Cue(kind='hedge', cue='ربما', position=0)
    """
    return cues_in_tokens(tokenize(text))


def cues_in_tokens(tokens: list[str]) -> list[Cue]:
    """:func:`find_cues` on a text already split by :func:`toolkit.corpus.tokenize`.

    Examples
    --------
    >>> [c.cue for c in cues_in_tokens(["وزعم", "المتحدث"])]
    ['زعم']
    """
    vocabulary = _vocabulary()
    if vocabulary.triggers.isdisjoint(tokens):
        return []
    found: list[Cue] = []
    i = 0
    while i < len(tokens):
        phrase = _phrase_at(tokens, i, vocabulary.by_first)
        if phrase:
            found.append(Cue(vocabulary.phrases[phrase], " ".join(phrase), i))
            i += len(phrase)
            continue
        qad = _qad_cue(tokens, i)
        word = strip_proclitic(tokens[i], vocabulary.words)
        if qad:
            found.append(qad)
        elif word:
            found.append(Cue(vocabulary.words[word], word, i))
        i += 1
    return found


def _phrase_at(
    tokens: list[str], i: int, by_first: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    first = strip_proclitic(tokens[i], by_first)
    for phrase in by_first.get(first or "", ()):
        if tuple(tokens[i + 1 : i + len(phrase)]) == phrase[1:]:
            return phrase
    return None


def cue_counts(text: str) -> dict[str, int]:
    """Count hedge cues, booster cues and the two readings of "قد" in ``text``.

    Parameters
    ----------
    text : str
        Raw or normalised text.

    Returns
    -------
    dict
        ``hedge`` and ``booster`` (all cues of each kind, "قد" included),
        ``qad_imperfect`` and ``qad_perfect``.

    Examples
    --------
    >>> cue_counts("قد تتجدد الاشتباكات، وقد أعلنت الوزارة")["qad_perfect"]
    1
    """
    return tally(find_cues(text))


def tally(cues: list[Cue]) -> dict[str, int]:
    """Count cues by kind and the two readings of "قد" (see :func:`cue_counts`).

    Examples
    --------
    >>> tally(cues_in_tokens(["قد", "يكون"]))["qad_imperfect"]
    1
    """
    counts = {"hedge": 0, "booster": 0, "qad_imperfect": 0, "qad_perfect": 0}
    for cue in cues:
        counts[cue.kind] += 1
        if cue.cue.split()[0] in _QAD:
            counts["qad_imperfect" if cue.kind == "hedge" else "qad_perfect"] += 1
    return counts
