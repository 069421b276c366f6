"""Read articles into the store: analyze every new document and write it to a SQLite database
and/or partitioned Parquet.

Inputs are files and folders: .txt, .jsonl (and .jsonl.gz, .txt.gz, .html.gz), .json, .html and
.warc/.warc.gz. Documents are keyed by content hash: ingesting the same input again adds nothing,
and a changed article under the same id becomes a new version. Each batch is committed at once, so
an interrupted ingest keeps what it wrote and a rerun carries on. Inputs that cannot be read (and
documents a stage fails on) are recorded; list them with `rasd failures`.

A progress bar on stderr shows articles/s and the time left.

examples:
  rasd ingest corpus/ --db news.db
  rasd ingest a.jsonl pages/ archive.warc.gz --workers 2
  rasd ingest corpus/ --dask local --parquet out/        # Dask LocalCluster, Parquet datasets
  rasd ingest corpus/ --dask tcp://scheduler:8786 --parquet /shared/out/
"""
from __future__ import annotations

import argparse
import sys

from ..errors import RasdError
from ._output import DEFAULT_DB, fail
from ._progress import ProgressBar

HELP = "analyze articles into the SQLite store (and/or Parquet), in parallel"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    p.add_argument("--db", metavar="FILE", default=None,
                   help="the SQLite database (default ./rasd.db; with --dask, none unless given)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes (local pool, or LocalCluster workers with --dask local)")
    p.add_argument("--dask", metavar="ADDR|local",
                   help="run on a Dask cluster: a scheduler address, or 'local' for a LocalCluster")
    p.add_argument("--parquet", metavar="DIR",
                   help="also write one Parquet dataset per layer here (default with --dask: ./rasd-parquet)")
    p.add_argument("--stages", metavar="S1,S2", help="run only these stages (default: all available)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per batch (default 64)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 if any input failed")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from ..batch import ingest
    db = args.db
    parquet = args.parquet
    if args.dask:
        parquet = parquet or "rasd-parquet"
    elif db is None:
        db = DEFAULT_DB
    stages = [s.strip() for s in args.stages.split(",")] if args.stages else None
    bar = None if args.quiet else ProgressBar(sys.stderr)
    try:
        report = ingest(args.paths, db=db, workers=max(1, args.workers), dask=args.dask,
                        parquet=parquet, stages=stages, batch_size=max(1, args.batch_size),
                        progress=bar)
    except RasdError as exc:
        return fail(exc)
    finally:
        if bar:
            bar.close()
    where = " and ".join(x for x in (db and f"{db}", parquet and f"{parquet}/") if x)
    print(f"rasd: read {report.read}, added {report.added}, already stored {report.skipped}, "
          f"failed {report.failed} in {report.seconds:.1f} s ({report.rate:.1f} articles/s, "
          f"{report.executor}, {report.workers} worker(s)) -> {where}", file=sys.stderr)
    if report.failed:
        hint = f"rasd failures --db {db}" if db else f"{parquet}/failures/"
        print(f"rasd: {report.failed} failure(s) recorded; see `{hint}`", file=sys.stderr)
    return 1 if (args.strict and report.failed) else 0
