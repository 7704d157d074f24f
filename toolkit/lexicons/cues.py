"""Find hedge and booster cues in a text, including the rule for "قد".

"قد" before an imperfect verb ("قد يكون") hedges; before a perfect verb ("قد خرقت",
"كانت قد أعلنت") it emphasises and asserts. "لقد" always asserts.

Two rules need more than a word list. A hedge word that is denied or waved away
("نفت الوزارة مزاعم قسد"، "ادعاءات لا أساس لها") is the speaker's certainty, so it
counts as a booster: a ``dismissal`` row of ``hedges.tsv`` or a denial verb of
``reporting_verbs.tsv`` within :data:`DISMISSAL_WINDOW` tokens turns it. A headline
that asks *whether* ("هل تنسحب ...؟"، "بلومبيرغ: هل ..."، "... أم ...؟", or a short
"...؟" with no question word) puts its claim in doubt and counts as a hedge
(:func:`whether_question`). A ``background`` phrase holds a hedge word that does not
hedge the claim: a relative clause ("الأخبار التي قد تمس"), a past belief ("كنت
أظن"), the wish "لعل وعسى", the listicle formula "قد لا تعرفها" or the add-on "بل
ربما"; it is matched and ignored.

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

import re
from functools import lru_cache
from typing import NamedTuple

from toolkit.corpus.normalize import normalize
from toolkit.corpus.tokens import strip_proclitic, tokenize, with_proclitics
from toolkit.lexicons.loader import load_lexicon

#: Tokens on either side of a hedge word in which a dismissal turns it.
DISMISSAL_WINDOW = 3
#: Longest text (in tokens) read as a headline by the "... أم ...؟" rule.
HEADLINE_TOKENS = 25
# A short "source:" prefix of a headline ("بلومبيرغ: ...").
_SOURCE = r"^(?:[^:\n]{1,40}:\s*)?"
# "هل" opening the text, or opening it after a source prefix.
_WHETHER = re.compile(_SOURCE + r"[وف]?هل\s")
_SOURCE_PREFIX = re.compile(_SOURCE)
_ALTERNATIVE = re.compile(r"\sام\s[^؟?]+[؟?]\s*$")
# One question mark, at the end, in a text with no hashtag, mention, link or "!":
# the shape of a headline, not of a post's rhetorical question.
_HEADLINE_QUESTION = re.compile(r"^[^؟?!#@]+[؟?]\s*$")
_POST_MARKS = re.compile(r"https?:|www\.|MENTION|USER|URL")
# Question words (standard and Gulf/Levantine) and rhetorical openers: a question
# that holds one asks what, why or how, or argues, rather than asks whether.
_QUESTION_WORDS = frozenset(
    normalize(word)
    for word in (
        "هل ماذا لماذا لم كيف متى أين كم أي أية أليس ألا ألم أما "
        "وش ليش شو شنو ايش إيش اش منو وين مين ليه شلون شمعنى"
    ).split()
)
# "من" (who / from) and "ما" (what / not) ask when they open the question or come
# before a pronoun ("وما هو مصير ...؟").
_AMBIGUOUS_QUESTION_WORDS = frozenset({"من", "ما"})
_PRONOUNS = frozenset(normalize(word) for word in "هو هي هم هن الذي التي اللي".split())

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
    """A cue found in a text: its kind, the matched form and its token position.

    Examples
    --------
    >>> find_cues("قد يكون الخبر صحيحا")
    [Cue(kind='hedge', cue='قد يكون', position=0)]
    >>> kind, cue, position = find_cues("وكانت المجموعات قد خرقت الاتفاق")[0]
    >>> kind, cue, position
    ('booster', 'قد خرقت', 2)
    """

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
    verbs = load_lexicon("reporting_verbs")
    words: dict[str, str] = dict.fromkeys(
        verbs.loc[verbs["frame"] == "denial", "form_norm"], "dismissal"
    )
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
    phrase = " ".join(tokens[i : after + 1])  # as written: "وقد لا تصمد"
    if not past_perfect and is_imperfect(tokens[after]):
        return Cue("hedge", phrase, i)
    return Cue("booster", phrase, i)


def find_cues(text: str, tokens: list[str] | None = None) -> list[Cue]:
    """Return the hedge and booster cues of ``text`` in reading order.

    Parameters
    ----------
    text : str
        Raw or normalised text.
    tokens : list of str, optional
        ``tokenize(text)``, when the caller has it already.

    Returns
    -------
    list of Cue
        Each with ``kind`` ``"hedge"`` or ``"booster"``, the matched (normalised)
        form and the index of its first token. A whether-question is a hedge cue
        ``"هل ؟"`` at position 0.

    Examples
    --------
    >>> find_cues("ربما تكون الأنباء غير مؤكدة")[0]
    Cue(kind='hedge', cue='ربما', position=0)
    >>> [c.kind for c in find_cues("نفت الوزارة مزاعم قسد")]
    ['booster']
    >>> find_cues("هل تنسحب القوات من المدينة؟")
    [Cue(kind='hedge', cue='هل ؟', position=0)]
    >>> find_cues("إجراءات للحد من الشائعات التي قد تمس الأمن")
    []
    """
    found = cues_in_tokens(tokenize(text) if tokens is None else tokens)
    if whether_question(text):
        found.insert(0, Cue("hedge", "هل ؟", 0))
    return found


def whether_question(text: str) -> bool:
    """Whether ``text`` asks *whether*: it opens with "هل", or is a headline
    (at most :data:`HEADLINE_TOKENS` tokens) "X أم Y؟" or ending in "؟" with no
    question word.

    "هل" must open the text, or follow a short "source:" prefix; a "هل" in the
    middle of a post is most often rhetorical. What/why/how/who questions take
    their event as given and do not count, nor do rhetorical openers (أليس، ألم)
    or a question with "!".

    Examples
    --------
    >>> whether_question("بلومبيرغ: هل فقدت الإدارة فرصة الحل؟")
    True
    >>> whether_question("العراق: المتظاهرون طلاب حقوق أم أدوات للخارج؟")
    True
    >>> whether_question("رجل الأعمال وعلاقته بنفوذ الشركات على الحكومة؟")
    True
    >>> whether_question("لماذا عادت الصور إلى الشوارع؟")
    False
    >>> whether_question("الأدلة واضحة، فهل بقي عند أحد شك؟")
    False
    """
    flat = " ".join(normalize(text).split())
    if _WHETHER.match(flat):
        return True
    tokens = tokenize(flat)
    if len(tokens) > HEADLINE_TOKENS:
        return False
    return bool(_ALTERNATIVE.search(flat)) or _yes_no_question(flat, tokens)


def _yes_no_question(flat: str, tokens: list[str]) -> bool:
    """A headline that ends in "؟" with no question word asks whether ("X وعلاقته بـY؟")."""
    if not tokens or not _HEADLINE_QUESTION.match(flat) or _POST_MARKS.search(flat):
        return False  # a question mark with no word ("..؟") asks nothing
    opening = tokenize(_SOURCE_PREFIX.sub("", flat, count=1))
    if opening and strip_proclitic(opening[0], _AMBIGUOUS_QUESTION_WORDS):
        return False
    for token, following in zip(tokens, [*tokens[1:], ""], strict=True):
        if strip_proclitic(token, _QUESTION_WORDS):
            return False
        if strip_proclitic(token, _AMBIGUOUS_QUESTION_WORDS) and following in _PRONOUNS:
            return False
    return True


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
            kind = vocabulary.phrases[phrase]
            if kind != "background":
                found.append(Cue(kind, " ".join(phrase), i))
            i += len(phrase)
            continue
        qad = _qad_cue(tokens, i)
        word = strip_proclitic(tokens[i], vocabulary.words)
        if qad:
            found.append(qad)
        elif word:
            found.append(Cue(vocabulary.words[word], word, i))
        i += 1
    return _apply_dismissals(found)


def _apply_dismissals(found: list[Cue]) -> list[Cue]:
    """Turn dismissed hedge words into boosters; drop the dismissal markers."""
    marks = [cue.position for cue in found if cue.kind == "dismissal"]
    if not marks:
        return found
    return [
        cue._replace(kind="booster")
        if cue.kind == "hedge"
        and cue.cue.split()[0] not in _QAD
        and any(abs(cue.position - m) <= DISMISSAL_WINDOW for m in marks)
        else cue
        for cue in found
        if cue.kind != "dismissal"
    ]


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
