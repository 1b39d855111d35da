"""Option values read without pydantic when they are plainly valid; anything else as Typer reads it.

Typer 0.29 checks every option's value with a pydantic ``TypeAdapter`` it builds when the command
line is parsed.  Importing pydantic and building the adapters is 0.15-0.2 s of every run, more
than a short command's own work and a sixth of counting a million ballots.  The options of this
tool are of a few plain kinds (text, a path, a whole number with a lower bound, a choice of an
``Enum``, lists of these), so a value that is plainly valid for its kind is converted here, by
the same rules and with Typer's own path and choice checks (which need no pydantic); a value that
is not plainly valid (a bad number, an unknown choice, an unusual kind) is handed to Typer's own
pydantic-based reading, so its errors and their wording are exactly Typer's.

``tests/test_coercion.py`` checks, option by option and over valid and invalid values, that the
result (or the error) is the one Typer's own reading gives.  This leans on Typer's internals, so
pyproject.toml bounds Typer to the minor version it was written against.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer.core import _TyperParameter

_WHOLE = re.compile(r"-?[0-9]{1,18}")
"""A whole number read without pydantic: ASCII digits, an optional minus sign, no spaces or underscores."""


class _Unsure(Exception):
    """The value is not plainly valid: Typer's own reading decides (and words any error)."""


def _leaf(annotation: Any, descriptor: TypeDescriptor, value: Any, param: Any, ctx: Context) -> Any:
    """Return ``value`` read as ``annotation`` (one item, not a list), or raise :class:`_Unsure`."""
    info = descriptor.parameter_info
    if info.parser is not None:
        raise _Unsure
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            raise _Unsure from None
    if annotation is str:
        if isinstance(value, str):
            return value
        raise _Unsure
    if annotation is int:
        if isinstance(value, str) and _WHOLE.fullmatch(value):
            number = int(value)
        elif type(value) is int:
            number = value
        else:
            raise _Unsure
        if info.clamp or (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
            raise _Unsure
        return number
    if annotation is Path and info.path_type is None:
        if isinstance(value, str) and value and "\0" not in value:
            value = Path(value)
        if not isinstance(value, Path):
            raise _Unsure
        # Typer's own checks (exists, readable, file or folder): their errors need no pydantic.
        try:
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        except ValueError:  # a name the file system cannot hold (a lone surrogate): Typer words it
            raise _Unsure from None
    raise _Unsure


class QuickRuntimeParam(RuntimeParam):
    """Typer's runtime reading of one option, without pydantic for plainly valid values."""

    def __init__(self, descriptor: TypeDescriptor) -> None:
        super().__init__(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
        object.__setattr__(self, "descriptor", descriptor)
        object.__setattr__(self, "full", None)

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        descriptor: TypeDescriptor = self.descriptor  # type: ignore[attr-defined]
        try:
            if descriptor.is_file:
                raise _Unsure
            annotation: Any = descriptor.annotation
            origin: Any = get_origin(annotation)
            if origin is list:
                (item,) = get_args(annotation)
                items = value if isinstance(value, (list, tuple)) else [value]
                return [_leaf(item, descriptor, one, param, ctx) for one in items]
            if origin is not None:
                raise _Unsure
            return _leaf(annotation, descriptor, value, param, ctx)
        except _Unsure:
            return self.typer_reading()._coerce_value(value, param=param, ctx=ctx)

    def typer_reading(self) -> RuntimeParam:
        """Typer's own reading of this option (pydantic imported and the adapter built the first time)."""
        full: RuntimeParam | None = self.full  # type: ignore[attr-defined]
        if full is None:
            full = build_runtime_param(self.descriptor)  # type: ignore[attr-defined]
            object.__setattr__(self, "full", full)
        return full


def read_options_quickly() -> None:
    """Make every Typer option read its plainly valid values without pydantic (once per process)."""
    original = _TyperParameter.get_runtime_param
    if getattr(original, "quick", False):
        return

    def get_runtime_param(self: _TyperParameter) -> RuntimeParam:
        if self._runtime_param is None:
            self._runtime_param = QuickRuntimeParam(self.type_descriptor)
        return self._runtime_param

    get_runtime_param.quick = True  # type: ignore[attr-defined]
    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
