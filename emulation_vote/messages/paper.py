"""The messages of the printed ballot papers (``ballots``): key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- printed on the paper ---
    "paper.title": ("PHIẾU BẦU", "BALLOT PAPER"),
    "papers.runoff_one_contest": (
        "phiếu bầu lại in cho một nội dung bầu: chỉ ghi một --contest.",
        "a runoff's papers are for one contest: give a single --contest.",
    ),
    "paper.runoff_title": ("{title} — bầu lại (lần bỏ phiếu thứ {round})", "{title} — runoff (vote {round})"),
    "paper.tick": ("Đánh dấu X vào ô đơn vị được suy tôn", "Mark X in the box of each unit you choose"),
    "paper.strike": ("Gạch tên đơn vị không suy tôn", "Strike out the name of each unit you do not choose"),
    "paper.limit_tick": ("chọn không quá {most} đơn vị", "choose no more than {most}"),
    "paper.limit_strike": ("để lại không quá {most} đơn vị", "leave no more than {most}"),
    "paper.limit_least": ("ít nhất {least} đơn vị", "at least {least}"),
    "paper.col_number": ("TT", "No."),
    "paper.col_name": ("Tên đơn vị", "Unit"),
    "paper.col_box": ("Suy tôn", "Choice"),
    "paper.number": ("Số phiếu: {number}", "Ballot No. {number}"),
    "paper.seal": ("Dấu của Ban kiểm phiếu", "Committee's seal"),
    "paper.seal_rule": (
        "Phiếu không có dấu của Ban kiểm phiếu là phiếu không hợp lệ. Không viết thêm gì khác lên phiếu.",
        "A paper without the vote-counting committee's seal is invalid. Write nothing else on the paper.",
    ),
    "paper.document_title": ("Phiếu bầu", "Ballot papers"),
    # --- the command's errors and notes ---
    "papers.too_big": (
        "phiếu của nội dung {contest} ({units} đơn vị) không vừa một trang A4: tên đơn vị quá dài hoặc quá nhiều "
        "đơn vị; hãy rút gọn tên (giữ tên đầy đủ trong aliases).",
        "the paper of contest {contest} ({units} units) does not fit one A4 page: the names are too long or too "
        "many; shorten the names (keep the full names as aliases).",
    ),
    "papers.per_page": (
        "phiếu của nội dung {contest} không vừa {asked} phiếu một trang A4; nhiều nhất là {fits}: "
        "dùng --per-page {fits}.",
        "the paper of contest {contest} does not fit {asked} to an A4 page; at most {fits} fit: use --per-page {fits}.",
    ),
    "papers.bad_count": (
        "--count phải là số nguyên dương (đã cho {count}).",
        "--count must be a positive whole number (given {count}).",
    ),
    "papers.bad_per_page": (
        "--per-page phải là 1, 2 hoặc 4 (đã cho {per_page}).",
        "--per-page must be 1, 2 or 4 (given {per_page}).",
    ),
    "papers.no_count": (
        "không biết in bao nhiêu phiếu: ghi [electorate] issued, present hoặc convened trong tệp bầu cử, "
        "hoặc dùng --count.",
        "how many papers to print is unknown: give [electorate] issued, present or convened in the election "
        "file, or use --count.",
    ),
    "papers.unknown_contest": (
        "không có nội dung '{contest}'; các nội dung: {contests}.",
        "there is no contest '{contest}'; the contests: {contests}.",
    ),
    "paper.shuffle": (
        "Lưu ý: xáo trộn phiếu trước khi phát và không ghi lại ai nhận phiếu số mấy, để giữ bí mật lá phiếu.",
        "Note: shuffle the papers before handing them out and never record who got which number: the vote stays "
        "secret.",
    ),
    "paper.printed": (
        "Số phiếu đã in theo nội dung: {papers}; {pages} trang; sơ đồ vị trí: {layout}",
        "Papers printed per contest: {papers}; {pages} page(s); the layout: {layout}",
    ),
}
