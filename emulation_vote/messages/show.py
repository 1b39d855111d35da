"""The wording of the results shown to the room and sent on: projector page, charts, workbook, Excel CSV."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- projector page and charts ---
    "show.page_title": ("Kết quả kiểm phiếu", "Result of the count"),
    "show.issued": ("Phát ra", "Issued"),
    "show.collected": ("Thu vào", "Collected"),
    "show.cast": ("Số phiếu kiểm", "Ballots counted"),
    "show.valid": ("Hợp lệ", "Valid"),
    "show.invalid": ("Không hợp lệ", "Invalid"),
    "show.seats": ("Suy tôn tối đa", "Seats"),
    "show.votes": ("{votes} phiếu", "{votes} vote(s)"),
    "show.vote": ("{votes} phiếu", "{votes} vote"),
    "show.needed": ("Ngưỡng: {needed} phiếu", "Threshold: {needed} votes"),
    "show.runoff_due": (
        "PHẢI BẦU LẠI: {names} bằng phiếu ở vị trí cuối — bầu lại cho {seats} chỗ còn lại.",
        "RUNOFF NEEDED: {names} are tied for the last seat — a runoff for the {seats} seat(s) left.",
    ),
    "show.runoff_round": (
        "Vòng bầu lại giữa các đơn vị bằng phiếu ở vòng trước.",
        "Runoff between the units tied in the previous round.",
    ),
    "show.winners_only": ("Chỉ hiển thị các đơn vị được suy tôn.", "Only the selected units are shown."),
    "show.nobody": ("Không có đơn vị nào được suy tôn.", "No unit was selected."),
    "show.page": ("Trang {number}/{total}", "Page {number} of {total}"),
    "show.chart_label": (
        "Biểu đồ số phiếu của từng đơn vị, {name}",
        "Chart of the votes for each unit, {name}",
    ),
    "show.opened": ("Đã mở {path} trong trình duyệt", "Opened {path} in the browser"),
    "show.open_failed": (
        "không mở được trình duyệt; hãy mở tệp {path} bằng tay.",
        "could not open a browser; open the file {path} by hand.",
    ),
    # --- errors of these outputs (listed with the output errors in docs/errors.md) ---
    "output.needs_file": (
        "định dạng {format} ghi ra tệp: thêm --output TỆP (ví dụ --output {example}).",
        "the {format} format writes files: add --output FILE (e.g. --output {example}).",
    ),
    "output.open_html_only": (
        "--open chỉ dùng với trang trình chiếu (--format html).",
        "--open works with the projector page only (--format html).",
    ),
    "output.excel_csv_only": ("--excel chỉ dùng với --format csv.", "--excel works with --format csv only."),
    # --- workbook and Excel CSV ---
    "book.info_sheet": ("Thông tin", "Information"),
    "book.meeting": ("Hội nghị", "Meeting"),
    "book.organization": ("Đơn vị tổ chức", "Organisation"),
    "book.place": ("Địa điểm", "Place"),
    "book.date": ("Ngày", "Date"),
    "book.contest": ("Nội dung bầu", "Contest"),
    "book.contest_id": ("Mã nội dung", "Contest id"),
    "book.unit_id": ("Mã đơn vị", "Unit id"),
    "book.round": ("Vòng", "Round"),
    "book.rule": ("Quy tắc", "Rule"),
    "book.fingerprint": ("Mã kiểm chứng", "Fingerprint"),
    "book.sources": ("Tệp phiếu", "Ballot files"),
    "book.generator": ("Phần mềm", "Generator"),
    "book.figure": ("Chỉ tiêu", "Figure"),
    "book.value": ("Giá trị", "Value"),
    "book.outcome": ("Kết quả", "Outcome"),
    "book.final": ("Kết quả sau các vòng", "Outcome over all rounds"),
    "book.runoff": ("Bầu lại", "Runoff"),
    "book.threshold": ("Tỷ lệ", "Threshold"),
    "book.threshold_votes": ("Số phiếu cần đạt", "Votes needed"),
    "book.base": ("Cơ sở tính tỷ lệ", "Threshold base"),
    "book.base_count": ("Số lượng cơ sở", "Base count"),
    "excel.meets": ("Đạt tỷ lệ", "Meets threshold"),
    "excel.percent": ("Tỷ lệ (%)", "Percent (%)"),
    "excel.yes": ("Có", "Yes"),
    "excel.no": ("Không", "No"),
}
