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
from toolkit.framing import distinctive_terms

gold = load_example_gold()

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
# Arabic imperfect verbs open with one of أ ن ي ت. In news copy, though, a word after
# "قد" that opens with أ or ن is far more often a perfect (أعلن، نفى، نشر) than a
# first-person imperfect, and a word that opens and ends with ت is usually a feminine
# perfect (تمكنت، تراجعت). So the rule reads ي, and ت without a final ت, as imperfect,
# and lists تمّ/تمت, the commonest perfect in ت, as perfect. "كان قد" and "لقد" always
# assert; a "لا" after "قد" is skipped.
#
# This is a heuristic, not morphology: it misreads تثبت and تفلت (imperfects whose root
# ends in ت) and نشهد ("we will see"). A morphological analyser settles such cases; the
# toolkit's own rule (`toolkit.lexicons.cues.is_imperfect`) makes the same trade-off
# with a longer list of perfects.

# %%
PERFECT_IN_TA = {"تم", "تمت"}  # normalised: the shadda of تمّ is gone


def qad_hedges(sentence: str) -> int:
    words = normalize(sentence).split()
    for i, word in enumerate(words[:-1]):
        if word not in ("قد", "وقد", "فقد"):
            continue
        if i > 0 and words[i - 1] in ("كان", "كانت", "وكان", "وكانت"):
            continue
        negated = words[i + 1] == "لا" and i + 2 < len(words)
        following = words[i + 2] if negated else words[i + 1]
        if following.startswith("ي") or (
            following.startswith("ت")
            and not following.endswith("ت")
            and following not in PERFECT_IN_TA
        ):
            return 1
    return 0


answer_3 = qad_hedges
exercises.check_qad_rule(answer_3, strict=True)

# %% [markdown]
# ## Exercise 4
# The SDC end of the table is a tie between مسد and والأشرفية (either is right). Its
# |z| of about 1.2 is below 1.96: in one article of nine statements no single word is
# distinctive. Word comparisons need many articles.

# %%
terms = distinctive_terms(gold, by=S.SIDE)
answer_4 = terms.sort_values("z")["term"].iloc[0]
print(terms.sort_values("z").head(3)[["term", "spelling", "z"]])
exercises.check_top_term(answer_4, strict=True)

# %% [markdown]
# ## Exercise 5
# Count hedged and total statements per document once, then resample documents. The
# same code with one statement per "document" gives the interval that ignores the
# clustering: much narrower, and too sure of itself.

# %%
outlet = exercises.simulated_outlet()


def document_bootstrap(statements: pd.DataFrame, seed: int = 0) -> tuple[float, float]:
    per_document = (
        statements.groupby(S.DOC_ID)[S.HEDGED].agg(["sum", "count"]).to_numpy()
    )
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(per_document), size=(2000, len(per_document)))
    resampled = per_document[picks].sum(axis=1)
    shares = resampled[:, 0] / resampled[:, 1]
    return tuple(float(x) for x in np.percentile(shares, [2.5, 97.5]))


answer_5 = document_bootstrap(outlet)
one_by_one = document_bootstrap(outlet.assign(doc_id=range(len(outlet))))
print(
    pd.DataFrame(
        [answer_5, one_by_one],
        columns=["low", "high"],
        index=["documents", "single statements"],
    ).round(3)
)
exercises.check_bootstrap(answer_5, outlet, strict=True)
