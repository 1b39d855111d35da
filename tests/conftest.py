"""Fixtures and the Hypothesis profiles; the helpers themselves live in helpers.py (importable from every test module).

With ``CI=true`` (``.ci/run`` sets it) Hypothesis runs the ``ci`` profile: derandomised, so a CI
run draws the same examples every time, and with no deadline (the machine is shared).  Each
property keeps its own fixed example budget (``max_examples`` in its ``@settings``); the profile
caps the rest at 100.  Locally the default profile draws new examples on every run.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from typer.testing import CliRunner

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=100, print_blob=True)
settings.register_profile("dev", derandomize=False, deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()
