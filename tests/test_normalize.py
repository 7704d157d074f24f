"""Normalisation: documented steps, idempotence and robustness on any string."""

import unicodedata

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from toolkit.corpus import normalize, normalize_series
from toolkit.corpus.normalize import CONTROLS, STEPS, has_visible_text

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(list(" \t\n\u200b\u200f\u202b\u2066.،0123")),
    )
)


@given(st.text())
def test_never_raises_and_is_idempotent_on_any_text(text):
    once = normalize(text)
    assert normalize(once) == once


@given(ARABIC_HEAVY, st.fixed_dictionaries({s: st.booleans() for s in STEPS}))
@example("هيئۃ", dict.fromkeys(STEPS, True))  # ۃ -> ة -> ه in one pass
def test_idempotent_for_every_option_set(text, options):
    once = normalize(text, **options)
    assert normalize(once, **options) == once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أكَّدَتْ", "اكدت"),  # diacritics + hamza on alef
        ("إعلان آخر ٱلقوات", "اعلان اخر القوات"),
        ("مـــســد", "مسد"),  # tatweel
        ("محمد على", "محمد علي"),  # alef maqsura
        ("کردی", "كردي"),  # Persian kaf and yeh
        ("هيئە ھذه الحکومۃ", "هيئه هذه الحكومة"),  # Kurdish ae, heh doachashmee, ۃ
        ("ہے", "هي"),  # Urdu heh goal and yeh barree
        ("٩٠٪ و۱۲", "90٪ و12"),  # Arabic-Indic and Persian digits
        ("\u200fقسد\u200b \u202bمسد\u202c", "قسد مسد"),  # bidi and zero-width
        ("وزا\u00adرة", "وزارة"),  # soft hyphen
        ("\ufe97\ufe8e\ufeb4\ufeae", "تاسر"),  # presentation forms (isolated/final)
        ("\ufefb", "لا"),  # lam-alef ligature
        ("  حلب\n\tدمشق ", "حلب دمشق"),
    ],
)
def test_each_step(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("word", ["رئيس", "مسؤول", "أكد", "إن", "آخر", "ۀ", "ۓ"])
def test_decomposed_letters_normalise_like_composed_ones(word):
    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word
    assert normalize(decomposed) == normalize(word)
    assert normalize(decomposed, alef=False) == normalize(word, alef=False)
    assert normalize(decomposed, diacritics=False) == normalize(word, diacritics=False)


@given(
    st.one_of(ARABIC_HEAVY, st.text()),
    st.fixed_dictionaries({s: st.booleans() for s in STEPS}),
)
def test_canonically_equivalent_texts_normalise_alike(text, options):
    expected = normalize(unicodedata.normalize("NFC", text), **options)
    assert normalize(unicodedata.normalize("NFD", text), **options) == expected


@pytest.mark.parametrize(
    "mark",
    [
        "\u2061",  # function application
        "\u2062",  # invisible times
        "\u2063",  # invisible separator
        "\u2064",  # invisible plus
        "\u180e",  # Mongolian vowel separator
        *[chr(c) for c in range(0x206A, 0x2070)],  # deprecated format controls
        "\U000e0001",  # language tag
        "\U000e0020",  # tag space
        "\U000e0041",  # tag Latin capital letter A
        "\U000e007f",  # cancel tag
    ],
)
def test_more_invisible_format_characters_are_removed(mark):
    assert normalize(f"قسد{mark} مسد{mark}{mark}") == "قسد مسد"
    assert normalize(f"وزا{mark}رة") == "وزارة"
    assert normalize(f"وزا{mark}رة", controls=False) == f"وزا{mark}رة"


def test_controls_are_invisible_format_characters_and_visible_ones_stay():
    assert all(unicodedata.category(c) == "Cf" for c in CONTROLS)
    # Visible format characters and the neighbours of the removed ranges.
    kept = "\u0600\u0605\u06dd\u08e2\u2065\u2070\u180d\u180f\U000e0000\U000e0080"
    assert normalize(f"سنة{kept}", whitespace=False) == f"سنة{kept}"


def test_a_removed_character_between_letter_and_hamza_keeps_idempotence():
    # ي, a zero-width space, a combining hamza: composes only once the space is gone.
    once = normalize("\u064a\u200b\u0654", diacritics=False)
    assert once == "ئ" == normalize(once, diacritics=False)


def test_ta_marbuta_is_optional():
    assert normalize("مدينة") == "مدينة"
    assert normalize("مدينة", ta_marbuta=True) == "مدينه"


def test_steps_can_be_switched_off():
    assert normalize("أكَّد", diacritics=False) == "اكَّد"
    assert normalize("أكد", alef=False) == "أكد"
    assert normalize("٣", digits=False) == "٣"


def test_non_string_is_a_clear_type_error():
    with pytest.raises(TypeError, match="normalize_series"):
        normalize(float("nan"))


def test_series_keeps_missing_and_index():
    series = pd.Series(["أكدت", None, float("nan"), "زاعمًا"], index=[10, 11, 12, 13])
    out = normalize_series(series)
    assert list(out.index) == [10, 11, 12, 13]
    assert out[10] == "اكدت" and out[13] == "زاعما"
    assert out[[11, 12]].isna().all()


def test_series_names_the_bad_row():
    with pytest.raises(TypeError, match="row 'b'"):
        normalize_series(pd.Series(["نص", 3], index=["a", "b"], dtype=object))


def test_series_rejects_unknown_option():
    with pytest.raises(TypeError, match="unknown option"):
        normalize_series(pd.Series(["نص"]), diacritic=True)


def test_the_kurdish_ta_marbuta_merges_with_ta_marbuta_when_asked():
    assert normalize("هيئۃ", ta_marbuta=True) == normalize("هيئة", ta_marbuta=True)
    assert normalize("هيئۃ", ta_marbuta=True) == "هيئه"


@given(
    st.text(
        alphabet=st.sampled_from([*CONTROLS, " ", "\n", "\u00a0", "\u3000", "ق", "a"])
    )
)
def test_visible_text_is_what_remains_without_whitespace_and_invisible_marks(text):
    left = text.translate(dict.fromkeys(map(ord, CONTROLS))).strip()
    assert has_visible_text(text) is bool(left)


@pytest.mark.parametrize("value", [None, 3, float("nan"), b"\xd9\x82"])
def test_only_a_string_has_visible_text(value):
    assert has_visible_text(value) is False
