"""CPU time of each stage per article, for one or more source trees, interleaved.

Timings on a shared machine drift by 10% or more from one minute to the next, so comparing a
change with the code before it is done here by running both in turn, several rounds, each in a
fresh process, with the CPU time (`time.process_time`) of every stage summed over the corpus
(the first pass over it, which fills the word-type caches, is not counted).

    git worktree add /tmp/before <rev>      # the code to compare with (copy the built .so files)
    python bench/stage_times.py src /tmp/before/src [--rounds 2] [--source ARTICLES.jsonl]

It prints each tree's best round and its median round, and for two trees the median of the
per-round ratios of their totals, the steadiest of the three on a shared machine.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
STAGES = ["sentences", "tokens", "mentions", "entities", "times", "quotes", "events", "places"]

_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import rasd
from rasd.pipeline import Pipeline
from rasd.stages import create
names = sys.argv[3].split(",")
docs = list(rasd.analyze_path(sys.argv[2], pipeline=Pipeline([])))
stages = [create(n) for n in names]
total = [0.0] * len(names)
passes = 6
for rep in range(passes):
    for d0 in docs:
        d = rasd.Document(text=d0.text, id=d0.id, meta=d0.meta, sections=d0.sections)
        for k, stage in enumerate(stages):
            t = time.process_time()
            stage(d)
            if rep:
                total[k] += time.process_time() - t
n = len(docs) * (passes - 1)
print(" ".join(f"{x / n * 1000:.3f}" for x in total))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", nargs="+", help="source directories holding the rasd package")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = ap.parse_args()
    if not args.source.exists():
        print(f"no corpus at {args.source}", file=sys.stderr)
        return 2
    results: dict[str, list[list[float]]] = {t: [] for t in args.trees}
    for _ in range(args.rounds):
        for tree in args.trees:
            out = subprocess.run([sys.executable, "-c", _CHILD, str(Path(tree).resolve()), str(args.source),
                                  ",".join(STAGES)], capture_output=True, text=True, check=True).stdout
            results[tree].append([float(x) for x in out.split()])
    print(f"{'tree':<28} {'total':>7} " + " ".join(f"{s:>9}" for s in STAGES) + "   (ms of CPU per article)")
    for tree, rounds in results.items():
        best = min(rounds, key=sum)
        print(f"{tree[-22:] + ' best':<28} {sum(best):7.2f} " + " ".join(f"{x:9.2f}" for x in best))
        middle = [statistics.median(column) for column in zip(*rounds)]
        print(f"{tree[-22:] + ' median':<28} {sum(middle):7.2f} " + " ".join(f"{x:9.2f}" for x in middle))
    if len(args.trees) == 2 and args.rounds > 1:
        # the rounds are run in turn, so a round's ratio is less exposed to the machine's drift
        ratios = [sum(a) / sum(b) for a, b in zip(*results.values())]
        print(f"per-round ratio of the totals, first tree / second: median {statistics.median(ratios):.3f} "
              f"(from {min(ratios):.3f} to {max(ratios):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
