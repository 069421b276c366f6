"""Check that a change to a stage leaves its output unchanged (for speed work), stage by stage.

`save DIR` runs the full pipeline over the dev input and the shared corpus and pickles every
document before and after each stage. `check DIR [--stages a,b]` feeds each stage exactly the
input it had when DIR was saved, runs the current code, and compares the result with the saved
output: a change in an earlier stage (a retrained tagger, say) cannot blur the comparison.
It also reports each stage's time on the saved inputs, before (when saved) and now.

usage: python bench/regress.py save /tmp/regress
       python bench/regress.py check /tmp/regress [--stages entities,events] [--show 3]
"""
from __future__ import annotations

import argparse
import copy
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"


def inputs():
    from rasd.io.jsonl import read_jsonl
    from rasd.model import Document
    for path in (SHARED / "gold/dev/input.jsonl", SHARED / "corpus/articles.jsonl"):
        with path.open("rb") as f:
            for doc in read_jsonl(f, str(path), path.stem):
                if isinstance(doc, Document):
                    yield doc


def save(out: Path) -> None:
    from rasd.pipeline import Pipeline
    pipeline = Pipeline()
    out.mkdir(parents=True, exist_ok=True)
    docs = list(inputs())
    timings = {}
    snapshots = [copy.deepcopy(docs)]
    for stage in pipeline.stages:
        start = time.perf_counter()
        for doc in docs:
            stage(doc)
        timings[stage.name] = time.perf_counter() - start
        snapshots.append(copy.deepcopy(docs))
    with (out / "snapshots.pickle").open("wb") as f:
        pickle.dump({"stages": pipeline.names, "snapshots": snapshots, "timings": timings}, f)
    print(f"saved {len(docs)} documents x {len(snapshots)} snapshots to {out}")


def _diff(a: dict, b: dict) -> list[str]:
    return [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def check(out: Path, only: list[str] | None, show: int) -> int:
    from rasd.pipeline import Pipeline
    with (out / "snapshots.pickle").open("rb") as f:
        saved = pickle.load(f)
    names = saved["stages"]
    pipeline = Pipeline(names)
    failed = 0
    for k, stage in enumerate(pipeline.stages):
        if only and stage.name not in only:
            continue
        before, after = copy.deepcopy(saved["snapshots"][k]), saved["snapshots"][k + 1]
        start = time.perf_counter()
        for doc in before:
            stage(doc)
        seconds = time.perf_counter() - start
        changed = []
        for got, want in zip(before, after):
            keys = _diff(got.to_dict(), want.to_dict())
            if keys:
                changed.append((got.id, keys, got, want))
        failed += bool(changed)
        print(f"{stage.name:10s} {len(changed):4d}/{len(before)} documents differ   "
              f"{1000 * saved['timings'][stage.name] / len(before):6.2f} ms/doc when saved, "
              f"{1000 * seconds / len(before):6.2f} now")
        for doc_id, keys, got, want in changed[:show]:
            g, w = got.to_dict(), want.to_dict()
            for key in keys:
                gv, wv = g.get(key), w.get(key)
                if isinstance(gv, list) and isinstance(wv, list):
                    extra = [x for x in gv if x not in wv][:2]
                    missing = [x for x in wv if x not in gv][:2]
                    print(f"   {doc_id} {key}: now has {json.dumps(extra, ensure_ascii=False)[:300]}"
                          f"\n   {' ' * len(doc_id)} {key}: lost {json.dumps(missing, ensure_ascii=False)[:300]}")
                else:
                    print(f"   {doc_id} {key}: {gv!r:.200} != {wv!r:.200}")
    return 1 if failed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--stages", help="comma-separated stage names to check (default: all)")
    ap.add_argument("--show", type=int, default=3, help="differing documents to show per stage")
    args = ap.parse_args(argv)
    if args.action == "save":
        save(args.dir)
        return 0
    return check(args.dir, args.stages.split(",") if args.stages else None, args.show)


if __name__ == "__main__":
    sys.exit(main())
