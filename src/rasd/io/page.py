"""A raw scraped news page, as plain text, to a `Document` with its zones marked.

Pages copied from a news site carry more than the article: the title (often twice), a dateline,
a photo caption ending with its agency credit "(الأناضول)", widgets such as "+ الخط -", share
buttons, "اقرأ أيضا" links, footers, and pull-quote subheadings between paragraphs. `read_page`
keeps the article lines verbatim, drops page furniture and repeated titles, and records every kept
line as a `Section` (title, dateline, caption, credit, subheading, body) so that later stages know
what they are reading and nothing is counted twice.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import resources
from ..model import Document, Meta, Section
from ..text.normalize import normalize

__all__ = ["read_page", "is_debris"]

_CREDIT = regex.compile(r"\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*$")
_CAPTION_START = regex.compile(r"^\(?\s*(?:صورة|الصورة|صور|من\s+الأرشيف|أرشيفية|صورة\s+أرشيفية)\b")
_SENTENCE_END = regex.compile(r"[.!?؟:؛;…»\"”]\s*$")
_DATELINE_CUE = regex.compile(r"^(?:نشر(?:ت)?\s+(?:في|بتاريخ)|تاريخ\s+النشر|بتاريخ|آخر\s+تحديث|تم\s+النشر)\s*[:：]?\s*")
_ARABIC = regex.compile(r"[\u0621-\u064A]")
_YEAR_ONLY = regex.compile(r"^[^.،,:؛]*\b(?:19|20|14)\d\d\b[^.،,:؛]*$")

TITLE_MAX_WORDS = 30
SUBHEADING_MAX_WORDS = 12
HEADER_LINES = 6


@lru_cache(maxsize=1)
def _debris_patterns() -> regex.Pattern:
    parts = [f"(?:{p})" for p in resources.read_lines("page/debris.txt")]
    return regex.compile(r"^(?:" + "|".join(parts) + r")$", regex.IGNORECASE)


def is_debris(line: str) -> bool:
    """Is this stripped line page furniture (a widget, a share bar, a footer, a bare timestamp)?"""
    if not line:
        return False
    if _debris_patterns().match(line):
        return True
    return not _ARABIC.search(line) and _n_words(line) <= 4 and not any(c.isdigit() for c in line)


def _key(line: str) -> str:
    return " ".join(normalize(line, "match").split())


def _n_words(line: str) -> int:
    return len(line.split())


def _parse_date(line: str):
    try:
        from ..text.dates import parse_date
    except ImportError:  # the time layer is optional for reading
        return None
    return parse_date(line)


def _dateline(line: str):
    """(ISO date or None) if this short line is a dateline, else False."""
    if _n_words(line) > 12:
        return False
    stripped = _DATELINE_CUE.sub("", line)
    parsed = _parse_date(stripped)
    if parsed and parsed[1] == "day":
        return parsed[0]
    if stripped != line:
        return parsed[0] if parsed else None
    if _n_words(line) <= 6 and _YEAR_ONLY.search(line):
        return None          # a date we cannot read: still a dateline, not body text
    return False


_PLACE_SOURCE = regex.compile(r"^([\p{Arabic}\s]{2,30}?)\s*[-–—/]\s*([\p{Arabic}\p{Latin}.\s]{2,30}?)\s*:?$")


def _place_and_source(line: str) -> bool:
    """Is this short header line a place and the agency or correspondent that reports from it
    (غزة - الأناضول، الرياض - واس، بيروت – رويترز): two parts of one to three words each, the first
    a place the gazetteers know?"""
    m = _PLACE_SOURCE.match(line)
    if not m or not all(1 <= _n_words(part) <= 3 for part in m.groups()):
        return False
    from ..resources import gazetteers as gz          # (a byline, ياسر الحربي – عين اليوم, is no place)
    norms = normalize(m.group(1), "match").split()
    found = gz.match_ranges(norms, [(0, len(norms))])[0]
    return any(mt.start == 0 and mt.end == len(norms) and mt.entry.kind in gz.PLACE_KINDS for mt in found)


def read_page(text: str, *, title: str | None = None, published: str | None = None,
              doc_id: str = "", source: str | None = None, meta: Meta | None = None) -> Document:
    """Read a page of plain text. A known `title` is put first and its copies in the page dropped;
    otherwise the first line is taken as the title when it looks like one."""
    meta = meta or Meta()
    meta.source = source if source is not None else meta.source
    if published:
        meta.published = published
        meta.published_source = meta.published_source or "input"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds: list[str | None] = [None] * len(lines)   # None = dropped
    content = [i for i, raw in enumerate(lines) if raw.strip()]

    title_key = _key(title) if title else None
    if title is None and content:
        first = lines[content[0]].strip()
        nxt = lines[content[1]].strip() if len(content) > 1 else ""
        if (_n_words(first) <= TITLE_MAX_WORDS and not is_debris(first)
                and (_key(first) == _key(nxt) or not first.endswith((".", "،", ","))) and len(content) > 1
                and _dateline(first) is False):
            title = first
            title_key = _key(first)
            kinds[content[0]] = "title"
    seen_caption = False
    body_started = False
    for n, i in enumerate(content):
        if kinds[i] == "title":
            continue
        line = lines[i].strip()
        if title_key and abs(len(line) - len(title_key)) <= len(title_key) // 3 + 2 \
                and _key(line) == title_key:
            continue                                      # a repeated title
        in_header = not body_started and n <= HEADER_LINES
        d = _dateline(line) if in_header else False
        if d is not False:
            kinds[i] = "dateline"
            meta.dateline = meta.dateline or line
            if d and not meta.published:
                meta.published, meta.published_source = d, "page"
            continue
        if in_header and _place_and_source(line):
            kinds[i] = "dateline"                       # غزة - الأناضول، الرياض - واس
            meta.dateline = meta.dateline or line
            continue
        if is_debris(line):
            continue
        credit = _CREDIT.search(line)
        if in_header and not seen_caption and (
                (credit and _n_words(credit.group(1)) <= 4 and not _SENTENCE_END.search(line[:credit.start()])
                 and not line.startswith(("قال", "وقال")))
                or _CAPTION_START.match(line)):
            kinds[i] = "caption"
            seen_caption = True
            continue
        if body_started and _is_subheading(line, lines, content, n):
            kinds[i] = "subheading"
            continue
        kinds[i] = "body"
        body_started = True
    return _assemble(lines, kinds, title if kinds.count("title") == 0 else None, meta, doc_id)


def _is_subheading(line: str, lines: list[str], content: list[int], n: int) -> bool:
    if _n_words(line) > SUBHEADING_MAX_WORDS or _SENTENCE_END.search(line):
        return False
    if n + 1 >= len(content):
        return False
    nxt = lines[content[n + 1]].strip()
    return _n_words(nxt) > SUBHEADING_MAX_WORDS


def _assemble(lines: list[str], kinds: list[str | None], title: str | None, meta: Meta,
              doc_id: str) -> Document:
    parts: list[str] = []
    sections: list[Section] = []
    pos = 0
    if title:
        parts.append(title)
        sections.append(Section("title", 0, len(title)))
        pos = len(title)
        meta.title = title
    blank = False
    for raw, kind in zip(lines, kinds):
        if kind is None:
            blank = blank or not raw.strip()
            continue
        after_title = bool(sections) and sections[-1].kind == "title"
        sep = ("\n\n" if blank or after_title else "\n") if parts else ""
        parts.append(sep)
        pos += len(sep)
        blank = False
        line = raw.rstrip()
        lead = len(line) - len(line.lstrip())
        parts.append(line)
        start, end = pos + lead, pos + len(line)
        pos += len(line)
        if kind == "title":
            meta.title = meta.title or line.strip()
        if kind == "caption":
            _caption_sections(line, start, end, sections, meta)
            continue
        if kind == "subheading":
            meta.subheadings.append(line.strip())
        sections.append(Section(kind, start, end))
    text = "".join(parts)
    return Document(text=text, id=doc_id, meta=meta, sections=sections)


def _caption_sections(line: str, start: int, end: int, sections: list[Section], meta: Meta) -> None:
    credit = _CREDIT.search(line)
    stripped = line.strip()
    if credit:
        c_start = start + (credit.start(1) - (len(line) - len(line.lstrip())))
        c_end = c_start + len(credit.group(1))
        cap_end = start + len(line[:credit.start()].strip())
        sections.append(Section("caption", start, cap_end))
        sections.append(Section("credit", c_start, c_end))
        meta.caption = stripped[: cap_end - start]
        meta.credits.append(credit.group(1).strip())
    else:
        sections.append(Section("caption", start, end))
        meta.caption = stripped
