from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from emulation_vote.render.cells import saved


def test_every_cell_openpyxl_took_for_a_formula_is_saved_as_the_text_given() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(['=HYPERLINK("http://x","VP")', "=1+1", "Sở B", 3])
    sheet.cell(row=2, column=1, value="=A1")
    assert sheet["A1"].data_type == "f"  # what openpyxl does with such text
    read = load_workbook(io.BytesIO(saved(book))).active
    assert read is not None
    assert [(c.value, c.data_type) for c in read[1]] == [
        ('=HYPERLINK("http://x","VP")', "s"),
        ("=1+1", "s"),
        ("Sở B", "s"),
        (3, "n"),
    ]
    assert (read["A2"].value, read["A2"].data_type) == ("=A1", "s")
