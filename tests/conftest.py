"""Shared fixtures.

``external_data(name)`` guards tests that read a public dataset from the
cache: when files are missing it skips with instructions on a user's machine
and fails when the ``CI`` environment variable is set, where the data must be
present (CI points ``TOOLKIT_DATA_HOME`` at the shared raw copies).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from toolkit.datasets import ENV_VAR, data_home, missing_files


def in_ci() -> bool:
    """True when the ``CI`` environment variable is set to a true-ish value."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.fixture(scope="session")
def external_data() -> Callable[[str], Path]:
    """Return ``require(name)``: the dataset's cache folder, or skip/fail if absent."""

    def require(name: str) -> Path:
        home = data_home()
        missing = missing_files(name)
        if missing:
            message = (
                f"external dataset {name!r} is not cached in {home} "
                f"({len(missing)} file(s) missing, e.g. {missing[0]}); fetch it "
                f"with: python -c \"import toolkit.datasets as d; d.fetch('{name}')\""
                f" or set {ENV_VAR} to a folder that holds it"
            )
            if in_ci():
                pytest.fail(f"{message} [CI is set: external data is required]")
            pytest.skip(message)
        return home / name

    return require


@pytest.fixture
def file_size_limit() -> Callable[[int], AbstractContextManager[None]]:
    """Return ``limit(n_bytes)``, a context manager: inside it, writing a file past
    ``n_bytes`` fails with ``OSError`` errno 27 (File too large), as under
    ``ulimit -f``. The limit binds the whole process, pytest's own output file
    included, so it is lifted as soon as the block ends."""
    import resource

    @contextmanager
    def limit(n_bytes: int) -> Iterator[None]:
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (n_bytes, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))

    return limit


@pytest.fixture
def no_analysis(monkeypatch):
    """Make the long part of ``analyze`` fail loudly if it is reached."""
    from toolkit import pipeline

    def extract(articles):
        raise AssertionError("the analysis started before the checks")

    monkeypatch.setattr(pipeline, "extract_statements", extract)
