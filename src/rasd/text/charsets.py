"""Character classes of Arabic script, as plain data.

Everything here is a set or a mapping of code points; the functions that use them live in
`normalize`, `tokenize` and `sentences`.
"""
from __future__ import annotations

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)
TATWEEL = "\u0640"
# Tanwin (fathatan, dammatan, kasratan): written on nouns and adjectives, never on verbs or names.
TANWEEN = frozenset("\u064b\u064c\u064d")

# Bidirectional controls, zero-width characters and the byte-order mark.
INVISIBLES = frozenset(
    ["\u061C", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u00AD"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

ALEF_FORMS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
              "\u0672": "\u0627", "\u0673": "\u0627"}          # أ إ آ ٱ ٲ ٳ -> ا
HAMZA_CARRIERS = {"\u0624": "\u0648", "\u0626": "\u064A"}       # ؤ -> و, ئ -> ي (search only)
ALEF_MAQSURA = {"\u0649": "\u064A"}                             # ى -> ي
TEH_MARBUTA = {"\u0629": "\u0647"}                              # ة -> ه
PERSIAN_LETTERS = {"\u06A9": "\u0643", "\u06CC": "\u064A", "\u06C1": "\u0647", "\u06D5": "\u0647"}  # ک ی ہ ە

ARABIC_INDIC_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}    # ٠..٩
PERSIAN_DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)}         # ۰..۹

ARABIC_PUNCTUATION = {
    "\u060C": ",",   # ، comma
    "\u061B": ";",   # ؛ semicolon
    "\u061F": "?",   # ؟ question mark
    "\u066A": "%",   # ٪ percent
    "\u066B": ".",   # ٫ decimal separator
    "\u066C": ",",   # ٬ thousands separator
    "\u066D": "*",   # ٭ star
    "\u06D4": ".",   # ۔ full stop
}

# Presentation forms (ligatures and contextual shapes) are folded by NFKC, char by char.
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF01, 0xFF5E))

QUOTE_PAIRS = {"«": "»", "\u201C": "\u201D", "\u201E": "\u201D", '"': '"', "\u2039": "\u203A"}
OPENING_QUOTES = frozenset(QUOTE_PAIRS)
CLOSING_QUOTES = frozenset(QUOTE_PAIRS.values())

SENTENCE_ENDS = frozenset(".!?؟؛;\u06D4…")


def is_arabic_letter(ch: str) -> bool:
    """True for letters of the Arabic block (not digits, punctuation or marks)."""
    o = ord(ch)
    return (0x0621 <= o <= 0x063A or 0x0641 <= o <= 0x064A or 0x0671 <= o <= 0x06D3
            or o == 0x06D5 or 0x06FA <= o <= 0x06FF or 0x0750 <= o <= 0x077F)
