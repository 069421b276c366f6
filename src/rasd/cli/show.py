"""Show one stored document: its metadata, versions, statements, events and entities, or its full
rasd.document/1 JSON with --format json.

examples:
  rasd show seed
  rasd show seed --format json > seed.json
  rasd show seed --version 1
"""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import RasdError
from ._output import add_db, fail, open_db, print_rows, truncate

HELP = "show one stored document (metadata, quotes, events, entities) or its JSON"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("doc_id", metavar="DOC_ID", help="the document id (or its content hash)")
    add_db(p)
    p.add_argument("--version", type=int, metavar="N", help="this version (default: the latest)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")
    p.add_argument("--text", action="store_true", help="also print the article text")


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            doc = queries.document(store, args.doc_id, args.version)
    except RasdError as exc:
        return fail(exc)
    if args.format == "json":
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    meta, info = doc.get("meta", {}), doc["store"]
    out = sys.stdout
    out.write(f"{doc['id']}  (version {info['version']} of {len(info['versions'])}"
              f"{', latest' if info['latest'] else ''}; {info['doc_hash'][:12]})\n")
    for key in ("title", "published", "outlet", "url", "source", "caption"):
        if meta.get(key):
            out.write(f"  {key:9} {meta[key]}\n")
    out.write(f"  {'layers':9} {', '.join(doc.get('layers', []))}\n")
    if args.text:
        out.write("\n" + doc["text"] + "\n")
    entities = {e["id"]: e for e in doc.get("entities", [])}
    places = {p["id"]: p for p in doc.get("places", [])}
    times = {t["id"]: t for t in doc.get("times", [])}

    def name(eid):
        return entities[eid]["name"] if eid in entities else None

    if doc.get("quotes"):
        out.write(f"\nquotes ({len(doc['quotes'])})\n")
        print_rows(({"id": q["id"], "speaker": name(q.get("speaker")) or q.get("speaker_reason"),
                     "cue": (q.get("cue") or {}).get("text"),
                     "content": (q.get("content") or {}).get("text"),
                     "time": (times.get(q.get("time")) or {}).get("value")} for q in doc["quotes"]),
                   "table", ["id", "speaker", "cue", "content", "time"], {"content": 80, "speaker": 28})
    if doc.get("events"):
        out.write(f"\nevents ({len(doc['events'])})\n")
        print_rows(({"id": v["id"], "type": v["type"], "actor": name(v.get("actor")),
                     "trigger": (v.get("trigger") or {}).get("text"),
                     "recipient": name(v.get("recipient")),
                     "place": (places.get(v.get("place")) or {}).get("name"),
                     "time": (times.get(v.get("time")) or {}).get("value")} for v in doc["events"]),
                   "table", ["id", "type", "actor", "trigger", "recipient", "place", "time"])
    if doc.get("entities"):
        out.write(f"\nentities ({len(doc['entities'])})\n")
        print_rows(({"id": e["id"], "label": e["label"], "name": e["name"], "country": e.get("country"),
                     "mentions": len(e.get("mentions", []))} for e in doc["entities"]),
                   "table", ["id", "label", "name", "country", "mentions"], {"name": 40})
    if doc.get("times"):
        out.write(f"\ntimes ({len(doc['times'])})\n")
        print_rows(({"id": t["id"], "text": truncate(t["text"], 40), "value": t.get("value"),
                     "grain": t.get("grain")} for t in doc["times"]),
                   "table", ["id", "text", "value", "grain"])
    return 0
