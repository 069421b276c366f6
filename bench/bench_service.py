"""Latency of the HTTP API on a large store: ``/api/search`` and ``/api/documents/{id}``.

1. Builds (with ``--build``) a database of at least 20,000 articles by replicating a JSON Lines
   corpus (default ../shared/corpus/articles.jsonl) with distinct ids and titles, through the
   store's own ingest (`rasd.batch.ingest`; ``--stages`` picks a reduced pipeline to build faster).
2. Starts ``rasd serve`` on 127.0.0.1 in a subprocess (read-only on the database).
3. Sends a bounded number of requests (``--requests`` per endpoint, ``--concurrency`` at a time,
   and never longer than ``--max-seconds``) with an asyncio/httpx loop, only to 127.0.0.1, and
   reports p50 / p90 / p99 / max latency and throughput per endpoint, as a table and JSON.

    python bench/bench_service.py --db /tmp/rasd-bench.db --build --workers 2
    python bench/bench_service.py --db /tmp/rasd-full.db --build --replicate-rows
    python bench/bench_service.py --db /tmp/rasd-bench.db --requests 2000 --concurrency 8
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
# search words from general Arabic news: frequent, mid-frequency and rare, a phrase and a prefix
QUERIES = ["انسحاب", "الحكومة", "قال", "النفط", "مجلس الأمن", "الانتخابات", "وزير الخارجية",
           '"الأمم المتحدة"', "اقتصاد*", "المفاوضات", "الجيش", "اللاجئين", "الكهرباء", "كورونا",
           "الاحتجاجات", "الميزانية"]


def build(db: Path, corpus: Path, copies: int, workers: int, stages: list[str] | None) -> dict:
    from rasd.batch import ingest
    records = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "replicated.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for k in range(copies):
                for r in records:
                    r2 = dict(r, id=f"{r.get('id', 'doc')}-c{k}", title=f"{r.get('title') or ''} [{k}]")
                    f.write(json.dumps(r2, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        report = ingest([path], db=db, workers=workers, stages=stages, batch_size=128)
        seconds = time.perf_counter() - t0
    return {"articles": len(records) * copies, "added": report.added, "failed": report.failed,
            "seconds": round(seconds, 1), "rate": round(report.added / seconds, 1),
            "stages": report.stages, "workers": workers}


def build_replicated(db: Path, corpus: Path, copies: int) -> dict:
    """Analyze the corpus once with the full pipeline, then write each analyzed document `copies`
    times under distinct ids, hashes and titles (fast: the store gets every layer)."""
    import copy as copy_module

    from rasd.batch.work import analyze_batch
    from rasd.io.readers import read_path
    from rasd.model import Document
    from rasd.store.db import Store
    from rasd.store.rows import content_hash
    t0 = time.perf_counter()
    docs = [d for d in read_path(corpus) if isinstance(d, Document)]
    out = analyze_batch(docs, [content_hash(d) for d in docs])
    analyzed = time.perf_counter() - t0
    added = 0
    with Store(db) as store:
        for k in range(copies):
            batch = []
            for r in out["results"]:
                r2 = copy_module.copy(r)
                doc = dict(r["documents"][0])
                doc["doc_id"] = f"{doc['doc_id']}-c{k}"
                doc["doc_hash"] = f"{doc['doc_hash'][:56]}{k:08x}"
                doc["title"] = f"{doc.get('title') or ''} [{k}]"
                r2["documents"] = [doc]
                batch.append(r2)
            added += store.write(batch)[0]
    seconds = time.perf_counter() - t0
    return {"articles": len(docs) * copies, "added": added, "analyzed_once_seconds": round(analyzed, 1),
            "seconds": round(seconds, 1), "stages": "all available (analyzed once, rows replicated)"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("rasd serve exited: " + proc.stderr.read().decode(errors="replace"))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("rasd serve did not answer within 60 s")


async def load(base: str, paths: list[str], concurrency: int, max_seconds: float) -> dict:
    import httpx
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = list(reversed(paths))
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            while queue and time.monotonic() < deadline:
                path = queue.pop()
                t0 = time.perf_counter()
                r = await client.get(path)
                await r.aread()
                latencies.append((time.perf_counter() - t0) * 1000)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1)

    return {"requests": len(latencies), "statuses": statuses, "seconds": round(wall, 2),
            "per_second": round(len(latencies) / wall, 1), "p50_ms": pct(50), "p90_ms": pct(90),
            "p99_ms": pct(99), "max_ms": round(latencies[-1], 1),
            "mean_ms": round(statistics.fmean(latencies), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "rasd-bench.db")
    ap.add_argument("--build", action="store_true", help="(re)build the database first")
    ap.add_argument("--replicate-rows", action="store_true",
                    help="build by analyzing the corpus once (full pipeline) and replicating its rows")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--min-articles", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=1, help="ingest processes when building")
    ap.add_argument("--stages", help="comma-separated stages for building (default: all available)")
    ap.add_argument("--requests", type=int, default=1000, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--max-seconds", type=float, default=120, help="time bound per endpoint")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, help="also write the report here (JSON)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))

    report: dict = {"db": str(args.db)}
    if args.build:
        if not args.corpus.exists():
            sys.exit(f"no corpus at {args.corpus}")
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        n = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
        copies = -(-args.min_articles // n)
        stages = args.stages.split(",") if args.stages else None
        report["build"] = (build_replicated(args.db, args.corpus, copies) if args.replicate_rows
                           else build(args.db, args.corpus, copies, args.workers, stages))
        print("built:", json.dumps(report["build"], ensure_ascii=False), file=sys.stderr)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents WHERE latest = 1")]
    report["documents"] = len(ids)
    report["db_mb"] = round(os.path.getsize(args.db) / 1e6, 1)
    conn.close()
    rng = random.Random(args.seed)
    search_paths = [f"/api/search?q={rng.choice(QUERIES)}&limit=20" for _ in range(args.requests)]
    doc_paths = [f"/api/documents/{rng.choice(ids)}" for _ in range(args.requests)]
    port = free_port()
    proc = start_server(args.db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, search_paths[: max(20, args.requests // 20)], args.concurrency, 30))   # warm-up
        report["search"] = asyncio.run(load(base, search_paths, args.concurrency, args.max_seconds))
        report["document"] = asyncio.run(load(base, doc_paths, args.concurrency, args.max_seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    report.update(concurrency=args.concurrency, python=sys.version.split()[0], cpus=os.cpu_count())
    print(f"{'endpoint':<26}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, path in (("search", "/api/search?q=…"), ("document", "/api/documents/{id}")):
        r = report[name]
        print(f"{path:<26}{r['requests']:>9}{r['per_second']:>8}{r['p50_ms']:>9}{r['p90_ms']:>9}"
              f"{r['p99_ms']:>9}{r['max_ms']:>9}")
    print(json.dumps(report, ensure_ascii=False))
    if args.output:
        args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
