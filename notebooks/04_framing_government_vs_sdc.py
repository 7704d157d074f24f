# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 4. Framing: the government versus the SDC
#
# The comparison a framing paper reports, on the worked example. Two views:
#
# 1. the **gold annotation** of the article (what a careful human reader labels), and
# 2. the **automatic pipeline** (attribution + the project's classifiers), which is what
#    you would run on a corpus too large to read.
#
# Every figure is written to `figures/` by `save_figure`, byte-identically on every run.
#
# A single article is a worked example, not a sample: the intervals below are wide on
# purpose, and the tests say what one article can and cannot show.

# %%
import matplotlib.pyplot as plt
import pandas as pd

from toolkit.corpus import load_example, load_example_gold
from toolkit.corpus import schema as S
from toolkit.framing import (
    compare_sides,
    distinctive_terms,
    hedging_by_side,
    labels_by_actor,
    verb_profile,
)
from toolkit.paths import figures_dir
from toolkit.pipeline import analyze
from toolkit.plotting import (
    plot_distinctive_terms,
    plot_hedging_by_side,
    plot_label_usage,
    plot_verb_profile,
    save_figure,
    use_arabic_font,
)

use_arabic_font()
FIGURES = figures_dir()
pd.set_option("display.max_colwidth", 60)

# %% [markdown]
# ## The gold annotation
#
# Nine statements: four by the government, four by the SDC, one in the outlet's own voice.

# %%
gold = load_example_gold()
gold[[S.SPEAKER, S.SIDE, S.VERB, S.VERB_FRAME, S.STANCE, S.HEDGED]]

# %% [markdown]
# ### Reporting verbs per side
#
# The government's statements are introduced assertively (أكدت، أوضحت) or neutrally
# with an assertive secondary verb (أعلن ... مؤكداً); the SDC's are accusations (اتهم) or
# distanced (زاعمًا).

# %%
profile = verb_profile(gold)
ax = plot_verb_profile(profile)
save_figure(ax.figure, FIGURES / "04_verb_profile_gold.png")
plt.show()
profile[profile["feature"] == "verb_frame"].pivot(
    index="value", columns="side", values="count"
)

# %% [markdown]
# ### Hedging
#
# One hedged statement, on the SDC side ("زاعمًا"). With four statements per side in one
# article, the interval is wide and Fisher's exact test cannot tell the sides apart: the
# pattern is visible, the evidence is one article.

# %%
hedging = hedging_by_side(gold)
ax = plot_hedging_by_side(hedging)
save_figure(ax.figure, FIGURES / "04_hedging_gold.png")
plt.show()
hedging

# %% [markdown]
# ### Naming
#
# The outlet's own sentence calls the SDF "ميليشيا قسد"; the government's statements speak
# of "المجموعات المسلحة" and link them to the PKK; the army is "الجيش العربي السوري".

# %%
labels = labels_by_actor(gold)
ax = plot_label_usage(labels)
save_figure(ax.figure, FIGURES / "04_labels_gold.png")
plt.show()
labels

# %% [markdown]
# ### Distinctive words (Fightin' Words)
#
# The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
# 2008) ranks the words most typical of each side's statements; the z-score accounts for
# how often a word occurs at all.

# %%
terms = distinctive_terms(gold, by=S.SIDE)
ax = plot_distinctive_terms(terms, n=6)
save_figure(ax.figure, FIGURES / "04_distinctive_terms_gold.png")
plt.show()
terms.head(10)

# %% [markdown]
# ### The summary table
#
# Everything above in the tidy long format a paper prints (p-values unadjusted).

# %%
summary = compare_sides(gold)
summary

# %% [markdown]
# ## The automatic pipeline
#
# The same comparison without a human in the loop: attribution by rules, stance and
# hedging by the classifiers trained on the project's composed corpus. Where it departs
# from the gold above is where a researcher must read before trusting the numbers.

# %%
result = analyze(load_example(), progress=False)
predicted = result.statements
agreement = pd.DataFrame(
    {
        column: [(predicted[column] == gold[column]).mean()]
        for column in (S.SIDE, S.VERB_FRAME, S.STANCE, S.HEDGED)
    },
    index=["agreement with gold"],
)
agreement

# %%
result.summary.query("section == 'hedging'")
