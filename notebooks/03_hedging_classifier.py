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
# # 3. The hedging classifier
#
# Does the text present a claim as fact, or distance itself from it? Arabic news hedges
# with verbs (زعم، ادعى، "زاعمًا": claimed, alleged, "claiming"), nouns (مزاعم، ادعاءات:
# claims, allegations), adverbs (ربما، على ما يبدو: perhaps, apparently) and one famous
# particle: "قد" before an imperfect verb ("قد يتكرر") hedges, before a
# perfect verb ("قد خرقت") it **asserts**. The `HedgeClassifier` combines TF-IDF n-grams
# with lexicon cue features that know this rule. This notebook asks whether the cues
# help, walks through the "قد" trap, and reads the errors.

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit.classify import HedgeClassifier, evaluate, top_features
from toolkit.corpus import load_example_gold
from toolkit.corpus import schema as S
from toolkit.datasets import load_framing_statements, load_real_hedging, missing_files
from toolkit.lexicons import cue_counts, find_cues
from toolkit.paths import figures_dir
from toolkit.plotting import plot_confusion_matrix, save_figure, use_arabic_font

use_arabic_font()
pd.set_option("display.max_colwidth", 100)

corpus = load_framing_statements()
fit_on = corpus[corpus[S.SPLIT].isin(["train", "dev"])]
test = corpus[corpus[S.SPLIT] == "test"]

# %% [markdown]
# ## The "قد" trap, by rule
#
# `find_cues` reads the word after "قد": an imperfect verb makes a hedge, a perfect one
# (or "كانت قد"، "لقد") an emphatic assertion. Two more rules read context: a hedge word
# that is denied ("نفت ... مزاعم") is the speaker's certainty, a booster; a headline
# that asks *whether* ("هل ...؟") puts its claim in doubt.

# %%
examples = [
    "قال المتحدث إن الهجوم قد يتكرر",
    "وكانت مجموعات تابعة لميليشيا قسد قد خرقت الاتفاق",
    "لقد أعلنت الوزارة فتح المعبر",
    "وقد لا تصمد الهدنة طويلًا",
    "نفت الوزارة مزاعم قسد",
    "هل تصمد الهدنة في الشمال؟",
]
pd.DataFrame(
    {
        "sentence": examples,
        "cues": [[(c.kind, c.cue) for c in find_cues(s)] for s in examples],
        "قد + imperfect": [cue_counts(s)["qad_imperfect"] for s in examples],
    }
)

# %% [markdown]
# ## Cues versus learned features
#
# The same estimator with and without the lexicon cue features, trained on train + dev
# and scored once on the test events.

# %%
models = {
    "n-grams + cues": HedgeClassifier(),
    "n-grams only": HedgeClassifier(cues=False),
}
rows = {}
for name, model in models.items():
    model.fit(fit_on[S.TEXT], fit_on[S.HEDGED])
    report = evaluate(model, test[S.TEXT], test[S.HEDGED], groups=test[S.DOC_ID])
    rows[name] = report.summary.stack()
hedge = models["n-grams + cues"]
pd.DataFrame(rows).round(3)

# %% [markdown]
# The intervals resample whole articles. On the seed article (real news whose sentences
# the fitted weights never saw, though the cue lexicon was written with it in view) the
# two models differ on two of nine sentences:

# %%
gold = load_example_gold()
pd.DataFrame(
    {
        "text": gold[S.TEXT].str.slice(0, 70),
        "gold": gold[S.HEDGED],
        **{name: model.predict(gold[S.TEXT]) for name, model in models.items()},
    }
)

# %%
report = evaluate(hedge, test[S.TEXT], test[S.HEDGED], groups=test[S.DOC_ID])
hedge_names = {0: "جازم", 1: "متحفظ"}  # firm / hedged
confusion = report.confusion.rename(index=hedge_names, columns=hedge_names)
ax = plot_confusion_matrix(confusion, title="مصفوفة الالتباس: التحفظ")
save_figure(ax.figure, figures_dir() / "03_hedging_confusion.png")
plt.show()

# %% [markdown]
# ## What the model weighs

# %%
top_features(hedge, n=10)

# %% [markdown]
# ## Error analysis
#
# The test statements the model gets wrong, with the cues it found. Hedges without any
# lexicon cue ("لم تقدم دليلًا على ...", "في رواية لم تؤكدها مصادر مستقلة") are the hard
# cases: the model has to learn them from few examples.

# %%
predicted = hedge.predict(test[S.TEXT])
errors = test.assign(predicted=predicted)[predicted != test[S.HEDGED]]
errors.assign(
    cues=[[c.cue for c in find_cues(t)] for t in errors[S.TEXT]],
)[[S.TEXT, S.HEDGED, "predicted", "cues", "notes"]]

# %% [markdown]
# ## Real headlines and tweets
#
# The framing corpus was composed by the project, in one register. The real test is
# writing the model never saw: `load_real_hedging` joins the project's double-annotated
# hedging labels (see `datasets/real-hedging/README.md`) with ANS news headlines and
# Mawqif / ArabicStanceX tweets. Its dev part guided the cue rules above; here is its
# test part, per genre, with and without the lexicon cues. Few of these texts hedge, so
# accuracy flatters: the last row is what always answering "not hedged" would score.
# Compare macro-F1 and its interval instead.

# %%
absent = [name for name in ("ans", "mawqif", "arabicstancex") if missing_files(name)]
if absent:
    print(
        f"Not in the cache: {', '.join(absent)}. This section needs them; fetch them "
        "with toolkit.datasets.fetch(name), or set TOOLKIT_DATA_HOME to their folder."
    )
    real = None
else:
    real = load_real_hedging("test", download=False)
    scores = {}
    for name, model in models.items():
        for genre, part in real.groupby("genre"):
            report = evaluate(model, part[S.TEXT], part[S.HEDGED], labels=[0, 1])
            scores[(name, genre)] = pd.concat(
                [
                    report.summary.stack(),
                    pd.Series(
                        {
                            ("texts", "n"): len(part),
                            ("hedged", "n"): int(part[S.HEDGED].sum()),
                            ("accuracy of always 'not hedged'", "value"): 1
                            - part[S.HEDGED].mean(),
                        }
                    ),
                ]
            )
    display(pd.DataFrame(scores).round(3))

# %% [markdown]
# Headlines hedge the way news copy does ("أنباء عن", "reports of"; "هل ...؟", a
# question; forecasts), so the
# cues carry over. Tweets are mostly opinion: a cue word there is often sarcastic, or
# sits in a side remark while the main claim is asserted, and those are the errors left.

# %%
if real is not None:
    tweets = real[real["genre"] == "tweet"]
    wrong = tweets.assign(predicted=hedge.predict(tweets[S.TEXT]))
    wrong = wrong[wrong["predicted"] != wrong[S.HEDGED]]
    display(
        wrong.assign(
            text=wrong[S.TEXT].str.slice(0, 90),
            cues=[[c.cue for c in find_cues(t)] for t in wrong[S.TEXT]],
        )[["text", S.HEDGED, "predicted", "cues"]].head(10)
    )
