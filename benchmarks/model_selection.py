"""Why the classifiers have the settings they have: paired cross-validation on train.

For each dataset, every candidate setting is scored on the same repeated stratified
folds of the *training* split (grouped by event on the framing corpus) with
:func:`toolkit.classify.compare_models`, and compared with the setting the toolkit and
``accuracy.py`` use. ``diff`` is the mean paired difference from that setting and
``± se`` its standard error with the Nadeau-Bengio correction; a difference within
about two standard errors is fold noise. No test split is read here.

Candidates:

* Mawqif (F_avg) and ArabicStanceX (macro-F1): the chosen linear model, the other
  linear models, a soft vote of two of them, and the chosen model without the
  social-media clean-up or without the per-target features; on Mawqif every candidate
  is trained with each tweet weighted by its annotators' confidence, and one more
  candidate without the weights; two more add ArabicStanceX's training tweets on the
  same target (its topics ``Vaccine`` and ``vaccine_booster_dose`` as Mawqif's
  ``Covid Vaccine``) to every training fold, at half or full weight, to see whether
  a related public dataset is the "more labelled data" the learning curve asks for;
* the framing corpus: the default stance and hedging classifiers against other
  linear models, and hedging without the lexicon cue features.

For Mawqif and ArabicStanceX a learning curve follows: the chosen setting trained on
1/8 to all of each training fold. A score still rising at full size says that more
labelled data, not another linear model, is what would raise it.

Run: ``TOOLKIT_DATA_HOME=../shared/datasets-raw python benchmarks/model_selection.py``
(about 14 minutes on two cores; ``--datasets framing`` takes under a minute).
Writes ``benchmarks/results/model_selection.md``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
from _common import header, table, write
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.ensemble import VotingClassifier

import toolkit.datasets as datasets
from toolkit.classify import (
    HedgeClassifier,
    StanceClassifier,
    compare_models,
    learning_curve_report,
)
from toolkit.classify.selection import summarize
from toolkit.corpus.schema import HEDGED, SPLIT, STANCE, TARGET, TEXT, TOPIC

FAVOR_AGAINST = ("favor", "against")
#: Fractions of a training fold in the learning curves.
TRAIN_SIZES = (0.125, 0.25, 0.5, 0.75, 1.0)
Section = list[str]


def compared(
    title: str,
    candidates: dict,
    X: object,
    y: object,
    unweighted: dict | None = None,
    **options,
) -> Section:
    """Run :func:`compare_models`; its summary as a markdown section.

    ``unweighted`` candidates are scored on the same folds without the
    ``sample_weight`` the others get, and compared with the same baseline.
    """
    start = time.perf_counter()
    scores = compare_models(candidates, X, y, **options).scores
    if unweighted:
        plain = {k: v for k, v in options.items() if k != "sample_weight"}
        extra = compare_models(unweighted, X, y, **plain).scores
        scores = pd.concat([scores, extra], axis=1)
    summary = summarize(scores, 1 / (options.get("n_splits", 5) - 1))
    rows = [
        [
            name,
            f"{100 * row['mean']:.2f}",
            f"{100 * row['std']:.2f}",
            "—" if i == 0 else f"{100 * row['diff']:+.2f} ± {100 * row['diff_se']:.2f}",
            "—" if i == 0 else f"{int(row['wins'])}/{int(row['folds'])}",
        ]
        for i, (name, row) in enumerate(summary.iterrows())
    ]
    columns = ["candidate", "mean", "std", "diff ± se", "wins"]
    return _section(title, table(columns, rows), start)


def growth(title: str, clf: object, X: object, y: object, **options) -> Section:
    """Run :func:`learning_curve_report`; its table as a markdown section."""
    start = time.perf_counter()
    curve = learning_curve_report(clf, X, y, train_sizes=TRAIN_SIZES, **options)
    rows = [
        [
            f"{size:g}",
            f"{row['n_train']:.0f}",
            f"{100 * row['mean']:.2f}",
            f"{100 * row['std']:.2f}",
        ]
        for size, row in curve.iterrows()
    ]
    columns = ["share of the training fold", "training texts", "mean", "std"]
    return _section(title, table(columns, rows), start)


def _section(title: str, lines: list[str], start: float) -> Section:
    seconds = time.perf_counter() - start
    return [f"## {title}", "", *lines, "", f"({seconds:.0f} s)", ""]


def soft_vote(**members: object) -> VotingClassifier:
    """Average the class probabilities of ``members`` (name -> classifier)."""
    return VotingClassifier(list(members.items()), voting="soft")


class WithExtraRows(ClassifierMixin, BaseEstimator):
    """``estimator`` fitted on each training fold plus the same extra labelled rows.

    The extra rows (``extra_X``, ``extra_y``) only ever join the training side, each
    with training weight ``weight``; the folds scored are those of the dataset alone.
    """

    def __init__(self, estimator, extra_X, extra_y, weight: float = 1.0) -> None:
        self.estimator = estimator
        self.extra_X = extra_X
        self.extra_y = extra_y
        self.weight = weight

    def fit(self, X, y, sample_weight=None) -> WithExtraRows:
        weights = (
            np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight)
        )
        self.estimator_ = clone(self.estimator).fit(
            pd.concat([X, self.extra_X], ignore_index=True),
            pd.concat([pd.Series(y), self.extra_y], ignore_index=True),
            sample_weight=np.r_[weights, np.full(len(self.extra_y), self.weight)],
        )
        self.classes_ = self.estimator_.classes_
        return self

    def predict(self, X) -> np.ndarray:
        return self.estimator_.predict(X)


def same_target_rows() -> tuple[pd.DataFrame, pd.Series]:
    """ArabicStanceX training tweets on COVID-19 vaccines, as Mawqif's target.

    Tweets also found in Mawqif (none, in the copies checked) are left out.
    """
    stancex = datasets.load_arabicstancex(download=False)
    mawqif_texts = set(datasets.load_mawqif(download=False)[TEXT])
    rows = stancex[
        (stancex[SPLIT] == "train")
        & stancex[TARGET].isin(["Vaccine", "vaccine_booster_dose"])
        & ~stancex[TEXT].isin(mawqif_texts)
    ].assign(**{TARGET: "Covid Vaccine"})
    return rows[[TEXT, TARGET]], rows[STANCE]


def train_split(
    loader: Callable[..., pd.DataFrame], *extra: str
) -> tuple[pd.DataFrame, pd.Series]:
    """Texts with their targets (and ``extra`` columns), and stances, of a public
    dataset's train split."""
    data = loader(download=False)
    train = data[data[SPLIT] == "train"]
    return train[[TEXT, TARGET, *extra]], train[STANCE]


def mawqif() -> list[Section]:
    chosen = {"model": "nblr", "C": 1.0, "char_ngrams": (2, 4), "social": True}
    logreg = chosen | {"model": "logreg", "C": 10.0}
    candidates = {
        "NB-LR C=1, social clean-up, weighted by confidence (chosen)": (
            StanceClassifier(**chosen)
        ),
        "logistic regression C=10": StanceClassifier(**logreg),
        "linear SVM C=0.3, calibrated": StanceClassifier(
            **chosen | {"model": "svm", "C": 0.3}
        ),
        "soft vote: NB-LR + logistic regression": soft_vote(
            nblr=StanceClassifier(**chosen), logreg=StanceClassifier(**logreg)
        ),
        "NB-LR without social clean-up": StanceClassifier(**chosen | {"social": False}),
        "NB-LR without per-target features": StanceClassifier(
            **chosen | {"target_mode": "none"}
        ),
    }
    extra_X, extra_y = same_target_rows()
    for weight in (0.5, 1.0):
        candidates[
            f"NB-LR + {len(extra_y)} ArabicStanceX vaccine tweets, weight {weight:g}"
        ] = WithExtraRows(StanceClassifier(**chosen), extra_X, extra_y, weight)
    unweighted = {"NB-LR, every tweet weighing 1": StanceClassifier(**chosen)}
    X, y = train_split(datasets.load_mawqif, datasets.CONFIDENCE)
    return [
        compared(
            "Mawqif train, F_avg, 5 folds x 2 repeats",
            candidates,
            X,
            y,
            unweighted=unweighted,
            n_splits=5,
            n_repeats=2,
            metric="f_avg",
            f_avg_labels=FAVOR_AGAINST,
            sample_weight=datasets.CONFIDENCE,
        ),
        growth(
            "Mawqif: F_avg of the chosen setting by training size, 5 folds",
            StanceClassifier(**chosen),
            X,
            y,
            metric="f_avg",
            f_avg_labels=FAVOR_AGAINST,
            sample_weight=datasets.CONFIDENCE,
        ),
    ]


def arabicstancex() -> list[Section]:
    chosen = {"model": "huber", "C": 10.0, "char_ngrams": (2, 4), "social": True}
    nblr = chosen | {"model": "nblr", "C": 1.0}
    candidates = {
        "SGD modified Huber C=10, social clean-up (chosen)": StanceClassifier(**chosen),
        "Huber without social clean-up": StanceClassifier(**chosen | {"social": False}),
        "NB-LR C=1": StanceClassifier(**nblr),
        "soft vote: Huber + NB-LR": soft_vote(
            huber=StanceClassifier(**chosen), nblr=StanceClassifier(**nblr)
        ),
        "Huber without per-target features": StanceClassifier(
            **chosen | {"target_mode": "none"}
        ),
    }
    X, y = train_split(datasets.load_arabicstancex)
    title = "ArabicStanceX train, macro-F1, 3 folds x 1 repeat"
    return [
        compared(title, candidates, X, y, n_splits=3),
        growth(
            "ArabicStanceX: macro-F1 of the chosen setting by training size, 3 folds",
            StanceClassifier(**chosen),
            X,
            y,
            n_splits=3,
        ),
    ]


def framing() -> list[Section]:
    data = datasets.load_framing_statements()
    train = data[data[SPLIT].isin(["train", "dev"])]
    name = "framing corpus train + dev, macro-F1, 5 folds grouped by event x 2 repeats"
    options = {"groups": train[TOPIC], "n_splits": 5, "n_repeats": 2}
    stance = compared(
        f"stance: {name}",
        {
            "StanceClassifier() (default: NB-LR C=10)": StanceClassifier(),
            "logistic regression C=10": StanceClassifier(model="logreg"),
            "linear SVM C=1, calibrated": StanceClassifier(model="svm", C=1.0),
        },
        train[TEXT],
        train[STANCE],
        **options,
    )
    hedging = compared(
        f"hedging: {name}",
        {
            "HedgeClassifier() (default: logistic regression C=3, cues)": HedgeClassifier(),
            "without the lexicon cue features": HedgeClassifier(cues=False),
            "NB-LR C=10, cues": HedgeClassifier(model="nblr", C=10.0),
        },
        train[TEXT],
        train[HEDGED],
        **options,
    )
    return [stance, hedging]


RUNS: dict[str, Callable[[], list[Section]]] = {
    "framing": framing,
    "mawqif": mawqif,
    "arabicstancex": arabicstancex,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", choices=list(RUNS), default=list(RUNS))
    args = parser.parse_args()
    lines = header("Model selection by paired cross-validation", ["scikit-learn"])
    lines += [
        "Scores in %. diff: mean paired difference from the first row (the chosen",
        "setting) over the same folds; se: its Nadeau-Bengio corrected standard",
        "error; wins: folds on which the candidate beat the chosen setting.",
        "",
    ]
    for name in args.datasets:
        for part in RUNS[name]():
            lines += part
    write("model_selection.md", lines)


if __name__ == "__main__":
    main()
