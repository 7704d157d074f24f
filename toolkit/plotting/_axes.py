"""Small helpers shared by the plot functions: axes, RTL titles and mirroring."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.transforms import ScaledTranslation

from toolkit.arguments import check_table as check_frame
from toolkit.plotting.names import arabic_name
from toolkit.plotting.rtl import rtl

#: One colour per side, stable across figures.
#: Height of a title line, in inches: how far a wide legend is raised above it.
LINE = 0.3
SIDE_COLOURS = {
    "government": "#1f5f8b",
    "sdc": "#d08c2b",
    "third_party": "#6b8e23",
    "narrator": "#7f7f7f",
}
VALENCE_COLOURS = {
    "delegitimising": "#b2182b",
    "neutral": "#9e9e9e",
    "legitimising": "#2166ac",
}


def axes(ax: Axes | None, figsize: tuple[float, float] = (7, 4)) -> Axes:
    """``ax``, or the axes of a new constrained-layout figure.

    Raises
    ------
    TypeError
        When ``ax`` is neither ``None`` nor a matplotlib ``Axes``.
    """
    if ax is not None:
        if not isinstance(ax, Axes):
            raise TypeError(
                "argument 'ax' must be a matplotlib Axes (e.g. from plt.subplots()) "
                f"or None; got {type(ax).__name__} {ax!r}"
            )
        return ax
    return plt.subplots(figsize=figsize, layout="constrained")[1]


def check_table(table: pd.DataFrame, required: Iterable[str], what: str) -> None:
    """Raise a ``TypeError``/``ValueError`` naming the plot's argument.

    The table must be a DataFrame with the ``required`` columns, none of them
    twice, and at least one row.
    """
    check_frame(table, required, what)
    if table.empty:
        raise ValueError(f"{what} has no rows to plot")


def ar(code: str) -> str:
    """Arabic display form of a code, ready for the renderer."""
    return rtl(arabic_name(str(code)))


def rtl_axes(ax: Axes, title: str, xlabel: str = "", ylabel: str = "") -> None:
    """Right-aligned title; axis labels through :func:`rtl`."""
    ax.set_title(rtl(title), loc="right")
    ax.set_xlabel(rtl(xlabel), loc="right")
    ax.set_ylabel(rtl(ylabel))


def categories_on_right(ax: Axes) -> None:
    """Put the y categories on the right and let bars grow leftwards (RTL)."""
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.invert_xaxis()
    ax.spines[["left", "top"]].set_visible(False)


def rtl_legend(ax: Axes, handles: list | None = None) -> None:
    """Legend above the axes on the left (the title is on the right), read right to
    left: first entry rightmost, markers right of their labels. With more than
    two entries the row is wide enough to reach the title, so it goes a line
    higher, above it."""
    if handles is None:
        handles = ax.get_legend_handles_labels()[0]
    ax.legend(
        handles=handles[::-1],
        markerfirst=False,
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0, 1),
        bbox_transform=ax.transAxes
        + ScaledTranslation(
            0, 0 if len(handles) <= 2 else LINE, ax.figure.dpi_scale_trans
        ),
        ncols=len(handles),
        borderaxespad=0.2,
    )
