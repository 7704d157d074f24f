"""Figures of the :mod:`toolkit.framing` tables, with Arabic text laid out RTL.

Each function takes the table the matching framing function returns, an optional
``ax`` and a ``title`` (an Arabic default), and returns the Axes. Categories sit on
the right and bars grow leftwards, as an Arabic reader scans.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> from toolkit.corpus.loaders import load_example_gold
>>> from toolkit.framing import verb_profile
>>> ax = plot_verb_profile(verb_profile(load_example_gold()))
>>> ax.get_title(loc="right") != ""
True
>>> plt.close("all")
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from toolkit.arguments import choice_argument, count_argument
from toolkit.corpus.schema import GOVERNMENT, SDC, SIDE, SIDES, VERB_FRAME, VERB_FRAMES
from toolkit.framing.columns import (
    CI_HIGH,
    CI_LOW,
    COUNT,
    FAVOURS,
    FEATURE,
    LABEL,
    N_HEDGED,
    N_STATEMENTS,
    REFERS_TO,
    SHARE,
    SPELLING,
    TERM,
    VALENCE,
    VALENCES,
    VALUE,
    Z,
)
from toolkit.framing.terms import Z_DISTINCTIVE
from toolkit.plotting._axes import (
    SIDE_COLOURS,
    VALENCE_COLOURS,
    ar,
    axes,
    categories_on_right,
    check_table,
    rtl_axes,
    rtl_legend,
)
from toolkit.plotting.rtl import rtl


def plot_verb_profile(
    profile: pd.DataFrame,
    ax: Axes | None = None,
    *,
    sides: Sequence[str] = (GOVERNMENT, SDC),
    title: str = "أفعال القول حسب الطرف",
) -> Axes:
    """Grouped bars: share of each verb frame in each side's statements.

    Parameters
    ----------
    profile : pandas.DataFrame
        Output of :func:`toolkit.framing.verb_profile` (its ``verb_frame`` rows
        are used; frames none of ``sides`` uses are left out).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    sides : sequence of str
        Sides drawn, top bar first: different values of
        :data:`~toolkit.corpus.schema.SIDES` (those absent from ``profile`` are
        skipped).
    title : str
        Title, in logical order.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        When ``profile`` is not a DataFrame or ``sides`` is a bare string.
    ValueError
        When ``profile`` lacks a column, has one twice, has no rows or gives a
        side's share of a verb frame twice, or ``sides`` is empty, repeats a side
        or names an unknown one.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> profile = pd.DataFrame({"side": ["government", "government", "sdc", "sdc"],
    ...     "feature": "verb_frame", "value": ["assertive", "accusatory"] * 2,
    ...     "count": [3, 0, 0, 2], "share": [0.75, 0.0, 0.0, 0.5]})
    >>> fig, ax = plt.subplots()
    >>> len(plot_verb_profile(profile, ax=ax).patches)  # 2 frames x 2 sides
    4
    >>> plt.close(fig)
    """
    check_table(profile, [SIDE, FEATURE, VALUE, COUNT, SHARE], "argument 'profile'")
    chosen = choice_argument(sides, "sides", allowed=SIDES)
    frames = profile[(profile[FEATURE] == VERB_FRAME) & profile[SIDE].isin(chosen)]
    twice = frames.duplicated([SIDE, VALUE])
    if twice.any():
        side, value = frames.loc[twice.to_numpy(), [SIDE, VALUE]].iloc[0]
        same = (profile[FEATURE] == VERB_FRAME) & (profile[SIDE] == side)
        rows = (same & (profile[VALUE] == value)).to_numpy().nonzero()[0]
        raise ValueError(
            f"argument 'profile': rows {', '.join(map(str, rows))} all give side "
            f"{side!r}, {FEATURE} {VERB_FRAME!r}, {VALUE} {value!r}; pass one "
            "verb_profile table, not several joined"
        )
    shares = frames.pivot(index=VALUE, columns=SIDE, values=SHARE)
    counts = frames.pivot(index=VALUE, columns=SIDE, values=COUNT)
    used = [f for f in VERB_FRAMES if f in counts.index and counts.loc[f].sum() > 0]
    sides = [s for s in chosen if s in shares.columns]
    ax = axes(ax)
    height = 0.8 / max(len(sides), 1)
    positions = np.arange(len(used))
    for rank, side in enumerate(sides):
        ax.barh(
            positions + (rank - (len(sides) - 1) / 2) * height,
            shares.loc[used, side].astype(float),
            height=height,
            color=SIDE_COLOURS[side],
            label=ar(side),
        )
    ax.set_yticks(positions, [ar(frame) for frame in used])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    categories_on_right(ax)
    rtl_axes(ax, title, xlabel="النسبة من تصريحات الطرف")
    rtl_legend(ax)
    return ax


def plot_hedging_by_side(
    hedging: pd.DataFrame,
    ax: Axes | None = None,
    *,
    title: str = "نسبة التصريحات المتحفظة لكل طرف",
) -> Axes:
    """Bars of the hedged share per side with their confidence intervals.

    Parameters
    ----------
    hedging : pandas.DataFrame
        Output of :func:`toolkit.framing.hedging_by_side`. Rows without an
        interval (NaN ``ci_low``/``ci_high``, from ``n_resamples=0``) get a bar
        without error bars; the axis label gives the level in
        ``attrs["confidence"]`` when the table has it.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    title : str
        Title, in logical order.

    Returns
    -------
    matplotlib.axes.Axes
        Each bar is annotated "hedged / statements".

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> hedging = pd.DataFrame({"side": ["government", "sdc"], "share": [0.0, 0.25],
    ...     "ci_low": [0.0, 0.05], "ci_high": [0.49, 0.7], "n_hedged": [0, 1],
    ...     "n_statements": [4, 4]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_hedging_by_side(hedging, ax=ax).texts]
    ['0 / 4', '1 / 4']
    >>> plt.close(fig)
    """
    required = [SIDE, SHARE, CI_LOW, CI_HIGH, N_HEDGED, N_STATEMENTS]
    check_table(hedging, required, "argument 'hedging'")
    ax = axes(ax)
    shares = hedging[SHARE].to_numpy(dtype=float)
    low = hedging[CI_LOW].to_numpy(dtype=float)
    high = hedging[CI_HIGH].to_numpy(dtype=float)
    errors = np.vstack([shares - low, high - shares])
    positions = np.arange(len(hedging))
    ax.barh(
        positions,
        shares,
        xerr=errors,
        color=[SIDE_COLOURS.get(side, "#7f7f7f") for side in hedging[SIDE]],
        error_kw={"ecolor": "#333333", "capsize": 4, "linewidth": 1},
    )
    for position, end, hedged, total in zip(
        positions,
        np.fmax(high, shares),  # past the error bar, or the bar if it has none
        hedging[N_HEDGED],
        hedging[N_STATEMENTS],
        strict=True,
    ):
        ax.text(end + 0.02, position, f"{hedged} / {total}", ha="right", va="center")
    ax.set_yticks(positions, [ar(side) for side in hedging[SIDE]])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    categories_on_right(ax)
    rtl_axes(ax, title, xlabel=_hedged_share_label(hedging, low, high))
    return ax


def _hedged_share_label(
    hedging: pd.DataFrame, low: np.ndarray, high: np.ndarray
) -> str:
    if np.isnan(low).all() and np.isnan(high).all():
        return "النسبة المتحفظة"
    level = hedging.attrs.get("confidence")
    if level is None:
        return "النسبة المتحفظة (فاصل ثقة)"
    return f"النسبة المتحفظة (فاصل ثقة {round(100 * level, 3):g}%)"


def plot_distinctive_terms(
    terms: pd.DataFrame,
    ax: Axes | None = None,
    *,
    n: int = 8,
    title: str = "الكلمات المميزة لكل طرف",
) -> Axes:
    """Diverging bars of the ``n`` most distinctive words of each group.

    Parameters
    ----------
    terms : pandas.DataFrame
        Output of :func:`toolkit.framing.distinctive_terms`. Words are shown as
        usually written (its ``spelling`` column, when present); dashed lines mark
        |z| = 1.96, from which a word is conventionally distinctive.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    n : int
        Words shown per group, at least 1.
    title : str
        Title, in logical order.

    Returns
    -------
    matplotlib.axes.Axes
        Bars to the right favour the first group, to the left the second (the
        z-score of the log-odds ratio).

    Raises
    ------
    TypeError
        When ``terms`` is not a DataFrame or ``n`` is not a whole number.
    ValueError
        When ``terms`` lacks a column, has one twice or has no rows, or ``n``
        is below 1.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> terms = pd.DataFrame({"term": ["الجيش", "حي", "مسد"], "z": [0.9, 0.8, -1.2],
    ...                       "favours": ["government", "government", "sdc"]})
    >>> fig, ax = plt.subplots()
    >>> [float(bar.get_width()) for bar in plot_distinctive_terms(terms, ax=ax, n=1).patches]
    [0.9, -1.2]
    >>> plt.close(fig)
    """
    check_table(terms, [TERM, Z, FAVOURS], "argument 'terms'")
    n = count_argument(n, "n")
    ax = axes(ax)
    first = terms[terms[Z] > 0].head(n)
    second = terms[terms[Z] < 0].tail(n)
    shown = pd.concat([first, second])
    positions = np.arange(len(shown))
    colours = [SIDE_COLOURS.get(group, "#7f7f7f") for group in shown[FAVOURS]]
    ax.barh(positions, shown[Z].to_numpy(dtype=float), color=colours)
    words = shown[SPELLING] if SPELLING in shown.columns else shown[TERM]
    ax.set_yticks(positions, [rtl(word) for word in words])
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    for side in (-1, 1):  # where a word starts to count as distinctive
        ax.axvline(side * Z_DISTINCTIVE, color="#999999", linewidth=0.8, ls="--")
    ax.yaxis.tick_right()
    ax.spines[["left", "top"]].set_visible(False)
    groups = [g for g in dict.fromkeys(shown[FAVOURS]) if g]
    colour = SIDE_COLOURS.get
    rtl_legend(ax, [Patch(color=colour(g, "#7f7f7f"), label=ar(g)) for g in groups])
    rtl_axes(ax, title, xlabel="الدرجة المعيارية z للوغاريتم نسبة الأرجحية")
    return ax


def plot_label_usage(
    labels: pd.DataFrame,
    ax: Axes | None = None,
    *,
    title: str = "كيف يسمى كل طرف",
) -> Axes:
    """Bars of how often each label names each actor, coloured by valence.

    Parameters
    ----------
    labels : pandas.DataFrame
        Output of :func:`toolkit.framing.labels_by_actor` (counts are summed over
        the speaking sides).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    title : str
        Title, in logical order.

    Returns
    -------
    matplotlib.axes.Axes
        Labels are grouped by the actor they name, with the actor's name over
        each group.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> labels = pd.DataFrame({"label": ["قسد", "قسد", "ميليشيا قسد"],
    ...     "refers_to": "sdc", "valence": ["neutral", "neutral", "delegitimising"],
    ...     "count": [1, 2, 1]})
    >>> fig, ax = plt.subplots()
    >>> [float(bar.get_width()) for bar in plot_label_usage(labels, ax=ax).patches]
    [1.0, 3.0]
    >>> plt.close(fig)
    """
    check_table(labels, [LABEL, REFERS_TO, VALENCE, COUNT], "argument 'labels'")
    ax = axes(ax, figsize=(8, 5))
    totals = labels.groupby([REFERS_TO, VALENCE, LABEL], sort=False)[COUNT].sum()
    table = totals.reset_index().assign(
        _actor=lambda t: t[REFERS_TO].map({s: i for i, s in enumerate(SIDES)}),
        _valence=lambda t: t[VALENCE].map({v: i for i, v in enumerate(VALENCES)}),
    )
    table = table.sort_values(
        ["_actor", "_valence", COUNT, LABEL],
        ascending=[True, True, False, True],
        kind="stable",
    ).reset_index(drop=True)
    # each actor's bars below a row of their own holding the actor's name
    group = table[REFERS_TO].ne(table[REFERS_TO].shift()).cumsum()
    positions = table.index + group
    ax.barh(
        positions,
        table[COUNT],
        color=[VALENCE_COLOURS.get(v, "#7f7f7f") for v in table[VALENCE]],
    )
    ax.set_yticks(positions, [rtl(label) for label in table[LABEL]])
    ax.set_ylim(positions.max() + 0.6, -0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    categories_on_right(ax)
    for actor, rows in table.groupby(REFERS_TO, sort=False):
        header = positions[rows.index.min()] - 1
        if header > 0:
            ax.axhline(header - 0.5, color="#333333", linewidth=0.8)
        ax.text(
            0.99,
            header,
            ar(actor),
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontweight="bold",
            fontsize="small",
        )
    present = [v for v in VALENCES if v in set(table[VALENCE])]
    rtl_legend(ax, [Patch(color=VALENCE_COLOURS[v], label=ar(v)) for v in present])
    rtl_axes(ax, title, xlabel="عدد المرات")
    return ax
