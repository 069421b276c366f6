"""The article view: the document text with every layer marked, and the side-panel lists.

`annotate(data)` takes a serialized document (``rasd.document/1``, as `queries.document` or
`document_to_dict` give it) and returns the text as safe HTML plus one list per layer. The text
is cut at every span boundary; each piece is escaped and wrapped in one ``<span>`` whose classes
name every annotation covering it (``ent ent-per``, ``q-content``, ``q-cue``, ``q-source``,
``tx``, ``ev``, ``sec-title`` …) and whose ``data-*`` attributes name the quote, entity and event,
so overlapping layers (a time inside a quote) show together. Nothing from the document reaches
the page unescaped.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

__all__ = ["annotate", "speaker_url"]

_LABEL_CLASS = {"PER": "ent-per", "ORG": "ent-org", "GPE": "ent-gpe", "LOC": "ent-loc", "MISC": "ent-misc"}


def speaker_url(name: str) -> str:
    return "/speakers/" + url_quote(name, safe="")


class _Mark:
    __slots__ = ("start", "end", "cls", "data", "title")

    def __init__(self, start: int, end: int, cls: str, data: tuple[tuple[str, str], ...] = (),
                 title: str | None = None):
        self.start, self.end, self.cls, self.data, self.title = start, end, cls, data, title


def _span(d: Any) -> tuple[int, int] | None:
    if isinstance(d, dict) and isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
        return d["start"], d["end"]
    return None


def _marks(data: dict[str, Any], entities: dict[str, dict], times: dict[str, dict]) -> list[_Mark]:
    marks: list[_Mark] = []
    for s in data.get("sections") or []:
        if s.get("kind") and s["kind"] != "body":
            marks.append(_Mark(s["start"], s["end"], f"sec-{s['kind']}"))
    owner = {m: e for e in entities.values() for m in e.get("mentions") or []}
    for m in data.get("mentions") or []:
        e = owner.get(m.get("id"))
        label = (e or m).get("label") or "MISC"
        title = f"{e['name']} · {label}" if e else label
        data_attrs = (("entity", e["id"]),) if e else ()
        marks.append(_Mark(m["start"], m["end"], f"ent {_LABEL_CLASS.get(label, 'ent-misc')}", data_attrs,
                           title))
    for t in times.values():
        title = t.get("value") or "?"
        if t.get("calendar") == "hijri":
            title += " (هجري)"
        marks.append(_Mark(t["start"], t["end"], "tx", (("time", t["id"]),), title))
    for q in data.get("quotes") or []:
        ref = (("quote", q["id"]),)
        for part, cls in (("content", "q-content"), ("cue", "q-cue"), ("source", "q-source")):
            sp = _span(q.get(part))
            if sp:
                marks.append(_Mark(sp[0], sp[1], cls, ref))
    for v in data.get("events") or []:
        sp = _span(v.get("trigger"))
        if sp:
            title = v.get("type") or "?"
            if v.get("mode"):
                title += f" / {v['mode']}"
            if v.get("negated"):
                title += " (منفي)"
            marks.append(_Mark(sp[0], sp[1], "ev", (("event", v["id"]),), title))
    n = len(data.get("text") or "")
    return [m for m in marks if 0 <= m.start < m.end <= n]


def _render(text: str, marks: list[_Mark]) -> Markup:
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = str(escape(text[a:b]))
        if not active:
            out.append(piece)
            continue
        classes: list[str] = []
        data: dict[str, str] = {}
        titles: list[str] = []
        for m in active:
            for c in m.cls.split():
                if c not in classes:
                    classes.append(c)
            for k, v in m.data:
                data.setdefault(k, v)
            if m.title and m.title not in titles:
                titles.append(m.title)
        attrs = f' class="{escape(" ".join(classes))}"'
        attrs += "".join(f' data-{k}="{escape(v)}"' for k, v in data.items())
        if titles:
            attrs += f' title="{escape(" · ".join(titles))}"'
        out.append(f"<span{attrs}>{piece}</span>")
    return Markup("".join(out))


def annotate(data: dict[str, Any]) -> dict[str, Any]:
    """The article view of a serialized document: ``html`` (the marked text, safe) and the lists
    ``entities``, ``quotes``, ``times``, ``events`` and ``places`` for the side panels."""
    text = data.get("text") or ""
    meta = data.get("meta") or {}
    published = meta.get("published")
    entities = {e["id"]: e for e in data.get("entities") or [] if e.get("id")}
    times = {t["id"]: t for t in data.get("times") or [] if t.get("id") and _span(t)}
    places = {p["id"]: p for p in data.get("places") or [] if p.get("id")}
    html = _render(text, _marks(data, entities, times))

    def ent(eid: str | None) -> dict | None:
        e = entities.get(eid) if eid else None
        return {"id": e["id"], "name": e["name"], "label": e.get("label"),
                "url": speaker_url(e["name"])} if e else None

    quotes = []
    for q in data.get("quotes") or []:
        t = times.get(q.get("time")) if q.get("time") else None
        quotes.append({"id": q["id"], "kind": q.get("kind"), "speaker": ent(q.get("speaker")),
                       "speaker_reason": q.get("speaker_reason"),
                       "cue": (q.get("cue") or {}).get("text"), "content": (q.get("content") or {}).get("text"),
                       "source": (q.get("source") or {}).get("text") if q.get("source") else None,
                       "date": (t or {}).get("value") or published, "date_text": (t or {}).get("text"),
                       "confidence": q.get("confidence")})
    events = []
    for v in data.get("events") or []:
        t = times.get(v.get("time")) if v.get("time") else None
        p = places.get(v.get("place")) if v.get("place") else None
        events.append({"id": v["id"], "type": v.get("type"), "mode": v.get("mode"), "cameo": v.get("cameo"),
                       "trigger": (v.get("trigger") or {}).get("text"), "actor": ent(v.get("actor")),
                       "recipient": ent(v.get("recipient")), "place": (p or {}).get("name"),
                       "date": (t or {}).get("value") or published,
                       "negated": bool(v.get("negated")), "hypothetical": bool(v.get("hypothetical"))})
    entity_list = sorted(
        ({"id": e["id"], "name": e["name"], "label": e.get("label"), "title": e.get("title"),
          "roles": e.get("roles") or [], "country": e.get("country"), "mentions": len(e.get("mentions") or []),
          "url": speaker_url(e["name"])} for e in entities.values()),
        key=lambda e: (-e["mentions"], e["name"]))
    time_list = [{"id": t["id"], "text": t.get("text") or text[t["start"]:t["end"]], "value": t.get("value"),
                  "grain": t.get("grain"), "calendar": t.get("calendar")} for t in times.values()]
    return {"html": html, "entities": entity_list, "quotes": quotes, "times": time_list, "events": events,
            "places": list(places.values()), "layers": data.get("layers") or []}
