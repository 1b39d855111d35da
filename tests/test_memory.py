from __future__ import annotations

import sys

import pytest

from emulation_vote.memory import release_free_memory


def test_free_memory_is_handed_back_without_changing_anything_else() -> None:
    before = bytearray(b"x" * (8 << 20))
    release_free_memory()
    assert before == bytearray(b"x" * (8 << 20))  # what is in use stays as it was


def test_off_linux_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delitem(sys.modules, "ctypes", raising=False)
    release_free_memory()
    assert "ctypes" not in sys.modules
