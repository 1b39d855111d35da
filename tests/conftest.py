"""Fixtures; the helpers themselves live in helpers.py (importable from every test module)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()
