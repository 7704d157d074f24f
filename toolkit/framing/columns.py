"""Column names of the tables that :mod:`toolkit.framing` returns.

Input columns come from :mod:`toolkit.corpus.schema`; the names below are the
output columns added by the framing statistics, kept here so that the plotting
layer and user code refer to one definition.

Examples
--------
>>> from toolkit.framing import columns
>>> columns.SHARE, columns.CI_LOW, columns.CI_HIGH
('share', 'ci_low', 'ci_high')
"""

#: Which feature a :func:`~toolkit.framing.verb_profile` row counts.
FEATURE = "feature"
#: The value of that feature (a frame name or a verb).
VALUE = "value"
COUNT = "count"
SHARE = "share"
N_STATEMENTS = "n_statements"
N_DOCUMENTS = "n_documents"
N_HEDGED = "n_hedged"
CI_LOW = "ci_low"
CI_HIGH = "ci_high"
#: How an interval was computed.
INTERVAL = "interval"
LABEL = "label"
REFERS_TO = "refers_to"
VALENCE = "valence"
TERM = "term"
SPELLING = "spelling"
LOG_ODDS = "log_odds"
Z = "z"
#: The group a distinctive term is more typical of.
FAVOURS = "favours"
SECTION = "section"
MEASURE = "measure"
TEST = "test"
P_VALUE = "p_value"
#: A p-value adjusted for the other tests of its table (Holm).
P_HOLM = "p_holm"

#: Label valences, from the most to the least hostile.
VALENCES: tuple[str, ...] = ("delegitimising", "neutral", "legitimising")
