"""Arabic display names of the toolkit's codes (sides, frames, stances, valences).

Examples
--------
>>> arabic_name("government")
'الحكومة السورية'
>>> arabic_name("not-a-code")
'not-a-code'
"""

from __future__ import annotations

from toolkit.corpus import schema

ARABIC_NAMES: dict[str, str] = {
    # sides
    schema.GOVERNMENT: "الحكومة السورية",
    schema.SDC: "مسد / قسد",
    schema.THIRD_PARTY: "أطراف أخرى",
    schema.NARRATOR: "صوت الوسيلة",
    # verb frames
    schema.ASSERTIVE: "تأكيد",
    schema.NEUTRAL_FRAME: "محايد",
    schema.DISTANCING: "تشكيك",
    schema.ACCUSATORY: "اتهام",
    schema.DENIAL: "نفي",
    schema.NO_FRAME: "بلا فعل قول",
    # stances
    schema.PRO_GOVERNMENT: "مؤيد للحكومة",
    schema.PRO_SDC: "مؤيد لمسد / قسد",
    # label valences
    "delegitimising": "نزع الشرعية",
    "legitimising": "إضفاء الشرعية",
    # hedging
    "hedged": "متحفظ",
    "not_hedged": "غير متحفظ",
}


def arabic_name(code: str) -> str:
    """Arabic name of a code used in the tables, or the code itself if unknown.

    Examples
    --------
    >>> arabic_name("distancing")
    'تشكيك'
    """
    return ARABIC_NAMES.get(code, code)
