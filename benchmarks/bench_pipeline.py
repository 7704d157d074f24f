"""End-to-end pipeline at 1k, 10k, 100k and 1M statements: time, rate, peak memory.

Run from the repository root (``TOOLKIT_DATA_HOME`` pointing at the public datasets)::

    python benchmarks/bench_pipeline.py            # all sizes, writes results/pipeline.md
    python benchmarks/bench_pipeline.py --sizes 1000 10000

The corpus is **synthetic at scale**: real sentences (the seed article's, and those
of the public stance datasets) are resampled and lightly perturbed (a word dropped, a
tatweel inserted, one actor name swapped for another) and grouped into articles of
:data:`SENTENCES_PER_ARTICLE` one-sentence paragraphs, written as JSONL shards of
:data:`ARTICLES_PER_SHARD` articles. Each size runs in its own subprocess so that its
peak memory is its own. Steps: load (``load_corpus`` per shard) → normalise, split,
attribute (``extract_statements``) → classify (stance and hedging, when
``toolkit.classify`` is importable) → framing counts per shard (``toolkit.scale``) →
combine the counts → compare sides (``verb_profile``, ``hedging_by_side`` and stance
shares from the combined counts). Shards are processed by ``--jobs`` worker processes;
memory is the peak of the summed resident memory of the process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import _common
import pandas as pd

from toolkit import scale
from toolkit.corpus import load_corpus
from toolkit.corpus.attribution import extract_statements
from toolkit.corpus.schema import DOC_ID, HEDGED, SIDE, STANCE, TEXT
from toolkit.framing import hedging_by_side, verb_profile
from toolkit.lexicons.cues import cue_counts

try:
    from toolkit.classify import HedgeClassifier, StanceClassifier
except ImportError:
    try:  # before the package exports them
        from toolkit.classify.estimators import HedgeClassifier, StanceClassifier
    except ImportError:
        HedgeClassifier = StanceClassifier = None

SIZES = (1_000, 10_000, 100_000, 1_000_000)
SENTENCES_PER_ARTICLE = 10
ARTICLES_PER_SHARD = 2_000
#: Actor names swapped into seed sentences, so that sides vary.
ACTORS = ("وزارة الدفاع", "قسد", "مسد", "الجيش العربي السوري", "هيئة العمليات")
STEPS = ("load", "attribute", "classify", "count")
_MODELS: dict = {}


# -- corpus ------------------------------------------------------------------------


def perturb(sentence: str, rng: random.Random) -> str:
    """Drop a word, insert a tatweel or swap an actor name (each with some chance)."""
    words = sentence.split(" ")
    if len(words) > 4 and rng.random() < 0.3:
        del words[rng.randrange(1, len(words))]
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        if len(words[i]) > 3:
            words[i] = words[i][:2] + "ـ" + words[i][2:]
    text = " ".join(words)
    for actor in ACTORS:
        if actor in text and rng.random() < 0.5:
            return text.replace(actor, rng.choice(ACTORS), 1)
    return text


def write_corpus(n_statements: int, folder: Path, seed: int = 0) -> int:
    """Write about ``n_statements`` sentences as JSONL shards; return articles written."""
    rng = random.Random(seed)
    texts = _common.source_texts()
    seed_sentences = _common.sentences(texts[:1])
    other = [s for s in _common.sentences(texts[1:]) if "\n" not in s]
    n_articles = -(-n_statements // SENTENCES_PER_ARTICLE)
    for shard_start in range(0, n_articles, ARTICLES_PER_SHARD):
        lines = []
        for doc in range(
            shard_start, min(shard_start + ARTICLES_PER_SHARD, n_articles)
        ):
            chosen = [
                perturb(
                    rng.choice(seed_sentences if rng.random() < 0.5 else other), rng
                )
                for _ in range(SENTENCES_PER_ARTICLE)
            ]
            record = {
                DOC_ID: f"d{doc:07d}",
                "outlet": f"outlet{doc % 5}",
                TEXT: "\n".join(chosen),
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        path = folder / f"shard{shard_start // ARTICLES_PER_SHARD:05d}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n_articles


# -- classifiers -----------------------------------------------------------------


def fit_classifiers() -> dict:
    """Stance on Mawqif (real labels); hedging on Mawqif with lexicon silver labels.

    Only the speed of ``predict`` matters here, not accuracy.
    """
    if StanceClassifier is None:
        return {}
    from toolkit.datasets import load_mawqif

    train = load_mawqif(split="train")
    texts = train[TEXT].tolist()
    silver = [int(cue_counts(t)["hedge"] > 0) for t in texts]
    return {
        "stance": StanceClassifier().fit(texts, train[STANCE]),
        "hedge": HedgeClassifier().fit(texts, silver),
    }


def _init_worker(models: dict) -> None:
    _MODELS.update(models)


def process_shard(path: Path) -> tuple[pd.DataFrame, dict[str, float], int]:
    """One shard through the per-statement pipeline; its counts and step times."""
    times = {}
    start = time.perf_counter()
    articles = load_corpus(path)
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    statements = extract_statements(articles)
    times["attribute"] = time.perf_counter() - start
    start = time.perf_counter()
    texts = statements[TEXT].tolist()
    for column, key in ((STANCE, "stance"), (HEDGED, "hedge")):
        if key in _MODELS:
            statements[column] = _MODELS[key].predict(texts)
    times["classify"] = time.perf_counter() - start
    start = time.perf_counter()
    counts = scale.framing_counts(statements)
    times["count"] = time.perf_counter() - start
    return counts, times, len(statements)


def compare(counts: pd.DataFrame) -> dict[str, object]:
    """The side-by-side statistics that the combined counts determine exactly."""
    slim = scale.expand_counts(counts)
    profile = verb_profile(slim)
    result: dict[str, object] = {"verb profile rows": len(profile)}
    if HEDGED in slim.columns:
        hedging = hedging_by_side(slim)
        result["hedged share"] = dict(
            zip(hedging[SIDE], hedging["share"].round(3), strict=True)
        )
    if STANCE in slim.columns:
        mix = slim.groupby(SIDE)[STANCE].value_counts(normalize=True).round(3)
        result["stance mix"] = {
            f"{side}/{stance}": share for (side, stance), share in mix.items()
        }
    return result


class TreeMemory:
    """Sample the summed RSS of this process and its children (psutil) in a thread."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._process = psutil.Process()
        self._gone = psutil.Error
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _sample(self) -> int:
        total = self._process.memory_info().rss
        for child in self._process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except self._gone:  # the child exited between the two calls
                pass
        return total

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, self._sample())

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def run_size(n_statements: int, jobs: int) -> dict:
    """Worker mode: build the corpus, run the pipeline, report numbers as a dict."""
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        n_articles = write_corpus(n_statements, folder)
        generate = time.perf_counter() - start
        start = time.perf_counter()
        models = fit_classifiers()
        fit = time.perf_counter() - start
        shards = sorted(folder.glob("*.jsonl"))
        step_times = dict.fromkeys(STEPS, 0.0)
        with TreeMemory() as memory:
            start = time.perf_counter()
            parts = []
            n_found = 0
            with ProcessPoolExecutor(
                jobs, initializer=_init_worker, initargs=(models,)
            ) as pool:
                for counts, times, n in pool.map(process_shard, shards):
                    parts.append(counts)
                    n_found += n
                    for step, seconds in times.items():
                        step_times[step] += seconds
            combine_start = time.perf_counter()
            combined = scale.combine_counts(parts)
            compare_start = time.perf_counter()
            summary = compare(combined)
            end = time.perf_counter()
    return {
        "target": n_statements,
        "statements": n_found,
        "articles": n_articles,
        "shards": len(shards),
        "generate_s": generate,
        "fit_s": fit,
        "classified": bool(models),
        "total_s": end - start,
        "steps_cpu_s": step_times,
        "combine_s": compare_start - combine_start,
        "compare_s": end - compare_start,
        "peak_tree_mib": memory.peak / 2**20,
        "peak_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_size(args.worker, args.jobs), default=str))
        return

    results = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--worker", str(size), "--jobs", str(args.jobs)],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            sys.exit(f"size {size}: the worker failed:\n{out.stderr}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{size:>9,}: {result['total_s']:.1f} s, {result['peak_tree_mib']:.0f} MiB",
            flush=True,
        )
        results.append(result)
    write(results, args.jobs)


def write(results: list[dict], jobs: int) -> None:
    lines = _common.header(
        "End-to-end pipeline: 1k to 1M statements",
        ["arabic-framing-toolkit", "pandas", "scikit-learn", "dask"],
    )
    classified = all(r["classified"] for r in results)
    lines += [
        "**Synthetic corpus at scale**: real sentences (the seed article's and those of "
        "Mawqif, ArabicStanceX and ANS) resampled and lightly perturbed (a word dropped, a "
        "tatweel inserted, an actor name swapped), in articles of "
        f"{SENTENCES_PER_ARTICLE} one-sentence paragraphs, JSONL shards of "
        f"{ARTICLES_PER_SHARD:,} articles, streamed shard by shard through {jobs} worker "
        "processes. Each size runs in a fresh subprocess.",
        "",
        "Pipeline: load → normalise + split + attribute → classify (stance + hedging, "
        "the estimators as shipped, fitted before timing on Mawqif train) → framing counts "
        "per shard → combine → compare sides (verb profile, hedged share with "
        "2,000-resample document bootstrap, stance mix)."
        if classified
        else "**toolkit.classify was not importable: the classify step did not run.**",
        "",
        "Wall time covers loading to the comparison (not corpus generation or fitting). "
        "Peak memory is the largest summed RSS of the process tree (parent + workers), "
        "sampled every 0.1 s.",
        "",
    ]
    rows = []
    for r in results:
        rows.append(
            [
                f"{r['target']:,}",
                f"{r['statements']:,}",
                f"{r['articles']:,}",
                f"{r['total_s']:.1f}",
                f"{r['statements'] / r['total_s']:,.0f}",
                f"{r['total_s'] / r['statements'] * 1e6:.0f}",
                f"{r['peak_tree_mib']:,.0f}",
                f"{r['peak_self_mib']:,.0f}",
            ]
        )
    lines += _common.table(
        [
            "size",
            "statements",
            "articles",
            "wall s",
            "statements/s",
            "µs per statement",
            "peak MiB (tree)",
            "peak MiB (parent)",
        ],
        rows,
    )
    rows = []
    for r in results:
        n = r["statements"]
        steps = r["steps_cpu_s"]
        rows.append(
            [f"{r['target']:,}"]
            + [
                f"{steps[s]:.1f} ({n / steps[s]:,.0f}/s)" if steps[s] else "–"
                for s in STEPS
            ]
            + [f"{r['combine_s']:.2f}", f"{r['compare_s']:.2f}"]
        )
    lines += [
        "",
        "## Time per step",
        "",
        "Per-shard steps are CPU seconds summed over the workers (rate on one core); "
        "combine and compare run once in the parent.",
        "",
        *_common.table(["size", *STEPS, "combine s", "compare s"], rows),
        "",
        "Results of the comparison at the largest size (sanity check): "
        f"`{json.dumps(results[-1]['summary'], ensure_ascii=False, default=str)[:600]}`",
    ]
    _common.write("pipeline.md", lines)


if __name__ == "__main__":
    main()
