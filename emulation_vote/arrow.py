"""Arrow arrays and scalars made from numpy and Python values, and read back, without importing pandas.

``pyarrow.array`` and ``pyarrow.scalar`` first ask whether their argument is a pandas object,
and asking imports pandas (about 0.15 s) when it is installed; so does ``Array.to_numpy``.  The
streaming count and the audit build and read their arrays through buffers instead, and the
command line never pays for pandas it does not use.  pyarrow and numpy are imported by the
functions, not here.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any


def ints(values: Any) -> Any:
    """Return a pyarrow int64 array (no nulls) of the numbers in ``values`` (a numpy array or a sequence)."""
    import numpy as np
    import pyarrow as pa

    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def bools(values: Any) -> Any:
    """Return a pyarrow boolean array (no nulls) of the truth values in ``values`` (a numpy array or a sequence)."""
    import numpy as np
    import pyarrow as pa

    flags = np.asarray(values, dtype=bool)
    return pa.Array.from_buffers(pa.bool_(), len(flags), [None, pa.py_buffer(np.packbits(flags, bitorder="little"))])


def strings(values: Sequence[str]) -> Any:
    """Return a pyarrow string array (no nulls) of ``values``."""
    import numpy as np
    import pyarrow as pa

    encoded = [value.encode("utf-8") for value in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(item) for item in encoded], out=offsets[1:])
    data = b"".join(encoded)
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(data)]
    return pa.Array.from_buffers(pa.large_string(), len(encoded), buffers).cast(pa.string())


def string(value: str) -> Any:
    """Return a pyarrow string scalar of ``value``."""
    return strings([value])[0]


def view(array: Any) -> Any:
    """Return a null-free pyarrow integer array as a numpy array over its buffer (no copy).

    Unsigned arrays (sort indices) are viewed as signed: their values stay below 2**63.
    """
    import numpy as np

    dtype = np.dtype(f"int{array.type.bit_width}")
    return np.frombuffer(array.buffers()[1], dtype=dtype, count=len(array), offset=array.offset * dtype.itemsize)


def value_offsets(array: Any) -> Any:
    """Return where each value of a pyarrow string or binary array begins in its data, and where the last ends.

    ``len(array) + 1`` int32, a numpy view of the array's offsets buffer (no copy); a slice's
    first offset need not be 0.
    """
    import numpy as np

    return np.frombuffer(array.buffers()[1], dtype=np.int32, count=len(array) + 1, offset=array.offset * 4)


def data_bytes(array: Any) -> bytes | memoryview:
    """Return the UTF-8 bytes of a pyarrow string array's values, concatenated (read from its buffer, no copy)."""
    if len(array) == 0 or array.buffers()[2] is None:
        return b""
    offsets = value_offsets(array)
    return memoryview(array.buffers()[2])[int(offsets[0]) : int(offsets[-1])]


def joined_names(masks: Any, names: tuple[str, ...], separator: str) -> Any:
    """Return, per bit mask of ``masks``, the ``names`` of its set bits (bit ``j``: ``names[j]``), joined.

    A pyarrow string array, the names separated by ``separator``.  ``masks`` is a numpy array of
    int64, or of Python ints beyond 62 names.  The names of 8 bits at a time are looked up in a
    table of the 256 ways to choose among them, each name after ``separator`` (joining with nulls
    skipped loses rows in some pyarrow versions); the pieces are concatenated and the first
    separator cut off.
    """
    import numpy as np
    import pyarrow.compute as pc

    chunks = [
        table.take(ints(((masks >> (8 * start)) & 255).astype(np.int64)))
        for start, table in enumerate(_choice_tables(names, separator))
    ]
    if not chunks:
        return strings([""] * len(masks))
    joined = chunks[0] if len(chunks) == 1 else pc.binary_join_element_wise(*chunks, string(""))
    return pc.utf8_slice_codeunits(joined, len(separator))


@functools.lru_cache(maxsize=64)
def _choice_tables(names: tuple[str, ...], separator: str) -> tuple[Any, ...]:
    """Return, per 8 of ``names``, the 256 ways to choose among them, each name after ``separator``."""
    return tuple(
        strings(
            [
                "".join(separator + n for j, n in enumerate(names[start : start + 8]) if byte >> j & 1)
                for byte in range(256)
            ]
        )
        for start in range(0, len(names), 8)
    )
