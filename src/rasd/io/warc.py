"""WARC archives (``.warc``, ``.warc.gz``): every archived HTML page to a `Document`.

Response (and resource) records whose payload is HTML are read with `io.html.read_html`; other
records (requests, metadata, images, scripts) are skipped. A page with no article becomes a
`FormatError` for that record; a truncated or corrupt archive becomes one `FormatError` after the
records read before the damage. Each document's id is the page URL and its source is
``ARCHIVE@OFFSET`` (the record's byte offset in the archive).
"""
from __future__ import annotations

import zlib
from pathlib import Path
from typing import Iterator

from ..errors import FormatError, NotFoundError, RasdError
from ..model import Document

__all__ = ["MAX_RECORD_BYTES", "iter_warc"]

MAX_RECORD_BYTES = 10_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str | Path, **options) -> Iterator[Document | RasdError]:
    """Every HTML page in a WARC file (plain or gzip), or the error of each page that failed."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    name = str(path)
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        yield NotFoundError("no such file", path=name)
        return
    except OSError as exc:
        yield FormatError(f"cannot read the archive: {exc.strerror or exc}", path=name)
        return
    from .html import read_html
    pages = 0
    last_start = last_end = 0
    with stream:
        records = ArchiveIterator(stream, arc2warc=True)
        try:
            for record in records:
                html = record.rec_type in ("response", "resource") and _is_html(record)
                data = record.content_stream().read(MAX_RECORD_BYTES + 1) if html else b""
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{name}@{records.offset}"
                last_start = records.get_record_offset()          # reads the record to its end
                last_end = last_start + records.get_record_length()
                if getattr(record.raw_stream, "limit", 0):         # bytes promised but missing
                    yield FormatError(f"broken WARC archive: the record of {url} is truncated "
                                      f"after {pages} pages", path=source,
                                      remedy="the archive is truncated or corrupt; fetch it again")
                    return
                if not html:
                    continue
                if len(data) > MAX_RECORD_BYTES:
                    yield FormatError("an archived page larger than 10 MB was skipped", path=source)
                    continue
                pages += 1
                try:
                    yield read_html(data, source, doc_id=url or f"{path.stem}-{pages}", url=url,
                                    **options)
                except RasdError as exc:
                    yield exc
                except Exception as exc:      # a page the HTML parser chokes on
                    yield FormatError(f"cannot read this archived page: {type(exc).__name__}: {exc}",
                                      path=source)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError,
                KeyError, IndexError, TypeError) as exc:
            yield FormatError(f"broken WARC archive after {pages} pages: {exc}", path=name,
                              remedy="the archive is truncated or corrupt; fetch it again")
            return
        if _trailing_garbage(stream, last_end) or not _gzip_member_whole(stream, last_start, last_end):
            yield FormatError(f"broken WARC archive: a truncated record follows the {pages} pages read",
                              path=name, remedy="the archive is truncated or corrupt; fetch it again")


def _gzip_member_whole(stream, start: int, end: int) -> bool:
    """For a gzip archive: does the last record's gzip member end with its trailer?"""
    try:
        stream.seek(start)
        head = stream.read(2)
        if head != b"\x1f\x8b":
            return True                     # not gzip
        stream.seek(start)
        d = zlib.decompressobj(wbits=31)
        d.decompress(stream.read(end - start))
        return d.eof
    except (OSError, ValueError, zlib.error):
        return False


def _trailing_garbage(stream, end: int) -> bool:
    """Does the file hold more than blank lines after the last whole record (a cut record)?"""
    try:
        stream.seek(end)
        return bool(stream.read(1 << 16).strip(b" \t\r\n"))
    except (OSError, ValueError):
        return False


def _is_html(record) -> bool:
    headers = record.http_headers
    if headers is not None:
        ctype = (headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    return ctype.startswith(_HTML_TYPES)
