"""The documentation stays true to the code."""

from __future__ import annotations

import ast
import importlib.util
import os
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


_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


def catalogue_keys_in_code() -> tuple[dict[str, str], dict[str, str]]:
    """Return the message keys the package names anywhere, and the prefixes of keys it builds with f-strings.

    A key is any string literal shaped like one whose first part is a catalogue prefix ("row.short",
    "enter.bad_id"), wherever it stands: raised, returned, passed to t(), a default value.  Literals
    that name a key path of the election file (``key="scoring.criterion"``, ``where = "..."``) are not keys.
    """
    prefixes = {key.split(".")[0] for key in MESSAGES}
    literal: dict[str, str] = {}
    built: dict[str, str] = {}
    for path in (ROOT / "emulation_vote").rglob("*.py"):
        if "messages" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "key":
                skip |= {id(n) for n in ast.walk(node.value)}
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "where" for t in node.targets
            ):
                skip.add(id(node.value))
            elif isinstance(node, ast.JoinedStr):
                skip |= {id(n) for n in node.values}
                head = node.values[0] if node.values else None
                text = head.value if isinstance(head, ast.Constant) and isinstance(head.value, str) else ""
                if "." in text and text.split(".")[0] in prefixes and re.match(r"^[a-z0-9_.]+$", text):
                    built[text] = f"{path.name}:{node.lineno}"
        for node in ast.walk(tree):
            # Whatever is looked up with t(...) is a key, whatever its prefix.
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    literal[first.value] = f"{path.name}:{node.lineno}"
                elif isinstance(first, ast.JoinedStr):
                    head = first.values[0] if first.values else None
                    text = head.value if isinstance(head, ast.Constant) and isinstance(head.value, str) else ""
                    built[text] = f"{path.name}:{node.lineno}"
            if id(node) in skip or not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if _KEY.match(node.value) and node.value.split(".")[0] in prefixes:
                literal[node.value] = f"{path.name}:{node.lineno}"
    return literal, built


def test_every_message_key_named_in_the_code_is_in_the_catalogue() -> None:
    literal, built = catalogue_keys_in_code()
    assert len(literal) > 100 and {"row.short", "enter.bad_id", "round.not_candidate"} <= set(literal)
    missing = {key: where for key, where in literal.items() if key not in MESSAGES}
    assert not missing
    # A key built with an f-string (t(f"reason.{reason}")) must name a family of the catalogue.
    assert {"reason.", "base.", "a.fig."} <= set(built)
    empty = {
        prefix: where
        for prefix, where in built.items()
        if not prefix or not any(k.startswith(prefix) for k in MESSAGES)
    }
    assert not empty


def test_keys_built_from_the_vocabulary_exist_for_every_word() -> None:
    from emulation_vote.vocab import InvalidReason, ThresholdBase

    assert all(f"reason.{reason}" in MESSAGES for reason in InvalidReason)
    assert all(f"base.{base}" in MESSAGES for base in ThresholdBase)
    assert all(f"status.{status}" in MESSAGES for status in ("selected", "tied", "no_seat", "below"))


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


def test_ci_runs_hypothesis_derandomised_with_a_fixed_budget() -> None:
    import subprocess
    import sys

    assert "export CI=true" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, 'tests'); import conftest; from hypothesis import settings;"
        "print(settings.default.derandomize, settings.default.max_examples, settings.default.deadline)"
    )
    for ci, expected in (("true", "True 100 None"), ("", "False 100 None")):
        env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {})
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
        )
        assert run.stdout.split() == expected.split()
