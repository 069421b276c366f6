"""Text stages: sentences and clitic-aware tokens."""
from __future__ import annotations

from ..model import Document, Segment, Sentence, Token
from ..text.sentences import split_sentences
from ..text import tokenize
from ..text.tokenize import scan
from .base import Stage

_SCAN_ABI = 1                        # the C module's version (ABI in text/_scan.c)
try:
    from ..text import _scan
except ImportError:                  # built without a C compiler: the Python loop below
    _scan = None
if _scan is not None and getattr(_scan, "ABI", None) != _SCAN_ABI:
    _scan = None                     # left over from an older source: rebuild with setup.py

__all__ = ["SentenceStage", "TokenStage"]


class SentenceStage(Stage):
    """Splits each section into sentences; a sentence never crosses a section or a line."""

    name = "sentences"
    requires = ("text", "sections")
    provides = ("sentences",)

    def process(self, doc: Document) -> None:
        out = []
        sections = doc.sections or []
        if not sections:
            spans = [(0, len(doc.text), "body")]
        else:
            spans = [(s.start, s.end, s.kind) for s in sections if s.kind != "credit"]
        paragraph = -1
        last_line = None
        for start, end, kind in spans:
            for s, e, p in split_sentences(doc.text, start, end):
                key = (start, p)
                if key != last_line:
                    paragraph += 1
                    last_line = key
                out.append(Sentence(s, e, kind, paragraph))
        doc.sentences = out


class TokenStage(Stage):
    """One token per surface word, number or mark, with clitic segments, over the whole text."""

    name = "tokens"
    requires = ("text",)
    provides = ("tokens",)

    def process(self, doc: Document) -> None:
        if _scan is not None:
            doc.tokens = _scan.tokens(doc.text, tokenize.token_strings(doc.text), tokenize._ANALYSES,
                                      tokenize.analysis, Token, Segment)
            return
        tokens = []
        append = tokens.append
        new = tuple.__new__      # Token(...) without the Python-level __new__ call: same object
        for start, end, (kind, norm, stem, segs) in scan(doc.text):
            if len(segs) > 1:
                append(new(Token, (start, end, kind, norm, stem,
                                   tuple([new(Segment, (start + a, start + b, k)) for k, a, b in segs]))))
            else:
                append(new(Token, (start, end, kind, norm, stem, ())))
        doc.tokens = tokens
