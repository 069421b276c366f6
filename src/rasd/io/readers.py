"""Turn inputs (paths, folders, stdin, strings) into `Document`s.

`read_path` walks files and folders and yields, in order, a `Document` for every article read or
the `RasdError` of every input that failed, so that one bad file never stops the others.

| input                         | reader                                               |
|-------------------------------|------------------------------------------------------|
| ``.txt``, no extension        | `io.page.read_page`: one raw page or article          |
| ``.jsonl``, ``.ndjson``       | `io.jsonl.read_jsonl`: one article a line, streamed   |
| ``.json``                     | one article object, or a list of them                 |
| ``.html``, ``.htm``           | `io.html.read_html` (trafilatura)                     |
| ``.warc``, ``.warc.gz``       | `io.warc.iter_warc`                                   |
| ``X.gz``                      | decompressed, then read as ``X``                      |
"""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import FormatError, InputError, NotFoundError, RasdError, TooLargeError
from ..model import Document
from .decode import decode
from .jsonl import parse_published, read_jsonl, record_to_document
from .page import read_page

__all__ = ["MAX_ARTICLE_BYTES", "iter_files", "read_bytes", "read_path", "read_paths", "read_text"]

MAX_ARTICLE_BYTES = 10_000_000   # one article file; JSON Lines and WARC files are streamed instead
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".json", ".warc", ".gz", ".arc"}


def read_text(text: str, *, title: str | None = None, published: str | None = None,
              doc_id: str = "", source: str = "-") -> Document:
    """One article given as a string (raw page text or a clean body)."""
    if not text.strip():
        from ..errors import EmptyInputError
        raise EmptyInputError("the text is empty", path=source)
    return read_page(text, title=title, published=parse_published(published), doc_id=doc_id or "doc",
                     source=source)


def iter_files(path: Path) -> Iterator[Path]:
    """Files under a folder, sorted, skipping hidden ones and unknown extensions; or the file itself."""
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                p = Path(root) / name
                if not name.startswith(".") and _suffix(p) in KNOWN_SUFFIXES | {".warc.gz"}:
                    yield p
    else:
        yield path


def _suffix(p: Path) -> str:
    name = p.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return p.suffix.lower()


def read_paths(paths: Iterable[str | Path], **options) -> Iterator[Document | RasdError]:
    for p in paths:
        yield from read_path(p, **options)


def read_path(path: str | Path, *, published: str | None = None) -> Iterator[Document | RasdError]:
    """Every article under `path` (a file or folder), or the error of each input that failed.
    `published` (YYYY-MM-DD) overrides the publication date of every document."""
    path = Path(path)
    if str(path) == "-":
        yield from _override(read_stream(io.BufferedReader(_stdin()), "-"), published)
        return
    if not path.exists():
        yield NotFoundError("no such file or folder", path=str(path))
        return
    for f in iter_files(path):
        yield from _override(_read_file(f), published)


def _stdin() -> IO[bytes]:
    import sys
    return sys.stdin.buffer


def _override(items: Iterator[Document | RasdError], published: str | None):
    for item in items:
        if published and isinstance(item, Document):
            item.meta.published = published
            item.meta.published_source = "option"
        yield item


def read_stream(stream: IO[bytes], name: str) -> Iterator[Document | RasdError]:
    """Standard input or another stream: JSON Lines if it starts with ``{``, else one article."""
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl(stream, name, "stdin")
    else:
        yield from read_bytes(stream.read(MAX_ARTICLE_BYTES + 1), name)


def read_bytes(data: bytes, name: str, suffix: str | None = None) -> Iterator[Document | RasdError]:
    """One input held in memory, read by its suffix (or by sniffing when unknown)."""
    stem = Path(name).stem or "doc"
    suffix = suffix if suffix is not None else _suffix(Path(name))
    try:
        if len(data) > MAX_ARTICLE_BYTES and suffix not in JSONL_SUFFIXES:
            raise TooLargeError(f"the file is {len(data) / 1e6:.1f} MB; one article file may be at most "
                                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB", path=name)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(io.BytesIO(data), name, stem)
            return
        if suffix == ".json":
            yield from _read_json(data, name, stem)
            return
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and data.lstrip()[:1] == b"<"):
            from .html import read_html
            yield read_html(data, name)
            return
        text = decode(data, name)
        yield read_page(text, doc_id=stem, source=name)
    except RasdError as exc:
        yield exc


def _read_json(data: bytes, name: str, stem: str) -> Iterator[Document | RasdError]:
    try:
        value = json.loads(decode(data, name))
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=name)
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records, 1):
        try:
            yield record_to_document(record, f"{name}#{i}" if len(records) > 1 else name,
                                     f"{stem}-{i}" if len(records) > 1 else stem)
        except RasdError as exc:
            yield exc


def _read_file(path: Path) -> Iterator[Document | RasdError]:
    suffix = _suffix(path)
    name = str(path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc"):
            from .warc import iter_warc
            yield from iter_warc(path)
            return
        if suffix == ".gz":
            inner = Path(path.stem)
            if _suffix(inner) in JSONL_SUFFIXES:
                with gzip.open(path, "rb") as f:
                    yield from _guard_gzip(read_jsonl(f, name, inner.stem), name)
                return
            yield from read_bytes(_gunzip(path), name, _suffix(inner))
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from read_jsonl(f, name, path.stem)
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise TooLargeError(f"the file is {size / 1e6:.1f} MB; one article file may be at most "
                                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB", path=name)
        yield from read_bytes(path.read_bytes(), name, suffix)
    except RasdError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read the file: {exc.strerror or exc}", path=name)


def _gunzip(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as f:
            data = f.read(MAX_ARTICLE_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise FormatError(f"broken gzip file: {exc}", path=str(path),
                          remedy="the file is truncated or not gzip; fetch it again") from None
    return data


def _guard_gzip(items: Iterator[Document | RasdError], name: str) -> Iterator[Document | RasdError]:
    try:
        yield from items
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield FormatError(f"broken gzip file: {exc} (the records before it were read)", path=name,
                          remedy="the file is truncated or not gzip; fetch it again")
