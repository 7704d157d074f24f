"""Normalisation: documented steps, idempotence and robustness on any string."""

import unicodedata

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.corpus import normalize, normalize_series
from toolkit.corpus.normalize import STEPS

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
