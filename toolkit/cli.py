"""Command line: ``python -m toolkit`` (or ``framing-toolkit``).

Examples
--------
>>> main(["--help"])  # doctest: +ELLIPSIS
usage: framing-toolkit ...
0
"""

from __future__ import annotations

import argparse
import codecs
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PROG = "framing-toolkit"


class UserError(Exception):
    """A mistake in the command line or the input files: printed as one line."""


def _check_out_file(out: Path, *, force: bool, source: Path) -> None:
    """:func:`toolkit.outputs.check_out_file`, naming the command line's options."""
    from toolkit.outputs import check_out_file

    check_out_file(
        out, source=source, force=force, option="--out", force_option="--force"
    )


def _whole_number(minimum: int) -> Callable[[str], int]:
    """Return an argparse ``type`` accepting whole numbers of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a whole number, got {text!r}"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def _codec(text: str) -> str:
    """Return ``text`` if it names a text codec; an argparse ``type``."""
    try:
        codecs.lookup(text)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a text codec; use e.g. utf-8, utf-16 or cp1256, or leave "
            "it out to detect the encoding"
        ) from None
    return text


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    line: str | None = None,
) -> str:
    """Format a warning as ``warning: ...``, without the source line it came from."""
    return f"warning: {message}\n"


#: Inputs at least this large are announced before they are read (a 200 MB
#: corpus takes about a minute).
ANNOUNCE_BYTES = 20_000_000


def _load_arabic_corpus(
    path: str, encoding: str | None, quiet: bool = True
) -> pd.DataFrame:
    """Load a corpus; refuse it when no article contains Arabic.

    Unless ``quiet``, a large corpus is announced with its size first, so a long
    read is not silent.
    """
    from toolkit.classify.inputs import has_arabic
    from toolkit.corpus import load_corpus
    from toolkit.corpus.schema import TEXT

    size = _disk_size(Path(path))
    if not quiet and size >= ANNOUNCE_BYTES:
        print(f"reading {path} ({_megabytes(size)})...", file=sys.stderr, flush=True)
    articles = load_corpus(path, encoding=encoding)
    if not has_arabic(articles[TEXT]).any():
        raise UserError(
            f"{path}: no article contains an Arabic letter; the analysis needs "
            "Arabic text (check the language and the file's encoding)"
        )
    return articles


def _disk_size(path: Path) -> int:
    """Bytes the loader will read at ``path``: the file, or a folder's ``.txt`` files
    and their ``.json`` sidecars; 0 when it cannot be read, since the loader then
    names the problem itself."""
    try:
        if path.is_dir():
            return sum(
                f.stat().st_size
                for f in path.iterdir()
                if f.suffix.lower() in (".txt", ".json") and f.is_file()
            )
        return path.stat().st_size
    except OSError:
        return 0


def _report_size(folder: Path) -> int:
    """Bytes of the files the report wrote into ``folder`` (not the user's own)."""
    from toolkit.report import report_outputs

    files = (folder / name for name in report_outputs())
    return sum(f.stat().st_size for f in files if f.is_file())


def _megabytes(size: int) -> str:
    """``size`` bytes for a person: "0.3 MB", "495 MB"."""
    return f"{size / 1e6:.2g} MB" if size < 10e6 else f"{size / 1e6:,.0f} MB"


def _analyze(args: argparse.Namespace) -> None:
    from toolkit.pipeline import load_task_model
    from toolkit.report import check_report_folder, write_report

    # Before the corpus is read (a minute for 200 MB): the output folder, and the
    # model files, so a typo fails at once.
    check_report_folder(Path(args.out), force=args.force, source=args.corpus)
    for task, model in (("stance", args.stance_model), ("hedging", args.hedge_model)):
        if model is not None:
            load_task_model(task, model)
    articles = _load_arabic_corpus(args.corpus, args.encoding, quiet=args.quiet)
    write_report(
        articles,
        Path(args.out),
        stance_model=args.stance_model,
        hedge_model=args.hedge_model,
        name=Path(args.corpus).name,
        quiet=args.quiet,
        force=args.force,
        source=args.corpus,
    )
    if not args.quiet:
        out = Path(args.out)
        print(
            f"report written to {out / 'report.md'} and {out / 'report.html'} "
            f"({_megabytes(_report_size(out))} in {out})"
        )


def _train(args: argparse.Namespace) -> None:
    from toolkit.pipeline import train_from_file

    _check_out_file(Path(args.out), force=args.force, source=Path(args.data))
    path = train_from_file(
        args.task,
        args.data,
        args.out,
        encoding=args.encoding,
        skip_unlabelled=args.skip_unlabelled,
        force=args.force,
    )
    if not args.quiet:
        print(f"{args.task} model saved to {path}")


def _annotate(args: argparse.Namespace) -> None:
    from toolkit.corpus import extract_statements
    from toolkit.corpus.sampling import annotation_sheet
    from toolkit.outputs import atomic_path

    out = Path(args.out)
    _check_out_file(out, force=args.force, source=Path(args.corpus))
    articles = _load_arabic_corpus(args.corpus, args.encoding, quiet=args.quiet)
    statements = extract_statements(articles)
    sheet = annotation_sheet(statements, args.sample, seed=args.seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out) as partial:
        sheet.to_csv(partial, index=False, encoding="utf-8-sig")
    if not args.quiet:
        print(f"{len(sheet)} statements to annotate written to {out}")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with the ``analyze``, ``train`` and ``annotate`` commands.

    Examples
    --------
    >>> build_parser().parse_args(["analyze", "datasets/examples"]).out
    'report'
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Framing analysis of Arabic news: attribute, classify, compare sides.",
        epilog=f"example: {PROG} analyze datasets/examples --out report",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress output (warnings stay)"
    )
    # -q also after the command; SUPPRESS keeps the global value when it is absent.
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress output (warnings stay)",
    )
    # --encoding for every command that reads text files.
    encoding = argparse.ArgumentParser(add_help=False)
    encoding.add_argument(
        "--encoding",
        type=_codec,
        help="codec of the input files, e.g. utf-8 or cp1256 (default: detected)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        parents=[quiet, encoding],
        help="analyse a corpus and write report.md, report.html, statements.csv, "
        "summary.csv and figures/",
        description="Load, attribute, classify and compare the sides of a corpus.",
        epilog=f"example: {PROG} analyze datasets/examples --out report",
    )
    analyze.add_argument(
        "corpus", help="folder of .txt files, or .csv/.tsv/.jsonl/.parquet"
    )
    analyze.add_argument(
        "--out", default="report", help="output folder (default: report)"
    )
    analyze.add_argument("--stance-model", help="a model saved by 'train stance'")
    analyze.add_argument("--hedge-model", help="a model saved by 'train hedging'")
    analyze.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that holds no report (its report files "
        "are replaced; the input never is)",
    )
    analyze.set_defaults(run=_analyze)

    train = commands.add_parser(
        "train",
        parents=[quiet, encoding],
        help="train a stance or hedging model from an annotated CSV/TSV/JSONL",
        description="Train a classifier on annotated statements and save it safely.",
        epilog=f"example: {PROG} train hedging my_labels.csv --out hedge.skops",
    )
    train.add_argument("task", choices=["stance", "hedging"])
    train.add_argument(
        "data", help="file with a 'text' column and a 'stance' or 'hedged' column"
    )
    train.add_argument("--out", required=True, help="where to save the model (.skops)")
    train.add_argument("--force", action="store_true", help="overwrite --out")
    train.add_argument(
        "--skip-unlabelled",
        action="store_true",
        help="train on the rows whose label is filled in (warns how many are left out)",
    )
    train.set_defaults(run=_train)

    annotate = commands.add_parser(
        "annotate",
        parents=[quiet, encoding],
        help="draw a stratified sample of statements for a human to label",
        description="Write a CSV with the statements and empty stance/hedged/notes columns "
        "to fill following datasets/ANNOTATION.md.",
        epilog=f"example: {PROG} annotate datasets/examples --sample 5 --out sample.csv",
    )
    annotate.add_argument(
        "corpus", help="folder of .txt files, or .csv/.tsv/.jsonl/.parquet"
    )
    annotate.add_argument(
        "--sample", type=_whole_number(1), default=200, help="how many statements"
    )
    annotate.add_argument(
        "--seed", type=_whole_number(0), default=0, help="random seed (default 0)"
    )
    annotate.add_argument("--out", required=True, help="CSV file to write")
    annotate.add_argument("--force", action="store_true", help="overwrite --out")
    annotate.set_defaults(run=_annotate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    User mistakes (missing files, bad columns, undecodable text, bad arguments) print one
    line starting with ``error:`` on standard error and return 1, never a traceback.
    Warnings (e.g. a skipped empty file) print one line each starting with
    ``warning:``, also with ``-q``, which only silences progress.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` when omitted.

    Examples
    --------
    >>> main(["train", "sentiment", "labels.csv", "--out", "m.skops"])  # bad choice
    2
    >>> main(["analyze", "no/such/folder"])  # "error: ..." on standard error
    1
    >>> import tempfile
    >>> from toolkit.corpus.loaders import EXAMPLES_DIR
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     main(["-q", "annotate", str(EXAMPLES_DIR), "--sample", "3", "--out", f"{tmp}/s.csv"])
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    run: Callable[[argparse.Namespace], None] = args.run
    formatwarning, warnings.formatwarning = warnings.formatwarning, _one_line_warning
    try:
        run(args)
    except (UserError, FileNotFoundError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        warnings.formatwarning = formatwarning
    return 0
