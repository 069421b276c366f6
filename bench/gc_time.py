"""Time Python's cyclic garbage collector takes while the whole pipeline runs (JSON out included).

The pipeline tunes the collector for documents (`rasd.pipeline._freeze_resources`); this measures
what is left, with `gc.callbacks`, over a few passes of the corpus after a first one:

    python bench/gc_time.py [--passes 3] [--source ARTICLES.jsonl]
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = ap.parse_args()
    if not args.source.exists():
        print(f"no corpus at {args.source}", file=sys.stderr)
        return 2
    import rasd
    from rasd.pipeline import Pipeline

    docs = list(rasd.analyze_path(str(args.source), pipeline=Pipeline([])))
    pipe = Pipeline()

    def one_pass() -> None:
        for d0 in docs:
            d = rasd.Document(text=d0.text, id=d0.id, meta=d0.meta, sections=d0.sections)
            pipe(d)
            d.to_json()

    one_pass()                                   # resources loaded, caches filled, collector tuned
    spent: dict[int, list[float]] = defaultdict(lambda: [0, 0.0])
    started = [0.0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            row = spent[info["generation"]]
            row[0] += 1
            row[1] += time.perf_counter() - started[0]

    gc.callbacks.append(watch)
    t = time.perf_counter()
    for _ in range(args.passes):
        one_pass()
    total = time.perf_counter() - t
    gc.callbacks.remove(watch)
    collected = sum(s for _, s in spent.values())
    print(f"{args.passes} passes of {len(docs)} articles: {total:.2f} s; garbage collection {collected:.3f} s "
          f"({collected / total:.1%})")
    for generation, (n, s) in sorted(spent.items()):
        print(f"  generation {generation}: {n} collections, {s:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
