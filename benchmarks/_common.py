"""What both benchmarks share: the benchmark text, the machine header, writing results.

The benchmark text is real Arabic: the seed article (shipped example) and the texts of
the public stance datasets read through :mod:`toolkit.datasets` (``TOOLKIT_DATA_HOME``
must point at their cache). Nothing of the datasets is written to the results: only
counts, timings and code points.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import warnings
from importlib import metadata
from pathlib import Path

import toolkit.datasets as datasets
from toolkit.classify.inputs import NoArabicWarning
from toolkit.corpus import load_example, sentence_spans
from toolkit.corpus.schema import TARGET, TEXT

RESULTS = Path(__file__).resolve().parent / "results"

# One Mawqif tweet has no Arabic letter; the classifiers warn on every batch holding it.
warnings.simplefilter("ignore", NoArabicWarning)


def source_texts() -> list[str]:
    """The seed article, then every text of Mawqif, ArabicStanceX and ANS."""
    texts = load_example()[TEXT].tolist()
    for loader in (datasets.load_mawqif, datasets.load_arabicstancex):
        texts += loader()[TEXT].tolist()
    ans = datasets.load_ans()
    texts += ans[TEXT].tolist() + ans[TARGET].tolist()
    texts += datasets.load_ans_claims()[TEXT].tolist()
    return texts


def sentences(texts: list[str]) -> list[str]:
    """Split every text with the toolkit's splitter; the unit all tools receive."""
    return [t[s.start : s.end] for t in texts for s in sentence_spans(t)]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def header(title: str, packages: list[str]) -> list[str]:
    """Markdown lines: title, date, machine and package versions."""
    versions = ", ".join(f"{p} {_version(p)}" for p in packages)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return [
        f"# {title}",
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {cores} cores (nproc), {_ram_gib()} RAM, {_cpu_model()}, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- toolkit commit: {_commit()} (plus uncommitted changes, if any)",
        "",
    ]


def table(columns: list[str], rows: list[list[object]]) -> list[str]:
    """A markdown table."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def write(name: str, lines: list[str]) -> Path:
    """Write ``results/NAME`` and print it."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {path}")
    return path
