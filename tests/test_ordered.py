"""Work made on a few threads, its results taken in order (:mod:`emulation_vote.ordered`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from emulation_vote.ordered import in_order


def _maker(value: int, delay: float, log: list[str], lock: threading.Lock, busy: list[int]) -> Callable[[], int]:
    def make() -> int:
        with lock:
            busy[0] += 1
            busy[1] = max(busy[1], busy[0])
            log.append(f"start {value}")
        time.sleep(delay)
        with lock:
            busy[0] -= 1
        return value

    return make


@pytest.mark.parametrize(("ahead", "workers"), [(1, None), (2, None), (3, 2)])
def test_results_come_in_order_with_at_most_the_workers_busy(ahead: int, workers: int | None) -> None:
    log: list[str] = []
    lock, busy = threading.Lock(), [0, 0]
    delays = [0.03, 0.0, 0.02, 0.0, 0.01, 0.0]
    makers = [_maker(value, delay, log, lock, busy) for value, delay in enumerate(delays)]
    assert list(in_order(makers, ahead, workers)) == list(range(len(delays)))
    assert busy[1] <= (workers or ahead)


def test_no_more_than_ahead_are_started_before_the_caller_takes_one() -> None:
    log: list[str] = []
    lock, busy = threading.Lock(), [0, 0]
    results = in_order((_maker(value, 0.0, log, lock, busy) for value in range(10)), ahead=3, workers=2)
    assert next(results) == 0
    time.sleep(0.05)
    assert len(log) <= 3  # the first, taken, and the next two at most
    results.close()


def test_when_the_caller_stops_the_makers_not_started_never_start() -> None:
    log: list[str] = []
    lock, busy = threading.Lock(), [0, 0]
    results = in_order([_maker(value, 0.05, log, lock, busy) for value in range(5)], ahead=3, workers=1)
    assert next(results) == 0  # 1 is being made (or about to be), 2 waits for the one thread
    results.close()
    assert log[0] == "start 0" and set(log) <= {"start 0", "start 1"}  # 2 was cancelled, 3 and 4 never made


def test_an_error_is_raised_at_its_turn_and_later_makers_do_not_run() -> None:
    ran: list[int] = []

    def fails() -> int:
        raise ValueError("bad piece")

    def later() -> int:
        ran.append(2)
        return 2

    results = in_order([lambda: 0, fails, *[later] * 20], ahead=2)
    assert next(results) == 0
    with pytest.raises(ValueError, match="bad piece"):
        next(results)
    assert len(ran) <= 2  # only those already submitted beside the failing one
