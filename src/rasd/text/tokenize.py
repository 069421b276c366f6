"""Clitic-aware tokenization: one token per surface word, with its clitic segments.

`tokenize(text)` returns `RawToken`s with character offsets into `text`. Work that depends only on
the word (normalization, segmentation) is done once per word type and cached, so a long article
costs little more than one regular-expression pass.

    >>> [(t.text, t.segments) for t in tokenize("وبالعراق 2.5%")]
    [('وبالعراق', (('proclitic', 0, 1), ('proclitic', 1, 2), ('proclitic', 2, 4), ('stem', 4, 8))), ('2.5%', (('stem', 0, 4),))]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

from .clitics import segment
from .normalize import normalize, normalize_with_offsets

__all__ = ["RawToken", "TOKEN_PATTERN", "analysis", "analyze_word", "scan", "token_strings", "tokenize"]

_LETTER = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC"
_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
_DIGIT = r"0-9\u0660-\u0669\u06F0-\u06F9"

TOKEN_PATTERN = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"«»]+[^\s<>"«».,;:!?،؛؟)\]]
           |[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}})
  | (?P<number>(?:[وفبل](?=[{_DIGIT}]))?[{_DIGIT}]+(?:[.,\u066B\u066C/:][{_DIGIT}]+)*%?\u066A?)
  | (?P<word>[{_LETTER}\u0640][{_LETTER}{_MARK}]*)
  | (?P<latin>[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*)
  | (?P<punct>\.{{2,}}|[!?؟]{{2,}}|[\-–—_]{{2,}}|[.!?؟…،,؛;:\-–—_"'«»“”„‹›()\[\]{{}}/\\])
  | (?P<symbol>\S)
    """,
    re.VERBOSE,
)


Analysis = tuple  # (kind, norm, stem, segments relative to the token start)


@dataclass(frozen=True, slots=True)
class RawToken:
    start: int
    end: int
    text: str
    kind: str
    norm: str
    stem: str
    segments: tuple[tuple[str, int, int], ...]   # offsets relative to the token start


@lru_cache(maxsize=300_000)
def analyze_word(surface: str) -> tuple[str, str, tuple[tuple[str, int, int], ...]]:
    """(match form, match-form stem, segments relative to the surface) of one Arabic word."""
    bare = normalize_with_offsets(surface, "bare")
    parts = segment(bare.text)
    norm = normalize(bare.text, "match")
    if len(parts) == 1:
        return norm, norm, (("stem", 0, len(surface)),)
    starts = [bare.offsets[s] if s < len(bare.text) else len(surface) for _, s, _ in parts]
    segs = []
    stem = norm
    for i, (kind, s, e) in enumerate(parts):
        a = 0 if i == 0 else starts[i]
        b = starts[i + 1] if i + 1 < len(parts) else len(surface)
        segs.append((kind, a, b))
        if kind == "stem":
            stem = norm[s:e]
    return norm, stem, tuple(segs)


def _analyze(surface: str, kind: str) -> Analysis:
    if kind == "word":
        norm, stem, segs = analyze_word(surface)
    elif kind == "number":
        norm = normalize(surface, "match")
        if surface[0] in "وفبل":
            return kind, norm, norm[1:], (("proclitic", 0, 1), ("stem", 1, len(surface)))
        stem, segs = norm, (("stem", 0, len(surface)),)
    else:
        kind = "latin" if kind == "url" else kind
        norm = normalize(surface, "match")
        stem, segs = norm, (("stem", 0, len(surface)),)
    return kind, norm, stem, segs


# The same pattern without groups, for `findall`, which builds the token strings in C.
_FLAT_PATTERN = re.compile(re.sub(r"\(\?P<\w+>", "(?:", TOKEN_PATTERN.pattern), re.VERBOSE)

_ANALYSES: dict[str, Analysis] = {}
_MAX_CACHE = 500_000


def analysis(surface: str) -> Analysis:
    """The analysis of one token string, made and kept in the shared cache (`scan` reads the cache
    first; so does the C token builder `rasd.text._scan`)."""
    if len(_ANALYSES) > _MAX_CACHE:
        _ANALYSES.clear()
    m = TOKEN_PATTERN.fullmatch(surface)
    info = _ANALYSES[surface] = _analyze(surface, m.lastgroup if m else "symbol")
    return info


def token_strings(text: str) -> list[str]:
    """The token strings of `text`, in order (`scan` without offsets or analyses)."""
    return _FLAT_PATTERN.findall(text)


def scan(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Analysis]]:
    """The fast path: (start, end, analysis) for each token; analyses are shared per word type."""
    out = []
    append = out.append
    cache = _ANALYSES
    get = cache.get
    find = text.find
    pos = start
    for s in _FLAT_PATTERN.findall(text, start, len(text) if end is None else end):
        info = get(s)
        if info is None:
            info = analysis(s)
        pos = find(s, pos)
        e = pos + len(s)
        append((pos, e, info))
        pos = e
    return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[RawToken]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    return [RawToken(s, e, text[s:e], *info) for s, e, info in scan(text, start, end)]
