"""Measure the events stage on a gold folder with the stages this checkout has.

Runs sentences, tokens, mentions, entities, times, quotes, places and events over
GOLD_DIR/input.jsonl; a stage whose module is missing is skipped (a missing tagger leaves an empty
mentions layer, so entities come from the gazetteers alone). Writes the documents as JSON Lines
and prints the events numbers of score.py (via rasd.eval.gold) and the events stage's time.

usage: .venv/bin/python bench/events_dev.py ../shared/gold/dev [OUT.jsonl]
"""
from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

from rasd.eval.gold import evaluate, format_report
from rasd.io.jsonl import record_to_document
from rasd.stages import REGISTRY, create

ORDER = ("sentences", "tokens", "mentions", "entities", "times", "quotes", "places", "events")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip())
        return 2
    gold = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path("events_dev.jsonl")
    stages = []
    for name in ORDER:
        module = REGISTRY[name].partition(":")[0]
        if importlib.util.find_spec(module) is None:
            print(f"stage {name}: not installed, skipped", file=sys.stderr)
            stages.append((name, None))
        else:
            stages.append((name, create(name)))
    spent = 0.0
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for line in (gold / "input.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            doc = record_to_document(record, str(gold / "input.jsonl"), record["id"])
            for name, stage in stages:
                if stage is None:
                    doc.done.append(name)
                    continue
                t = time.perf_counter()
                stage(doc)
                if name == "events":
                    spent += time.perf_counter() - t
            f.write(doc.to_json() + "\n")
            n += 1
    print(format_report(evaluate(gold, out), ("events",)))
    print(f"events stage: {1000 * spent / max(n, 1):.2f} ms per article (first pass, cold caches)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
