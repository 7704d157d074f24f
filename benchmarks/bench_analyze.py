"""Memory and time of ``analyze`` on one large text file, with and without batching.

``toolkit.pipeline.analyze`` holds a corpus in memory (``toolkit.scale`` is the path
for corpora larger than one machine). This script measures what one large file costs:
the seed article repeated to SIZE megabytes as a single ``.txt`` file (one article, so
sentence splitting and attribution see the whole text at once, the worst case), loaded
with ``load_corpus`` and analysed with the default models. Each run is its own
subprocess, so its peak resident memory (``ru_maxrss``) is its own.

The classifiers turn texts into TF-IDF features ``PREDICT_BATCH`` at a time
(:mod:`toolkit.classify.estimators`); ``--unbatched`` also runs the smallest size with
one batch for all texts, the behaviour before batching, to show what batching saves
(at 200 MB that would need over 10 GB).

Run from the repository root::

    python benchmarks/bench_analyze.py                 # 20 and 200 MB, writes results/analyze.md
    python benchmarks/bench_analyze.py --sizes 20 --unbatched

Needs no public dataset.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import header, table, write

from toolkit.corpus import load_example
from toolkit.corpus.schema import TEXT

SIZES_MB = (20, 200)
#: A batch larger than any corpus here: every text in one feature matrix.
ONE_BATCH = 10**9

CHILD = """
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
from toolkit.classify import estimators
from toolkit.corpus import load_corpus
from toolkit.pipeline import analyze
path, batch = sys.argv[1], int(sys.argv[2])
if batch:
    estimators.PREDICT_BATCH = batch
start = time.perf_counter()
articles = load_corpus(path, max_bytes=2**31)
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = analyze(articles, progress=False)
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "statements": len(result.statements),
    "load_peak_mib": loaded / 1024,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def make_file(folder: Path, megabytes: int) -> Path:
    """The seed article repeated, as paragraphs of one text file of about SIZE MB."""
    article = load_example()[TEXT].iloc[0]
    copies = -(-megabytes * 10**6 // len(article.encode("utf-8")))
    path = folder / f"seed-x{copies}.txt"
    path.write_text("\n\n".join([article] * copies), encoding="utf-8")
    return path


def measure(path: Path, batch: int) -> dict:
    """Run ``analyze`` on ``path`` in a fresh interpreter; its JSON line."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(batch)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES_MB))
    parser.add_argument(
        "--unbatched",
        action="store_true",
        help="also run the smallest size with one batch",
    )
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sizes:
            path = make_file(Path(tmp), megabytes)
            modes = [("batches of PREDICT_BATCH", 0)]
            if args.unbatched and megabytes == sizes[0]:
                modes.append(("one batch (before batching)", ONE_BATCH))
            for name, batch in modes:
                r = measure(path, batch)
                rows.append(
                    [
                        f"{path.stat().st_size / 10**6:.0f}",
                        f"{r['statements']:,}",
                        name,
                        f"{r['seconds']:.0f}",
                        f"{r['load_peak_mib']:,.0f}",
                        f"{r['peak_mib']:,.0f}",
                    ]
                )
            path.unlink()
    columns = ["file MB", "statements", "prediction", "s", "MiB after load", "peak MiB"]
    lines = header("analyze on one large file", ["scikit-learn", "pandas"])
    lines += [
        "The seed article repeated as one .txt file (one article: the worst case for",
        "splitting and attribution), loaded with load_corpus and analysed with the",
        "default models; each run in a fresh process; peak = ru_maxrss.",
        "",
        *table(columns, rows),
    ]
    write("analyze.md", lines)


if __name__ == "__main__":
    main()
