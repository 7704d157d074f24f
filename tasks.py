"""Project tasks that need nothing but Python 3.11+: set up, run, test.

    python3 tasks.py run    # make .venv if missing, analyse the shipped example
    python3 tasks.py run --force  # ... also into a report/ folder holding other files
    python3 tasks.py test   # make .venv if missing, lint, run every test
    python3 tasks.py figures  # regenerate figures/ by executing the notebooks

Each task creates ``.venv`` and installs the project (with its test extras) the first
time, and again whenever ``pyproject.toml`` changes. The test task also runs the
plotting tests under matplotlib 3.10 in a second environment (``.venv-mpl310``), so
both Arabic rendering paths stay tested.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_MPL310 = ROOT / ".venv-mpl310"
#: Where the raw public datasets sit beside a checkout: ``shared/datasets-raw`` in
#: the checkout's parent folder or one further up.
SHARED_DATA = Path("shared") / "datasets-raw"
EXTRAS = "test,scale"
#: What the second, matplotlib 3.10 environment needs for the plotting tests.
LEGACY_MATPLOTLIB = ("matplotlib==3.10.*", "pytest>=8", "hypothesis>=6.100")


def _python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(*args: object, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


def _ensure(env: Path, target: str = f".[{EXTRAS}]", *requirements: str) -> Path:
    """Create ``env`` and install ``target`` (the project) and ``requirements`` into it,
    unless it is already up to date with ``pyproject.toml``."""
    python = _python(env)
    stamp = env / ".toolkit-installed"
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + " ".join(requirements).encode()
    ).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    if not python.exists():
        print(f"creating {env.name} ...", flush=True)
        try:
            venv.create(env, with_pip=True)
        except (subprocess.CalledProcessError, OSError) as error:
            shutil.rmtree(env, ignore_errors=True)  # no half-made environment left
            raise SystemExit(
                f"could not create {env.name} ({error}). This Python cannot make "
                "virtual environments with pip: on Debian or Ubuntu install "
                "python3.11-venv (sudo apt install python3.11-venv), then run again."
            ) from None
    _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(python, "-m", "pip", "install", "--quiet", "-e", target, *requirements)
    stamp.write_text(wanted)
    return python


def _shared_data() -> Path | None:
    """The raw datasets beside the checkout or one of its parents, or beside the
    local repository it was cloned from (a clean clone in a temporary folder)."""
    origin = _origin()
    for folder in [*ROOT.parents, *(origin.parents if origin else ())]:
        if (folder / SHARED_DATA).is_dir():
            return folder / SHARED_DATA
    return None


def _origin() -> Path | None:
    """The folder this checkout was cloned from, when it is a local one."""
    try:
        url = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:  # no git
        return None
    path = Path(url.removeprefix("file://")) if url else None
    return path.resolve() if path and path.is_dir() else None


def _test_env() -> dict[str, str]:
    env = dict(os.environ)
    shared = _shared_data()
    if "TOOLKIT_DATA_HOME" not in env and shared is not None:
        env["TOOLKIT_DATA_HOME"] = str(shared)
    ci = env.get("CI", "").strip().lower() not in {"", "0", "false", "no"}
    if ci and "TOOLKIT_DATA_HOME" not in env:
        raise SystemExit(
            "CI is set but the public datasets were not found: no shared/datasets-raw "
            f"beside {ROOT} or its parents. Set TOOLKIT_DATA_HOME to the folder that "
            "holds them (mawqif/, arabicstancex/, ans/)."
        )
    env.setdefault("MPLBACKEND", "Agg")
    return env


def run(*options: str) -> None:
    """Analyse the shipped example corpus; write report/ (``--force`` passed on)."""
    python = _ensure(VENV)
    _run(
        python,
        "-m",
        "toolkit",
        "analyze",
        "datasets/examples",
        "--out",
        "report",
        *options,
    )


def test() -> None:
    """Lint, run the whole test suite, then the plotting tests on matplotlib 3.10."""
    python = _ensure(VENV)
    env = _test_env()
    _run(python, "-m", "ruff", "check", ".")
    _run(python, "-m", "ruff", "format", "--check", ".")
    _run(python, "-m", "pytest", "-q", env=env)
    legacy = _ensure(VENV_MPL310, ".", *LEGACY_MATPLOTLIB)
    _run(
        legacy, "-c", "import matplotlib; assert matplotlib.__version__[:5] == '3.10.'"
    )
    plotting_tests = ("tests/test_plotting.py", "toolkit/plotting")
    _run(
        legacy, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plotting_tests, env=env
    )


def figures() -> None:
    """Regenerate every figure by executing the notebooks in order."""
    python = _ensure(VENV)
    _run(python, "-m", "pytest", "-q", "--nbmake", "notebooks", env=_test_env())


TASKS = {"run": run, "test": test, "figures": figures}
#: The options each task passes on to the command it runs.
OPTIONS: dict[str, set[str]] = {"run": {"--force"}}


def main(argv: list[str]) -> int:
    name, *options = argv or [""]
    if name not in TASKS or not set(options) <= OPTIONS.get(name, set()):
        print(
            f"usage: python3 tasks.py {{{','.join(TASKS)}}} (run also takes --force)",
            file=sys.stderr,
        )
        return 2
    try:
        TASKS[name](*options)
    except subprocess.CalledProcessError as error:
        return error.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
