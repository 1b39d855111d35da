"""The messages of reading papers from scans (``scan``): key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "scanning.missing_extra": (
        "lệnh scan cần gói '{module}' chưa được cài: {command}",
        "scan needs the package '{module}', which is not installed: {command}",
    ),
    "scanning.suffix": (
        "không đọc được loại tệp '{suffix}': dùng ảnh .png, .jpg, .tif hoặc tệp .pdf.",
        "cannot read '{suffix}' files: use .png, .jpg, .tif images or .pdf files.",
    ),
    "scanning.unreadable": (
        "không mở được ảnh (tệp hỏng hoặc không phải ảnh).",
        "cannot open the image (damaged, or not an image).",
    ),
    "scanning.other_election": (
        "trang {page}: phiếu này không phải phiếu vòng đầu của hội nghị này (mã QR '{qr}' mang dấu vân tay khác: "
        "phiếu của hội nghị khác, phiếu bầu lại, hoặc nội dung bầu không có trong tệp bầu cử); không đọc phiếu nào. "
        "Hãy tách phiếu đó ra; phiếu bầu lại được nhập bằng 'enter --round 2 --runoff ...'.",
        "page {page}: this is no first-round paper of this election (its QR code '{qr}' carries another "
        "fingerprint: another election's paper, a runoff paper, or a contest the election file lacks); nothing "
        "was read. Take that paper out; runoff papers are typed with 'enter --round 2 --runoff ...'.",
    ),
    "scan.summary": (
        "Đã đọc {pages} trang: {read} phiếu đọc được, {review} phiếu cần xem lại.",
        "Read {pages} page(s): {read} paper(s) read, {review} paper(s) to review.",
    ),
    "scan.review_left": (
        "Còn {count} phiếu cần Ban kiểm phiếu xem lại: danh sách ở {path}; chạy lại với --review tại màn hình "
        "để nhập các phiếu đó.",
        "{count} papers are left for the committee to review: the list is in {path}; run again with --review at "
        "a terminal to enter them.",
    ),
    "scan.reason.no_qr": ("không đọc được mã QR", "the QR code cannot be read"),
    "scan.reason.nothing_found": ("không thấy phiếu nào trên trang", "no paper found on the page"),
    "scan.reason.marks_missing": ("thiếu dấu định vị ở góc phiếu", "registration marks missing"),
    "scan.reason.number_twice": ("số phiếu gặp hai lần", "ballot number seen twice"),
    "scan.reason.uncertain": ("ô không rõ: {units}", "unclear boxes: {units}"),
    "scan.col_unit": ("Đơn vị", "Unit"),
    "scan.col_ink": ("Mực trong ô (‰)", "Ink inside (‰)"),
    "scan.col_light": ("Mực nhạt (‰)", "Light ink (‰)"),
    "scan.col_outside": ("Mực ngoài ô (‰)", "Ink beside (‰)"),
    "scan.col_verdict": ("Kết luận", "Verdict"),
    "scan.verdict.marked": ("có dấu", "marked"),
    "scan.verdict.empty": ("trống", "empty"),
    "scan.verdict.uncertain": ("không rõ", "uncertain"),
    "scan.review_title": (
        "Phiếu cần xem lại {index}/{total}: {file}, trang {page}, {contest} số {number} — {reasons}",
        "Paper to review {index}/{total}: {file}, page {page}, {contest} No. {number} — {reasons}",
    ),
    "scan.review_image": ("Ảnh phiếu: {path}", "The paper's image: {path}"),
    "scan.ask_number": ("Số phiếu in trên phiếu (Enter: bỏ qua)", "Ballot number printed on the paper (Enter: skip)"),
    "scan.number_refused": (
        "'{typed}' không dùng được: số phiếu phải là số chưa có trong nội dung {contest}; phiếu này để lại xem sau.",
        "'{typed}' cannot be used: the ballot number must be a number not yet in contest {contest}; this paper stays "
        "for review.",
    ),
    "scan.ask_contest": ("Nội dung bầu ({contests})", "Contest ({contests})"),
    "scan.ask_reading": (
        "Đọc phiếu: số thứ tự các đơn vị {action} cách nhau bởi dấu cách, '-' không đơn vị nào, "
        "'!lý do' phiếu không hợp lệ, Enter để bỏ qua",
        "The reading: the numbers of the units {action}, separated by spaces, '-' for none, '!reason' for an invalid "
        "paper, Enter to skip",
    ),
    "scan.action.tick": ("được đánh dấu", "marked"),
    "scan.action.strike": ("bị gạch tên", "struck out"),
    "scan.bad_reading": (
        "không hiểu '{typed}': gõ số thứ tự đơn vị từ 1 đến {count}, '-' hoặc '!lý do'.",
        "cannot read '{typed}': type unit numbers 1 to {count}, '-' or '!reason'.",
    ),
}
