"""Score PLOVER events against a gold folder, with the same numbers as shared/gold/score.py.

SYSTEM is rasd's output as JSON Lines (rasd analyze … --format jsonl). Without SYSTEM, the
articles of GOLD_DIR/input.jsonl are analyzed here with the full pipeline of this installation.
Prints events P/R/F1 (a system event matches a gold event of the same type whose trigger word it
contains, or that contains it) and, on the matches, the accuracy of the actor and the recipient
(names compared as score.py does, through the gold entity's other names).

examples:
  rasd eval events ../shared/gold/dev
  rasd analyze ../shared/gold/dev/input.jsonl --format jsonl -o dev.jsonl
  rasd eval events ../shared/gold/dev dev.jsonl --json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "score PLOVER events against gold annotations (as score.py)"

KEYS = ("documents", "missing", "events", "events_actor_accuracy", "events_recipient_accuracy")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold *.json files (and input.jsonl)")
    p.add_argument("system", nargs="?", metavar="SYSTEM.jsonl",
                   help="rasd output, one document a line (default: analyze GOLD_DIR/input.jsonl)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")


def system_documents(gold_dir: Path) -> dict[str, dict]:
    """Analyze GOLD_DIR/input.jsonl with the full pipeline; documents as dictionaries, by id."""
    from ..api import analyze_path
    from ..errors import RasdError
    from ..pipeline import Pipeline
    docs = {}
    for doc in analyze_path(gold_dir / "input.jsonl", pipeline=Pipeline()):
        if isinstance(doc, RasdError):
            raise doc
        docs[str(doc.id)] = doc.to_dict(layers=("entities", "events"))
    return docs


def run(args: argparse.Namespace) -> int:
    from ..eval.gold import evaluate_docs, format_report, load_gold, load_system
    gold_dir = Path(args.gold_dir)
    golds = load_gold(gold_dir)
    if not golds:
        print(f"rasd: no gold *.json files in {gold_dir}", file=sys.stderr)
        return 2
    if args.system:
        docs = load_system(args.system)
    elif (gold_dir / "input.jsonl").is_file():
        docs = system_documents(gold_dir)
    else:
        print(f"rasd: give SYSTEM.jsonl, or put the articles in {gold_dir / 'input.jsonl'}", file=sys.stderr)
        return 2
    res = evaluate_docs(golds, docs)
    if args.json:
        print(json.dumps({k: res[k] for k in KEYS}, ensure_ascii=False, indent=1))
    else:
        print(format_report(res, ("events",)))
    return 0
