"""Attribute each sentence of an article to a speaker, a side and a reporting verb.

The rules follow ``datasets/ANNOTATION.md``:

* The **main verb** is the first finite reporting verb (perfect or imperfect form from
  the ``reporting_verbs`` lexicon, with an optional و/ف proclitic) among the first
  :data:`MAIN_VERB_WINDOW` words. A participle ("مؤكداً", "زاعمًا") after it is kept as the
  secondary verb. A neutral main verb with a distancing secondary verb ("وقال ...
  زاعمًا") gives the statement the distancing frame. A main verb negated by لم/لن is
  neutral.
* The **speaker** is, in this order: an actor alias (``actors`` lexicon) named before
  the verb in its own clause ("قسد نفت"، "غير أن قسد نفت"، "أما الإدارة فاعتبرت",
  stepping over a parenthetical or a name between commas); else the noun phrase right
  after the verb, up to a comma, a complementiser ("أن"، "إن"، "إلى"، "عن") or a
  preposition ("في"، "لل..."، "على"): an actor alias in it, or else a person. A
  person's side comes from an actor in their title ("مصدر في محافظة الحسكة"،
  "المتحدث باسم الأسايش، سيبان حسو،") or from an earlier mention by full name or
  surname ("عبدي" after "مظلوم عبدي"). An anaphoric short form ("الوزارة") resolves
  to the last actor of that kind named before it in the article. No subject at all
  ("ولفت إلى أن"، "وقالت في بيان") continues the previous speaker, as does "البيان".
* A source named **without a reporting verb** before it (``datasets/ANNOTATION.md``
  §1): "جاء/ورد في بيان (صادر عن) X" (verb kept, frame neutral), "بحسب X"، "وفق ما
  ذكره X" and a headline's "X: ..." (verb empty, frame none).
* Passive forms ("يُعتقد") and verb forms after "غير"/"عدم" ("غير مؤكدة") name no
  speaker.
* A sentence without a reporting verb is the outlet's own voice: side ``narrator``.

Examples
--------
>>> import pandas as pd
>>> articles = pd.DataFrame({"doc_id": ["a"], "text": ["وأكدت وزارة الدفاع أن الهدنة صامدة."]})
>>> extract_statements(articles)[["speaker", "side", "verb", "verb_frame"]].iloc[0].tolist()
['وزارة الدفاع', 'government', 'أكدت', 'assertive']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from toolkit.corpus import schema as S
from toolkit.corpus.normalize import normalize
from toolkit.corpus.segment import sentence_spans
from toolkit.corpus.tokens import strip_proclitic
from toolkit.lexicons.loader import load_lexicon

#: How many words from the start of a sentence the main reporting verb may stand.
MAIN_VERB_WINDOW = 12
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+|[،,:؛]|[\"“”«»]")
_BREAKS = {"،", ",", ":", "؛"}
_QUOTES = {'"', "“", "”", "«", "»"}
#: Punctuation kept as tokens; never words.
_PUNCTUATION = _BREAKS | _QUOTES
#: Words that open a prepositional phrase or a relative clause: never a subject.
_NOT_SUBJECT = {
    normalize(w)
    for w in (
        "في", "عن", "من", "مع", "خلال", "عبر", "بعد", "قبل", "عقب", "إثر",
        "منذ", "أمام", "وسط", "رغم", "حين", "لدى", "إزاء", "حول", "الذي",
        "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "ما", "بما",
    )
}  # fmt: skip
# "على" normalises to the name "علي", so it is recognised by its written form.
_ALA_SURFACES = {"على", "وعلى"}
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
#: After "غير" or "عدم" a verb form is a noun or adjective ("أنباء غير مؤكدة"،
#: "طلبت عدم ذكر اسمها"), not a reporting verb.
_NOT = {normalize("غير"), normalize("عدم")}
#: "أما X فـ<verb>": X is the subject although the verb carries ف.
_AMMA = normalize("أما")
#: "إدارة سد الفرات التابعة للإدارة الذاتية": the affiliation belongs to the subject.
_AFFILIATED = {normalize(w) for w in ("التابع", "التابعة", "التابعين")}
_TIME_WORDS = {normalize(w) for w in ("يوم", "صباح", "مساء", "ظهر", "فجر", "ليلة")}
_DAMMA = "\u064f"
_THAT = {normalize(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها")}
_CLAUSE_OPENERS = _THAT | {normalize("إلى"), normalize("عن")}
# "على" normalises to the name "علي": it opens a clause only in "على أن".
_ALA = normalize("على")
_NEGATIONS = {"لم", "لن", "ولم", "ولن"}
_FINITE = {"perfect", "imperfect"}
_EXTRA_COLUMNS = (S.VERB_LEMMA, S.VERB2, S.VERB2_FRAME)


class _Token(NamedTuple):
    surface: str  # as in the text, proclitic included
    norm: str


class _Verb(NamedTuple):
    index: int
    surface: str
    lemma: str
    frame: str
    finite: bool


class _Actor(NamedTuple):
    canonical: str
    side: str
    kind: str
    anaphor: bool


@dataclass
class _Context:
    """What an article has said so far: for anaphora and pro-drop."""

    last_speaker: tuple[str, str] | None = None
    by_kind: dict[str, _Actor] = field(default_factory=dict)
    persons: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, str, bool]]:
    lexicon = load_lexicon("reporting_verbs")
    return {
        form: (lemma, frame, kind in _FINITE)
        for form, lemma, frame, kind in lexicon[
            ["form_norm", "lemma", "frame", "form_type"]
        ].itertuples(index=False)
    }


@lru_cache(maxsize=1)
def _actors() -> dict[tuple[str, ...], _Actor]:
    lexicon = load_lexicon("actors")
    actors = {}
    for alias, canonical, side, kind, anaphor in lexicon[
        ["alias_norm", "canonical", "side", "kind", "anaphor"]
    ].itertuples(index=False):
        actors[tuple(alias.split())] = _Actor(canonical, side, kind, anaphor == "1")
    return actors


@lru_cache(maxsize=1)
def _actor_firsts() -> dict[str, list[tuple[str, ...]]]:
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for alias in sorted(_actors(), key=len, reverse=True):
        firsts.setdefault(alias[0], []).append(alias)
    return firsts


#: Word forms repeat (Zipf), so normalising each distinct form once saves most work.
_normalize_word = lru_cache(maxsize=1 << 16)(normalize)


def _tokens(sentence: str) -> list[_Token]:
    out = []
    for surface in _TOKEN.findall(sentence):
        norm = _normalize_word(surface)
        if norm:
            out.append(_Token(surface, norm))
    return out


def _strip_surface(surface: str) -> str:
    """Drop a one-letter proclitic (and its vowel marks) from a surface form."""
    rest = surface[1:]
    return re.sub(rf"^[{_MARKS}]+", "", rest)


def _find_verbs(tokens: list[_Token]) -> list[_Verb]:
    verbs = _verbs()
    found = []
    for i, token in enumerate(tokens):
        form = strip_proclitic(token.norm, verbs)
        if form is None or (i > 0 and tokens[i - 1].norm in _NOT):
            continue
        lemma, frame, finite = verbs[form]
        surface = token.surface if form == token.norm else _strip_surface(token.surface)
        if surface[1:2] == _DAMMA:  # "يُعتقد": passive, nobody is speaking
            continue
        found.append(_Verb(i, surface, lemma, frame, finite))
    return found


def _main_verb(verbs: list[_Verb], tokens: list[_Token]) -> _Verb | None:
    words = [i for i, t in enumerate(tokens) if t.norm not in _PUNCTUATION]
    window = set(words[:MAIN_VERB_WINDOW])
    early = [v for v in verbs if v.index in window]
    finite = [v for v in early if v.finite]
    chosen = (finite or early or [None])[0]
    if chosen and chosen.index > 0 and tokens[chosen.index - 1].norm in _NEGATIONS:
        return chosen._replace(frame=S.NEUTRAL_FRAME)
    return chosen


def _actor_at(norms: list[str], i: int) -> tuple[tuple[str, ...], _Actor] | None:
    word = norms[i]
    if word.startswith("لل") and "ال" + word[2:] in _actor_firsts():
        word = "ال" + word[2:]  # "للأسايش" = ل + "الأسايش"
    first = strip_proclitic(word, _actor_firsts())
    for alias in _actor_firsts().get(first or "", ()):
        if tuple(norms[i + 1 : i + len(alias)]) == alias[1:]:
            return alias, _actors()[alias]
    return None


def _first_actor(norms: list[str]) -> _Actor | None:
    for i in range(len(norms)):
        hit = _actor_at(norms, i)
        if hit:
            return hit[1]
    return None


def _segment(tokens: list[_Token], start: int, stop_at_break: bool) -> list[_Token]:
    """Tokens from ``start`` up to a complementiser (and a comma when asked)."""
    out = []
    for i in range(start, len(tokens)):
        token = tokens[i]
        opens = token.norm in _CLAUSE_OPENERS or (
            token.norm == _ALA
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in _CLAUSE_OPENERS
        )
        if opens or token.norm in _QUOTES or (stop_at_break and token.norm in _BREAKS):
            break
        if token.norm not in _BREAKS:
            out.append(token)
    return out


def _opens_phrase(token: _Token) -> bool:
    """A preposition, relative pronoun or demonstrative: no subject starts here."""
    if re.sub(rf"[{_MARKS}]", "", token.surface) in _ALA_SURFACES:
        return True
    norm = token.norm
    bare = norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm
    return norm in _NOT_SUBJECT or bare in _NOT_SUBJECT or norm.startswith("لل")


def _noun_phrase(tokens: list[_Token], following: _Token | None) -> list[_Token]:
    """``tokens`` up to the first that opens a prepositional phrase or a clause.

    "على" written with alef maqsura right before a comma or the end is the name
    علي, as in "محمد على،" ( ``following`` is the token after ``tokens``).
    """
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else following
        name_ali = token.norm == _ALA and (after is None or after.norm in _BREAKS)
        affiliated = i > 0 and tokens[i - 1].norm in _AFFILIATED
        if _opens_phrase(token) and not name_ali and not affiliated:
            return tokens[:i]
    return tokens


def _is_name(tokens: list[_Token]) -> bool:
    """Two to four words, no preposition, no actor, no time: a person's name."""
    return (
        2 <= len(tokens) <= 4
        and tokens[0].norm not in _TIME_WORDS
        and not any(_opens_phrase(t) for t in tokens)
        and _first_actor([t.norm for t in tokens]) is None
    )


def _subject_before(
    tokens: list[_Token], verb: _Verb
) -> tuple[_Actor, list[_Token]] | None:
    """An actor named before the verb in the verb's own clause ("قسد نفت ...").

    A verb with a و/ف proclitic opens its clause, so it has no subject before it,
    except after "أما" ("أما قسد فنفت"). Quoted words are skipped; a parenthetical
    or a name between commas ("الأسايش، في بيان، نفت"، "المتحدث باسم الأسايش، سيبان
    حسو، نفى") is stepped over, and the name is returned with the actor.
    """
    start = max(
        (i + 1 for i in range(verb.index) if tokens[i].norm in _CLAUSE_OPENERS),
        default=0,
    )
    if tokens[verb.index].surface != verb.surface:
        if tokens[start].norm != _AMMA:
            return None
        start += 1
    segments: list[list[_Token]] = [[]]
    quoted = False
    for token in tokens[start : verb.index]:
        if token.norm in _QUOTES:
            quoted = not quoted
        elif token.norm in _BREAKS and not quoted:
            segments.append([])
        elif not quoted:
            segments[-1].append(token)
    name: list[_Token] = []
    while len(segments) > 2 and not segments[-1] and segments[-2]:
        if _is_name(segments[-2]) and not name:
            name = segments[-2]
        elif not _opens_phrase(segments[-2][0]):
            break
        segments = segments[:-2]
    last = segments[-1]
    if not last or _opens_phrase(last[0]):
        return None
    actor = _first_actor([t.norm for t in last])
    return (actor, name) if actor else None


def _resolve(actor: _Actor, context: _Context) -> tuple[str, str]:
    if actor.anaphor and actor.kind in context.by_kind:
        named = context.by_kind[actor.kind]
        return named.canonical, named.side
    return actor.canonical, actor.side


def _person(
    name: list[_Token], title: list[_Token], context: _Context
) -> tuple[str, str]:
    """A speaker not in the lexicon: side from an actor in the title ("مصدر في
    محافظة الحسكة"), else from an earlier mention of the same person, by full name
    or surname ("عبدي" after "مظلوم عبدي")."""
    key = tuple(t.norm for t in name)
    actor = _affiliation([t.norm for t in title])
    if actor is None:
        for known, speaker in context.persons.items():
            if known[-1] == key[0] or (len(key) >= 2 and _contains(known, key)):
                return speaker
    side = actor.side if actor else S.THIRD_PARTY
    speaker = (" ".join(t.surface for t in name), side)
    context.persons[key] = speaker
    return speaker


def _affiliation(norms: list[str]) -> _Actor | None:
    """The organisation in a title: its first named actor, else a short form."""
    actors = [hit[1] for i in range(len(norms)) if (hit := _actor_at(norms, i))]
    named = [a for a in actors if not a.anaphor]
    return (named or actors or [None])[0]


def _named(
    speaker: tuple[str, str], name: list[_Token], context: _Context
) -> tuple[str, str]:
    """The person ``name`` speaking for ``speaker``'s side; remembered for later."""
    if not name:
        return speaker
    named = (" ".join(t.surface for t in name), speaker[1])
    context.persons[tuple(t.norm for t in name)] = named
    return named


def _apposition(tokens: list[_Token], end: int) -> list[_Token]:
    """The name between commas at ``end`` ("، سيبان حسو،"), or nothing."""
    if end >= len(tokens) or tokens[end].norm not in _BREAKS:
        return []
    name = _segment(tokens, end + 1, stop_at_break=True)
    return name if _is_name(name) else []


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _speaker(
    tokens: list[_Token], verb: _Verb, context: _Context
) -> tuple[str, str] | None:
    before = _subject_before(tokens, verb)
    if before:
        return _named(_resolve(before[0], context), before[1], context)
    after = _segment(tokens, verb.index + 1, stop_at_break=True)
    end = verb.index + 1 + len(after)
    phrase = _noun_phrase(after, tokens[end] if end < len(tokens) else None)[:4]
    norms = [t.norm for t in after]
    if phrase and phrase[0].norm == _A_STATEMENT:  # "وأفاد بيان لوزارة الداخلية"
        phrase = after[:4]
    elif phrase and phrase[0].norm == _THE_STATEMENT:  # "ودعا البيان"
        return context.last_speaker
    for i in range(len(phrase)):
        hit = _actor_at(norms, i)
        if hit:
            speaker = _resolve(hit[1], context)
            return _named(speaker, _apposition(tokens, end), context)
    if not phrase:
        return context.last_speaker
    rest = after[len(phrase) :]
    title = rest[:4] if rest and _opens_phrase(rest[0]) else []
    name = _apposition(tokens, end)
    if name:  # "وقال المتحدث باسم المفوضية، دلشاد عثمان، إن"
        return _person(name, phrase + title, context)
    if end < len(tokens) and tokens[end].norm in _BREAKS:
        title += _segment(tokens, end + 1, stop_at_break=True)
    return _person(phrase, title, context)


def _actor_until_break(tokens: list[_Token], start: int) -> _Actor | None:
    """The first actor from ``start`` up to punctuation or a complementiser."""
    return _first_actor([t.norm for t in _segment(tokens, start, stop_at_break=True)])


def _issuer(tokens: list[_Token], start: int) -> _Actor | None:
    """Who issued the statement named from ``start`` to a colon, a quote or
    "أن"/"إن" ("جاء في بيان صادر عن X: ..."): the first actor, else the words
    after "صادر عن" as a third party ("... صادر عن مجلس عشيرة العكيدات:")."""
    span = []
    for token in tokens[start:]:
        if token.norm == ":" or token.norm in _QUOTES or token.norm in _THAT:
            break
        span.append(token)
    norms = [t.norm for t in span]
    actor = _first_actor(norms)
    if actor is None and _FROM in norms:
        name = span[norms.index(_FROM) + 1 :][:5]
        if name and not _opens_phrase(name[0]):
            words = " ".join(t.surface for t in name if t.norm not in _BREAKS)
            return _Actor(words, S.THIRD_PARTY, "", False)
    return actor


def _verb_at(tokens: list[_Token], i: int, lemma: str) -> _Verb:
    """A neutral verb at ``i`` that is not in the lexicon ("جاء"، "ذكره")."""
    token = tokens[i]
    surface = token.surface if lemma == token.norm else _strip_surface(token.surface)
    return _Verb(i, surface, lemma, S.NEUTRAL_FRAME, True)


def _source(
    tokens: list[_Token], main: _Verb | None
) -> tuple[_Actor, _Verb | None] | None:
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
        actor = _first_actor([n for n in norms[:colon] if n not in _PUNCTUATION])
        if actor:
            return actor, None
    return None


def _remember_mentions(tokens: list[_Token], context: _Context) -> None:
    norms = [t.norm for t in tokens]
    i = 0
    while i < len(norms):
        hit = _actor_at(norms, i)
        if hit and not hit[1].anaphor:
            context.by_kind[hit[1].kind] = hit[1]
        i += len(hit[0]) if hit else 1


def attribute_sentence(sentence: str, context: _Context | None = None) -> dict:
    """Attribute one sentence; ``context`` carries what earlier sentences said.

    Parameters
    ----------
    sentence : str
        One sentence of an article.
    context : optional
        The article's running context, as kept by :func:`extract_statements`; a fresh
        one when omitted.

    Returns
    -------
    dict
        ``speaker``, ``side``, ``verb``, ``verb_lemma``, ``verb_frame``, ``verb2`` and
        ``verb2_frame``.

    Examples
    --------
    >>> attribute_sentence("زعمت قسد أن القصف طال المدنيين")["verb_frame"]
    'distancing'
    >>> attribute_sentence("تواصلت الاشتباكات في الريف")["side"]
    'narrator'
    """
    context = context if context is not None else _Context()
    tokens = _tokens(sentence)
    verbs = _find_verbs(tokens)
    main = _main_verb(verbs, tokens)
    row = {
        S.SPEAKER: "",
        S.SIDE: S.NARRATOR,
        S.VERB: "",
        S.VERB_LEMMA: "",
        S.VERB_FRAME: S.NO_FRAME,
        S.VERB2: "",
        S.VERB2_FRAME: "",
    }
    source = _source(tokens, main)
    if source is not None:
        speaker = _resolve(source[0], context)
        row[S.SPEAKER], row[S.SIDE] = speaker
        context.last_speaker = speaker
        if source[1] is not None:
            verb = source[1]
            row[S.VERB], row[S.VERB_LEMMA] = verb.surface, verb.lemma
            row[S.VERB_FRAME] = verb.frame
    elif main is not None:
        speaker = _speaker(tokens, main, context)
        secondary = next(
            (v for v in verbs if v.index > main.index and not v.finite), None
        )
        frame = main.frame
        if secondary is not None:
            row[S.VERB2], row[S.VERB2_FRAME] = secondary.surface, secondary.frame
            if frame == S.NEUTRAL_FRAME and secondary.frame == S.DISTANCING:
                frame = S.DISTANCING
        if speaker is not None:
            row[S.SPEAKER], row[S.SIDE] = speaker
            context.last_speaker = speaker
        else:
            row[S.SIDE] = S.THIRD_PARTY
        row[S.VERB], row[S.VERB_LEMMA], row[S.VERB_FRAME] = (
            main.surface,
            main.lemma,
            frame,
        )
    _remember_mentions(tokens, context)
    return row


def _article_rows(doc_id: object, text: str) -> list[dict]:
    context = _Context()
    rows = []
    for sent_id, span in enumerate(sentence_spans(text)):
        sentence = text[span.start : span.end]
        row = {
            S.DOC_ID: doc_id,
            S.SENT_ID: sent_id,
            S.PARA_ID: span.para_id,
            S.TEXT: sentence,
            S.TEXT_NORM: normalize(sentence),
            S.CHAR_START: span.start,
            S.CHAR_END: span.end,
        }
        row.update(attribute_sentence(sentence, context))
        rows.append(row)
    return rows


def extract_statements(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per sentence of every article, attributed.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table (:data:`toolkit.corpus.schema.ARTICLE_COLUMNS`); ``doc_id``
        and ``text`` are required. Rows whose text is missing or blank are rejected.

    Returns
    -------
    pandas.DataFrame
        The statements table: :data:`~toolkit.corpus.schema.STATEMENT_COLUMNS`, then
        ``verb_lemma``, ``verb2``, ``verb2_frame``, then ``outlet`` and ``date`` when
        the articles have them.

    Raises
    ------
    ValueError
        When a required column is missing, a ``doc_id`` is used twice, or a row's text
        is missing or blank; the message names the ``doc_id``.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> statements = extract_statements(load_example())
    >>> sorted(statements["side"].value_counts().items())
    [('government', 4), ('narrator', 1), ('sdc', 4)]
    """
    S.require_columns(articles, (S.DOC_ID, S.TEXT), "argument 'articles'")
    repeated = articles[S.DOC_ID].duplicated()
    if repeated.any():
        doc_id = articles[S.DOC_ID][repeated].iloc[0]
        rows = (articles[S.DOC_ID] == doc_id).to_numpy().nonzero()[0]
        raise ValueError(
            f"argument 'articles': doc_id {doc_id!r} is used by rows "
            f"{', '.join(map(str, rows))}; give each article its own doc_id "
            "(statements are keyed by doc_id and sent_id)"
        )
    rows: list[dict] = []
    meta = [c for c in (S.OUTLET, S.DATE) if c in articles.columns]
    for record in articles[[S.DOC_ID, S.TEXT, *meta]].itertuples(index=False):
        doc_id, text = record[0], record[1]
        if not isinstance(text, str) or not text.strip():
            raise ValueError(
                f"argument 'articles': doc_id {doc_id!r} has no text ({text!r}); "
                "drop or fill that row first"
            )
        article_rows = _article_rows(doc_id, text)
        for row in article_rows:
            row.update(zip(meta, record[2:], strict=True))
        rows.extend(article_rows)
    columns = [*S.STATEMENT_COLUMNS, *_EXTRA_COLUMNS, *meta]
    return pd.DataFrame(rows, columns=columns)
