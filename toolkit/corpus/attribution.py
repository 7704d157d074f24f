"""Attribute each sentence of an article to a speaker, a side and a reporting verb.

The rules follow ``datasets/ANNOTATION.md``:

* The **main verb** is the first finite reporting verb (perfect or imperfect form from
  the ``reporting_verbs`` lexicon, with an optional و/ف proclitic) among the first
  :data:`MAIN_VERB_WINDOW` words. A participle ("مؤكداً", "زاعمًا") after it is kept as the
  secondary verb. A neutral main verb with a distancing secondary verb ("وقال ...
  زاعمًا") gives the statement the distancing frame. A main verb negated by لم/لن is
  neutral.
* The **speaker** is the first actor alias (``actors`` lexicon) right after the verb, up
  to the first comma or the complementiser ("أن"، "إن"، "إلى"، "على"). Subject-first
  order ("الوزارة أكدت") is also found. An anaphoric short form ("الوزارة") resolves to the
  last actor of that kind named before it in the article. A name not in the lexicon is a
  person: their side comes from an actor named in their title ("... في مسد") or from an
  earlier mention of the same person ("محمد علي" after "حسن محمد علي"). No subject at all
  ("ولفت إلى أن") continues the previous speaker.
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
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+|[،,:؛]")
_BREAKS = {"،", ",", ":", "؛"}
_CLAUSE_OPENERS = {
    normalize(w)
    for w in ("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها", "إلى", "عن")
}
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
        if form is None:
            continue
        lemma, frame, finite = verbs[form]
        surface = token.surface if form == token.norm else _strip_surface(token.surface)
        found.append(_Verb(i, surface, lemma, frame, finite))
    return found


def _main_verb(verbs: list[_Verb], tokens: list[_Token]) -> _Verb | None:
    words = [i for i, t in enumerate(tokens) if t.norm not in _BREAKS]
    window = set(words[:MAIN_VERB_WINDOW])
    early = [v for v in verbs if v.index in window]
    finite = [v for v in early if v.finite]
    chosen = (finite or early or [None])[0]
    if chosen and chosen.index > 0 and tokens[chosen.index - 1].norm in _NEGATIONS:
        return chosen._replace(frame=S.NEUTRAL_FRAME)
    return chosen


def _actor_at(norms: list[str], i: int) -> tuple[tuple[str, ...], _Actor] | None:
    first = strip_proclitic(norms[i], _actor_firsts())
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
        if opens or (stop_at_break and token.norm in _BREAKS):
            break
        if token.norm not in _BREAKS:
            out.append(token)
    return out


def _resolve(actor: _Actor, context: _Context) -> tuple[str, str]:
    if actor.anaphor and actor.kind in context.by_kind:
        named = context.by_kind[actor.kind]
        return named.canonical, named.side
    return actor.canonical, actor.side


def _person(
    name: list[_Token], title: list[_Token], context: _Context
) -> tuple[str, str]:
    key = tuple(t.norm for t in name)
    for known, speaker in context.persons.items():
        if len(key) >= 2 and _contains(known, key):
            return speaker
    actor = _first_actor([t.norm for t in title])
    side = actor.side if actor else S.THIRD_PARTY
    speaker = (" ".join(t.surface for t in name), side)
    context.persons[key] = speaker
    return speaker


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _speaker(
    tokens: list[_Token], verb: _Verb, context: _Context
) -> tuple[str, str] | None:
    after = _segment(tokens, verb.index + 1, stop_at_break=True)
    norms = [t.norm for t in after]
    if norms:
        for i in range(len(norms)):
            hit = _actor_at(norms, i)
            if hit:
                return _resolve(hit[1], context)
        title = _segment(tokens, verb.index + 1 + len(after), stop_at_break=False)
        return _person(after[:4], title, context)
    before = [t.norm for t in tokens[: verb.index] if t.norm not in _BREAKS]
    subject = _first_actor(before)
    if subject:
        return _resolve(subject, context)
    return context.last_speaker


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
    if main is not None:
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
