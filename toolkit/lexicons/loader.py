"""Load the curated lexicons shipped as TSV files beside this module.

Each lexicon is data, not code: a UTF-8 TSV with a header, described in this folder's
``README.md``. The loader checks the columns, adds a normalised copy of the key column
(``<key>_norm``) and caches the result, so matching code compares normalised text with
normalised text.

Examples
--------
>>> verbs = load_lexicon("reporting_verbs")
>>> verbs.loc[verbs["form"] == "زاعماً", "frame"].item()
'distancing'
>>> verbs.loc[verbs["form"] == "زاعماً", "form_norm"].item()
'زاعما'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from toolkit.corpus.normalize import normalize
from toolkit.corpus.schema import SIDES, VERB_FRAMES, check_values, require_columns

_HERE = Path(__file__).parent

#: name -> (key column, required columns)
LEXICONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "reporting_verbs": ("form", ("form", "lemma", "frame", "form_type")),
    "actors": ("alias", ("alias", "canonical", "side", "kind", "anaphor")),
    "labels": ("label", ("label", "refers_to", "valence", "notes")),
    "hedges": ("cue", ("cue", "kind", "match", "notes")),
    "stopwords": ("word", ("word",)),
}
_LEGAL: dict[str, dict[str, tuple[str, ...]]] = {
    "reporting_verbs": {"frame": VERB_FRAMES},
    "actors": {"side": SIDES, "anaphor": ("0", "1")},
    "labels": {
        "refers_to": SIDES,
        "valence": ("delegitimising", "neutral", "legitimising"),
    },
    "hedges": {
        "kind": ("hedge", "booster", "dismissal", "background"),
        "match": ("word", "phrase"),
    },
}


def lexicon_path(name: str) -> Path:
    """Return the path of the TSV file behind lexicon ``name``.

    Parameters
    ----------
    name : str
        One of the keys of :data:`LEXICONS`.

    Raises
    ------
    ValueError
        When ``name`` is not a known lexicon.

    Examples
    --------
    >>> lexicon_path("labels").name
    'labels.tsv'
    """
    if name not in LEXICONS:
        raise ValueError(
            f"unknown lexicon {name!r}; available: {', '.join(sorted(LEXICONS))}"
        )
    return _HERE / f"{name}.tsv"


@cache
def _read(name: str) -> pd.DataFrame:
    path = lexicon_path(name)
    key, required = LEXICONS[name]
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    require_columns(frame, required, str(path))
    for column, legal in _LEGAL.get(name, {}).items():
        check_values(frame, column, legal, str(path))
    frame[f"{key}_norm"] = [normalize(value) for value in frame[key]]
    return frame


def load_lexicon(name: str) -> pd.DataFrame:
    """Return lexicon ``name`` as a DataFrame (a fresh copy each call).

    Parameters
    ----------
    name : str
        ``"reporting_verbs"``, ``"actors"``, ``"labels"``, ``"hedges"`` or
        ``"stopwords"``.

    Returns
    -------
    pandas.DataFrame
        The file's columns plus ``<key>_norm``, the normalised key.

    Examples
    --------
    >>> load_lexicon("actors").query("alias == 'مسد'")["side"].item()
    'sdc'
    """
    return _read(name).copy()
