"""Sentence splitting on Arabic punctuation, with offsets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.corpus import sentence_spans, split_sentences
from toolkit.corpus.loaders import load_example
from toolkit.corpus.normalize import CONTROLS


def test_seed_article_has_nine_sentences_one_per_paragraph():
    text = load_example()["text"].iloc[0]
    spans = sentence_spans(text)
    assert len(spans) == 9
    assert [s.para_id for s in spans] == list(range(9))
    assert text[spans[8].start :].startswith("وأعلن مصدر عسكري")


def test_not_fooled_by_decimals_percentages_and_quoted_names():
    text = 'أكمل الجيش تمشيط 90% من الحي و3.5 كيلومتر. اتهم "مسد" القوات.'
    assert split_sentences(text) == [
        "أكمل الجيش تمشيط 90% من الحي و3.5 كيلومتر.",
        'اتهم "مسد" القوات.',
    ]


def test_arabic_question_mark_semicolon_and_closing_quote():
    text = 'هل صمدت الهدنة؟ قال: "لا."؛ ثم انتهى!'
    assert split_sentences(text) == ["هل صمدت الهدنة؟", 'قال: "لا."؛', "ثم انتهى!"]


def test_paragraph_break_ends_a_sentence_without_punctuation():
    assert split_sentences("عنوان بلا نقطة\nنص الخبر.") == [
        "عنوان بلا نقطة",
        "نص الخبر.",
    ]


def test_every_line_break_convention_ends_a_paragraph():
    lines = ["عنوان بلا نقطة", "وقال مصدر إن الهدنة صامدة", "ونفى مسد ذلك"]
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(lines)
        assert [s.para_id for s in sentence_spans(text)] == [0, 1, 2]
        assert split_sentences(text) == lines


def test_one_letter_abbreviation_does_not_end_a_sentence():
    assert split_sentences("قال د. محمد إن الوضع هادئ.") == [
        "قال د. محمد إن الوضع هادئ."
    ]


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(CONTROLS))))
def test_spans_are_ordered_stripped_and_inside_the_text(text):
    spans = sentence_spans(text)
    previous_end = 0
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert piece[0] not in CONTROLS and piece[-1] not in CONTROLS
        assert span.start >= previous_end
        previous_end = span.end
    covered = "".join(text[s.start : s.end] for s in spans)

    def visible(s: str) -> str:
        return "".join(c for c in "".join(s.split()) if c not in CONTROLS)

    assert visible(covered) == visible(text)


INVISIBLE = ["\u200f", "\u200e", "\u061c", "\u200b", "\ufeff", "\u00ad", "\u202c"]


@pytest.mark.parametrize("mark", [*INVISIBLE, "\u2067\u2069"])
def test_invisible_mark_after_a_full_stop_does_not_stop_the_split(mark):
    first, second = "أكدت الوزارة التزامها بالهدنة.", "وقال المجلس إن القصف مستمر."
    text = f"{first}{mark} {second}{mark}"
    spans = sentence_spans(text)
    assert [text[s.start : s.end] for s in spans] == [first, second]
    assert spans[1].start == len(first) + len(mark) + 1
    abbreviated = f"قال د.{mark} محمد إن الوضع هادئ."
    assert split_sentences(abbreviated) == [abbreviated]


@pytest.mark.parametrize("mark", [*INVISIBLE, "\u202b\u202c", "\u2067\u2069"])
def test_a_line_of_invisible_marks_is_blank(mark):
    text = load_example()["text"].iloc[0]
    marked = text.replace("\n\n", f"\n{mark}\n").replace("\n", f"\n{mark}")
    assert marked.count(mark) > 8
    spans = sentence_spans(marked)
    assert [s.para_id for s in spans] == list(range(9))
    assert [marked[s.start : s.end] for s in spans] == split_sentences(text)


def test_a_one_letter_abbreviation_opening_a_later_paragraph_does_not_split():
    text = "مقدمة الخبر.\nد. محمد قال إن الوضع هادئ."
    assert split_sentences(text) == ["مقدمة الخبر.", "د. محمد قال إن الوضع هادئ."]


@pytest.mark.parametrize(
    "text",
    [
        "قال أ.د. محمد إن الوضع هادئ.",
        "شكر الوزير أ.د.فايز الظفيري على جهوده.",
        "التقى د.سليمان الحصين الوفد.",
        "The U.S. envoy met the SDF in Hasakah.",
        "Some envoys (e.g. the French one) stayed in Hasakah.",
        "J. Smith said the truce held.",
        "ذكر موقع sana.sy ووكالة www.x.com أن 3.5 طن وصلت.",
        "وصلت القافلة الساعة 10 ص. بتوقيت دمشق.",
        "وصلت القافلة الساعة 10:30 م. بتوقيت دمشق.",
        "صداع، تجلطات..الخ.",
        "أغلقت الطرق والمعابر... إلخ",
        'وقال "د. محمد" إن الوضع هادئ.',
        "وقال 'د. محمد' إن الوضع هادئ.",
        "وقال\u200fد. محمد إن الوضع هادئ.",
        "شكر الوزير/د. محمد على جهوده.",
    ],
)
def test_initials_domains_decimals_clock_times_and_etc_do_not_end_a_sentence(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "انتهى الاجتماع.وقال الوزير إن الهدنة صامدة.",
            ["انتهى الاجتماع.", "وقال الوزير إن الهدنة صامدة."],
        ),
        ("هل صمدت الهدنة؟نعم!وقال مصدر", ["هل صمدت الهدنة؟", "نعم!", "وقال مصدر"]),
        ('قال: "لا."وأضاف أن', ['قال: "لا."', "وأضاف أن"]),
        ("انتهى.\u200fوقال مصدر", ["انتهى.", "وقال مصدر"]),
        ("مقدمة الخبر.د. محمد قال ذلك.", ["مقدمة الخبر.", "د. محمد قال ذلك."]),
        ("بدأت الاحتجاجات عام 2011 م. وقال", ["بدأت الاحتجاجات عام 2011 م.", "وقال"]),
        ("بدأت عام ٢٠١١ م.وقال", ["بدأت عام ٢٠١١ م.", "وقال"]),
        ("تأسست سنة 1445 هـ. وقال", ["تأسست سنة 1445 هـ.", "وقال"]),
        ("تأسست سنة 1445\u200f ه. وقال", ["تأسست سنة 1445\u200f ه.", "وقال"]),
        ("بنيت عام 300 ق.م. وقال", ["بنيت عام 300 ق.م.", "وقال"]),
        ("ارتفع عدد القتلى إلى 7. وقال مصدر", ["ارتفع عدد القتلى إلى 7.", "وقال مصدر"]),
        ("1. البند الأول. 2. البند الثاني.", ["1. البند الأول.", "2. البند الثاني."]),
        # a run of punctuation that opens a sentence joins it, not a sentence of its own
        ("قال. ..وأضاف أن", ["قال.", "..وأضاف أن"]),
        ("مأساة.. ..لا نريد", ["مأساة..", "..لا نريد"]),
        # and what follows a paragraph's last sentence without a word stays with it
        ("كلام جميل. 🤔\nوقال آخر. ..", ["كلام جميل. 🤔", "وقال آخر. .."]),
        ("🤔\nكلام", ["🤔", "كلام"]),
    ],
)
def test_a_missing_space_a_year_mark_or_a_number_ends_a_sentence(text, expected):
    assert split_sentences(text) == expected
