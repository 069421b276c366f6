"""The JSON API under ``/api``: analyze an article, and query the store.

Lists take ``limit`` (1 to `MAX_PAGE`) and ``offset`` and answer
``{"total", "limit", "offset", "items": [...]}`` (the dicts of `rasd.store.queries`). Dates are
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and inclusive. Errors: see `rasd.service.errors`.
"""
from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..errors import FormatError, InputError, RasdError
from ..io.decode import decode
from ..io.readers import read_bytes, read_text
from ..model import LAYERS, Document
from ..serialize import document_to_dict
from ..store import aggregates, queries
from .errors import ServiceError

__all__ = ["MAX_PAGE", "documents_from_body", "router"]

MAX_PAGE = 100
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
MAX_INGEST_DOCS = 1000

router = APIRouter(prefix="/api", tags=["api"])

_ERROR = {"description": "an error, in the one shape: "
                         '{"ok": false, "status", "code", "message", "remedy", "errors"}'}
_PAGE = {200: {"description": '{"total", "limit", "offset", "items": [...]}'}, 400: _ERROR, 422: _ERROR}


def _limit(default: int = 20):
    return Query(default, ge=1, le=MAX_PAGE, description=f"items per page (at most {MAX_PAGE})")


def _offset():
    return Query(0, ge=0, le=10_000_000, description="items to skip")


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _store(request: Request):
    return request.app.state.db.reader()


# -- reading a request body ----------------------------------------------------------------------
def documents_from_body(data: bytes, content_type: str, *, title: str | None = None,
                        published: str | None = None, doc_id: str | None = None,
                        many: bool = False) -> list[Document]:
    """The articles in a request body: ``text/plain`` (one raw page or clean body),
    ``text/html`` (a web page), ``application/json`` (one ``{"text", "title", "published",
    "id", …}`` object, or a list with `many`) or ``application/x-ndjson`` (JSON Lines, with `many`).
    Raises the `RasdError` of the first article that cannot be read."""
    kind = (content_type or "text/plain").split(";")[0].strip().lower()
    if kind in ("text/plain", "", "application/octet-stream"):
        text = decode(data, "request body")
        doc_id = doc_id or "doc-" + hashlib.sha256(data).hexdigest()[:12]
        docs: list[Document | RasdError] = [read_text(text, title=title, published=published, doc_id=doc_id,
                                                      source="request")]
    elif kind in ("text/html", "application/xhtml+xml"):
        docs = list(read_bytes(data, "request.html", ".html"))
    elif kind == "application/json":
        docs = list(read_bytes(data, "request.json", ".json"))
    elif kind in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        if not many:
            raise ServiceError("R604", "JSON Lines bodies are read by /api/ingest only",
                               "send one article as text/plain, text/html or application/json")
        docs = list(read_bytes(data, "request.jsonl", ".jsonl"))
    else:
        raise ServiceError("R604", f"cannot read a {kind} body")
    for d in docs:
        if isinstance(d, RasdError):
            raise d
    out = [d for d in docs if isinstance(d, Document)]
    if not out:
        raise FormatError("the body holds no article", path="request")
    if not many and len(out) > 1:
        raise InputError(f"the body holds {len(out)} articles; /api/analyze takes one",
                         remedy="send one article, or use /api/ingest")
    for d in out:
        if title and not d.meta.title:
            d.meta.title = title
        if published:
            d.meta.published, d.meta.published_source = published, "option"
        if doc_id and len(out) == 1:
            d.id = doc_id
        if not d.id or d.id in ("request", "doc"):
            d.id = "doc-" + hashlib.sha256(d.text.encode()).hexdigest()[:12]
    return out


def _layers(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    names = tuple(x.strip() for x in value.split(",") if x.strip())
    unknown = [x for x in names if x not in LAYERS]
    if unknown:
        raise InputError(f"unknown layer(s) {', '.join(unknown)}", remedy=f"layers are {', '.join(LAYERS)}")
    return names


def _pipeline(request: Request):
    from ..api import default_pipeline
    return request.app.state.pipeline or default_pipeline()


_BODY_DOC = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example": "قال الوزير إن المحادثات ستستأنف غدا."},
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string"}, "title": {"type": "string"}, "published": {"type": "string"},
        "id": {"type": "string"}, "url": {"type": "string"}, "outlet": {"type": "string"}}}}}}}


@router.post("/analyze", summary="Analyze one article", openapi_extra=_BODY_DOC,
             responses={200: {"description": "the rasd.document/1 JSON of the article"}, 400: _ERROR,
                        413: _ERROR, 415: _ERROR})
async def analyze(request: Request,
                  title: str | None = Query(None, max_length=1000, description="the article's title"),
                  published: str | None = Query(None, pattern=DAY, description="publication date YYYY-MM-DD"),
                  id: str | None = Query(None, max_length=200, description="document id"),
                  layers: str | None = Query(None, max_length=200,
                                             description="comma-separated layers to return (default all)")):
    """Analyze the article in the body (text, HTML or JSON) and return its document JSON. Nothing
    is stored."""
    wanted = _layers(layers)
    data = await request.body()
    pipeline = _pipeline(request)

    def work() -> dict:
        doc = documents_from_body(data, request.headers.get("content-type", ""), title=title,
                                  published=published, doc_id=id)[0]
        return document_to_dict(pipeline(doc), layers=wanted)

    return _json(await run_in_threadpool(work))


@router.post("/ingest", summary="Analyze and store articles (only with --allow-ingest)",
             openapi_extra=_BODY_DOC, responses={403: _ERROR, 400: _ERROR, 413: _ERROR, 415: _ERROR})
async def ingest(request: Request,
                 published: str | None = Query(None, pattern=DAY, description="publication date YYYY-MM-DD"),
                 title: str | None = Query(None, max_length=1000),
                 id: str | None = Query(None, max_length=200)):
    """Analyze the articles in the body (one text, HTML page or JSON object, a JSON list, or JSON
    Lines) and write them to the store. Answers ``{"added", "skipped", "failed", "ids", "failures"}``."""
    if not request.app.state.allow_ingest:
        raise ServiceError("R603")
    data = await request.body()
    db = request.app.state.db
    stages = None
    pipeline = request.app.state.pipeline
    if pipeline is not None:
        stages = list(pipeline.names)

    def work() -> dict:
        from ..batch.work import analyze_batch
        from ..store.rows import content_hash
        docs = documents_from_body(data, request.headers.get("content-type", ""), title=title,
                                   published=published, doc_id=id, many=True)
        if len(docs) > MAX_INGEST_DOCS:
            raise InputError(f"the body holds {len(docs)} articles; at most {MAX_INGEST_DOCS} a request",
                             remedy="split the body, or use `rasd ingest` for a corpus")
        out = analyze_batch(docs, [content_hash(d) for d in docs], stages)
        added, skipped = db.write(out["results"], out["failures"])
        return {"added": added, "skipped": skipped, "failed": len(out["failures"]),
                "ids": [r["documents"][0]["doc_id"] for r in out["results"]], "failures": out["failures"]}

    return _json(await run_in_threadpool(work))


# -- the store -------------------------------------------------------------------------------------
@router.get("/documents", summary="Stored documents, newest first", responses=_PAGE)
def list_documents(request: Request, limit: int = _limit(), offset: int = _offset(),
                   since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                   outlet: str | None = Query(None, max_length=200)):
    return _json(queries.documents(_store(request), since=since, until=until, outlet=outlet,
                                   limit=limit, offset=offset))


@router.get("/documents/{doc_id}", summary="One stored document (rasd.document/1 JSON)",
            responses={200: {"description": "the document, with a `store` block (version, hash, versions)"},
                       404: _ERROR})
def get_document(request: Request, doc_id: str = Path(..., max_length=300, description="document id or content hash"),
                 version: int | None = Query(None, ge=1, description="a version (default: the latest)")):
    return _json(queries.document(_store(request), doc_id, version))


@router.get("/search", summary="Full-text search, best first, with snippets", responses=_PAGE)
def search(request: Request,
           q: str = Query(..., min_length=1, max_length=500,
                          description='words (all must match), "a phrase", a OR b, -word, prefix*'),
           limit: int = _limit(), offset: int = _offset(),
           since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
           outlet: str | None = Query(None, max_length=200)):
    return _json(queries.search(_store(request), q, since=since, until=until, outlet=outlet,
                                limit=limit, offset=offset))


@router.get("/quotes", summary="Statements, newest first", responses=_PAGE)
def list_quotes(request: Request,
                speaker: str | None = Query(None, max_length=200, description="any part of the speaker's name"),
                since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                outlet: str | None = Query(None, max_length=200),
                doc_id: str | None = Query(None, max_length=300),
                kind: str | None = Query(None, pattern=r"^(direct|indirect|mixed)$"),
                limit: int = _limit(50), offset: int = _offset()):
    return _json(queries.quotes(_store(request), speaker=speaker, since=since, until=until, outlet=outlet,
                                doc_id=doc_id, kind=kind, limit=limit, offset=offset))


@router.get("/events", summary="Events (PLOVER), newest first", responses=_PAGE)
def list_events(request: Request,
                type: str | None = Query(None, max_length=40, description="PLOVER type, e.g. RETREAT"),
                country: str | None = Query(None, pattern=r"^[A-Za-z]{3}$",
                                            description="ISO 3166 alpha-3 of the actor, recipient or place"),
                actor: str | None = Query(None, max_length=200),
                since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                outlet: str | None = Query(None, max_length=200),
                limit: int = _limit(50), offset: int = _offset()):
    return _json(queries.events(_store(request), type=type, country=country, actor=actor, since=since,
                                until=until, outlet=outlet, limit=limit, offset=offset))


@router.get("/entities", summary="People, organizations and places, most often named first", responses=_PAGE)
def list_entities(request: Request,
                  label: str | None = Query(None, pattern=r"^(PER|ORG|GPE|LOC|MISC|per|org|gpe|loc|misc)$"),
                  name: str | None = Query(None, max_length=200),
                  country: str | None = Query(None, pattern=r"^[A-Za-z]{3}$"),
                  limit: int = _limit(50), offset: int = _offset()):
    page = queries.entities(_store(request), label=label, name=name, country=country, limit=limit, offset=offset)
    for item in page["items"]:
        item["id"] = aggregates.entity_key(item["name"])
    return _json(page)


@router.get("/entities/{entity_id}", summary="One entity across documents",
            responses={200: {"description": "name, label, aliases, counts, first/last dates, recent documents"},
                       404: _ERROR})
def get_entity(request: Request,
               entity_id: str = Path(..., max_length=200, description="the entity's name (any spelling) or alias"),
               quotes: int = Query(0, ge=0, le=MAX_PAGE, description="also return its first N statements")):
    store = _store(request)
    out = aggregates.entity(store, entity_id)
    if quotes:
        out["statements"] = aggregates.speaker_quotes(store, entity_id, limit=quotes)["items"]
    return _json(out)


@router.get("/stats", summary="How many documents and records the store holds")
def stats(request: Request):
    return _json(queries.stats(_store(request)))
