"""Messages of the reliability checks (workbook formulas and used range, strict verify, locks, outputs)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.log_format": (
        "--log chỉ in kèm với dạng table hoặc json, không với --format {format}.",
        "--log goes with the table and json formats only, not with --format {format}.",
    ),
    "xlsx.formula_no_value": (
        "ô {cell} chứa công thức nhưng không có giá trị đã tính (tệp không do Excel lưu): mở tệp bằng Excel "
        "hoặc LibreOffice rồi lưu lại, hoặc sao chép và dán dạng giá trị.",
        "cell {cell} holds a formula without a computed value (the file was not saved by Excel): open and save "
        "it again in Excel or LibreOffice, or copy and paste it as values.",
    ),
    "xlsx.used_range": (
        "trang tính có giá trị ở ô {cell}, xa hơn nhiều so với {cells} ô có dữ liệu (vùng dữ liệu vượt giới "
        "hạn): xóa các ô thừa ở xa rồi lưu lại.",
        "the sheet holds a value at cell {cell}, far beyond its {cells} filled cells (the used range is too "
        "large to read): delete the stray cells and save it again.",
    ),
}
MESSAGES.update(
    {
        "verify.duplicate_key": (
            "tệp kết quả ghi khóa '{key}' hai lần trong cùng một đối tượng: tệp đã bị sửa, không kiểm chứng được.",
            "the result file names the key '{key}' twice in one object: it has been edited and cannot be verified.",
        ),
    }
)
MESSAGES.update(
    {
        "output.not_regular": (
            "đây không phải tệp thường (thiết bị, ống dẫn hay socket): không thay thế, kể cả với --force; "
            "hãy ghi ra một tệp, hoặc bỏ --output để in ra màn hình.",
            "this is not a regular file (a device, a pipe or a socket): it is never replaced, even with --force; "
            "write to a file, or leave out --output to print.",
        ),
        "output.is_input": (
            "đây chính là tệp đầu vào {input}: không ghi đè dữ liệu gốc, kể cả với --force; hãy chọn tên khác.",
            "this is the input file {input}: the source data is never overwritten, even with --force; "
            "choose another name.",
        ),
        "output.dangling_link": (
            "đây là liên kết tượng trưng tới '{target}', một tệp không tồn tại: hãy ghi ra tên khác hoặc sửa liên kết.",
            "this is a symbolic link to '{target}', which does not exist: write to another name or fix the link.",
        ),
    }
)
MESSAGES.update(
    {
        "enter.locked": (
            "tệp đang được nhập trong một phiên khác: thư ký {clerk}, bắt đầu lúc {started} (tiến trình {pid}). "
            "Chờ phiên đó kết thúc (q) rồi mở lại; hai phiên cùng ghi một tệp sẽ làm hỏng tệp.",
            "the file is being entered in another session: clerk {clerk}, started at {started} (process {pid}). "
            "Wait for that session to end (q), then open it again; two sessions writing one file corrupt it.",
        ),
        "enter.log_is_output": (
            "--log trùng với --output: nhật ký nhập phiếu phải là một tệp khác tệp phiếu.",
            "--log is the same file as --output: the entry log must be a file of its own.",
        ),
    }
)
MESSAGES.update(
    {
        "election.too_deep": (
            "tệp bầu cử lồng bảng hoặc mảng quá sâu: đây không phải tệp bầu cử hợp lệ.",
            "the election file nests tables or arrays too deeply: it is not a valid election file.",
        ),
        "election.number_too_long": (
            "tệp bầu cử có một số nguyên dài hàng nghìn chữ số: hãy sửa lại số đó.",
            "the election file holds an integer thousands of digits long: correct that number.",
        ),
        "encoding.not_text": (
            "'{encoding}' không phải bảng mã văn bản (ví dụ utf-8, cp1258, utf-16, tcvn3, vni).",
            "'{encoding}' is not a text encoding (e.g. utf-8, cp1258, utf-16, tcvn3, vni).",
        ),
    }
)
MESSAGES.update(
    {
        "contest.more_than_papers": (
            "đã nạp {loaded} phiếu của nội dung {contest} (vòng {round}), nhiều hơn {larger} = {bound} trong tệp "
            "bầu cử: có phiếu bị nhập hai lần hoặc số liệu sai.",
            "{loaded} ballots of contest {contest} (round {round}) were loaded, more than {larger} = {bound} in the "
            "election file: ballots entered twice, or a wrong figure.",
        ),
    }
)
MESSAGES.update(
    {
        "enter.seats_round1": (
            "--seats chỉ dùng cho vòng bầu lại (--round 2 trở lên); vòng 1 của nội dung {contest} bầu {default} "
            "đơn vị theo tệp bầu cử.",
            "--seats is for a runoff only (--round 2 and up); round 1 of contest {contest} is for {default} seats, "
            "as the election file says.",
        ),
        "enter.runoff_one": (
            "vòng {round} là bầu lại giữa các đơn vị bằng phiếu: --runoff cần ít nhất hai đơn vị.",
            "round {round} is a runoff among tied units: --runoff needs at least two units.",
        ),
        "enter.runoff_too_many_seats": (
            "--seats {seats}: cuộc bầu lại giữa {units} đơn vị chỉ chọn ít hơn {units} đơn vị.",
            "--seats {seats}: a runoff among {units} units fills fewer than {units} seats.",
        ),
        "enter.runoff_twice": (
            "--runoff ghi '{value}' ({id}) hai lần: mỗi đơn vị chỉ ghi một lần.",
            "--runoff names '{value}' ({id}) twice: name each unit once.",
        ),
        "enter.only_separators": (
            "dòng chỉ có dấu phân cách: phiếu trắng (không chọn ai) gõ '-'.",
            "the line holds only separators: a blank ballot (nobody chosen) is typed '-'.",
        ),
    }
)
MESSAGES.update(
    {
        "xlsx.merged": (
            "các ô {range} của trang '{sheet}' được gộp: trang phiếu không được gộp ô (giá trị chỉ nằm ở ô đầu, "
            "các ô còn lại bị coi là trống). Hãy bỏ gộp ô và ghi giá trị vào từng ô.",
            "cells {range} of sheet '{sheet}' are merged: a ballot sheet may not merge cells (the value is in the "
            "first cell only, the others read as empty). Unmerge them and fill in every cell.",
        ),
        "xlsx.merged_rows": (
            "các ô {range} được gộp qua nhiều hàng: giá trị chỉ nằm ở ô trên cùng, nên chỉ tính cho phiếu đầu. "
            "Hãy bỏ gộp ô và ghi giá trị vào từng hàng.",
            "cells {range} are merged across rows: the value is in the top cell only, so it would count for the "
            "first ballot alone. Unmerge them and fill in every row.",
        ),
    }
)
MESSAGES.update(
    {
        "file.given_twice": (
            "tệp này đã được chỉ ra một lần (là {other}): mỗi tệp phiếu chỉ ghi một lần.",
            "this file was already given (as {other}): name each ballot file once.",
        ),
    }
)
MESSAGES.update(
    {
        "encoding.cp1258": (
            "tệp có vẻ được lưu bằng bảng mã Windows-1258 (tiếng Việt của Windows, kiểu 'CSV' thường của Excel): "
            "thêm --encoding cp1258, hoặc lưu lại dưới dạng 'CSV UTF-8'.",
            "the file looks saved in Windows-1258 (Vietnamese Windows, Excel's plain 'CSV'): add --encoding cp1258, "
            "or save it again as 'CSV UTF-8'.",
        ),
        "encoding.utf16_no_bom": (
            "tệp có vẻ là UTF-16 lưu không có dấu BOM: thêm --encoding {encoding}, hoặc lưu lại dưới dạng 'CSV UTF-8'.",
            "the file looks like UTF-16 saved without a byte-order mark: add --encoding {encoding}, or save it again "
            "as 'CSV UTF-8'.",
        ),
    }
)
MESSAGES.update(
    {
        "election.min_marks_over_seats": (
            "nội dung {contest}: min_marks = {min_marks} lớn hơn số đơn vị được chọn tối đa, mặc định bằng "
            "seats = {seats} vì không ghi max_marks: ghi max_marks, hoặc giảm min_marks.",
            "contest {contest}: min_marks = {min_marks} is more than the most marks allowed, which is seats = "
            "{seats} since max_marks is not written: write max_marks, or lower min_marks.",
        ),
    }
)
MESSAGES.update(
    {
        "election.empty_candidates": (
            "'{key}' là danh sách rỗng: ghi các đơn vị được bầu (mã đơn vị, hoặc bảng id/name), hoặc bỏ dòng này "
            "để lấy mọi đơn vị của danh sách [[unit]].",
            "'{key}' is empty: list the units to vote on (unit ids, or id/name tables), or leave the line out to "
            "take every unit of the [[unit]] list.",
        ),
    }
)
MESSAGES.update(
    {
        "log.why.seal": (
            "dòng đã bị sửa: không khớp với mã niêm phong của chính nó",
            "the line was edited: it does not match its own seal",
        ),
    }
)
MESSAGES.update(
    {
        "log.file_agrees": (
            "Tệp phiếu {file} khớp với nhật ký: từng phiếu trong tệp đúng như đã ghi nhật ký.",
            "The ballot file {file} matches the log: every ballot in it reads as logged.",
        ),
        "log.file_differs": (
            "TỆP PHIẾU KHÁC NHẬT KÝ: {count} phiếu trong {file} không như đã ghi nhật ký:",
            "THE BALLOT FILE DIFFERS FROM THE LOG: {count} ballot(s) in {file} differ from the log:",
        ),
        "log.file_line": (
            "{where}, phiếu {ballot}: tệp ghi {in_file}, nhật ký ghi {in_log}",
            "{where}, ballot {ballot}: the file reads {in_file}, the log {in_log}",
        ),
        "log.absent": ("(không có)", "(absent)"),
    }
)
MESSAGES.update(
    {
        "enter.ambiguous_number": (
            "số {value} vừa là số thứ tự trên phiếu vừa là mã của một đơn vị khác: hãy gõ tên đơn vị.",
            "{value} is both a position on the ballot and the id of another unit: type the unit's name.",
        ),
    }
)
