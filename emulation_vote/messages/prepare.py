"""Wording of the secretary's preparation: the shared unit list, `new` and the clerks' workbook."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the [[unit]] list of the election file ---
    "election.duplicate_unit": (
        "mã đơn vị '{value}' bị trùng trong danh sách [[unit]] ({key}).",
        "the unit id '{value}' is used twice in the [[unit]] list ({key}).",
    ),
    "election.unknown_unit": (
        "'{key}' ghi '{value}', không phải mã đơn vị nào trong [[unit]]; gần nhất: {suggestion}.",
        "'{key}' names '{value}', which is no unit id of the [[unit]] list; closest: {suggestion}.",
    ),
    "election.no_units": (
        "'{key}' ghi mã đơn vị '{value}' nhưng tệp bầu cử không có danh sách [[unit]].",
        "'{key}' names the unit id '{value}' but the election file has no [[unit]] list.",
    ),
    "election.unit_twice": (
        "'{key}': đơn vị {value} được ghi hai lần trong cùng một nội dung.",
        "'{key}': the unit {value} is listed twice in the same contest.",
    ),
    "election.no_candidates": (
        "thiếu '{key}', và không có danh sách [[unit]] để lấy tất cả các đơn vị.",
        "'{key}' is missing, and there is no [[unit]] list to take every unit from.",
    ),
}
