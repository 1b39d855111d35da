"""The shared document style: text widths, and signature columns that hold their titles and names."""

from __future__ import annotations

import itertools

import pytest

from emulation_vote.render.document import Signer, text_width_mm
from emulation_vote.render.docx_style import BODY_PT, TEXT_MM, _columns


def test_text_width_ignores_tone_marks_but_not_the_horn() -> None:
    assert text_width_mm("VIỆT", 13, bold=True) == pytest.approx(text_width_mm("VIET", 13, bold=True))
    assert text_width_mm("Ư", 13) > text_width_mm("U", 13)
    assert text_width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) == pytest.approx(72.9, abs=0.1)


@pytest.mark.parametrize(
    "band",
    [
        (Signer(("MEMBERS",), ("Trần Văn Minh", "Lê Thị Thu")), Signer(("FOR THE VOTE-COUNTING COMMITTEE",), ("X",))),
        (Signer(("CÁC ỦY VIÊN",), ("Nguyễn Thị Thu Hương", "Lê Thị Thu")), Signer(("T/M BAN KIỂM PHIẾU",), ("Y",))),
        (Signer(("CHỦ TỌA HỘI NGHỊ",), ("Lý Văn Hải", "Lưu Thị Nụ")),),
    ],
)
def test_signature_columns_hold_their_titles_and_names(band: tuple[Signer, ...]) -> None:
    placed = _columns(band)
    edges = []
    for signer, (centre, names) in zip(band, placed, strict=True):
        for line in signer.title:
            half = text_width_mm(line, BODY_PT, bold=True) / 2
            edges.append((centre - half, centre + half))
        for name, at in zip(signer.names, names, strict=True):
            half = text_width_mm(name, BODY_PT, bold=True) / 2
            edges.append((at - half, at + half))
    assert all(left >= 0 and right <= TEXT_MM for left, right in edges)
    names = sorted(
        (left, right)
        for signer, (_, at) in zip(band, placed, strict=True)
        for left, right in [
            (a - text_width_mm(n, BODY_PT, bold=True) / 2, a + text_width_mm(n, BODY_PT, bold=True) / 2)
            for n, a in zip(signer.names, at, strict=True)
        ]
    )
    assert all(first[1] < second[0] for first, second in itertools.pairwise(names))  # names never touch


@pytest.mark.parametrize(
    "text",
    ["emulation-vote tally a.toml b.csv --format json", "--", "-a-", "no hyphen", "x - y", "rách-\x01"],
)
def test_hyphens_made_unbreakable_read_back_as_they_were(text: str) -> None:
    """Every hyphen becomes Word's non-breaking one; the paragraph reads back as the same text."""
    from docx.oxml.ns import qn

    from emulation_vote.render.docx_style import new_document, paragraph, unbroken_hyphens, xml_text

    document = new_document("t")
    added = unbroken_hyphens(paragraph(document, text, bold=True))
    assert added.text == xml_text(text)
    element = added.runs[0]._r
    assert all("-" not in (child.text or "") for child in element.iter(qn("w:t")))
    assert len(list(element.iter(qn("w:noBreakHyphen")))) == text.count("-")
    assert added.runs[0].bold  # the run keeps its formatting
