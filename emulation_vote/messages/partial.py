"""The messages of counting part of a conference: ``--contest`` and ``--partial``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "usage.unknown_contest": (
        "--contest: không có nội dung '{value}'; gần nhất: {suggestion}.",
        "--contest: there is no contest '{value}'; closest: {suggestion}.",
    ),
    "partial.banner": (
        "KẾT QUẢ TẠM TÍNH — chưa đối chiếu số phiếu thu vào; chưa phải kết quả chính thức.",
        "PROVISIONAL RESULT — not checked against the ballots collected; not the official result.",
    ),
    "partial.heading": ("KẾT QUẢ TẠM TÍNH", "PROVISIONAL RESULT"),
    "partial.mark": ("Tạm tính", "Provisional"),
    "partial.book_label": ("Loại kết quả", "Kind of result"),
    "partial.left_out": (
        "Chưa có phiếu nào, chưa kiểm: {contests}.",
        "No ballots yet, not counted: {contests}.",
    ),
    "partial.skipped": (
        "Bỏ qua {count} phiếu của nội dung {contest} (không thuộc --contest).",
        "Skipped {count} ballot(s) of contest {contest} (not asked for with --contest).",
    ),
    "minutes.partial": (
        "biên bản chỉ lập từ kết quả chính thức: bỏ --partial (dùng 'tally --partial' để xem kết quả tạm tính).",
        "minutes are made from the official result only: drop --partial "
        "(use 'tally --partial' for a provisional result).",
    ),
}
