"""The unit of work of an ingest: analyze one batch of documents.

`analyze_batch` runs in a worker (a local process or a Dask worker; the same function either
way): it builds the pipeline once per process, analyzes each document, flattens it into rows
(`rasd.store.rows`) and, when given a Parquet folder, writes the batch's rows there itself. A
document that makes a stage fail is returned as a failure record; the batch goes on.
"""
from __future__ import annotations

import traceback
from typing import Any, Sequence

from ..errors import RasdError
from ..model import LAYERS, Document
from ..serialize import document_to_dict
from ..store.rows import NOT_STORED, document_rows
from ..store.search import index_tokens

__all__ = ["analyze_batch", "failure_record", "get_pipeline"]

_PIPELINES: dict[tuple, Any] = {}
_WRITE_LAYERS = tuple(x for x in LAYERS if x not in NOT_STORED)


def get_pipeline(stages: Sequence[str] | None):
    """The pipeline for these stage names (all available stages when None), built once per process."""
    key = tuple(stages) if stages is not None else None
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        from ..pipeline import Pipeline
        pipeline = _PIPELINES[key] = Pipeline(list(stages) if stages is not None else None)
    return pipeline


def failure_record(error: BaseException, path: str | None) -> dict[str, Any]:
    """A picklable failure: ``{path, code, message, remedy}``."""
    if isinstance(error, RasdError):
        d = error.to_dict()
        d["path"] = d.get("path") or path
        return d
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    return {"path": path, "code": "R300",
            "message": f"a stage failed on this document: {type(error).__name__}: {error}{at}",
            "remedy": "report this as a bug in rasd, with the document"}


def analyze_batch(docs: list[Document], hashes: list[str], stages: Sequence[str] | None = None,
                  parquet_dir: str | None = None, return_rows: bool = True) -> dict[str, Any]:
    """Analyze `docs` (whose content hashes are `hashes`).

    Returns ``{"results": [rows per document], "failures": [records], "hashes": [...],
    "n": documents analyzed}``; with `return_rows` False the rows are only written to
    `parquet_dir` and ``results`` is empty."""
    pipeline = get_pipeline(stages)
    results, failures, done = [], [], []
    for doc, h in zip(docs, hashes):
        try:
            doc = pipeline(doc)
            keys = index_tokens(doc.tokens) if "tokens" in doc.done else None
            rows = document_rows(document_to_dict(doc, layers=_WRITE_LAYERS), h, keys)
        except Exception as exc:   # one bad document must not sink the batch
            failures.append(failure_record(exc, doc.meta.source or doc.id))
            continue
        results.append(rows)
        done.append(h)
    if parquet_dir is not None:
        from .parquet import write_batch
        write_batch(parquet_dir, results, failures)
    return {"results": results if return_rows else [], "failures": failures, "hashes": done,
            "n": len(docs)}
