"""``--help`` in Vietnamese by default and in English when asked: summaries, option help, headings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from emulation_vote.cli._help import help_key, localized
from emulation_vote.messages import MESSAGES

from helpers import DATA

GOLDEN = DATA / "golden"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
COMMANDS = sorted(getattr(localized("en"), "commands", {}))


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """Leave Click's help words as they were (English) for the tests that follow."""
    yield
    localized("en")


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EMULATION_VOTE_LANG"}
    if lang is not None:
        env["EMULATION_VOTE_LANG"] = lang
    env["COLUMNS"] = "100"
    command = [sys.executable, "-m", "emulation_vote", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env)


def help_of(command: str, lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    localized(lang).main([command, "--help"], prog_name="emulation-vote", standalone_mode=False)
    return capsys.readouterr().out


def test_every_command_and_option_has_both_wordings() -> None:
    root = localized("vi")
    assert "help.root" in MESSAGES
    for parameter in root.params:
        assert help_key(None, parameter.name or "") is not None, parameter.name
    for name, command in getattr(root, "commands", {}).items():
        vi, en = MESSAGES[f"help.cmd.{name}"]
        assert vi and en and vi != en, name
        for parameter in command.params:
            key = help_key(name, parameter.name or "")
            assert key is not None, (name, parameter.name)
            vi, en = MESSAGES[key]
            assert vi.strip() and en.strip(), key


def test_the_code_and_the_catalogue_say_the_same_in_english() -> None:
    """The English help is written twice (the command's docstring and help= for Typer, the catalogue
    for both languages): they must not drift apart."""
    import typer.main

    from emulation_vote.cli._app import app

    root = typer.main.get_command(app)  # as written in the code, not reworded
    for name, command in getattr(root, "commands", {}).items():
        assert " ".join((command.help or "").split()) == " ".join(MESSAGES[f"help.cmd.{name}"][1].split()), name
        for parameter in command.params:
            key = help_key(name, parameter.name or "")
            written = " ".join((getattr(parameter, "help", None) or "").split())
            assert key is not None and written == " ".join(MESSAGES[key][1].split()), (name, parameter.name)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_in_vietnamese_and_english(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    vi = help_of(command, "vi", capsys)
    en = help_of(command, "en", capsys)
    flat_vi, flat_en = "".join(vi.split()), "".join(en.split())  # wrapping may break at a hyphen
    summary_vi, summary_en = MESSAGES[f"help.cmd.{command}"]
    assert vi.startswith(f"Cách dùng: emulation-vote {command}") and "Tùy chọn:" in vi
    assert en.startswith(f"Usage: emulation-vote {command}") and "Options:" in en
    assert "".join(summary_vi.split()) in flat_vi and "".join(summary_en.split()) in flat_en
    assert "In trợ giúp này rồi thoát." in vi and "Show this message and exit." in en
    assert "Options:" not in vi and "[required]" not in vi and "default:" not in vi
    for word in ("<list[", "range>", "<str>", "<path>", "<int>", "…"):
        assert word not in vi and word not in en, (command, word)


@pytest.mark.parametrize(
    ("name", "args", "lang"),
    [
        ("help-vi.txt", ["--help"], None),
        ("help-en.txt", ["--help"], "en"),
        ("tally-help-vi.txt", ["tally", "--help"], None),
        ("tally-help-en.txt", ["tally", "--lang", "en", "--help"], None),
    ],
)
def test_help_golden(name: str, args: list[str], lang: str | None) -> None:
    result = run(*args, lang=lang)
    assert result.returncode == 0 and result.stderr == ""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(result.stdout, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == result.stdout, f"{name} differs; UPDATE_GOLDEN=1 rewrites it"


def test_short_option_and_environment_choose_english() -> None:
    assert run("tally", "-l", "en", "--help").stdout.startswith("Usage: emulation-vote tally")
    assert run("tally", "--help", lang="en").stdout.startswith("Usage: emulation-vote tally")
    assert run("tally", "--help", lang="vi").stdout.startswith("Cách dùng: emulation-vote tally")
    assert run("tally", "--lang=en", "--help", lang="vi").stdout.startswith("Usage: emulation-vote tally")


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys; from emulation_vote.cli import main; sys.argv = ['emulation-vote', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('rich', 'pandas', 'pyarrow', 'numpy', 'openpyxl', 'matplotlib', 'docx') "
        "if m in sys.modules]\nsys.stderr.write(repr(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stderr == "[]"


def test_the_root_help_lists_every_command_whatever_follows_it() -> None:
    """Only the command run is built, but ``--help`` before a command word is the root's help: every command."""
    root = run("--help")
    assert root.returncode == 0 and all(f" {name} " in root.stdout for name in COMMANDS)
    after = run("--help", "tally")
    assert after.returncode == 0 and after.stdout == root.stdout
    version = run("--version", "tally")
    assert version.returncode == 0 and version.stdout.startswith("emulation-vote ")
