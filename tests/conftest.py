"""Fixtures and the Hypothesis profiles; the helpers themselves live in helpers.py (importable from every test module).

With ``CI=true`` (``.ci/run`` sets it) Hypothesis runs the ``ci`` profile: derandomised, so a CI
run draws the same examples every time, and with no deadline (the machine is shared).  Each
property keeps its own fixed example budget (``max_examples`` in its ``@settings``); the profile
caps the rest at 100.  Locally the default profile draws new examples on every run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from helpers import E

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=100, print_blob=True)
settings.register_profile("dev", derandomize=False, deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


# The reliability tests' election E and two ballots for it (a module's own fixture of the same name wins).
@pytest.fixture()
def election(tmp_path: Path) -> Path:
    path = tmp_path / "E.toml"
    path.write_text(E, encoding="utf-8")
    return path


@pytest.fixture()
def ballots(tmp_path: Path) -> Path:
    path = tmp_path / "b.csv"
    path.write_text("ballot_id,choices\n1,A\n2,B\n", encoding="utf-8")
    return path
