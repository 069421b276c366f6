"""The SQLite store: schema and migrations, Arabic full-text search, queries, exports.

    >>> from rasd.store import Store, queries
    >>> with Store("rasd.db") as store:
    ...     page = queries.search(store, "انسحاب", limit=10)

`db` opens and writes (documents keyed by content hash, versions, failures); `rows` flattens an
analyzed document into one row per record and layer; `search` keys words for the FTS5 index;
`queries` answers questions with plain dicts; `export` writes CSV, JSON Lines, Parquet, PLOVER.
"""
from __future__ import annotations

from .db import DEFAULT_DB, Store, open_store
from .rows import COLUMNS, content_hash, document_rows
from .schema import SCHEMA_VERSION

__all__ = ["COLUMNS", "DEFAULT_DB", "SCHEMA_VERSION", "Store", "content_hash", "document_rows",
           "open_store"]
