"""People, organizations and places named in the stored articles, most often named first.

examples:
  rasd entities --top 20
  rasd entities --label PER --name "رسول"
  rasd entities --label GPE --format csv
"""
from __future__ import annotations

import argparse

from ..errors import RasdError
from ._output import add_db, add_format, fail, open_db, print_page

HELP = "list the most named entities (per label), with document and mention counts"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--label", metavar="LABEL", help="PER, ORG, LOC, GPE or MISC")
    p.add_argument("--name", metavar="NAME", help="part of the name")
    p.add_argument("--country", metavar="ISO3", help="only entities of this country")
    p.add_argument("--top", type=int, default=20, metavar="N", help="how many (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="rows to skip first")
    add_format(p)


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            page = queries.entities(store, label=args.label, name=args.name, country=args.country,
                                    limit=args.top, offset=args.offset)
    except RasdError as exc:
        return fail(exc)
    print_page(page, args.format, ["name", "label", "country", "documents", "mentions"], {"name": 40})
    return 0
