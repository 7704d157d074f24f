"""Whether the pipeline's speaker-side rule helps, chosen on train + dev only.

``analyze`` gives a government or SDC statement that the stance model calls neutral
to its speaker's side (:func:`toolkit.pipeline.speaker_side_rule`). The sides it uses
are the attribution's, which are wrong for about one statement in five. This script
scores the rule on the framing corpus's train + dev splits, 5 folds grouped by event
x 2 repeats: the default ``StanceClassifier()`` is trained on four folds and predicts
the fifth, whose statements are attributed again from their pseudo-articles
(:func:`toolkit.datasets.framing_articles`), as ``analyze`` would. Macro-F1 without
the rule, with it on the annotated sides, and with it on the automatic sides; the
differences are paired over folds with the Nadeau-Bengio corrected standard error.
No test split is read (``accuracy.py`` scores the test split once).

Run: ``TOOLKIT_DATA_HOME=../shared/datasets-raw python benchmarks/speaker_rule.py``
(about a minute). Writes ``benchmarks/results/speaker_rule.md``.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from _common import header, table, write
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

import toolkit.datasets as datasets
from toolkit.classify import StanceClassifier
from toolkit.corpus.attribution_check import compare_attribution
from toolkit.corpus.schema import SIDE, SPLIT, STANCE, TEXT, TOPIC
from toolkit.pipeline import speaker_side_rule

FOLDS, REPEATS = 5, 2
WITHOUT = "without the rule"
ANNOTATED = "rule on annotated sides"
AUTOMATIC = "rule on automatic sides (as analyze)"


def fold_scores() -> pd.DataFrame:
    """Macro-F1 (%) of each fold, one column per variant, plus side accuracy."""
    data = datasets.load_framing_statements()
    pool = data[data[SPLIT].isin(["train", "dev"])].reset_index(drop=True)
    rows = []
    for repeat in range(REPEATS):
        folds = StratifiedGroupKFold(FOLDS, shuffle=True, random_state=repeat)
        for train, held in folds.split(pool, pool[STANCE], pool[TOPIC]):
            fit, part = pool.iloc[train], pool.iloc[held].reset_index(drop=True)
            model = StanceClassifier().fit(fit[TEXT], fit[STANCE])
            predicted = model.predict(part[TEXT])
            found = compare_attribution(datasets.framing_articles(part), part)
            automatic = found["predicted_side"].fillna("")
            scores = {
                WITHOUT: predicted,
                ANNOTATED: speaker_side_rule(predicted, part[SIDE]),
                AUTOMATIC: speaker_side_rule(predicted, automatic),
            }
            row = {
                k: f1_score(part[STANCE], v, average="macro") for k, v in scores.items()
            }
            row["side accuracy"] = float(np.mean(automatic == part[SIDE]))
            rows.append(row)
    return pd.DataFrame(rows) * 100


def main() -> None:
    start = time.perf_counter()
    scores = fold_scores()
    correction = np.sqrt(1 / len(scores) + 1 / (FOLDS - 1))
    rows = []
    for name in (WITHOUT, ANNOTATED, AUTOMATIC):
        gap = scores[name] - scores[WITHOUT]
        rows.append(
            [
                name,
                f"{scores[name].mean():.2f}",
                "—"
                if name == WITHOUT
                else f"{gap.mean():+.2f} ± {gap.std() * correction:.2f}",
                "—" if name == WITHOUT else f"{int((gap > 0).sum())}/{len(gap)}",
            ]
        )
    lines = header("The speaker-side rule, chosen on train + dev", ["scikit-learn"])
    lines += [
        f"Framing corpus train + dev, default StanceClassifier(), {FOLDS} folds grouped "
        f"by event x {REPEATS} repeats; macro-F1 in %. diff ± se: paired difference "
        "from the model without the rule, Nadeau-Bengio corrected; wins: folds on "
        "which the variant beat it. Automatic sides: the attribution's, "
        f"{scores['side accuracy'].mean():.1f} % right on the held-out folds.",
        "",
        *table(["variant", "mean", "diff ± se", "wins"], rows),
        "",
        f"({time.perf_counter() - start:.0f} s)",
    ]
    write("speaker_rule.md", lines)


if __name__ == "__main__":
    main()
