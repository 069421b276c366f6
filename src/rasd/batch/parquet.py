"""Partitioned Parquet output: one dataset (a folder of ``part-*.parquet`` files) per table.

    PARQUET_DIR/documents/part-….parquet   doc_hash, doc_id, title, published, …, text, json
    PARQUET_DIR/quotes/part-….parquet      one row per statement (columns as in the SQLite store)
    PARQUET_DIR/events/ entities/ mentions/ times/ places/ failures/

Each batch writes its own part, named by the hashes of its documents, so a batch written twice
overwrites itself. Any Parquet engine reads a folder as one table (``pyarrow.dataset``, DuckDB
``read_parquet('DIR/quotes/*.parquet')``, Spark, pandas); `load_parquet` fills a SQLite store
from the ``documents`` and ``failures`` datasets.
"""
from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import FormatError, NotFoundError
from ..store.rows import COLUMNS, TABLES, document_rows

__all__ = ["FAILURE_COLUMNS", "finish", "known_hashes", "load_parquet", "schema", "write_batch",
           "write_failures"]

FAILURE_COLUMNS = [("path", "text"), ("code", "text"), ("message", "text"), ("remedy", "text"),
                   ("time", "text")]


def schema(table: str):
    """The Arrow schema of a table's dataset."""
    import pyarrow as pa
    types = {"text": pa.string(), "int": pa.int64(), "real": pa.float64()}
    cols = FAILURE_COLUMNS if table == "failures" else COLUMNS[table]
    return pa.schema([(name, types[t]) for name, t in cols])


def _write(folder: Path, table: str, name: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    out = folder / table
    out.mkdir(parents=True, exist_ok=True)
    data = pa.Table.from_pylist(rows, schema=schema(table))
    tmp = out / f".{name}.tmp"
    pq.write_table(data, tmp, compression="zstd")
    os.replace(tmp, out / f"{name}.parquet")     # a part appears whole or not at all


def write_batch(folder: str | os.PathLike, results: list[dict[str, Any]],
                failures: list[dict[str, Any]]) -> None:
    """Write one batch's rows (from `rows.document_rows`) and failures as one part per table."""
    folder = Path(folder)
    hashes = [r["documents"][0]["doc_hash"] for r in results]
    digest = hashlib.sha256("".join(hashes or [json.dumps(failures, sort_keys=True)]).encode()).hexdigest()
    name = f"part-{digest[:20]}"
    for table in TABLES:
        rows = [row for r in results for row in r.get(table, ())]
        if rows:
            _write(folder, table, name, rows)
    if failures:
        write_failures(folder, failures, name)


def write_failures(folder: str | os.PathLike, failures: Iterable[dict[str, Any]], name: str) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = [{"path": f.get("path") or "-", "code": f.get("code"), "message": f.get("message"),
             "remedy": f.get("remedy"), "time": now} for f in failures]
    if rows:
        _write(Path(folder), "failures", name, rows)


def finish(folder: str | os.PathLike) -> None:
    """Give every table a dataset, empty if no batch had rows for it, so that readers find it."""
    folder = Path(folder)
    for table in TABLES + ("failures",):
        out = folder / table
        if not out.is_dir() or not any(out.glob("*.parquet")):
            _write(folder, table, "part-empty", [])


def _parts(folder: Path, table: str) -> list[Path]:
    return sorted((folder / table).glob("*.parquet"))


def known_hashes(folder: str | os.PathLike) -> set[str]:
    """Content hashes of the documents already written under `folder`."""
    import pyarrow.parquet as pq
    out: set[str] = set()
    for part in _parts(Path(folder), "documents"):
        out.update(pq.read_table(part, columns=["doc_hash"]).column(0).to_pylist())
    return out


def load_parquet(folder: str | os.PathLike, store, *, batch_size: int = 256,
                 progress: Callable[[dict], None] | None = None) -> dict[str, int]:
    """Fill `store` from the ``documents`` and ``failures`` datasets under `folder`.
    Documents already in the store are skipped. Returns ``{"added", "skipped", "failures"}``."""
    import pyarrow.parquet as pq
    folder = Path(folder)
    if not (folder / "documents").is_dir():
        raise NotFoundError("no documents dataset here (expected FOLDER/documents/*.parquet)",
                            path=str(folder), remedy="give the folder written by `rasd ingest --parquet`")
    added = skipped = 0
    batch: list[dict] = []
    for part in _parts(folder, "documents"):
        try:
            pf = pq.ParquetFile(part)
            for record_batch in pf.iter_batches(batch_size=batch_size, columns=["doc_hash", "text", "json"]):
                for row in record_batch.to_pylist():
                    data = json.loads(row["json"])
                    data["text"] = row["text"]
                    batch.append(document_rows(data, row["doc_hash"]))
                if len(batch) >= batch_size:
                    a, s = store.write(batch)
                    added, skipped, batch = added + a, skipped + s, []
                    if progress:
                        progress({"added": added, "skipped": skipped})
        except (OSError, ValueError) as exc:
            raise FormatError(f"cannot read this Parquet file: {exc}", path=str(part)) from None
    if batch:
        a, s = store.write(batch)
        added, skipped = added + a, skipped + s
    n_failures = 0
    for part in _parts(folder, "failures"):
        rows = pq.read_table(part).to_pylist()
        if rows:
            store.record_failures(rows)
            n_failures += len(rows)
    return {"added": added, "skipped": skipped, "failures": n_failures}
