"""Flat rows for one analyzed document: one table (or Parquet dataset) per layer.

Rows are built from the serialized document (`rasd.serialize.document_to_dict`), so every layer
and field the serializer writes reaches the store and the Parquet files: known fields get their
own typed column (`COLUMNS`); fields added later are kept in the row's ``extra`` JSON column.
Every row names its document by ``doc_hash`` (the content hash) and ``doc_id``.

Resolved names are denormalized into the rows so that queries need no joins: a quote row has its
speaker's name, an event row its actor's and recipient's names and countries, and the date it is
filed under (its own time expression when resolved to a day, else the publication date).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from ..model import Document
from ..text.normalize import normalize
from .search import index_text

__all__ = ["COLUMNS", "TABLES", "content_hash", "document_rows", "name_key"]

# table -> [(column, type)], type one of "text", "int", "real". The order is the column order.
_DOC = [("doc_hash", "text"), ("doc_id", "text")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": _DOC + [
        ("title", "text"), ("published", "text"), ("outlet", "text"), ("url", "text"),
        ("source", "text"), ("language", "text"), ("layers", "text"), ("n_chars", "int"),
        ("text", "text"), ("json", "text")],
    "entities": _DOC + [
        ("id", "text"), ("label", "text"), ("name", "text"), ("name_norm", "text"),
        ("name_key", "text"), ("title", "text"),
        ("roles", "text"), ("country", "text"), ("sector", "text"), ("gazetteer_id", "text"),
        ("lat", "real"), ("lon", "real"), ("aliases", "text"), ("n_mentions", "int"),
        ("extra", "text")],
    "mentions": _DOC + [
        ("id", "text"), ("start", "int"), ("end", "int"), ("text", "text"), ("label", "text"),
        ("score", "real"), ("source", "text"), ("extra", "text")],
    "times": _DOC + [
        ("id", "text"), ("start", "int"), ("end", "int"), ("text", "text"), ("value", "text"),
        ("grain", "text"), ("calendar", "text"), ("anchor", "text"), ("note", "text"),
        ("extra", "text")],
    "quotes": _DOC + [
        ("id", "text"), ("kind", "text"), ("speaker_id", "text"), ("speaker", "text"),
        ("speaker_key", "text"), ("speaker_reason", "text"), ("cue_start", "int"),
        ("cue_end", "int"), ("cue", "text"), ("content_start", "int"), ("content_end", "int"),
        ("content", "text"), ("source_start", "int"), ("source_end", "int"),
        ("source", "text"), ("time_id", "text"), ("time_value", "text"), ("date", "text"),
        ("published", "text"), ("outlet", "text"), ("confidence", "real"), ("extra", "text")],
    "events": _DOC + [
        ("id", "text"), ("type", "text"), ("mode", "text"), ("cameo", "text"),
        ("trigger_start", "int"), ("trigger_end", "int"), ("trigger", "text"),
        ("actor_id", "text"), ("actor", "text"), ("actor_key", "text"), ("actor_country", "text"),
        ("recipient_id", "text"), ("recipient", "text"), ("recipient_key", "text"),
        ("recipient_country", "text"), ("place_id", "text"), ("place", "text"),
        ("place_country", "text"), ("time_id", "text"), ("time_value", "text"), ("date", "text"),
        ("published", "text"), ("outlet", "text"), ("negated", "int"), ("hypothetical", "int"),
        ("future", "int"), ("historical", "int"), ("reported_by", "text"), ("confidence", "real"),
        ("extra", "text")],
    "places": _DOC + [
        ("id", "text"), ("entity", "text"), ("name", "text"), ("country", "text"), ("lat", "real"),
        ("lon", "real"), ("gazetteer_id", "text"), ("resolution", "text"), ("reason", "text"),
        ("extra", "text")],
}
TABLES = tuple(COLUMNS)
LAYER_TABLES = ("entities", "mentions", "times", "quotes", "events", "places")
# Layers not kept in the stored JSON: tokens are recomputed in milliseconds by the tokens stage.
NOT_STORED = ("tokens",)


def content_hash(doc: Document) -> str:
    """The key of a document in the store: sha256 of its text and the metadata that identifies it.

    The same article read twice has the same hash (re-ingesting is a no-op); a changed text,
    title, date, URL or outlet gives a new hash (a new version of the same document id)."""
    m = doc.meta
    parts = (doc.text, m.title or "", m.published or "", m.url or "", m.outlet or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def name_key(*names: str | None) -> str:
    """Names in ``match`` form joined by `` | ``, for case- and hamza-insensitive LIKE filters."""
    return " | ".join(" ".join(normalize(n, "match").split()) for n in names if n)


def document_rows(data: dict[str, Any], doc_hash: str, body_keys: str | None = None) -> dict[str, Any]:
    """Rows of every table for one serialized document, plus its full-text index keys
    (``"search": (title_keys, body_keys)``); `body_keys` saves re-tokenizing the text when the
    caller has them (`search.index_tokens`)."""
    doc_id = data.get("id") or ""
    meta = data.get("meta") or {}
    base = {"doc_hash": doc_hash, "doc_id": doc_id}
    stored = {k: v for k, v in data.items() if k not in NOT_STORED and k != "text"}
    stored["layers"] = [x for x in data.get("layers", []) if x not in NOT_STORED]
    text = data["text"]
    out: dict[str, Any] = {
        "documents": [{**base, "title": meta.get("title"), "published": meta.get("published"),
                       "outlet": meta.get("outlet"), "url": meta.get("url"),
                       "source": meta.get("source"), "language": meta.get("language"),
                       "layers": ",".join(stored["layers"]), "n_chars": len(text), "text": text,
                       "json": json.dumps(stored, ensure_ascii=False, separators=(",", ":"))}],
        "search": (index_text(meta.get("title") or ""),
                   body_keys if body_keys is not None else index_text(text)),
    }
    entities = {e["id"]: e for e in data.get("entities", [])}
    times = {t["id"]: t for t in data.get("times", [])}
    places = {p["id"]: p for p in data.get("places", [])}
    published, outlet = meta.get("published"), meta.get("outlet")

    out["entities"] = [_row("entities", base, e, name_norm=name_key(e.get("name")),
                            name_key=name_key(e.get("name"), *e.get("aliases", [])),
                            n_mentions=len(e.get("mentions", [])), skip=("mentions",))
                       for e in data.get("entities", [])]
    out["mentions"] = [_row("mentions", base, m) for m in data.get("mentions", [])]
    out["times"] = [_row("times", base, t) for t in data.get("times", [])]
    out["places"] = [_row("places", base, p) for p in data.get("places", [])]
    quotes = []
    for q in data.get("quotes", []):
        speaker = entities.get(q.get("speaker"))
        time_value = (times.get(q.get("time")) or {}).get("value")
        quotes.append(_row("quotes", base, q, skip=("speaker", "time"), speaker_id=q.get("speaker"),
                           speaker=speaker["name"] if speaker else None,
                           speaker_key=name_key(speaker["name"], *speaker.get("aliases", []))
                           if speaker else None,
                           time_id=q.get("time"), time_value=time_value,
                           date=_day(time_value) or published, published=published, outlet=outlet))
    out["quotes"] = quotes
    events = []
    for v in data.get("events", []):
        actor, recipient = entities.get(v.get("actor")), entities.get(v.get("recipient"))
        place = places.get(v.get("place"))
        time_value = (times.get(v.get("time")) or {}).get("value")
        events.append(_row(
            "events", base, v, skip=("actor", "recipient", "place", "time"),
            actor_id=v.get("actor"), actor=actor["name"] if actor else None,
            actor_key=name_key(actor["name"], *actor.get("aliases", [])) if actor else None,
            actor_country=actor.get("country") if actor else None,
            recipient_id=v.get("recipient"), recipient=recipient["name"] if recipient else None,
            recipient_key=name_key(recipient["name"], *recipient.get("aliases", [])) if recipient else None,
            recipient_country=recipient.get("country") if recipient else None,
            place_id=v.get("place"), place=place["name"] if place else None,
            place_country=place.get("country") if place else None,
            time_id=v.get("time"), time_value=time_value, date=_day(time_value) or published,
            published=published, outlet=outlet))
    out["events"] = events
    return out


def _day(value: str | None) -> str | None:
    return value if value and len(value) == 10 and value[4] == "-" else None


def _row(table: str, base: dict, record: dict, skip: tuple[str, ...] = (), **derived) -> dict[str, Any]:
    """One flat row: spans become ``x_start``/``x_end``/``x``; lists become ``a | b``; fields with
    no column go to ``extra`` (JSON)."""
    known = _known(table)
    row = dict(base)
    extra = {}
    for key, value in record.items():
        if key in derived or key in skip:
            continue
        if isinstance(value, dict) and "start" in value and "end" in value:
            cols = {key: value.get("text"), f"{key}_start": value["start"], f"{key}_end": value["end"]}
        elif value is None and f"{key}_start" in known:
            cols = {key: None, f"{key}_start": None, f"{key}_end": None}
        elif isinstance(value, (list, tuple)):
            cols = {key: " | ".join(str(x) for x in value)}
        elif isinstance(value, bool):
            cols = {key: int(value)}
        else:
            cols = {key: value}
        for k, x in cols.items():
            if k in known:
                row[k] = x
            else:
                extra[k] = x
    row.update(derived)
    for k in known:
        row.setdefault(k, None)
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    return row


_KNOWN: dict[str, frozenset[str]] = {}


def _known(table: str) -> frozenset[str]:
    k = _KNOWN.get(table)
    if k is None:
        k = _KNOWN[table] = frozenset(c for c, _ in COLUMNS[table] if c != "extra")
    return k
