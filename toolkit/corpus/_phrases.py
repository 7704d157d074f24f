"""The building blocks of attribution: tokens, actor names and phrase boundaries.

:mod:`toolkit.corpus.attribution` reads a sentence as :class:`Token` s (surface form and
normalised form; punctuation and quotes are tokens too), finds actor aliases of the
``actors`` lexicon in them (:func:`actor_at`, :func:`first_actor`) and cuts them into
the spans its rules look at: up to a complementiser or a comma (:func:`segment`), a noun
phrase up to a preposition (:func:`noun_phrase`), a person's name (:func:`is_name`).

Examples
--------
>>> tokens = tokenize_sentence("وقال المتحدث باسم قسد، في بيان، إن الهجوم فشل")
>>> [t.norm for t in segment(tokens, 1, stop_at_break=True)]
['المتحدث', 'باسم', 'قسد']
>>> first_actor(["المتحدث", "باسم", "قسد"]).canonical
'قوات سوريا الديمقراطية'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from toolkit.corpus.normalize import STEPS, normalize
from toolkit.corpus.tokens import strip_proclitic
from toolkit.lexicons.loader import load_lexicon

#: How many words from the start of a sentence the main reporting verb may stand.
MAIN_VERB_WINDOW = 12
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
TOKEN_PATTERN = re.compile(rf"(?:[^\W_]|[{MARKS}])+|[،,:؛]|[\"“”«»]")
BREAKS = {"،", ",", ":", "؛"}
QUOTES = {'"', "“", "”", "«", "»"}
#: Punctuation kept as tokens; never words.
PUNCTUATION = BREAKS | QUOTES
#: Words that open a prepositional phrase or a relative clause: never a subject.
NOT_SUBJECT = {
    normalize(w)
    for w in (
        "في", "عن", "من", "مع", "خلال", "عبر", "بعد", "قبل", "عقب", "إثر",
        "منذ", "أمام", "وسط", "رغم", "حين", "لدى", "إزاء", "حول", "الذي",
        "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "ما", "بما",
    )
}  # fmt: skip
# "على" normalises to the name "علي", so it is recognised by its written form.
ALA_SURFACES = {"على", "وعلى"}
#: "إدارة سد الفرات التابعة للإدارة الذاتية": the affiliation belongs to the subject.
AFFILIATED = {normalize(w) for w in ("التابع", "التابعة", "التابعين")}
TIME_WORDS = {normalize(w) for w in ("يوم", "صباح", "مساء", "ظهر", "فجر", "ليلة")}
THAT = {normalize(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها")}
CLAUSE_OPENERS = THAT | {normalize("إلى"), normalize("عن")}
# "على" normalises to the name "علي": it opens a clause only in "على أن".
ALA = normalize("على")


class Token(NamedTuple):
    """A word or punctuation mark: as written (proclitic included) and normalised."""

    surface: str  # as written (proclitic included), composed, invisible marks removed
    norm: str


class Verb(NamedTuple):
    """A reporting verb found at token ``index``, with its lemma and frame."""

    index: int
    surface: str
    lemma: str
    frame: str
    finite: bool


class Actor(NamedTuple):
    """An entry of the ``actors`` lexicon; ``anaphor`` marks short forms (الوزارة)."""

    canonical: str
    side: str
    kind: str
    anaphor: bool


@lru_cache(maxsize=1)
def actor_lexicon() -> dict[tuple[str, ...], Actor]:
    """Alias (tuple of normalised words) -> actor, from the ``actors`` lexicon."""
    lexicon = load_lexicon("actors")
    actors = {}
    for alias, canonical, side, kind, anaphor in lexicon[
        ["alias_norm", "canonical", "side", "kind", "anaphor"]
    ].itertuples(index=False):
        actors[tuple(alias.split())] = Actor(canonical, side, kind, anaphor == "1")
    return actors


@lru_cache(maxsize=1)
def actor_firsts() -> dict[str, list[tuple[str, ...]]]:
    """First word of an alias -> its aliases, longest first."""
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for alias in sorted(actor_lexicon(), key=len, reverse=True):
        firsts.setdefault(alias[0], []).append(alias)
    return firsts


#: Word forms repeat (Zipf), so normalising each distinct form once saves most work.
normalize_word = lru_cache(maxsize=1 << 16)(normalize)
#: Only the ``controls`` step: the text as written, composed (NFC) and without
#: invisible characters.
_ONLY_CONTROLS = {step: step == "controls" for step in STEPS}


def tokenize_sentence(sentence: str) -> list[Token]:
    """The tokens of ``sentence``; empty ones (after normalising) are dropped.

    Invisible characters (:data:`toolkit.corpus.normalize.CONTROLS`) are removed
    and the text is composed (NFC) first, so a zero-width space or soft hyphen inside
    a word does not split it, no surface form holds one, and decomposed text gives
    the same surface forms as composed text.

    Examples
    --------
    >>> [t.surface for t in tokenize_sentence("وقالت وزارة الدف\\u200bاع\\u200f:")]
    ['وقالت', 'وزارة', 'الدفاع', ':']
    """
    out = []
    visible = normalize(sentence, **_ONLY_CONTROLS)
    for surface in TOKEN_PATTERN.findall(visible):
        norm = normalize_word(surface)
        if norm:
            out.append(Token(surface, norm))
    return out


def strip_surface(surface: str) -> str:
    """Drop a one-letter proclitic (and its vowel marks) from a surface form."""
    rest = surface[1:]
    return re.sub(rf"^[{MARKS}]+", "", rest)


def actor_at(norms: list[str], i: int) -> tuple[tuple[str, ...], Actor] | None:
    """The longest actor alias starting at word ``i`` (one proclitic allowed), if any."""
    word = norms[i]
    if word.startswith("لل") and "ال" + word[2:] in actor_firsts():
        word = "ال" + word[2:]  # "للأسايش" = ل + "الأسايش"
    first = strip_proclitic(word, actor_firsts())
    for alias in actor_firsts().get(first or "", ()):
        if tuple(norms[i + 1 : i + len(alias)]) == alias[1:]:
            return alias, actor_lexicon()[alias]
    return None


def first_actor(norms: list[str]) -> Actor | None:
    """The first actor named in ``norms``, if any."""
    for i in range(len(norms)):
        hit = actor_at(norms, i)
        if hit:
            return hit[1]
    return None


def segment(tokens: list[Token], start: int, stop_at_break: bool) -> list[Token]:
    """Tokens from ``start`` up to a complementiser (and a comma when asked)."""
    out = []
    for i in range(start, len(tokens)):
        token = tokens[i]
        opens = token.norm in CLAUSE_OPENERS or (
            token.norm == ALA
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in CLAUSE_OPENERS
        )
        if opens or token.norm in QUOTES or (stop_at_break and token.norm in BREAKS):
            break
        if token.norm not in BREAKS:
            out.append(token)
    return out


def opens_phrase(token: Token) -> bool:
    """A preposition, relative pronoun or demonstrative: no subject starts here."""
    if re.sub(rf"[{MARKS}]", "", token.surface) in ALA_SURFACES:
        return True
    norm = token.norm
    bare = norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm
    return norm in NOT_SUBJECT or bare in NOT_SUBJECT or norm.startswith("لل")


def noun_phrase(tokens: list[Token], following: Token | None) -> list[Token]:
    """``tokens`` up to the first that opens a prepositional phrase or a clause.

    "على" written with alef maqsura right before a comma or the end is the name
    علي, as in "محمد على،" ( ``following`` is the token after ``tokens``).
    """
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else following
        name_ali = token.norm == ALA and (after is None or after.norm in BREAKS)
        affiliated = i > 0 and tokens[i - 1].norm in AFFILIATED
        if opens_phrase(token) and not name_ali and not affiliated:
            return tokens[:i]
    return tokens


def is_name(tokens: list[Token]) -> bool:
    """Two to four words, no preposition, no actor, no time: a person's name."""
    return (
        2 <= len(tokens) <= 4
        and tokens[0].norm not in TIME_WORDS
        and not any(opens_phrase(t) for t in tokens)
        and first_actor([t.norm for t in tokens]) is None
    )


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` occurs as a run inside ``longer``."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
