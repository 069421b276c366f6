"""Bytes to text: byte-order marks, UTF-8, UTF-16, windows-1256 and ISO-8859-6, and binary files.

`decode(data, path)` returns the text or raises an `InputError` subclass that names the file and
the problem. Legacy Arabic encodings are told apart by how Arabic the decoded text looks.
"""
from __future__ import annotations

from ..errors import BinaryInputError, EmptyInputError, EncodingError

__all__ = ["MAGIC", "decode", "sniff_binary"]

# Signatures of common binary formats a user might point rasd at by mistake.
MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip file (give it a .gz name so rasd decompresses it)",
    b"BZh": "a bzip2 archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3\x00": "an SQLite database",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x01\x00": "an icon",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
}

_ARABIC = range(0x0621, 0x064B)


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file `data` is, or None if it may be text."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if _looks_utf16(head):
        return None
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        return "a binary file (it contains control bytes)"
    return None


def _looks_utf16(head: bytes) -> bool:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    n = max(1, len(head) // 2)
    return (odd / n > 0.3 and even / n < 0.05) or (even / n > 0.3 and odd / n < 0.05) or \
        _arabic_utf16(head)


def _arabic_utf16(head: bytes) -> bool:
    # Arabic in UTF-16: every other byte is 0x06.
    n = max(1, len(head) // 2)
    return head[1::2].count(6) / n > 0.3 or head[0::2].count(6) / n > 0.3


def _arabic_score(text: str) -> float:
    """Share of letters that are Arabic letters, with a bonus for the article ال."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for c in letters if ord(c) in _ARABIC)
    return arabic / len(letters) + min(text.count(" ال"), 50) / 500


def decode(data: bytes, path: str | None = None) -> str:
    """Decode the bytes of one input file to text, or raise an error naming `path`."""
    if not data.strip():
        raise EmptyInputError("the input is empty", path=path)
    what = sniff_binary(data)
    if what:
        raise BinaryInputError(f"this is {what}, not text", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if _looks_utf16(data[:4096]):
        enc = "utf-16-le" if data[1::2][:2048].count(0) > data[0::2][:2048].count(0) else "utf-16-be"
        if _arabic_utf16(data[:4096]):
            enc = "utf-16-le" if data[1::2][:2048].count(6) > data[0::2][:2048].count(6) else "utf-16-be"
        return _strict(data, enc, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best, best_score = None, 0.0
    for enc in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _arabic_score(text)
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score >= 0.6:
        return best
    raise EncodingError(
        f"not valid UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 1]!r}) "
        "and not Arabic text in windows-1256 or ISO-8859-6", path=path)


def _strict(data: bytes, encoding: str, path: str | None) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid {encoding.upper()} (byte {exc.start})", path=path) from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyInputError("the input is empty", path=path)
    return text
