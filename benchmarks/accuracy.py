"""Accuracy of the stance and hedging classifiers, next to published baselines.

Trains on each dataset's official train split, scores its official test split
once, and prints one table (written to ``benchmarks/results/accuracy.md``):

* Mawqif (F_avg and 3-class macro-F1), ArabicStanceX (macro-F1), ANS
  (macro-F1, claim-pair features) with the published numbers beside them;
* the project's framing corpus: hedging (with and without the lexicon cue
  features, on statements with no lexicon cue, per genre) and domain stance;
* the nine statements of the seed article (models trained on the framing
  corpus's train split);
* automatic attribution (side, verb frame, verb, speaker) against the framing
  corpus's annotation on its test split (whose events were not read while the rules
  were written; intervals resample whole articles) and the seed article's gold;
* the default hedging model on real headlines and tweets: macro-F1 on the
  labelled real-text set (``datasets/real-hedging``; its test part, by genre
  and with or without a lexicon cue, and its dev part, which guided the cue
  rules), what in-genre labels would add (cross-validation inside the dev
  part), and the share called hedged with and without a lexicon cue over the
  whole unlabelled corpora;
* training time on 10,000 statements.

Hyper-parameters were chosen before this script was run on test: on the
train split (Mawqif, ArabicStanceX: a 20 % hold-out first, then
cross-validation; ``model_selection.py`` holds the final paired comparisons),
on the dev split (ANS), and by grouped cross-validation on train plus the dev
split (framing corpus). The public datasets are read from ``TOOLKIT_DATA_HOME``
(``download=False``: nothing is downloaded here).

Run: ``TOOLKIT_DATA_HOME=../shared/datasets-raw python benchmarks/accuracy.py``
(about two minutes on two cores).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold

import toolkit.datasets as datasets
from toolkit.classify import (
    HedgeClassifier,
    StanceClassifier,
    evaluate,
    evaluate_predictions,
)
from toolkit.classify.cues import CUE_KINDS, cue_vector
from toolkit.corpus import extract_statements, load_example, load_example_gold
from toolkit.corpus.attribution_check import attribution_accuracy, compare_attribution
from toolkit.corpus.schema import DOC_ID, HEDGED, SIDE, STANCE, TARGET, TEXT
from toolkit.datasets import GENRE
from toolkit.pipeline import default_model, speaker_side_rule

RESULTS = Path(__file__).parent / "results" / "accuracy.md"
SEED_GOLD = (
    Path(__file__).parents[1]
    / "datasets"
    / "examples"
    / "aleppo-sheikh-maqsoud.gold.tsv"
)
FAVOR_AGAINST = ("favor", "against")

MAWQIF_PUBLISHED = (
    "BERT 78.89 macro-F1 (Alturayeif et al. 2022, WANLP); "
    "StanceEval 2024 best 84.38 F_avg (Alturayeif et al. 2024)"
)
ARABICSTANCEX_PUBLISHED = (
    "MARBERTv2 multi-topic: 0.74 F1 favor/against, 0.67 overall "
    "(Alkhathlan et al. 2025, abstract; split not stated)"
)
ANS_PUBLISHED = "BERT 76.7 F1 (Khouja 2020, FEVER workshop)"


def cell(report, metric: str) -> str:
    row = report.summary.loc[metric]
    return f"{100 * row['value']:.1f} [{100 * row['ci_low']:.1f}, {100 * row['ci_high']:.1f}]"


def timed_fit(clf, X, y, **fit_options) -> float:
    start = time.perf_counter()
    clf.fit(X, y, **fit_options)
    return time.perf_counter() - start


def speaker_rule_row(
    predicted: np.ndarray,
    test: pd.DataFrame,
    sides: pd.Series,
    task: str,
    n_train: int,
    model: str,
) -> dict:
    """Stance macro-F1 on the framing test split with the speaker-side rule applied
    on ``sides`` (annotated, or the attribution's) to the model's ``predicted``
    stances, resampling whole articles."""
    ruled = speaker_side_rule(predicted, sides)
    report = evaluate_predictions(test[STANCE], ruled, groups=test[DOC_ID])
    return row(
        task,
        n_train,
        len(test),
        "macro-F1",
        cell(report, "macro_f1"),
        "target 80",
        model,
        np.nan,
    )


def public_rows() -> list[dict]:
    rows = []
    mawqif = datasets.load_mawqif(download=False)
    train, test = mawqif[mawqif["split"] == "train"], mawqif[mawqif["split"] == "test"]
    clf = StanceClassifier(model="nblr", C=1.0, char_ngrams=(2, 4), social=True)
    seconds = timed_fit(
        clf,
        train[[TEXT, TARGET]],
        train[STANCE],
        sample_weight=train[datasets.CONFIDENCE],
    )
    report = evaluate(
        clf, test[[TEXT, TARGET]], test[STANCE], f_avg_labels=FAVOR_AGAINST
    )
    for metric, label in (("f_avg", "F_avg"), ("macro_f1", "macro-F1 (3 classes)")):
        rows.append(
            row(
                "Mawqif stance",
                len(train),
                len(test),
                label,
                cell(report, metric),
                MAWQIF_PUBLISHED,
                "interact, NB-LR C=1, char 2-4, social clean-up, "
                "weighted by annotator confidence",
                seconds,
            )
        )

    stancex = datasets.load_arabicstancex(download=False)
    train, test = (
        stancex[stancex["split"] == "train"],
        stancex[stancex["split"] == "test"],
    )
    clf = StanceClassifier(model="huber", C=10, char_ngrams=(2, 4), social=True)
    seconds = timed_fit(clf, train[[TEXT, TARGET]], train[STANCE])
    report = evaluate(
        clf, test[[TEXT, TARGET]], test[STANCE], f_avg_labels=FAVOR_AGAINST
    )
    rows.append(
        row(
            "ArabicStanceX stance",
            len(train),
            len(test),
            "macro-F1",
            cell(report, "macro_f1"),
            ARABICSTANCEX_PUBLISHED,
            "interact, SGD modified Huber, C=10, char 2-4, social clean-up",
            seconds,
        )
    )
    rows.append(
        row(
            "ArabicStanceX stance",
            len(train),
            len(test),
            "F1 favor/against (F_avg)",
            cell(report, "f_avg"),
            "",
            "same model",
            np.nan,
        )
    )

    ans = datasets.load_ans(download=False)
    train, test = ans[ans["split"] == "train"], ans[ans["split"] == "test"]
    for mode in ("pair", "none"):
        clf = StanceClassifier(model="logreg", C=1.0, target_mode=mode)
        X_train = train[[TEXT, TARGET]] if mode == "pair" else train[TEXT]
        X_test = test[[TEXT, TARGET]] if mode == "pair" else test[TEXT]
        seconds = timed_fit(clf, X_train, train[STANCE])
        report = evaluate(clf, X_test, test[STANCE])
        note = (
            "claim-pair features" if mode == "pair" else "headline text only (ablation)"
        )
        rows.append(
            row(
                "ANS headline pairs",
                len(train),
                len(test),
                "macro-F1",
                cell(report, "macro_f1"),
                ANS_PUBLISHED if mode == "pair" else "",
                note,
                seconds,
            )
        )
    return rows


def framing_rows() -> list[dict]:
    rows = []
    framing = datasets.load_framing_statements()
    train, test = (
        framing[framing["split"] == "train"],
        framing[framing["split"] == "test"],
    )
    gold = pd.read_csv(SEED_GOLD, sep="\t", dtype=str, keep_default_na=False)
    no_cue = np.array([cue_vector(text)[0] == 0 for text in test[TEXT]])
    for cues in (True, False):
        clf = HedgeClassifier(cues=cues)
        seconds = timed_fit(clf, train[TEXT], train[HEDGED])
        note = "default HedgeClassifier()" if cues else "cues=False (ablation)"
        report = evaluate(clf, test[TEXT], test[HEDGED], groups=test[DOC_ID])
        rows.append(
            row(
                "Framing hedging",
                len(train),
                len(test),
                "macro-F1",
                cell(report, "macro_f1"),
                "target 85",
                note,
                seconds,
            )
        )
        subset = evaluate(
            clf,
            test[TEXT][no_cue],
            test[HEDGED][no_cue],
            labels=[0, 1],
            groups=test[DOC_ID][no_cue],
        )
        hedged_share = int(test[HEDGED][no_cue].sum())
        rows.append(
            row(
                "Framing hedging, no cue from the hedges lexicon",
                len(train),
                int(no_cue.sum()),
                f"macro-F1 ({hedged_share} hedged)",
                cell(subset, "macro_f1"),
                "",
                note,
                np.nan,
            )
        )
        correct = int((clf.predict(gold[TEXT]) == gold[HEDGED].astype(int)).sum())
        rows.append(
            row(
                "Seed article hedging",
                len(train),
                len(gold),
                "correct",
                f"{correct}/{len(gold)}",
                "all 9",
                note,
                np.nan,
            )
        )
        if cues:
            for genre, part in test.groupby(datasets.GENRE):
                per_genre = evaluate(
                    clf, part[TEXT], part[HEDGED], labels=[0, 1], groups=part[DOC_ID]
                )
                rows.append(
                    row(
                        f"Framing hedging, genre {genre}",
                        len(train),
                        len(part),
                        "macro-F1",
                        cell(per_genre, "macro_f1"),
                        "",
                        note,
                        np.nan,
                    )
                )
    clf = StanceClassifier()
    seconds = timed_fit(clf, train[TEXT], train[STANCE])
    report = evaluate(clf, test[TEXT], test[STANCE], groups=test[DOC_ID])
    rows.append(
        row(
            "Framing domain stance",
            len(train),
            len(test),
            "macro-F1",
            cell(report, "macro_f1"),
            "target 80",
            "default StanceClassifier()",
            seconds,
        )
    )
    # the sides analyze would find: the test articles attributed again
    found = compare_attribution(datasets.framing_articles(test), test)
    sides = {"annotated": test[SIDE], "automatic": found["predicted_side"].fillna("")}
    predicted = clf.predict(test[TEXT])
    for kind, side in sides.items():
        rows.append(
            speaker_rule_row(
                predicted,
                test,
                side,
                f"Framing domain stance, speaker-side rule ({kind} sides)",
                len(train),
                "StanceClassifier() + pipeline.speaker_side_rule",
            )
        )
    n_shipped = int(framing["split"].isin(["train", "dev"]).sum())
    for task, column, title, target in (
        ("hedging", HEDGED, "Framing hedging", "target 85"),
        ("stance", STANCE, "Framing domain stance", "target 80"),
    ):
        shipped = evaluate(
            default_model(task), test[TEXT], test[column], groups=test[DOC_ID]
        )
        rows.append(
            row(
                f"{title}, shipped model (train + dev)",
                n_shipped,
                len(test),
                "macro-F1",
                cell(shipped, "macro_f1"),
                target,
                f"pipeline.default_model({task!r}), used by analyze and the report",
                np.nan,
            )
        )
    shipped_stance = default_model("stance").predict(test[TEXT])
    for kind, side in sides.items():
        rows.append(
            speaker_rule_row(
                shipped_stance,
                test,
                side,
                f"Framing domain stance, shipped model + speaker-side rule ({kind} sides)",
                n_shipped,
                "pipeline.default_model('stance') + pipeline.speaker_side_rule",
            )
        )
    correct = int((clf.predict(gold[TEXT]) == gold[STANCE]).sum())
    rows.append(
        row(
            "Seed article stance",
            len(train),
            len(gold),
            "correct",
            f"{correct}/{len(gold)}",
            "all 9",
            "default StanceClassifier() alone",
            np.nan,
        )
    )
    attributed = extract_statements(load_example())
    ruled = speaker_side_rule(clf.predict(attributed[TEXT]), attributed[SIDE])
    rows.append(
        row(
            "Seed article stance, pipeline",
            len(train),
            len(gold),
            "correct",
            f"{int((ruled == gold[STANCE]).sum())}/{len(gold)}",
            "all 9",
            "StanceClassifier() + speaker-side rule on extract_statements sides",
            np.nan,
        )
    )
    return rows


def attribution_rows() -> list[dict]:
    """Automatic attribution against the framing corpus annotation (test split,
    article bootstrap) and the seed article's gold."""
    rows = []
    test = datasets.load_framing_statements(split="test")
    compared = compare_attribution(datasets.framing_articles(test), test)
    note = "extract_statements (rules; no training)"
    by_genre = attribution_accuracy(compared, by=datasets.GENRE)
    results = [
        (f"Attribution, framing corpus: {result['column']}", result)
        for _, result in attribution_accuracy(compared).iterrows()
    ] + [
        (f"Attribution, framing corpus: side, genre {result[datasets.GENRE]}", result)
        for _, result in by_genre[by_genre["column"] == SIDE].iterrows()
    ]
    for task, result in results:
        rows.append(
            row(
                task,
                0,
                int(result["n"]),
                "accuracy",
                share_cell(result),
                "",
                note,
                np.nan,
            )
        )
    gold = load_example_gold()
    seed = attribution_accuracy(
        compare_attribution(load_example(), gold), n_resamples=0
    )
    rows.append(
        row(
            "Attribution, seed article: side, verb frame, verb, speaker",
            0,
            len(gold),
            "correct",
            " / ".join(f"{c}/{n}" for c, n in seed[["correct", "n"]].values),
            "all 9",
            note,
            np.nan,
        )
    )
    return rows


def share_cell(result: pd.Series) -> str:
    """An accuracy row of ``attribution_accuracy`` as "77.7 [73.0, 82.1]"."""
    return (
        f"{100 * result['accuracy']:.1f} "
        f"[{100 * result['ci_low']:.1f}, {100 * result['ci_high']:.1f}]"
    )


def labelled_real_rows() -> list[dict]:
    """Default HedgeClassifier() (and the no-cue ablation) on the real-text set.

    The dev part guided the cue rules (whether-questions, dismissals,
    forecasts), so its score is optimistic; the test part is the estimate.
    """
    framing = datasets.load_framing_statements(split="train")
    real = datasets.load_real_hedging(download=False)
    vectors = np.array([cue_vector(text) for text in real[TEXT]])
    real["cue"] = np.where(
        (vectors[:, CUE_KINDS.index("hedge")] > 0)
        | (vectors[:, CUE_KINDS.index("negated_evidence")] > 0),
        "with a hedge cue",
        "without a hedge cue",
    )
    rows = []
    for cues in (True, False):
        clf = HedgeClassifier(cues=cues).fit(framing[TEXT], framing[HEDGED])
        note = "default HedgeClassifier()" if cues else "cues=False (ablation)"
        groups = [("dev part (guided the cue rules)", real[real["part"] == "dev"])]
        test = real[real["part"] == "test"]
        groups.append(("test part", test))
        if cues:
            groups += [(f"test part, {g}s", p) for g, p in test.groupby(GENRE)]
            groups += [(f"test part, {c}", p) for c, p in test.groupby("cue")]
        for name, part in groups:
            report = evaluate(clf, part[TEXT], part[HEDGED], labels=[0, 1])
            rows.append(
                row(
                    f"Real headlines and tweets, {name}",
                    len(framing),
                    len(part),
                    f"macro-F1 ({int(part[HEDGED].sum())} hedged)",
                    cell(report, "macro_f1"),
                    "",
                    note,
                    np.nan,
                )
            )
    return rows


def in_genre_rows(folds: int = 5) -> list[dict]:
    """What in-genre labels would add: the dev part scored by cross-validation.

    Each fold of the real-text dev part is predicted by a default
    HedgeClassifier() trained on the framing corpus's train split plus the
    other dev folds (repeated ``weight`` times); weight 0 is the framing-only
    model. The test part is not used.
    """
    framing = datasets.load_framing_statements(split="train")
    real = datasets.load_real_hedging(download=False)
    dev = real[real["part"] == "dev"].reset_index(drop=True)
    splits = StratifiedKFold(folds, shuffle=True, random_state=0)
    rows = []
    for weight in (0, 1, 3):
        predicted = np.zeros(len(dev), dtype=int)
        for train, held in splits.split(dev[TEXT], dev[HEDGED]):
            extra = dev.iloc[np.tile(train, weight)]
            clf = HedgeClassifier().fit(
                pd.concat([framing[TEXT], extra[TEXT]]),
                pd.concat([framing[HEDGED], extra[HEDGED]]),
            )
            predicted[held] = clf.predict(dev[TEXT].iloc[held])
        report = evaluate_predictions(dev[HEDGED], predicted, labels=[0, 1])
        rows.append(
            row(
                f"Real headlines and tweets, dev part, {folds}-fold: framing corpus "
                f"+ the other dev folds x{weight}",
                len(framing) + weight * len(dev) * (folds - 1) // folds,
                len(dev),
                f"macro-F1 ({int(dev[HEDGED].sum())} hedged)",
                cell(report, "macro_f1"),
                "",
                "default HedgeClassifier()",
                np.nan,
            )
        )
    return rows


def real_text_rows() -> list[dict]:
    """Default HedgeClassifier() on unlabelled real headlines and tweets.

    No gold labels exist for these texts: the rows show how often the model
    calls a text hedged when it has a hedge cue (hedges lexicon or negated
    evidence) and when it has none, the two error modes that matter when the
    model leaves the composed corpus.
    """
    framing = datasets.load_framing_statements(split="train")
    clf = HedgeClassifier().fit(framing[TEXT], framing[HEDGED])
    ans = datasets.load_ans(download=False)
    corpora = {
        "ANS headlines (claims and headlines)": pd.concat(
            [ans[TEXT], ans[TARGET]]
        ).drop_duplicates(),
        "Mawqif tweets": datasets.load_mawqif(download=False)[TEXT],
        "ArabicStanceX tweets": datasets.load_arabicstancex(download=False)[TEXT],
    }
    rows = []
    for name, texts in corpora.items():
        vectors = np.array([cue_vector(text) for text in texts])
        has_cue = (vectors[:, CUE_KINDS.index("hedge")] > 0) | (
            vectors[:, CUE_KINDS.index("negated_evidence")] > 0
        )
        hedged = clf.predict(texts) == 1
        for label, mask in (
            ("with a hedge cue", has_cue),
            ("without a hedge cue", ~has_cue),
        ):
            share = f"{100 * hedged[mask].mean():.1f} % predicted hedged"
            rows.append(
                row(
                    f"Real text, unlabelled: {name}, {label}",
                    len(framing),
                    int(mask.sum()),
                    "share",
                    share,
                    "",
                    "default HedgeClassifier()",
                    np.nan,
                )
            )
    return rows


def timing_rows() -> list[dict]:
    """Fit time on 10,000 statements: framing texts resampled, and real tweets."""
    rows = []
    framing = datasets.load_framing_statements()
    sample = framing.sample(10_000, replace=True, random_state=0)
    stancex = datasets.load_arabicstancex(split="train", download=False).iloc[:10_000]
    for name, texts, labels in (
        ("10,000 framing statements (resampled)", sample[TEXT], sample[HEDGED]),
        ("10,000 ArabicStanceX tweets", stancex[TEXT], stancex[STANCE]),
    ):
        for clf in (HedgeClassifier(), StanceClassifier()):
            seconds = timed_fit(clf, texts, labels)
            rows.append(
                row(
                    f"Training time: {name}",
                    len(texts),
                    0,
                    "fit seconds",
                    f"{seconds:.1f}",
                    "",
                    f"{type(clf).__name__}()",
                    seconds,
                )
            )
    return rows


def row(task, n_train, n_test, metric, value, published, model, seconds) -> dict:
    return {
        "task": task,
        "train": n_train,
        "eval": n_test,
        "metric": metric,
        "ours [95% CI]": value,
        "published": published,
        "model": model,
        "fit s": "" if np.isnan(seconds) else f"{seconds:.1f}",
    }


def to_markdown(table: pd.DataFrame) -> str:
    """A GitHub-flavoured markdown table (no extra dependency)."""
    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    lines += [
        "| " + " | ".join(str(v) for v in values) + " |"
        for values in table.itertuples(index=False)
    ]
    return "\n".join(lines)


def main() -> None:
    start = time.perf_counter()
    table = pd.DataFrame(
        public_rows()
        + framing_rows()
        + attribution_rows()
        + labelled_real_rows()
        + in_genre_rows()
        + real_text_rows()
        + timing_rows()
    )
    markdown = to_markdown(table)
    print(markdown)
    total = time.perf_counter() - start
    print(f"\n(total {total:.0f} s)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        "# Classifier accuracy\n\n"
        "Written by `benchmarks/accuracy.py`. Scores in percent on the official test split "
        "(seed article: statements right out of 9), 95 % bootstrap percentile intervals "
        "(1,000 resamples: of the test items; for the framing corpus's classifiers "
        "and attribution, of whole articles). F_avg = mean of "
        "Favor and Against F1.\n\n"
        f"{markdown}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
