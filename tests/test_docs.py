"""The documentation stays true to the code."""

from __future__ import annotations

import importlib.util
import re

from emulation_vote.i18n import MESSAGES

from helpers import ROOT


def test_errors_page_is_generated_from_the_catalogue() -> None:
    spec = importlib.util.spec_from_file_location("make_errors", ROOT / "docs" / "make_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == module.render(), (
        "run: python docs/make_errors.py"
    )


def test_every_error_key_raised_is_in_the_catalogue() -> None:
    raised = set()
    for path in (ROOT / "emulation_vote").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r'(?:Error|fail)\(\s*"([a-z0-9_]+\.[a-z0-9_]+)"', text))
    assert raised, "the pattern found no error keys"
    missing = sorted(key for key in raised if key not in MESSAGES)
    assert not missing


def test_readme_commands_and_links() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && emulation-vote demo" in readme
    assert 'pip install -e ".[test]" && python -m pytest' in readme
    for link in re.findall(r"\]\(((?:docs|sample_ballots)/[^)]+)\)", readme):
        assert (ROOT / link).exists(), link
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest' in ci


def test_fingerprint_doc_example_is_the_seeds_canonical_text() -> None:
    from emulation_vote.pipeline import count_files, demo_paths
    from emulation_vote.record import canonical_text

    election, ballots = demo_paths()
    record = count_files(election, [ballots])
    body = canonical_text(record.election, record.contests).split("\n", 1)[1]
    doc = (ROOT / "docs" / "fingerprint.md").read_text(encoding="utf-8")
    example = doc.split("note that the", 1)[1].split("```", 2)[1].strip("\n") + "\n"
    assert example == body
