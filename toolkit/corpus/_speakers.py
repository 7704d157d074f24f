"""Who speaks in a sentence: the subject of its reporting verb, or a named source.

The rules are listed in :mod:`toolkit.corpus.attribution`, which calls
:func:`find_speaker` (the speaker of a reporting verb) and :func:`find_source` (a
source named without one: "جاء في بيان ..."، "بحسب X"، "X: ..."). A :class:`Context`
carries what earlier sentences of the article said, for anaphora, surnames and
pro-drop.

Examples
--------
>>> from toolkit.corpus._phrases import Verb, tokenize_sentence
>>> tokens = tokenize_sentence("قسد نفت ذلك")
>>> find_speaker(tokens, Verb(1, "نفت", "نفى", "denial", True), Context())
('قوات سوريا الديمقراطية', 'sdc')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.corpus import schema as S
from toolkit.corpus._phrases import (
    BREAKS,
    CLAUSE_OPENERS,
    MAIN_VERB_WINDOW,
    PUNCTUATION,
    QUOTES,
    THAT,
    Actor,
    Token,
    Verb,
    actor_at,
    contains,
    first_actor,
    is_name,
    noun_phrase,
    opens_phrase,
    segment,
    strip_surface,
)
from toolkit.corpus.normalize import normalize
from toolkit.corpus.tokens import strip_proclitic

#: "بحسب X" / "وفق X" attribute to X (ANNOTATION.md §1).
_ACCORDING_TO = {normalize(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "وفقًا")}
#: "جاء في بيان ... X:" and its kin: the verb is followed by "في".
_STATEMENT_VERBS = {normalize(w) for w in ("جاء", "ورد", "نص")}
_STATEMENT_OPENERS = {normalize(w) for w in ("في", "بيان")}
_FROM = normalize("عن")
#: "ودعا البيان ...": the statement's issuer is the last speaker; "أفاد بيان لـX":
#: X is.
_THE_STATEMENT = normalize("البيان")
_A_STATEMENT = normalize("بيان")
#: "أما X فـ<verb>": X is the subject although the verb carries ف.
_AMMA = normalize("أما")
#: Kind of the actors lexicon's named people ("مظلوم عبدي").
PERSON = "person"


@dataclass
class Context:
    """What an article has said so far: for anaphora and pro-drop."""

    last_speaker: tuple[str, str] | None = None
    by_kind: dict[str, Actor] = field(default_factory=dict)
    persons: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)


def _subject_before(
    tokens: list[Token], verb: Verb
) -> tuple[Actor, list[Token]] | None:
    """An actor named before the verb in the verb's own clause ("قسد نفت ...").

    A verb with a و/ف proclitic opens its clause, so it has no subject before it,
    except after "أما" ("أما قسد فنفت"). Quoted words are skipped; a parenthetical
    or a name between commas ("الأسايش، في بيان، نفت"، "المتحدث باسم الأسايش، سيبان
    حسو، نفى") is stepped over, and the name is returned with the actor.
    """
    start = max(
        (i + 1 for i in range(verb.index) if tokens[i].norm in CLAUSE_OPENERS),
        default=0,
    )
    if tokens[verb.index].surface != verb.surface:
        if tokens[start].norm != _AMMA:
            return None
        start += 1
    segments: list[list[Token]] = [[]]
    quoted = False
    for token in tokens[start : verb.index]:
        if token.norm in QUOTES:
            quoted = not quoted
        elif quoted:
            continue
        elif token.norm in BREAKS:
            segments.append([])
        else:
            segments[-1].append(token)
    name: list[Token] = []
    while len(segments) > 2 and not segments[-1] and segments[-2]:
        if is_name(segments[-2]) and not name:
            name = segments[-2]
        elif not opens_phrase(segments[-2][0]):
            break
        segments = segments[:-2]
    last = segments[-1]
    if not last or opens_phrase(last[0]):
        return None
    actor = first_actor([t.norm for t in last])
    return (actor, name) if actor else None


def resolve(actor: Actor, context: Context) -> tuple[str, str]:
    """Canonical name and side of ``actor``; a short form ("الوزارة") takes those
    of the last actor of its kind named in the article."""
    if actor.anaphor and actor.kind in context.by_kind:
        named = context.by_kind[actor.kind]
        return named.canonical, named.side
    return actor.canonical, actor.side


def _person(name: list[Token], title: list[Token], context: Context) -> tuple[str, str]:
    """A speaker not in the lexicon: side from an actor in the title ("مصدر في
    محافظة الحسكة"), else from an earlier mention of the same person, by full name
    or surname ("عبدي" after "مظلوم عبدي")."""
    key = tuple(t.norm for t in name)
    actor = _affiliation([t.norm for t in title])
    if actor is None:
        for known, speaker in context.persons.items():
            if known[-1] == key[0] or (len(key) >= 2 and contains(known, key)):
                return speaker
    side = actor.side if actor else S.THIRD_PARTY
    speaker = (" ".join(t.surface for t in name), side)
    context.persons[key] = speaker
    return speaker


def _affiliation(norms: list[str]) -> Actor | None:
    """The organisation in a title: its first named actor, else a short form."""
    actors = [hit[1] for i in range(len(norms)) if (hit := actor_at(norms, i))]
    named = [a for a in actors if not a.anaphor]
    return (named or actors or [None])[0]


def _named(
    speaker: tuple[str, str], name: list[Token], context: Context
) -> tuple[str, str]:
    """The person ``name`` speaking for ``speaker``'s side; remembered for later."""
    if not name:
        return speaker
    named = (" ".join(t.surface for t in name), speaker[1])
    context.persons[tuple(t.norm for t in name)] = named
    return named


def _trailing_name(after: list[Token], start: int) -> list[Token]:
    """The name closing a subject after its organisation, without commas
    ("المتحدث باسم قسد فرهاد شامي"، "القائد العام لقسد مظلوم عبدي"), or nothing."""
    rest = after[start:]
    if is_name(rest):
        return rest
    hit = actor_at([t.norm for t in rest], 0) if rest else None
    if hit and hit[1].kind == PERSON and len(hit[0]) == len(rest):
        return rest
    return []


def _apposition(tokens: list[Token], end: int) -> list[Token]:
    """The name between commas at ``end`` ("، سيبان حسو،"), or nothing."""
    if end >= len(tokens) or tokens[end].norm not in BREAKS:
        return []
    name = segment(tokens, end + 1, stop_at_break=True)
    return name if is_name(name) else []


def find_speaker(
    tokens: list[Token], verb: Verb, context: Context
) -> tuple[str, str] | None:
    """Speaker and side of the reporting ``verb`` (rules in
    :mod:`toolkit.corpus.attribution`); ``None`` when nobody is named or remembered."""
    before = _subject_before(tokens, verb)
    if before:
        return _named(resolve(before[0], context), before[1], context)
    after = segment(tokens, verb.index + 1, stop_at_break=True)
    end = verb.index + 1 + len(after)
    phrase = noun_phrase(after, tokens[end] if end < len(tokens) else None)[:4]
    norms = [t.norm for t in after]
    if phrase and phrase[0].norm == _A_STATEMENT:  # "وأفاد بيان لوزارة الداخلية"
        phrase = after[:4]
    elif phrase and phrase[0].norm == _THE_STATEMENT:  # "ودعا البيان"
        return context.last_speaker
    for i in range(len(phrase)):
        hit = actor_at(norms, i)
        if hit:
            alias, actor = hit
            speaker = resolve(actor, context)
            if actor.kind == PERSON:  # "مظلوم عبدي": "عبدي" later is him
                context.persons[alias] = speaker
            name = _apposition(tokens, end)
            if name:
                return _named(speaker, name, context)
            trailing = _trailing_name(after, i + len(alias))
            if trailing:  # remembered for a later surname; the speaker stays the actor
                context.persons[tuple(t.norm for t in trailing)] = speaker
            return speaker
    if not phrase:
        return context.last_speaker
    rest = after[len(phrase) :]
    title = rest[:4] if rest and opens_phrase(rest[0]) else []
    name = _apposition(tokens, end)
    if name:  # "وقال المتحدث باسم المفوضية، دلشاد عثمان، إن"
        return _person(name, phrase + title, context)
    if end < len(tokens) and tokens[end].norm in BREAKS:
        title += segment(tokens, end + 1, stop_at_break=True)
    return _person(phrase, title, context)


def _actor_until_break(tokens: list[Token], start: int) -> Actor | None:
    """The first actor from ``start`` up to punctuation or a complementiser."""
    return first_actor([t.norm for t in segment(tokens, start, stop_at_break=True)])


def _issuer(tokens: list[Token], start: int) -> Actor | None:
    """Who issued the statement named from ``start`` to a colon, a quote or
    "أن"/"إن" ("جاء في بيان صادر عن X: ..."): the first actor, else the words
    after "صادر عن" as a third party ("... صادر عن مجلس عشيرة العكيدات:")."""
    span = []
    for token in tokens[start:]:
        if token.norm == ":" or token.norm in QUOTES or token.norm in THAT:
            break
        span.append(token)
    norms = [t.norm for t in span]
    actor = first_actor(norms)
    if actor is None and _FROM in norms:
        name = span[norms.index(_FROM) + 1 :][:5]
        if name and not opens_phrase(name[0]):
            words = " ".join(t.surface for t in name if t.norm not in BREAKS)
            return Actor(words, S.THIRD_PARTY, "", False)
    return actor


def _verb_at(tokens: list[Token], i: int, lemma: str) -> Verb:
    """A neutral verb at ``i`` that is not in the lexicon ("جاء"، "ذكره")."""
    token = tokens[i]
    surface = token.surface if lemma == token.norm else strip_surface(token.surface)
    return Verb(i, surface, lemma, S.NEUTRAL_FRAME, True)


def find_source(
    tokens: list[Token], main: Verb | None
) -> tuple[Actor, Verb | None] | None:
    """A source named without a reporting verb before it (ANNOTATION.md §1).

    "جاء في بيان لـX: ..." and "ورد في بيان صادر عن X" (the verb is kept, frame
    neutral); "بحسب X" / "وفق ما ذكره X" (verb empty, or the verb after "ما");
    a headline's "X: ...". Only before the main reporting verb, if any.
    """
    norms = [t.norm for t in tokens]
    limit = main.index if main is not None else len(tokens)
    for i in range(limit):
        word = strip_proclitic(norms[i], _STATEMENT_VERBS | _ACCORDING_TO)
        if word in _STATEMENT_VERBS and i < MAIN_VERB_WINDOW and i + 1 < len(norms):
            actor = _issuer(tokens, i + 1)
            if actor and norms[i + 1] in _STATEMENT_OPENERS:
                return actor, _verb_at(tokens, i, word)
        elif word in _ACCORDING_TO:
            said = i + 2 < len(norms) and norms[i + 1] == "ما"
            actor = _actor_until_break(tokens, i + 3 if said else i + 1)
            if actor:
                verb = _verb_at(tokens, i + 2, norms[i + 2]) if said else None
                return actor, verb
    colon = next((i for i in range(min(limit, 8)) if norms[i] == ":"), None)
    if colon is not None:
        actor = first_actor([n for n in norms[:colon] if n not in PUNCTUATION])
        if actor:
            return actor, None
    return None


def remember_mentions(tokens: list[Token], context: Context) -> None:
    """Record every full actor name of the sentence, for later short forms."""
    norms = [t.norm for t in tokens]
    i = 0
    while i < len(norms):
        hit = actor_at(norms, i)
        if hit and not hit[1].anaphor:
            context.by_kind[hit[1].kind] = hit[1]
        i += len(hit[0]) if hit else 1
