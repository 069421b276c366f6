"""What `rasd eval times|quotes|events` share: the GOLD_DIR [SYSTEM.jsonl] arguments, analyzing
GOLD_DIR/input.jsonl when no system output is given, and printing the scores."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold *.json files (and input.jsonl)")
    p.add_argument("system", nargs="?", metavar="SYSTEM.jsonl",
                   help="rasd output, one document a line (default: analyze GOLD_DIR/input.jsonl)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")


def system_documents(gold_dir: Path, stages: list[str] | None, layers: tuple[str, ...]) -> dict[str, dict]:
    """Analyze GOLD_DIR/input.jsonl with `stages` (None: every stage); documents as dictionaries
    holding `layers`, by id."""
    from ..api import analyze_path
    from ..errors import RasdError
    from ..pipeline import Pipeline
    docs = {}
    for doc in analyze_path(gold_dir / "input.jsonl", pipeline=Pipeline(stages)):
        if isinstance(doc, RasdError):
            raise doc
        docs[str(doc.id)] = doc.to_dict(layers=layers)
    return docs


def gold_and_system(args: argparse.Namespace, stages: list[str] | None, layers: tuple[str, ...]
                    ) -> tuple[dict[str, dict], dict[str, dict]] | None:
    """The gold documents and the system's, by id; None (after saying why) when either is missing."""
    from ..eval.gold import load_gold, load_system
    gold_dir = Path(args.gold_dir)
    golds = load_gold(gold_dir)
    if not golds:
        print(f"rasd: no gold *.json files in {gold_dir}", file=sys.stderr)
        return None
    if args.system:
        return golds, load_system(args.system)
    if (gold_dir / "input.jsonl").is_file():
        return golds, system_documents(gold_dir, stages, layers)
    print(f"rasd: give SYSTEM.jsonl, or put the articles in {gold_dir / 'input.jsonl'}", file=sys.stderr)
    return None


def print_scores(args: argparse.Namespace, res: dict, keys: tuple[str, ...], layer: str) -> None:
    from ..eval.gold import format_report
    if args.json:
        print(json.dumps({k: res[k] for k in keys}, ensure_ascii=False, indent=1))
    else:
        print(format_report(res, (layer,)))
