"""The messages of reading ballot files: mark words, names typed without diacritics, notices."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "row.bad_mark": (
        "ô của cột '{column}' ghi '{value}', không phải dấu chọn hay ô để trống. "
        "Chọn: {marks}; không chọn: để trống hoặc {no_marks}.",
        "the cell of column '{column}' holds '{value}', which is neither a mark nor a blank. "
        "Marked: {marks}; not marked: empty or {no_marks}.",
    ),
    "row.bad_mark_near": (
        "ô của cột '{column}' ghi '{value}', không phải dấu chọn hay ô để trống; gần nhất: '{suggestion}'. "
        "Chọn: {marks}; không chọn: để trống hoặc {no_marks}.",
        "the cell of column '{column}' holds '{value}', which is neither a mark nor a blank; closest: '{suggestion}'. "
        "Marked: {marks}; not marked: empty or {no_marks}.",
    ),
    "row.ambiguous_name": (
        "'{value}' viết không dấu có thể là nhiều đơn vị: {candidates}. Hãy ghi tên đủ dấu.",
        "'{value}', typed without diacritics, could be any of: {candidates}. Type the name with its diacritics.",
    ),
    "row.strict_name": (
        "'{value}' không khớp đúng tên nào (--strict-names đòi ghi đủ dấu); có phải là {candidates}?",
        "'{value}' matches no name exactly (--strict-names asks for diacritics); did you mean {candidates}?",
    ),
    "header.ambiguous_name": (
        "cột '{column}' viết không dấu có thể là nhiều đơn vị: {candidates}. Hãy ghi tên cột đủ dấu.",
        "the column '{column}', typed without diacritics, could be any of: {candidates}. "
        "Type the heading with its diacritics.",
    ),
    "header.strict_name": (
        "cột '{column}' không khớp đúng tên nào (--strict-names đòi ghi đủ dấu); có phải là {candidates}?",
        "the column '{column}' matches no name exactly (--strict-names asks for diacritics); "
        "did you mean {candidates}?",
    ),
    "notice.without_diacritics": (
        "Lưu ý: {file}, {rows}: '{text}' ghi thiếu hoặc sai dấu, đã hiểu là {candidate}.",
        "Note: {file}, {rows}: '{text}', typed without (or with wrong) diacritics, was read as {candidate}.",
    ),
    "notice.more_rows": ("và {count} hàng khác", "and {count} more"),
    "loc.rows": ("các hàng {row}", "rows {row}"),
}
MESSAGES.update(
    {
        "data.several": (
            "{count} lỗi trong các tệp phiếu; chưa kiểm phiếu nào. Sửa các hàng dưới đây rồi chạy lại:",
            "{count} errors in the ballot files; nothing was counted. Fix the rows below and run again:",
        ),
        "data.more": ("… và {count} lỗi khác (--max-errors để xem thêm).", "… and {count} more (see --max-errors)."),
        "data.col.message": ("Lỗi", "Error"),
    }
)
MESSAGES.update(
    {
        "election.date_format": (
            "dòng {line}: ngày ghi '{typed}' không đúng cách viết của TOML; hãy ghi năm-tháng-ngày "
            "không có dấu ngoặc kép: {fixed}",
            "line {line}: the date in '{typed}' is not how TOML writes a date; write year-month-day "
            "without quotes: {fixed}",
        ),
        "election.unknown_key_none": (
            "khóa không hợp lệ '{key}'; các khóa dùng được ở đây: {known}.",
            "unknown key '{key}'; the keys allowed here: {known}.",
        ),
        "header.unknown_candidate_none": (
            "cột '{column}' không phải tên đơn vị nào, cũng không phải cột nào của phiếu "
            "(ballot_id, invalid, ...): đổi tên cột hoặc xóa cột đó.",
            "the column '{column}' names no candidate and no ballot column (ballot_id, invalid, ...): "
            "rename or delete it.",
        ),
        "row.unknown_candidate_none": (
            "'{value}' không phải đơn vị nào của nội dung {contest}, và không có tên nào gần giống.",
            "'{value}' is no candidate of contest {contest}, and no name is close.",
        ),
    }
)
