"""environment.yml must declare exactly what pyproject.toml declares."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

#: Extras that environment.yml leaves out on purpose, and why.
NOT_MIRRORED = {
    "bench": "benchmark-only comparisons (CAMeL Tools pulls torch); see benchmarks/",
}


def _dependency_lines(text: str) -> tuple[list[str], list[str]]:
    """Conda-level entries and pip entries of ``dependencies``, comments removed."""
    conda, pip, inside_pip, section = [], [], False, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if re.fullmatch(r"\S.*:.*", line):  # a top-level key: name, channels ...
            section = line.split(":", 1)[0]
            continue
        if section != "dependencies":
            continue
        if re.fullmatch(r"  - pip:", line):
            inside_pip = True
        elif re.fullmatch(r"  - \S.*", line):
            inside_pip = False
            conda.append(line[4:].strip())
        elif inside_pip and re.fullmatch(r"\s{5,}- \S.*", line):
            pip.append(line.strip()[2:].strip())
    return conda, pip


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _mirrored_requirements(project: dict) -> list[str]:
    extras = project["optional-dependencies"]
    unclassified = set(extras) - set(NOT_MIRRORED) - {"test", "scale"}
    assert not unclassified, (
        f"new extra(s) {unclassified}: mirror them in environment.yml or list them "
        "in NOT_MIRRORED with the reason"
    )
    return [*project["dependencies"], *extras["test"], *extras["scale"]]


def _environment(text: str | None = None) -> tuple[list[str], list[str]]:
    return _dependency_lines(text or (ROOT / "environment.yml").read_text())


def test_environment_pip_section_matches_pyproject():
    _, pip = _environment()
    assert "-e ." in pip
    wanted = _mirrored_requirements(_pyproject())
    assert sorted(x for x in pip if x != "-e .") == sorted(wanted)


def test_conda_level_holds_only_the_python_pin_and_pip():
    # any other conda package could pin a version that contradicts pyproject.toml
    conda, _ = _environment()
    assert conda == [f"python{_pyproject()['requires-python']}", "pip"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("  - pip\n", "  - pip\n  - pandas<2\n"),
        lambda t: t.replace("- python>=3.11", "- python=3.10  # was - python>=3.11"),
        lambda t: t.replace("      - pytest>=8\n", ""),
    ],
    ids=["conflicting conda pin", "python pin changed", "pip entry dropped"],
)
def test_the_checks_catch_a_disagreement(edit):
    text = (ROOT / "environment.yml").read_text()
    changed = edit(text)
    assert changed != text
    conda, pip = _environment(changed)
    wanted = _mirrored_requirements(_pyproject())
    agrees = conda == [f"python{_pyproject()['requires-python']}", "pip"] and sorted(
        x for x in pip if x != "-e ."
    ) == sorted(wanted)
    assert not agrees


def test_design_card_packages_are_declared():
    names = {re.split(r"[<>=\[]", r)[0] for r in _mirrored_requirements(_pyproject())}
    card = {"jupyterlab", "pandas", "scikit-learn", "matplotlib"}
    assert card | {"arabic-reshaper", "python-bidi"} <= names


def test_a_new_extra_must_be_mirrored_or_excused():
    project = _pyproject()
    project["optional-dependencies"]["docs"] = ["sphinx>=7"]
    with pytest.raises(AssertionError, match="new extra"):
        _mirrored_requirements(project)
