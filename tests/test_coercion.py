"""Option values read without pydantic give exactly what Typer's own reading gives, errors included."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from typer._click import Context
from typer._coercion import build_runtime_param

from emulation_vote.cli._coercion import QuickRuntimeParam
from emulation_vote.cli._help import localized

from helpers import SAMPLES

SEED = SAMPLES / "seed"

TEXTS = ["abc", "", " ", "Tỉnh ủy", "-", "--x", "a\0b", "0", "x" * 300]
WHOLE = [
    "0",
    "1",
    "5",
    "05",
    "007",
    "-1",
    "-0",
    "+5",
    " 5",
    "5 ",
    "5_0",
    "1e3",
    "1.0",
    "abc",
    "",
    "٣",
    "²",
    "999999999999999999",
    "9999999999999999999",
    "1" * 40,
]


def _parameters() -> list[tuple[str, Any]]:
    root = localized("en")
    return [
        (f"{name} {param.name}", (command, param))
        for name, command in sorted(getattr(root, "commands", {}).items())
        for param in command.params
        if hasattr(param, "type_descriptor")
    ]


def _values(annotation: Any, tmp: Path) -> list[Any]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        words = [str(member.value) for member in annotation]
        return [*words, *(w.upper() for w in words), *(w.title() for w in words), *list(annotation), "nope", ""]
    if annotation is int:
        return [*WHOLE, 3, -2, True]
    if annotation is Path:
        folder = tmp / "folder"
        folder.mkdir(exist_ok=True)
        existing = tmp / "ballots.csv"
        existing.write_text("ballot_id\n", encoding="utf-8")
        return [
            str(existing),
            str(folder),
            str(tmp / "missing.csv"),
            existing,
            "",
            "-",
            "a\0b",
            "ngày.csv",
            "e\ud800.toml",
            "e\udc80.csv",
        ]
    if annotation is bool:
        return [True, False]
    return [*TEXTS, 5]


def _outcome(runtime: Any, value: Any, param: Any, ctx: Context) -> tuple[str, Any]:
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as error:  # noqa: BLE001 - the kind and wording of any error are compared
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        return (type(error).__name__, message)
    return (type(result).__name__, [(type(x).__name__, x) for x in result] if isinstance(result, list) else result)


@pytest.mark.parametrize(("name", "pair"), _parameters(), ids=[name for name, _ in _parameters()])
def test_the_same_as_typer(name: str, pair: tuple[Any, Any], tmp_path: Path) -> None:
    command, param = pair
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    leaf = get_args(annotation)[0] if get_origin(annotation) is list else annotation
    values: list[Any] = [None, *_values(leaf, tmp_path)]
    if get_origin(annotation) is list:
        singles = values[1:]
        values += [tuple(singles[:2]), tuple(singles[-3:]), (), list(singles[:1])]
    ctx = Context(command)
    quick, typer_own = QuickRuntimeParam(descriptor), build_runtime_param(descriptor)
    for value in values:
        assert _outcome(quick, value, param, ctx) == _outcome(typer_own, value, param, ctx), (name, value)


def test_a_tally_imports_no_pydantic() -> None:
    code = (
        "import sys\n"
        "from emulation_vote.cli import main\n"
        f"sys.argv = ['emulation-vote', 'tally', {str(SEED / 'election.toml')!r}, {str(SEED / 'ballots-wide.csv')!r},"
        " '-f', 'json', '--max-errors', '5', '--lang', 'en', '--reader', 'fast']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert '"schema": "emulation-vote/result/' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
