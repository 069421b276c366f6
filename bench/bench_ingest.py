"""Corpus ingest throughput: articles/s and peak memory for 1 and 2 local workers and a Dask
LocalCluster(2), each as a ratio to reading + hashing the same inputs (the work no ingest can skip).

The shared corpus (articles.jsonl) is replicated to N articles; each copy gets its own URL, so
every copy has its own content hash and is really analyzed (the text is unchanged). Each
configuration runs in a fresh process on a fresh database, and a sampler thread records the peak
resident memory of that process and all its children (pool or Dask workers) together.

usage: python bench/bench_ingest.py [--n 20000] [--source ARTICLES.jsonl] [--stages S1,S2]
                                    [--configs read,w1,w2,dask2] [--json OUT.json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
CONFIGS = {
    "read": "read + hash only (baseline)",
    "w1": "ingest, 1 worker (inline)",
    "w2": "ingest, 2 worker processes",
    "dask2": "ingest, Dask LocalCluster(2) -> SQLite",
    "dask2pq": "ingest, Dask LocalCluster(2) -> Parquet only",
}


def replicate(source: Path, n: int, out: Path) -> int:
    lines = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x.strip()]
    written = 0
    with out.open("w", encoding="utf-8") as f:
        while written < n:
            for rec in lines:
                if written >= n:
                    break
                rec = dict(rec)
                rec["id"] = f"{rec.get('id', 'doc')}~{written}"
                rec["url"] = f"https://bench.invalid/{written}"
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += 1
    return written


class PeakRSS:
    """Samples the resident memory of this process and its descendants every 0.2 s."""

    def __init__(self):
        import psutil
        self.proc = psutil.Process()
        self.peak_total = self.peak_main = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil
        while not self._stop.is_set():
            try:
                main = self.proc.memory_info().rss
                total = main
                for child in self.proc.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak_main = max(self.peak_main, main)
                self.peak_total = max(self.peak_total, total)
            except psutil.Error:
                pass
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_one(config: str, data: Path, stages: list[str] | None, workdir: Path) -> dict:
    from rasd.batch import ingest
    from rasd.io.readers import read_path
    from rasd.store.rows import content_hash
    with PeakRSS() as rss:
        start = time.perf_counter()
        if config == "read":
            n = 0
            for doc in read_path(data):
                content_hash(doc)
                n += 1
            seconds = time.perf_counter() - start
            result = {"articles": n}
        else:
            db = workdir / f"{config}.db"
            kwargs = dict(stages=stages, batch_size=64, count=False)
            if config == "w1":
                report = ingest([data], db=db, workers=1, **kwargs)
            elif config == "w2":
                report = ingest([data], db=db, workers=2, **kwargs)
            elif config == "dask2":
                report = ingest([data], db=db, dask="local", workers=2, **kwargs)
            else:
                report = ingest([data], db=None, parquet=workdir / "pq", dask="local", workers=2, **kwargs)
            seconds = time.perf_counter() - start
            result = {"articles": report.read, "added": report.added, "failed": report.failed,
                      "stages": report.stages}
    result.update(config=config, seconds=round(seconds, 2),
                  articles_per_s=round(result["articles"] / seconds, 1),
                  peak_rss_mb_main=round(rss.peak_main / 2**20), peak_rss_mb_total=round(rss.peak_total / 2**20))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--stages", help="comma-separated stages (default: the full pipeline)")
    ap.add_argument("--configs", default="read,w1,w2,dask2")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    stages = args.stages.split(",") if args.stages else None
    if args.one:
        print(json.dumps(run_one(args.one, args.data, stages, args.workdir)))
        return
    with tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp:
        tmp = Path(tmp)
        data = tmp / "corpus.jsonl"
        n = replicate(args.source, args.n, data)
        print(f"corpus: {args.source} replicated to {n} articles ({data.stat().st_size / 2**20:.0f} MiB); "
              f"{os.cpu_count()} CPUs", file=sys.stderr)
        results = []
        for config in args.configs.split(","):
            cmd = [sys.executable, __file__, "--one", config, "--data", str(data), "--workdir", str(tmp)]
            if args.stages:
                cmd += ["--stages", args.stages]
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                raise SystemExit(f"{config} failed")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(r)
            print(f"  {config:8} {r['articles_per_s']:>9.1f} articles/s  {r['seconds']:>8.1f} s  "
                  f"peak RSS {r['peak_rss_mb_total']} MiB", file=sys.stderr)
    base = next((r for r in results if r["config"] == "read"), None)
    print(f"\n| configuration | articles | seconds | articles/s | ratio to read+hash | peak RSS (all processes) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = f"{r['articles_per_s'] / base['articles_per_s']:.3f}" if base else "-"
        print(f"| {CONFIGS[r['config']]} | {r['articles']} | {r['seconds']} | {r['articles_per_s']} | "
              f"{ratio} | {r['peak_rss_mb_total']} MiB (main {r['peak_rss_mb_main']}) |")
    stages_used = next((r.get("stages") for r in results if r.get("stages")), None)
    if stages_used:
        print(f"\nstages: {', '.join(stages_used)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
