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

MESSAGES.update(
    {
        # --- reading a list of units ---
        "units.twice": (
            "đơn vị '{value}' đã có ở hàng {first}.",
            "the unit '{value}' is already listed on row {first}.",
        ),
        "units.id_twice": ("mã đơn vị '{value}' bị trùng.", "the unit id '{value}' is used twice."),
        "units.bad_id": ("mã đơn vị '{value}' không được chứa ';'.", "the unit id '{value}' must not contain ';'."),
        "units.none": (
            "không có tên đơn vị nào trong tệp.",
            "the file holds no unit names.",
        ),
        "units.suffix": (
            "không đọc được danh sách đơn vị dạng '{suffix}': dùng .txt (mỗi dòng một tên), .csv hoặc .xlsx.",
            "cannot read a unit list of type '{suffix}': use .txt (one name per line), .csv or .xlsx.",
        ),
        # --- new: usage errors ---
        "new.bad_threshold": (
            "ngưỡng '{value}' không có; chọn một trong: {choices}.",
            "no threshold preset '{value}'; one of: {choices}.",
        ),
        "new.bad_contest": (
            '--contest \'{value}\' không hợp lệ: ghi "Tên danh hiệu:số đơn vị", ví dụ "Cờ thi đua của Chính phủ:1".',
            '--contest \'{value}\' is not valid: write "Title:seats", e.g. "Cờ thi đua của Chính phủ:1".',
        ),
        "new.no_seats": (
            "--contest '{value}': thiếu số đơn vị được suy tôn; ghi \"{value}:1\".",
            "--contest '{value}': the number of seats is missing; write \"{value}:1\".",
        ),
        "new.bad_date": (
            "ngày '{value}' không hợp lệ: ghi 19/12/2023 hoặc 2023-12-19.",
            "the date '{value}' is not valid: write 19/12/2023 or 2023-12-19.",
        ),
        "new.bad_header": (
            "--header '{value}' không hợp lệ: ghi party (Đảng) hoặc state (Nhà nước).",
            "--header '{value}' is not valid: write party or state.",
        ),
        "template.contest_csv_only": (
            "--contest chỉ dùng với --format csv (một nội dung một tệp CSV); sổ Excel có mọi nội dung.",
            "--contest goes with --format csv only (one contest per CSV file); the workbook has every contest.",
        ),
        "new.bad_time": ("giờ '{value}' không hợp lệ: ghi 14:30.", "the time '{value}' is not valid: write 14:30."),
        "new.figures": (
            "số liệu không khớp: --{small} {low} lớn hơn --{large} {high}.",
            "the figures do not add up: --{small} {low} is more than --{large} {high}.",
        ),
        "new.base_missing": (
            "ngưỡng tính trên '{base}' cần số liệu đó: thêm --{base} N.",
            "a threshold of '{base}' needs that figure: add --{base} N.",
        ),
        "new.no_units": (
            'chưa có đơn vị nào: thêm --units TỆP (.txt, .csv, .xlsx) hoặc --unit "Tên đơn vị".',
            'no units: add --units FILE (.txt, .csv, .xlsx) or --unit "Unit name".',
        ),
        "new.no_contests": (
            'chưa có nội dung bầu nào: thêm --contest "Tên danh hiệu:số đơn vị".',
            'no contest: add --contest "Title:seats".',
        ),
        "new.exists": (
            "tệp bầu cử đã có: không ghi đè. Sửa tệp đó, hoặc chọn thư mục khác.",
            "the election file exists: not overwritten. Edit it, or choose another folder.",
        ),
        "new.not_folder": ("đây là một tệp, không phải thư mục.", "this is a file, not a folder."),
        # --- new: what it says ---
        "new.done": (
            "Đã tạo {path}: {units} đơn vị, {contests} nội dung bầu.",
            "Created {path}: {units} unit(s), {contests} contest(s).",
        ),
        "new.next": (
            "Bước tiếp theo:\n"
            "  emulation-vote ballots {path} --output {papers}   # in phiếu bầu\n"
            "  emulation-vote template {path} --output {sheet}   # bảng nhập phiếu cho tổ kiểm phiếu\n"
            "  emulation-vote enter {path} --output {typed}   # hoặc gõ từng phiếu\n"
            "  emulation-vote tally {path} {sheet}               # khi đã nhập phiếu",
            "Next:\n"
            "  emulation-vote ballots {path} --output {papers}   # print the ballot papers\n"
            "  emulation-vote template {path} --output {sheet}   # the clerks' workbook\n"
            "  emulation-vote enter {path} --output {typed}   # or type the papers one by one\n"
            "  emulation-vote tally {path} {sheet}               # once the ballots are typed",
        ),
        "new.units_table": ("Các đơn vị (mã dùng khi nhập phiếu)", "The units (ids used when typing ballots)"),
        "new.col_number": ("STT", "No."),
        "new.col_id": ("Mã", "Id"),
        "new.col_name": ("Tên đơn vị", "Unit"),
        # --- new: prompts (a terminal only) ---
        "ask.intro": (
            "Tạo tệp bầu cử mới. Nhấn Enter để nhận giá trị trong (ngoặc); để trống nếu chưa biết.",
            "A new election file. Press Enter to take the value in (brackets); leave empty if not known yet.",
        ),
        "ask.units_file": (
            "Tệp danh sách đơn vị (.txt, .csv, .xlsx) — để trống để gõ từng tên",
            "Unit list file (.txt, .csv, .xlsx) — empty to type the names one by one",
        ),
        "ask.unit_name": (
            "Tên đơn vị {number} (để trống để kết thúc)",
            "Unit {number} name (empty to finish)",
        ),
        "ask.presets": ("Các danh hiệu thường gặp:", "Common awards:"),
        "ask.contest": (
            "Nội dung bầu {number}: số hoặc tên danh hiệu (để trống để kết thúc)",
            "Contest {number}: a number or the award's title (empty to finish)",
        ),
        "ask.seats": ("Số đơn vị được suy tôn tối đa", "Most units that may be selected (seats)"),
        "ask.title": ("Tên hội nghị", "Conference title"),
        "ask.title_default": (
            "Hội nghị tổng kết phong trào thi đua năm {year}",
            "Hội nghị tổng kết phong trào thi đua năm {year}",
        ),
        "ask.organization": ("Cơ quan (in ở góc trái biên bản)", "Organisation (top left of the minutes)"),
        "ask.header": (
            "Tiêu đề góc phải biên bản: 1 = ĐẢNG CỘNG SẢN VIỆT NAM (tổ chức Đảng), "
            "2 = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (cơ quan nhà nước)",
            "Letterhead: 1 = ĐẢNG CỘNG SẢN VIỆT NAM (party), 2 = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (state)",
        ),
        "ask.place": ("Địa điểm", "Place"),
        "ask.date": ("Ngày họp (ngày/tháng/năm)", "Date (day/month/year)"),
        "ask.convened": ("Số đại biểu triệu tập", "Delegates convened"),
        "ask.present": ("Số đại biểu có mặt", "Delegates present"),
        "ask.issued": ("Số phiếu phát ra", "Ballots issued"),
        "ask.threshold": (
            "Ngưỡng trúng: 1 = quá nửa số phiếu hợp lệ, 2 = quá nửa số đại biểu triệu tập (tổ chức Đảng), "
            "3 = quá nửa số đại biểu có mặt, 4 = từ 2/3 số phiếu hợp lệ",
            "Threshold: 1 = more than half of valid ballots, 2 = more than half of delegates convened "
            "(Party bodies), 3 = more than half of those present, 4 = at least 2/3 of valid ballots",
        ),
        "ask.write": ("Ghi tệp {path}?", "Write {path}?"),
        "ask.not_number": ("Hãy gõ một số nguyên (hoặc để trống).", "Type a whole number (or leave empty)."),
        "ask.cancelled": ("Đã hủy, không ghi tệp nào.", "Cancelled, nothing written."),
    }
)

# The comments of the election file that `new` writes (TOML comments, one line each unless noted).
MESSAGES.update(
    {
        "toml.head": (
            "# Tệp bầu cử của hội nghị, tạo bằng lệnh: emulation-vote new\n"
            "# Sửa bằng bất kỳ trình soạn thảo văn bản nào, lưu dạng UTF-8. Dòng bắt đầu bằng # là ghi chú.\n"
            "# Sai sót trong tệp được báo rõ (dòng, khóa, giá trị gần đúng) khi chạy template hoặc tally.",
            "# The conference's election file, made by: emulation-vote new\n"
            "# Edit it with any text editor and save it as UTF-8. Lines starting with # are comments.\n"
            "# A mistake in it is reported clearly (line, key, closest value) by template or tally.",
        ),
        "toml.meeting": ("# Hội nghị (dùng cho biên bản)", "# The meeting (used by the minutes)"),
        "toml.title": ("tên hội nghị", "conference title"),
        "toml.organization": ("cơ quan, in ở góc trái biên bản", "organisation, top left of the minutes"),
        "toml.header": (
            '"party": ĐẢNG CỘNG SẢN VIỆT NAM; "state": CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM '
            "(mặc định: party với ngưỡng convened của tổ chức Đảng, state với các ngưỡng khác)",
            '"party": ĐẢNG CỘNG SẢN VIỆT NAM; "state": CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM '
            "(default: party with the Party bodies' convened threshold, state with any other)",
        ),
        "toml.place": ("địa điểm", "place"),
        "toml.date": ("ngày họp: năm-tháng-ngày", "date: year-month-day"),
        "toml.time": ("giờ kiểm phiếu", "time of the count"),
        "toml.electorate": (
            "# Số liệu của hội nghị; ghi số nào biết, bỏ dấu # để dùng",
            "# The conference's figures; give those known, remove the # to use one",
        ),
        "toml.convened": ("số đại biểu triệu tập", "delegates convened"),
        "toml.present": ("số đại biểu có mặt", "delegates present"),
        "toml.issued": ("số phiếu phát ra", "ballots issued"),
        "toml.collected": (
            "số phiếu thu vào: ghi khi kiểm phiếu; phải bằng số phiếu đã nhập",
            "ballots collected: give it at the count; it must equal the ballots typed",
        ),
        "toml.committee": (
            "# Ban kiểm phiếu, theo thứ tự (in ở cuối biên bản); bỏ dấu # và ghi tên để dùng",
            "# The vote-counting committee, in order (signs the minutes); remove the # and fill in to use",
        ),
        "toml.member_head": ("Trưởng ban", "Trưởng ban"),
        "toml.member": ("Ủy viên", "Ủy viên"),
        "toml.units": (
            "# Các đơn vị thành viên của khối, theo thứ tự in trên phiếu bầu.\n"
            '# id: mã ngắn (dùng khi nhập phiếu); name: tên đầy đủ; có thể thêm aliases = ["tên viết tắt"].',
            "# The block's member units, in the order printed on the ballot paper.\n"
            '# id: a short code (used when typing ballots); name: the full name; aliases = ["short"] is optional.',
        ),
        "toml.contest": ("# Nội dung bầu {number}", "# Contest {number}"),
        "toml.contest_id": ("mã nội dung: chữ thường không dấu, số, '-'", "contest id: a-z, 0-9, '-'"),
        "toml.seats": ("số đơn vị được suy tôn tối đa", "most units that may be selected"),
        "toml.candidates": (
            "# Không ghi candidates: mọi đơn vị ở trên, theo thứ tự đó. Để chỉ bầu một số đơn vị:\n"
            '# candidates = ["{first}", "{second}"]',
            "# No candidates: every unit above, in that order. To vote on some of them only:\n"
            '# candidates = ["{first}", "{second}"]',
        ),
        "toml.threshold": (
            "# Ngưỡng trúng: {words}. Để đổi, thay dòng threshold bằng một trong các dòng:",
            "# Threshold: {words}. To change it, replace the threshold line by one of:",
        ),
        "toml.threshold.valid": ("quá nửa (1/2) số phiếu hợp lệ", "more than half (1/2) of valid ballots"),
        "toml.threshold.convened": (
            "quá nửa tổng số đại biểu triệu tập (tổ chức Đảng; cần convened)",
            "more than half of the delegates convened (Party bodies; needs convened)",
        ),
        "toml.threshold.present": (
            "quá nửa số đại biểu có mặt (cần present)",
            "more than half of the delegates present (needs present)",
        ),
        "toml.threshold.two-thirds": ("từ 2/3 số phiếu hợp lệ trở lên", "at least 2/3 of valid ballots"),
        "toml.style": (
            '# Cách đánh dấu: style = "tick" (đánh dấu đơn vị chọn, mặc định) hoặc "strike" (gạch tên không chọn)',
            '# How delegates mark: style = "tick" (mark the chosen units, the default) or "strike" (strike out others)',
        ),
    }
)

# Reading the clerks' workbook back.
MESSAGES.update(
    {
        "xlsx.sheet_contest": (
            "trang tính '{sheet}' không ứng với nội dung bầu nào: đặt tên trang theo mã hoặc tên một nội dung "
            "({contests}), hoặc thêm cột 'contest'.",
            "the sheet '{sheet}' matches no contest: name it after a contest's id or title ({contests}), "
            "or add a 'contest' column.",
        ),
        "header.template_contest": (
            "trang tính này được tạo cho nội dung '{contest}', nhưng tệp bầu cử không có nội dung đó (có: {contests}).",
            "this sheet was made for the contest '{contest}', which the election file does not have ({contests}).",
        ),
    }
)

MESSAGES["a.col.note"] = ("Ghi chú", "Note")

# The clerks' workbook written by `template`.
MESSAGES.update(
    {
        "wb.instructions": ("Hướng dẫn", "Instructions"),
        "wb.ballot_id": ("Số phiếu", "ballot_id"),
        "wb.invalid": ("Phiếu không hợp lệ (lý do)", "invalid"),
        "wb.note": ("Ghi chú", "note"),
        "wb.title": ("HƯỚNG DẪN NHẬP PHIẾU BẦU", "HOW TO TYPE THE BALLOTS"),
        "wb.contests": ("Các nội dung bầu (mỗi nội dung một trang tính):", "The contests (one sheet each):"),
        "wb.col.sheet": ("Trang tính", "Sheet"),
        "wb.col.title": ("Nội dung bầu", "Contest"),
        "wb.col.seats": ("Chọn không quá", "Choose at most"),
        "wb.col.marks": ("Cách nhập", "How to type"),
        "wb.tick": ("gõ x vào ô đơn vị được chọn", "type x in the cell of each unit chosen"),
        "wb.strike": ("gõ x vào ô đơn vị BỊ GẠCH TÊN", "type x in the cell of each unit STRUCK OUT"),
        "wb.steps": (
            "1. Mỗi hàng là một phiếu. Cột 'Số phiếu' đã ghi sẵn số 1, 2, 3…: nhập phiếu nào vào hàng có số đó.\n"
            "2. Đánh dấu: gõ x (hoặc {marks}) vào ô của đơn vị; ô không đánh dấu để trống (hoặc {no_marks}).\n"
            "3. Phiếu trắng (không đánh dấu đơn vị nào): gõ 0 vào một ô đơn vị bất kỳ của hàng, để phân biệt với "
            "số chưa dùng.\n"
            "4. Phiếu do Ban kiểm phiếu xác định không hợp lệ: ghi lý do vào cột 'Phiếu không hợp lệ (lý do)', "
            "ví dụ 'rách', 'không có dấu'.\n"
            "5. Cột 'Ghi chú' để ghi tùy ý, được giữ lại khi kiểm tra. Hàng có ghi chú là một phiếu: không ghi "
            "chú vào số không dùng.\n"
            "6. Số phiếu không dùng đến: để trống cả hàng, không cần xóa số. Thiếu hàng: gõ tiếp số phiếu ở hàng "
            "dưới.\n"
            "7. Ô đánh dấu chỉ nhận các chữ trên; gõ chữ khác Excel sẽ báo. Được đổi tên trang tính; không xóa cột ẩn "
            "cuối cùng (ghi mã nội dung bầu).\n"
            "8. Nhập xong, lưu tệp và kiểm phiếu: emulation-vote tally {election} {workbook}",
            "1. One row per ballot paper. The 'ballot_id' column is numbered 1, 2, 3…: type each paper on its "
            "number's row.\n"
            "2. Marks: type x (or {marks}) in a unit's cell; leave unmarked cells empty (or {no_marks}).\n"
            "3. A blank paper (no unit marked): type 0 in any unit's cell of its row, so that it differs from an "
            "unused number.\n"
            "4. A paper the committee declares invalid: write the reason in the 'invalid' column, e.g. 'torn'.\n"
            "5. The 'note' column is free, kept for the audit. A row with a note is a paper: write no note on an "
            "unused number.\n"
            "6. Numbers not used: leave the whole row empty, no need to delete the number. More papers: keep "
            "numbering below.\n"
            "7. Mark cells accept only the words above; Excel refuses others. Sheets may be renamed; do not delete "
            "the hidden last column (it holds the contest id).\n"
            "8. When done, save and count: emulation-vote tally {election} {workbook}",
        ),
        "wb.source": ("Tạo từ tệp bầu cử: {election}", "Made from the election file: {election}"),
        "wb.error_title": ("Không phải dấu phiếu", "Not a mark"),
        "wb.error": (
            "Chỉ gõ x (có đánh dấu) hoặc để trống; cũng nhận: {words}.",
            "Type x (marked) or leave empty; also accepted: {words}.",
        ),
        "wb.runoff": (
            "Bầu lại (lần bỏ phiếu thứ {round}): phiếu chỉ có {units}. Cột của các đơn vị khác được ẩn và để "
            "trống. Kiểm phiếu cùng các tệp phiếu của lần bỏ phiếu trước (bước 8).",
            "Runoff (vote {round}): the papers list {units} only. The other units' columns are hidden and stay "
            "empty. It is counted together with the earlier votes' ballot files (step 8).",
        ),
        "wb.strike_rules": (
            "Nội dung gạch tên: gõ x vào ô của đơn vị bị gạch; các đơn vị không bị gạch là các đơn vị được chọn "
            "('Chọn không quá': số đơn vị được để lại nhiều nhất). Phiếu gạch hết tên: gõ x vào mọi ô đơn vị; "
            "phiếu không gạch tên nào: gõ 0 vào một ô đơn vị.",
            "Strike-out contests: type x in the cell of each unit struck out; the units not struck out are the "
            "ones chosen ('Choose at most': the most units a paper may leave). A paper with every name struck: x "
            "in every unit's cell; a paper with none struck: 0 in one unit's cell.",
        ),
        "wb.earlier_files": ("<tệp phiếu lần trước>", "<earlier votes' files>"),
        "wb.runoff_sheet": ("Bầu lại lần {round} - {title}", "Runoff {round} - {title}"),
        "wb.not_on_paper": ("Không có trên phiếu bầu lại", "Not on the runoff paper"),
        "wb.not_on_paper_error": (
            "Đơn vị này không có trên phiếu bầu lại: để trống ô.",
            "This unit is not on the runoff paper: leave the cell empty.",
        ),
        "wb.prompt": ("x = có đánh dấu; trống = không", "x = marked; empty = not marked"),
        # --- the template command ---
        "template.which_contest": (
            "--format csv ghi một nội dung bầu: thêm --contest, một trong: {contests}.",
            "--format csv writes one contest: add --contest, one of: {contests}.",
        ),
        "template.unknown_contest": (
            "không có nội dung bầu '{value}'; có: {contests}.",
            "there is no contest '{value}'; there are: {contests}.",
        ),
        "template.runoff_csv": (
            "tệp CSV không ghi được vòng bỏ phiếu: phiếu bầu lại nhập vào sổ Excel (bỏ --format csv) hoặc bằng "
            "'enter --round {round} --runoff ...'.",
            "a CSV file cannot record the round: type a runoff's ballots in the workbook (without --format csv) "
            "or with 'enter --round {round} --runoff ...'.",
        ),
        "template.done": (
            "Đã ghi {path}: {sheets} trang tính nhập phiếu (số hàng đánh số sẵn: {rows}).",
            "Written {path}: {sheets} ballot sheet(s) (rows numbered: {rows}).",
        ),
    }
)
