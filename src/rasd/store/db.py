"""The SQLite store: open (and migrate) a database, write analyzed documents in batches, record failures.

Safe by construction:
- documents are keyed by their content hash (`rows.content_hash`): writing one already stored is a
  no-op, and a changed article under the same document id becomes a new version (the newest is
  marked ``latest``; queries read only the latest versions);
- the analyzed document (``rasd.document/1`` without tokens) is kept zlib-compressed in
  ``documents.json`` (read it with `stored_json`); the layer tables hold flat, queryable rows;
- WAL journal; each batch (documents, their layer rows, their index entries and the failures met
  on the way) is written in one transaction, so a process killed mid-ingest loses at most the
  batch in flight, and a rerun skips everything committed and carries on.
"""
from __future__ import annotations

import json
import os
import sqlite3
import zlib
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import NotFoundError, RasdError, StoreError
from .rows import COLUMNS, LAYER_TABLES
from .schema import migrate

__all__ = ["DEFAULT_DB", "Store", "open_store", "stored_json"]

DEFAULT_DB = "rasd.db"
_DOC_COLUMNS = [c for c, _ in COLUMNS["documents"]]
_JSON = _DOC_COLUMNS.index("json")


def stored_json(value: bytes | str) -> dict[str, Any]:
    """The document dict kept in ``documents.json``: zlib-compressed JSON (plain JSON is read too)."""
    if isinstance(value, bytes):
        value = zlib.decompress(value).decode("utf-8")
    return json.loads(value)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _insert_sql(table: str, columns: list[str], prefix: str = "INSERT OR REPLACE") -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"{prefix} INTO {table} ({cols}) VALUES ({marks})"


_LAYER_COLUMNS = {t: ["doc_key"] + [c for c, _ in COLUMNS[t] if c not in ("doc_hash", "doc_id")]
                  for t in LAYER_TABLES}
_LAYER_SQL = {t: _insert_sql(t, cols) for t, cols in _LAYER_COLUMNS.items()}
_DOC_SQL = _insert_sql("documents", ["version", "latest", "added"] + _DOC_COLUMNS, "INSERT")


class Store:
    """An open rasd database. Use as a context manager, or call `close`.

    >>> with Store("rasd.db") as store:
    ...     added, skipped = store.write(results)
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, create: bool = True,
                 readonly: bool = False, timeout: float = 60.0):
        self.path = str(path)
        if self.path != ":memory:" and not create and not Path(self.path).exists():
            raise NotFoundError("no such database", path=self.path,
                                remedy="run `rasd ingest PATH --db FILE` first, or check --db")
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                        check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                migrate(self.conn, self.path)
            else:
                self.conn.execute("PRAGMA query_only = 1")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database: {exc}", path=self.path, code="R401") from None

    # -- context manager ------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on error)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading --------------------------------------------------------------------------
    def known(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(
                f"SELECT doc_hash FROM documents WHERE doc_hash IN ({marks})", chunk))
        return found

    def count(self, latest: bool = True) -> int:
        sql = "SELECT COUNT(*) FROM documents" + (" WHERE latest = 1" if latest else "")
        return self.conn.execute(sql).fetchone()[0]

    # -- writing --------------------------------------------------------------------------
    def write(self, results: Iterable[dict[str, Any]],
              failures: Iterable[RasdError | dict] = ()) -> tuple[int, int]:
        """Write analyzed documents (the output of `rows.document_rows`, with ``"hash"``) and
        failures in one transaction. Returns ``(added, skipped)``: documents already stored are
        skipped."""
        added = skipped = 0
        now = _now()
        conn = self.conn
        layer_rows: dict[str, list[tuple]] = {t: [] for t in LAYER_TABLES}
        with self.transaction():
            for r in results:
                doc = r["documents"][0]
                if conn.execute("SELECT 1 FROM documents WHERE doc_hash = ?", (doc["doc_hash"],)).fetchone():
                    skipped += 1
                    continue
                doc_id = doc["doc_id"]
                prev = conn.execute("SELECT MAX(version) FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]
                if prev:
                    conn.execute("UPDATE documents SET latest = 0 WHERE doc_id = ? AND latest = 1", (doc_id,))
                values = [doc[c] for c in _DOC_COLUMNS]
                values[_JSON] = zlib.compress(values[_JSON].encode("utf-8"), 6)   # about 6x smaller
                key = conn.execute(_DOC_SQL, [(prev or 0) + 1, 1, now] + values).lastrowid
                title_keys, body_keys = r["search"]
                conn.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
                             (key, title_keys, body_keys))
                for table in LAYER_TABLES:
                    cols = _LAYER_COLUMNS[table]
                    layer_rows[table].extend(tuple([key] + [row.get(c) for c in cols[1:]])
                                             for row in r.get(table, ()))
                if doc.get("source"):
                    conn.execute("DELETE FROM failures WHERE path = ?", (doc["source"],))
                added += 1
            for table, rows in layer_rows.items():
                if rows:
                    conn.executemany(_LAYER_SQL[table], rows)
            self._failures(failures, now)
        return added, skipped

    def record_failures(self, failures: Iterable[RasdError | dict]) -> None:
        with self.transaction():
            self._failures(failures, _now())

    def _failures(self, failures: Iterable[RasdError | dict], now: str) -> None:
        rows = []
        for f in failures:
            d = f.to_dict() if isinstance(f, RasdError) else f
            rows.append((d.get("path") or "-", d.get("code") or "R000", d.get("message") or "",
                         d.get("remedy"), now))
        if rows:
            self.conn.executemany(
                "INSERT INTO failures (path, code, message, remedy, time) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (path, code, message) DO UPDATE SET time = excluded.time, "
                "count = count + 1", rows)

    def begin_run(self, inputs: list[str], stages: list[str]) -> int:
        from .. import __version__
        with self.transaction():
            return self.conn.execute(
                "INSERT INTO runs (started, inputs, stages, rasd_version) VALUES (?, ?, ?, ?)",
                (_now(), "\n".join(inputs), ",".join(stages), __version__)).lastrowid

    def end_run(self, run_id: int, *, read: int, added: int, skipped: int, failed: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished = ?, read = ?, added = ?, skipped = ?, "
                              "failed = ? WHERE id = ?", (_now(), read, added, skipped, failed, run_id))


def open_store(path: str | os.PathLike | Store | None = None, *, create: bool = False,
               readonly: bool = False) -> Store:
    """A `Store` for `path` (default ``./rasd.db``); a `Store` is returned as it is."""
    if isinstance(path, Store):
        return path
    return Store(path or DEFAULT_DB, create=create, readonly=readonly)
