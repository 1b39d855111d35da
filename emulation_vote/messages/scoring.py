"""The messages of scoring (chấm điểm thi đua): the ``[scoring]`` table, score sheets, the ranking's outputs."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- [scoring] in the election file ---
    "scoring.none": (
        "tệp bầu cử không có bảng [scoring] (thang điểm và cách tính điểm): xem docs/scoring.md.",
        "the election file has no [scoring] table (the score table and the rule): see docs/scoring.md.",
    ),
    "scoring.bad_points": (
        "'{key}' = '{value}' không phải số điểm hợp lệ (số không âm, ví dụ \"40\" hoặc \"12.5\").",
        "'{key}' = '{value}' is not a valid number of points (not negative, e.g. \"40\" or \"12.5\").",
    ),
    "scoring.bad_weight": (
        '\'{key}\' = \'{value}\' không phải trọng số hợp lệ (từ 0 đến 1, ví dụ "30%", "3/10" hoặc "0.3").',
        '\'{key}\' = \'{value}\' is not a valid weight (0 to 1, e.g. "30%", "3/10" or "0.3").',
    ),
    "scoring.scorer_twice": ("'{key}' ghi '{value}' hai lần.", "'{key}' names '{value}' twice."),
    "scoring.trim_without_cross": (
        "'{key}' chỉ áp dụng cho điểm chấm chéo, nhưng 'scoring.scorers' không có \"cross\".",
        "'{key}' applies to cross scores only, but 'scoring.scorers' has no \"cross\".",
    ),
    "scoring.decimals_high": (
        "'{key}' = {value}: tối đa {maximum} chữ số thập phân.",
        "'{key}' = {value}: at most {maximum} decimals.",
    ),
    "scoring.bad_tie": (
        "'{key}' = '{value}' phải là \"shared\" (đồng hạng) hoặc mã một tiêu chí; có phải là '{suggestion}'?",
        "'{key}' = '{value}' must be \"shared\" or a criterion id; did you mean '{suggestion}'?",
    ),
    "scoring.weights_missing": (
        'có nhiều loại điểm ({kinds}): phải ghi trọng số \'scoring.weights\', ví dụ {{ self = "30%", cross = "70%" }}.',
        'several kinds of score count ({kinds}): give \'scoring.weights\', e.g. {{ self = "30%", cross = "70%" }}.',
    ),
    "scoring.weight_not_scorer": (
        "'{key}': loại điểm '{kind}' không có trong 'scoring.scorers'.",
        "'{key}': the kind '{kind}' is not in 'scoring.scorers'.",
    ),
    "scoring.weight_missing": (
        "thiếu trọng số '{key}' cho loại điểm '{kind}'.",
        "'{key}' is missing: the weight of the kind '{kind}'.",
    ),
    "scoring.weights_sum": (
        "'{key}': tổng các trọng số phải bằng 1 (100%), nhưng bằng {total}.",
        "'{key}': the weights must add up to 1 (100%), they add up to {total}.",
    ),
    "scoring.bad_criterion_id": (
        "mã tiêu chí '{value}' chỉ được gồm chữ không dấu, số, '.', '_' và '-' (ví dụ TC1).",
        "the criterion id '{value}' may hold only letters a-z, digits, '.', '_' and '-' (e.g. TC1).",
    ),
    "scoring.duplicate_criterion": ("mã tiêu chí '{value}' bị trùng.", "the criterion id '{value}' is used twice."),
    "scoring.reserved_heading": (
        "'{key}': tên '{value}' trùng với một cột dành riêng của bảng chấm điểm (scorer, unit, bonus, penalty, "
        "note, total, STT).",
        "'{key}': '{value}' is the heading of a reserved column of the score sheet (scorer, unit, bonus, penalty, "
        "note, total, STT).",
    ),
    "scoring.same_heading": (
        "'{key}': tên '{value}' trùng với tiêu chí {other}.",
        "'{key}': '{value}' is also a name of criterion {other}.",
    ),
    "scoring.from_scores": (
        "'{key}' phải là true: danh sách đơn vị lấy theo kết quả chấm điểm ({{ from_scores = true, top = 3 }}).",
        "'{key}' must be true: the candidates come from the ranking by scores ({{ from_scores = true, top = 3 }}).",
    ),
    "scoring.top_or_min": (
        "'{key}': ghi đúng một trong hai khóa 'top' (số đơn vị xếp hạng đầu) hoặc 'min_total' (tổng điểm tối thiểu).",
        "'{key}': give exactly one of 'top' (how many units ranked first) or 'min_total' (the lowest total).",
    ),
    "scoring.contest_needs_scoring": (
        "'{key}': nội dung {contest} dựa vào kết quả chấm điểm nhưng tệp bầu cử không có bảng [scoring].",
        "'{key}': contest {contest} relies on the scores but the election file has no [scoring] table.",
    ),
    # --- score sheets ---
    "scores.unknown_column": (
        "cột '{column}' không phải tiêu chí nào, cũng không phải cột scorer, unit, bonus, penalty, note, total; "
        "gần nhất: {suggestion}.",
        "the column '{column}' is no criterion, nor scorer, unit, bonus, penalty, note or total; "
        "closest: {suggestion}.",
    ),
    "scores.column_twice": ("cột '{column}' có hai lần.", "the column '{column}' appears twice."),
    "scores.no_scorer_column": (
        "thiếu cột 'scorer' (đơn vị chấm, hoặc 'board' cho Thường trực Khối).",
        "the 'scorer' column is missing (the unit that scores, or 'board').",
    ),
    "scores.no_unit_column": (
        "thiếu cột 'unit' (đơn vị được chấm).",
        "the 'unit' column is missing (the unit scored).",
    ),
    "scores.no_criterion_column": (
        "thiếu cột của tiêu chí: {criteria}.",
        "no column for the criteria: {criteria}.",
    ),
    "scores.no_scorer": ("ô 'scorer' trống: ghi đơn vị chấm.", "the 'scorer' cell is empty: name the scoring unit."),
    "scores.no_unit": ("ô 'unit' trống: ghi đơn vị được chấm.", "the 'unit' cell is empty: name the unit scored."),
    "scores.unknown_scorer": (
        "đơn vị chấm '{value}' không có trong danh sách đơn vị (hay 'board'); gần nhất: {suggestion}.",
        "the scorer '{value}' is no unit of the block (nor 'board'); closest: {suggestion}.",
    ),
    "scores.unknown_scorer_none": (
        "đơn vị chấm '{value}' không có trong danh sách đơn vị (hay 'board'); các mã đơn vị: {ids}.",
        "the scorer '{value}' is no unit of the block (nor 'board'); the unit ids: {ids}.",
    ),
    "scores.unknown_unit_none": (
        "đơn vị được chấm '{value}' không có trong danh sách đơn vị; các mã đơn vị: {ids}.",
        "the unit '{value}' is no unit of the block; the unit ids: {ids}.",
    ),
    "scores.unknown_unit": (
        "đơn vị được chấm '{value}' không có trong danh sách đơn vị; gần nhất: {suggestion}.",
        "the unit '{value}' is no unit of the block; closest: {suggestion}.",
    ),
    "scores.bad_number": (
        "cột {column}: '{value}' không phải số điểm (dùng dấu ',' hoặc '.' để ghi phần thập phân, ví dụ 38,5).",
        "column {column}: '{value}' is not a number of points (write decimals with ',' or '.', e.g. 38.5).",
    ),
    "scores.negative": (
        "cột {column}: điểm '{value}' âm; điểm trừ ghi ở cột 'penalty' (số dương).",
        "column {column}: the score '{value}' is negative; penalties go in the 'penalty' column, as positive numbers.",
    ),
    "scores.above_max": (
        "cột {column}: điểm {value} vượt điểm tối đa của tiêu chí ({maximum}).",
        "column {column}: the score {value} is above the criterion's maximum ({maximum}).",
    ),
    "scores.bonus_above_cap": (
        "điểm cộng {value} vượt mức tối đa {maximum} (scoring.bonus_max).",
        "the bonus {value} is above its cap {maximum} (scoring.bonus_max).",
    ),
    "scores.penalty_above_cap": (
        "điểm trừ {value} vượt mức tối đa {maximum} (scoring.penalty_max).",
        "the penalty {value} is above its cap {maximum} (scoring.penalty_max).",
    ),
    "scores.no_points": (
        "cột {column}: ô điểm trống (ghi 0 nếu không đạt điểm nào).",
        "column {column}: the score is empty (write 0 for no points).",
    ),
    "scores.extra_cells": (
        "hàng có ô ngoài các cột của hàng tiêu đề ('{value}').",
        "the row has a cell beyond the header's columns ('{value}').",
    ),
    "scores.total_mismatch": (
        "cột 'total' ghi {value} nhưng tổng của hàng (các tiêu chí + điểm cộng - điểm trừ) là {computed}.",
        "the 'total' column says {value} but the row adds up to {computed} (criteria + bonus - penalty).",
    ),
    "scores.duplicate_pair": (
        "{scorer} chấm {unit} lần thứ hai (lần đầu ở {first}).",
        "{scorer} scores {unit} a second time (first at {first}).",
    ),
    "scores.no_rows": ("các bảng chấm điểm không có hàng điểm nào.", "the score sheets hold no scores."),
    "scores.missing_self": (
        "thiếu hàng tự chấm của đơn vị {unit} (scorer = unit = {unit}).",
        "the self-score row of {unit} is missing (scorer = unit = {unit}).",
    ),
    "scores.missing_cross": (
        "đơn vị {unit} chưa được chấm chéo bởi {count} đơn vị: {scorers}.",
        "{unit} lacks the cross scores of {count} unit(s): {scorers}.",
    ),
    "scores.missing_board": (
        "thiếu hàng Thường trực Khối chấm đơn vị {unit} (scorer = board).",
        "the board's row for {unit} is missing (scorer = board).",
    ),
    "scores.too_few_cross": (
        "đơn vị {unit} có {count} hàng chấm chéo, không đủ {needed} hàng để bỏ {trim} điểm cao nhất và {trim} "
        "điểm thấp nhất (scoring.trim).",
        "{unit} has {count} cross rows, fewer than the {needed} needed to drop the {trim} highest and {trim} "
        "lowest (scoring.trim).",
    ),
    "scores.fingerprint": (
        "mã kiểm chứng của bảng điểm đã lưu ({saved}) không khớp với các hàng điểm trong tệp theo thang điểm của "
        "tệp bầu cử ({actual}): tệp đã bị sửa, hoặc thang điểm, danh sách đơn vị đã thay đổi.",
        "the saved scores' fingerprint ({saved}) does not match their rows under the election file's score table "
        "({actual}): the file was changed, or the score table or the unit list.",
    ),
    "scores.not_scores": (
        "tệp không phải bảng điểm đã lưu bằng 'emulation-vote score --format json' ({detail}).",
        "the file is no scores saved by 'emulation-vote score --format json' ({detail}).",
    ),
    "scores.other_rule": (
        "bảng điểm đã lưu được tính theo thang điểm hoặc danh sách đơn vị khác với tệp bầu cử ({detail}).",
        "the saved scores were computed under another score table or unit list than the election file's ({detail}).",
    ),
    "scores.several": (
        "{count} lỗi trong các bảng chấm điểm; chưa xếp hạng. Sửa các hàng dưới đây rồi chạy lại:",
        "{count} errors in the score sheets; nothing was ranked. Fix the rows below and run again:",
    ),
    "scores.needs_output": (
        "định dạng {format} là tệp nhị phân: ghi vào tệp bằng --output (ví dụ --output bang-diem.{format}).",
        "the {format} format is a binary file: write it with --output (e.g. --output scores.{format}).",
    ),
    "scores.needed": (
        "nội dung {contests} dựa vào kết quả chấm điểm: thêm --scores với các bảng chấm điểm hoặc tệp JSON "
        "đã lưu bằng 'emulation-vote score --format json'.",
        "the contest(s) {contests} rely on the scores: add --scores with the score sheets or a JSON saved by "
        "'emulation-vote score --format json'.",
    ),
    "scores.unused": (
        "đã cho --scores nhưng không nội dung bầu nào dùng kết quả chấm điểm (candidates = {{ from_scores = true, "
        '... }} hoặc tie = "score").',
        "--scores was given but no contest uses the scores (candidates = {{ from_scores = true, ... }} or "
        'tie = "score").',
    ),
    "scores.mixed": (
        "--scores nhận hoặc một tệp JSON đã lưu, hoặc các bảng chấm điểm (.csv, .xlsx), không lẫn cả hai.",
        "--scores takes either one saved JSON or score sheets (.csv, .xlsx), not both.",
    ),
    "scores.no_candidates": (
        "nội dung {contest}: theo kết quả chấm điểm không có đơn vị nào vào danh sách bầu.",
        "contest {contest}: the ranking gives it no candidate.",
    ),
    "scores.unscored": (
        'nội dung {contest} phân định bằng phiếu theo điểm (tie = "score") nhưng đơn vị {ids} không có điểm.',
        'contest {contest} breaks ties by the score (tie = "score") but {ids} have no score.',
    ),
    # --- notices ---
    "scorenotice.self_row_ignored": (
        "hàng tự chấm của {unit} không được tính (exclude_self = true và điểm tự chấm không thuộc 'scorers').",
        "the self-score row of {unit} is ignored (exclude_self = true and self scores are not in 'scorers').",
    ),
    "scorenotice.kind_not_counted": (
        "hàng điểm loại '{kind}' cho {unit} không được tính: loại này không thuộc 'scoring.scorers'.",
        "the '{kind}' row for {unit} is ignored: that kind is not in 'scoring.scorers'.",
    ),
    "scorenotice.matched_without_diacritics": (
        "'{text}' (gõ không dấu) được hiểu là {candidate}.",
        "'{text}' (typed without diacritics) is taken as {candidate}.",
    ),
    "scorenotice.heading": ("Lưu ý", "Notices"),
    # --- the ranking's outputs ---
    "sc.title": ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", "SUMMARY OF THE SCORES"),
    "sc.heading": ("Kết quả chấm điểm thi đua", "Emulation scores"),
    "sc.col.rank": ("Xếp hạng", "Rank"),
    "sc.col.total": ("Tổng điểm", "Total"),
    "sc.col.bonus": ("Điểm cộng", "Bonus"),
    "sc.col.penalty": ("Điểm trừ", "Penalty"),
    "sc.col.self": ("Tự chấm", "Self"),
    "sc.col.cross": ("Chấm chéo", "Cross"),
    "sc.col.board": ("Thường trực", "Board"),
    "sc.col.group": ("Nhóm {group}", "Group {group}"),
    "sc.kind.self": ("điểm tự chấm", "the self score"),
    "sc.kind.cross": ("điểm chấm chéo", "the cross score"),
    "sc.kind.board": ("điểm của Thường trực Khối", "the board's score"),
    "sc.rule": (
        "Cách tính: tổng điểm = {parts}; làm tròn {decimals} chữ số thập phân (làm tròn một lần, ở kết quả cuối).",
        "The rule: total = {parts}; rounded half-up to {decimals} decimals, once, at the end.",
    ),
    "sc.rule.part": ("{weight} × {kind}", "{weight} × {kind}"),
    "sc.rule.cross": (
        "Điểm chấm chéo của một đơn vị là trung bình cộng điểm các đơn vị khác chấm cho đơn vị đó{own}{trim}.",
        "A unit's cross score is the mean of the scores the other units gave it{own}{trim}.",
    ),
    "sc.rule.own": (" (kể cả điểm tự chấm)", " (its own row included)"),
    "sc.rule.trim": (
        ", sau khi bỏ {trim} điểm cao nhất và {trim} điểm thấp nhất",
        ", after dropping the {trim} highest and {trim} lowest",
    ),
    "sc.rule.table": (
        "Thang điểm {full} điểm, {count} tiêu chí; điểm cộng tối đa {bonus}, điểm trừ tối đa {penalty}.",
        "Score table out of {full} points, {count} criteria; bonus at most {bonus}, penalty at most {penalty}.",
    ),
    "sc.rule.sheet": ("Cách tính", "Rule"),
    "sc.rule.nocap": ("không giới hạn", "no cap"),
    "sc.rule.tie_shared": (
        "Đơn vị có tổng điểm bằng nhau thì đồng hạng.",
        "Units with equal totals share a rank.",
    ),
    "sc.rule.tie_criterion": (
        "Đơn vị có tổng điểm bằng nhau được xếp theo điểm tiêu chí {criterion} (cao hơn xếp trên); vẫn bằng nhau "
        "thì đồng hạng.",
        "Equal totals are ordered by the score on criterion {criterion} (higher first); still equal ones share a rank.",
    ),
    "sc.fingerprint": (
        "Mã kiểm chứng bảng điểm (SHA-256 của thang điểm và toàn bộ điểm đã chấm): {fingerprint}",
        "Fingerprint of the scores (SHA-256 of the score table and every score): {fingerprint}",
    ),
    "sc.opening": (
        "Căn cứ thang điểm thi đua của {organization} và kết quả tự chấm, chấm điểm của các đơn vị, "
        "kết quả chấm điểm thi đua năm {year} như sau:",
        "Under the emulation score table of {organization} and the scores the units gave, the emulation "
        "scores of {year} are as follows:",
    ),
    "sc.year_blank": ("……", "……"),
    "sc.closing": (
        "Bảng tổng hợp được lập lúc {blank} giờ {blank} phút cùng ngày, làm căn cứ cho việc bình xét, suy tôn.",
        "This summary was drawn up at {blank}:{blank} the same day, as the basis of the vote.",
    ),
    "sc.vote.top": (
        "Danh sách bầu gồm các đơn vị xếp hạng từ 1 đến {top} theo kết quả chấm điểm thi đua (kể cả đơn vị đồng "
        "hạng {top}): {names}.",
        "The candidates are the units ranked 1 to {top} by the emulation scores (any unit sharing rank {top} "
        "included): {names}.",
    ),
    "sc.vote.min": (
        "Danh sách bầu gồm các đơn vị có tổng điểm chấm điểm thi đua từ {minimum} điểm trở lên: {names}.",
        "The candidates are the units whose emulation score total is at least {minimum}: {names}.",
    ),
    "sc.vote.tie": (
        "Nếu các đơn vị bằng phiếu nhau ở vị trí cuối cùng, đơn vị có tổng điểm chấm điểm cao hơn được chọn; "
        "vẫn bằng điểm thì bầu lại.",
        "A tie in votes at the last seat goes to the higher score total; units still equal go to a runoff.",
    ),
    "sc.report.tie": (
        "Bằng phiếu ({votes} phiếu) ở vị trí cuối cùng, phân định theo tổng điểm chấm điểm ({totals}): "
        "{names} được suy tôn.",
        "A tie in votes ({votes}) at the last seat, settled by the score totals ({totals}): {names} selected.",
    ),
    "sc.preparer": ("NGƯỜI TỔNG HỢP", "DRAWN UP BY"),
    "sc.approver": ("TM. THƯỜNG TRỰC KHỐI", "FOR THE BOARD"),
    "sc.units": ("{count} đơn vị", "{count} units"),
}
