"""Serve the HTTP API and the web UI over a rasd database.

The database is opened read-only unless --allow-ingest is given, which creates it if needed and
enables POST /api/ingest. The UI (search, articles with their layers highlighted, speakers'
timelines, events with a world map, an analyze page) is at http://HOST:PORT/, the API under
/api (its OpenAPI description at /api/openapi.json). Nothing is loaded from the internet.

examples:
  rasd serve --db rasd.db
  rasd serve --db news.db --port 8080 --allow-ingest
  curl -s -X POST --data-binary @article.txt -H 'Content-Type: text/plain' localhost:8000/api/analyze
"""
from __future__ import annotations

import argparse
import sys

from ..errors import RasdError

HELP = "serve the HTTP API and the Arabic web UI over a database"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="rasd.db", metavar="FILE", help="the database (default ./rasd.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="open the database for writing and enable POST /api/ingest")
    p.add_argument("--max-body-mb", type=float, default=5.0, metavar="MB",
                   help="largest request body accepted (default 5 MB)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..service import create_app
    try:
        app = create_app(args.db, allow_ingest=args.allow_ingest,
                         max_body_bytes=int(args.max_body_mb * 1_000_000))
    except RasdError as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        return 1
    mode = "read-write, ingest enabled" if args.allow_ingest else "read-only"
    print(f"rasd: serving {args.db} ({mode}) on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
