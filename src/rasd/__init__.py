"""rasd (رصد): Arabic news to structured, verifiable knowledge.

    >>> import rasd
    >>> doc = rasd.analyze("path/to/article.txt")            # or the text itself
    >>> for q in doc.quotes:
    ...     print(doc.entity(q.speaker), q.content.text(doc))
    >>> doc.to_json()

`Pipeline` runs any chain of stages; `read_path` turns files and folders into documents.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import analyze, analyze_path
from .errors import RasdError
from .io.readers import read_path, read_text
from .model import (Document, Entity, Event, Meta, Mention, Place, Quote, Section, Segment, Sentence,
                    Span, TimeExpression, Token)
from .pipeline import Pipeline
from .serialize import document_from_dict, validate

__all__ = [
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Meta",
    "Pipeline",
    "Place",
    "Quote",
    "RasdError",
    "Section",
    "Segment",
    "Sentence",
    "Span",
    "TimeExpression",
    "Token",
    "__version__",
    "analyze",
    "analyze_path",
    "document_from_dict",
    "read_path",
    "read_text",
    "validate",
]
