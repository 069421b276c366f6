"""Load the Parquet datasets written by `rasd ingest --parquet DIR` (or --dask) into a SQLite store.

Documents already in the store are skipped, so loading twice adds nothing.

examples:
  rasd load rasd-parquet/ --db news.db
"""
from __future__ import annotations

import argparse
import sys

from ..errors import RasdError
from ._output import add_db, fail

HELP = "load a Parquet folder (from ingest --parquet/--dask) into the SQLite store"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="PARQUET_DIR", help="the folder holding documents/, quotes/, …")
    add_db(p)


def run(args: argparse.Namespace) -> int:
    from ..batch import load
    try:
        result = load(args.folder, args.db)
    except RasdError as exc:
        return fail(exc)
    print(f"rasd: added {result['added']}, already stored {result['skipped']}, "
          f"failures {result['failures']} -> {args.db}", file=sys.stderr)
    return 0
