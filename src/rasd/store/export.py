"""Export what the store holds: quotes, events, entities or documents as CSV, JSON Lines, Parquet,
or events as PLOVER JSON Lines. Only the latest version of each document is exported.

    >>> export(store, "quotes", "csv", "quotes.csv")
    412

Rows carry the document id, title and URL next to the record's own columns (those of the store,
`rows.COLUMNS`); events use the events stage's `rasd.io.plover.events_to_rows` (with the
sentence, quad code and coordinates) when it exists. ``documents`` as ``jsonl`` writes full
``rasd.document/1`` JSON, one a line, that rasd reads back. ``plover`` uses
`rasd.io.plover.events_to_plover`.
"""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterator

from ..errors import InputError
from .db import Store, stored_json
from .rows import COLUMNS

__all__ = ["FORMATS", "KINDS", "export", "iter_rows"]

KINDS = ("quotes", "events", "entities", "documents", "mentions", "times", "places")
FORMATS = ("csv", "jsonl", "parquet", "plover")
_DOC_FIELDS = ("doc_id", "title", "url")


def _stored_doc(row) -> dict[str, Any]:
    data = stored_json(row["json"])
    data["text"] = row["text"]
    return data


def iter_rows(store: Store, kind: str, *, since: str | None = None,
              until: str | None = None) -> Iterator[dict[str, Any]]:
    """Every row of one kind, in document order (dates filter on the row's date, or on the
    publication date for documents and entities)."""
    from .queries import _Where
    if kind not in KINDS:
        raise InputError(f"cannot export {kind!r}", remedy=f"export one of {', '.join(KINDS)}")
    where = _Where("d.latest = 1")
    if kind == "documents":
        where.dates("d.published", since, until)
        cols = ", ".join(f"d.{c}" for c, _ in COLUMNS["documents"] if c not in ("json", "text"))
        sql = f"SELECT d.version, {cols}, d.text FROM documents d{where.sql()} ORDER BY d.key"
        for row in store.conn.execute(sql, where.params):
            yield dict(row)
        return
    date_col = "t.date" if kind in ("quotes", "events") else "d.published"
    where.dates(date_col, since, until)
    cols = ", ".join(f't."{c}"' for c, _ in COLUMNS[kind] if c not in ("doc_hash", "doc_id"))
    sql = (f"SELECT d.doc_id, d.title AS doc_title, d.url AS doc_url, {cols} FROM {kind} t "
           f"JOIN documents d ON d.key = t.doc_key{where.sql()} ORDER BY d.key")
    for row in store.conn.execute(sql, where.params):
        yield dict(row)


def _documents_json(store: Store, since: str | None, until: str | None) -> Iterator[dict[str, Any]]:
    from .queries import _Where
    where = _Where("d.latest = 1")
    where.dates("d.published", since, until)
    for row in store.conn.execute(f"SELECT d.json, d.text FROM documents d{where.sql()} ORDER BY d.key",
                                  where.params):
        yield _stored_doc(row)


def _event_rows(store: Store, since: str | None, until: str | None):
    """(rows, Arrow schema) of events from the events stage's `events_to_rows`, or None when
    that converter does not exist (the store's own event rows are used then)."""
    try:
        from ..io.plover import ROW_FIELDS, events_to_rows
    except ImportError:
        return None
    from ..serialize import document_from_dict
    from .queries import _Where

    def rows() -> Iterator[dict[str, Any]]:
        where = _Where("d.latest = 1", "d.key IN (SELECT doc_key FROM events)")
        for row in store.conn.execute(f"SELECT d.json, d.text FROM documents d{where.sql()} ORDER BY d.key",
                                      where.params):
            for r in events_to_rows(document_from_dict(_stored_doc(row))):
                if since and (r.get("date") or "") < since:
                    continue
                if until and (r.get("date") or "")[: len(until)] > until:
                    continue
                yield r

    import pyarrow as pa
    ints, floats = {"trigger_start", "trigger_end", "quad_code"}, {"lat", "lon", "confidence"}
    bools = {"negated", "future", "hypothetical", "historical"}
    schema = pa.schema([(f, pa.int64() if f in ints else pa.float64() if f in floats
                         else pa.bool_() if f in bools else pa.string()) for f in ROW_FIELDS])
    return rows(), schema


def _plover(store: Store, since: str | None, until: str | None) -> Iterator[dict[str, Any]]:
    """PLOVER event records, from the events stage's converter when it exists."""
    try:
        from ..io.plover import events_to_plover
    except ImportError:
        events_to_plover = None
    if events_to_plover is None:
        for row in iter_rows(store, "events", since=since, until=until):
            yield _plover_from_row(row)
        return
    from ..serialize import document_from_dict
    from .queries import _Where
    where = _Where("d.latest = 1", "d.key IN (SELECT doc_key FROM events)")
    where.dates("d.published", since, until)
    for row in store.conn.execute(f"SELECT d.json, d.text FROM documents d{where.sql()} ORDER BY d.key",
                                  where.params):
        yield from events_to_plover(document_from_dict(_stored_doc(row)))


def _plover_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style record from one stored event row (used until `rasd.io.plover` exists)."""
    return {
        "id": f"{row['doc_id']}:{row['id']}", "date": row.get("date"), "event": row.get("type"),
        "mode": row.get("mode"), "cameo": row.get("cameo"),
        "actor": row.get("actor"), "actor_country": row.get("actor_country"),
        "recipient": row.get("recipient"), "recipient_country": row.get("recipient_country"),
        "location": {"name": row.get("place"), "country": row.get("place_country")},
        "trigger": row.get("trigger"), "negated": bool(row.get("negated")),
        "source": {"doc_id": row["doc_id"], "title": row.get("doc_title"), "url": row.get("doc_url"),
                   "outlet": row.get("outlet")},
    }


@contextmanager
def _open_text(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def export(store: Store, kind: str, fmt: str, out: str, *, since: str | None = None,
           until: str | None = None) -> int:
    """Write every `kind` row to `out` (a path, or ``-`` for standard output, except Parquet)
    in format `fmt`; returns the number of records written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", remedy=f"use one of {', '.join(FORMATS)}")
    if fmt == "plover" and kind != "events":
        raise InputError("the plover format is for events", remedy="use `rasd export events --format plover`")
    schema = None
    if fmt == "plover":
        records: Iterator[dict[str, Any]] = _plover(store, since, until)
    elif kind == "documents" and fmt == "jsonl":
        records = _documents_json(store, since, until)
    elif kind == "events" and (converted := _event_rows(store, since, until)) is not None:
        records, schema = converted
    else:
        records = iter_rows(store, kind, since=since, until=until)
    if fmt == "parquet":
        return _write_parquet(records, out, schema or _arrow_schema(kind))
    n = 0
    with _open_text(out) as f:
        if fmt in ("jsonl", "plover"):
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        else:
            writer = None
            for r in records:
                if writer is None:
                    writer = csv.DictWriter(f, fieldnames=list(r), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(r)
                n += 1
            if writer is None:
                f.write(",".join(_header(kind)) + "\n")
    return n


def _header(kind: str) -> list[str]:
    if kind == "documents":
        return ["version"] + [c for c, _ in COLUMNS["documents"] if c != "json"]
    return ["doc_id", "doc_title", "doc_url"] + [c for c, _ in COLUMNS[kind] if c not in ("doc_hash", "doc_id")]


def _arrow_schema(kind: str):
    import pyarrow as pa
    types = {"text": pa.string(), "int": pa.int64(), "real": pa.float64()}
    if kind == "documents":
        cols = [("version", "int")] + [(c, t) for c, t in COLUMNS["documents"] if c != "json"]
    else:
        cols = [("doc_id", "text"), ("doc_title", "text"), ("doc_url", "text")] + \
            [(c, t) for c, t in COLUMNS[kind] if c not in ("doc_hash", "doc_id")]
    return pa.schema([(c, types[t]) for c, t in cols])


def _write_parquet(records: Iterator[dict[str, Any]], out: str, schema) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    if out == "-":
        raise InputError("Parquet cannot be written to standard output", remedy="give -o FILE.parquet")
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for r in records:
            batch.append(r)
            n += 1
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n
