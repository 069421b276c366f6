"""The Python entry points: `analyze` one article, `analyze_path` many."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import InputError, RasdError
from .io.readers import read_path, read_text
from .model import Document
from .pipeline import Pipeline

__all__ = ["analyze", "analyze_path", "default_pipeline"]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The full pipeline, built once per process."""
    return Pipeline()


def _looks_like_path(value) -> bool:
    if isinstance(value, Path):
        return True
    return (isinstance(value, str) and "\n" not in value and len(value) < 4096
            and os.path.exists(value))


def analyze(text_or_path: str | Path, *, title: str | None = None, published: str | None = None,
            id: str = "", pipeline: Pipeline | None = None) -> Document:
    """Analyze one article: a string of text (a clean body or a raw scraped page) or the path of a
    file holding one article. Returns the annotated `Document`; raises a `RasdError` on bad input.

    >>> doc = rasd.analyze("قال وزير الخارجية إن المحادثات ستستأنف غدا.", published="2024-05-01")
    >>> [(q.content.text(doc), doc.entity(q.speaker)) for q in doc.quotes]
    """
    pipeline = pipeline or default_pipeline()
    if _looks_like_path(text_or_path):
        docs = list(read_path(text_or_path, published=published))
        errors = [d for d in docs if isinstance(d, RasdError)]
        if errors:
            raise errors[0]
        if len(docs) != 1:
            raise InputError(f"holds {len(docs)} articles; analyze() takes one",
                             path=str(text_or_path), remedy="use rasd.analyze_path() for several")
        doc = docs[0]
        if title and not doc.meta.title:
            doc.meta.title = title
        if id:
            doc.id = id
    else:
        doc = read_text(str(text_or_path), title=title, published=published, doc_id=id)
    return pipeline(doc)


def analyze_path(path: str | Path, *, published: str | None = None, pipeline: Pipeline | None = None,
                 workers: int = 1, batch_size: int = 32,
                 then: Callable[[Document], Any] | None = None) -> Iterator[Any]:
    """Analyze every article under `path` (file or folder), in order; an input that cannot be
    read or analyzed is yielded as its `RasdError` instead of stopping the run. With `then`,
    its result for each document is yielded instead (see `Pipeline.pipe`)."""
    pipeline = pipeline or default_pipeline()
    pending: list = []

    def docs():
        for item in read_path(path, published=published):
            pending.append(item)
            if isinstance(item, Document):
                yield item

    for result in pipeline.pipe(docs(), batch_size=batch_size, workers=workers, then=then):
        while pending and isinstance(pending[0], RasdError):   # read errors, in input order
            yield pending.pop(0)
        pending.pop(0)
        yield result
    yield from pending
