"""Quotation marks: which marks open and close a quotation inside one paragraph.

Guillemets « » and curly quotes “ ” say which way they face. A straight quote ``"`` is read from its
neighbours: after a space and before a letter it opens, after a letter and before a space it closes,
otherwise it toggles. An opening mark met while a quotation of the same family is already open
continues it (news often reopens a long quotation at each new sentence without closing it), and a
quotation still open at the end of the paragraph ends there.

    >>> text = 'قال: "نحن هنا. "وسنبقى". انتهى'
    >>> [(text[a:b]) for a, b in quotations(text, 0, len(text))]
    ['نحن هنا. "وسنبقى']
"""
from __future__ import annotations

import re

__all__ = ["OPENERS", "QUOTE_CHARS", "quotations"]

_PAIRS = {"«": "»", "“": "”", "„": "”", "‹": "›"}
OPENERS = frozenset(_PAIRS) | {'"'}
QUOTE_CHARS = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | {'"', "'"}
_FAMILY = {"«": "«", "»": "«", "“": "“", "”": "“", "„": "“", "‹": "‹", "›": "‹", '"': '"'}
_OPEN_BEFORE = set(" \t\n([{:،,؛;-–—/«“") | {""}
_CLOSE_AFTER = set(" \t\n)]}.،,؛;:!?؟…-–—»”") | {""}
_MARK = re.compile('[«»“”„‹›"]')


def _straight_direction(text: str, i: int, start: int, end: int, inside: bool) -> str:
    left = text[i - 1] if i > start else ""
    right = text[i + 1] if i + 1 < end else ""
    opens = left in _OPEN_BEFORE and right not in _CLOSE_AFTER
    closes = right in _CLOSE_AFTER and left not in _OPEN_BEFORE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if inside else "open"


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner spans `[a, b)` of the quotations in `text[start:end]` (marks excluded), in order."""
    out: list[tuple[int, int]] = []
    family = None          # family of the open quotation, or None
    opened = -1
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        fam = _FAMILY[ch]
        if ch == '"':
            direction = _straight_direction(text, i, start, end, family == '"')
        else:
            direction = "open" if ch in _PAIRS else "close"
            if ch in "«»":
                # some outlets write the guillemets the other way round: »…«
                seen = _straight_direction(text, i, start, end, family == "«")
                left = text[i - 1] if i > start else ""
                right = text[i + 1] if i + 1 < end else ""
                if direction == "close" and family is None and seen == "open" and right.isalpha():
                    direction = "open"
                elif direction == "open" and family == "«" and left.isalpha() and not right.isalpha():
                    direction = "close"
        if family is None:
            if direction == "open":
                family, opened = fam, i + 1
        elif fam == family and direction == "close":
            out.append((opened, i))
            family = None
        # an opening mark of the open family continues the quotation; other marks are text
    if family is not None and opened < end:
        out.append((opened, end))
    return out
