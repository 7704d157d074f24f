"""Write figures that are byte-identical from one run to the next.

Examples
--------
>>> import tempfile, pathlib
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> with tempfile.TemporaryDirectory() as folder:
...     first = save_figure(fig, pathlib.Path(folder) / "a.svg").read_bytes()
...     second = save_figure(fig, pathlib.Path(folder) / "a.svg").read_bytes()
>>> first == second
True
>>> plt.close(fig)
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from toolkit.plotting.rtl import output_format, shapes_arabic

#: Creator written into every file instead of a version string or a date.
CREATOR = "arabic-framing-toolkit"
#: Fixed metadata per format: no dates, no version numbers.
METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": CREATOR},
    "svg": {"Creator": CREATOR, "Date": None},
    "pdf": {"Creator": CREATOR, "Producer": CREATOR, "CreationDate": None},
}
#: rcParams that make output reproducible: fixed SVG ids, glyphs drawn as paths.
REPRODUCIBLE_RC: dict[str, object] = {
    "svg.hashsalt": CREATOR,
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}


def save_figure(fig: Figure, path: str | Path, *, dpi: float = 150, **kwargs) -> Path:
    """Save ``fig`` as PNG, SVG or PDF with fixed metadata, byte-identically.

    Text is drawn as glyph outlines in SVG (``svg.fonttype = "path"``), so the
    file looks the same without the font installed and goes through the same
    Arabic layout as PNG and PDF. Parent folders are created.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    path : str or pathlib.Path
        Target file; its suffix (``.png``, ``.svg``, ``.pdf``) picks the format.
    dpi : float
        Resolution of raster output.
    **kwargs
        Passed to :meth:`~matplotlib.figure.Figure.savefig` (``metadata`` is
        not accepted: it is fixed).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        For another suffix, a ``metadata`` argument, or when this format's
        renderer treats Arabic differently from the one the labels were prepared
        for (``rcParams["savefig.format"]``, see :func:`~toolkit.plotting.rtl`).

    Examples
    --------
    >>> save_figure(None, "figure.gif")
    Traceback (most recent call last):
    ...
    ValueError: save_figure: cannot write 'figure.gif'; use a .png, .svg or .pdf path
    """
    path = Path(path)
    fmt = output_format(path.suffix) if path.suffix else ""
    if fmt not in METADATA:
        raise ValueError(
            f"save_figure: cannot write {str(path)!r}; use a .png, .svg or .pdf path"
        )
    if "metadata" in kwargs:
        raise ValueError("save_figure: 'metadata' is fixed for reproducibility")
    with mpl.rc_context(REPRODUCIBLE_RC):
        if shapes_arabic(fmt) != shapes_arabic():
            raise ValueError(
                f"save_figure: the {fmt} renderer lays out Arabic differently from "
                f"{mpl.rcParams['savefig.format']!r}, for which the labels were "
                f"prepared; set rcParams['savefig.format'] = {fmt!r} before plotting"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=dpi, metadata=METADATA[fmt], **kwargs)
    return path
