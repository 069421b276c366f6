"""Events found in the stored articles (PLOVER types): who did what to whom, where and when.

--country is an ISO 3166 alpha-3 code matched against the actor's, the recipient's and the
place's country; --actor matches any part of the actor's name.

examples:
  rasd events --type RETREAT
  rasd events --actor "التحالف" --country IRQ --since 2021
  rasd events --format csv > events.csv
"""
from __future__ import annotations

import argparse

from ..errors import RasdError
from ._output import add_db, add_format, add_page, fail, open_db, print_page

HELP = "list events (type, actor, recipient, place, date) with filters"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--type", metavar="TYPE", help="PLOVER event type, e.g. RETREAT, ASSAULT")
    p.add_argument("--actor", metavar="NAME", help="part of the actor's name")
    p.add_argument("--recipient", metavar="NAME", help="part of the recipient's name")
    p.add_argument("--country", metavar="ISO3", help="actor, recipient or place in this country")
    p.add_argument("--since", metavar="DATE", help="on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="on or before (YYYY[-MM[-DD]])")
    p.add_argument("--outlet", metavar="NAME", help="only this outlet (part of its name)")
    p.add_argument("--doc", metavar="DOC_ID", help="only this document")
    p.add_argument("--asserted", action="store_true", help="leave out negated events")
    add_page(p)
    add_format(p)


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            page = queries.events(store, type=args.type, actor=args.actor, recipient=args.recipient,
                                  country=args.country, since=args.since, until=args.until,
                                  outlet=args.outlet, doc_id=args.doc,
                                  include_negated=not args.asserted, limit=args.limit,
                                  offset=args.offset)
    except RasdError as exc:
        return fail(exc)
    print_page(page, args.format,
               ["date", "type", "actor", "trigger", "recipient", "place", "negated", "doc_id"],
               {"actor": 28, "recipient": 28, "trigger": 16, "place": 18, "doc_id": 24})
    return 0
