"""Questions to the store, answered with plain dicts (shared by the CLI and the HTTP API).

Every list query takes `limit` and `offset` and returns
``{"total": N, "limit": L, "offset": O, "items": [row, …]}``. Only the latest version of each
document is searched. Dates (`since`, `until`) are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and are
inclusive: ``until="2021-08"`` includes the whole of August. Name filters (`speaker`, `actor`)
match any part of the name, ignoring diacritics, hamza forms and tatweel.
"""
from __future__ import annotations

from typing import Any

import regex

from ..errors import InputError, NotFoundError
from .db import Store, stored_json
from .rows import name_key
from .search import parse_query, snippet

__all__ = ["document", "entities", "events", "failures", "quotes", "search", "stats"]

_DATE = regex.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
MAX_LIMIT = 10_000


class _Where:
    """WHERE clauses and their parameters, built up filter by filter."""

    def __init__(self, *clauses: str):
        self.clauses = list(clauses)
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def dates(self, column: str, since: str | None, until: str | None) -> None:
        if since:
            self.add(f"{column} >= ?", _date(since, "since"))
        if until:
            u = _date(until, "until")
            self.add(f"substr({column}, 1, {len(u)}) <= ?", u)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _date(value: str, name: str) -> str:
    value = value.strip()
    if not _DATE.match(value):
        raise InputError(f"--{name} {value!r} is not a date", remedy="write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise InputError("limit and offset must not be negative")
    return min(limit, MAX_LIMIT), offset


def _like(value: str) -> str:
    key = name_key(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{key}%"


def _list(store: Store, select: str, where: _Where, order: str, limit: int, offset: int,
          count_sql: str | None = None) -> dict[str, Any]:
    limit, offset = _page(limit, offset)
    total = store.conn.execute(count_sql or f"SELECT COUNT(*) FROM ({select}{where.sql()})",
                               where.params).fetchone()[0]
    rows = store.conn.execute(f"{select}{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                              where.params + [limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


# -- full-text search --------------------------------------------------------------------------
def search(store: Store, query: str, *, limit: int = 20, offset: int = 0, since: str | None = None,
           until: str | None = None, outlet: str | None = None,
           marks: tuple[str, str] = ("[", "]")) -> dict[str, Any]:
    """Documents matching `query`, best first (bm25), each with a snippet of its original text.

    Items: ``doc_id, title, published, outlet, url, score, snippet, highlights`` (the
    ``[start, end)`` offsets in the document text of the matched words shown in the snippet)."""
    q = parse_query(query)
    where = _Where("documents_fts MATCH ?", "d.latest = 1")
    where.params.append(q.expression)
    where.dates("d.published", since, until)
    if outlet:
        where.add("d.outlet LIKE ?", f"%{outlet}%")
    # CROSS JOIN keeps the full-text index as the outer loop: with a plain JOIN SQLite may walk
    # every latest document and run the MATCH once per row (100x slower on 20,000 documents).
    join = " FROM documents_fts CROSS JOIN documents d ON d.key = documents_fts.rowid"
    select = ("SELECT d.doc_id, d.version, d.title, d.published, d.outlet, d.url, d.text, "
              "bm25(documents_fts, 3.0, 1.0) AS score" + join)
    page = _list(store, select, where, "score", limit, offset,
                 count_sql="SELECT COUNT(*)" + join + where.sql())
    for item in page["items"]:
        text = item.pop("text")
        s = snippet(text, q, marks=marks)
        item["score"] = round(-item["score"], 4)
        item["snippet"] = s["snippet"]
        item["highlights"] = s["highlights"]
    page["query"] = query
    page["expression"] = q.expression
    return page


# -- statements --------------------------------------------------------------------------------
def quotes(store: Store, *, speaker: str | None = None, since: str | None = None,
           until: str | None = None, outlet: str | None = None, doc_id: str | None = None,
           kind: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Statements, newest first. Items: ``doc_id, id, date, speaker, kind, cue, content, outlet,
    title, url, confidence`` plus the offsets of cue and content."""
    where = _Where("d.latest = 1")
    if speaker:
        where.add("q.speaker_key LIKE ? ESCAPE '\\'", _like(speaker))
    where.dates("q.date", since, until)
    if outlet:
        where.add("q.outlet LIKE ?", f"%{outlet}%")
    if doc_id:
        where.add("d.doc_id = ?", doc_id)
    if kind:
        where.add("q.kind = ?", kind)
    select = ("SELECT d.doc_id, q.id, q.date, q.speaker, q.speaker_reason, q.kind, q.cue, q.content, "
              "q.cue_start, q.cue_end, q.content_start, q.content_end, q.outlet, d.title, d.url, "
              "q.confidence FROM quotes q JOIN documents d ON d.key = q.doc_key")
    return _list(store, select, where, "q.date DESC, d.doc_id, q.content_start", limit, offset)


# -- events ------------------------------------------------------------------------------------
def events(store: Store, *, type: str | None = None, actor: str | None = None,
           recipient: str | None = None, country: str | None = None, since: str | None = None,
           until: str | None = None, outlet: str | None = None, doc_id: str | None = None,
           include_negated: bool = True, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Events, newest first. `type` is a PLOVER type (any case); `actor` matches the actor's name;
    `country` (ISO 3166 alpha-3) matches the actor's, the recipient's or the place's country."""
    where = _Where("d.latest = 1")
    if type:
        where.add("upper(v.type) = ?", type.strip().upper())
    if actor:
        where.add("v.actor_key LIKE ? ESCAPE '\\'", _like(actor))
    if recipient:
        where.add("v.recipient_key LIKE ? ESCAPE '\\'", _like(recipient))
    if country:
        c = country.strip().upper()
        where.add("(v.actor_country = ? OR v.recipient_country = ? OR v.place_country = ?)", c, c, c)
    where.dates("v.date", since, until)
    if outlet:
        where.add("v.outlet LIKE ?", f"%{outlet}%")
    if doc_id:
        where.add("d.doc_id = ?", doc_id)
    if not include_negated:
        where.add("v.negated = 0")
    select = ("SELECT d.doc_id, v.id, v.date, v.type, v.mode, v.cameo, v.actor, v.actor_country, "
              "v.trigger, v.recipient, v.recipient_country, v.place, v.place_country, v.negated, "
              "v.hypothetical, v.future, v.historical, v.trigger_start, v.trigger_end, v.outlet, "
              "d.title, d.url, v.confidence FROM events v JOIN documents d ON d.key = v.doc_key")
    return _list(store, select, where, "v.date DESC, d.doc_id, v.trigger_start", limit, offset)


# -- entities ----------------------------------------------------------------------------------
def entities(store: Store, *, label: str | None = None, name: str | None = None,
             country: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """People, organizations and places across documents, most often named first. Items:
    ``name, label, country, documents, mentions`` (entities with the same label and name, in
    ``match`` form, are counted together)."""
    where = _Where("d.latest = 1")
    if label:
        where.add("e.label = ?", label.strip().upper())
    if name:
        where.add("e.name_key LIKE ? ESCAPE '\\'", _like(name))
    if country:
        where.add("e.country = ?", country.strip().upper())
    select = ("SELECT MIN(e.name) AS name, e.label, MAX(e.country) AS country, "
              "COUNT(DISTINCT e.doc_key) AS documents, SUM(e.n_mentions) AS mentions "
              "FROM entities e JOIN documents d ON d.key = e.doc_key")
    limit, offset = _page(limit, offset)
    group = " GROUP BY e.label, e.name_norm"
    total = store.conn.execute(f"SELECT COUNT(*) FROM ({select}{where.sql()}{group})",
                               where.params).fetchone()[0]
    rows = store.conn.execute(f"{select}{where.sql()}{group} ORDER BY documents DESC, mentions DESC, "
                              "name LIMIT ? OFFSET ?", where.params + [limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


# -- one document ------------------------------------------------------------------------------
def document(store: Store, doc_id: str, version: int | None = None) -> dict[str, Any]:
    """The stored document (``rasd.document/1`` JSON, without tokens) with its ``versions``.
    `doc_id` may also be a content hash. Raises `NotFoundError`."""
    sql = "SELECT * FROM documents WHERE doc_id = ?"
    params: list[Any] = [doc_id]
    if version is None:
        sql += " ORDER BY latest DESC, version DESC LIMIT 1"
    else:
        sql += " AND version = ?"
        params.append(version)
    row = store.conn.execute(sql, params).fetchone()
    if row is None:
        row = store.conn.execute("SELECT * FROM documents WHERE doc_hash = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document {doc_id!r}" + (f" version {version}" if version else ""),
                            remedy="list documents with `rasd search` or check the id")
    data = stored_json(row["json"])
    out = {"schema": data.get("schema"), "id": data.get("id"), "text": row["text"]}
    out.update({k: v for k, v in data.items() if k not in ("schema", "id")})
    versions = store.conn.execute("SELECT version, doc_hash, latest, added, source FROM documents "
                                  "WHERE doc_id = ? ORDER BY version", (row["doc_id"],)).fetchall()
    out["store"] = {"version": row["version"], "latest": bool(row["latest"]), "doc_hash": row["doc_hash"],
                    "added": row["added"], "versions": [dict(v) for v in versions]}
    return out


def documents(store: Store, *, since: str | None = None, until: str | None = None,
              outlet: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stored documents (latest versions), newest first, without their text."""
    where = _Where("d.latest = 1")
    where.dates("d.published", since, until)
    if outlet:
        where.add("d.outlet LIKE ?", f"%{outlet}%")
    select = ("SELECT d.doc_id, d.version, d.title, d.published, d.outlet, d.url, d.source, "
              "d.n_chars, d.layers, d.added FROM documents d")
    return _list(store, select, where, "d.published DESC, d.doc_id", limit, offset)


# -- failures and totals -----------------------------------------------------------------------
def failures(store: Store, *, code: str | None = None, path: str | None = None, limit: int = 100,
             offset: int = 0) -> dict[str, Any]:
    """Inputs that could not be read or analyzed: ``path, code, message, remedy, time, count``."""
    where = _Where()
    if code:
        where.add("code = ?", code)
    if path:
        where.add("path LIKE ?", f"%{path}%")
    select = "SELECT path, code, message, remedy, time, count FROM failures"
    return _list(store, select, where, "time DESC, path", limit, offset)


def stats(store: Store) -> dict[str, int]:
    """How many documents (latest and all versions), records per layer and failures are stored."""
    c = store.conn
    out = {"documents": store.count(), "versions": store.count(latest=False)}
    for table in ("entities", "mentions", "times", "quotes", "events", "places", "failures"):
        out[table] = c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return out
