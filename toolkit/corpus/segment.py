"""Sentence splitting for Arabic news prose, with character offsets.

A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``؛`` or ``…`` when whitespace, the end of
the paragraph or an Arabic letter follows (closing quotes and brackets stay with the
sentence; web copy often drops the space: "انتهى الاجتماع.وقال"), and at every
paragraph break (a blank line, or a single line break: ``\\n``, ``\\r\\n`` or ``\\r``).
Decimals ("3.5"), domains ("sana.sy", "www.x.com"), percentages ("90%"), quoted
names ('"مسد"') and punctuation before "إلخ" (et cetera: "الحواجز... إلخ") do not end
a sentence, nor does a run of punctuation that opens one ("قال. ..وأضاف" is two
sentences, the second "..وأضاف"); punctuation or emoji after a paragraph's last
sentence stay with it ("كلام جميل. 🤔" is one sentence). Invisible format
characters (:data:`toolkit.corpus.normalize.CONTROLS`: RLM, ALM, zero-width space,
BOM, bidi isolates...) are skipped: one after a full stop does not stop the split, a
line of nothing else is blank, and no sentence starts or ends with one.

Abbreviations. A full stop after initials does not end a sentence: one letter or a
chain of letters each followed by a full stop, after a space, an opening bracket or
quote (also ASCII ``"`` and ``'``), a slash, a dash, an invisible mark, or at the start
of the sentence ("د. محمد", "أ.د. محمد", "د.سليمان", 'وقال "د. محمد"', "U.S.",
"e.g.", "J. Smith"). Neither does a list number opening a sentence ("1. ", "٣."); a
number elsewhere does ("ارتفع العدد إلى 7. وقال"). A sentence that ends on initials
("... in the U.S. The ...") is therefore not split; longer Latin abbreviations
("Dr.", "etc.") are not recognised.

Date and time marks. In news copy a year with its era mark ends a clause, a clock
time goes on: the full stop after a year of four digits from 1000 to 2999 followed
by ``م`` (ميلادي), or any number followed by ``هـ`` / ``ه`` (هجري) or ``ق.م`` (before
Christ), ends the sentence ("عام 2011 م. وقال" is two sentences); after ``ص`` or
``م`` following a clock time (صباحًا، مساءً: "الساعة 10 ص. بتوقيت دمشق") it does not,
like after any initial. A sentence that really ends on a clock time ("... الساعة
10 ص. وقال") is therefore not split, and a distance of 1000 to 2999 metres written
"1500 م." splits as a year would (SI symbols take no full stop).

Examples
--------
>>> split_sentences("أكمل الجيش تمشيط 90.5% من الحي. وقال مصدر: انتهى")
['أكمل الجيش تمشيط 90.5% من الحي.', 'وقال مصدر: انتهى']
>>> split_sentences("قال أ.د. محمد إن الاجتماع انتهى عام 2011 م.وقال آخر غير ذلك")
['قال أ.د. محمد إن الاجتماع انتهى عام 2011 م.', 'وقال آخر غير ذلك']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from toolkit.corpus.normalize import ARABIC_LETTERS, CONTROLS

#: A line: ``\n``, ``\r\n`` and a lone ``\r`` (old Mac files) all end one.
_PARAGRAPH = re.compile(r"[^\r\n]+")
_INVISIBLE = re.escape(CONTROLS)
_MARKS = rf"[{_INVISIBLE}]*"
_SPACE = rf"[\s{_INVISIBLE}]*"
#: A sentence end, unless "إلخ" (et cetera) follows: "تجلطات..الخ".
_END = re.compile(
    rf"[.!?؟؛…]+[\"'»”’)\]{_INVISIBLE}]*(?=[\s{ARABIC_LETTERS}]|$)"
    rf"(?!{_SPACE}[اإ]لخ(?![{ARABIC_LETTERS}]))"
)
# Matched against the sentence so far (from its start to a candidate end), so that
# "(?<!...)" sees the start of the sentence as a space: "انتهى.د. محمد".
#: Initials ending the sentence so far: "د." "أ.د." "U.S." "e.g." after a space, an
#: opening bracket or quote (typographic or ASCII), a slash, a dash, an invisible mark,
#: or at its start.
_INITIALS = re.compile(
    rf"(?<![^\s(\[«“„‘‹\"'/—{_INVISIBLE}]){_MARKS}(?:[^\W\d_]\.{_MARKS})+$"
)
#: A list number that is the whole sentence so far: "1." "٣.".
_LIST_NUMBER = re.compile(rf"{_SPACE}\d{{1,3}}\.{_MARKS}")
#: A year with its era mark ending the sentence so far: "2011 م." "1445 هـ." "300 ق.م.".
_YEAR = re.compile(
    rf"(?<!\d)(?:[12١٢۱۲]\d{{3}}{_SPACE}م|\d+{_SPACE}(?:هـ|ه|ق\.م))\.{_MARKS}$"
)
#: How far back from a candidate end initials or a year are looked for (the look-behinds
#: still see the whole sentence so far).
_TAIL = 40
#: A letter or a digit: what a sentence needs besides punctuation and emoji.
_WORD_CHAR = re.compile(r"[^\W_]")
#: Whitespace and invisible characters: what a blank line holds and spans drop.
_BLANK = re.compile(_SPACE)


class Span(NamedTuple):
    """One sentence: its character offsets in the text and its paragraph number.

    Examples
    --------
    >>> text = "نفى الجيش ذلك. وأكدت الوزارة الخبر."
    >>> span = sentence_spans(text)[1]
    >>> span, text[span.start : span.end]
    (Span(start=15, end=35, para_id=0), 'وأكدت الوزارة الخبر.')
    """

    start: int
    end: int
    para_id: int


def sentence_spans(text: str) -> list[Span]:
    """Return the sentences of ``text`` as character spans.

    Parameters
    ----------
    text : str
        An article. Paragraphs are separated by line breaks (``\\n``, ``\\r\\n`` or
        a lone ``\\r``).

    Returns
    -------
    list of Span
        ``(start, end, para_id)`` with ``text[start:end]`` the sentence stripped of
        surrounding whitespace and invisible characters; ``para_id`` counts non-blank
        paragraphs from 0.

    Examples
    --------
    >>> text = "قال المتحدث إن الهدنة صامدة. ونفى ذلك.\\n\\nوأعلن مصدر عسكري أمرًا"
    >>> [(s.para_id, text[s.start:s.end]) for s in sentence_spans(text)]
    [(0, 'قال المتحدث إن الهدنة صامدة.'), (0, 'ونفى ذلك.'), (1, 'وأعلن مصدر عسكري أمرًا')]
    """
    spans: list[Span] = []
    para_id = 0
    for paragraph in _PARAGRAPH.finditer(text):
        if _BLANK.fullmatch(text, paragraph.start(), paragraph.end()):
            continue
        begin = paragraph.start()
        for match in _END.finditer(text, paragraph.start(), paragraph.end()):
            if not _ends_sentence(text[begin : match.end()]):
                continue
            _append(spans, text, begin, match.end(), para_id)
            begin = match.end()
        last = spans[-1] if spans else None
        if (
            last
            and last.para_id == para_id
            and not _has_word(text[begin : paragraph.end()])
        ):
            begin = spans.pop().start  # trailing emoji or dots stay with the sentence
        _append(spans, text, begin, paragraph.end(), para_id)
        para_id += 1
    return spans


def _ends_sentence(sentence: str) -> bool:
    """Whether the punctuation ending ``sentence`` (from the sentence's start) ends it.

    Examples
    --------
    >>> _ends_sentence("قال د."), _ends_sentence("بلغ 7."), _ends_sentence("عام 2011 م.")
    (False, True, True)
    >>> _ends_sentence(" .."), _ends_sentence('وقال "د.')
    (False, False)
    """
    if not _has_word(sentence):
        return False  # a run of punctuation opening a sentence joins it: "..وأضاف"
    tail = max(0, len(sentence) - _TAIL)  # where a year or initials could start
    if _YEAR.search(sentence, tail):
        return True
    return not (_INITIALS.search(sentence, tail) or _LIST_NUMBER.fullmatch(sentence))


def _has_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit, not only punctuation or emoji."""
    return _WORD_CHAR.search(text) is not None


def _append(spans: list[Span], text: str, start: int, end: int, para_id: int) -> None:
    start = _BLANK.match(text, start, end).end()
    while end > start and _BLANK.fullmatch(text[end - 1]):
        end -= 1
    if end > start:
        spans.append(Span(start, end, para_id))


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        An article or paragraph.

    Returns
    -------
    list of str
        The sentences, in order, without surrounding whitespace.

    Examples
    --------
    >>> split_sentences('اتهم "مسد" القوات؟ نعم! وأكدت الوزارة؛ ثم انتهى')
    ['اتهم "مسد" القوات؟', 'نعم!', 'وأكدت الوزارة؛', 'ثم انتهى']
    """
    return [text[s.start : s.end] for s in sentence_spans(text)]
