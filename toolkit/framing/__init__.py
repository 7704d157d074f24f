"""Side-by-side framing statistics: DataFrame of statements in, DataFrame out.

* :func:`verb_profile`: how each side's statements are introduced (verb frames
  and reporting verbs);
* :func:`hedging_by_side`: hedged share per side, intervals and a test of the
  difference that count documents, not statements, as the independent units
  (:func:`share_interval`, :func:`clustered_difference_test`);
* :func:`labels_by_actor`: how each actor is named, with the lexicon's valence;
* :func:`distinctive_terms`: Fightin' Words log-odds with an informative prior;
* :func:`compare_sides`: all of the above in one tidy table, its p-values also
  adjusted for the table's multiple tests (:func:`holm_adjust`).

Every random step takes a ``seed`` and defaults to a fixed one.

Examples
--------
>>> from toolkit.corpus.loaders import load_example_gold
>>> from toolkit.framing import labels_by_actor
>>> labels = labels_by_actor(load_example_gold())
>>> labels.loc[labels["label"] == "ميليشيا قسد", ["side", "refers_to"]].values
array([['narrator', 'sdc']], dtype=object)
"""

from toolkit.framing import columns
from toolkit.framing.clustered import (
    OneDocumentWarning,
    clustered_difference_test,
    design_effect,
    share_interval,
)
from toolkit.framing.hedging import hedging_by_side
from toolkit.framing.labels import LabelMatch, find_labels, labels_by_actor
from toolkit.framing.stats import DifferenceTest, difference_test, holm_adjust
from toolkit.framing.summary import compare_sides
from toolkit.framing.terms import distinctive_terms
from toolkit.framing.verbs import verb_profile

__all__ = [
    "DifferenceTest",
    "LabelMatch",
    "OneDocumentWarning",
    "clustered_difference_test",
    "columns",
    "compare_sides",
    "design_effect",
    "difference_test",
    "distinctive_terms",
    "find_labels",
    "hedging_by_side",
    "holm_adjust",
    "labels_by_actor",
    "share_interval",
    "verb_profile",
]
