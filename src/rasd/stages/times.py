"""The times stage: Arabic time expressions, resolved to ISO 8601 against the publication date.

When `doc.meta.published` is None the stage first looks for the publication date on the page (a
dateline section, an ``آخر تحديث`` line — relative dates in an updated article are the update's —,
a ``نشر في``/``بتاريخ`` line, a Hijri date ``الموافق`` a Gregorian one, or a date on a short line of
its own near the top) and, if found, sets `meta.published` with ``published_source = "page"``.
A date given by the input or an option is never overwritten.
"""
from __future__ import annotations

import datetime as dt

import regex

from ..model import Document, TimeExpression
from ..text.dates import parse_date
from ..text.timeres import resolve_times
from .base import Stage

__all__ = ["TimeStage", "page_date"]

_LABELLED = regex.compile(r"(?:نشر\s*(?:في|بتاريخ)|تاريخ\s+النشر|بتاريخ|تم\s+نشره?|published)\s*:?",
                          regex.IGNORECASE)
_UPDATED = regex.compile(r"(?:آخر|اخر)\s+تحديث|updated", regex.IGNORECASE)
_CORRESPONDING = regex.compile(r"الموافق|الموافق\s+ل")
_TRAILING = frozenset("\u0640") | frozenset(chr(c) for c in range(0x064B, 0x0653))
_HEAD_LINES = 25
_SHORT_LINE = 50


def _day(text: str) -> str | None:
    hit = parse_date(text)
    return hit[0] if hit and hit[1] == "day" else None


def page_date(doc: Document) -> str | None:
    """The publication date written on the page itself (YYYY-MM-DD), or None."""
    for s in doc.sections:
        if s.kind == "dateline":
            value = _day(doc.text[s.start:s.end])
            if value:
                return value
    lines = [ln.strip() for ln in doc.text[:4000].splitlines() if ln.strip()][:_HEAD_LINES]
    # The last update comes first: relative dates in an updated article (أمس، الأحد) are the update's.
    for label in (_UPDATED, _LABELLED):               # آخر تحديث …, نشر في: …
        for ln in lines:
            m = label.search(ln)
            if m:
                value = _day(ln[m.end():m.end() + 80])
                if value:
                    return value
    for ln in lines:                                  # 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م
        m = _CORRESPONDING.search(ln)
        if m:
            value = _day(ln[m.end():m.end() + 60])
            if value:
                return value
    for ln in lines:                                  # a date on a short line of its own
        if len(ln) <= _SHORT_LINE:
            value = _day(ln)
            if value:
                return value
    return None


class TimeStage(Stage):
    """Finds time expressions (absolute, numeric, Hijri, relative) and resolves them.

    Options: `weeks` (default False) also emits week expressions (الأسبوع الماضي) with grain
    ``week`` and an ISO week value; the gold annotates only days, months and years."""

    name = "times"
    requires = ("sentences", "tokens")
    provides = ("times",)

    def __init__(self, weeks: bool = False, page: bool = True):
        self.weeks = weeks
        self.page = page

    def process(self, doc: Document) -> None:
        meta = doc.meta
        if meta.published is None and self.page:
            found = page_date(doc)
            if found:
                meta.published = found
                meta.published_source = "page"
        anchor = None
        if meta.published:
            try:
                anchor = dt.date.fromisoformat(meta.published[:10])
            except ValueError:
                anchor = None
        norm = doc.norm
        out = []
        for i, r in enumerate(resolve_times(norm.text, anchor, weeks=self.weeks), 1):
            start, end = norm.to_source(r.start, r.end)
            while end < len(doc.text) and doc.text[end] in _TRAILING:
                end += 1                                  # هـ: keep the tatweel the normalizer dropped
            out.append(TimeExpression(f"t{i}", start, end, r.value, r.grain, r.calendar, r.anchor,
                                      r.note))
        doc.times = out
