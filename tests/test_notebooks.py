"""Every notebook runs top to bottom, is in sync with its .py twin, has no stale
outputs, and a second run of the figure pipeline writes byte-identical files."""

import hashlib
import os
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
PAIRS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
SOLUTIONS = sorted((NOTEBOOKS / "solutions").glob("*.py"))


def _execute(path: Path, figures: Path) -> nbformat.NotebookNode:
    notebook = jupytext.read(path)
    previous = os.environ.get("TOOLKIT_FIGURES_DIR")
    os.environ["TOOLKIT_FIGURES_DIR"] = str(figures)
    try:
        NotebookClient(
            notebook,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
        return notebook
    finally:
        if previous is None:
            del os.environ["TOOLKIT_FIGURES_DIR"]
        else:
            os.environ["TOOLKIT_FIGURES_DIR"] = previous


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


def test_there_are_five_numbered_notebooks():
    assert [p.stem[:2] for p in PAIRS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("source", PAIRS + SOLUTIONS, ids=lambda p: p.stem)
def test_ipynb_matches_its_py_and_carries_no_outputs(source):
    ipynb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    twin = jupytext.read(source)
    assert [c.source for c in ipynb.cells] == [c.source for c in twin.cells], (
        f"{source.name} and its .ipynb differ: run jupytext --sync {source}"
    )
    for cell in ipynb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebooks_run_and_figures_regenerate_identically(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        for source in PAIRS + SOLUTIONS:
            _execute(source, folder)
    assert _digests(first), "the notebooks wrote no figure"
    assert _digests(first) == _digests(second)


@pytest.mark.parametrize("name", ["02_stance_classifier", "03_hedging_classifier"])
def test_a_notebook_runs_without_the_public_datasets(name, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_DATA_HOME", str(tmp_path / "empty-cache"))
    executed = _execute(NOTEBOOKS / f"{name}.py", tmp_path)
    printed = "".join(
        output.get("text", "")
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "not in the cache" in printed.lower() and "fetch" in printed
