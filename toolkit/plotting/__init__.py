"""RTL-safe matplotlib figures of the framing statistics.

* :func:`rtl`: the display form of a string for the renderer in use (detected at
  run time per output format), idempotent;
* :func:`use_arabic_font`: an Arabic-capable font, DejaVu Sans as fallback;
* :func:`save_figure`: PNG/SVG/PDF written byte-identically;
* ``plot_*``: one figure per framing table and the confusion matrix; each takes
  ``ax=`` and returns the Axes.

Examples
--------
>>> from toolkit.plotting import rtl, shapes_arabic
>>> rtl("قسد SDF") == "قسد SDF" or not shapes_arabic()
True
"""

from toolkit.plotting.confusion import plot_confusion_matrix
from toolkit.plotting.fonts import DEFAULT_FONT, missing_glyphs, use_arabic_font
from toolkit.plotting.framing_plots import (
    plot_distinctive_terms,
    plot_hedging_by_side,
    plot_label_usage,
    plot_verb_profile,
)
from toolkit.plotting.names import ARABIC_NAMES, arabic_name
from toolkit.plotting.rtl import (
    RTLWarning,
    display_form,
    laid_out_glyphs,
    rtl,
    shapes_arabic,
)
from toolkit.plotting.save import save_figure

__all__ = [
    "ARABIC_NAMES",
    "DEFAULT_FONT",
    "RTLWarning",
    "arabic_name",
    "display_form",
    "laid_out_glyphs",
    "missing_glyphs",
    "plot_confusion_matrix",
    "plot_distinctive_terms",
    "plot_hedging_by_side",
    "plot_label_usage",
    "plot_verb_profile",
    "rtl",
    "save_figure",
    "shapes_arabic",
    "use_arabic_font",
]
