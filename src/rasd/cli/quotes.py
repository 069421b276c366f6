"""Statements found in the stored articles: who said what, and when (newest first).

The date is the statement's own resolved date when the article gives one, else the publication
date. --speaker matches any part of the speaker's name, ignoring diacritics and hamza forms.

examples:
  rasd quotes --speaker "رسول"
  rasd quotes --since 2021-08-01 --until 2021-08-31 --outlet الجزيرة
  rasd quotes --speaker "رسول" --format csv > rasul.csv
"""
from __future__ import annotations

import argparse

from ..errors import RasdError
from ._output import add_db, add_format, add_page, fail, open_db, print_page

HELP = "list statements (speaker, cue, content, date) with filters"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--speaker", metavar="NAME", help="part of the speaker's name")
    p.add_argument("--since", metavar="DATE", help="on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="on or before (YYYY[-MM[-DD]])")
    p.add_argument("--outlet", metavar="NAME", help="only this outlet (part of its name)")
    p.add_argument("--doc", metavar="DOC_ID", help="only this document")
    p.add_argument("--kind", choices=("direct", "indirect", "mixed"), help="only this kind of quote")
    add_page(p)
    add_format(p)


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            page = queries.quotes(store, speaker=args.speaker, since=args.since, until=args.until,
                                  outlet=args.outlet, doc_id=args.doc, kind=args.kind,
                                  limit=args.limit, offset=args.offset)
    except RasdError as exc:
        return fail(exc)
    if args.format == "table":
        for q in page["items"]:         # say why a statement has no named speaker
            if not q["speaker"] and q.get("speaker_reason"):
                q["speaker"] = f"({q['speaker_reason']})"
    print_page(page, args.format, ["date", "speaker", "cue", "content", "doc_id"],
               {"speaker": 28, "cue": 12, "content": 80, "doc_id": 24})
    return 0
