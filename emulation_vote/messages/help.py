"""The wording of ``--help``: the program's and each command's summary, and every option's help.

Keys: ``help.root`` (the program), ``help.cmd.<command>`` (a command's summary and description),
``help.<command>.<parameter>`` (an option or argument of one command) and ``help.opt.<parameter>``
(the same wording for every command that has the parameter).  The command line picks the
language once at start-up, before the help is built (see :mod:`emulation_vote.cli.localize`).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the program ---
    "help.root": (
        "Kiểm phiếu bình xét, suy tôn thi đua — đếm phiếu kín của hội nghị khối thi đua.",
        "Kiểm phiếu bình xét, suy tôn thi đua — count the secret ballots of an emulation block's conference.",
    ),
    "help.opt.version": ("In phiên bản rồi thoát.", "Show the version and exit."),
    "help.opt.install_completion": (
        "Cài gợi ý hoàn thành lệnh (phím Tab) cho shell đang dùng.",
        "Install completion for the current shell.",
    ),
    "help.opt.show_completion": (
        "In đoạn gợi ý hoàn thành lệnh cho shell đang dùng, để chép hoặc tự cài.",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    # --- options shared by several commands ---
    "help.opt.lang": (
        "Ngôn ngữ hiển thị: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường EMULATION_VOTE_LANG.",
        "Language of human output: vi (default) or en; also set by EMULATION_VOTE_LANG.",
    ),
    "help.opt.election": ("Tệp hội nghị (TOML).", "The election file (TOML)."),
    "help.opt.ballots": ("Các tệp phiếu (.csv, .tsv, .xlsx).", "Ballot files (.csv, .tsv, .xlsx)."),
    "help.opt.encoding": (
        "Bảng mã của tệp CSV/TSV không có BOM (mặc định UTF-8; ví dụ cp1258). tcvn3 hoặc vni chuyển chữ gõ "
        "bằng phông cũ .VnTime hoặc VNI-Times, cả trong tệp .xlsx.",
        "Encoding of CSV/TSV files without a BOM (default UTF-8; e.g. cp1258). tcvn3 or vni convert text "
        "typed in the legacy .VnTime or VNI-Times fonts, in .xlsx files too.",
    ),
    "help.opt.sheet": (
        "Chỉ đọc trang tính này của tệp .xlsx (mặc định: mọi trang tính, mỗi trang cho nội dung của nó; "
        "trang không có cột số phiếu, như trang hướng dẫn, được bỏ qua).",
        "Read only this sheet of .xlsx files (default: every sheet, each for its contest; sheets without a "
        "ballot number column, such as instructions, are skipped).",
    ),
    "help.opt.output": (
        "Ghi ra tệp này (trọn vẹn một lần) thay vì in ra màn hình.",
        "Write to this file (atomically) instead of stdout.",
    ),
    "help.opt.force": (
        "Cho phép --output ghi đè một tệp đã có.",
        "Allow --output to replace an existing file.",
    ),
    "help.opt.reader": (
        "auto (mặc định): đọc tệp lớn theo từng khối cột; exact: từng phiếu một. Kết quả như nhau.",
        "auto (default): stream large files in column batches; exact: ballot by ballot. Same result either way.",
    ),
    "help.opt.fmt": (
        "table, json, csv, markdown (hoặc md), plain, hoặc xlsx (sổ tính Excel; cần --output). Mặc định: theo "
        "đuôi của --output (.json, .csv, .md, .xlsx), nếu không thì table.",
        "table, json, csv, markdown (or md), plain, or xlsx (an Excel workbook; needs --output). Default: by the "
        "suffix of --output (.json, .csv, .md, .xlsx), else table.",
    ),
    "help.demo.fmt": (
        "table (mặc định), json, csv, markdown (hoặc md) hoặc plain.",
        "table (default), json, csv, markdown (or md) or plain.",
    ),
    "help.opt.excel": (
        "Cùng --format csv: cho Excel cài đặt tiếng Việt (';' giữa các ô, dấu phẩy thập phân, tiêu đề theo "
        "--lang). Không có nó, CSV giữ dạng máy đọc.",
        "With --format csv: for Excel under a Vietnamese locale (';' between cells, decimal comma, headings in "
        "--lang). Without it the CSV stays machine-clean.",
    ),
    "help.opt.strict_names": (
        "Từ chối tên gõ thiếu dấu ('So Y te') thay vì đọc nó, kèm thông báo, là đơn vị duy nhất nó có thể chỉ.",
        "Refuse a name typed without its diacritics ('So Y te') instead of reading it, with a notice, "
        "as the one candidate it can mean.",
    ),
    "help.opt.scores": (
        "Các bảng chấm điểm (.csv, .xlsx; lặp lại tùy chọn cho mỗi tệp), hoặc một tệp JSON do "
        "'score --format json' lưu, cho các nội dung lấy đơn vị hoặc phá thế hòa theo xếp hạng điểm.",
        "Score sheets (.csv, .xlsx; repeat the option for each), or one JSON saved by 'score --format json', "
        "for contests that take their candidates or break ties from the ranking by scores.",
    ),
    "help.opt.contest": (
        "Chỉ kiểm nội dung này (mã của nó; lặp lại được). Các dòng của nội dung khác được bỏ qua, và nêu số "
        "dòng đã bỏ.",
        "Count only this contest (its id; repeatable). Rows of the other contests are skipped, "
        "and their number stated.",
    ),
    "help.opt.partial": (
        "Kiểm tạm những phiếu đã có: không đối chiếu với số phiếu thu vào, bỏ các nội dung chưa có phiếu; "
        "ghi rõ KẾT QUẢ TẠM TÍNH.",
        "A provisional count of what is there: no check against the ballots collected, "
        "contests without ballots left out; marked KẾT QUẢ TẠM TÍNH.",
    ),
    "help.opt.max_errors": (
        "Chỉ hiện tối đa chừng này lỗi dữ liệu (rồi nêu còn bao nhiêu lỗi); mọi tệp được đọc trong một lượt.",
        "Show at most this many data errors (then how many more); every file is read in one pass.",
    ),
    # --- new ---
    "help.cmd.new": (
        "Tạo THƯ MỤC/election.toml, đầy đủ và có chú thích, từ danh sách tên đơn vị (hỏi thêm khi chạy ở terminal).",
        "Create FOLDER/election.toml, complete and commented, from a list of unit names (asks on a terminal).",
    ),
    "help.new.folder": ("Thư mục để tạo tệp hội nghị.", "The folder to create the election file in."),
    "help.new.units_file": (
        "Các đơn vị: tệp .txt mỗi dòng một tên, hoặc tệp .csv/.xlsx có cột 'Tên đơn vị' (nếu không có thì cột "
        "đầu) chứa tên. Mã được tạo từ tên (Sở Tư pháp -> STP).",
        "The units: a .txt with one name per line, or a .csv/.xlsx whose column 'Tên đơn vị' (else the first) "
        "holds the names. Ids are derived from the names (Sở Tư pháp -> STP).",
    ),
    "help.new.unit": ("Tên một đơn vị (lặp lại được), sau --units.", "A unit's name (repeatable), after --units."),
    "help.new.contest": (
        'Một nội dung dạng "Tên:số suất" (lặp lại được), hoặc mẫu có sẵn: co-chinh-phu, bang-khen-thu-tuong, '
        "co-tinh, bang-khen-tinh, dan-dau (có thể thêm :số suất).",
        'A contest as "Title:seats" (repeatable), or a preset: co-chinh-phu, bang-khen-thu-tuong, co-tinh, '
        "bang-khen-tinh, dan-dau (optionally with :seats).",
    ),
    "help.new.title": ("Tên hội nghị.", "The conference's title."),
    "help.new.organization": ("Cơ quan (góc trên bên trái biên bản).", "The organisation (top left of the minutes)."),
    "help.new.header": (
        "Tiêu đề biên bản: party (Đảng) hoặc state (Nhà nước); mặc định party với --threshold convened, "
        "state với các ngưỡng khác.",
        "The minutes' letterhead: party or state (default: party with --threshold convened, state otherwise).",
    ),
    "help.new.place": ("Địa điểm họp.", "Where the conference meets."),
    "help.new.date": ("Ngày họp: 19/12/2023 hoặc 2023-12-19.", "The date: 19/12/2023 or 2023-12-19."),
    "help.new.time": ("Giờ kiểm phiếu: 14:30.", "The time of the count: 14:30."),
    "help.new.convened": ("Số đại biểu được triệu tập.", "Delegates convened."),
    "help.new.present": ("Số đại biểu có mặt.", "Delegates present."),
    "help.new.issued": ("Số phiếu phát ra.", "Ballots issued."),
    "help.new.threshold": (
        "valid (mặc định: quá nửa số phiếu hợp lệ), convened (quá nửa số đại biểu được triệu tập: cơ quan "
        "Đảng; cũng viết 'party'), present (quá nửa số có mặt), hoặc two-thirds (từ 2/3 số phiếu hợp lệ).",
        "valid (default: more than half of valid ballots), convened (more than half of delegates convened: "
        "Party bodies; also 'party'), present, or two-thirds (at least 2/3 of valid ballots).",
    ),
    "help.new.yes": ("Không hỏi gì, kể cả ở terminal.", "Ask nothing, even on a terminal."),
    # --- template ---
    "help.cmd.template": (
        "Ghi sổ tính cho người nhập phiếu: mỗi nội dung một trang, dòng đánh số, ô đánh dấu được kiểm tra, "
        "một trang 'Hướng dẫn'.\n\n"
        "Sổ tính bầu lại (--round 2 --runoff STP,STC --seats 1) có một trang: của nội dung đó, hiện cột các đơn "
        "vị bằng phiếu, ẩn và để trống cột các đơn vị khác.",
        "Write the clerks' workbook: a sheet per contest, rows numbered, mark cells checked, a 'Hướng dẫn' sheet."
        "\n\nA runoff's workbook (--round 2 --runoff STP,STC --seats 1) has one sheet: its contest's, the tied "
        "units' columns shown, the others hidden and kept empty.",
    ),
    "help.template.output": (
        "Sổ tính cần ghi (ví dụ phieu.xlsx), trọn vẹn một lần.",
        "The workbook to write (e.g. phieu.xlsx), atomically.",
    ),
    "help.template.fmt": (
        "xlsx (mọi nội dung) hoặc csv (dòng tiêu đề của một nội dung). Mặc định: theo đuôi của --output, nếu "
        "không thì xlsx.",
        "xlsx (every contest) or csv (one contest's header row). Default: by the suffix of --output, else xlsx.",
    ),
    "help.template.contest": (
        "Cùng --format csv, hoặc khi bầu lại: mã nội dung (cần khi có nhiều nội dung).",
        "With --format csv, or for a runoff: the contest id (needed if several).",
    ),
    # --- tally, demo ---
    "help.cmd.tally": (
        "Kiểm phiếu và in kết quả (thứ hạng, số phiếu, tỷ lệ, kết quả suy tôn, bầu lại).\n\n"
        "Cũng ra sổ tính Excel (--output ket-qua.xlsx) hoặc CSV cho Excel (--format csv --excel).",
        "Count the ballots and print the result (rank, votes, percent, selection, runoff).\n\n"
        "Also as an Excel workbook (--output ket-qua.xlsx) or a CSV for Excel (--format csv --excel).",
    ),
    "help.cmd.demo": (
        "Kiểm phiếu hội nghị mẫu kèm theo (9 đơn vị của Khối thi đua Các cơ quan Tỉnh ủy, 2 cờ).",
        "Count the bundled seed conference (9 units of Khối thi đua Các cơ quan Tỉnh ủy, 2 flags).",
    ),
    # --- show ---
    "help.cmd.show": (
        "Trình chiếu kết quả cho hội nghị: một trang HTML trọn gói cho máy chiếu (mỗi nội dung một trang), "
        "hoặc biểu đồ.\n\n"
        "Trang không cần internet: kiểu trình bày, phông chữ, biểu đồ SVG và vài dòng script đều nằm trong "
        "nó; phím mũi tên chuyển giữa các nội dung.",
        "Show the result to the room: a self-contained HTML page for the projector (one page per contest), "
        "or charts.\n\n"
        "The page needs no internet: styles, the font, the SVG charts and a few lines of script are "
        "inside it; the arrow keys move between contests.",
    ),
    "help.show.output": (
        "Ghi ra TỆP (trọn vẹn một lần). html: trang (mặc định: in ra khi chuyển tiếp); png/svg: mỗi vòng "
        "của mỗi nội dung một biểu đồ, chính TỆP khi chỉ có một, TỆP-NỘIDUNG.png khi có nhiều.",
        "Write to FILE (atomically). html: the page (default: stdout when piped); png/svg: one chart per "
        "contest round, FILE itself for one, FILE-CONTEST.png for several.",
    ),
    "help.show.fmt": (
        "html (trang trình chiếu), png hoặc svg (biểu đồ). Mặc định: theo đuôi của --output, nếu không thì html.",
        "html (the projector page), png or svg (charts). Default: from the --output suffix, else html.",
    ),
    "help.show.winners_only": (
        "Chỉ hiện các đơn vị được suy tôn (giữ nguyên thứ hạng).",
        "Show only the selected units (their ranks kept).",
    ),
    "help.show.open_page": (
        "Mở trang trong trình duyệt mặc định (không có --output: trong một thư mục tạm).",
        "Open the page in the default browser (without --output: in a temporary folder).",
    ),
    # --- minutes ---
    "help.cmd.minutes": (
        "Ghi biên bản kiểm phiếu, sẵn sàng để ký: Word, PDF hoặc Markdown.",
        "Write the minutes of the count (biên bản kiểm phiếu), ready to sign: Word, PDF or Markdown.",
    ),
    "help.minutes.output": (
        "Ghi ra TỆP: .docx (Word), .pdf hoặc .md, theo đuôi tệp. Mặc định: Markdown ra màn hình.",
        "Write to FILE: .docx (Word), .pdf or .md, by its suffix. Default: Markdown on stdout.",
    ),
    "help.minutes.fmt": (
        "md (hoặc markdown), docx hoặc pdf (mặc định: theo đuôi của --output, nếu không thì md). pdf là văn bản "
        "Word được LibreOffice chuyển đổi, cần cài LibreOffice.",
        "md (or markdown), docx or pdf (default: by the --output suffix, else md). pdf is the Word document "
        "converted by LibreOffice, which must be installed.",
    ),
    "help.minutes.annex": (
        "Thêm trang 'Phụ lục: dữ liệu kiểm phiếu': mã kiểm chứng đầy đủ, các tệp dữ liệu và cách kiểm lại.",
        "Add the annex page 'Phụ lục: dữ liệu kiểm phiếu': the full verification code, the data files and "
        "how to re-check.",
    ),
    "help.minutes.partial": (
        "Bị từ chối: biên bản chỉ lập từ kết quả chính thức.",
        "Refused: minutes are made from the official result only.",
    ),
    # --- score ---
    "help.cmd.score": (
        "Xếp hạng các đơn vị theo bảng chấm điểm thi đua: tổng điểm, điểm từng phần, điểm cộng, điểm trừ, đồng hạng.",
        "Rank the units from the score sheets (chấm điểm thi đua): totals, sub-totals, bonus, penalty, shared ranks.",
    ),
    "help.score.sheets": (
        "Các bảng chấm điểm (.csv, .tsv, .xlsx): cột đơn vị chấm, đơn vị, mỗi tiêu chí một cột, điểm cộng, "
        "điểm trừ, ghi chú.",
        "Score sheets (.csv, .tsv, .xlsx): columns scorer, unit, one per criterion, bonus, penalty, note.",
    ),
    "help.score.fmt": (
        "table, json, csv, markdown, plain, xlsx, docx (bản tổng hợp để ký, Word) hoặc summary "
        "(bản đó dạng Markdown). Mặc định: theo đuôi của --output, nếu không thì table.",
        "table, json, csv, markdown, plain, xlsx, docx (the summary to sign, Word) or summary (the same as "
        "Markdown). Default: by the suffix of --output, else table.",
    ),
    "help.score.sheet": (
        "Trang tính cần đọc của tệp .xlsx (mặc định: trang đầu).",
        "Sheet of .xlsx files to read (default: the first).",
    ),
    "help.score.max_errors": (
        "Chỉ hiện tối đa chừng này lỗi của các bảng điểm (rồi 'và N lỗi nữa').",
        "Show at most this many errors of the sheets (then 'and N more').",
    ),
    # --- audit, verify, compare ---
    "help.cmd.audit": (
        "Liệt kê từng phiếu như đã kiểm (tệp, dòng, tình trạng, lý do, lựa chọn) và đối chiếu số phiếu giấy.",
        "List every ballot as counted (file, row, status, reason, choices) and reconcile the paper figures.",
    ),
    "help.audit.fmt": (
        "table, csv, json, hoặc canonical (đúng văn bản mà mã kiểm chứng băm). Mặc định: theo đuôi của --output "
        "(.csv, .json), nếu không thì table.",
        "table, csv, json, or canonical (the exact text the fingerprint hashes). Default: by the suffix of --output "
        "(.csv, .json), else table.",
    ),
    "help.audit.logs": (
        "In thêm nhật ký nhập phiếu này (của 'enter') để lưu hồ sơ; lặp lại được. Dạng table và json.",
        "Also print this entry log (from 'enter') for filing; repeatable. Table and json.",
    ),
    "help.cmd.verify": (
        "Kiểm lại và so với kết quả JSON đã lưu: mã thoát 0 khi khớp, 1 kèm liệt kê mọi chỗ khác.",
        "Recount and compare with a saved JSON result: exit 0 when it matches, 1 listing every difference.",
    ),
    "help.verify.result": (
        "Kết quả đã lưu (tally --format json --output).",
        "A saved result (tally --format json --output).",
    ),
    "help.cmd.compare": (
        "So các bản nhập cùng một bộ phiếu giấy của những người nhập khác nhau: mã thoát 0 khi tất cả khớp, "
        "1 kèm liệt kê từng chỗ vênh.",
        "Compare the same paper ballots typed by different clerks: exit 0 when all agree, 1 listing each dispute.",
    ),
    "help.compare.entries": (
        "Hai bản nhập trở lên của cùng bộ phiếu, mỗi bản một tệp (bố cục, định dạng nào cũng được).",
        "Two or more entries of the same ballots, one file each (any layout or format).",
    ),
    "help.compare.output": (
        "Khi mọi bản nhập khớp nhau, ghi các phiếu đã thống nhất thành một tệp phiếu (CSV).",
        "When every entry agrees, write the agreed ballots as one ballot file (CSV).",
    ),
    # --- enter, check-log ---
    "help.cmd.enter": (
        "Gõ phiếu giấy, mỗi phiếu một dòng (số thứ tự đơn vị, '-', '!lý do', '#SỐ', 'u' hoàn tác, '=' kết quả "
        "tạm); lưu ngay.",
        "Type paper ballots one per line (unit numbers, '-', '!reason', '#ID', 'u' undo, '=' count); saved at once.",
    ),
    "help.enter.contest": (
        "Nội dung bầu của các phiếu: mã hoặc tên (cần khi tệp bầu cử có nhiều nội dung).",
        "The contest the ballots belong to: its id or its title (needed when the election has several).",
    ),
    "help.enter.output": (
        "Tệp phiếu (bố cục danh sách); nhập tiếp nếu tệp đã có.",
        "The ballot file (list layout); resumed if it exists.",
    ),
    "help.enter.clerk": ("Người nhập (ghi vào nhật ký).", "Who is typing (written in the log)."),
    "help.opt.round_number": ("Vòng bỏ phiếu (từ 2: bầu lại).", "The voting round (2 and up: a runoff)."),
    "help.opt.runoff": (
        "Từ vòng 2: các đơn vị bằng phiếu, theo mã hoặc tên (ví dụ STP,STC), đánh số theo thứ tự trên phiếu vòng đầu.",
        "Round 2+: the tied units, by id or name (e.g. STP,STC), numbered as on the first paper.",
    ),
    "help.opt.seats": (
        "Từ vòng 2: số suất vòng bầu lại cần chọn (mỗi phiếu chọn tối đa chừng ấy, trừ khi đặt max_marks).",
        "Round 2+: the seats the runoff fills (a ballot may choose that many, unless max_marks is set).",
    ),
    "help.enter.log": ("Nhật ký nhập phiếu (mặc định: OUTPUT.log).", "The entry log (default: OUTPUT.log)."),
    "help.cmd.check-log": (
        "Kiểm chuỗi băm của nhật ký nhập phiếu và tệp phiếu của nó: mã thoát 0 khi cả hai đúng, 1 kèm nêu chỗ khác.",
        "Check an entry log's hash chain and its ballot file: exit 0 when both hold, 1 naming what differs.",
    ),
    "help.check-log.log": ("Nhật ký nhập phiếu do 'enter' ghi.", "An entry log written by 'enter'."),
    "help.check-log.ballots": (
        "Tệp phiếu của nhật ký, so từng dòng với các phiếu trong nhật ký (mặc định: LOG bỏ đuôi .log, nếu tệp đó có).",
        "The ballot file the log belongs to, compared row by row with the ballots logged (default: LOG "
        "without its .log suffix, when that file exists).",
    ),
    # --- ballots ---
    "help.cmd.ballots": (
        "In phiếu bầu giấy: theo từng nội dung, đánh số 1..N, có dấu định vị và mã QR để quét.\n\n"
        "Phiếu bầu lại (--round 2 --runoff STP,STC --seats 1) chỉ ghi các đơn vị bằng phiếu.",
        "Print the ballot papers: per contest, numbered 1..N, with registration marks and a QR code for scanning.\n\n"
        "A runoff's papers (--round 2 --runoff STP,STC --seats 1) list only the tied units.",
    ),
    "help.ballots.output": (
        "Tệp cần ghi (ví dụ phieu-bau.pdf). Tệp PDF có kèm bố cục bên cạnh: phieu-bau.layout.json.",
        "The file to write (e.g. phieu-bau.pdf). A PDF gets its layout beside it: phieu-bau.layout.json.",
    ),
    "help.ballots.count": (
        "Số phiếu mỗi nội dung, đánh số 1..N (mặc định: số phát ra, có mặt hoặc triệu tập).",
        "Papers per contest, numbered 1..N (default: issued, present or convened).",
    ),
    "help.ballots.per_page": (
        "Số phiếu trên một trang A4: 1, 2 hoặc 4, có đường cắt (mặc định: nhiều nhất vừa trang).",
        "Papers per A4 page: 1, 2 or 4, with cut lines (default: as many as fit).",
    ),
    "help.ballots.contest": (
        "Chỉ nội dung này (lặp lại được; mặc định: tất cả).",
        "Only this contest (repeatable; default: all).",
    ),
    "help.ballots.fmt": (
        "pdf (vẽ để đọc lại từ bản quét) hoặc docx (sửa được, không có mã QR). Mặc định: theo đuôi của --output "
        "(.pdf hoặc .docx).",
        "pdf (drawn to be read back from scans) or docx (editable, no QR code). Default: by the suffix of --output "
        "(.pdf or .docx).",
    ),
    # --- scan ---
    "help.cmd.scan": (
        "Đọc các phiếu đã đánh dấu do 'ballots' in ra, từ bản quét hoặc ảnh chụp; phiếu không rõ được đưa ra "
        "xem xét, không bao giờ đoán.",
        "Read the marked papers printed by 'ballots' from scans or photos; unclear papers go to review, never guessed.",
    ),
    "help.scan.images": (
        "Bản quét hoặc ảnh chụp các phiếu: .png, .jpg, .tif, .pdf.",
        "Scans or photos of the papers: .png, .jpg, .tif, .pdf.",
    ),
    "help.scan.output": (
        "Tệp phiếu cần ghi (bố cục danh sách, .csv).",
        "The ballot file to write (list layout, .csv).",
    ),
    "help.scan.log": ("Nhật ký quét (mặc định: OUTPUT.log).", "The scan log (default: OUTPUT.log)."),
    "help.scan.review": (
        "Ở terminal: hiện từng phiếu cần xem xét và hỏi cách đọc.",
        "At a terminal: show each paper that needs review and ask for its reading.",
    ),
    "help.scan.clerk": ("Người xem xét (ghi vào nhật ký).", "Who reviews (written in the log)."),
    # --- the help's own headings (Click's English words) ---
    "help.heading.usage": ("Cách dùng:", "Usage:"),
    "help.heading.options": ("Tùy chọn", "Options"),
    "help.heading.arguments": ("Đối số", "Arguments"),
    "help.heading.commands": ("Lệnh", "Commands"),
    "help.heading.default": ("mặc định", "default"),
    "help.heading.required": ("bắt buộc", "required"),
    "help.heading.env_var": ("biến môi trường: {var}", "env var: {var}"),
    "help.opt.help": ("In trợ giúp này rồi thoát.", "Show this message and exit."),
}
