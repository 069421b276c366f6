"""The ASGI application: `create_app(db)` wires the store, the API, the pages and the guards.

- The database is opened **read-only** (``PRAGMA query_only``; one connection per worker
  thread) unless `allow_ingest` is set, which also enables ``POST /api/ingest`` and opens one
  writing connection, used under a lock.
- Request bodies are limited to `max_body_bytes` (a 413 in the one error shape), whether the
  client announces the length or streams the body.
- Every response carries a strict Content-Security-Policy (only this server's own scripts,
  styles and images; no inline script), ``nosniff`` and ``no-referrer``; nothing is loaded from
  another host.
- Static files are served from the package's ``static/`` folder only; no endpoint takes a
  filesystem path.
"""
from __future__ import annotations

import json
import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import NotFoundError, StoreError, TooLargeError
from ..store.db import Store
from .errors import error_body, install_handlers

__all__ = ["DEFAULT_MAX_BODY", "Database", "create_app"]

DEFAULT_MAX_BODY = 5_000_000
HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                 b"frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Database:
    """The store behind the service: read-only connections per thread, and one writer when
    ingest is allowed."""

    def __init__(self, path: str | os.PathLike | None, *, writable: bool = False):
        self.path = str(path) if path is not None else None
        self.writable = writable
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []
        self._writer: Store | None = None
        if self.path is None:
            return
        if writable:
            self._writer = Store(self.path, create=True)
        elif not Path(self.path).exists():
            raise NotFoundError("no such database", path=self.path,
                                remedy="run `rasd ingest PATH --db FILE` first, check --db, "
                                       "or start with --allow-ingest to create it")

    def reader(self) -> Store:
        """This thread's read-only connection."""
        if self.path is None:
            raise StoreError("this server has no database", remedy="start it with `rasd serve --db FILE`")
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, create=False, readonly=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def write(self, results: list[dict], failures: list[dict]) -> tuple[int, int]:
        if self._writer is None:
            raise StoreError("the database is read-only", remedy="start with `rasd serve --allow-ingest`")
        with self._lock:
            return self._writer.write(results, failures)

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                try:
                    s.close()
                except Exception:
                    pass
            self._all.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None


class Guard:
    """ASGI middleware: security headers on every response, and the request body size limit."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            body = json.dumps(error_body(413, TooLargeError.code, self._message(), TooLargeError.remedy),
                              ensure_ascii=False).encode()
            await send_with_headers({"type": "http.response.start", "status": 413, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def limited():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise TooLargeError(self._message())
            return message

        await self.app(scope, limited, send_with_headers)

    def _message(self) -> str:
        return f"the request body is larger than {self.max_body:,} bytes"


def create_app(db: str | os.PathLike | None = "rasd.db", *, allow_ingest: bool = False,
               max_body_bytes: int = DEFAULT_MAX_BODY, pipeline: Any = None) -> FastAPI:
    """The rasd web app over the store at `db` (None: only analysis works).

    `allow_ingest` opens the database for writing (creating it if needed) and enables
    ``POST /api/ingest``; `pipeline` is the `Pipeline` used by analyze and ingest (default: all
    available stages)."""
    from . import api, pages
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.db.close()

    app = FastAPI(
        lifespan=lifespan, title="rasd", version=__version__,
        description="Who said what, who did what to whom, when and where, in Arabic news: analyze "
                    "articles and query the store. Every error has one JSON shape: "
                    '`{"ok": false, "status", "code", "message", "remedy", "errors"}`.',
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.db = Database(db, writable=allow_ingest)
    app.state.allow_ingest = allow_ingest
    app.state.max_body = max_body_bytes
    app.state.pipeline = pipeline
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static", follow_symlink=False), name="static")
    app.add_middleware(Guard, max_body=max_body_bytes)
    return app
