"""Wording of the minutes of the count (biên bản kiểm phiếu) and of the document style they share.

Key -> (Vietnamese, English).  The Vietnamese follows the wording of signed minutes: Decree
30/2020/NĐ-CP for state documents, Hướng dẫn 36-HD/VPTW for Party documents.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the document header, footer and annex (shared by every signed document) ---
    "m.party": ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
    "m.state": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "m.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "m.place_date": ("{place}, {date}", "{place}, {date}"),
    "m.number": ("Số: {number}", "No. {number}"),
    "m.footer": ("Mã kiểm chứng: {fingerprint}", "Verification code: {fingerprint}"),
    "m.sign": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "m.recipients": ("Nơi nhận:", "Recipients:"),
    # --- the minutes ---
    "m.title": ("BIÊN BẢN KIỂM PHIẾU", "MINUTES OF THE BALLOT COUNT"),
    "m.opening": (
        "Hôm nay, vào lúc {hour} giờ {minute} phút, {date}, tại {place}, Ban kiểm phiếu {meeting} "
        "đã tiến hành kiểm phiếu bình xét, suy tôn thi đua.",
        "Today, at {hour}:{minute}, on {date}, at {place}, the vote-counting committee of {meeting} "
        "counted the ballots of the emulation vote.",
    ),
    "m.meeting_default": ("hội nghị", "the conference"),
    "m.committee": ("Ban kiểm phiếu gồm:", "The vote-counting committee:"),
    "m.member": ("{name} — {role}", "{name} — {role}"),
    "m.member_role": ("Ủy viên", "Member"),
    "m.figures": ("Kết quả kiểm phiếu như sau:", "The count:"),
    "m.convened": ("Số đại biểu được triệu tập", "Delegates convened"),
    "m.present": ("Số đại biểu có mặt", "Delegates present"),
    "m.absent": ("Số đại biểu vắng mặt", "Delegates absent"),
    "m.issued": ("Số phiếu phát ra", "Ballots issued"),
    "m.collected": ("Số phiếu thu vào", "Ballots collected"),
    "m.valid": ("Số phiếu hợp lệ", "Valid ballots"),
    "m.invalid": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "m.invalid_detail": ("trong đó: {reasons}", "of which: {reasons}"),
    "m.ballots": ("{count} phiếu", "{count}"),
    "m.people": ("{count} người", "{count}"),
    "m.share": ("{value} ({percent})", "{value} ({percent})"),
    "m.valid_rule.tick": (
        "Phiếu hợp lệ là phiếu đánh dấu chọn không quá {max_marks} đơn vị{at_least}; {blank}.",
        "A ballot was valid when it marked at most {max_marks} unit(s){at_least}; {blank}.",
    ),
    "m.valid_rule.strike": (
        "Phiếu hợp lệ là phiếu gạch tên, để lại không quá {max_marks} đơn vị{at_least}; {blank}.",
        "A ballot was valid when its names struck out left at most {max_marks} unit(s){at_least}; {blank}.",
    ),
    "m.valid_rule.at_least": (" và ít nhất {min_marks} đơn vị", " and at least {min_marks}"),
    "m.valid_rule.blank_invalid.tick": (
        "phiếu không chọn đơn vị nào là phiếu không hợp lệ",
        "a ballot choosing no unit was invalid",
    ),
    "m.valid_rule.blank_valid.tick": (
        "phiếu không chọn đơn vị nào vẫn là phiếu hợp lệ",
        "a ballot choosing no unit was still valid",
    ),
    "m.valid_rule.blank_invalid.strike": (
        "phiếu gạch hết tên là phiếu không hợp lệ",
        "a ballot with every name struck out was invalid",
    ),
    "m.valid_rule.blank_valid.strike": (
        "phiếu gạch hết tên vẫn là phiếu hợp lệ",
        "a ballot with every name struck out was still valid",
    ),
    "m.seats": ("Số đơn vị được suy tôn tối đa: {seats}.", "Seats: {seats}."),
    "m.threshold.strict": (
        "Đơn vị được suy tôn phải đạt quá {share} {base} ({count} {unit}), tức là ít nhất {needed} phiếu.",
        "A unit must receive more than {share} of {base} ({count}), that is at least {needed} votes.",
    ),
    "m.threshold.inclusive": (
        "Đơn vị được suy tôn phải đạt từ {share} {base} trở lên ({count} {unit}), tức là ít nhất {needed} phiếu.",
        "A unit must receive at least {share} of {base} ({count}), that is at least {needed} votes.",
    ),
    "m.threshold.none": ("Không áp dụng tỷ lệ phiếu tối thiểu.", "No minimum share of the votes applies."),
    "m.threshold.empty_base": (
        "{base} bằng 0 nên không đơn vị nào đạt tỷ lệ quy định.",
        "{base} is 0, so no unit can meet the threshold.",
    ),
    "m.results": (
        "Số phiếu của từng đơn vị (theo thứ tự trên phiếu; tỷ lệ tính trên {base} là {count}):",
        "Votes per unit (in ballot order; percent of {base}, {count}):",
    ),
    "m.col_percent": ("Tỷ lệ (%)", "Percent"),
    "m.col_rank": ("Xếp hạng", "Rank"),
    "m.selected_intro": (
        "Các đơn vị được suy tôn (theo số phiếu từ cao xuống thấp):",
        "Units selected (most votes first):",
    ),
    "m.selected_line": ("{name}: {votes} phiếu, đạt {percent}", "{name}: {votes} vote(s), {percent}"),
    "m.none_selected": ("Không có đơn vị nào được suy tôn ở lần bỏ phiếu này.", "No unit was selected in this vote."),
    "m.tie": (
        "Các đơn vị {names} có số phiếu bằng nhau ({votes} phiếu) ở vị trí cuối cùng: hội nghị cần bầu lại "
        "giữa các đơn vị này để chọn {seats} đơn vị.",
        "The units {names} tied for the last place ({votes} vote(s) each): the conference must hold a runoff "
        "among them for {seats} seat(s).",
    ),
    "m.empty": (
        "Còn {count} chỉ tiêu không có đơn vị đạt tỷ lệ quy định.",
        "{count} seat(s) left empty: no other unit met the threshold.",
    ),
    "m.round": ("Kết quả bỏ phiếu lần {number}", "Result of vote {number}"),
    "m.round_runoff": ("Kết quả bỏ phiếu lần {number} (bầu lại)", "Result of vote {number} (runoff)"),
    "m.round_reason": (
        "Lý do bầu lại: ở lần bỏ phiếu thứ {previous}, có {count} đơn vị ({names}) cùng được {votes} phiếu "
        "ở vị trí cuối; hội nghị bỏ phiếu lại giữa các đơn vị này để chọn {seats} đơn vị.",
        "Why a runoff: in vote {previous}, {count} units ({names}) tied for the last place with {votes} vote(s) "
        "each; the conference voted again among them for {seats} seat(s).",
    ),
    "m.final_heading": ("Kết quả chung cuộc", "Final result"),
    "m.final": (
        "Qua {rounds} lần bỏ phiếu, các đơn vị được suy tôn là: {names}.",
        "Over {rounds} votes, the units selected are: {names}.",
    ),
    "m.final_none": (
        "Qua {rounds} lần bỏ phiếu, không có đơn vị nào được suy tôn.",
        "Over {rounds} votes, no unit was selected.",
    ),
    "m.final_pending": (
        "Còn {seats} chỉ tiêu chờ hội nghị bầu lại giữa các đơn vị {names}.",
        "A runoff is due for {seats} seat(s) among {names}.",
    ),
    "m.twice": (
        "Đơn vị {name} được suy tôn ở {count} nội dung: {contests}. Đề nghị hội nghị xem xét.",
        "The unit {name} was selected in {count} votes: {contests}. The conference should consider this.",
    ),
    "m.closing": (
        "Biên bản kết thúc vào hồi {hour} giờ {minute} phút cùng ngày, được lập thành {copies} bản "
        "và đã được thông qua trước hội nghị.",
        "These minutes were closed at {hour}:{minute} the same day, made in {copies} copies, "
        "and approved by the conference.",
    ),
    "m.on_behalf": ("T/M BAN KIỂM PHIẾU", "FOR THE VOTE-COUNTING\nCOMMITTEE"),  # "\n": a title line break
    "m.head": ("TRƯỞNG BAN", "HEAD"),
    "m.members": ("CÁC ỦY VIÊN", "MEMBERS"),
    "m.secretary": ("THƯ KÝ", "SECRETARY"),
    "m.chair": ("CHỦ TỌA HỘI NGHỊ", "CHAIR OF THE CONFERENCE"),
    # --- the annex ---
    "m.annex_title": ("Phụ lục: dữ liệu kiểm phiếu", "Annex: the counting data"),
    "m.annex_of": ("(Kèm theo Biên bản kiểm phiếu {date})", "(Attached to the minutes of the ballot count, {date})"),
    "m.annex_code": ("Mã kiểm chứng (SHA-256):", "Verification code (SHA-256):"),
    "m.annex_covers": (
        "Mã kiểm chứng được tính từ quy tắc kiểm phiếu, danh sách đơn vị, số liệu đại biểu và nội dung của "
        "từng phiếu; không phụ thuộc tên tệp, thứ tự phiếu hay cách chia tệp.",
        "The code is computed from the counting rules, the units, the delegates' figures and the content of "
        "every ballot; file names, ballot order and the split over files do not change it.",
    ),
    "m.annex_files": ("Các tệp dữ liệu:", "The data files:"),
    "m.annex_election": ("tệp hội nghị: {name}", "election file: {name}"),
    "m.annex_ballots": ("tệp phiếu: {name}", "ballot file: {name}"),
    "m.annex_scores": ("tệp điểm: {name}", "score file: {name}"),
    "m.annex_how": ("Cách kiểm chứng lại:", "How to re-check:"),
    "m.annex_step_tally": (
        "Chạy lệnh: {command}; mã kiểm chứng trong kết quả phải trùng với mã ở trên.",
        "Run: {command}; the fingerprint in its output must equal the code above.",
    ),
    "m.annex_step_verify": (
        "Hoặc kiểm chứng một tệp kết quả đã lưu: {command}.",
        "Or re-check a saved result file: {command}.",
    ),
    # --- errors of the minutes and the PDF ---
    "pdf.no_libreoffice": (
        "cần LibreOffice để tạo PDF nhưng không tìm thấy (soffice). Hãy cài gói {package} "
        "(Debian/Ubuntu: sudo apt-get install {package}) hoặc LibreOffice từ libreoffice.org, "
        "hoặc ghi biên bản ra .docx.",
        "PDF needs LibreOffice, which was not found (soffice). Install the package {package} "
        "(Debian/Ubuntu: sudo apt-get install {package}) or LibreOffice from libreoffice.org, "
        "or write the minutes as .docx.",
    ),
    "pdf.failed": (
        "LibreOffice ({program}) không chuyển được biên bản sang PDF: {detail}",
        "LibreOffice ({program}) could not convert the minutes to PDF: {detail}",
    ),
}
