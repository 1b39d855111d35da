import unicodedata

from emulation_vote.text import clean, name_key, short


def test_tone_mark_placements_are_equal() -> None:
    assert name_key("Tỉnh ủy") == name_key("Tỉnh uỷ")
    assert name_key("hòa") == name_key("hoà")
    assert name_key("thủy") == name_key("thuỷ")
    assert name_key("Khỏe") == name_key("Khoẻ")


def test_case_spaces_and_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Văn phòng Tỉnh ủy")
    assert nfd != "Văn phòng Tỉnh ủy"
    assert name_key(nfd) == name_key("VĂN PHÒNG  TỈNH ỦY ") == name_key(" văn   phòng tỉnh ủy")


def test_different_letters_stay_different() -> None:
    assert name_key("Ban Tổ chức") != name_key("Ban Tô chức")
    assert name_key("Đảng") != name_key("Dảng")
    assert name_key("Tỉnh") != name_key("Tính")
    assert name_key("ủy") != name_key("úy")


def test_clean_and_short() -> None:
    assert clean("  a \t b\n") == "a b"
    assert short("x" * 1000, 10) == "x" * 9 + "…"
    assert short("a\nb") == "a\\nb"
