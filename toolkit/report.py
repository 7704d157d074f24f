"""Write an analysis as ``report.md``, a self-contained ``report.html`` and CSV files.

A report is a list of blocks (headings, paragraphs, tables, figures) rendered twice:
to Markdown, with figures as files beside it, and to one HTML file with the figures
embedded, which can be mailed or archived alone.

Examples
--------
>>> import pandas as pd
>>> markdown_table(pd.DataFrame({"side": ["sdc"], "share": [0.25]}))
'| side | share |\\n|---|---|\\n| sdc | 0.25 |'
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from toolkit import __version__
from toolkit.corpus import schema as S
from toolkit.framing import columns as C
from toolkit.framing.terms import Z_DISTINCTIVE
from toolkit.outputs import (
    IncompleteMoveError,
    folder_entries,
    move_files,
    staging_folder,
    write_error,
)
from toolkit.pipeline import HEDGED_PROBABILITY, STANCE_CONFIDENCE, Analysis, analyze
from toolkit.plotting import (
    plot_distinctive_terms,
    plot_hedging_by_side,
    plot_label_usage,
    plot_verb_profile,
    save_figure,
    use_arabic_font,
)

#: Title of every report, followed by the corpus's name.
TITLE = "Framing report"
#: Files every report folder holds besides its figures.
REPORT_FILES: tuple[str, ...] = (
    "report.md",
    "report.html",
    "statements.csv",
    "summary.csv",
)
#: Subfolder of the report folder with the figures.
FIGURES_DIR = "figures"
#: File written into every report folder: a folder holding it may be written again.
MARKER = ".framing-toolkit-report"
#: How the report names the tests of :func:`toolkit.framing.hedging_by_side`.
TEST_NAMES = {
    "fisher_exact": "Fisher's exact test",
    "chi2": "chi-square test",
}
#: Statements shown in the report itself; all of them are in statements.csv.
MAX_STATEMENT_ROWS = 60
#: Distinctive words listed per side.
TERMS_PER_SIDE = 10
STATEMENT_VIEW = (
    S.DOC_ID,
    S.SENT_ID,
    S.SPEAKER,
    S.SIDE,
    S.VERB,
    S.VERB_FRAME,
    S.STANCE,
    STANCE_CONFIDENCE,
    S.HEDGED,
    HEDGED_PROBABILITY,
    S.TEXT,
)


@dataclass
class Heading:
    """A section title of a report, ``level`` 1 for the report's own title.

    Examples
    --------
    >>> to_markdown([Heading("Hedging", level=3)])
    '### Hedging\\n'
    """

    text: str
    level: int = 2


@dataclass
class Paragraph:
    """A paragraph of plain text (escaped in HTML, written as is in Markdown).

    Examples
    --------
    >>> "<p>a &lt; b</p>" in to_html([Paragraph("a < b")], Path("."), "Demo")
    True
    """

    text: str


@dataclass
class Bullets:
    """A bulleted list of plain-text items.

    Examples
    --------
    >>> print(to_markdown([Bullets(["sdc: 4 statements", "government: 4"])]), end="")
    - sdc: 4 statements
    - government: 4
    >>> "<ul><li>a</li><li>b</li></ul>" in to_html([Bullets(["a", "b"])], Path("."), "D")
    True
    """

    items: list[str]


@dataclass
class Table:
    """A table of a report, shown without its index.

    Examples
    --------
    >>> block = Table(pd.DataFrame({"side": ["sdc"], "statements": [4]}))
    >>> print(to_markdown([block]), end="")
    | side | statements |
    |---|---|
    | sdc | 4 |
    """

    frame: pd.DataFrame


@dataclass
class Figure:
    """A saved image with its caption; ``path`` is relative to the report folder.

    Examples
    --------
    >>> to_markdown([Figure(Path("figures") / "hedging.png", "Hedged share")])
    '![Hedged share](figures/hedging.png)\\n'
    """

    path: Path  # relative to the report folder
    caption: str


Block = Heading | Paragraph | Bullets | Table | Figure


def markdown_table(frame: pd.DataFrame) -> str:
    """Return ``frame`` as a GitHub-flavoured Markdown table (index dropped).

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table; cells are shown with ``str``; ``|`` inside a cell is escaped.

    Returns
    -------
    str
        The table, without a trailing newline.

    Examples
    --------
    >>> table = pd.DataFrame({"side": ["sdc"], "verbs": ["said|claimed"]})
    >>> print(markdown_table(table))
    | side | verbs |
    |---|---|
    | sdc | said\\|claimed |
    """

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    header = "| " + " | ".join(map(cell, frame.columns)) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join(map(cell, row)) + " |" for row in frame.to_numpy()]
    return "\n".join([header, rule, *rows])


def to_markdown(blocks: list[Block]) -> str:
    """Render blocks as Markdown (figures link to their files).

    Examples
    --------
    >>> blocks = [Heading("Framing report", 1), Paragraph("Nine statements.")]
    >>> print(to_markdown(blocks), end="")
    # Framing report
    <BLANKLINE>
    Nine statements.
    """
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {block.text}")
        elif isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.append("\n".join(f"- {item}" for item in block.items))
        elif isinstance(block, Table):
            parts.append(markdown_table(block.frame))
        else:
            parts.append(f"![{block.caption}]({block.path.as_posix()})")
    return "\n\n".join(parts) + "\n"


def to_html(blocks: list[Block], folder: Path, title: str) -> str:
    """Render blocks as one HTML page with figures embedded as data URIs.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "f.png").write_bytes(b"PNG")  # stands in for an image
    ...     page = to_html([Heading("Hedging"), Figure(Path("f.png"), "Share")], Path(tmp), "Demo")
    >>> "<h2>Hedging</h2>" in page, 'src="data:image/png;base64,UE5H"' in page
    (True, True)
    """
    body = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{html.escape(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            body.append(block.frame.to_html(index=False, border=0, escape=True))
        else:
            data = base64.b64encode((folder / block.path).read_bytes()).decode()
            body.append(
                f'<figure><img alt="{html.escape(block.caption)}" '
                f'src="data:image/png;base64,{data}"><figcaption>'
                f"{html.escape(block.caption)}</figcaption></figure>"
            )
    style = (
        "body{font-family:'Noto Naskh Arabic','DejaVu Sans',sans-serif;max-width:60em;"
        "margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;unicode-bidi:plaintext}"
        "img{max-width:100%}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{style}</style></head>"
        f"<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


#: The report's figures: file name (without ``.png``) -> plot function, the
#: :class:`~toolkit.pipeline.Analysis` table it draws, caption.
FIGURES: dict[str, tuple[Callable[[pd.DataFrame], Axes], str, str]] = {
    "verb_profile": (
        plot_verb_profile,
        "verbs",
        "Verb frames per side: share of each side's statements",
    ),
    "hedging_by_side": (
        plot_hedging_by_side,
        "hedging",
        "Share of hedged statements per side, with 95 % confidence intervals",
    ),
    "label_usage": (plot_label_usage, "labels", "How each actor is named, by valence"),
    "distinctive_terms": (
        plot_distinctive_terms,
        "terms",
        "Words most typical of each side (log-odds ratio z-score)",
    ),
}


def report_outputs() -> list[Path]:
    """Return every path a report may write, relative to its folder.

    Examples
    --------
    >>> [p.as_posix() for p in report_outputs()][:2]
    ['report.md', 'report.html']
    >>> Path("figures/label_usage.png") in report_outputs()
    True
    """
    figures = [Path(FIGURES_DIR) / f"{name}.png" for name in FIGURES]
    return [*map(Path, REPORT_FILES), *figures, Path(MARKER)]


def is_report_folder(folder: Path) -> bool:
    """Tell whether ``folder`` holds a report written by this toolkit.

    True when it holds the :data:`MARKER` file, or (reports written before the
    marker existed) only report files and a ``report.md`` with the report's title.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "report.md").write_text("# My own notes", encoding="utf-8")
    ...     is_report_folder(Path(tmp))
    False
    """
    if (folder / MARKER).is_file():
        return True
    names = {path.name for path in folder_entries(folder)}
    if not names <= {*REPORT_FILES, FIGURES_DIR} or "report.md" not in names:
        return False
    with open(folder / "report.md", encoding="utf-8", errors="replace") as report:
        return report.readline().startswith(f"# {TITLE}: ")


def check_report_folder(
    out: Path, *, force: bool = False, source: str | Path | None = None
) -> None:
    """Raise ``ValueError`` unless a report may be written into folder ``out``.

    Parameters
    ----------
    out : pathlib.Path
        The report folder; it may be missing, empty or a report folder
        (:func:`is_report_folder`), or anything with ``force``.
    force : bool
        Allow a non-empty folder that holds no report; its files named as the
        report's (:func:`report_outputs`) are replaced, no other file is touched.
    source : str or Path, optional
        The input the report is made from; never replaced, even with ``force``.
        Only a ``source`` given is protected: without it, an input file in
        ``out`` named as a report file (``statements.csv``, say) is replaced
        with ``force``, so pass it whenever the articles were read from a file.

    Raises
    ------
    ValueError
        When ``out`` is a file, when the report would replace ``source``, or when
        ``out`` is a non-empty folder without a report and ``force`` is false.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "statements.csv").write_text("text", encoding="utf-8")
    ...     check_report_folder(Path(tmp), force=True, source=Path(tmp) / "statements.csv")
    Traceback (most recent call last):
    ...
    ValueError: ...: the report would replace its input ...statements.csv; ...
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: is a file; the report needs a folder")
    if not out.is_dir():
        return
    if source is not None and Path(source).exists():
        for relative in report_outputs():
            target = out / relative
            if target.exists() and target.samefile(source):
                raise ValueError(
                    f"{out}: the report would replace its input {source}; "
                    "choose another output folder"
                )
    if not force and folder_entries(out) and not is_report_folder(out):
        raise ValueError(
            f"{out}: the folder is not empty and holds no report of this toolkit; "
            "choose a new or empty folder, or pass --force to write the report into "
            f"it (replacing its {', '.join(REPORT_FILES)} and {FIGURES_DIR}/*.png)"
        )


def _figures(analysis: Analysis, folder: Path) -> dict[str, Figure]:
    use_arabic_font()
    figures = {}
    for name, (plot, attribute, caption) in FIGURES.items():
        table = getattr(analysis, attribute)
        if table.empty:
            continue
        ax = plot(table)
        relative = Path(FIGURES_DIR) / f"{name}.png"
        save_figure(ax.figure, folder / relative)
        plt.close(ax.figure)
        figures[name] = Figure(relative, caption)
    return figures


def _frame_table(analysis: Analysis) -> pd.DataFrame:
    frames = analysis.verbs[analysis.verbs[C.FEATURE] == S.VERB_FRAME]
    shown = frames.assign(
        cell=[
            f"{count} ({share:.0%})"
            for count, share in zip(frames[C.COUNT], frames[C.SHARE], strict=True)
        ]
    )
    table = shown.pivot(index=C.VALUE, columns=S.SIDE, values="cell")
    order = [f for f in S.VERB_FRAMES if f in table.index]
    return table.loc[order].reset_index().rename(columns={C.VALUE: "verb frame"})


def _findings(analysis: Analysis) -> list[str]:
    statements = analysis.statements
    lines = []
    for side in (S.GOVERNMENT, S.SDC):
        mine = statements[statements[S.SIDE] == side]
        if mine.empty:
            continue
        frames = mine[S.VERB_FRAME].value_counts(normalize=True)
        lines.append(
            f"{side}: {_counted(len(mine), 'statement')}; assertive {frames.get(S.ASSERTIVE, 0):.0%}, "
            f"neutral {frames.get(S.NEUTRAL_FRAME, 0):.0%}, distancing "
            f"{frames.get(S.DISTANCING, 0):.0%}, accusatory "
            f"{frames.get(S.ACCUSATORY, 0):.0%}, denial {frames.get(S.DENIAL, 0):.0%}; "
            f"hedged (predicted) {mine[S.HEDGED].mean():.0%}."
        )
    test = analysis.hedging.attrs.get("test")
    if test and pd.notna(test["p_value"]):
        shares = analysis.hedging.set_index(S.SIDE)[C.SHARE]
        a, b = test["sides"]
        verdict = "significant" if test["p_value"] < 0.05 else "not significant"
        documents = analysis.hedging.set_index(S.SIDE)[C.N_DOCUMENTS]
        if min(documents.get(a, 0), documents.get(b, 0)) == 1:
            basis = (
                "a side's statements come from one article, so they are treated as "
                "independent: this describes that article, not the outlet"
            )
        else:
            effects = ", ".join(f"{e:.2f}" for e in test["design_effect"])
            basis = (
                f"counts divided by the design effects {effects} of statements "
                "clustered in articles"
            )
        lines.append(
            f"Hedged share (predicted) {a} {shares.get(a, 0):.0%} vs {b} "
            f"{shares.get(b, 0):.0%}: "
            f"{TEST_NAMES.get(test['test'], test['test'])} p = {test['p_value']:.3g} "
            f"({verdict} "
            f"at 5%; {basis})."
        )
    labels = analysis.labels
    delegit = labels[labels[C.VALENCE] == "delegitimising"]
    for row in delegit.itertuples(index=False):
        lines.append(
            f"Delegitimising label «{getattr(row, C.LABEL)}» naming "
            f"{getattr(row, C.REFERS_TO)}, used {_counted(getattr(row, C.COUNT), 'time')} in "
            f"{getattr(row, S.SIDE)} statements."
        )
    return lines


def _counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 ("1 article", "9 statements")."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _terms_blocks(terms: pd.DataFrame) -> list[Block]:
    if terms.empty:
        return [Paragraph("Not computed; see “What the numbers say”.")]
    strong = terms[terms[C.Z].abs() >= Z_DISTINCTIVE]
    return [
        Paragraph(
            f"{_counted(len(strong), 'word')} "
            f"{'reaches' if len(strong) == 1 else 'reach'} |z| >= {Z_DISTINCTIVE} "
            "(conventionally "
            "distinctive); the others are listed as leads to read, not findings."
        ),
        Table(
            terms.iloc[terms[C.Z].abs().argsort(kind="stable")[::-1]]
            .groupby(C.FAVOURS, sort=False)
            .head(TERMS_PER_SIDE)
            .round(3)
        ),
    ]


def build_blocks(
    analysis: Analysis, figures: dict[str, Figure], name: str
) -> list[Block]:
    """Assemble the report's blocks from an analysis and its saved figures.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> blocks = build_blocks(analyze(load_example(), progress=False), {}, "example")
    >>> blocks[0]
    Heading(text='Framing report: example', level=1)
    >>> any(isinstance(block, Figure) for block in blocks)  # no figures given
    False
    """
    statements = analysis.statements
    counts = statements.groupby(S.SIDE).agg(
        statements=(S.TEXT, "size"), documents=(S.DOC_ID, "nunique")
    )
    counts = counts.reindex([s for s in S.SIDES if s in counts.index]).reset_index()
    blocks: list[Block] = [
        Heading(f"{TITLE}: {name}", 1),
        Paragraph(
            f"arabic-framing-toolkit {__version__}. "
            f"{_counted(statements[S.DOC_ID].nunique(), 'article')}, "
            f"{_counted(len(statements), 'statement')}. "
            "Speakers, sides and reporting verbs come from the rule-based attribution "
            "(on the framing corpus's held-out events it gave about 4 in 5 statements "
            "the annotators' side; measure it on a hand-annotated sample of your own "
            "outlet with toolkit.corpus.attribution_check). Stance is predicted by "
            f"{analysis.models.get('stance', 'a classifier')}, hedging by "
            f"{analysis.models.get('hedging', 'a classifier')}; the project's default "
            "models were trained on a composed corpus and carry the error rates "
            "reported in benchmarks/results/accuracy.md (rows 'shipped model')."
        ),
        Heading("What the numbers say"),
        Bullets([*analysis.notes, *_findings(analysis)]),
        Heading("Statements per side"),
        Table(counts),
        Heading("How each side's statements are introduced"),
        Paragraph(
            "Assertive verbs (أكد، أوضح، كشف) present a claim as established; "
            "distancing ones (زعم، ادعى، زاعمًا) signal doubt; accusatory ones (اتهم) "
            "cast the speaker as an accuser."
        ),
    ]
    if "verb_profile" in figures:
        blocks.append(figures["verb_profile"])
    blocks += [
        Table(_frame_table(analysis)),
        Heading("Hedging"),
    ]
    if "hedging_by_side" in figures:
        blocks.append(figures["hedging_by_side"])
    blocks.append(Table(analysis.hedging.round(3)))
    stance = pd.crosstab(statements[S.SIDE], statements[S.STANCE]).reset_index()
    blocks += [
        Heading("Stance (predicted)"),
        Paragraph(
            "A government or SDC statement that the model finds neutral is given its "
            "speaker's side (toolkit.pipeline.speaker_side_rule), so each side's own "
            "statements lean to its own stance largely by construction, and the "
            "stance test in the summary mostly restates who spoke. The stance of "
            "narrator and third-party statements is where the outlet's own leaning "
            "shows. The rule raised macro-F1 by about a point in cross-validation on "
            "the framing corpus and lowered it by about a point on its test events "
            "(benchmarks/results/speaker_rule.md and accuracy.md)."
        ),
        Table(stance),
        Heading("Naming"),
    ]
    if "label_usage" in figures:
        blocks.append(figures["label_usage"])
    blocks += [Table(analysis.labels), Heading("Distinctive words")]
    if "distinctive_terms" in figures:
        blocks.append(figures["distinctive_terms"])
    blocks += _terms_blocks(analysis.terms)
    blocks += [
        Heading("Summary table"),
        Paragraph(
            "p_value is each test's own; p_holm adjusts it for all the tests in "
            "this table (Holm), so read p_holm when asking whether anything in the "
            "table differs between the sides."
        ),
        Table(analysis.summary.round(3).astype(object).fillna("")),
        Heading("Statements"),
        Paragraph(
            f"The first {min(len(statements), MAX_STATEMENT_ROWS)} of {len(statements)}; "
            "all of them are in statements.csv."
        ),
        Table(statements[list(STATEMENT_VIEW)].head(MAX_STATEMENT_ROWS)),
    ]
    return blocks


def write_report(
    articles: pd.DataFrame,
    out: Path,
    *,
    stance_model: str | Path | None = None,
    hedge_model: str | Path | None = None,
    name: str = "corpus",
    quiet: bool = False,
    force: bool = False,
    source: str | Path | None = None,
) -> Analysis:
    """Analyse ``articles`` and write the report files into folder ``out``.

    Writes ``report.md``, ``report.html`` (self-contained), ``statements.csv``,
    ``summary.csv``, ``figures/*.png`` and the :data:`MARKER` file that lets a
    later report replace them.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table.
    out : pathlib.Path
        Output folder, created if needed: a new or empty folder, or one holding a
        report of this toolkit, whose report files are replaced (figures the new
        report lacks are removed). The report is built in a hidden folder
        inside it (so on its file system) and moved in when complete; a
        failure, also part way through moving it in, leaves ``out`` as it was
        (see :func:`toolkit.outputs.move_files`).
    stance_model, hedge_model : str or Path, optional
        Saved models to use instead of the project's defaults.
    name : str
        Name of the corpus in the report's title.
    quiet : bool
        No progress bar.
    force, source
        See :func:`check_report_folder`, which runs before any work. Then the
        staging folder is made, so a folder that cannot be written fails at
        once, and :func:`~toolkit.pipeline.analyze` checks ``articles`` and
        loads the models before the long work.

    Returns
    -------
    Analysis
        What the report shows.

    Raises
    ------
    ValueError
        When ``out`` may not be written (see :func:`check_report_folder`).
    OSError
        When a file cannot be written (disk full, file too large) or replaced (a
        read-only subfolder, a file open in another program); it names ``out``,
        which was left as it was. When putting ``out`` back failed too, a
        :class:`~toolkit.outputs.IncompleteMoveError` names the new files.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit.corpus import load_example
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     result = write_report(load_example(), Path(tmp), name="example", quiet=True)
    ...     written = sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*.*"))
    >>> written
    ['.framing-toolkit-report', 'figures/distinctive_terms.png',
     'figures/hedging_by_side.png', 'figures/label_usage.png',
     'figures/verb_profile.png', 'report.html', 'report.md', 'statements.csv',
     'summary.csv']
    """
    out = Path(out)
    check_report_folder(out, force=force, source=source)
    with ExitStack() as stack:
        # staging first: a folder that cannot be written fails before the analysis
        with _naming(out):
            staging = stack.enter_context(staging_folder(out))
        analysis = analyze(
            articles,
            stance_model=stance_model,
            hedge_model=hedge_model,
            progress=not quiet,
        )
        with _naming(out):
            written = _write_files(analysis, staging, name)
            stale = [p for p in report_outputs() if p not in written]
            move_files(staging, out, written, remove=stale)
    return analysis


@contextmanager
def _naming(out: Path) -> Iterator[None]:
    """Re-raise an ``OSError`` of writing the report as one that names ``out``."""
    try:
        yield
    except IncompleteMoveError:
        raise  # its message says which files are new
    except OSError as error:
        raise write_error(error, out) from error


def _write_files(analysis: Analysis, folder: Path, name: str) -> list[Path]:
    """Write the report into ``folder``; return the files written, relative to it."""
    figures = _figures(analysis, folder)
    blocks = build_blocks(analysis, figures, name)
    (folder / "report.md").write_text(to_markdown(blocks), encoding="utf-8")
    page = to_html(blocks, folder, f"{TITLE}: {name}")
    (folder / "report.html").write_text(page, encoding="utf-8")
    statements, summary = folder / "statements.csv", folder / "summary.csv"
    analysis.statements.to_csv(statements, index=False, encoding="utf-8")
    analysis.summary.to_csv(summary, index=False, encoding="utf-8")
    (folder / MARKER).write_text(
        f"A report written by arabic-framing-toolkit {__version__}; 'analyze' may "
        "replace its files.\n",
        encoding="utf-8",
    )
    return [*map(Path, REPORT_FILES), *(f.path for f in figures.values()), Path(MARKER)]
