"""Score quotes (who said what) against a gold folder, with the same numbers as shared/gold/score.py.

SYSTEM is rasd's output as JSON Lines (rasd analyze … --format jsonl). Without SYSTEM, the
articles of GOLD_DIR/input.jsonl are analyzed here with the full pipeline of this installation.
Prints quotes P/R/F1 (a system quote matches a gold quote when their content word sets overlap by at
least half of each side), the attribution accuracy of the matches (the speaker's name compared as
score.py does, through the gold entity's other names) and the end-to-end P/R/F1 (matched with the
right speaker). --errors lists, per article, the gold quotes missed, the quotes found that match
none, and the matches with a wrong speaker.

examples:
  rasd eval quotes ../shared/gold/dev
  rasd analyze ../shared/gold/dev/input.jsonl --format jsonl -o dev.jsonl
  rasd eval quotes ../shared/gold/dev dev.jsonl --json
  rasd eval quotes ../shared/gold/dev dev.jsonl --errors
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "score quotes and their speakers against gold annotations (as score.py)"

KEYS = ("documents", "missing", "quotes", "quotes_attribution_accuracy", "quotes_end_to_end")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold *.json files (and input.jsonl)")
    p.add_argument("system", nargs="?", metavar="SYSTEM.jsonl",
                   help="rasd output, one document a line (default: analyze GOLD_DIR/input.jsonl)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--errors", action="store_true",
                   help="also list missed quotes, unmatched quotes and wrong speakers per article")


def system_documents(gold_dir: Path) -> dict[str, dict]:
    """Analyze GOLD_DIR/input.jsonl with the full pipeline; documents as dictionaries, by id."""
    from ..api import analyze_path
    from ..errors import RasdError
    from ..pipeline import Pipeline
    docs = {}
    for doc in analyze_path(gold_dir / "input.jsonl", pipeline=Pipeline()):
        if isinstance(doc, RasdError):
            raise doc
        docs[str(doc.id)] = doc.to_dict(layers=("entities", "quotes"))
    return docs


def error_report(golds: dict[str, dict], docs: dict[str, dict]) -> str:
    """Per article: gold quotes with no match, system quotes with no match, wrong speakers."""
    from ..eval.gold import alias_table, entity_names, new_tally, ref_name, same_entity, score_quotes, span_text
    out = []
    for doc_id, gold in golds.items():
        doc = docs.get(doc_id, {})
        names = entity_names(doc)
        aliases = alias_table(gold)
        pairs = score_quotes(gold, doc, new_tally(), names, aliases)
        matched_gold = {id(g) for g, _ in pairs}
        matched_sys = {s["content"] for _, s in pairs}
        lines = []
        for g in gold.get("quotes", []):
            if id(g) not in matched_gold:
                lines.append(f"  missed  [{g.get('speaker')}] {g['content'][:100]}")
        for q in doc.get("quotes") or []:
            text = span_text(q.get("content"))
            if text not in matched_sys:
                lines.append(f"  extra   [{ref_name(q.get('speaker'), names)}] {text[:100]}")
        for g, s in pairs:
            if not same_entity(g["speaker"], s["speaker"], aliases):
                lines.append(f"  speaker gold {g['speaker']!s} / rasd {s['speaker']!s}: {g['content'][:70]}")
        if lines:
            out.append(f"{doc_id}:")
            out.extend(lines)
    return "\n".join(out)


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
        print(format_report(res, ("quotes",)))
    if args.errors:
        report = error_report(golds, docs)
        if report:
            print(report)
    return 0
