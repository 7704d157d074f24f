"""Sentence splitting for Arabic news prose, with character offsets.

A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``؛`` or ``…`` when whitespace or the end of
the paragraph follows (closing quotes and brackets stay with the sentence), and at every
paragraph break (a blank line, or a single line break: ``\\n``, ``\\r\\n`` or ``\\r``).
Decimals ("3.5"), percentages ("90%"), quoted names ('"مسد"') and one-letter
abbreviations ("د. محمد") do not end a sentence. Invisible format characters
(:data:`toolkit.corpus.normalize.CONTROLS`: RLM, ALM, zero-width space, BOM, bidi
isolates...) are skipped: one after a full stop does not stop the split, a line of
nothing else is blank, and no sentence starts or ends with one.

Examples
--------
>>> split_sentences("أكمل الجيش تمشيط 90.5% من الحي. وقال مصدر: انتهى")
['أكمل الجيش تمشيط 90.5% من الحي.', 'وقال مصدر: انتهى']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from toolkit.corpus.normalize import CONTROLS

#: A line: ``\n``, ``\r\n`` and a lone ``\r`` (old Mac files) all end one.
_PARAGRAPH = re.compile(r"[^\r\n]+")
_INVISIBLE = re.escape(CONTROLS)
_END = re.compile(rf"[.!?؟؛…]+[\"'»”’)\]{_INVISIBLE}]*(?=\s|$)")
# (?<!\S), not (?:^|\s): ^ does not match at the start of a paragraph searched with
# pos, and the line break before it lies outside the search.
_ABBREVIATION = re.compile(rf"(?<!\S)[{_INVISIBLE}]*\w\.[{_INVISIBLE}]*$")
#: Whitespace and invisible characters: what a blank line holds and spans drop.
_BLANK = re.compile(rf"[\s{_INVISIBLE}]*")


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
            if _ABBREVIATION.search(text, begin, match.end()):
                continue
            _append(spans, text, begin, match.end(), para_id)
            begin = match.end()
        _append(spans, text, begin, paragraph.end(), para_id)
        para_id += 1
    return spans


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
