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
# # 5. Exercises: worked solutions
#
# The teacher's copy of `05_exercises`. Each check runs with `strict=True`, so this
# notebook fails loudly if a solution stops being right.

# %%
import numpy as np
import pandas as pd

from toolkit import exercises
from toolkit.corpus import load_example_gold, normalize
from toolkit.corpus import schema as S
from toolkit.datasets import load_framing_statements
from toolkit.framing import distinctive_terms

gold = load_example_gold()
corpus = load_framing_statements()

# %% [markdown]
# ## Exercise 1
# Normalisation maps alef maqsura (ى) to ya (ي), so both spellings become one.

# %%
answer_1 = len({normalize("محمد علي"), normalize("محمد على")})
exercises.check_normalized_names(answer_1, strict=True)

# %% [markdown]
# ## Exercise 2
# A mean of a boolean column is a share.

# %%
sides = gold[gold[S.SIDE].isin([S.GOVERNMENT, S.SDC])]
answer_2 = sides[S.VERB_FRAME].eq(S.ASSERTIVE).groupby(sides[S.SIDE]).mean().to_dict()
print(answer_2)
exercises.check_assertive_share(answer_2, strict=True)

# %% [markdown]
# ## Exercise 3
# Find "قد" (with or without a و/ف before it), skip a following "لا", and look at the
# next word: an imperfect verb starts with ي or ت (and does not end in the perfect's
# ت). "كان قد" and "لقد" always assert.


# %%
def qad_hedges(sentence: str) -> int:
    words = normalize(sentence).split()
    for i, word in enumerate(words[:-1]):
        if word not in ("قد", "وقد", "فقد"):
            continue
        if i > 0 and words[i - 1] in ("كان", "كانت", "وكان", "وكانت"):
            continue
        following = words[i + 2] if words[i + 1] == "لا" else words[i + 1]
        if following.startswith("ي") or (
            following.startswith("ت") and not following.endswith("ت")
        ):
            return 1
    return 0


answer_3 = qad_hedges
exercises.check_qad_rule(answer_3, strict=True)

# %% [markdown]
# ## Exercise 4

# %%
terms = distinctive_terms(gold, by=S.SIDE)
answer_4 = terms.sort_values("z")["term"].iloc[0]
print(answer_4)
exercises.check_top_term(answer_4, strict=True)

# %% [markdown]
# ## Exercise 5
# Count hedged and total statements per document once, then resample documents.

# %%
sdc = corpus[corpus[S.SIDE] == S.SDC]
per_document = sdc.groupby(S.DOC_ID)[S.HEDGED].agg(["sum", "count"]).to_numpy()
rng = np.random.default_rng(0)
picks = rng.integers(0, len(per_document), size=(2000, len(per_document)))
resampled = per_document[picks].sum(axis=1)
shares = resampled[:, 0] / resampled[:, 1]
answer_5 = tuple(float(x) for x in np.percentile(shares, [2.5, 97.5]))
print(pd.Series(answer_5, index=["low", "high"]).round(3))
exercises.check_bootstrap(answer_5, corpus, strict=True)
