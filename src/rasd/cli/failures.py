"""List the inputs an ingest could not read or analyze, newest first, with the reason and a fix.

examples:
  rasd failures
  rasd failures --code R105 --format csv > failures.csv
"""
from __future__ import annotations

import argparse

from ..errors import RasdError
from ._output import add_db, add_format, add_page, fail, open_db, print_page

HELP = "list inputs that failed to ingest (path, code, message)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--code", metavar="RNNN", help="only this error code (e.g. R105)")
    p.add_argument("--path", metavar="TEXT", help="only paths containing TEXT")
    add_page(p, limit=100)
    add_format(p)


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            page = queries.failures(store, code=args.code, path=args.path, limit=args.limit,
                                    offset=args.offset)
    except RasdError as exc:
        return fail(exc)
    print_page(page, args.format, ["path", "code", "message", "count", "time"],
               {"path": 50, "message": 70})
    return 0
