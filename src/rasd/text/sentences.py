"""Sentence splitting for Arabic news.

Boundaries: a line break (news paragraphs are lines), and ``. ! ? ؟ ؛ ; …`` followed by a space or
the end of the line, or glued between two words when the space was left out (``قالوا.وأضاف``).
Not a boundary: a full stop inside a number (2.5) or a URL (no space follows), after an
abbreviation or an initial (د. م. ق.م. أ.), or inside a quotation that closes on the same line
(«… . …» stays one sentence; a quotation that never closes is ignored).

    >>> [text[s:e] for s, e, _ in split_sentences(text := "قال د. أحمد إن النمو بلغ 2.5. وأضاف: «الوضع جيد. والقادم أفضل».")]
    ['قال د. أحمد إن النمو بلغ 2.5.', 'وأضاف: «الوضع جيد. والقادم أفضل».']
"""
from __future__ import annotations

import regex

from .charsets import CLOSING_QUOTES

__all__ = ["ABBREVIATIONS", "split_paragraphs", "split_sentences"]

# Written with a full stop inside a sentence: titles and common abbreviations.
ABBREVIATIONS = frozenset(["د", "م", "أ", "ا", "ج", "ع", "ق", "ق.م", "ص", "ص.ب", "ت", "س", "ش", "هـ.ق",
                           "أ.د", "Dr", "Mr", "Mrs", "Ms", "St", "No", "vs", "etc", "U.S", "U.N"])

# An end mark is followed by a space or the end of the line, or, when the space was left out
# (a scraped page's للجميع.ثم), sits between a word of three letters or more and the next word.
_END = regex.compile(r"[.!?؟؛;…\u06D4]+[\"»”’'\)\]]*(?=\s|$)"
                     r"|(?<=[\u0621-\u064A]{3})[.!?؟؛]+(?=[\u0621-\u064A])")
_LINE = regex.compile(r"[^\n]+")


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of `text[start:end]` as (start, end), trimmed of surrounding spaces."""
    out = []
    for m in _LINE.finditer(text, start, len(text) if end is None else end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


_OPEN = regex.compile(r'[«“„"]')
_CLOSE_OF = {"«": "»", "“": "”", "„": "”", '"': '"'}


def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges inside quotation marks that open and close within [start, end)."""
    ranges = []
    i = start
    while True:
        m = _OPEN.search(text, i, end)
        if not m:
            return ranges
        j = text.find(_CLOSE_OF[m.group()], m.end(), end)
        if j == -1:
            i = m.end()
            continue
        ranges.append((m.end(), j))
        i = j + 1


_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation or an initial?"""
    if text[dot] != ".":
        return False
    space = max(text.rfind(" ", line_start, dot), text.rfind("\n", line_start, dot))
    word = text[space + 1:dot].lstrip("(«\"“")
    if not word:
        return False
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return bool(_INITIALS.fullmatch(word))   # ق.م / U.S


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """Sentences of `text[start:end]` as (start, end, paragraph index), in order."""
    out = []
    for p, (ps, pe) in enumerate(split_paragraphs(text, start, end)):
        quoted = _quoted_ranges(text, ps, pe)
        s = ps
        for m in _END.finditer(text, ps, pe):
            b = m.end()
            first = m.start()
            if any(qs <= first < qe for qs, qe in quoted):
                continue
            if m.group()[0] == "." and len(m.group().rstrip("".join(CLOSING_QUOTES) + ")]'")) == 1 \
                    and _is_abbreviation(text, ps, first):
                continue
            if b - s > 0 and text[s:b].strip():
                out.append((s, b, p))
            s = b
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe, p))
    return out
