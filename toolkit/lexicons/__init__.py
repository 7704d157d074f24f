"""Curated Arabic lexicons (data files) and the cue finder built on them.

Examples
--------
>>> from toolkit.lexicons import load_lexicon
>>> sorted(load_lexicon("labels")["valence"].unique())
['delegitimising', 'legitimising', 'neutral']
"""

from toolkit.lexicons.cues import Cue, cue_counts, find_cues
from toolkit.lexicons.loader import LEXICONS, lexicon_path, load_lexicon

__all__ = ["LEXICONS", "Cue", "cue_counts", "find_cues", "lexicon_path", "load_lexicon"]
