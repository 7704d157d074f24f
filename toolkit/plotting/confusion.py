"""Confusion matrix of a classifier, with Arabic class names.

Examples
--------
>>> import pandas as pd, matplotlib.pyplot as plt
>>> cm = pd.DataFrame([[5, 1], [2, 7]], index=["neutral", "pro_sdc"],
...                   columns=["neutral", "pro_sdc"])
>>> ax = plot_confusion_matrix(cm)
>>> len(ax.texts)
4
>>> plt.close("all")
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from toolkit.plotting._axes import ar, axes, check_table, rtl_axes


def plot_confusion_matrix(
    matrix: pd.DataFrame,
    ax: Axes | None = None,
    *,
    normalize: bool = False,
    title: str = "مصفوفة الالتباس",
    cmap: str = "Blues",
) -> Axes:
    """Draw a confusion matrix whose index (true) and columns (predicted) are classes.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Square table of counts, true classes as index and predicted classes as
        columns in the same order (e.g. from ``pandas.crosstab`` or
        ``sklearn.metrics.confusion_matrix`` wrapped in a DataFrame). Known codes
        (stances, sides, frames) are shown by their Arabic names.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    normalize : bool
        Colour and annotate by share of each true class (rows sum to 100%)
        instead of counts.
    title : str
        Title, in logical order.
    cmap : str
        Colour map.

    Returns
    -------
    matplotlib.axes.Axes
        Mirrored for right-to-left reading: true classes on the right-hand axis,
        predicted classes along the top with the first class on the right, so the
        diagonal runs from the top right.

    Raises
    ------
    TypeError
        When ``matrix`` is not a DataFrame.
    ValueError
        When the matrix is empty, not square with the same labels on both axes,
        names a class twice, or holds negative or non-numeric values.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> classes = ["neutral", "pro_sdc"]
    >>> cm = pd.DataFrame([[3, 1], [0, 4]], index=classes, columns=classes)
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in plot_confusion_matrix(cm, ax=ax, normalize=True).texts]
    ['75%', '25%', '0%', '100%']
    >>> plt.close(fig)
    """
    check_table(matrix, [], "argument 'matrix'")
    if list(matrix.index) != list(matrix.columns):
        raise ValueError(
            "argument 'matrix': index (true classes) and columns (predicted classes) "
            f"must list the same classes in the same order; got {list(matrix.index)} "
            f"and {list(matrix.columns)}"
        )
    try:
        counts = matrix.to_numpy(dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"argument 'matrix' must hold numbers: {error}") from None
    if (counts < 0).any() or np.isnan(counts).any():
        raise ValueError("argument 'matrix' must hold non-negative counts")
    ax = axes(ax, figsize=(6, 5))
    totals = counts.sum(axis=1, keepdims=True)
    shares = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    shown = shares if normalize else counts
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=1 if normalize else None)
    threshold = (np.nanmax(shown) or 1) / 2
    for (row, column), value in np.ndenumerate(shown):
        text = f"{value:.0%}" if normalize else f"{int(counts[row, column])}"
        ax.text(
            column,
            row,
            text,
            ha="center",
            va="center",
            color="white" if value > threshold else "black",
        )
    names = [ar(code) for code in matrix.index]
    positions = np.arange(len(names))
    ax.set_xticks(positions, names)
    ax.set_yticks(positions, names)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.invert_xaxis()
    rtl_axes(ax, title, xlabel="الصنف المتوقع", ylabel="الصنف الفعلي")
    ax.yaxis.label.set(rotation=-90, va="bottom")
    # Set apart from the class names, so "predicted" does not read as part of one.
    ax.xaxis.labelpad = 8
    for label in (ax.xaxis.label, ax.yaxis.label):
        label.set(color="dimgray")
    bar = ax.figure.colorbar(image, ax=ax, location="left", shrink=0.8)
    if normalize:  # the cells show percentages; so does the scale
        bar.formatter = PercentFormatter(1.0)
    return ax
