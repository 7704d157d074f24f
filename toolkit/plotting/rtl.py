"""Right-to-left text for matplotlib, whatever the renderer does with Arabic.

matplotlib 3.11 lays text out with libraqm: it joins Arabic letters into their
contextual forms and orders them right to left by itself, so raw (logical-order)
strings are right and pre-shaped strings come out reversed. matplotlib 3.10 and
older draw characters one by one, left to right: they need the string reshaped
into presentation forms (arabic-reshaper) and put in visual order (python-bidi).

:func:`shapes_arabic` finds out which case applies for an output format by laying
out a probe word with the layout code that format's renderer uses and reading back
the glyphs; :func:`rtl` then applies exactly the transform needed.

Examples
--------
>>> rtl("SDF") == "SDF"
True
>>> rtl(rtl("قسد SDF")) == rtl("قسد SDF")
True
>>> display_form("قسد") == "\\ufeaa\\ufeb4\\ufed7"
True
"""

from __future__ import annotations

import re
import warnings
from functools import cache

import arabic_reshaper
import bidi
import matplotlib as mpl
from arabic_reshaper.letters import LETTERS_ARABIC
from bidi import algorithm as bidi_python
from matplotlib import _text_helpers, font_manager, ft2font

#: Probe word laid out to detect shaping: "قسد" (qaf, seen, dal).
PROBE = "\u0642\u0633\u062f"
#: Formats that matplotlib writes with the Agg rasteriser.
AGG_FORMATS = frozenset({"png", "raw", "rgba", "jpg", "jpeg", "tif", "tiff", "webp"})

#: arabic-reshaper keeping the diacritics (its default drops them): "زاعمًا" keeps its
#: tanween, drawn over the alef by renderers that place glyphs one by one.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
#: A run of Latin letters, digits, brackets and the punctuation between them.
_LATIN_RUN = re.compile(
    r"[(\[{]*[A-Za-z0-9][A-Za-z0-9 ()\[\]{}.,:;%/+=_&'-]*[A-Za-z0-9)\]}%]"
)
#: An unescaped dollar sign: two of them would switch matplotlib to mathtext.
_DOLLAR = re.compile(r"(?<!\\)\$")

#: Letters arabic-reshaper turns into presentation forms (not tatweel or ZWJ).
_SHAPED_LETTERS = frozenset(
    letter
    for letter, forms in LETTERS_ARABIC.items()
    if any(form and form != letter for form in forms)
)


def is_logical_arabic(char: str) -> bool:
    """True for an Arabic letter in logical form that arabic-reshaper shapes.

    Presentation forms, Arabic punctuation and digits are not, and neither are
    the rare letters the reshaper has no forms for: none of them changes in the
    display form, which is what makes :func:`display_form` idempotent.

    Examples
    --------
    >>> is_logical_arabic("ق"), is_logical_arabic("\\ufed7"), is_logical_arabic("٪")
    (True, False, False)
    """
    return char in _SHAPED_LETTERS


def display_form(text: str) -> str:
    """Reshape and reorder ``text`` for a renderer that does neither.

    Each line is joined into contextual presentation forms (arabic-reshaper) and
    put in visual order with the Unicode bidi algorithm (python-bidi), brackets
    mirrored in right-to-left runs; Latin runs and numbers keep their
    left-to-right order. Text without logical Arabic letters, including text
    already in display form, is returned unchanged.

    Parameters
    ----------
    text : str
        Text in logical order.

    Examples
    --------
    >>> display_form("قسد SDF") == "SDF " + display_form("قسد")
    True
    >>> display_form("90%")
    '90%'
    >>> display_form("قسد (SDF)") == "(SDF) " + display_form("قسد")
    True
    >>> display_form("قسد (SDF) 2024") == "(SDF) 2024 " + display_form("قسد")
    True
    """
    if not any(is_logical_arabic(char) for char in text):
        return text
    return "\n".join(
        _visual(_RESHAPER.reshape(_embed_bracketed_latin(line)))
        for line in text.split("\n")
    )


def _embed_bracketed_latin(line: str) -> str:
    """Keep a Latin run holding brackets ("(SDF) 2024") left to right as a unit.

    python-bidi lacks the paired-bracket rule of the bidi algorithm, so in a
    right-to-left line such a run came out as "SDF) 2024)". A left-to-right
    embedding (LRE ... PDF, removed from the output) keeps it whole; runs whose
    brackets do not pair up inside them are left alone.
    """

    def embed(match: re.Match[str]) -> str:
        run = match.group()
        opened = sum(run.count(c) for c in "([{")
        if opened == 0 or opened != sum(run.count(c) for c in ")]}"):
            return run
        return f"\u202a{run}\u202c"

    return _LATIN_RUN.sub(embed, line)


def _visual(line: str) -> str:
    # python-bidi's Rust ``bidi.get_display`` (0.5+) reorders but skips rule L4:
    # "(" and ")" stay unmirrored in right-to-left runs (python-bidi issue #25).
    # Its pure-Python implementation applies L4 but asserts on unassigned code
    # points; only for those lines do we fall back to the Rust one.
    try:
        return bidi_python.get_display(line)
    except AssertionError:  # the Rust one keeps embedding marks: drop them
        return bidi.get_display(line).replace("\u202a", "").replace("\u202c", "")


def output_format(fmt: str | None = None) -> str:
    """Normalise a format name (``".PNG"`` -> ``"png"``); default ``savefig.format``.

    Examples
    --------
    >>> output_format(".SVG")
    'svg'
    """
    return (fmt or mpl.rcParams["savefig.format"]).lower().lstrip(".")


def laid_out_glyphs(text: str, fmt: str | None = None) -> list[str]:
    """Names of the glyphs matplotlib lays out for ``text``, left to right.

    The glyphs come from the layout code that the renderer of ``fmt`` uses with
    the current default fonts (``rcParams["font.family"]``, each character from the
    first of them that has it, as the renderers fall back): for Agg formats on a
    matplotlib whose fonts have a shaping ``_layout`` (3.11+) that call, else
    ``matplotlib._text_helpers.layout``, which the vector backends use and which
    lays characters out one by one before 3.11.

    Parameters
    ----------
    text : str
        The string handed to matplotlib.
    fmt : str, optional
        Output format; ``rcParams["savefig.format"]`` by default.

    Returns
    -------
    list of str
        Glyph names in visual order, e.g. ``['uniFEAA', 'uniFEB4', 'uniFED7']``
        for a correctly shaped "قسد" in DejaVu Sans.

    Examples
    --------
    >>> laid_out_glyphs("SDF")
    ['S', 'D', 'F']
    """
    font = _default_font()
    font.set_size(12, 72)
    if output_format(fmt) in AGG_FORMATS and hasattr(font, "_layout"):
        items = font._layout(text, ft2font.LoadFlags.NO_HINTING)
    else:
        items = list(_text_helpers.layout(text, font))
    placed = sorted(
        (item.x, _glyph_index(item), item.ft_object) for item in items if item.char
    )
    return [face.get_glyph_name(index) for _, index, face in placed]


def shapes_arabic(fmt: str | None = None) -> bool:
    """Whether the renderer of ``fmt`` joins and orders Arabic by itself.

    SVG written with ``svg.fonttype = "none"`` keeps text as text, which the
    viewer shapes: always ``True``. Otherwise the probe word "قسد" is laid out
    (see :func:`laid_out_glyphs`) and compared with its three letters laid out
    alone: a renderer that shapes draws other (joined) glyphs for the word, one
    that does not draws the letters' own glyphs side by side. Glyph identities are
    not assumed, so fonts whose joined glyphs are not their presentation-form
    glyphs (Amiri) are read right. The result is cached per format, fonts and
    ``svg.fonttype``.

    Parameters
    ----------
    fmt : str, optional
        Output format (``"png"``, ``"svg"``, ``"pdf"`` ...);
        ``rcParams["savefig.format"]`` by default.

    Examples
    --------
    >>> shapes_arabic("png") == (laid_out_glyphs("قسد", "png")[0] != "uni0642")
    True
    """
    fmt = output_format(fmt)
    if fmt in {"svg", "svgz"} and mpl.rcParams["svg.fonttype"] == "none":
        return True
    vector_or_agg = "agg" if fmt in AGG_FORMATS else "vector"
    return _probe(vector_or_agg, _default_font_paths(), mpl.__version__)


def rtl(text: str, fmt: str | None = None) -> str:
    """The form of ``text`` that renders right to left and joined in ``fmt``.

    Parameters
    ----------
    text : str
        Text in logical order (as typed or read from a file).
    fmt : str, optional
        Output format the figure will be written in;
        ``rcParams["savefig.format"]`` (``"png"``) by default.

    Returns
    -------
    str
        ``text`` unchanged when the renderer shapes Arabic itself or when there is
        no Arabic letter to shape, else :func:`display_form` of it. In Arabic text
        a ``$`` is escaped (``\\$``): mathtext has no Arabic glyphs. Idempotent:
        ``rtl(rtl(s)) == rtl(s)``.

    Warns
    -----
    RTLWarning
        When ``text`` holds Arabic presentation forms (text reshaped by hand, as
        before matplotlib 3.11) that the renderer would reverse: a shaping
        renderer, or logical letters beside them.

    Examples
    --------
    >>> rtl("Hedged share (%)")
    'Hedged share (%)'
    >>> rtl("قسد") == ("قسد" if shapes_arabic() else display_form("قسد"))
    True
    >>> rtl("التكلفة $5").count("\\\\$")  # one dollar, escaped
    1
    """
    shaping = shapes_arabic(fmt)
    _warn_if_reshaped(text, shaping)
    out = text if shaping else display_form(text)
    if any(is_logical_arabic(c) or _is_presentation_form(c) for c in out):
        out = _DOLLAR.sub(r"\\$", out)
    return out


class RTLWarning(UserWarning):
    """Text handed to :func:`rtl` that the renderer will draw wrongly."""


def _is_presentation_form(char: str) -> bool:
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"


def _warn_if_reshaped(text: str, shaping: bool) -> None:
    if not any(_is_presentation_form(c) for c in text):
        return
    if shaping or any(is_logical_arabic(c) for c in text):
        warnings.warn(
            f"rtl(): {text[:30]!r} holds Arabic already reshaped (presentation "
            "forms), which this renderer would draw reversed; pass text as typed, "
            "in logical order, and let rtl() prepare it",
            RTLWarning,
            stacklevel=3,
        )


@cache
def _probe(layout: str, font_paths: tuple[str, ...], version: str) -> bool:
    fmt = "png" if layout == "agg" else "pdf"
    word = laid_out_glyphs(PROBE, fmt)
    alone = [laid_out_glyphs(letter, fmt)[0] for letter in PROBE]
    return word not in (alone, alone[::-1])


def _glyph_index(item: object) -> int:
    # LayoutItem.glyph_index (3.11+) was LayoutItem.glyph_idx before.
    if hasattr(item, "glyph_index"):
        return item.glyph_index
    return item.glyph_idx


def _default_font_paths() -> tuple[str, ...]:
    """Files of the default fonts, in fallback order (as the renderers use them)."""
    found = font_manager.fontManager._find_fonts_by_props(font_manager.FontProperties())
    return tuple(str(path) for path in found)


def _default_font() -> ft2font.FT2Font:
    return font_manager.get_font(list(_default_font_paths()))
