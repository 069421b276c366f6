"""The web UI: server-rendered, right-to-left Arabic pages (Jinja2 templates, autoescaped).

| page                  | what it shows                                                        |
|-----------------------|----------------------------------------------------------------------|
| ``/``                 | search, with highlighted snippets; the latest documents              |
| ``/documents``        | stored documents, newest first                                       |
| ``/documents/{id}``   | the article with every layer highlighted, and a side panel per layer |
| ``/speakers/{name}``  | what a person or organization said, as a timeline                    |
| ``/entities``         | people, organizations and places, most often named first             |
| ``/events``           | filterable events table, world map of their places, per-day chart    |
| ``/analyze``          | paste an article and see it annotated (nothing is stored)            |
| ``/api``              | the API endpoints (from the OpenAPI description)                     |
"""
from __future__ import annotations

from pathlib import Path as FilePath
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import InputError, RasdError
from ..serialize import document_to_dict
from ..store import aggregates, queries
from .annotate import annotate, speaker_url
from .api import documents_from_body
from .charts import day_chart, world_map

__all__ = ["render_error", "router", "templates"]

HERE = FilePath(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(include_in_schema=False)
MARKS = ("\ue000", "\ue001")    # private-use marks around search hits, replaced by <mark> after escaping
PAGE = 20
OPT_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"     # forms send empty fields: "" means no filter

LABELS = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة/مدينة", "LOC": "مكان", "MISC": "أخرى"}
KINDS = {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط"}
REASONS = {"unnamed source": "مصدر غير مسمى", "speaker not identified": "لم يُعرف المتحدث",
           None: "متحدث غير مسمى"}


def url(path: str, **params: Any) -> str:
    """A local URL with its query string (empty values dropped)."""
    clean = {k: v for k, v in params.items() if v not in (None, "", 0) or k == "offset" and v}
    return path + ("?" + urlencode(clean) if clean else "")


def pager(page: dict[str, Any], path: str, **params: Any) -> dict[str, Any]:
    total, limit, offset = page["total"], page["limit"], page["offset"]
    prev_off, next_off = max(0, offset - limit), offset + limit
    return {"total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
            "prev": url(path, **params, offset=prev_off) if offset > 0 else None,
            "next": url(path, **params, offset=next_off) if next_off < total else None}


def _highlight(snippet: str):
    from markupsafe import Markup, escape
    return Markup(str(escape(snippet)).replace(MARKS[0], "<mark>").replace(MARKS[1], "</mark>"))


def _safe_href(value: Any) -> str | None:
    """A link target only for http(s) URLs (an article's URL is untrusted: no javascript:)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None


templates.env.globals.update(url=url, speaker_url=speaker_url, labels=LABELS, kinds=KINDS, reasons=REASONS,
                             version=__version__, quote=quote)
templates.env.filters["highlight"] = _highlight
templates.env.filters["safe_href"] = _safe_href


def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("nav", template.split(".")[0])
    return templates.TemplateResponse(request, template, context, status_code=status)


def render_error(request: Request, body: dict[str, Any]) -> HTMLResponse:
    """An error, in the one shape, as a page."""
    return _page(request, "error.html", status=body["status"], error=body, nav="")


def _store(request: Request):
    return request.app.state.db.reader()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: str = Query("", max_length=500), offset: int = Query(0, ge=0, le=10_000_000),
         since: str | None = Query(None, pattern=OPT_DATE), until: str | None = Query(None, pattern=OPT_DATE)):
    store = _store(request)
    since, until = since or None, until or None
    results, problem = None, None
    if q.strip():
        try:
            results = queries.search(store, q, limit=PAGE, offset=offset, since=since, until=until, marks=MARKS)
        except InputError as exc:
            problem = exc
    latest = None if results is not None else queries.documents(store, limit=10)
    return _page(request, "search.html", q=q, since=since, until=until, results=results, problem=problem,
                 latest=latest, stats=queries.stats(store) if results is None else None,
                 pages=pager(results, "/", q=q, since=since, until=until) if results else None)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, offset: int = Query(0, ge=0, le=10_000_000),
              since: str | None = Query(None, pattern=OPT_DATE), until: str | None = Query(None, pattern=OPT_DATE)):
    since, until = since or None, until or None
    page = queries.documents(_store(request), since=since, until=until, limit=PAGE, offset=offset)
    return _page(request, "documents.html", page=page, since=since, until=until,
                 pages=pager(page, "/documents", since=since, until=until))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str = Path(..., max_length=300)):
    data = queries.document(_store(request), doc_id)
    return _page(request, "document.html", doc=data, meta=data.get("meta") or {}, view=annotate(data),
                 stored=True, nav="documents")


@router.get("/speakers/{name}", response_class=HTMLResponse)
def speaker(request: Request, name: str = Path(..., max_length=200), offset: int = Query(0, ge=0, le=10_000_000),
            since: str | None = Query(None, pattern=OPT_DATE), until: str | None = Query(None, pattern=OPT_DATE)):
    store = _store(request)
    since, until = since or None, until or None
    profile = aggregates.entity(store, name)
    page = aggregates.speaker_quotes(store, name, since=since, until=until, limit=50, offset=offset)
    days: list[dict[str, Any]] = []
    for item in page["items"]:
        if not days or days[-1]["date"] != item["date"]:
            days.append({"date": item["date"], "items": []})
        days[-1]["items"].append(item)
    return _page(request, "speaker.html", profile=profile, page=page, days=days, since=since, until=until,
                 pages=pager(page, speaker_url(name), since=since, until=until), nav="entities")


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, label: str | None = Query(None, pattern=r"^(PER|ORG|GPE|LOC|MISC)?$"),
             name: str | None = Query(None, max_length=200), offset: int = Query(0, ge=0, le=10_000_000)):
    label, name = label or None, name or None
    page = queries.entities(_store(request), label=label, name=name, limit=50, offset=offset)
    return _page(request, "entities.html", page=page, label=label, name=name,
                 pages=pager(page, "/entities", label=label, name=name))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: str | None = Query(None, max_length=40),
           country: str | None = Query(None, pattern=r"^([A-Za-z]{3})?$"),
           actor: str | None = Query(None, max_length=200),
           since: str | None = Query(None, pattern=OPT_DATE), until: str | None = Query(None, pattern=OPT_DATE),
           offset: int = Query(0, ge=0, le=10_000_000)):
    store = _store(request)
    filters = {"type": type or None, "country": country or None, "actor": actor or None,
               "since": since or None, "until": until or None}
    page = queries.events(store, **filters, limit=50, offset=offset)
    where = aggregates.event_places(store, **filters)
    days = aggregates.event_days(store, **filters)
    types = [r[0] for r in store.conn.execute("SELECT DISTINCT type FROM events ORDER BY type LIMIT 200")]
    return _page(request, "events.html", page=page, filters=filters, types=types,
                 map=world_map(where["places"], where["countries"]), places=where["places"][:30],
                 chart=day_chart(days), pages=pager(page, "/events", **filters))


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request):
    return _page(request, "analyze.html", text="", title="", published="")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request, text: str = Form("", max_length=1_000_000),
                       title: str = Form("", max_length=1000), published: str = Form("", max_length=10)):
    from ..api import default_pipeline
    problem: RasdError | None = None
    if published and not _is_day(published):
        problem = InputError(f"{published!r} is not a date written YYYY-MM-DD")
    if problem is None and not text.strip():
        problem = InputError("paste the text of an article")
    if problem is not None:
        return _page(request, "analyze.html", status=400, text=text, title=title, published=published,
                     problem=problem)
    pipeline = request.app.state.pipeline or default_pipeline()

    def work() -> dict:
        doc = documents_from_body(text.encode("utf-8"), "text/plain", title=title or None,
                                  published=published or None)[0]
        return document_to_dict(pipeline(doc))

    try:
        data = await run_in_threadpool(work)
    except RasdError as exc:
        return _page(request, "analyze.html", status=400, text=text, title=title, published=published,
                     problem=exc)
    return _page(request, "document.html", doc=data, meta=data.get("meta") or {}, view=annotate(data),
                 stored=False, nav="analyze")


def _is_day(s: str) -> bool:
    import re
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s))


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or ""} for p in op.get("parameters", [])]
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary") or "",
                              "params": params})
    return _page(request, "api.html", endpoints=endpoints)


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    from fastapi.responses import RedirectResponse
    return RedirectResponse("/static/favicon.svg")
