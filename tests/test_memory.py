from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

from emulation_vote.memory import release_free_memory


class _Library:
    """A stand-in for the C library: records the calls to malloc_trim."""

    def __init__(self, calls: list[int]) -> None:
        self.calls = calls

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(pad)
        return 1


def test_the_c_heaps_free_pages_are_handed_back_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
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
    calls: list[int] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Library(calls))
    release_free_memory()
    assert calls == []


def test_the_real_call_runs_here() -> None:
    release_free_memory()  # on this machine's C library (glibc on Linux): no error
