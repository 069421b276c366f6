"""The SQLite schema of the store, as an ordered list of migrations.

`SCHEMA_VERSION` is the number of migrations; the ``schema_version`` table records each one
applied, with its date. Opening a store applies the missing migrations, each in one transaction,
and refuses a database written by a newer rasd. To change the schema, append a migration; never
edit one that has shipped.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from ..errors import StoreError
from .rows import COLUMNS, LAYER_TABLES

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "schema_version"]

_SQL_TYPE = {"text": "TEXT", "int": "INTEGER", "real": "REAL"}


def _layer_table(name: str) -> str:
    cols = ",\n  ".join(f'"{c}" {_SQL_TYPE[t]}' for c, t in COLUMNS[name] if c not in ("doc_hash", "doc_id"))
    return (f"CREATE TABLE {name} (\n  doc_key INTEGER NOT NULL REFERENCES documents(key) "
            f"ON DELETE CASCADE,\n  {cols},\n  PRIMARY KEY (doc_key, id)\n) WITHOUT ROWID;")


def _initial() -> str:
    layers = "\n".join(_layer_table(t) for t in LAYER_TABLES)
    return f"""
CREATE TABLE documents (
  key INTEGER PRIMARY KEY,
  doc_hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  latest INTEGER NOT NULL DEFAULT 1,
  title TEXT, published TEXT, outlet TEXT, url TEXT, source TEXT, language TEXT,
  layers TEXT, n_chars INTEGER, text TEXT NOT NULL, json BLOB NOT NULL,
  added TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents(doc_id, version);
CREATE INDEX documents_latest ON documents(latest, published);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body, content='', tokenize='unicode61 remove_diacritics 0');
{layers}
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX quotes_date ON quotes(date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX entities_name ON entities(label, name_norm);
CREATE TABLE failures (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, remedy TEXT,
  time TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1,
  UNIQUE (path, code, message)
);
CREATE INDEX failures_path ON failures(path);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL, finished TEXT, inputs TEXT, stages TEXT, rasd_version TEXT,
  read INTEGER DEFAULT 0, added INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0,
  failed INTEGER DEFAULT 0
);
"""


# (version, description, SQL). Append only.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents with versions, FTS5 index, layer tables, failures, runs", _initial()),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database (0 for an empty one)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, path: str | None = None) -> int:
    """Bring the database to `SCHEMA_VERSION`; returns the number of migrations applied."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {current}, newer than this rasd "
                         f"(version {SCHEMA_VERSION})", path=path, remedy="upgrade rasd", code="R402")
    applied = 0
    for version, description, sql in MIGRATIONS:
        if version <= current:
            continue
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            conn.execute("BEGIN IMMEDIATE")
            if schema_version(conn) >= version:     # another process migrated meanwhile
                conn.execute("COMMIT")
                continue
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                         "applied TEXT NOT NULL, description TEXT)")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (version, now, description))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"cannot migrate the database to schema version {version}: {exc}",
                             path=path, code="R403") from None
        applied += 1
    return applied


def _statements(sql: str) -> list[str]:
    out, buf = [], []
    for line in sql.strip().splitlines():
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf))
            buf = []
    return out
