"""The messages of ``enter`` beyond the core ones: the saved summary, the provisional count, names to confirm."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "enter.saved": (
        "Đã lưu {count} phiếu (nội dung {contest}, vòng {round}) vào {file}; "
        "phiếu cuối cùng đã xác nhận (phiếu {last}) được giữ. Chạy lại lệnh để nhập tiếp.",
        "Saved: {count} ballot(s) (contest {contest}, round {round}) in {file}; "
        "the last confirmed ballot (ballot {last}) is kept. Run the command again to continue.",
    ),
    "enter.saved_none": ("Chưa lưu phiếu nào vào {file}.", "No ballot saved in {file}."),
    "enter.stopped": ("Đã dừng (Ctrl-C).", "Stopped (Ctrl-C)."),
    "enter.provisional": (
        "KẾT QUẢ TẠM TÍNH — {count} phiếu đã nhập ({valid} hợp lệ, {invalid} không hợp lệ); "
        "số phiếu bầu mỗi đơn vị (phiếu hợp lệ):",
        "PROVISIONAL COUNT — {count} ballot(s) entered ({valid} valid, {invalid} invalid); "
        "votes per unit (valid ballots):",
    ),
    "enter.loose": (
        "Lưu ý: '{text}' ghi thiếu hoặc sai dấu, đã hiểu là {candidate}.",
        "Note: '{text}', typed without (or with wrong) diacritics, was read as {candidate}.",
    ),
    "enter.confirm": (
        "Ghi thiếu hoặc sai dấu: {names}? (c = đúng, ghi phiếu; k = không) ",
        "Typed without (or with wrong) diacritics: {names}? (y = yes, record it; n = no) ",
    ),
    "enter.not_confirmed": (
        "Không ghi phiếu này: hãy nhập lại (số thứ tự hoặc tên đủ dấu).",
        "Ballot not recorded: type it again (numbers or names with diacritics).",
    ),
    "enter.ambiguous": (
        "{value}: tên ghi thiếu hoặc sai dấu có thể là nhiều đơn vị; gõ số thứ tự hoặc tên đủ dấu.",
        "{value}: typed without (or with wrong) diacritics, the name could be several units; type the number or the "
        "full name.",
    ),
}
