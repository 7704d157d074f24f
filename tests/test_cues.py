"""Hedge cue rules beyond the word list: dismissals, whether-questions, background."""

from __future__ import annotations

import pytest

from toolkit.lexicons import find_cues
from toolkit.lexicons.cues import whether_question


def kinds(text: str) -> list[str]:
    return [cue.kind for cue in find_cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نفت الوزارة مزاعم قسد", ["booster"]),
        ("قام رئيس الوزراء بنفي إشاعات عن استقالته", ["booster"]),
        ("ووصف الاتهامات بأنها ادعاءات لا أساس لها", ["booster"]),
        ("رفضت القيادة ادعاءات الوزارة", ["booster"]),
        ("ادعت الوزارة أن الطريق مفتوح", ["hedge"]),
        ("زعمت قسد أن القصف توقف، ونفت الوزارة ذلك في بيان لاحق", ["hedge"]),
    ],
)
def test_a_denied_hedge_word_is_the_speakers_certainty(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("إطلاق منصة للإبلاغ عن المنشورات التي قد تضر بالاقتصاد", []),
        ("وكنت أظن أن السبب هو الإعلانات", []),
        ("كنا نعتقد أن الطريق مفتوح", []),
        ("قال إن الهجوم قد يتكرر في الأيام التي تلي الاتفاق", ["hedge"]),
        ("أظن أن الطريق مفتوح", ["hedge"]),
        ("لعل وعسى ننجح في الامتحان", []),
        ("لعل الاتفاق يصمد حتى الربيع", ["hedge"]),
        ("10 معلومات قد لا تعرفها عن المدينة القديمة", []),
        ("قد لا تصل المساعدات قبل الشتاء", ["hedge"]),
        ("الوضع سيء بل ربما أسوأ من العام الماضي", []),
    ],
)
def test_a_hedge_word_in_a_background_phrase_is_ignored(text, expected):
    assert kinds(text) == expected


def test_a_denial_does_not_turn_the_qad_rule():
    assert kinds("نفت الوزارة ذلك، وقال إن الهجوم قد يتكرر") == ["hedge"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هل تنسحب القوات من المدينة؟", True),
        ("وهل يصمد الاتفاق", True),
        ("بلومبيرغ: هل فقدت الإدارة فرصة الحل؟", True),
        ("العراق: المتظاهرون طلاب حقوق أم أدوات للخارج؟", True),
        ("لماذا عادت الصور إلى شوارع المدينة؟", False),
        ("من هو المرشح الذي تطلبه أنقرة؟", False),
        ("بعد كل هذه الأدلة، هل بقي عند أحد شك؟", False),
        ("أعلنت الوزارة أن الطريق مفتوح أمام المدنيين", False),
        # A headline asking by its question mark alone.
        ("رجل الأعمال وعلاقته بنفوذ الشركات على الحكومة؟", True),
        ("رويترز: الإمارات تسحب قواتها من اليمن؟", True),
        # A question word, a rhetorical opener, "!" or a post's marks: not whether.
        ("ارتفاع الأسعار بالأرقام.. وما هو مصير الأسواق؟", False),
        ("بلومبيرغ: من يقف وراء الهجوم على الناقلة؟", False),
        ("أليس من حقنا أن نفرح بالقرار؟", False),
        ("يعني نسكت عن هذا الظلم!؟", False),
        ("#لن_نسمح_بالقرار فهمت يا أستاذ؟", False),
        ("وش السالفة يا جماعة؟", False),
        # A question mark with no word: it crashed the cue features of a corpus.
        (" - ؟", False),
        ("..؟", False),
    ],
)
def test_whether_questions(text, expected):
    assert whether_question(text) is expected
    assert ("hedge" in kinds(text)) is expected


def test_a_long_post_with_an_alternative_question_is_not_a_headline():
    post = " ".join(["كلام"] * 30) + " هل هو جهل أم عناد؟"
    assert whether_question(post) is False


@pytest.mark.parametrize(
    "text",
    ["مصرف دولي يتوقع هبوطا حادا للذهب", "من المتوقع أن تبدأ المفاوضات غدا"],
)
def test_forecasts_are_hedges(text):
    assert kinds(text) == ["hedge"]


def test_a_negated_qad_cue_is_reported_as_written():
    assert [(c.kind, c.cue) for c in find_cues("وقد لا تصمد الهدنة")] == [
        ("hedge", "وقد لا تصمد")
    ]
