"""``python -m toolkit``: the command line of :mod:`toolkit.cli`."""

import sys

from toolkit.cli import main

sys.exit(main())
