"""How each actor is named: label occurrences found with the labels lexicon.

A label matches whole normalised words, with one attached proclitic allowed on its
first word (``لميليشيا "قسد"`` is the label ``ميليشيا قسد``). Longer labels win
over the labels they contain, and occurrences never overlap.

Examples
--------
>>> [m.label for m in find_labels('خرقت مجموعات مسلحة تابعة لميليشيا "قسد"')]
['مجموعات مسلحة', 'ميليشيا قسد']
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from toolkit.arguments import check_table
from toolkit.corpus.schema import SIDE, SIDES
from toolkit.corpus.tokens import strip_proclitic, tokenize
from toolkit.framing._input import check_statements, texts
from toolkit.framing.columns import (
    COUNT,
    LABEL,
    N_STATEMENTS,
    REFERS_TO,
    VALENCE,
    VALENCES,
)
from toolkit.lexicons import load_lexicon


class LabelMatch(NamedTuple):
    """One label occurrence: the lexicon entry and its first token's index.

    Examples
    --------
    >>> find_labels('قصف الجيش العربي السوري مواقع ميليشيا "قسد"')[0]
    LabelMatch(label='الجيش العربي السوري', refers_to='government',
               valence='legitimising', position=1)
    """

    label: str
    refers_to: str
    valence: str
    position: int


class _Entry(NamedTuple):
    label: str
    refers_to: str
    valence: str


def _index(lexicon: pd.DataFrame) -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    by_first: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for label, norm, refers_to, valence in lexicon[
        [LABEL, f"{LABEL}_norm", REFERS_TO, VALENCE]
    ].itertuples(index=False):
        tokens = tuple(tokenize(norm))
        if tokens:
            by_first.setdefault(tokens[0], []).append(
                (tokens, _Entry(label, refers_to, valence))
            )
    for phrases in by_first.values():
        phrases.sort(key=lambda item: len(item[0]), reverse=True)
    return by_first


@lru_cache(maxsize=1)
def _default_index() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    return _index(load_lexicon("labels"))


def _lexicon_index(
    lexicon: pd.DataFrame | None,
) -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    if lexicon is None:
        return _default_index()
    required = [LABEL, f"{LABEL}_norm", REFERS_TO, VALENCE]
    check_table(lexicon, required, "argument 'lexicon'", "labels lexicon DataFrame")
    return _index(lexicon)


def find_labels(text: str, lexicon: pd.DataFrame | None = None) -> list[LabelMatch]:
    """Return the label occurrences in ``text``, in reading order.

    Parameters
    ----------
    text : str
        Raw or normalised text.
    lexicon : pandas.DataFrame, optional
        A labels lexicon with the columns of ``load_lexicon("labels")`` (including
        ``label_norm``); the shipped one by default.

    Raises
    ------
    TypeError
        When ``lexicon`` is not a DataFrame.
    ValueError
        When ``lexicon`` lacks a column or has one twice.

    Examples
    --------
    >>> find_labels("يأتي في إطار حرص الجيش العربي السوري")[0].valence
    'legitimising'
    >>> find_labels("no label here")
    []
    """
    return _find(text, _lexicon_index(lexicon))


def _find(
    text: str, by_first: dict[str, list[tuple[tuple[str, ...], _Entry]]]
) -> list[LabelMatch]:
    tokens = tokenize(text)
    found: list[LabelMatch] = []
    i = 0
    while i < len(tokens):
        first = strip_proclitic(tokens[i], by_first)
        match = next(
            (
                (phrase, entry)
                for phrase, entry in by_first.get(first or "", ())
                if tuple(tokens[i + 1 : i + len(phrase)]) == phrase[1:]
            ),
            None,
        )
        if match is None:
            i += 1
            continue
        phrase, entry = match
        found.append(LabelMatch(*entry, i))
        i += len(phrase)
    return found


def labels_by_actor(
    statements: pd.DataFrame, lexicon: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Count the labels each side's statements use for each actor.

    Parameters
    ----------
    statements : pandas.DataFrame
        Statements with ``side`` and ``text`` (or ``text_norm``).
    lexicon : pandas.DataFrame, optional
        Labels lexicon (columns ``label``, ``label_norm``, ``refers_to``,
        ``valence``); ``load_lexicon("labels")`` by default.

    Returns
    -------
    pandas.DataFrame
        One row per (speaking side, label) found, with columns ``side`` (whose
        statements use the label; ``narrator`` is the outlet's own voice),
        ``label``, ``refers_to`` (the actor it names), ``valence``, ``count``
        (occurrences) and ``n_statements`` (statements containing it). Sorted by
        named actor, speaking side (schema order), valence (delegitimising first)
        and descending count.

    Raises
    ------
    TypeError
        When ``statements`` or ``lexicon`` is not a DataFrame.
    ValueError
        When a column is missing or duplicated, or a row has an unknown side.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"side": ["narrator", "government"],
    ...     "text": ['مجموعات تابعة لميليشيا "قسد"', "أكد الجيش العربي السوري"]})
    >>> labels_by_actor(table)[["side", "label", "refers_to", "valence"]]
             side                label   refers_to         valence
    0  government  الجيش العربي السوري  government    legitimising
    1    narrator          ميليشيا قسد         sdc  delegitimising
    """
    check_statements(statements, [SIDE])
    by_first = _lexicon_index(lexicon)
    columns = [SIDE, LABEL, REFERS_TO, VALENCE, COUNT, N_STATEMENTS]
    records = [
        (side, *match[:3], row)
        for row, (side, text) in enumerate(
            zip(statements[SIDE], texts(statements), strict=True)
        )
        for match in _find(text, by_first)
    ]
    found = pd.DataFrame(records, columns=[SIDE, LABEL, REFERS_TO, VALENCE, "row"])
    if found.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    table = (
        found.groupby([SIDE, LABEL, REFERS_TO, VALENCE], sort=False)["row"]
        .agg([(COUNT, "size"), (N_STATEMENTS, "nunique")])
        .reset_index()
    )
    order = {side: rank for rank, side in enumerate(SIDES)}
    table = table.assign(
        _actor=table[REFERS_TO].map(order),
        _side=table[SIDE].map(order),
        _valence=table[VALENCE].map({v: rank for rank, v in enumerate(VALENCES)}),
    ).sort_values(
        ["_actor", "_side", "_valence", COUNT, LABEL],
        ascending=[True, True, True, False, True],
        kind="stable",
    )
    return table[columns].reset_index(drop=True)
