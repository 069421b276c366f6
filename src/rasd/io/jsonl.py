"""JSON Lines input: one article a line, ``{"id", "title", "published", "text", …}``.

The file is read one line at a time, so its size does not matter. A bad line becomes a
`FormatError` naming the file and the line; the lines around it are still read. Fields other than
id, title, published, text, url and outlet are kept in `meta.extra`.
"""
from __future__ import annotations

import json
from typing import IO, Iterator

import regex

from ..errors import FormatError, RasdError, TooLargeError
from ..model import Document, Meta
from .page import read_page

__all__ = ["MAX_LINE_BYTES", "parse_published", "read_jsonl", "record_to_document"]

MAX_LINE_BYTES = 10_000_000
_ISO = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
KNOWN = ("id", "title", "published", "text", "url", "outlet")


def parse_published(value) -> str | None:
    """A publication date from an input field: ``YYYY-MM-DD`` (a time part is ignored) or a date
    rasd can read; None when absent or unreadable."""
    if value is None or value == "":
        return None
    s = str(value)
    m = _ISO.match(s)
    if m:
        y, mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        return None
    try:
        from ..text.dates import parse_date
    except ImportError:
        return None
    parsed = parse_date(s)
    return parsed[0] if parsed and parsed[1] == "day" else None


def record_to_document(record: dict, source: str, fallback_id: str) -> Document:
    """One JSON object to a Document (raises FormatError when it has no usable text)."""
    if not isinstance(record, dict):
        raise FormatError(f"expected a JSON object with a 'text' field, got {type(record).__name__}",
                          path=source)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FormatError("the record has no 'text' (or it is empty)", path=source,
                          remedy="give each line a non-empty 'text' field")
    title = record.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    published = parse_published(record.get("published"))
    meta = Meta(url=record.get("url"), outlet=record.get("outlet"),
                extra={k: v for k, v in record.items() if k not in KNOWN})
    if record.get("published") and published is None:
        meta.extra["published_raw"] = record.get("published")
    doc_id = record.get("id")
    doc = read_page(text, title=title, published=published,
                    doc_id=str(doc_id) if doc_id is not None else fallback_id, source=source, meta=meta)
    return doc


def read_jsonl(stream: IO[bytes], path: str, stem: str) -> Iterator[Document | RasdError]:
    """Documents (or the error of each bad line) from a binary JSON Lines stream."""
    for lineno, raw in enumerate(stream, 1):
        source = f"{path}:{lineno}"
        if len(raw) > MAX_LINE_BYTES:
            yield TooLargeError(f"line is {len(raw):,} bytes (limit {MAX_LINE_BYTES:,})", path=source)
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield FormatError(f"line is not valid UTF-8 (byte {exc.start})", path=source,
                              remedy="save the file as UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield FormatError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=source)
            continue
        try:
            yield record_to_document(record, source, f"{stem}-{lineno}")
        except RasdError as exc:
            yield exc
