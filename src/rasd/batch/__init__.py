"""Corpus-scale ingest: read inputs, analyze them in parallel, write the store and/or Parquet.

    >>> from rasd.batch import ingest
    >>> report = ingest(["corpus/"], db="rasd.db", workers=2)
    >>> report = ingest(["corpus/"], db=None, parquet="out/", dask="local")

The main process reads and hashes the inputs, skips documents already stored, and hands batches
to an executor: inline (``workers=1``), a local process pool (``workers=N``), or a Dask cluster
(``dask="local"`` or a scheduler address). Every executor runs the same task,
`work.analyze_batch`, and results are written in the order the inputs were read, one
transaction per batch. Inputs that cannot be read, and documents a stage fails on, are recorded
as failures; the rest go on.
"""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..errors import RasdError
from ..model import Document
from ..store.rows import content_hash
from .work import analyze_batch, get_pipeline

__all__ = ["IngestReport", "count_inputs", "ingest", "load"]

DEFAULT_BATCH = 64
_EMPTY: dict[str, Any] = {"results": [], "failures": [], "hashes": [], "n": 0}


@dataclass
class IngestReport:
    """What an ingest did. `added` counts new documents (and new versions of known ones),
    `skipped` those already stored or read twice, `failed` the failure records written (inputs
    that could not be read, and `failed_docs` documents a stage failed on)."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    failed_docs: int = 0
    seconds: float = 0.0
    total: int | None = None
    workers: int = 1
    executor: str = "inline"
    stages: list[str] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)   # the first 100

    @property
    def rate(self) -> float:
        """Documents read per second."""
        return self.read / self.seconds if self.seconds else 0.0

    def progress(self) -> dict[str, Any]:
        """The running counts handed to a progress callback."""
        return {"read": self.read, "added": self.added, "skipped": self.skipped,
                "failed": self.failed, "total": self.total, "seconds": round(self.seconds, 3),
                "rate": round(self.rate, 1)}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rate"] = round(self.rate, 1)
        return d


def count_inputs(paths: Iterable[str | Path]) -> int:
    """A quick estimate of how many articles `paths` hold (JSON Lines lines, other files as one)."""
    from ..io.readers import iter_files
    n = 0
    for p in paths:
        p = Path(p)
        if not p.exists():
            continue
        for f in iter_files(p):
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                with f.open("rb") as fh:
                    n += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            else:
                n += 1
    return n


def _executor(workers: int, dask: str | None) -> tuple[Executor | None, Callable[[], None], str, int]:
    """(executor or None for inline, close function, name, number of workers)."""
    if dask:
        from distributed import Client, LocalCluster
        if dask == "local":
            cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            n = max(workers, 1)

            def close() -> None:
                client.close()
                cluster.close()
        else:
            cluster = None
            client = Client(dask)
            n = max(len(client.scheduler_info().get("workers", {})), 1)

            def close() -> None:
                client.close()
        return client.get_executor(pure=False), close, f"dask:{dask}", n
    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        return pool, lambda: pool.shutdown(wait=True, cancel_futures=True), "processes", workers
    return None, lambda: None, "inline", 1


class _Inline:
    """A finished future, for running a batch in this process."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value


def _batches(items: Iterator[Document | RasdError], size: int,
             read_failures: list[dict]) -> Iterator[list[tuple[Document, str]]]:
    from .work import failure_record
    batch: list[tuple[Document, str]] = []
    for item in items:
        if isinstance(item, RasdError):
            read_failures.append(failure_record(item, item.path))
            continue
        batch.append((item, content_hash(item)))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Sequence[str | Path], db: Any = "rasd.db", *, workers: int = 1,
           dask: str | None = None, parquet: str | Path | None = None,
           stages: Sequence[str] | None = None, batch_size: int = DEFAULT_BATCH,
           progress: Callable[[dict], None] | None = None, reader_options: dict | None = None,
           count: bool = True) -> IngestReport:
    """Read `paths` (files or folders), analyze every new document and write it to the SQLite
    store `db` (a path or an open `Store`; None for none) and/or the Parquet folder `parquet`.

    `workers` > 1 runs a local process pool; `dask` ("local" or a scheduler address) runs on a
    Dask cluster, whose workers write the Parquet parts themselves (the folder must be reachable
    from them). `progress` is called after every batch with the running counts, ``total`` (an
    estimate, or None) and ``rate`` (documents per second)."""
    from ..io.readers import read_paths
    from ..store.db import Store, open_store
    if db is None and parquet is None:
        raise ValueError("ingest needs a database, a Parquet folder, or both")
    stage_names = get_pipeline(stages).names    # built here first: a bad stage fails at once
    store = (db if isinstance(db, Store) else open_store(db, create=True)) if db is not None else None
    own_store = store is not None and not isinstance(db, Store)
    parquet_dir = str(Path(parquet).resolve()) if parquet is not None else None   # workers may run elsewhere
    known_parquet: set[str] = set()
    if parquet_dir is not None:
        from .parquet import known_hashes
        Path(parquet_dir).mkdir(parents=True, exist_ok=True)
        known_parquet = known_hashes(parquet_dir)
    report = IngestReport(total=count_inputs(paths) if count else None, stages=stage_names)
    run_id = store.begin_run([str(p) for p in paths], stage_names) if store else None
    start = time.perf_counter()
    run_tag = f"{int(time.time())}"
    executor, close, report.executor, report.workers = _executor(workers, dask)
    read_failures: list[dict] = []
    seen: set[str] = set()
    pending: deque[tuple[Future | _Inline, int]] = deque()
    in_flight = max(2, report.workers * 2)

    def collect(entry: tuple[Future | _Inline, int]) -> None:
        future, skipped_here = entry
        out = future.result()
        read_errors = read_failures[:]
        read_failures.clear()
        failures = out["failures"] + read_errors
        if store is not None:
            added, skipped = store.write(out["results"], failures)
        else:
            added, skipped = len(out["hashes"]), 0
            if read_errors and parquet_dir is not None:
                from .parquet import write_failures
                write_failures(parquet_dir, read_errors, f"part-read-{run_tag}-{report.read}")
        report.added += added
        report.skipped += skipped + skipped_here
        report.failed += len(failures)
        report.failed_docs += len(out["failures"])
        report.failures.extend(failures[: max(0, 100 - len(report.failures))])
        if progress:
            report.seconds = time.perf_counter() - start
            progress(report.progress())

    try:
        items = read_paths(paths, **(reader_options or {}))
        for batch in _batches(items, batch_size, read_failures):
            report.read += len(batch)
            known = store.known([h for _, h in batch]) if store is not None else known_parquet
            fresh, skipped_here = [], 0
            for doc, h in batch:
                if h in seen or h in known:
                    skipped_here += 1
                    continue
                seen.add(h)
                fresh.append((doc, h))
            if not fresh:
                pending.append((_Inline(_EMPTY), skipped_here))
            else:
                args = ([d for d, _ in fresh], [h for _, h in fresh], stages, parquet_dir,
                        store is not None)
                if executor is None:
                    pending.append((_Inline(analyze_batch(*args)), skipped_here))
                else:
                    pending.append((executor.submit(analyze_batch, *args), skipped_here))
            while len(pending) > in_flight or (executor is None and pending):
                collect(pending.popleft())
        while pending:
            collect(pending.popleft())
        if read_failures:
            collect((_Inline(_EMPTY), 0))
    finally:
        close()
        report.seconds = time.perf_counter() - start
        if parquet_dir is not None:
            from .parquet import finish
            finish(parquet_dir)
        if store is not None:
            if run_id is not None:
                store.end_run(run_id, read=report.read, added=report.added, skipped=report.skipped,
                              failed=report.failed)
            if own_store:
                store.close()
    return report


def load(folder: str | Path, db: Any = "rasd.db", *, progress: Callable[[dict], None] | None = None) -> dict[str, int]:
    """Fill the store `db` from a Parquet folder written by `ingest(..., parquet=…)`."""
    from ..store.db import Store, open_store
    from .parquet import load_parquet
    store = db if isinstance(db, Store) else open_store(db, create=True)
    try:
        return load_parquet(folder, store, progress=progress)
    finally:
        if not isinstance(db, Store):
            store.close()
