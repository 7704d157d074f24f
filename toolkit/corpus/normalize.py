"""Arabic orthographic normalisation: one entry point made of small, documented steps.

The text is first composed (Unicode NFC), so decomposed text (a letter followed by a
combining hamza or madda, as in macOS file names and copies and the output of some PDF
extractors) gives the same result as composed text: ``ي`` + U+0654 is ``ئ`` before any
step removes the combining hamza as a diacritic. Every step is then a character
mapping, so the whole normaliser is one ``str.translate`` table plus an optional
whitespace collapse. That makes it fast, never raising on any ``str``, and idempotent
(``normalize(normalize(s)) == normalize(s)``). For speed the table is applied only to
the runs of characters it changes, found by one regular expression (most characters of
a text are left as they are).

Steps (all on by default except ``ta_marbuta``):

``presentation_forms``
    Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: text pasted from PDFs or
    already reshaped for display) become the base letters (NFKC).
``controls``
    Invisible format characters (:data:`CONTROLS`: zero-width characters, the
    byte-order mark, bidi controls, the soft hyphen, tag characters ...) are removed.
``diacritics``
    Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks are removed.
``tatweel``
    The kashida ``ـ`` is removed.
``alef``
    ``أ إ آ ٱ`` become ``ا``.
``yeh``
    Alef maqsura ``ى`` and Persian yeh ``ی`` become ``ي``; Persian kaf ``ک`` becomes
    ``ك`` (the seed article writes one man as "محمد علي" and "محمد على"). The heh,
    ta marbuta and yeh of Kurdish and Urdu keyboards, ``ە ہ ھ`` ``ۃ`` ``ے``, become
    ``ه`` ``ة`` ``ي``: Arabic typed on them ("هيئە") reads as Arabic.
``ta_marbuta``
    ``ة`` becomes ``ه`` (off by default: it merges words that differ in meaning).
``digits``
    Arabic-Indic ``٠-٩`` and Persian ``۰-۹`` digits become ASCII ``0-9``.
``whitespace``
    Runs of whitespace become one space; leading and trailing space is removed.

Examples
--------
>>> normalize("أكَّدتْ الوزارةُ")
'اكدت الوزارة'
>>> normalize("محمد على") == normalize("محمد علي")
True
>>> normalize("٩٠٪ من مساحة الحي")
'90٪ من مساحة الحي'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial

import pandas as pd

_DIACRITICS = (
    [chr(c) for c in range(0x064B, 0x0660)]  # tanwin, harakat, shadda, sukun, madda..
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x0610, 0x061B)]  # Quranic honorifics
    + [chr(c) for c in range(0x06D6, 0x06DD)]  # Quranic annotation marks
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06e7", "\u06e8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
#: The invisible format characters the ``controls`` step removes: zero-width characters,
#: directional marks, bidi embeddings, overrides and isolates, the byte-order mark, the
#: soft hyphen, the invisible mathematical operators, the Mongolian vowel separator, the
#: deprecated shaping and digit-shape controls and the tag characters. All are of
#: Unicode category Cf (format) and draw nothing; visible format characters such as the
#: Arabic number sign U+0600 or the end of ayah U+06DD are kept. Sentence splitting and
#: attribution skip them as well.
CONTROLS = "".join(
    [
        "\u200b",  # zero width space
        "\u200c",  # zero width non-joiner
        "\u200d",  # zero width joiner
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
        "\u2060",  # word joiner
        "\ufeff",  # byte-order mark / zero width no-break space
        "\u00ad",  # soft hyphen
        "\u180e",  # Mongolian vowel separator (a space before Unicode 6.3)
        *[chr(c) for c in range(0x2061, 0x2065)],  # function application .. plus
        *[chr(c) for c in range(0x202A, 0x202F)],  # embeddings and overrides
        *[chr(c) for c in range(0x2066, 0x206A)],  # isolates
        *[chr(c) for c in range(0x206A, 0x2070)],  # deprecated: symmetric swapping,
        # Arabic form shaping, national and nominal digit shapes
        "\U000e0001",  # language tag
        # Tag space .. cancel tag; also the tail of emoji tag sequences (the flags of
        # England, Scotland, Wales), which become a plain black flag, as the zero
        # width joiner above already splits emoji ZWJ sequences.
        *[chr(c) for c in range(0xE0020, 0xE0080)],
    ]
)
_INVISIBLE = dict.fromkeys(map(ord, CONTROLS))
#: A character that is neither whitespace nor invisible (stops at the first one).
_VISIBLE = re.compile(f"[^\\s{re.escape(CONTROLS)}]")
#: The Arabic letters (hamza to yeh, the extended letters of the Arabic block, Kurdish
#: ae), as the body of a regular-expression character class:
#: ``re.compile(f"[{ARABIC_LETTERS}]")``.
ARABIC_LETTERS = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_ALEFS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
_YEHS = {
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ە": "ه",  # Kurdish ae, typed for final heh
    "ہ": "ه",  # Urdu heh goal
    "ھ": "ه",  # heh doachashmee
    "ۃ": "ة",  # teh marbuta goal
    "ے": "ي",  # Urdu yeh barree
}
_DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

#: Names of the switchable steps, in the order they are documented.
STEPS: tuple[str, ...] = (
    "presentation_forms",
    "controls",
    "diacritics",
    "tatweel",
    "alef",
    "yeh",
    "ta_marbuta",
    "digits",
    "whitespace",
)


def _letter_map(
    controls: bool,
    diacritics: bool,
    tatweel: bool,
    alef: bool,
    yeh: bool,
    ta_marbuta: bool,
    digits: bool,
) -> dict[str, str]:
    mapping: dict[str, str] = {}
    if controls:
        mapping.update(dict.fromkeys(CONTROLS, ""))
    if diacritics:
        mapping.update(dict.fromkeys(_DIACRITICS, ""))
    if tatweel:
        mapping["\u0640"] = ""
    if alef:
        mapping.update(_ALEFS)
    if yeh:
        mapping.update(_YEHS)
    if ta_marbuta:
        mapping["ة"] = "ه"
    if digits:
        mapping.update(_DIGITS)
    # one pass of str.translate: a letter mapped to a mapped letter goes all the way
    # (ۃ -> ة -> ه with ta_marbuta), or the result would change when normalised again
    return {k: mapping.get(v, v) if len(v) == 1 else v for k, v in mapping.items()}


@lru_cache(maxsize=64)
def _table(
    presentation_forms: bool,
    controls: bool,
    diacritics: bool,
    tatweel: bool,
    alef: bool,
    yeh: bool,
    ta_marbuta: bool,
    digits: bool,
) -> dict[int, str]:
    letters = _letter_map(controls, diacritics, tatweel, alef, yeh, ta_marbuta, digits)
    table = {ord(k): v for k, v in letters.items()}
    if presentation_forms:
        for lo, hi in _PRESENTATION_RANGES:
            for code in range(lo, hi + 1):
                char = chr(code)
                base = unicodedata.normalize("NFKC", char)
                if base != char:
                    # Compose with the other steps so one pass reaches a fixed point.
                    table[code] = "".join(letters.get(c, c) for c in base)
    return table


@lru_cache(maxsize=64)
def _translator(*flags: bool) -> Callable[[str], str]:
    """Return ``str -> str`` applying ``_table(*flags)`` to the runs it changes."""
    table = _table(*flags)
    if not table:
        return str
    codes = sorted(table)
    runs = []  # (first, last) code points of consecutive keys
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    ranges = "".join(
        re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "")
        for lo, hi in runs
    )
    pattern = re.compile(f"[{ranges}]+")
    return partial(pattern.sub, lambda match: match.group().translate(table))


def has_visible_text(text: object) -> bool:
    """Whether ``text`` is a string with something besides whitespace and the
    invisible characters of :data:`CONTROLS`.

    Examples
    --------
    >>> has_visible_text(" \\u200f\\n"), has_visible_text("\\u200fقسد"), has_visible_text(3)
    (False, True, False)
    """
    return isinstance(text, str) and _VISIBLE.search(text) is not None


def normalize(
    text: str,
    *,
    presentation_forms: bool = True,
    controls: bool = True,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    yeh: bool = True,
    ta_marbuta: bool = False,
    digits: bool = True,
    whitespace: bool = True,
) -> str:
    """Return ``text`` with Arabic spelling variants unified.

    Parameters
    ----------
    text : str
        Any string. Other scripts pass through unchanged, except for what NFC
        composition itself does (a few singletons such as the Ohm sign and the CJK
        compatibility ideographs become their canonical equivalents).
    presentation_forms, controls, diacritics, tatweel, alef, yeh, ta_marbuta, digits, \
whitespace : bool
        Switch each step on or off; see the module docstring for what each does.

    Returns
    -------
    str
        The normalised text, composed (NFC). ``normalize`` is idempotent for every
        option set, and canonically equivalent texts (NFC, NFD) give the same result.

    Raises
    ------
    TypeError
        When ``text`` is not a ``str`` (for example a NaN cell): use
        :func:`normalize_series` for table columns.

    Examples
    --------
    >>> normalize("زاعمًا")
    'زاعما'
    >>> normalize("مـــسد")
    'مسد'
    >>> normalize("مدرسة", ta_marbuta=True)
    'مدرسه'
    >>> normalize("\\ufedf\\ufe8e")  # presentation forms of "لا"-like glyphs
    'لا'
    >>> normalize("ر\\u064a\\u0654\\u064a\\u0633")  # decomposed: ي + combining hamza
    'رئيس'
    """
    if not isinstance(text, str):
        raise TypeError(
            f"normalize() expects a str, got {type(text).__name__}: {text!r}; "
            "use normalize_series() for a column that may hold missing values"
        )
    translate = _translator(
        presentation_forms, controls, diacritics, tatweel, alef, yeh, ta_marbuta, digits
    )
    out = translate(unicodedata.normalize("NFC", text))
    # A removed character (a control, a tatweel) can leave a letter next to a mark it
    # composes with: compose and translate again until nothing changes (idempotence).
    while not unicodedata.is_normalized("NFC", out):
        out = translate(unicodedata.normalize("NFC", out))
    if whitespace:
        out = " ".join(out.split())  # same whitespace as the regex \s
    return out


def normalize_series(series: pd.Series, **options: bool) -> pd.Series:
    """Normalise every string of a Series; missing values stay missing.

    Parameters
    ----------
    series : pandas.Series
        Strings, possibly with NaN/None/``pd.NA`` cells.
    **options : bool
        The keyword switches of :func:`normalize`.

    Returns
    -------
    pandas.Series
        Same index and name; missing cells are kept as missing, not turned into text.

    Raises
    ------
    TypeError
        When a cell is neither a string nor missing; the message names the row label.

    Examples
    --------
    >>> import pandas as pd
    >>> out = normalize_series(pd.Series(["أكدت", None]))
    >>> out[0], bool(out.isna()[1])
    ('اكدت', True)
    """
    unknown = set(options) - set(STEPS)
    if unknown:
        raise TypeError(f"normalize_series(): unknown option(s) {sorted(unknown)}")

    def one(label: object, value: object) -> object:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return value
        if not isinstance(value, str):
            raise TypeError(
                f"normalize_series(): row {label!r} holds {type(value).__name__} "
                f"{value!r}, expected a string"
            )
        return normalize(value, **options)

    values = [one(label, value) for label, value in series.items()]
    return pd.Series(values, index=series.index, name=series.name, dtype=object)
