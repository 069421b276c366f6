"""Events as PLOVER records and as flat rows.

`events_to_plover(doc)` writes one PLOVER event record per event, with the field names of the
PLOVER specification (openeventdata/PLOVER): ``id``, ``date``, ``actor`` and ``recipient`` (lists
of entity objects: ``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``,
``office``), ``event`` (list of types), ``mode``, ``context``, ``quad_code``, ``event_text``,
``event_loc`` (a Mordecai-style location object), ``text_info``, ``cite_info``, ``coder``. What
PLOVER has no field for (CAMEO root code, trigger span, negation and the other auxiliary modes,
the quote that reports the event, confidence) is kept under ``"rasd"``.

`events_to_rows(doc)` gives one flat dictionary per event for CSV: actor and recipient names and
countries, place name, country and coordinates, date, trigger text and offsets.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from .. import __version__
from ..model import Document, Entity, Event, Place

__all__ = ["QUAD_CODES", "ROW_FIELDS", "events_to_plover", "events_to_rows"]

# PLOVER quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict.
QUAD_CODES = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
CONTEXTS = {
    "ASSAULT": "military", "MOBILIZE": "military", "RETREAT": "military",
    "CONSULT": "diplomatic", "AGREE": "diplomatic", "AID": "human_security",
    "COERCE": "repression", "PROTEST": "political_institutions",
}
RESOLUTION = {"country": 1, "admin": 2, "region": 2, "city": 4, "site": 5}

ROW_FIELDS = ("doc_id", "event_id", "type", "mode", "cameo", "quad_code", "trigger",
              "trigger_start", "trigger_end", "actor", "actor_country", "actor_sector", "recipient",
              "recipient_country", "recipient_sector", "place", "place_country", "lat", "lon",
              "date", "time_text", "negated", "future", "hypothetical", "historical",
              "reported_by", "confidence", "sentence")


class _Index:
    def __init__(self, doc: Document):
        self.doc = doc
        self.entities = {e.id: e for e in doc.entities}
        self.places = {p.id: p for p in doc.places}
        self.times = {t.id: t for t in doc.times}
        self.sentence_starts = [s.start for s in doc.sentences]

    def sentence(self, offset: int) -> tuple[int, int, int] | None:
        k = bisect_right(self.sentence_starts, offset) - 1
        if k < 0:
            return None
        s = self.doc.sentences[k]
        return k, s.start, s.end

    def date(self, v: Event) -> str | None:
        t = self.times.get(v.time or "")
        if t is not None and t.value and len(t.value) == 10:
            return t.value
        return self.doc.meta.published

    def place(self, v: Event) -> Place | None:
        return self.places.get(v.place or "")


def _entity_object(e: Entity | None) -> list[dict[str, Any]]:
    if e is None:
        return []
    return [{"code": e.country, "sector": e.sector, "entity_text": e.name,
             "identifier_id": e.gazetteer_id, "identifier_text": e.name,
             "office": e.title or (e.roles[0] if e.roles else None)}]


def _location(p: Place | None, doc: Document) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"extracted_place": p.name, "resolved_place": p.name, "geonameid": p.gazetteer_id,
            "lat": p.lat, "lon": p.lon, "country": p.country, "country_code": p.country,
            "feature_class": None, "feature_code": None,
            "resolution": RESOLUTION.get(p.resolution or "")}


def _aux_modes(v: Event) -> list[str]:
    return [name for name, on in (("negation", v.negated), ("future", v.future),
                                  ("hypothetical", v.hypothetical), ("historical", v.historical)) if on]


def events_to_plover(doc: Document) -> list[dict[str, Any]]:
    """One PLOVER event record per event of `doc`."""
    ix = _Index(doc)
    meta = doc.meta
    out = []
    for v in doc.events:
        sent = ix.sentence(v.trigger.start)
        context = CONTEXTS.get(v.type)
        out.append({
            "id": f"{doc.id}:{v.id}" if doc.id else v.id,
            "has_event": True,
            "date": ix.date(v),
            "actor": _entity_object(ix.entities.get(v.actor or "")),
            "recipient": _entity_object(ix.entities.get(v.recipient or "")),
            "event": [v.type],
            "mode": v.mode,
            "context": [context] if context else [],
            "quad_code": QUAD_CODES.get(v.type),
            "event_text": doc.text[sent[1]:sent[2]] if sent else None,
            "event_loc": _location(ix.place(v), doc),
            "text_info": {"sequence": sent[0] if sent else None,
                          "start": sent[1] if sent else None,
                          "end": sent[2] if sent else None, "text_story": doc.id or None},
            "cite_info": {"corpus": meta.source, "url": meta.url, "title": meta.title,
                          "language": meta.language or "ar", "publication": meta.outlet,
                          "coder": "rasd", "codebook": "PLOVER", "version": __version__},
            "coder": f"rasd {__version__}",
            "rasd": {"cameo": v.cameo, "aux_modes": _aux_modes(v),
                     "trigger": {"start": v.trigger.start, "end": v.trigger.end,
                                 "text": doc.text[v.trigger.start:v.trigger.end]},
                     "time": v.time, "reported_by": v.reported_by, "confidence": v.confidence},
        })
    return out


def events_to_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat dictionary per event of `doc`, with the keys of `ROW_FIELDS`."""
    ix = _Index(doc)
    rows = []
    for v in doc.events:
        actor = ix.entities.get(v.actor or "")
        recipient = ix.entities.get(v.recipient or "")
        place = ix.place(v)
        time = ix.times.get(v.time or "")
        sent = ix.sentence(v.trigger.start)
        rows.append({
            "doc_id": doc.id, "event_id": v.id, "type": v.type, "mode": v.mode, "cameo": v.cameo,
            "quad_code": QUAD_CODES.get(v.type),
            "trigger": doc.text[v.trigger.start:v.trigger.end],
            "trigger_start": v.trigger.start, "trigger_end": v.trigger.end,
            "actor": actor.name if actor else None,
            "actor_country": actor.country if actor else None,
            "actor_sector": actor.sector if actor else None,
            "recipient": recipient.name if recipient else None,
            "recipient_country": recipient.country if recipient else None,
            "recipient_sector": recipient.sector if recipient else None,
            "place": place.name if place else None,
            "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "date": ix.date(v), "time_text": doc.text[time.start:time.end] if time else None,
            "negated": v.negated, "future": v.future, "hypothetical": v.hypothetical,
            "historical": v.historical, "reported_by": v.reported_by,
            "confidence": v.confidence,
            "sentence": doc.text[sent[1]:sent[2]] if sent else None,
        })
    return rows
