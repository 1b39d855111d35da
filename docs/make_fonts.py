"""Write the ballot papers' fonts, emulation_vote/data/fonts/*.ttf (run: python docs/make_fonts.py).

The papers embed DejaVu Sans (Bitstream Vera licence with public-domain DejaVu changes; the licence
is emulation_vote/data/fonts/LICENSE).  The package ships a subset holding only the characters a
Vietnamese or English paper needs (Latin with every Vietnamese letter, digits, punctuation, a few
symbols), about a tenth of the full font.  The licence allows modified copies whose names do not
contain "Bitstream" or "Vera"; the subset keeps the name DejaVu Sans.  The source is the Debian
package fonts-dejavu-core (or any DejaVu 2.37 TrueType file given as arguments: regular, bold).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parent.parent / "emulation_vote" / "data" / "fonts"
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B (ơ, ư, đ ...)
    (0x0300, 0x036F),  # combining diacritics
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: the Vietnamese letters with tone marks
    (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
    (0x2030, 0x203A),  # per mille, primes, angle quotes
    (0x20AB, 0x20AC),  # dong and euro signs
    (0x2116, 0x2116),  # numero sign
    (0x2610, 0x2612),  # ballot boxes
    (0x2702, 0x2702),  # scissors (cut lines)
    (0x2713, 0x2718),  # check and cross marks
]


def main() -> None:
    """Subset the regular and bold faces into the package's data folder."""
    regular, bold = (
        (Path(a) for a in sys.argv[1:3])
        if len(sys.argv) > 2
        else (
            SOURCE / "DejaVuSans.ttf",
            SOURCE / "DejaVuSans-Bold.ttf",
        )
    )
    codepoints = [c for start, end in RANGES for c in range(start, end + 1)]
    for source, name in ((regular, "DejaVuSans.ttf"), (bold, "DejaVuSans-Bold.ttf")):
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the copyright and licence records
        options.name_legacy = True
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.layout_features = ["*"]
        options.hinting = False  # printed, not shown on screens: hinting only adds bytes
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / name), options)
        print(f"{TARGET / name}: {(TARGET / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
