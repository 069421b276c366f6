"""Export quotes, events, entities or documents from the store (latest versions only).

Formats: csv, jsonl, parquet, and plover (events as PLOVER records, one JSON object a line).
`documents --format jsonl` writes full rasd.document/1 JSON that `rasd analyze`-style tools read.

examples:
  rasd export quotes --format csv -o quotes.csv
  rasd export events --format plover -o events.plover.jsonl
  rasd export documents --format parquet -o docs.parquet --since 2021-01
"""
from __future__ import annotations

import argparse
import sys

from ..errors import RasdError
from ._output import add_db, fail, open_db

HELP = "export quotes, events, entities or documents as CSV, JSONL, Parquet or PLOVER"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..store.export import FORMATS, KINDS
    p.add_argument("kind", choices=KINDS, help="what to export")
    p.add_argument("--format", choices=FORMATS, default="csv", help="csv (default), jsonl, parquet, plover")
    p.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="file to write (default: standard output; required for parquet)")
    add_db(p)
    p.add_argument("--since", metavar="DATE", help="on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="on or before (YYYY[-MM[-DD]])")


def run(args: argparse.Namespace) -> int:
    from ..store.export import export
    try:
        with open_db(args) as store:
            n = export(store, args.kind, args.format, args.output, since=args.since, until=args.until)
    except RasdError as exc:
        return fail(exc)
    if args.output != "-":
        print(f"rasd: wrote {n} {args.kind} to {args.output}", file=sys.stderr)
    return 0
