"""The messages of reading ballot files: mark words and names typed without diacritics."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "row.bad_mark": (
        "ô của cột '{column}' ghi '{value}', không phải dấu chọn hay ô để trống. "
        "Chọn: {marks}; không chọn: để trống hoặc {no_marks}.",
        "the cell of column '{column}' holds '{value}', which is neither a mark nor a blank. "
        "Marked: {marks}; not marked: empty or {no_marks}.",
    ),
}
