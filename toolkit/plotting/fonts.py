"""An Arabic-capable font for figures, and a check for missing glyphs ("tofu").

DejaVu Sans ships with matplotlib and covers Arabic, including the presentation
forms that the reshaped text of older matplotlib versions uses, so it is the
default and the fallback.

Examples
--------
>>> missing_glyphs("قسد SDF 90%")
[]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib import font_manager

#: Font used for figures when no other is asked for; bundled with matplotlib.
DEFAULT_FONT = "DejaVu Sans"


def use_arabic_font(
    family: str | Sequence[str] = DEFAULT_FONT, *, size: float | None = None
) -> list[str]:
    """Make figures use an Arabic-capable font (DejaVu Sans as the fallback).

    Sets ``rcParams["font.family"]`` to ``family`` followed by DejaVu Sans; glyphs
    missing from the first font are taken from the next (matplotlib falls back
    since 3.6), and :func:`~toolkit.plotting.shapes_arabic` probes the same list.

    Parameters
    ----------
    family : str or sequence of str
        Font family name(s) in order of preference, e.g. ``"Noto Naskh Arabic"``.
    size : float, optional
        Also set ``rcParams["font.size"]``.

    Returns
    -------
    list of str
        The family list now in ``rcParams["font.family"]``.

    Raises
    ------
    ValueError
        When a family is not installed (matplotlib would silently substitute).

    Examples
    --------
    >>> use_arabic_font()
    ['DejaVu Sans']
    """
    families = [family] if isinstance(family, str) else list(family)
    for name in families:
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=[name]), fallback_to_default=False
            )
        except ValueError:
            raise ValueError(
                f"font family {name!r} is not installed; install it or use "
                f"{DEFAULT_FONT!r}, which ships with matplotlib"
            ) from None
    families += [DEFAULT_FONT] if DEFAULT_FONT not in families else []
    mpl.rcParams["font.family"] = families
    if size is not None:
        mpl.rcParams["font.size"] = size
    return families


def missing_glyphs(text: str, family: str | Sequence[str] | None = None) -> list[str]:
    """Characters of ``text`` that no font of ``family`` can draw.

    Parameters
    ----------
    text : str
        The string as handed to matplotlib (after :func:`~toolkit.plotting.rtl`).
    family : str or sequence of str, optional
        Families to look in; ``rcParams["font.family"]`` by default.

    Returns
    -------
    list of str
        Distinct missing characters in order of appearance; whitespace and
        format (Cf) characters are never reported.

    Examples
    --------
    >>> missing_glyphs("\\u4e2d", "DejaVu Sans")
    ['中']
    """
    families = mpl.rcParams["font.family"] if family is None else family
    families = [families] if isinstance(families, str) else list(families)
    charmaps = [
        font_manager.get_font(
            font_manager.findfont(font_manager.FontProperties(family=[name]))
        ).get_charmap()
        for name in families
    ]
    missing: list[str] = []
    for char in text:
        if char.isspace() or char in missing or _is_format(char):
            continue
        if not any(ord(char) in charmap for charmap in charmaps):
            missing.append(char)
    return missing


def _is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"
