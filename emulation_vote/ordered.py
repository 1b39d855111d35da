"""Work made on a few threads, its results taken in order: the reading of a file's pieces, the fingerprint's slices."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")


def in_order(makers: Iterable[Callable[[], T]], ahead: int, workers: int | None = None) -> Iterator[T]:
    """Yield the result of each of ``makers`` in their order, made on ``workers`` threads (``ahead`` by default).

    At most ``ahead`` results are being made or waiting at once, so memory holds that many.  The
    makers are meant for work that lets go of the GIL (pyarrow, numpy), which then runs on other
    cores while the caller uses the result before.  A maker's error is raised here, at its turn;
    when the caller stops early, or on an error, the makers not yet started never start.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers or ahead) as pool:
        pending: deque[Future[T]] = deque()
        try:
            for make in makers:
                pending.append(pool.submit(make))
                if len(pending) >= ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
