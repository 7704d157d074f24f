# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 5. Exercises
#
# Five short exercises on the method, for a class or for self-study. Each one ends with a
# check cell: run it after writing your answer and it tells you whether you are right
# (✓), gives a hint (✗), or reminds you the exercise is still open. The expected values
# are computed by the toolkit when you run the check, not stored in this notebook.
#
# Worked solutions are in `solutions/05_exercises_solutions.ipynb`: a teacher can hand
# out this notebook alone.

# %%
import numpy as np
import pandas as pd

from toolkit import exercises
from toolkit.corpus import load_example_gold, normalize
from toolkit.corpus import schema as S
from toolkit.framing import distinctive_terms

gold = load_example_gold()

# %% [markdown]
# ## Exercise 1: one man, two spellings
#
# The article writes the SDC official's name as "محمد علي" and later as "محمد على".
# How many distinct spellings remain after `normalize`? Replace `None` with your answer
# (compute it, do not guess).

# %%
answer_1 = None

# %%
exercises.check_normalized_names(answer_1)

# %% [markdown]
# ## Exercise 2: assertive verbs per side
#
# Using `gold` (one row per statement, with `side` and `verb_frame`), compute for the
# government and for the SDC the share of their statements whose frame is `assertive`.
# Answer with a dict `{"government": ..., "sdc": ...}`.

# %%
answer_2 = None

# %%
exercises.check_assertive_share(answer_2)

# %% [markdown]
# ## Exercise 3: the "قد" trap
#
# "قد" before an imperfect verb ("قد يتكرر") hedges; before a perfect verb ("قد خرقت",
# "كانت قد انسحبت") it asserts. Write a function that returns 1 for a hedging "قد" and 0
# otherwise. Try it on the six sentences in `exercises.QAD_SENTENCES`; the check also
# runs it on seven sentences you do not see, so a rule that only fits the six will not
# pass. Think about which letters open an imperfect verb, and which perfect verbs open
# with the same letters (تمّ, "was done", is the commonest of them in news copy).


# %%
def qad_hedges(sentence: str) -> int:
    return None


answer_3 = None  # set to qad_hedges when it works

# %%
exercises.check_qad_rule(answer_3)

# %% [markdown]
# ## Exercise 4: the most distinctive word
#
# With `distinctive_terms(gold, by="side")`, find the word most typical of the SDC's
# statements (the most negative z-score, since the government is the first group).
# Answer with the word, in either spelling the table shows (`term` is normalised,
# `spelling` as written). Then look at the size of its z-score: what does one article
# allow you to say about single words?

# %%
answer_4 = None

# %%
exercises.check_top_term(answer_4)

# %% [markdown]
# ## Exercise 5: an honest interval
#
# Statements of one article are not independent: an outlet that hedges one SDC claim
# in a story tends to hedge the next. `outlet` below is **simulated** (30 articles of 8
# SDC statements, each article with its own propensity to hedge; see
# `exercises.simulated_outlet`); the composed corpus of the other notebooks spreads
# hedging too evenly over its documents to show the effect.
#
# Compute a 95% bootstrap interval for the share of the SDC's statements that are
# hedged, **resampling whole documents** (`doc_id`) with replacement, 2,000 times, and
# taking the 2.5th and 97.5th percentiles. Answer with a tuple `(low, high)`. Then
# resample single statements instead and compare the widths.

# %%
outlet = exercises.simulated_outlet()
answer_5 = None

# %%
exercises.check_bootstrap(answer_5, outlet)
