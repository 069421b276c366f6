"""The quote stage: fills `doc.quotes` (who said what) with `rasd.quotes.extract_quotes`."""
from __future__ import annotations

from ..model import Document
from ..quotes import extract_quotes
from .base import Stage

__all__ = ["QuoteStage"]


class QuoteStage(Stage):
    """Direct, indirect and mixed statements with their cue, content, speaker entity and time."""

    name = "quotes"
    requires = ("sentences", "tokens", "entities", "times")
    provides = ("quotes",)

    def process(self, doc: Document) -> None:
        doc.quotes = extract_quotes(doc)
