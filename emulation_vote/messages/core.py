"""The messages of the counting core, readers, audit and entry: key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- files ---
    "file.missing": ("không tìm thấy tệp.", "file not found."),
    "file.changed": (
        "tệp đã thay đổi sau khi kiểm: đọc lại không khớp với kết quả vừa kiểm; hãy kiểm lại.",
        "the file changed after it was counted: reading it again does not match the count; count again.",
    ),
    "file.is_dir": ("đây là một thư mục, không phải tệp.", "this is a folder, not a file."),
    "file.unreadable": ("không đọc được tệp: {reason}.", "cannot read the file: {reason}."),
    "file.suffix": (
        "không nhận dạng được loại tệp '{suffix}': dùng .csv, .tsv hoặc .xlsx.",
        "unknown file type '{suffix}': use .csv, .tsv or .xlsx.",
    ),
    "file.xlsx_named_csv": (
        "tệp này là bảng tính Excel (.xlsx) nhưng mang đuôi văn bản: đổi tên thành .xlsx.",
        "this file is an Excel workbook (.xlsx) with a text suffix: rename it to .xlsx.",
    ),
    "file.no_header": (
        "hàng tiêu đề trống: hàng 1 phải ghi tên các cột (ballot_id, ...).",
        "the header row is empty: row 1 must name the columns (ballot_id, ...).",
    ),
    "file.empty": (
        "tệp trống: không có hàng tiêu đề và không có phiếu nào.",
        "the file is empty: no header row, no ballots.",
    ),
    "file.no_ballots": (
        "tệp chỉ có hàng tiêu đề, không có phiếu nào.",
        "the file has a header row but no ballots.",
    ),
    "tally.runoff_next": (
        "Bầu lại cho nội dung {contest}: in phiếu bầu lại bằng\n  {papers}\nlập sổ nhập phiếu cho tổ kiểm phiếu "
        "bằng\n  {workbook}\nrồi kiểm phiếu cùng các tệp phiếu lần trước.",
        "A runoff for contest {contest}: print its papers with\n  {papers}\nmake the clerks' workbook with\n  "
        "{workbook}\nthen count it with the earlier votes' files.",
    ),
    "file.no_ballots_typed": (
        "tệp chưa có phiếu nào: các số phiếu ghi sẵn còn để trống cả hàng (số không dùng).",
        "the file has no ballots yet: every pre-printed number's row is empty (an unused number).",
    ),
    "file.which_contest": (
        "hội nghị có nhiều nội dung bầu ({contests}): thêm cột 'contest' ghi mã nội dung của từng phiếu, "
        "hoặc đặt tên tệp theo mã nội dung.",
        "the conference has several contests ({contests}): add a 'contest' column with each ballot's contest id, "
        "or name the file after the contest id.",
    ),
    "encoding.unknown": ("không biết bảng mã '{encoding}'.", "unknown encoding '{encoding}'."),
    "encoding.not_utf8": (
        "tệp không phải UTF-8. Hãy lưu lại dưới dạng 'CSV UTF-8', hoặc chỉ rõ bảng mã bằng --encoding "
        "(ví dụ --encoding cp1258).",
        "the file is not UTF-8. Save it again as 'CSV UTF-8', or name its encoding with --encoding "
        "(e.g. --encoding cp1258).",
    ),
    "encoding.legacy": (
        "chữ trong tệp có vẻ được gõ bằng bảng mã cũ {name}: thêm --encoding {encoding} để chuyển sang Unicode.",
        "the text looks typed in the legacy {name} encoding: add --encoding {encoding} to convert it to Unicode.",
    ),
    "encoding.bad": (
        "tệp không đọc được bằng bảng mã {encoding}: hãy kiểm tra lại bảng mã của tệp.",
        "the file does not decode as {encoding}: check the file's encoding.",
    ),
    "csv.nul": (
        "tệp chứa ký tự NUL (byte 0): có lẽ tệp bị hỏng hoặc không phải tệp văn bản.",
        "the file contains NUL bytes: it is probably damaged or not a text file.",
    ),
    "csv.syntax": (
        "lỗi cấu trúc CSV ({detail}): có thể thiếu dấu ngoặc kép đóng.",
        "malformed CSV ({detail}): perhaps a quote is never closed.",
    ),
    "xlsx.not_xlsx": (
        "tệp mang đuôi .xlsx nhưng không phải bảng tính Excel (có lẽ là CSV bị đổi tên): đổi lại đuôi cho đúng.",
        "the file is named .xlsx but is not an Excel workbook (perhaps a renamed CSV): give it its real suffix.",
    ),
    "xlsx.no_sheet": ("bảng tính không có trang '{sheet}'.", "the workbook has no sheet '{sheet}'."),
    "xlsx.unreadable": (
        "không đọc được bảng tính (tệp hỏng hoặc bị cắt cụt?): {reason}",
        "cannot read the workbook (damaged or truncated?): {reason}",
    ),
    "xlsx.empty_sheet": ("trang tính đầu tiên trống.", "the first sheet is empty."),
    # --- header and rows ---
    "header.twice": ("cột '{column}' xuất hiện hai lần.", "the column '{column}' appears twice."),
    "header.no_ballot_id": (
        "thiếu cột số phiếu: hàng tiêu đề có {found}; cột số phiếu phải có tiêu đề là một trong: {accepted}.",
        "there is no ballot number column: the header row holds {found}; the ballot number column must be "
        "headed one of: {accepted}.",
    ),
    "header.no_ballot_id_near": (
        "thiếu cột số phiếu; có phải là cột '{suggestion}'? Đổi tiêu đề cột đó thành một trong: {accepted}.",
        "there is no ballot number column; did you mean '{suggestion}'? Head that column one of: {accepted}.",
    ),
    "header.voter_secret": (
        "cột '{column}' cho biết ai đã bỏ phiếu, nhưng nội dung {contests} là bỏ phiếu kín: xóa cột này "
        "(hoặc ghi secret = false nếu là biểu quyết công khai).",
        "the column '{column}' identifies who voted, but contest {contests} is a secret ballot: remove it "
        "(or set secret = false for an open vote).",
    ),
    "header.unknown_list": (
        "cột '{column}' không dùng được trong tệp dạng danh sách; gần nhất: {suggestion}.",
        "the column '{column}' is not allowed in a list file; closest: {suggestion}.",
    ),
    "header.candidate_twice": (
        "cột '{column}' lặp lại đơn vị {id} đã có cột khác.",
        "the column '{column}' repeats candidate {id}, which already has a column.",
    ),
    "header.unknown_candidate": (
        "cột '{column}' không phải tên đơn vị nào; gần nhất: {suggestions}.",
        "the column '{column}' names no candidate; closest: {suggestions}.",
    ),
    "header.missing_candidate": (
        "thiếu cột cho đơn vị của nội dung {contest}: {names}.",
        "no column for these candidates of contest {contest}: {names}.",
    ),
    "header.missing_candidate_round": (
        "thiếu cột cho đơn vị của nội dung {contest}: {names}. Bảng phiếu bầu lại vẫn giữ cột của mọi đơn vị "
        "(để trống cột của đơn vị không có trên phiếu bầu lại), như sổ Excel 'template --round 2 --runoff ...' "
        "ghi, hoặc dùng bố cục danh sách (ballot_id, round, choices), như lệnh 'enter --round 2 --runoff ...' ghi.",
        "no column for these candidates of contest {contest}: {names}. A runoff sheet keeps every unit's column "
        "(left empty for the units not on the runoff paper), as the workbook of 'template --round 2 --runoff ...' "
        "does, or use the list layout (ballot_id, round, choices), as 'enter --round 2 --runoff ...' writes.",
    ),
    "header.missing_candidate_round_strike": (
        "thiếu cột cho đơn vị của nội dung {contest}: {names}. Bảng phiếu bầu lại của nội dung gạch tên cũng giữ "
        "cột của mọi đơn vị (để trống cột của đơn vị không có trên phiếu bầu lại: chỉ các đơn vị bầu lại không bị "
        "gạch được tính), như sổ Excel 'template --round 2 --runoff ...' ghi, hoặc dùng bố cục danh sách "
        "(ballot_id, round, choices: các đơn vị còn lại), như lệnh 'enter --round 2 --runoff ...' ghi.",
        "no column for these candidates of contest {contest}: {names}. A strike-out contest's runoff sheet keeps "
        "every unit's column too (left empty for the units not on the runoff paper: only the runoff's units not "
        "struck out count), as the workbook of 'template --round 2 --runoff ...' does, or use the list layout "
        "(ballot_id, round, choices: the units left), as 'enter --round 2 --runoff ...' writes.",
    ),
    "row.extra_cell": (
        "hàng có {count} ô nhưng tiêu đề chỉ có {width} cột (ô thừa: '{value}').",
        "the row has {count} cells but the header only {width} columns (extra cell: '{value}').",
    ),
    "row.short": (
        "hàng chỉ có {count} ô, tiêu đề có {width} cột: hàng bị thiếu ô (tệp bị cắt?).",
        "the row has only {count} cells, the header {width} columns: cells are missing (truncated file?).",
    ),
    "row.no_heading": (
        "ô ở cột {column} có giá trị '{value}' nhưng cột không có tiêu đề.",
        "the cell in column {column} holds '{value}' but the column has no heading.",
    ),
    "row.no_ballot_id": ("hàng có dữ liệu nhưng thiếu số phiếu (ballot_id).", "the row has data but no ballot_id."),
    "row.unknown_contest": (
        "không có nội dung bầu '{value}'; gần nhất: {suggestion}.",
        "there is no contest '{value}'; closest: {suggestion}.",
    ),
    "row.bad_round": (
        "vòng bầu '{value}' không hợp lệ: phải là số nguyên từ 1.",
        "bad round '{value}': it must be a whole number from 1.",
    ),
    "row.unknown_candidate": (
        "'{value}' không phải đơn vị nào của nội dung {contest}; gần nhất: {suggestions}.",
        "'{value}' is no candidate of contest {contest}; closest: {suggestions}.",
    ),
    "row.named_twice": (
        "đơn vị '{value}' ({id}) được ghi hai lần trên cùng một phiếu.",
        "the candidate '{value}' ({id}) is named twice on one ballot.",
    ),
    "row.mark_other_contest": (
        "có dấu ở cột '{column}', nhưng đơn vị này không thuộc nội dung {contest} của phiếu.",
        "a mark in column '{column}', but that candidate is not in this ballot's contest {contest}.",
    ),
    "row.duplicate_id": (
        "số phiếu '{value}' của nội dung {contest} bị trùng: đã có ở {first_file}, hàng {first_row}.",
        "ballot_id '{value}' of contest {contest} is used twice: first at {first_file}, row {first_row}.",
    ),
    "round.not_candidate": (
        "phiếu vòng {round} đánh dấu {names}, không có trên phiếu bầu lại ({candidates}); số phiếu ghi như vậy: "
        "{papers}, phiếu đầu tiên ở hàng này.",
        "a round {round} ballot marks {names}, not on the runoff's paper ({candidates}); ballots marked so: "
        "{papers}, the first on this row.",
    ),
    "round.unexpected": (
        "có phiếu vòng {round} của nội dung {contest}, nhưng vòng trước không phải bầu lại.",
        "there are round {round} ballots for contest {contest}, but the round before called no runoff.",
    ),
    "contest.no_ballots": (
        "không có phiếu nào cho nội dung {contest} trong các tệp đã cho.",
        "no ballots for contest {contest} in the files given.",
    ),
    "contest.runoff_only": (
        "nội dung {contest} chỉ có phiếu bầu lại (lần bỏ phiếu thứ {rounds}) trong các tệp đã cho: bầu lại được "
        "kiểm cùng phiếu của lần bỏ phiếu đầu, hãy thêm các tệp phiếu lần 1 (ví dụ: tally election.toml "
        "phieu-lan-1.csv bau-lai.xlsx).",
        "contest {contest} has only runoff ballots (vote {rounds}) in the files given: a runoff is counted with "
        "the first vote's ballots, so add the first vote's files (e.g. tally election.toml round1.csv "
        "bau-lai.xlsx).",
    ),
    "contest.collected": (
        "số phiếu thu vào là {collected} (electorate.collected) nhưng đã nạp {loaded} phiếu của nội dung {contest}.",
        "collected is {collected} (electorate.collected) but {loaded} ballots of contest {contest} were loaded.",
    ),
    # --- election file ---
    "election.not_utf8": (
        "tệp bầu cử phải là UTF-8 (lỗi ở dòng {line}).",
        "the election file must be UTF-8 (error on line {line}).",
    ),
    "election.toml": (
        "lỗi cú pháp TOML ở dòng {line}, cột {column}: {detail_vi}.",
        "TOML syntax error at line {line}, column {column}: {detail}.",
    ),
    "election.unknown_key": (
        "khóa không hợp lệ '{key}'; có phải là '{suggestion}'?",
        "unknown key '{key}'; did you mean '{suggestion}'?",
    ),
    "election.type": ("'{key}' phải là {expected}, nhưng là {found}.", "'{key}' must be {expected}, found {found}."),
    "election.missing": ("thiếu '{key}'.", "'{key}' is missing."),
    "election.too_small": (
        "'{key}' = {value} phải ít nhất là {minimum}.",
        "'{key}' = {value} must be at least {minimum}.",
    ),
    "election.bad_choice": (
        "'{key}' = '{value}' không hợp lệ; có phải là '{suggestion}'? (chọn một trong: {choices})",
        "'{key}' = '{value}' is not allowed; did you mean '{suggestion}'? (one of: {choices})",
    ),
    "election.no_contest": (
        "tệp bầu cử không có nội dung bầu nào ([[contest]]).",
        "the election file has no [[contest]].",
    ),
    "election.duplicate_contest": ("mã nội dung '{id}' bị trùng.", "the contest id '{id}' is used twice."),
    "election.base_missing": (
        "nội dung {contest} tính tỷ lệ trên '{base}' nhưng [electorate] không ghi {base}.",
        "contest {contest} takes its threshold of '{base}' but [electorate] gives no {base}.",
    ),
    "election.bad_date": (
        "'{key}' = '{value}' không phải ngày (dạng 2023-12-19).",
        "'{key}' = '{value}' is not a date (like 2023-12-19).",
    ),
    "election.bad_time": (
        "'{key}' = '{value}' không phải giờ (dạng \"14:30\").",
        "'{key}' = '{value}' is not a time (like \"14:30\").",
    ),
    "election.figures": (
        "số liệu không khớp: {smaller} = {low} lớn hơn {larger} = {high}.",
        "the figures do not add up: {smaller} = {low} is more than {larger} = {high}.",
    ),
    "election.bad_contest_id": (
        "mã nội dung '{value}' chỉ được gồm chữ thường không dấu, số và '-' (ví dụ co-thi-dua).",
        "the contest id '{value}' may hold only a-z, 0-9 and '-' (e.g. co-thi-dua).",
    ),
    "election.marks_order": (
        "nội dung {contest}: max_marks = {max_marks} nhỏ hơn min_marks = {min_marks}.",
        "contest {contest}: max_marks = {max_marks} is less than min_marks = {min_marks}.",
    ),
    "election.min_marks_high": (
        "nội dung {contest}: min_marks = {min_marks} nhiều hơn số đơn vị ({count}).",
        "contest {contest}: min_marks = {min_marks} is more than the {count} candidates.",
    ),
    "election.priority_unknown": (
        "'{key}' ghi '{value}', không phải đơn vị nào; gần nhất: {suggestion}.",
        "'{key}' names '{value}', which is no candidate; closest: {suggestion}.",
    ),
    "election.priority_twice": ("'{key}' ghi '{value}' hai lần.", "'{key}' names '{value}' twice."),
    "election.bad_share": (
        "'{key}' = '{value}' không hợp lệ: ghi phân số \"1/2\", phần trăm \"70%\" (từ 0 đến 1, tức 0% đến 100%).",
        "'{key}' = '{value}' is not a share: write a fraction \"1/2\" or a percentage \"70%\" (0 to 1, 0% to 100%).",
    ),
    "election.bad_candidate_id": (
        "mã đơn vị '{value}' không được chứa ';'.",
        "the candidate id '{value}' must not contain ';'.",
    ),
    "election.duplicate_candidate": (
        "mã đơn vị '{value}' bị trùng ({key}).",
        "the candidate id '{value}' is used twice ({key}).",
    ),
    "election.same_name": (
        "{key}: '{value}' trùng với '{other}' của đơn vị {other_id} "
        "(sau khi chuẩn hóa chữ hoa, dấu, khoảng trắng, ký tự ẩn).",
        "{key}: '{value}' is the same as '{other}' of candidate {other_id} "
        "(after normalising case, tone marks, spaces, invisible characters).",
    ),
    # --- output ---
    "output.exists": (
        "tệp kết quả đã có: không ghi đè (thêm --force để ghi đè).",
        "the output file exists: not overwritten (add --force to overwrite).",
    ),
    "output.is_dir": ("đây là một thư mục.", "this is a folder."),
    "output.no_dir": ("thư mục chứa tệp kết quả không tồn tại.", "the output file's folder does not exist."),
    "output.unwritable": ("không ghi được tệp: {reason}.", "cannot write the file: {reason}."),
    "output.format_suffix": (
        "--format {format} nhưng tệp kết quả có đuôi '{suffix}': hãy dùng cùng một dạng.",
        "--format {format} but the output file ends in '{suffix}': use the same format.",
    ),
    "output.unwritable_suffix": (
        "lệnh này không ghi tệp dạng '{suffix}' (tệp sẽ mở sai chương trình): dùng một trong {suffixes}.",
        "this command does not write '{suffix}' files (the file would open in the wrong program): use one of "
        "{suffixes}.",
    ),
    "output.suffix": (
        "không biết ghi biên bản dạng '{suffix}': dùng .docx, .pdf hoặc .md.",
        "cannot write minutes as '{suffix}': use .docx, .pdf or .md.",
    ),
    # --- general ---
    "error.prefix": ("Lỗi", "Error"),
    "error.internal": (
        "Lỗi nội bộ của chương trình ({detail}). Kết quả KHÔNG được tính. Hãy báo lỗi kèm các tệp; "
        "đặt EMULATION_VOTE_DEBUG=1 để xem chi tiết.",
        "Internal error ({detail}). Nothing was counted. Please report it with the files; "
        "set EMULATION_VOTE_DEBUG=1 for details.",
    ),
    "error.interrupted": ("Đã dừng theo yêu cầu. Không có gì được ghi.", "Interrupted. Nothing was written."),
    "loc.row": ("hàng {row}", "row {row}"),
    "loc.line": ("dòng {row}", "line {row}"),
    "written": ("Đã ghi {path}", "Written {path}"),
    # --- result wording ---
    "status.selected": ("Được suy tôn", "Selected"),
    "status.tied": ("Bằng phiếu — bầu lại", "Tied — runoff"),
    "status.below": ("Không đủ tỷ lệ", "Below threshold"),
    "status.no_seat": ("Đủ tỷ lệ, hết chỉ tiêu", "Met threshold, no seat left"),
    "reason.declared": ("Ban kiểm phiếu tuyên bố không hợp lệ", "declared invalid by the committee"),
    "reason.blank": ("phiếu trắng (không chọn đơn vị nào)", "blank (chooses nobody)"),
    "reason.too_many": ("chọn quá số lượng", "chooses too many"),
    "reason.too_few": ("chọn ít hơn số tối thiểu", "chooses too few"),
    "base.convened": ("số đại biểu triệu tập", "the delegates convened"),
    "base.present": ("số đại biểu có mặt", "the delegates present"),
    "base.issued": ("số phiếu phát ra", "the ballots issued"),
    "base.collected": ("số phiếu thu vào", "the ballots collected"),
    "base.valid": ("số phiếu hợp lệ", "the valid ballots"),
    "unit.people": ("người", "people"),
    "unit.ballots": ("phiếu", "ballots"),
    "threshold.strict": (
        "quá {share} {base} ({count} {unit}): cần ít nhất {needed} phiếu",
        "more than {share} of {base} ({count}): at least {needed} votes needed",
    ),
    "threshold.inclusive": (
        "từ {share} {base} trở lên ({count} {unit}): cần ít nhất {needed} phiếu",
        "at least {share} of {base} ({count}): at least {needed} votes needed",
    ),
    "threshold.none": ("không áp dụng tỷ lệ tối thiểu", "no threshold"),
    "threshold.empty_base": ("{base} bằng 0: không đơn vị nào đạt tỷ lệ", "{base} is 0: nobody can meet the threshold"),
    "col.rank": ("Hạng", "Rank"),
    "col.number": ("TT", "No."),
    "col.unit": ("Đơn vị", "Unit"),
    "col.votes": ("Số phiếu", "Votes"),
    "col.percent": ("Tỷ lệ", "Percent"),
    "col.status": ("Kết quả", "Result"),
    "summary.ballots": (
        "Số phiếu thu vào: {cast} — hợp lệ: {valid} — không hợp lệ: {invalid}",
        "Ballots cast: {cast} — valid: {valid} — invalid: {invalid}",
    ),
    "summary.invalid": ("Phiếu không hợp lệ: {reasons}", "Invalid ballots: {reasons}"),
    "summary.threshold": ("Tỷ lệ: {words}", "Threshold: {words}"),
    "summary.seats": ("Số đơn vị được suy tôn tối đa: {seats}", "Seats: {seats}"),
    "summary.selected": ("Được suy tôn: {names}", "Selected: {names}"),
    "summary.none_selected": ("Không có đơn vị nào được suy tôn.", "No unit was selected."),
    "summary.runoff": (
        "Bằng phiếu ở vị trí cuối: {names} — cần bầu lại cho {seats} chỗ còn lại.",
        "Tied for the last seat: {names} — hold a runoff for the {seats} seat(s) left.",
    ),
    "summary.empty_seats": (
        "Còn {count} chỗ chưa có đơn vị đủ điều kiện.",
        "{count} seat(s) left empty: nobody else met the threshold.",
    ),
    "summary.final": ("Kết quả sau các vòng — được suy tôn: {names}", "Outcome over all rounds — selected: {names}"),
    "summary.fingerprint": ("Mã kiểm chứng: {fingerprint}", "Fingerprint: {fingerprint}"),
    # --- audit, verify, compare ---
    "a.col.contest": ("Nội dung", "Contest"),
    "a.col.round": ("Vòng", "Round"),
    "a.col.ballot": ("Phiếu số", "Ballot"),
    "a.col.source": ("Tệp", "File"),
    "a.col.row": ("Hàng", "Row"),
    "a.col.status": ("Tình trạng", "Status"),
    "a.col.reason": ("Lý do", "Reason"),
    "a.col.chosen": ("Đơn vị được chọn", "Chosen"),
    "a.col.voter": ("Người bỏ phiếu", "Voter"),
    "a.valid": ("hợp lệ", "valid"),
    "a.invalid": ("không hợp lệ", "invalid"),
    "a.title": ("Danh sách phiếu đã kiểm", "Every ballot as counted"),
    "a.reconcile": ("Đối chiếu số liệu", "Reconciliation"),
    "a.holds": ("khớp", "holds"),
    "a.fails": ("KHÔNG KHỚP", "DOES NOT HOLD"),
    "a.unknown": ("không có số liệu", "figure not given"),
    "a.fig.convened": ("đại biểu triệu tập", "convened"),
    "a.fig.present": ("đại biểu có mặt", "present"),
    "a.fig.issued": ("phiếu phát ra", "issued"),
    "a.fig.collected": ("phiếu thu vào", "collected"),
    "a.fig.loaded": ("phiếu đã nạp", "ballots loaded"),
    "a.fig.absent": ("đại biểu vắng mặt", "absent"),
    "a.fig.not_returned": ("phiếu không thu về", "ballots not returned"),
    "a.totals": (
        "Tổng: {count} phiếu ({valid} hợp lệ, {invalid} không hợp lệ)",
        "Total: {count} ballot(s) ({valid} valid, {invalid} invalid)",
    ),
    "verify.ok": (
        "Khớp: kết quả đã lưu trùng hoàn toàn với kết quả kiểm lại (mã kiểm chứng {fingerprint}).",
        "Verified: the saved result matches the recount exactly (fingerprint {fingerprint}).",
    ),
    "verify.differs": (
        "KHÔNG KHỚP: {count} khác biệt giữa kết quả đã lưu và kết quả kiểm lại:",
        "MISMATCH: {count} difference(s) between the saved result and the recount:",
    ),
    "verify.line": ("{path}: đã lưu {saved}, kiểm lại {recount}", "{path}: saved {saved}, recount {recount}"),
    "verify.only_fingerprint": (
        "Mọi con số đều khớp; chỉ mã kiểm chứng khác. Mã này tính từ cả tệp bầu cử (các số liệu, quy tắc, đơn vị) "
        "lẫn các phiếu: nếu tệp bầu cử đã được sửa sau khi lưu kết quả thì mã cũng đổi. So sánh bằng "
        "'emulation-vote audit ... --format canonical'.",
        "Every figure matches; only the fingerprint differs. It is computed from the election file (its figures, "
        "rules and units) as well as the ballots: an election file edited after the result was saved changes it too. "
        "Compare with 'emulation-vote audit ... --format canonical'.",
    ),
    "verify.not_json": (
        "tệp kết quả không phải JSON hợp lệ: {detail}.",
        "the result file is not valid JSON: {detail}.",
    ),
    "verify.not_result": (
        'tệp này không phải kết quả của emulation-vote (thiếu "schema": "emulation-vote/result/1").',
        'this is not an emulation-vote result (no "schema": "emulation-vote/result/1").',
    ),
    "compare.ok": (
        "Các bản nhập trùng khớp: {count} phiếu, {entries} bản nhập.",
        "The entries agree: {count} ballot(s) in {entries} entries.",
    ),
    "compare.differs": (
        "Các bản nhập KHÔNG khớp: {count} phiếu cần kiểm tra lại với phiếu giấy.",
        "The entries DISAGREE: {count} ballot(s) to check against the paper.",
    ),
    "compare.missing": ("thiếu trong một số bản nhập", "missing from some entries"),
    "compare.different": ("đọc khác nhau", "read differently"),
    "compare.absent": ("(không có)", "(absent)"),
    "compare.blank": ("(không chọn ai)", "(nobody)"),
    "compare.declared": ("không hợp lệ: {text}", "invalid: {text}"),
    "compare.not_written": (
        "Không ghi tệp phiếu thống nhất vì các bản nhập chưa khớp.",
        "The agreed ballot file was not written: the entries disagree.",
    ),
    "compare.need_two": ("cần ít nhất hai bản nhập để so sánh.", "at least two entries are needed to compare."),
    # --- enter, check-log ---
    "enter.which_contest": (
        "tệp bầu cử có nhiều nội dung bầu: chọn một bằng --contest (mã hoặc tên): {contests}.",
        "the election has several contests: choose one with --contest (its id or title): {contests}.",
    ),
    "enter.no_contest": (
        "không có nội dung '{value}'; gần nhất: {suggestion}.",
        "there is no contest '{value}'; closest: {suggestion}.",
    ),
    "enter.runoff_round1": (
        "--runoff chỉ dùng cho vòng 2 trở đi: thêm --round 2 (lần bỏ phiếu thứ 2).",
        "--runoff is only for round 2 and later: add --round 2 (the second vote).",
    ),
    "enter.runoff_needed": (
        "vòng {round} là bầu lại: ghi các đơn vị trên phiếu bầu lại bằng --runoff (ví dụ --runoff STP,STC).",
        "round {round} is a runoff: name the units on its ballot with --runoff (e.g. --runoff STP,STC).",
    ),
    "enter.runoff_seats": (
        "vòng {round} là bầu lại: ghi số chỗ cần bầu bằng --seats (ví dụ --seats 1), để biết phiếu được chọn tối đa mấy"
        " đơn vị.",
        "round {round} is a runoff: give the seats it fills with --seats (e.g. --seats 1), which is how many units a"
        " ballot may choose.",
    ),
    "enter.runoff_unknown": (
        "--runoff: '{value}' không phải đơn vị nào; gần nhất: {suggestion}.",
        "--runoff: '{value}' is no candidate; closest: {suggestion}.",
    ),
    "enter.not_entry_file": (
        "tệp đã có nhưng không phải tệp nhập phiếu (cột: contest, ballot_id, round, choices, invalid): chọn tệp khác.",
        "the file exists but is not an entry file (columns contest, ballot_id, round, choices, invalid): "
        "choose another.",
    ),
    "enter.undo_changed": (
        "dòng cuối của tệp không phải phiếu vừa nhập (tệp đã bị sửa bên ngoài?): không xóa.",
        "the file's last line is not the last ballot entered (edited elsewhere?): nothing taken back.",
    ),
    "enter.bad_id": ("sau '#' phải là số phiếu.", "'#' must be followed by the ballot's number."),
    "enter.id_used": ("số phiếu {value} đã được nhập.", "ballot {value} was already entered."),
    "enter.empty": (
        "dòng trống: nhập số thứ tự đơn vị, '-' hoặc '!lý do'.",
        "empty: type unit numbers, '-' or '!reason'.",
    ),
    "enter.bad_number": ("không có đơn vị số {value} trên phiếu.", "there is no unit number {value} on the ballot."),
    "enter.unknown": ("'{value}' không phải đơn vị nào.", "'{value}' is no unit."),
    "enter.not_in_round": ("{value} không có trên phiếu bầu lại.", "{value} is not on the runoff ballot."),
    "enter.twice": ("{value} được ghi hai lần.", "{value} is typed twice."),
    "enter.rejected": ("Không ghi: {message}", "Not recorded: {message}"),
    "enter.echo": ("Phiếu {id}: {choices} — {verdict}", "Ballot {id}: {choices} — {verdict}"),
    "enter.nobody": ("không chọn đơn vị nào", "nobody chosen"),
    "enter.valid": ("hợp lệ", "valid"),
    "enter.invalid": ("không hợp lệ: {reason}", "invalid: {reason}"),
    "enter.echo_declared": ("Phiếu {id} — {verdict}", "Ballot {id} — {verdict}"),
    "enter.totals": (
        "Đã nhập {count} phiếu: {valid} hợp lệ, {invalid} không hợp lệ.",
        "Entered {count} ballot(s): {valid} valid, {invalid} invalid.",
    ),
    "enter.undone": ("Đã xóa phiếu {id} ({choices}).", "Took back ballot {id} ({choices})."),
    "enter.nothing_to_undo": ("Chưa có phiếu nào để xóa.", "No ballot to take back."),
    "enter.resumed": (
        "Tệp {file} đã có {count} phiếu của nội dung {contest}, vòng {round}: nhập tiếp từ phiếu số {next}.",
        "{file} already holds {count} ballot(s) of contest {contest}, round {round}: continuing from ballot {next}.",
    ),
    "enter.title": ("Nhập phiếu: {title} (vòng {round})", "Ballot entry: {title} (round {round})"),
    "enter.strike_note": (
        "Phiếu gạch tên: gõ số thứ tự các đơn vị BỊ GẠCH.",
        "Strike-out ballot: type the numbers of the units STRUCK OUT.",
    ),
    "enter.prompt": ("Phiếu {id}> ", "Ballot {id}> "),
    "enter.help": (
        "Mỗi dòng một phiếu: số thứ tự đơn vị trên phiếu (cách nhau bởi dấu cách hoặc dấu phẩy), hoặc mã/tên đơn vị.\n"
        "  -          phiếu không chọn đơn vị nào\n"
        "  !lý do     Ban kiểm phiếu tuyên bố phiếu không hợp lệ (ví dụ: !không có dấu)\n"
        "  #12 1 3    ghi rõ số phiếu (mặc định: số tiếp theo)\n"
        "  =          xem kết quả tạm tính (số phiếu bầu mỗi đơn vị)\n"
        "  u          xóa phiếu vừa nhập      ?  trợ giúp      q  kết thúc",
        "One ballot per line: the units' numbers on the ballot (separated by spaces or commas), or their ids/names.\n"
        "  -          a ballot that chooses nobody\n"
        "  !reason    the committee declares the ballot invalid (e.g. !no stamp)\n"
        "  #12 1 3    give the ballot's number (default: the next one)\n"
        "  =          show the provisional count (votes per unit)\n"
        "  u          take the last ballot back      ?  help      q  finish",
    ),
    "log.not_json": ("dòng nhật ký không phải JSON.", "the log line is not JSON."),
    "log.broken": (
        "nhật ký đã bị sửa: chuỗi mã băm bị đứt ở dòng này. Không nhập tiếp vào nhật ký này.",
        "the log was altered: its hash chain breaks at this line. Not appending to it.",
    ),
    "log.intact": (
        "Nhật ký nguyên vẹn: {lines} dòng, chuỗi mã băm khớp.",
        "The log is intact: {lines} lines, hash chain unbroken.",
    ),
    "log.broken_at": (
        "NHẬT KÝ BỊ SỬA: chuỗi mã băm đứt ở dòng {line} ({why}).",
        "THE LOG WAS ALTERED: the hash chain breaks at line {line} ({why}).",
    ),
    "log.why.prev": (
        "mã của dòng trước không khớp: một dòng đã bị sửa, thêm hoặc xóa",
        "the previous line's hash does not match: a line was edited, inserted or deleted",
    ),
    "log.why.not_json": ("dòng không đọc được", "the line is unreadable"),
    "log.why.truncated": ("dòng cuối bị cắt cụt", "the last line is cut short"),
    "a.log.time": ("Thời gian", "Time"),
    "a.log.clerk": ("Người nhập", "Clerk"),
    "a.log.action": ("Thao tác", "Action"),
    "a.log.act.open": ("mở phiên nhập", "session opened"),
    "a.log.act.ballot": ("nhập phiếu", "ballot typed"),
    "a.log.act.undo": ("xóa phiếu vừa nhập", "last ballot undone"),
    "a.log.act.rejected": ("dòng bị từ chối", "line refused"),
    "a.log.act.close": ("đóng phiên nhập", "session closed"),
    "a.log.act.recovered": ("khôi phục phiếu đã lưu", "saved ballot recovered"),
    "a.log.act.recovered_undo": ("khôi phục lần xóa", "undo recovered"),
    "a.log.ballot": ("Phiếu số", "Ballot"),
    "a.log.typed": ("Đã gõ", "Typed"),
    "a.log.recorded": ("Đã ghi / thay thế", "Recorded / replaced"),
    "log.title": ("Nhật ký nhập phiếu", "Ballot entry log"),
    "round.title": ("Vòng {number}", "Round {number}"),
    "round.runoff_title": ("Vòng {number} (bầu lại)", "Round {number} (runoff)"),
}
