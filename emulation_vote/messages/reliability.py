"""Messages of the reliability checks (workbook formulas and used range, strict verify, locks, outputs)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
