"""The command line's usage errors and help in the language asked for, and shell completion."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMMAND = [sys.executable, "-m", "emulation_vote"]


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EMULATION_VOTE_LANG"}
    if lang is not None:
        env["EMULATION_VOTE_LANG"] = lang
    env["COLUMNS"] = "100"
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, check=False, env=env)


def test_usage_errors_in_vietnamese_by_default() -> None:
    unknown = run("tally", "e.toml", "b.csv", "--nope")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.startswith("Cách dùng: emulation-vote tally [OPTIONS]")
    assert "Xem 'emulation-vote tally --help' để được trợ giúp." in unknown.stderr
    assert "Lỗi: không có tùy chọn --nope" in unknown.stderr
    missing = run("tally")
    assert missing.returncode == 2 and "Lỗi: thiếu đối số 'ELECTION'." in missing.stderr
    bad = run("tally", "e.toml", "b.csv", "-f", "xml")
    assert "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải một trong" in bad.stderr


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["--max-errors", "abc"],
            "phải là một số nguyên, viết bằng chữ số (ví dụ 3).",
            "Input should be a valid integer",
        ),
        (["--max-errors", "0"], "phải là số từ 1 trở lên.", "Input should be greater than or equal to 1"),
        (
            ["--encoding", "foo"],
            "không có bảng mã 'foo' (ví dụ utf-8, cp1258, utf-16, tcvn3, vni)",
            "unknown encoding 'foo' (e.g. utf-8, cp1258, utf-16, tcvn3, vni)",
        ),
        (
            ["--encoding", "hex"],
            "'hex' không phải bảng mã văn bản (ví dụ utf-8, cp1258, utf-16, tcvn3, vni)",
            "'hex' is not a text encoding (e.g. utf-8, cp1258, utf-16, tcvn3, vni)",
        ),
    ],
)
def test_a_bad_value_is_explained_in_the_language_asked(args: list[str], vietnamese: str, english: str) -> None:
    vi = run("tally", "e.toml", "b.csv", *args)
    assert vi.returncode == 2
    assert f"Lỗi: giá trị không hợp lệ cho '{args[0]}" in vi.stderr and f"': {vietnamese}" in vi.stderr, vi.stderr
    assert english not in vi.stderr and "Input should" not in vi.stderr
    en = run("tally", "e.toml", "b.csv", *args, "--lang", "en")
    assert en.returncode == 2
    assert f"Error: Invalid value for '{args[0]}" in en.stderr and f"': {english}" in en.stderr, en.stderr


@pytest.mark.parametrize("how", ["option", "environment"])
def test_usage_errors_in_english_when_asked(how: str) -> None:
    result = (
        run("tally", "e.toml", "b.csv", "--nope", "--lang", "en")
        if how == "option"
        else run("tally", "e.toml", "b.csv", "--nope", lang="en")
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: emulation-vote tally")
    assert "Error: No such option: --nope" in result.stderr


def test_the_language_variable_chooses_the_output_language() -> None:
    assert run("demo", lang="en").stdout.startswith("Suy tôn")  # the title is the election's own
    assert "Ballots cast: 26" in run("demo", lang="en").stdout
    assert "Số phiếu thu vào: 26" in run("demo").stdout
    assert "Ballots cast: 26" not in run("demo", "--lang", "vi", lang="en").stdout


@pytest.mark.parametrize("command", ["tally", "audit", "minutes", "enter", "verify", "compare"])
def test_help_shows_no_programmer_types(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    for word in ("<list[", "range>", "<str>", "<path>", "<int>"):
        assert word not in result.stdout, (command, word)


def test_completion_can_be_installed() -> None:
    result = run("--help")
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


def test_command_summaries_are_whole() -> None:
    result = run("--help", lang="en")
    commands = result.stdout.split("Commands:")[1]
    assert "..." not in commands and "…" not in commands
    assert "Count the ballots and print the result (rank, votes, percent" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        (
            "Error: Invalid value for '--lang' / '-l' (env var: 'EMULATION_VOTE_LANG'): Value error, 'fr' is not "
            "one of 'vi', 'en'.",
            "Lỗi: giá trị không hợp lệ cho '--lang' / '-l' (biến môi trường 'EMULATION_VOTE_LANG'): 'fr' không phải "
            "một trong 'vi', 'en'.",
        ),
        ("Error: Got unexpected extra argument(s) (extra)", "Lỗi: thừa đối số (extra)"),
        ("Error: Got unexpected extra argument (extra)", "Lỗi: thừa đối số (extra)"),
        ("Error: Missing command.", "Lỗi: thiếu lệnh."),
        (
            "Error: Invalid value for 'BALLOTS...': path 'b.csv' is not readable.",
            "Lỗi: giá trị không hợp lệ cho 'BALLOTS...': không đọc được 'b.csv' (không có quyền đọc).",
        ),
        (
            "Error: Invalid value for '--log': file 'l.log' does not exist.",
            "Lỗi: giá trị không hợp lệ cho '--log': 'l.log' không tồn tại.",
        ),
        (
            "Error: Invalid value for '--output' / '-o': path 'x' is a directory.",
            "Lỗi: giá trị không hợp lệ cho '--output' / '-o': 'x' là một thư mục, không phải tệp.",
        ),
    ],
)
def test_typer_s_own_messages_in_vietnamese(english: str, vietnamese: str) -> None:
    from emulation_vote.cli._app import usage_text

    assert usage_text(english, "vi") == vietnamese
    assert usage_text(english, "en") == english


def test_the_language_variable_is_read_as_the_option_reads_it() -> None:
    result = run("tally", "e.toml", "b.csv", lang="EN")
    assert result.returncode == 2
    assert "Lỗi: giá trị không hợp lệ cho '--lang' / '-l' (biến môi trường 'EMULATION_VOTE_LANG')" in result.stderr
    assert "'EN' không phải một trong 'vi', 'en'." in result.stderr
