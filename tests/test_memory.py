from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

from emulation_vote.memory import keep_freed_memory, release_free_memory


class _Library:
    """A stand-in for the C library: records the calls to malloc_trim and mallopt."""

    def __init__(self, calls: list[Any]) -> None:
        self.calls = calls

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(pad)
        return 1

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


def test_the_c_heaps_free_pages_are_handed_back_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Library(calls))
    release_free_memory()
    assert calls == [0]  # everything free, nothing kept at the top of the heap


def test_without_malloc_trim_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_trim(_name: Any) -> object:
        return object()  # a C library without malloc_trim (musl)

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", no_trim)
    release_free_memory()  # no error


def test_off_linux_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Library(calls))
    release_free_memory()
    assert calls == []


def test_the_real_call_runs_here() -> None:
    release_free_memory()  # on this machine's C library (glibc on Linux): no error


def test_the_c_heap_keeps_what_is_freed_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Library(calls))
    keep_freed_memory()
    assert calls == [(-1, 256 << 20), (-2, 64 << 20)]  # M_TRIM_THRESHOLD, M_TOP_PAD


def test_the_c_heap_is_left_alone_without_mallopt_or_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: object())  # a C library without mallopt
    keep_freed_memory()  # no error
    calls: list[Any] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Library(calls))
    keep_freed_memory()
    assert calls == []


def test_keeping_freed_memory_runs_here_in_a_process_of_its_own() -> None:
    """The real mallopt, in a child: it changes the process's heap for good."""
    import subprocess

    code = "from emulation_vote.memory import keep_freed_memory; keep_freed_memory(); print('kept')"
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout == "kept\n"
