"""Profiles and counts over the store, for the web UI and the HTTP API (plain dicts, like `queries`).

- `entity`: one person, organization or place across documents, found by its name (any
  spelling the ``match`` normalization folds together) or one of its aliases;
- `speaker_quotes`: the statements attributed to that entity (joined by entity id inside each
  document, not by a name pattern), oldest first, for a timeline;
- `event_places` and `event_days`: where and on which days the events matching the filters of
  `queries.events` happened, for the map and the per-day chart.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..errors import NotFoundError
from .db import Store
from .queries import _like, _page, _Where
from .rows import name_key

__all__ = ["entity", "entity_key", "event_days", "event_places", "speaker_quotes"]

_LABELS = ("PER", "ORG", "GPE", "LOC", "MISC")


def entity_key(name: str) -> str:
    """The key an entity is looked up by: its name in ``match`` form."""
    return name_key(name)


def _entity_where(key: str, alias: bool) -> _Where:
    where = _Where("d.latest = 1")
    marks = ",".join("?" * len(_LABELS))
    if alias:
        where.add(f"e.label IN ({marks}) AND (' | ' || e.name_key || ' | ') LIKE ? ESCAPE '\\'",
                  *_LABELS, "% | " + _like(key).strip("%") + " | %")
    else:
        where.add(f"e.label IN ({marks}) AND e.name_norm = ?", *_LABELS, key)
    return where


# Entity queries put `entities` first (CROSS JOIN fixes the order): the name lookup is the
# selective part, and SQLite would otherwise walk every latest document first.
def _matching(store: Store, name: str) -> tuple[str, _Where]:
    key = entity_key(name)
    if not key:
        raise NotFoundError("an empty entity name", remedy="give the name of a person or organization")
    for alias in (False, True):
        where = _entity_where(key, alias)
        hit = store.conn.execute("SELECT 1 FROM entities e CROSS JOIN documents d ON d.key = e.doc_key"
                                 f"{where.sql()} LIMIT 1", where.params).fetchone()
        if hit:
            return key, where
    raise NotFoundError(f"no entity named {name!r}",
                        remedy="list entities with `rasd entities` or GET /api/entities")


def entity(store: Store, name: str) -> dict[str, Any]:
    """One entity across documents: ``id`` (its key), ``name``, ``label``, ``labels``, ``country``,
    ``aliases``, ``documents``, ``mentions``, ``quotes``, ``events``, ``first``/``last`` publication
    dates and the ``recent`` documents naming it. Raises `NotFoundError`."""
    key, where = _matching(store, name)
    rows = store.conn.execute(
        "SELECT e.doc_key, e.id, e.name, e.label, e.country, e.aliases, e.n_mentions, e.title, e.roles, "
        "d.doc_id, d.title AS doc_title, d.published FROM entities e CROSS JOIN documents d ON d.key = e.doc_key"
        f"{where.sql()} ORDER BY d.published DESC, d.doc_id", where.params).fetchall()
    names, labels, countries, aliases, roles = Counter(), Counter(), Counter(), Counter(), Counter()
    for r in rows:
        names[r["name"]] += 1
        labels[r["label"]] += 1
        if r["country"]:
            countries[r["country"]] += 1
        for field, counter in (("aliases", aliases), ("roles", roles)):
            for a in (r[field] or "").split(" | "):
                if a.strip():
                    counter[a.strip()] += 1
    pairs = [(r["doc_key"], r["id"]) for r in rows]
    n_quotes = n_events = 0
    for i in range(0, len(pairs), 400):
        chunk = pairs[i:i + 400]
        cond = " OR ".join("(doc_key = ? AND {col} = ?)" for _ in chunk)
        params = [x for p in chunk for x in p]
        n_quotes += store.conn.execute(f"SELECT COUNT(*) FROM quotes WHERE {cond.format(col='speaker_id')}",
                                       params).fetchone()[0]
        n_events += store.conn.execute(
            "SELECT COUNT(*) FROM events WHERE " + " OR ".join(
                "(doc_key = ? AND (actor_id = ? OR recipient_id = ?))" for _ in chunk),
            [x for k, e in chunk for x in (k, e, e)]).fetchone()[0]
    dates = sorted(r["published"] for r in rows if r["published"])
    seen, recent = set(), []
    for r in rows:
        if r["doc_id"] not in seen and len(recent) < 10:
            seen.add(r["doc_id"])
            recent.append({"doc_id": r["doc_id"], "title": r["doc_title"], "published": r["published"]})
    name_out = names.most_common(1)[0][0]
    return {"id": key, "name": name_out, "label": labels.most_common(1)[0][0], "labels": dict(labels),
            "country": countries.most_common(1)[0][0] if countries else None,
            "aliases": [a for a, _ in aliases.most_common(20) if a != name_out],
            "roles": [a for a, _ in roles.most_common(10)],
            "documents": len({r["doc_key"] for r in rows}),
            "mentions": sum(r["n_mentions"] or 0 for r in rows), "quotes": n_quotes, "events": n_events,
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "recent": recent}


def speaker_quotes(store: Store, name: str, *, since: str | None = None, until: str | None = None,
                   limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """What the entity named `name` said, oldest first: the items of `queries.quotes`. Raises
    `NotFoundError` when no entity has that name."""
    key, where = _matching(store, name)
    where.dates("q.date", since, until)
    limit, offset = _page(limit, offset)
    base = (" FROM entities e CROSS JOIN documents d ON d.key = e.doc_key "
            "JOIN quotes q ON q.doc_key = e.doc_key AND q.speaker_id = e.id")
    total = store.conn.execute(f"SELECT COUNT(*){base}{where.sql()}", where.params).fetchone()[0]
    rows = store.conn.execute(
        "SELECT d.doc_id, q.id, q.date, q.speaker, q.speaker_reason, q.kind, q.cue, q.content, "
        "q.cue_start, q.cue_end, q.content_start, q.content_end, q.outlet, d.title, d.url, q.confidence"
        f"{base}{where.sql()} ORDER BY q.date, d.doc_id, q.content_start LIMIT ? OFFSET ?",
        where.params + [limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "speaker": key,
            "items": [dict(r) for r in rows]}


def _event_where(type: str | None = None, actor: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None, outlet: str | None = None) -> _Where:
    """The filters of `queries.events`, for the aggregates below."""
    where = _Where("d.latest = 1")
    if type:
        where.add("upper(v.type) = ?", type.strip().upper())
    if actor:
        where.add("v.actor_key LIKE ? ESCAPE '\\'", _like(actor))
    if country:
        c = country.strip().upper()
        where.add("(v.actor_country = ? OR v.recipient_country = ? OR v.place_country = ?)", c, c, c)
    where.dates("v.date", since, until)
    if outlet:
        where.add("v.outlet LIKE ?", f"%{outlet}%")
    return where


def event_places(store: Store, **filters: Any) -> dict[str, Any]:
    """Where the matching events happened: ``places`` (name, country, lat, lon, events) of those
    with a geocoded place, and ``countries`` (ISO alpha-3 -> events) counting each event once
    under its place's country, else its actor's."""
    where = _event_where(**filters)
    places = store.conn.execute(
        "SELECT p.name, p.country, round(p.lat, 2) AS lat, round(p.lon, 2) AS lon, COUNT(*) AS events "
        "FROM events v JOIN documents d ON d.key = v.doc_key "
        "JOIN places p ON p.doc_key = v.doc_key AND p.id = v.place_id"
        f"{where.sql()} AND p.lat IS NOT NULL AND p.lon IS NOT NULL "
        "GROUP BY round(p.lat, 2), round(p.lon, 2) ORDER BY events DESC LIMIT 500",
        where.params).fetchall()
    countries = store.conn.execute(
        "SELECT coalesce(v.place_country, v.actor_country) AS country, COUNT(*) AS events "
        f"FROM events v JOIN documents d ON d.key = v.doc_key{where.sql()} "
        "GROUP BY 1 HAVING country IS NOT NULL", where.params).fetchall()
    return {"places": [dict(r) for r in places],
            "countries": {r["country"]: r["events"] for r in countries}}


def event_days(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """``[{"date": "YYYY-MM-DD", "events": N}, …]`` for the matching events, oldest first
    (events filed under a month or year only are left out)."""
    where = _event_where(**filters)
    rows = store.conn.execute(
        f"SELECT v.date AS date, COUNT(*) AS events FROM events v JOIN documents d ON d.key = v.doc_key"
        f"{where.sql()} AND length(v.date) = 10 GROUP BY v.date ORDER BY v.date", where.params).fetchall()
    return [dict(r) for r in rows]
