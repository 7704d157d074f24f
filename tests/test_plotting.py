"""RTL-safe plotting: glyph layout, idempotence, fonts, reproducible files, baselines.

These tests run under the matplotlib of the main environment (3.11+, libraqm
shapes Arabic) and, through ``.ci/plotting-mpl310.sh``, under matplotlib 3.10 (the
toolkit reshapes). Expected glyphs are written out as presentation-form code
points, independent of arabic-reshaper, and read back from matplotlib's layout.

Baseline images live in ``tests/baseline_images/plotting/<path>/`` where
``<path>`` is ``libraqm`` or ``reshaped`` (the detected rendering path, not the
version). Regenerate after checking the new figures by eye with
``TOOLKIT_UPDATE_BASELINES=1 pytest tests/test_plotting.py``.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib import font_manager
from matplotlib.testing.compare import compare_images

from toolkit.corpus.loaders import load_example_gold
from toolkit.framing import (
    distinctive_terms,
    hedging_by_side,
    labels_by_actor,
    verb_profile,
)
from toolkit.plotting import (
    ARABIC_NAMES,
    RTLWarning,
    display_form,
    laid_out_glyphs,
    missing_glyphs,
    plot_confusion_matrix,
    plot_distinctive_terms,
    plot_hedging_by_side,
    plot_label_usage,
    plot_verb_profile,
    rtl,
    save_figure,
    shapes_arabic,
    use_arabic_font,
)

# a missing glyph must fail the test, not draw a silent square
pytestmark = pytest.mark.filterwarnings("error:Glyph")

BASELINES = Path(__file__).parent / "baseline_images" / "plotting"
UPDATE = os.environ.get("TOOLKIT_UPDATE_BASELINES") == "1"
FORMATS = ("png", "svg", "pdf")

# word -> its correct rendering, left to right, as presentation-form glyph names
EXPECTED_GLYPHS = {
    # final dal, medial seen, initial qaf
    "قسد": ["uniFEAA", "uniFEB4", "uniFED7"],
    # final alef, medial yeh, medial sheen, medial yeh, medial lam, medial yeh,
    # initial meem
    "ميليشيا": [
        "uniFE8E",
        "uniFEF4",
        "uniFEB8",
        "uniFEF4",
        "uniFEE0",
        "uniFEF4",
        "uniFEE3",
    ],
    # Latin run keeps its order, on the left of the right-to-left Arabic
    "قسد SDF": ["S", "D", "F", "space", "uniFEAA", "uniFEB4", "uniFED7"],
    # digits stay left to right; both bidi engines (libraqm's and python-bidi's)
    # put the percent sign of "90%" on the left in a right-to-left line
    "من 90%": ["percent", "nine", "zero", "space", "uniFEE6", "uniFEE3"],
    # the bracket pair is mirrored in the right-to-left run
    "(قسد)": ["parenleft", "uniFEAA", "uniFEB4", "uniFED7", "parenright"],
}


@pytest.fixture(autouse=True)
def clean_style():
    with matplotlib.rc_context():
        matplotlib.style.use("default")
        use_arabic_font()
        yield
    plt.close("all")


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return load_example_gold()


def rendering_path() -> str:
    return "libraqm" if shapes_arabic("png") else "reshaped"


# -- the glyphs matplotlib lays out --------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("word", list(EXPECTED_GLYPHS))
def test_laid_out_glyphs_are_joined_and_right_to_left(word, fmt):
    assert laid_out_glyphs(rtl(word, fmt), fmt) == EXPECTED_GLYPHS[word]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_other_transform_would_be_broken(fmt):
    # guards the test above: handing matplotlib the wrong form is detected
    wrong = display_form("قسد") if shapes_arabic(fmt) else "قسد"
    assert laid_out_glyphs(wrong, fmt) != EXPECTED_GLYPHS["قسد"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_latin_first_font_list_falls_back_as_the_renderer_does(fmt):
    # DejaVu Serif has no Arabic: the letters are drawn from DejaVu Sans after it
    assert missing_glyphs("قسد", "DejaVu Serif") == ["ق", "س", "د"]
    use_arabic_font("DejaVu Serif")
    assert laid_out_glyphs(rtl("قسد", fmt), fmt) == EXPECTED_GLYPHS["قسد"]


@pytest.fixture(scope="module")
def font_without_presentation_forms(tmp_path_factory) -> str:
    """DejaVu Sans whose character map lacks the presentation forms: a renderer
    that shapes still joins (by glyph substitution), but not through the glyphs
    the presentation-form code points name, as in Amiri or Noto."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_manager.findfont("DejaVu Sans"))
    for table in font["cmap"].tables:
        table.cmap = {c: g for c, g in table.cmap.items() if not 0xFB50 <= c <= 0xFEFF}
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Toolkit NoPF"
    path = tmp_path_factory.mktemp("fonts") / "ToolkitNoPF.ttf"
    font.save(path)
    font_manager.fontManager.addfont(str(path))
    return "Toolkit NoPF"


@pytest.mark.parametrize("fmt", FORMATS)
def test_detection_does_not_rely_on_presentation_form_glyphs(
    font_without_presentation_forms, fmt
):
    with_dejavu = shapes_arabic(fmt)
    use_arabic_font(font_without_presentation_forms)
    assert shapes_arabic(fmt) == with_dejavu  # the same renderer, the same answer
    assert laid_out_glyphs(rtl("قسد", fmt), fmt) == EXPECTED_GLYPHS["قسد"]


def test_svg_as_text_is_left_to_the_viewer():
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        assert shapes_arabic("svg")
        assert rtl("قسد", "svg") == "قسد"


# -- rtl() ---------------------------------------------------------------------

MIXED = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list("SDF az09%() .،٪\n")),
    ),
    max_size=40,
)


@pytest.mark.filterwarnings("ignore::toolkit.plotting.RTLWarning")
@given(MIXED)
def test_rtl_and_display_form_are_idempotent(text):
    assert rtl(rtl(text)) == rtl(text)
    assert display_form(display_form(text)) == display_form(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x024F), max_size=40))
def test_text_without_arabic_is_untouched(text):
    assert rtl(text) == text
    assert display_form(text) == text


def test_dollar_signs_in_arabic_labels_are_drawn_not_parsed_as_math():
    label = rtl("التكلفة $5 مليون و $10")
    assert label.count("\\$") == label.count("$") == 2  # every one escaped
    assert rtl(label) == label
    assert rtl("$R^2$") == "$R^2$"  # mathtext without Arabic is the user's choice
    fig, ax = plt.subplots()
    ax.set_title(label)
    fig.canvas.draw()  # mathtext has no Arabic glyphs: a Glyph warning fails here


def test_diacritics_are_kept_for_renderers_that_need_reshaping():
    assert "\u064b" in display_form("زاعمًا")  # the tanween
    assert missing_glyphs(display_form("زاعمًا مُحمّد")) == []


def test_text_reshaped_by_hand_is_warned_about():
    by_hand = display_form("الأمن العام")
    if shapes_arabic("png"):  # libraqm would reverse it again
        with pytest.warns(RTLWarning, match="already reshaped"):
            rtl(by_hand)
    else:  # in display form already: kept, but not when mixed with logical text
        assert rtl(by_hand) == by_hand
        with pytest.warns(RTLWarning, match="already reshaped"):
            rtl(f"نسبة التحفظ عند {by_hand}")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RTLWarning)
        rtl(rtl("الأمن العام"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bracketed_latin_run_keeps_its_brackets_around_it(fmt):
    # python-bidi alone gave "SDF) 2024) قسد" under matplotlib 3.10
    glyphs = laid_out_glyphs(rtl("قسد (SDF) 2024", fmt), fmt)
    start = glyphs.index("parenleft")
    assert glyphs[start : start + 5] == ["parenleft", "S", "D", "F", "parenright"]
    assert "\u202a" not in display_form("ې\u0378 (SDF) 2024 قسد")


def test_display_form_survives_unassigned_code_points():
    text = "ې\ufbc3 (قسد)"
    assert display_form(display_form(text)) == display_form(text)


def test_display_form_keeps_every_line():
    two_lines = display_form("قسد\nمسد")
    assert two_lines.split("\n") == [display_form("قسد"), display_form("مسد")]


# -- fonts ---------------------------------------------------------------------


def test_every_arabic_name_has_glyphs_in_both_forms():
    for name in ARABIC_NAMES.values():
        assert missing_glyphs(name) == [], name
        assert missing_glyphs(display_form(name)) == [], name


def test_missing_glyphs_and_unknown_font_are_reported():
    assert missing_glyphs("قسد 中") == ["中"]
    with pytest.raises(ValueError, match="not installed"):
        use_arabic_font("No Such Font Family 123")


# -- save_figure -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_save_figure_is_byte_identical(tmp_path, gold, fmt):
    first = save_figure(
        plot_verb_profile(verb_profile(gold)).figure, tmp_path / f"a.{fmt}"
    )
    plt.close("all")
    second = save_figure(
        plot_verb_profile(verb_profile(gold)).figure, tmp_path / f"b.{fmt}"
    )
    assert first.read_bytes() == second.read_bytes()


def test_save_figure_writes_no_date_and_rejects_unknown_formats(tmp_path):
    fig, _ = plt.subplots()
    svg = save_figure(fig, tmp_path / "sub" / "f.svg").read_text()
    assert "<dc:date>" not in svg
    with pytest.raises(ValueError, match=r"\.gif"):
        save_figure(fig, tmp_path / "f.gif")
    with pytest.raises(ValueError, match="metadata"):
        save_figure(fig, tmp_path / "f.png", metadata={"Title": "x"})


def test_save_figure_refuses_a_format_laid_out_differently(tmp_path, monkeypatch):
    from toolkit.plotting import save

    monkeypatch.setattr(save, "shapes_arabic", lambda fmt=None: fmt == "pdf")
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="lays out Arabic differently"):
        save_figure(fig, tmp_path / "f.pdf")
    assert not (tmp_path / "f.pdf").exists()


# -- plot functions ------------------------------------------------------------


def confusion() -> pd.DataFrame:
    classes = ["pro_government", "pro_sdc", "neutral"]
    return pd.DataFrame(
        [[5, 1, 0], [2, 7, 1], [0, 1, 4]], index=classes, columns=classes
    )


def figures(gold: pd.DataFrame) -> dict:
    return {
        "verb_profile": lambda ax: plot_verb_profile(verb_profile(gold), ax=ax),
        "hedging": lambda ax: plot_hedging_by_side(hedging_by_side(gold), ax=ax),
        "terms": lambda ax: plot_distinctive_terms(distinctive_terms(gold), ax=ax),
        "labels": lambda ax: plot_label_usage(labels_by_actor(gold), ax=ax),
        "confusion": lambda ax: plot_confusion_matrix(confusion(), ax=ax),
    }


@pytest.mark.parametrize(
    "name", ["verb_profile", "hedging", "terms", "labels", "confusion"]
)
def test_plot_draws_on_the_given_axes_with_a_right_aligned_arabic_title(gold, name):
    fig, ax = plt.subplots()
    assert figures(gold)[name](ax) is ax
    title = ax.get_title(loc="right")
    assert title and any("\u0600" <= c <= "\ufeff" for c in title)
    assert ax.get_title(loc="center") == ""
    fig.canvas.draw()  # lays out every label: a missing glyph would raise here


def test_tick_labels_are_arabic_names_in_renderer_form(gold):
    ax = plot_verb_profile(verb_profile(gold))
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels == [
        rtl(ARABIC_NAMES[f])
        for f in ("assertive", "neutral", "distancing", "accusatory")
    ]
    ax = plot_confusion_matrix(confusion())
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        rtl(ARABIC_NAMES[c]) for c in confusion().index
    ]


def test_hedging_plot_shows_interval_and_counts(gold):
    table = hedging_by_side(gold)
    ax = plot_hedging_by_side(table)
    texts = [t.get_text() for t in ax.texts]
    assert texts == [
        f"{h} / {n}"
        for h, n in zip(table["n_hedged"], table["n_statements"], strict=True)
    ]


def test_plots_reject_wrong_tables(gold):
    with pytest.raises(ValueError, match="argument 'profile'"):
        plot_verb_profile(hedging_by_side(gold))
    with pytest.raises(ValueError, match="same classes"):
        plot_confusion_matrix(confusion().iloc[:, ::-1])
    with pytest.raises(ValueError, match="non-negative"):
        plot_confusion_matrix(-confusion())


def test_plots_refuse_duplicated_columns_and_classes(gold):
    profile = verb_profile(gold)
    with pytest.raises(
        ValueError, match=r"'profile': column\(s\) side occur more than once"
    ):
        plot_verb_profile(pd.concat([profile, profile[["side"]]], axis=1))
    twice = confusion().iloc[[0, 0], [0, 0]]
    with pytest.raises(ValueError, match=r"'matrix': column\(s\) pro_gov"):
        plot_confusion_matrix(twice)


def test_verb_profile_plot_refuses_repeated_rows_naming_them(gold):
    profile = verb_profile(gold)
    with pytest.raises(
        ValueError,
        match=r"'profile': rows 0, 24 all give side 'government', feature "
        r"'verb_frame', value 'assertive'",
    ):
        plot_verb_profile(pd.concat([profile, profile]))


@pytest.mark.parametrize(
    "name", ["verb_profile", "hedging", "terms", "labels", "confusion"]
)
def test_plots_refuse_an_ax_that_is_not_axes(gold, name):
    with pytest.raises(TypeError, match="argument 'ax' must be a matplotlib Axes"):
        figures(gold)[name]("x")


def test_verb_profile_plot_checks_its_sides(gold):
    profile = verb_profile(gold)
    with pytest.raises(ValueError, match=r"'sides': unknown value\(s\) 'gov', 'x'"):
        plot_verb_profile(profile, sides=("gov", "x"))
    with pytest.raises(TypeError, match="'sides' must be a list or tuple"):
        plot_verb_profile(profile, sides="sdc")
    sdc = profile.query("side == 'sdc' and feature == 'verb_frame' and count > 0")
    assert len(plot_verb_profile(profile, sides=["sdc"]).patches) == len(sdc) > 0


@pytest.mark.parametrize("n", [0, -1])
def test_distinctive_terms_plot_needs_at_least_one_word(gold, n):
    with pytest.raises(
        ValueError, match="argument 'n' must be a whole number of at least 1"
    ):
        plot_distinctive_terms(distinctive_terms(gold), n=n)


def test_hedging_plot_labels_the_interval_it_draws(gold):
    default = plot_hedging_by_side(hedging_by_side(gold))
    assert default.get_xlabel() == rtl("النسبة المتحفظة (فاصل ثقة 95%)")
    ninety = plot_hedging_by_side(hedging_by_side(gold, confidence=0.9))
    assert ninety.get_xlabel() == rtl("النسبة المتحفظة (فاصل ثقة 90%)")
    table = hedging_by_side(gold, n_resamples=0)
    ax = plot_hedging_by_side(table)
    assert ax.get_xlabel() == rtl("النسبة المتحفظة")
    ends = [text.get_position()[0] for text in ax.texts]
    assert ends == pytest.approx((table["share"] + 0.02).tolist())


# -- images against baselines checked by eye -------------------------------------


def words_figure(ax):
    for row, text in enumerate(
        ["قسد SDF", "أكثر من 90% من مساحة الحي", "(ميليشيا قسد)"]
    ):
        ax.text(0.95, 0.8 - row * 0.3, rtl(text), ha="right", fontsize=16)
    ax.set_axis_off()
    return ax


@pytest.mark.parametrize(
    "name", ["words", "verb_profile", "hedging", "terms", "labels", "confusion"]
)
def test_figure_matches_baseline(gold, tmp_path, name):
    draw = {"words": words_figure, **figures(gold)}[name]
    size = {"words": (5, 2), "confusion": (6, 5), "labels": (8, 5)}.get(name, (7, 4))
    ax = plt.subplots(figsize=size, layout="constrained")[1]
    actual = save_figure(draw(ax).figure, tmp_path / f"{name}.png", dpi=100)
    expected = BASELINES / rendering_path() / f"{name}.png"
    if UPDATE:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    if not expected.exists():
        pytest.fail(
            f"no baseline {expected}; render it with TOOLKIT_UPDATE_BASELINES=1, "
            "look at it, and commit it"
        )
    assert compare_images(str(expected), str(actual), tol=1.0) is None
