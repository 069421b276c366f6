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
    with stream:
        records = ArchiveIterator(stream, arc2warc=True)
        try:
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                if not _is_html(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(MAX_RECORD_BYTES + 1)
                source = f"{name}@{records.offset}"
                if len(data) > MAX_RECORD_BYTES:
                    yield FormatError("an archived page larger than 10 MB was skipped", path=source)
                    continue
                if getattr(record.raw_stream, "limit", 0):    # bytes the record promised but lacks
                    yield FormatError(f"broken WARC archive: the record of {url} is truncated "
                                      f"after {pages} pages", path=source,
                                      remedy="the archive is truncated or corrupt; fetch it again")
                    return
                pages += 1
                try:
                    yield read_html(data, source, doc_id=url or f"{path.stem}-{pages}", url=url,
                                    **options)
                except RasdError as exc:
                    yield exc
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
            yield FormatError(f"broken WARC archive after {pages} pages: {exc}", path=name,
                              remedy="the archive is truncated or corrupt; fetch it again")


def _is_html(record) -> bool:
    headers = record.http_headers
    if headers is not None:
        ctype = (headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    return ctype.startswith(_HTML_TYPES)
