"""The whole analysis in one call: attribute, classify, compare the sides.

The command line (``python -m toolkit analyze``) and the notebooks both use
:func:`analyze`, so a figure in a notebook and the same figure in a report come from
the same code.

Examples
--------
>>> from toolkit.corpus import load_example
>>> result = analyze(load_example(), progress=False)
>>> result.statements[["side", "stance", "hedged"]].head(4).values.tolist()
[['sdc', 'pro_sdc', 0], ['sdc', 'pro_sdc', 1], ['sdc', 'pro_sdc', 0], ['sdc', 'pro_sdc', 0]]
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin
from tqdm import tqdm  # text bar: tqdm.auto warns in notebooks without ipywidgets

from toolkit.corpus import CorpusWarning, extract_statements, read_rows
from toolkit.corpus import schema as S
from toolkit.corpus.attribution import check_articles
from toolkit.datasets import load_framing_statements
from toolkit.framing import (
    OneDocumentWarning,
    compare_sides,
    distinctive_terms,
    hedging_by_side,
    labels_by_actor,
    verb_profile,
)
from toolkit.framing.clustered import warn_one_document
from toolkit.outputs import check_out_file

#: Fewer examples of a label than this, and ``train`` warns that the model is unstable.
FEW_EXAMPLES = 30

#: Probability the stance model gives its predicted class.
STANCE_CONFIDENCE = "stance_confidence"
#: Probability the hedging model gives "hedged".
HEDGED_PROBABILITY = "hedged_probability"
#: The splits the default models are trained on (test stays unseen).
TRAINING_SPLITS = ("train", "dev")
#: Label column each task learns.
TASK_LABELS = {"stance": S.STANCE, "hedging": S.HEDGED}
#: A whole number written with decimals, as pandas writes a float column: ``1.0``.
#: A whole number as text, in any script's digits ("1", "1.0", Arabic-Indic "١").
_WHOLE_NUMBER = re.compile(r"(\d+)(?:\.[0٠۰]*)?")
#: The labels each task's model may predict.
TASK_VOCABULARIES: dict[str, tuple] = {"stance": S.STANCES, "hedging": (0, 1)}


@dataclass
class Analysis:
    """Everything a report shows: the statements and the comparison tables.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> result = analyze(load_example(), progress=False)
    >>> type(result).__name__, len(result.statements)
    ('Analysis', 9)
    >>> result.hedging["side"].tolist()
    ['government', 'sdc', 'narrator']
    """

    statements: pd.DataFrame
    summary: pd.DataFrame
    verbs: pd.DataFrame
    hedging: pd.DataFrame
    labels: pd.DataFrame
    terms: pd.DataFrame
    #: Comparisons that were skipped, and why (e.g. a side with no statement).
    notes: list[str] = field(default_factory=list)
    #: Which model predicted each task ("stance", "hedging"): the project's default
    #: or a file, with the start of its SHA-256 (see :func:`model_source`).
    models: dict[str, str] = field(default_factory=dict)


def _task_class(task: str) -> type[ClassifierMixin]:
    from toolkit.classify import HedgeClassifier, StanceClassifier

    if task not in TASK_LABELS:
        raise ValueError(f"task must be 'stance' or 'hedging', got {task!r}")
    return StanceClassifier if task == "stance" else HedgeClassifier


def _new_model(task: str) -> ClassifierMixin:
    return _task_class(task)()


@lru_cache(maxsize=2)
def default_model(task: str) -> ClassifierMixin:
    """Return the project's model for ``task``, trained on the framing corpus.

    Trained on the corpus's train and dev splits (its test split stays unseen), once
    per process.

    Parameters
    ----------
    task : {"stance", "hedging"}
        Which classifier.

    Returns
    -------
    sklearn classifier
        A fitted :class:`~toolkit.classify.StanceClassifier` or
        :class:`~toolkit.classify.HedgeClassifier`.

    Examples
    --------
    >>> default_model("hedging").classes_.tolist()
    [0, 1]
    """
    corpus = load_framing_statements()
    corpus = corpus[corpus[S.SPLIT].isin(TRAINING_SPLITS)]
    return _new_model(task).fit(corpus[S.TEXT], corpus[TASK_LABELS[task]])


def train_from_file(
    task: str,
    data: str | Path,
    out: str | Path,
    *,
    encoding: str | None = None,
    skip_unlabelled: bool = False,
    force: bool = False,
) -> Path:
    """Train a classifier on an annotated file and save it safely.

    ``out`` is checked before any work, as ``train`` on the command line checks
    ``--out`` (:func:`toolkit.outputs.check_out_file`): it is never ``data``
    itself, also through a symbolic or hard link, and an existing file is
    replaced only with ``force``. The model is written whole or not at all.

    Parameters
    ----------
    task : {"stance", "hedging"}
        Which classifier to train.
    data : str or Path
        A CSV, TSV or JSONL file of statements (see :func:`read_statements`) with
        the label column (``stance`` or ``hedged``), e.g. a sheet from ``annotate``
        filled in by hand.
    out : str or Path
        Where to write the model (a ``.skops`` file); its folder is created if
        needed. Never ``data``.
    encoding : str, optional
        Force the codec of ``data``; detected when omitted.
    skip_unlabelled : bool, default False
        Train on the rows whose label is filled in and warn how many were left
        out (a sheet labelled in several sittings); by default an empty label is
        an error.
    force : bool, default False
        Replace ``out`` if it exists (a link is written through); without it an
        existing ``out`` is an error.

    Returns
    -------
    pathlib.Path
        The model file.

    Warns
    -----
    CorpusWarning
        When rows were left out (``skip_unlabelled``), or a label has fewer than
        :data:`FEW_EXAMPLES` examples.

    Raises
    ------
    ValueError
        When ``out`` is ``data``, or the label column is missing, or has empty
        cells or labels outside the task's vocabulary (see
        :func:`annotated_labels`; the message names the file, column and rows).
    FileExistsError
        When ``out`` exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile
    >>> from toolkit.corpus import load_example_gold
    >>> tmp = Path(tempfile.mkdtemp())
    >>> data = tmp / "labels.csv"
    >>> load_example_gold()[["text", "hedged"]].to_csv(data, index=False)
    >>> train_from_file("hedging", data, tmp / "hedge.skops").name
    'hedge.skops'
    >>> train_from_file("hedging", data, data)
    Traceback (most recent call last):
    ...
    ValueError: out .../labels.csv is the input file .../labels.csv; choose another out ...
    """
    from toolkit.classify import save

    label = TASK_LABELS.get(task)
    if label is None:
        raise ValueError(f"task must be 'stance' or 'hedging', got {task!r}")
    check_out_file(out, source=data, force=force)
    table = read_statements(data, encoding=encoding)
    S.require_columns(table, [label], str(data))
    if skip_unlabelled:
        blank = table[label].map(_is_blank)
        if blank.all():
            raise ValueError(f"{data}: column {label!r} is empty in every row")
        if blank.any():
            warnings.warn(
                f"{data}: trained on the {int((~blank).sum())} labelled rows; "
                f"{int(blank.sum())} rows with an empty {label!r} were left out",
                CorpusWarning,
                stacklevel=2,
            )
        table = table[~blank.to_numpy()]
    y = annotated_labels(table[label], task, str(data))
    counts = y.value_counts().sort_values(kind="stable")
    few = counts[counts < FEW_EXAMPLES]
    if len(few):
        listed = ", ".join(f"{label}={value} ({n})" for value, n in few.items())
        warnings.warn(
            f"{data}: few examples of {listed} among {len(y)} rows; a model trained "
            f"on so few is unstable, label more (at least {FEW_EXAMPLES} per label; "
            "notebook 02 shows how scores grow)",
            CorpusWarning,
            stacklevel=2,
        )
    model = _new_model(task).fit(table[S.TEXT], y)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    save(model, out)
    return Path(out)


def read_statements(path: str | Path, *, encoding: str | None = None) -> pd.DataFrame:
    """Read a table of statements, one row each: several may share a ``doc_id``.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.tsv``, ``.jsonl`` or ``.parquet`` file with a ``text``
        column, read as :func:`~toolkit.corpus.load_corpus` reads a table file.
    encoding : str, optional
        Force a codec; detected when omitted.

    Returns
    -------
    pandas.DataFrame
        The rows, with a fresh 0-based index (the row numbers messages give).

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    ValueError
        When ``path`` is a folder or a ``.txt`` file, cannot be parsed, lacks a
        ``text`` column or has a row without text; the message names the file
        and the line or row.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sheet = Path(tmp) / "sheet.csv"
    ...     _ = sheet.write_text("doc_id,text\\na,قال\\na,أكد\\n", encoding="utf-8")
    ...     read_statements(sheet)[["doc_id", "text"]].values.tolist()
    [['a', 'قال'], ['a', 'أكد']]
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir() or path.suffix.lower() == ".txt":
        raise ValueError(
            f"{path}: statements to train on are read from a .csv, .tsv, .jsonl or "
            ".parquet file with a 'text' column and the label column"
        )
    frame = read_rows(path, encoding)
    return frame.reset_index(drop=True)


def annotated_labels(values: pd.Series, task: str, where: str) -> pd.Series:
    """Check labels annotated by hand against the task's vocabulary.

    Parameters
    ----------
    values : pandas.Series
        The label column as read from a file: strings from CSV/TSV, any JSON value
        from JSONL. Rows are named in messages by their index, so a column read
        with :func:`read_statements` (row 0 is the first under the header) keeps
        its row numbers after rows are left out. Surrounding spaces are ignored;
        ``hedged`` also takes the numbers 0 and 1, the texts ``0.0`` and ``1.0``,
        and Arabic-Indic ``٠`` and ``١`` (see :func:`label_key`).
    task : {"stance", "hedging"}
        Whose vocabulary (:data:`TASK_VOCABULARIES`) the labels must come from.
    where : str
        How to name the file in messages.

    Returns
    -------
    pandas.Series
        The labels as the model learns them: stance names, or ``hedged`` as int.

    Raises
    ------
    ValueError
        Naming ``where``, the column and the first rows that are empty or hold a
        label outside the vocabulary (a misspelling, another case, ``2``, ``yes``),
        or when all rows have the same label.

    Examples
    --------
    >>> annotated_labels(pd.Series(["1", " 0", 1.0, "0.0"]), "hedging", "x.csv").tolist()
    [1, 0, 1, 0]
    >>> annotated_labels(pd.Series(["١", "٠"]), "hedging", "x.csv").tolist()
    [1, 0]
    >>> annotated_labels(pd.Series(["neutral", "NEUTRAL"]), "stance", "labels.csv")
    Traceback (most recent call last):
    ...
    ValueError: labels.csv: column 'stance' has label(s) outside ... in row(s) 1 ('NEUTRAL'); ...
    """
    column, vocabulary = TASK_LABELS[task], TASK_VOCABULARIES[task]
    known = {str(label): label for label in vocabulary}
    blank = values.map(_is_blank)
    if blank.any():
        empty = values.index[blank.to_numpy()]
        rows = ", ".join(map(str, empty[:5])) + (", ..." if len(empty) > 5 else "")
        raise ValueError(
            f"{where}: column {column!r} is empty in row(s) {rows} ({len(empty)} of "
            f"{len(values)} rows; row 0 is the first under the header); fill them, "
            "or train on the labelled rows only (--skip-unlabelled)"
        )
    parsed = values.map(lambda v: known.get(label_key(v)))
    unknown = parsed.isna().to_numpy().nonzero()[0]
    if len(unknown):
        rows = ", ".join(
            f"{values.index[row]} ({values.iloc[row]!r})" for row in unknown[:5]
        )
        raise ValueError(
            f"{where}: column {column!r} has label(s) outside "
            f"{', '.join(known)} in row(s) {rows}; correct them following "
            "datasets/ANNOTATION.md"
        )
    if parsed.nunique() < 2:
        raise ValueError(
            f"{where}: column {column!r} holds only the label {parsed.iloc[0]}; a model "
            "needs examples of at least two labels"
        )
    return parsed.astype(int) if task == "hedging" else parsed


def _is_blank(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def label_key(value: object) -> str | None:
    """Return the text that identifies a label however it was written or typed.

    A string without its surrounding spaces, and a whole number (``1``, ``1.0``,
    ``"1.0"`` as pandas writes a float column, ``"١"`` as an Arabic-locale
    spreadsheet may) or a boolean, Python's or numpy's (True is 1), as its ASCII
    digits; None for anything else.

    Examples
    --------
    >>> [label_key(v) for v in (" neutral", 1, np.float64(0.0), "1.0", "1", 0.5)]
    ['neutral', '1', '0', '1', '1', None]
    >>> [label_key(v) for v in ("١", "٠", "۱.۰")]
    ['1', '0', '1']
    >>> [label_key(v) for v in (True, np.True_, np.False_)]
    ['1', '1', '0']
    """
    if isinstance(value, str):
        text = value.strip()
        whole = _WHOLE_NUMBER.fullmatch(text)
        return str(int(whole.group(1))) if whole else text
    number = int | float | np.number | np.bool_
    if isinstance(value, number) and float(value).is_integer():
        return str(int(value))
    return None


def load_task_model(task: str, path: str | Path) -> ClassifierMixin:
    """Load a model saved by ``train`` and check that it does ``task``.

    Parameters
    ----------
    task : {"stance", "hedging"}
        What the model must do.
    path : str or Path
        The model file.

    Returns
    -------
    sklearn classifier
        The fitted model.

    Raises
    ------
    ValueError
        When the file holds a model of the other task, or one that predicts labels
        outside :data:`TASK_VOCABULARIES` (the message names the file).

    Examples
    --------
    >>> import tempfile
    >>> from toolkit.classify import HedgeClassifier, save
    >>> hedge = HedgeClassifier().fit(["زعم المصدر", "أكد المصدر"], [1, 0])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     save(hedge, Path(tmp) / "hedge.skops")
    ...     load_task_model("stance", Path(tmp) / "hedge.skops")
    Traceback (most recent call last):
    ...
    ValueError: .../hedge.skops: a HedgeClassifier, not a stance model; ...
    """
    from toolkit.classify import load

    model = load(path)
    if not isinstance(model, _task_class(task)):
        raise ValueError(
            f"{path}: a {type(model).__name__}, not a {task} model; give a model "
            f"saved by 'train {task}'"
        )
    vocabulary = TASK_VOCABULARIES[task]
    found = model.classes_.tolist()
    if not {label_key(label) for label in found} <= {str(v) for v in vocabulary}:
        raise ValueError(
            f"{path}: this {task} model predicts {', '.join(map(repr, found))}; the "
            f"analysis needs {', '.join(map(repr, vocabulary))} (retrain it with "
            f"'train {task}')"
        )
    return model


def model_source(path: str | Path | None) -> str:
    """Name the model a task used, for the report: a file with the start of its
    SHA-256 (so two reports can be told apart), or the project's default.

    Examples
    --------
    >>> model_source(None)
    "the project's default model (framing corpus, train and dev splits)"
    """
    if path is None:
        return "the project's default model (framing corpus, train and dev splits)"
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return f"{path} (SHA-256 {digest[:12]})"


def _model(task: str, path: str | Path | None) -> ClassifierMixin:
    return default_model(task) if path is None else load_task_model(task, path)


def speaker_side_rule(stance: np.ndarray, sides: pd.Series) -> np.ndarray:
    """Give a party's own statement that the model calls neutral to that party.

    The stance model reads one sentence; who speaks is often only known from the
    article ("ولفت إلى أن ..." continues the previous speaker), which the attribution
    resolves. A statement by the government or the SDC/SDF that the text model finds
    neutral is assigned to its speaker's side. On the framing corpus's train + dev
    splits (five folds grouped by event, two repeats) it raised macro-F1 from 75.7 to
    78.5 with the annotated sides and to 76.9 with the sides the attribution finds
    (``benchmarks/results/speaker_rule.md``). On the test events, with the
    attribution's sides, the shipped model went from 78.7 to 77.7
    (``benchmarks/results/accuracy.md``).

    Parameters
    ----------
    stance : numpy.ndarray
        Predicted stances.
    sides : pandas.Series
        The speaker's side of each statement.

    Returns
    -------
    numpy.ndarray
        The stances with the rule applied.

    Examples
    --------
    >>> import numpy as np
    >>> speaker_side_rule(np.array(["neutral", "neutral", "pro_sdc"]),
    ...                   pd.Series(["sdc", "narrator", "government"])).tolist()
    ['pro_sdc', 'neutral', 'pro_sdc']
    """
    party = {S.GOVERNMENT: S.PRO_GOVERNMENT, S.SDC: S.PRO_SDC}
    own = sides.map(party).to_numpy()
    return np.where((stance == S.NEUTRAL) & pd.notna(own), own, stance)


def warn_statements_without_arabic(statements: pd.DataFrame) -> None:
    """Warn once when statements contain no Arabic letter, naming the first.

    Parameters
    ----------
    statements : pandas.DataFrame
        A statements table: ``text``, and ``doc_id`` and ``sent_id`` to name the
        first statement without Arabic (its row otherwise).

    Warns
    -----
    CorpusWarning
        How many statements have no Arabic letter, and the ``doc_id`` and
        sentence of the first: the models' predictions on them are not meaningful.

    Examples
    --------
    >>> import warnings
    >>> table = pd.DataFrame(
    ...     {"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["قال", "He said."]}
    ... )
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_statements_without_arabic(table)
    >>> print(caught[0].message)
    1 of 2 statements contain no Arabic letter (first: doc_id 'a', sentence 1); their
    predicted stance and hedging are not meaningful
    """
    from toolkit.classify.inputs import has_arabic

    foreign = ~has_arabic(statements[S.TEXT])
    if not foreign.any():
        return
    row = int(foreign.nonzero()[0][0])
    first = statements.iloc[row]
    where = f"doc_id {first[S.DOC_ID]!r}, " if S.DOC_ID in first else ""
    where += f"sentence {first[S.SENT_ID]}" if S.SENT_ID in first else f"row {row}"
    warnings.warn(
        f"{int(foreign.sum())} of {len(statements)} statements contain no Arabic "
        f"letter (first: {where}); "
        "their predicted stance and hedging are not meaningful",
        CorpusWarning,
        stacklevel=3,
    )


def classify_statements(
    statements: pd.DataFrame,
    stance_model: ClassifierMixin,
    hedge_model: ClassifierMixin,
    *,
    speaker_side: bool = True,
) -> pd.DataFrame:
    """Add predicted ``stance`` and ``hedged`` columns (and their probabilities).

    Parameters
    ----------
    statements : pandas.DataFrame
        A statements table with ``text`` and ``side`` columns.
    stance_model, hedge_model : fitted classifiers
        Models taking raw texts; see :mod:`toolkit.classify`.
    speaker_side : bool, default True
        Apply :func:`speaker_side_rule` to the stance predictions.

    Returns
    -------
    pandas.DataFrame
        A copy with ``stance``, ``stance_confidence`` (the model's probability of
        its own top class), ``hedged`` and ``hedged_probability``; existing columns
        of those names are replaced.

    Examples
    --------
    >>> from toolkit.corpus import extract_statements, load_example
    >>> statements = extract_statements(load_example())
    >>> models = default_model("stance"), default_model("hedging")
    >>> out = classify_statements(statements, *models)
    >>> out.loc[out["hedged"] == 1, "side"].tolist()
    ['sdc']
    """
    from toolkit.classify.inputs import NoArabicWarning

    out = statements.copy()
    texts = out[S.TEXT]
    warn_statements_without_arabic(out)
    with warnings.catch_warnings():  # the models' own warning would name no statement
        warnings.simplefilter("ignore", NoArabicWarning)
        stance_proba = stance_model.predict_proba(texts)
        hedge_proba = hedge_model.predict_proba(texts)
    out[S.STANCE] = stance_model.classes_[stance_proba.argmax(axis=1)]
    if speaker_side:
        out[S.STANCE] = speaker_side_rule(out[S.STANCE].to_numpy(), out[S.SIDE])
    out[STANCE_CONFIDENCE] = stance_proba.max(axis=1).astype(float).round(3)
    hedged = [label_key(label) for label in hedge_model.classes_].index("1")
    hedge_proba = hedge_proba[:, hedged]
    out[S.HEDGED] = (hedge_proba >= 0.5).astype(int)
    out[HEDGED_PROBABILITY] = hedge_proba.astype(float).round(3)
    return out


def analyze(
    articles: pd.DataFrame,
    *,
    stance_model: str | Path | None = None,
    hedge_model: str | Path | None = None,
    progress: bool = True,
) -> Analysis:
    """Attribute, classify and compare the sides of a corpus.

    ``articles`` is checked (:func:`~toolkit.corpus.attribution.check_articles`)
    and the models are loaded before the statements are extracted, so a wrong
    table or model file fails at once, not after minutes of work on a large
    corpus.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table (see :func:`toolkit.corpus.load_corpus`).
    stance_model, hedge_model : str or Path, optional
        Model files saved by ``train``; the project's default models otherwise.
    progress : bool
        Show a progress bar over the steps.

    Returns
    -------
    Analysis
        The classified statements and every comparison table.

    Raises
    ------
    TypeError, ValueError
        When ``articles`` is not an articles table or has no rows, or a model
        file holds no model for its task (the message names the file).
    FileNotFoundError, IsADirectoryError
        When a model file does not exist or is a folder.

    Examples
    --------
    >>> from toolkit.corpus import load_example
    >>> result = analyze(load_example(), progress=False)
    >>> result.statements.groupby("side").size().to_dict()
    {'government': 4, 'narrator': 1, 'sdc': 4}
    """
    check_articles(articles)
    if articles.empty:
        raise ValueError(
            "argument 'articles': no articles (0 rows); load a corpus with "
            "toolkit.corpus.load_corpus or pass a table with doc_id and text"
        )
    steps = tqdm(total=5, desc="analysis", disable=not progress, leave=False)
    # the models load before the long work, so a wrong file fails at once
    models = _model("stance", stance_model), _model("hedging", hedge_model)
    sources = {
        "stance": model_source(stance_model),
        "hedging": model_source(hedge_model),
    }
    steps.update()
    statements = extract_statements(articles)
    steps.update()
    statements = classify_statements(statements, *models)
    steps.update()
    with warnings.catch_warnings():  # said once below, not by each table
        warnings.simplefilter("ignore", OneDocumentWarning)
        tables = {
            "summary": compare_sides(statements),
            "verbs": verb_profile(statements),
            "hedging": hedging_by_side(statements),
            "labels": labels_by_actor(statements),
        }
    chosen = statements[statements[S.SIDE].isin([S.GOVERNMENT, S.SDC])]
    warn_one_document(chosen.groupby(S.SIDE)[S.DOC_ID].nunique().to_dict(), "analyze")
    steps.update()
    terms, notes = side_terms(statements)
    steps.update()
    steps.close()
    return Analysis(
        statements=statements, **tables, terms=terms, notes=notes, models=sources
    )


def side_terms(statements: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Return the words distinctive of the government and the SDC, or why not.

    Parameters
    ----------
    statements : pandas.DataFrame
        Attributed statements (``text`` and ``side``).

    Returns
    -------
    terms : pandas.DataFrame
        :func:`~toolkit.framing.distinctive_terms` by side; empty when it cannot
        be computed, e.g. when one side has no statement.
    notes : list of str
        Empty, or one sentence saying why ``terms`` is empty.

    Examples
    --------
    >>> table = pd.DataFrame({"side": ["sdc"], "text": ["قال المجلس"]})
    >>> terms, notes = side_terms(table)
    >>> terms.empty, notes
    (True, ['Distinctive words are not shown: no statement is attributed to the
    government side.'])
    """
    missing = [
        side for side in (S.GOVERNMENT, S.SDC) if side not in set(statements[S.SIDE])
    ]
    if missing:
        why = f"no statement is attributed to the {' or '.join(missing)} side"
    else:
        try:
            return distinctive_terms(statements, by=S.SIDE), []
        except ValueError as error:  # e.g. a side whose statements are all stop words
            why = str(error)
    return pd.DataFrame(), [f"Distinctive words are not shown: {why}."]
