"""The one serializer: `Document` <-> the versioned JSON document ``rasd.document/1``.

Spans are written as ``{"start", "end", "text"}``; records that are spans themselves (tokens,
mentions, times) carry ``start``, ``end`` and ``text`` directly. The JSON Schema is shipped as
``rasd/schema/document.schema.json`` and `validate` checks a dict against it.
"""
from __future__ import annotations

import gc
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson

from .errors import FormatError
from .model import (LAYERS, Document, Entity, Event, Meta, Mention, Place, Quote, Section,
                    Segment, Sentence, Span, TimeExpression, Token)

__all__ = ["SCHEMA_ID", "document_from_dict", "document_to_dict", "document_to_json", "dumps",
           "schema", "validate"]

SCHEMA_ID = "rasd.document/1"

_TOKENS_JSON_ABI = 1                 # the C module's version (ABI in _tokens_json.c)
try:
    from . import _tokens_json
except ImportError:                  # built by setup.py; optional
    _tokens_json = None
if _tokens_json is not None and getattr(_tokens_json, "ABI", None) != _TOKENS_JSON_ABI:
    _tokens_json = None              # left over from an older source: rebuild with setup.py


def _span(doc: Document, span: Span | None) -> dict | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": doc.text[span.start:span.end]}


def _meta(meta: Meta) -> dict[str, Any]:
    out = {
        "title": meta.title, "published": meta.published, "published_source": meta.published_source,
        "dateline": meta.dateline, "url": meta.url, "outlet": meta.outlet, "caption": meta.caption,
        "credits": list(meta.credits), "subheadings": list(meta.subheadings),
        "language": meta.language, "source": meta.source,
    }
    for k, v in meta.extra.items():
        out.setdefault(k, v)
    return out


def _tokens(text: str, tokens: list[Token]) -> list[dict]:
    """Token dicts; the hottest part of the output, so tokens are unpacked as the tuples they are."""
    out = []
    append = out.append
    for start, end, kind, _, _, segs in tokens:
        word = text[start:end]
        if segs:
            segments = [{"start": a, "end": b, "text": text[a:b], "kind": k} for a, b, k in segs]
        else:
            segments = [{"start": start, "end": end, "text": word, "kind": "stem"}]
        append({"start": start, "end": end, "text": word, "kind": kind, "segments": segments})
    return out


def _tokens_fragment(text: str, tokens: list[Token]) -> Any:
    """The token layer as JSON text ready for orjson (`orjson.Fragment`), written by the C module
    when it is built (the same bytes as orjson writes for `_tokens`, several times faster)."""
    if _tokens_json is not None:
        try:
            return orjson.Fragment(_tokens_json.tokens_json(text, tokens))
        except ValueError:
            pass                 # a lone surrogate: orjson's own error, through the dicts
    return _tokens(text, tokens)


def _layer_dicts(doc: Document, name: str) -> list[dict]:
    text = doc.text
    if name == "sections":
        return [{"kind": s.kind, "start": s.start, "end": s.end, "text": text[s.start:s.end]}
                for s in doc.sections]
    if name == "sentences":
        return [{"start": s.start, "end": s.end, "text": text[s.start:s.end], "section": s.section,
                 "paragraph": s.paragraph} for s in doc.sentences]
    if name == "tokens":
        return _tokens(text, doc.tokens)
    if name == "mentions":
        return [{"id": m.id, "start": m.start, "end": m.end, "text": text[m.start:m.end],
                 "label": m.label, "score": round(m.score, 4), "source": m.source} for m in doc.mentions]
    if name == "entities":
        return [{"id": e.id, "label": e.label, "name": e.name, "mentions": list(e.mentions),
                 "title": e.title, "roles": list(e.roles), "country": e.country, "sector": e.sector,
                 "gazetteer_id": e.gazetteer_id, "lat": e.lat, "lon": e.lon,
                 "aliases": list(e.aliases)} for e in doc.entities]
    if name == "times":
        return [{"id": t.id, "start": t.start, "end": t.end, "text": text[t.start:t.end],
                 "value": t.value, "grain": t.grain, "calendar": t.calendar, "anchor": t.anchor,
                 "note": t.note} for t in doc.times]
    if name == "quotes":
        return [{"id": q.id, "cue": _span(doc, q.cue), "content": _span(doc, q.content),
                 "speaker": q.speaker, "kind": q.kind, "source": _span(doc, q.source),
                 "speaker_reason": q.speaker_reason, "time": q.time,
                 "confidence": round(q.confidence, 4)} for q in doc.quotes]
    if name == "events":
        return [{"id": v.id, "type": v.type, "mode": v.mode, "cameo": v.cameo,
                 "trigger": _span(doc, v.trigger), "actor": v.actor, "recipient": v.recipient,
                 "place": v.place, "time": v.time, "negated": v.negated,
                 "hypothetical": v.hypothetical, "future": v.future, "historical": v.historical,
                 "reported_by": v.reported_by, "confidence": round(v.confidence, 4)}
                for v in doc.events]
    if name == "places":
        return [{"id": p.id, "entity": p.entity, "name": p.name, "country": p.country, "lat": p.lat,
                 "lon": p.lon, "gazetteer_id": p.gazetteer_id, "resolution": p.resolution,
                 "reason": p.reason} for p in doc.places]
    raise ValueError(f"unknown layer {name!r}; layers are {', '.join(LAYERS)}")


def document_to_dict(doc: Document, layers: tuple[str, ...] | None = None,
                     tokens_as_text: bool = False) -> dict[str, Any]:
    """The JSON-ready dict of a document; `layers` limits which layers are written (all by default).
    With `tokens_as_text`, the token layer is JSON text already (`orjson.Fragment`): for orjson
    to write without indentation, not a dict to read."""
    # Tens of thousands of small dicts, none in a reference cycle: the cyclic garbage collector
    # would only rescan them (it cost three quarters of the time), so it pauses while they are built.
    paused = gc.isenabled()
    gc.disable()
    try:
        out: dict[str, Any] = {"schema": SCHEMA_ID, "id": doc.id, "text": doc.text,
                               "meta": _meta(doc.meta), "layers": list(doc.done)}
        for name in LAYERS:
            if layers is None or name in layers:
                if name == "tokens" and tokens_as_text:
                    out[name] = _tokens_fragment(doc.text, doc.tokens)
                else:
                    out[name] = _layer_dicts(doc, name)
    finally:
        if paused:
            gc.enable()
    return out


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text with Arabic written as is (orjson, several times faster than the json module)."""
    if indent is None:
        return orjson.dumps(data).decode("utf-8")
    if indent == 2:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    return json.dumps(data, ensure_ascii=False, indent=indent)


def document_to_json(doc: Document, layers: tuple[str, ...] | None = None,
                     indent: int | None = None) -> str:
    """The document as JSON text; one line without `indent`."""
    return dumps(document_to_dict(doc, layers, tokens_as_text=indent is None), indent)


def _s(d: dict | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"])


def document_from_dict(data: dict[str, Any]) -> Document:
    """Read back a dict written by `document_to_dict` (the inverse, up to normalized caches)."""
    if data.get("schema") != SCHEMA_ID:
        raise FormatError(f"not a {SCHEMA_ID} document (schema is {data.get('schema')!r})")
    m = dict(data.get("meta") or {})
    known = {"title", "published", "published_source", "dateline", "url", "outlet", "caption",
             "credits", "subheadings", "language", "source"}
    meta = Meta(**{k: m[k] for k in known if k in m and m[k] is not None},
                extra={k: v for k, v in m.items() if k not in known})
    doc = Document(text=data["text"], id=data.get("id", ""), meta=meta)
    doc.done = list(data.get("layers") or [])
    doc.sections = [Section(s["kind"], s["start"], s["end"]) for s in data.get("sections", [])]
    doc.sentences = [Sentence(s["start"], s["end"], s.get("section", "body"), s.get("paragraph", 0))
                     for s in data.get("sentences", [])]
    from .text.normalize import normalize
    from .text.clitics import segment_stem
    doc.tokens = []
    for t in data.get("tokens", []):
        norm = normalize(t["text"], "match")
        segs = tuple(Segment(s["start"], s["end"], s["kind"]) for s in t.get("segments", []))
        segs = segs if len(segs) > 1 else ()
        stem = "".join(normalize(data["text"][s.start:s.end], "match") for s in segs if s.kind == "stem") \
            if segs else segment_stem(norm)
        doc.tokens.append(Token(t["start"], t["end"], t["kind"], norm, stem or norm, segs))
    doc.mentions = [Mention(x["id"], x["start"], x["end"], x["label"], x.get("score", 1.0),
                            x.get("source", "model")) for x in data.get("mentions", [])]
    doc.entities = [Entity(x["id"], x["label"], x["name"], tuple(x.get("mentions", [])), x.get("title"),
                           tuple(x.get("roles", [])), x.get("country"), x.get("sector"),
                           x.get("gazetteer_id"), x.get("lat"), x.get("lon"),
                           tuple(x.get("aliases", []))) for x in data.get("entities", [])]
    doc.times = [TimeExpression(x["id"], x["start"], x["end"], x.get("value"), x.get("grain"),
                                x.get("calendar", "gregorian"), x.get("anchor"), x.get("note"))
                 for x in data.get("times", [])]
    doc.quotes = [Quote(x["id"], _s(x["cue"]), _s(x["content"]), x.get("speaker"), x.get("kind", "indirect"),
                        _s(x.get("source")), x.get("speaker_reason"), x.get("time"),
                        x.get("confidence", 1.0)) for x in data.get("quotes", [])]
    doc.events = [Event(x["id"], x["type"], _s(x["trigger"]), x.get("mode"), x.get("cameo"), x.get("actor"),
                        x.get("recipient"), x.get("place"), x.get("time"), x.get("negated", False),
                        x.get("hypothetical", False), x.get("future", False), x.get("historical", False),
                        x.get("reported_by"), x.get("confidence", 1.0)) for x in data.get("events", [])]
    doc.places = [Place(x["id"], x["entity"], x["name"], x.get("country"), x.get("lat"), x.get("lon"),
                        x.get("gazetteer_id"), x.get("resolution"), x.get("reason"))
                  for x in data.get("places", [])]
    return doc


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of ``rasd.document/1``, shipped in the package."""
    path = resources.files("rasd") / "schema" / "document.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    """Raise `FormatError` naming the first problem if `data` is not a valid rasd document."""
    import jsonschema
    validator = _validator()
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(document)"
        raise FormatError(f"document does not match {SCHEMA_ID} at {where}: {error.message}")


@lru_cache(maxsize=1)
def _validator():
    import jsonschema
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())
