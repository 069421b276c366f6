"""The HTTP API and the right-to-left Arabic web UI (`rasd serve`).

    >>> from rasd.service import create_app
    >>> app = create_app("rasd.db")                    # read-only on the database
    >>> app = create_app("rasd.db", allow_ingest=True)  # also POST /api/ingest

`app` builds the ASGI app (FastAPI) and its guards; `api` the JSON endpoints under ``/api``;
`pages` the server-rendered pages; `annotate` the highlighted article view; `charts` the SVG
world map and per-day chart; `errors` the one JSON error shape.
"""
from __future__ import annotations

from .app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
