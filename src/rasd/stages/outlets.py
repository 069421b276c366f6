"""News outlets named where news names its sources: the byline and "said to «…»".

Two places in an Arabic news article name a newspaper, site or channel that the tagger has
rarely seen, whatever its name:
- the byline that opens the body, reporter, outlet and town separated by dashes, before a colon
  or alone on its line: ``فهد العتيبي - [سبق] - الطائف :``، ``[سبق]- جدة:``، ``لجين الأحمدي – [عين اليوم]``;
- the outlet a statement was made to, in quotation marks after ل: ``قال مختصون … لـ «[اليوم]» إن``،
  ``في مداخلة هاتفية ل "[ثقافة اليوم]"``.

Both functions take the document's tokens (and their norms or start offsets) and a `span_at(k)` giving the mention that covers token k
as ``(label, i, j)`` (None: no mention), and return the token ranges ``(i, j)`` of the outlets to
add as ORG. An outlet may hold a place the tagger marked (نبض [الخليج]): the caller replaces it.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import Callable, Optional, Sequence

from ..model import Document, Token
from ..ner.features import cue_classes
from ..text.dates import month_of
from ..text.normalize import normalize

__all__ = ["SpanAt", "byline_outlets", "outlets_spoken_to"]

_DASHES = frozenset("-–—")
_QUOTES_OPEN = frozenset('"«“')
_QUOTES_CLOSE = frozenset('"»”')
_TO = frozenset(["ل", "لـ"])
# words of a byline that name no outlet: "exclusive", "follow-up", "agencies", "translation" …
_NO_OUTLET = frozenset(normalize(w, "match") for w in (
    "خاص", "خاص ب", "متابعة", "متابعات", "وكالات", "الوكالات", "ترجمة", "تقرير", "تحرير", "رصد",
    "مراسل", "مراسلنا", "مراسلون", "صحف", "الصحف", "محرر", "المحرر", "بيان", "اليوم", "أمس"))
_WEEKDAYS = frozenset(normalize(w, "match") for w in (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
# nouns of a statement made to someone (في تصريح لـ«…»، في حديث لـ«…»)
_STATEMENT_NOUNS = frozenset(normalize(w, "match") for w in (
    "تصريح", "تصريحات", "حديث", "مداخلة", "مقابلة", "حوار", "لقاء"))
_BYLINE_MAX_WORDS = 8
_SEGMENT_MAX_WORDS = 3
_OUTLET_MAX_WORDS = 4
_LOOK_BACK = 8

SpanAt = Callable[[int], Optional[tuple[str, int, int]]]


def _is(span_at: SpanAt, seg: list[int], labels: tuple[str, ...]) -> bool:
    """Is the segment exactly one mention with one of `labels`?"""
    got = span_at(seg[0])
    return got is not None and got[0] in labels and got[1] == seg[0] and got[2] == seg[-1] + 1


def _free(span_at: SpanAt, i: int, j: int) -> bool:
    """Does no person, and no mention reaching out of [i, j), cover a token of [i, j)?"""
    for k in range(i, j):
        got = span_at(k)
        if got is not None and (got[0] == "PER" or got[1] < i or got[2] > j):
            return False
    return True


def _first_body_start(doc: Document) -> int:
    for s in doc.sections or []:
        if s.kind == "body":
            return s.start
    return 0


def byline_outlets(doc: Document, tokens: Sequence[Token], starts: Sequence[int], span_at: SpanAt
                   ) -> list[tuple[int, int]]:
    """The outlet of the byline that opens the body (see the module docstring): the one dash-
    separated segment that is no person or place, when the others are. `starts` are the tokens'
    start offsets."""
    text = doc.text
    start = _first_body_start(doc)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(":", start, line_end)
    end = colon if colon >= 0 else line_end
    first = bisect_left(starts, start)
    toks = list(range(first, bisect_left(starts, end)))
    toks = [k for k in toks if tokens[k].end <= end]
    if not toks or sum(tokens[k].kind == "word" for k in toks) > _BYLINE_MAX_WORDS:
        return []
    if colon < 0 and line_end - start > 80:
        return []
    segments: list[list[int]] = [[]]
    for k in toks:
        if text[tokens[k].start:tokens[k].end] in _DASHES:
            segments.append([])
        elif tokens[k].kind == "word":
            segments[-1].append(k)
        else:
            return []                              # digits, brackets, commas: no byline
    if len(segments) < 2 or any(not 1 <= len(s) <= _SEGMENT_MAX_WORDS for s in segments):
        return []
    known = [s for s in segments if _is(span_at, s, ("PER", "LOC", "GPE"))]
    unknown = [s for s in segments if not _is(span_at, s, ("PER", "LOC", "GPE"))]
    if len(unknown) != 1 or not known or not _free(span_at, unknown[0][0], unknown[0][-1] + 1):
        return []
    seg = unknown[0]
    words = [tokens[k].norm for k in seg]
    if " ".join(words) in _NO_OUTLET or any(w in _WEEKDAYS or month_of(w) for w in words):
        return []
    return [(seg[0], seg[-1] + 1)]


def outlets_spoken_to(text: str, tokens: Sequence[Token], norms: Sequence[str], span_at: SpanAt,
                      bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names in quotation marks after ل that a statement was made to (see the module docstring):
    a verb of saying or a statement noun stands within eight words before, in the sentence.
    `norms` are the tokens' ``norm``s, `bounds` the token ranges of the sentences."""
    out: list[tuple[int, int]] = []
    at = list(compress(range(len(norms)), map(_TO.__contains__, norms)))
    if not at:
        return out
    for a, b in bounds:
        for k in at[bisect_left(at, a + 1):bisect_left(at, b - 2)]:
            if text[tokens[k + 1].start:tokens[k + 1].end] not in _QUOTES_OPEN:
                continue
            j = k + 2
            while j < b and tokens[j].kind == "word" and j - k - 2 < _OUTLET_MAX_WORDS:
                j += 1
            if j == k + 2 or j >= b or text[tokens[j].start:tokens[j].end] not in _QUOTES_CLOSE:
                continue
            if _is(span_at, list(range(k + 2, j)), ("ORG",)) or not _free(span_at, k + 2, j):
                continue
            said = any(tokens[x].norm in _STATEMENT_NOUNS or "SAY" in (cue_classes(tokens[x].stem) or "")
                       for x in range(max(a, k - _LOOK_BACK), k))
            if said:
                out.append((k + 2, j))
    return out
