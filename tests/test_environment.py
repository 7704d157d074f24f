"""environment.yml must declare exactly what pyproject.toml declares."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _pip_lines(text: str) -> list[str]:
    lines, inside = [], False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if re.fullmatch(r"\s*- pip:\s*", line):
            inside = True
        elif inside and re.match(r"\s+- ", line):
            lines.append(line.strip()[2:].strip())
    return lines


def _pyproject_requirements() -> tuple[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return project["requires-python"], [
        *project["dependencies"],
        *extras["test"],
        *extras["scale"],
    ]


def test_environment_pip_section_matches_pyproject():
    env_lines = _pip_lines((ROOT / "environment.yml").read_text())
    assert "-e ." in env_lines
    _, wanted = _pyproject_requirements()
    assert sorted(x for x in env_lines if x != "-e .") == sorted(wanted)


def test_python_versions_agree():
    requires, _ = _pyproject_requirements()
    text = (ROOT / "environment.yml").read_text()
    assert re.search(rf"- python{re.escape(requires)}\s", text)


def test_design_card_packages_are_declared():
    _, wanted = _pyproject_requirements()
    names = {re.split(r"[<>=\[]", r)[0] for r in wanted}
    card = {"jupyterlab", "pandas", "scikit-learn", "matplotlib"}
    assert card | {"arabic-reshaper", "python-bidi"} <= names
