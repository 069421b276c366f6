"""A document as a short text report for people: who said what, who did what to whom, when and
where, and the names found — each line with the character offsets of the text it rests on.

    >>> print(document_report(rasd.analyze(text)))

This is `rasd analyze --format text`; the JSON output holds everything, the report what a reader
checks first.
"""
from __future__ import annotations

from ..model import Document, Span

__all__ = ["document_report"]

_CLIP = 110          # characters of a quote's content shown


def document_report(doc: Document) -> str:
    """The report of one analysed document, ending with a newline."""
    names = {e.id: e.name for e in doc.entities}
    text = doc.text
    meta = doc.meta
    head = doc.id or meta.source or "document"
    lines = [f"== {head}"]
    if meta.title:
        lines.append(f"title: {meta.title}")
    if meta.published:
        lines.append(f"published: {meta.published}")
    lines.append(f"{len(text)} characters, {len(doc.sentences)} sentences, {len(doc.tokens)} tokens")

    if doc.quotes:
        lines.append(f"\nquotes ({len(doc.quotes)}): speaker | cue | what was said")
        for q in doc.quotes:
            who = names.get(q.speaker) or f"({q.speaker_reason or 'no speaker'})"
            lines.append(f"  {who} | {_span(text, q.cue)} | {_clip(_span(text, q.content))}  "
                         f"[{q.content.start}:{q.content.end}, {q.kind}]")
    if doc.events:
        lines.append(f"\nevents ({len(doc.events)}): type | trigger | actor -> recipient | place, time")
        times = {t.id: t.value or "" for t in doc.times}
        for v in doc.events:
            flags = [f for f in ("negated", "hypothetical", "future", "historical") if getattr(v, f)]
            where = ", ".join(x for x in (names.get(v.place or ""), times.get(v.time or "")) if x)
            lines.append(f"  {v.type} | {_span(text, v.trigger)} | {names.get(v.actor or '', '-')} -> "
                         f"{names.get(v.recipient or '', '-')}" + (f" | {where}" if where else "")
                         + (f"  ({', '.join(flags)})" if flags else "")
                         + f"  [{v.trigger.start}:{v.trigger.end}]")
    if doc.times:
        lines.append(f"\ntimes ({len(doc.times)}): text -> value")
        for t in doc.times:
            lines.append(f"  {text[t.start:t.end]} -> {t.value or '?'}  [{t.start}:{t.end}]")
    if doc.entities:
        lines.append(f"\nentities ({len(doc.entities)}): label | name | title, roles, country | mentions")
        for e in doc.entities:
            about = "; ".join(x for x in (e.title, *e.roles[:2], e.country) if x)
            lines.append(f"  {e.label} | {e.name}" + (f" | {about}" if about else "")
                         + f" | {len(e.mentions)}")
    return "\n".join(lines) + "\n"


def _span(text: str, span: Span | None) -> str:
    return " ".join(text[span.start:span.end].split()) if span is not None else ""


def _clip(s: str) -> str:
    return s if len(s) <= _CLIP else s[:_CLIP - 1] + "…"
