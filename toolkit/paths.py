"""Where the project's own folders are: shipped data and generated figures.

Examples
--------
>>> figures_dir().name
'figures'
"""

from __future__ import annotations

import os
from pathlib import Path

#: Root of a source checkout (the folder holding ``toolkit/`` and ``datasets/``).
PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: Environment variable that redirects figures (tests use it to write elsewhere).
FIGURES_ENV = "TOOLKIT_FIGURES_DIR"


def figures_dir() -> Path:
    """Return the folder figures are written to, creating it if needed.

    ``$TOOLKIT_FIGURES_DIR`` when set, else ``figures/`` at the project root.

    Returns
    -------
    pathlib.Path
        An existing folder.

    Examples
    --------
    >>> figures_dir().is_dir()
    True
    """
    folder = Path(os.environ.get(FIGURES_ENV) or PROJECT_ROOT / "figures")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
