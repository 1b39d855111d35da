"""Arrow arrays and scalars made from numpy and Python values without importing pandas.

``pyarrow.array`` and ``pyarrow.scalar`` first ask whether their argument is a pandas object,
and asking imports pandas (about 0.15 s) when it is installed.  The streaming count builds only
a handful of small arrays, so it builds them from buffers instead and the command line never
pays for pandas it does not use.  pyarrow and numpy are imported by the functions, not here.
"""

from __future__ import annotations

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
