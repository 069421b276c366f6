"""Full-pipeline throughput: read -> every stage -> JSON out, per core and with 2 workers.

The shared corpus (articles.jsonl) is replicated to N articles (each copy with its own id). Each
configuration runs in its own fresh process, which reports articles/s, the time share of every
stage, and its peak resident memory (children included). Everything is reported as a ratio to a
baseline run in the same script: reading + normalizing + tokenizing the same articles.

usage: python bench/bench_pipeline.py [--n 20000] [--source ARTICLES.jsonl]
                                      [--configs base,full1,full2] [--json OUT.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
CONFIGS = {
    "base": "baseline: read + normalize + tokenize",
    "full1": "full pipeline + JSON out, 1 process",
    "full2": "full pipeline + JSON out, 2 worker processes",
}


def records(source: Path, n: int):
    lines = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines() if x.strip()]
    for i in range(n):
        rec = dict(lines[i % len(lines)])
        rec["id"] = f"{rec.get('id', 'doc')}~{i}"
        yield json.dumps(rec, ensure_ascii=False).encode("utf-8")


def peak_rss_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def run_one(config: str, source: Path, n: int) -> dict:
    """Runs inside a fresh process."""
    import io

    from rasd.io.jsonl import read_jsonl
    from rasd.pipeline import Pipeline
    from rasd.text.normalize import normalize_with_offsets
    from rasd.text.tokenize import scan

    stream = io.BytesIO(b"\n".join(records(source, n)))
    docs = (d for d in read_jsonl(stream, "bench", "bench"))
    sink = open(os.devnull, "w")
    shares: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    count = 0
    if config == "base":
        for doc in docs:
            normalize_with_offsets(doc.text, "match")
            scan(doc.text)
            count += 1
    elif config == "full1":
        pipeline = Pipeline()
        for doc in docs:
            if count == 0:
                pipeline(doc)       # the first document loads resources (and freezes them), untimed
                shares["loading + first document"] += time.perf_counter() - start
                sink.write(doc.to_json() + "\n")
                count += 1
                continue
            for stage in pipeline.stages:
                t = time.perf_counter()
                stage(doc)
                shares[stage.name] += time.perf_counter() - t
            t = time.perf_counter()
            sink.write(doc.to_json() + "\n")
            shares["json out"] += time.perf_counter() - t
            count += 1
    elif config == "full2":
        from rasd.serialize import document_to_json
        pipeline = Pipeline()
        for text in pipeline.pipe(docs, batch_size=32, workers=2, then=document_to_json):
            sink.write(text + "\n")       # the JSON is made in the workers
            count += 1
    seconds = time.perf_counter() - start
    me, kids = peak_rss_mb()
    return {"config": config, "articles": count, "seconds": round(seconds, 2),
            "articles_per_s": round(count / seconds, 1), "peak_rss_mb": round(me, 1),
            "peak_rss_children_mb": round(kids, 1),
            "stage_seconds": {k: round(v, 3) for k, v in shares.items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--configs", default="base,full1,full2")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.source, args.n)))
        return 0
    texts = [json.loads(x)["text"] for x in args.source.read_text(encoding="utf-8").splitlines() if x.strip()]
    lengths = sorted(map(len, texts))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}")
    print(f"corpus: {args.source.name}, {len(texts)} articles replicated to {args.n} "
          f"(median {lengths[len(lengths) // 2]} characters)")
    results = {}
    for config in args.configs.split(","):
        out = subprocess.run([sys.executable, __file__, "--one", config, "--n", str(args.n),
                              "--source", str(args.source)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{config}: failed\n{out.stderr[-2000:]}")
            return 1
        results[config] = r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{CONFIGS[config]:45s} {r['articles_per_s']:9.1f} articles/s  "
              f"peak RSS {r['peak_rss_mb']:.0f} MB (+ workers {r['peak_rss_children_mb']:.0f} MB)")
    base = results.get("base")
    for config, r in results.items():
        if base and config != "base":
            print(f"{config}: {r['articles_per_s'] / base['articles_per_s']:.3f} x the baseline's speed")
    full1 = results.get("full1")
    if full1 and full1["stage_seconds"]:
        total = sum(full1["stage_seconds"].values())
        print("time shares (1 process):", ", ".join(
            f"{k} {100 * v / total:.1f}% ({1000 * v / full1['articles']:.2f} ms)"
            for k, v in full1["stage_seconds"].items()))
    if full1 and "full2" in results:
        print(f"2 workers / 1 process: {results['full2']['articles_per_s'] / full1['articles_per_s']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
