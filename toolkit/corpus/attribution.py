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
  surname ("عبدي" after "مظلوم عبدي", a ``person`` of the lexicon, or after
  "المتحدث باسم قسد فرهاد شامي", a name closing the subject without commas, which
  takes the organisation as speaker). An anaphoric short form ("الوزارة") resolves
  to the last actor of that kind named before it in the article. No subject at all
  ("ولفت إلى أن"، "وقالت في بيان") continues the previous speaker, as does "البيان".
* A source named **without a reporting verb** before it (``datasets/ANNOTATION.md``
  §1): "جاء/ورد في بيان (صادر عن) X" (verb kept, frame neutral), "بحسب X"، "وفق ما
  ذكره X" and a headline's "X: ..." (verb empty, frame none).
* Passive forms ("يُعتقد") and verb forms after "غير"/"عدم" ("غير مؤكدة") name no
  speaker.
* A sentence without a reporting verb is the outlet's own voice: side ``narrator``.
  Unless it continues a quotation: a sentence that starts inside quotation marks
  opened earlier in its paragraph belongs to whoever opened them.

This module finds the verbs and assembles the rows; the speaker rules are in
``toolkit/corpus/_speakers.py``, the tokens, actor look-up and phrase boundaries they
share in ``toolkit/corpus/_phrases.py``. :mod:`toolkit.corpus.attribution_check`
measures the result against a human annotation.

Examples
--------
>>> import pandas as pd
>>> articles = pd.DataFrame({"doc_id": ["a"], "text": ["وأكدت وزارة الدفاع أن الهدنة صامدة."]})
>>> extract_statements(articles)[["speaker", "side", "verb", "verb_frame"]].iloc[0].tolist()
['وزارة الدفاع', 'government', 'أكدت', 'assertive']
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from toolkit.corpus import schema as S
from toolkit.corpus._phrases import (
    MAIN_VERB_WINDOW,
    PUNCTUATION,
    Token,
    Verb,
    strip_surface,
    tokenize_sentence,
)
from toolkit.corpus._speakers import (
    Context,
    find_source,
    find_speaker,
    remember_mentions,
    resolve,
)
from toolkit.corpus.normalize import has_visible_text, normalize
from toolkit.corpus.segment import sentence_spans
from toolkit.corpus.tokens import strip_proclitic
from toolkit.lexicons.loader import load_lexicon

#: After "غير" or "عدم" a verb form is a noun or adjective ("أنباء غير مؤكدة"،
#: "طلبت عدم ذكر اسمها"), not a reporting verb.
_NOT = {normalize("غير"), normalize("عدم")}
_DAMMA = "\u064f"
_NEGATIONS = {"لم", "لن", "ولم", "ولن"}
_FINITE = {"perfect", "imperfect"}
_EXTRA_COLUMNS = (S.VERB_LEMMA, S.VERB2, S.VERB2_FRAME)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, str, bool]]:
    """Normalised form -> (lemma, frame, finite) from the ``reporting_verbs`` lexicon."""
    lexicon = load_lexicon("reporting_verbs")
    return {
        form: (lemma, frame, kind in _FINITE)
        for form, lemma, frame, kind in lexicon[
            ["form_norm", "lemma", "frame", "form_type"]
        ].itertuples(index=False)
    }


def _find_verbs(tokens: list[Token]) -> list[Verb]:
    """Reporting verbs of the sentence, skipping passives and forms after غير/عدم."""
    verbs = _verbs()
    found = []
    for i, token in enumerate(tokens):
        form = strip_proclitic(token.norm, verbs)
        if form is None or (i > 0 and tokens[i - 1].norm in _NOT):
            continue
        lemma, frame, finite = verbs[form]
        surface = token.surface if form == token.norm else strip_surface(token.surface)
        if surface[1:2] == _DAMMA:  # "يُعتقد": passive, nobody is speaking
            continue
        found.append(Verb(i, surface, lemma, frame, finite))
    return found


def _main_verb(verbs: list[Verb], tokens: list[Token]) -> Verb | None:
    """The first finite reporting verb in the window (else the first participle)."""
    words = [i for i, t in enumerate(tokens) if t.norm not in PUNCTUATION]
    window = set(words[:MAIN_VERB_WINDOW])
    early = [v for v in verbs if v.index in window]
    finite = [v for v in early if v.finite]
    chosen = (finite or early or [None])[0]
    if chosen and chosen.index > 0 and tokens[chosen.index - 1].norm in _NEGATIONS:
        return chosen._replace(frame=S.NEUTRAL_FRAME)
    return chosen


def attribute_sentence(sentence: str, context: Context | None = None) -> dict:
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
    context = context if context is not None else Context()
    tokens = tokenize_sentence(sentence)
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
    source = find_source(tokens, main)
    if source is not None:
        speaker = resolve(source[0], context)
        row[S.SPEAKER], row[S.SIDE] = speaker
        context.last_speaker = speaker
        if source[1] is not None:
            verb = source[1]
            row[S.VERB], row[S.VERB_LEMMA] = verb.surface, verb.lemma
            row[S.VERB_FRAME] = verb.frame
    elif main is not None:
        speaker = find_speaker(tokens, main, context)
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
    remember_mentions(tokens, context)
    return row


#: The characters that open, close or toggle a quotation.
_QUOTE_MARK = re.compile('[«»“”"]')


def quote_open_after(sentence: str, open_at_start: bool = False) -> bool:
    """Whether a quotation is still open at the end of ``sentence``.

    « opens a quotation and » closes it. The double quotes ", “ and ” toggle it:
    Arabic text often has the curly ones the other way round (”...“), so their
    direction is not trusted.

    Parameters
    ----------
    sentence : str
        The sentence, as written.
    open_at_start : bool, default False
        Whether a quotation opened earlier is still open where it starts.

    Examples
    --------
    >>> quote_open_after('قال: "القوات تقصف الأحياء.')
    True
    >>> quote_open_after('نحن لن نتراجع".', open_at_start=True)
    False
    """
    is_open = open_at_start
    for character in _QUOTE_MARK.findall(sentence):
        if character == "«":
            is_open = True
        elif character == "»":
            is_open = False
        else:
            is_open = not is_open
    return is_open


def _article_rows(doc_id: object, text: str) -> list[dict]:
    """One attributed row per sentence of an article, in order.

    A sentence that starts inside a quotation opened by an earlier sentence of the
    same paragraph, and has no reporting verb of its own, continues that quotation:
    it gets the speaker, side and verbs of the sentence that opened it.
    """
    context = Context()
    rows = []
    quoted: dict | None = None  # attribution of the quotation still open
    paragraph = None
    for sent_id, span in enumerate(sentence_spans(text)):
        sentence = text[span.start : span.end]
        if span.para_id != paragraph:
            quoted, paragraph = None, span.para_id
        row = {
            S.DOC_ID: doc_id,
            S.SENT_ID: sent_id,
            S.PARA_ID: span.para_id,
            S.TEXT: sentence,
            S.TEXT_NORM: normalize(sentence),
            S.CHAR_START: span.start,
            S.CHAR_END: span.end,
        }
        attributed = attribute_sentence(sentence, context)
        if quoted is not None and attributed[S.SIDE] == S.NARRATOR:
            attributed = dict(quoted)
        quoted = attributed if quote_open_after(sentence, quoted is not None) else None
        row.update(attributed)
        rows.append(row)
    return rows


def check_articles(articles: pd.DataFrame, what: str = "argument 'articles'") -> None:
    """Raise unless ``articles`` is a table :func:`extract_statements` can attribute.

    Runs before any work, so a mistake in a large corpus fails at once.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table to check.
    what : str
        How to name the table in messages.

    Raises
    ------
    TypeError
        When ``articles`` is not a DataFrame.
    ValueError
        Naming the column, ``doc_id`` or rows at fault, when: ``doc_id`` or
        ``text`` is missing or a column name occurs twice; a ``doc_id`` is empty,
        or used by two rows, also as values that differ only by type (``1`` and
        ``"1"``, which ``statements.csv`` writes alike); or a row's text is
        missing, blank or not a string.

    Examples
    --------
    >>> check_articles(pd.DataFrame({"doc_id": [1, "1"], "text": ["قال", "أكد"]}))
    Traceback (most recent call last):
    ...
    ValueError: argument 'articles': doc_id 1 (int) in row 0 and '1' (str) in row 1 differ only by type, so statements.csv and the per-article statistics would take them for one article; ...
    """
    S.require_columns(articles, (S.DOC_ID, S.TEXT), what)
    S.check_unique_columns(articles, what)
    ids = articles[S.DOC_ID].reset_index(drop=True)
    empty = ids.isna() | (ids.astype(str).str.strip() == "")
    if empty.any():
        row = int(empty.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"{what}: row {row} has an empty doc_id ({ids[row]!r}); give each "
            "article its own doc_id (statements are keyed by doc_id and sent_id)"
        )
    written = ids.astype(str)  # as statements.csv will write them
    repeated = ids.duplicated(keep=False) | written.duplicated(keep=False)
    if repeated.any():
        first = int(repeated.to_numpy().nonzero()[0][0])
        same = (ids == ids[first]) | (written == written[first])
        rows = same.to_numpy().nonzero()[0]
        if len({type(ids[row]) for row in rows}) == 1:
            raise ValueError(
                f"{what}: doc_id {ids[first]!r} is used by rows "
                f"{', '.join(map(str, rows))}; give each article its own doc_id "
                "(statements are keyed by doc_id and sent_id)"
            )
        listed = " and ".join(
            f"{ids[row]!r} ({type(ids[row]).__name__}) in row {row}" for row in rows
        )
        raise ValueError(
            f"{what}: doc_id {listed} differ only by type, so statements.csv and "
            "the per-article statistics would take them for one article; give each "
            "article its own doc_id, all of one type (e.g. articles['doc_id']"
            ".astype(str))"
        )
    texts = articles[S.TEXT].reset_index(drop=True)
    bad = ~texts.map(has_visible_text)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"{what}: doc_id {ids[row]!r} has no text ({texts[row]!r}); "
            "drop or fill that row first"
        )


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
    TypeError, ValueError
        When ``articles`` is not an articles table; see :func:`check_articles`.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> statements = extract_statements(load_example())
    >>> sorted(statements["side"].value_counts().items())
    [('government', 4), ('narrator', 1), ('sdc', 4)]
    """
    check_articles(articles)
    rows: list[dict] = []
    meta = [c for c in (S.OUTLET, S.DATE) if c in articles.columns]
    for record in articles[[S.DOC_ID, S.TEXT, *meta]].itertuples(index=False):
        article_rows = _article_rows(record[0], record[1])
        for row in article_rows:
            row.update(zip(meta, record[2:], strict=True))
        rows.extend(article_rows)
    columns = [*S.STATEMENT_COLUMNS, *_EXTRA_COLUMNS, *meta]
    return pd.DataFrame(rows, columns=columns)
