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

from . import gold_scoring

HELP = "score quotes and their speakers against gold annotations (as score.py)"

KEYS = ("documents", "missing", "quotes", "quotes_attribution_accuracy", "quotes_end_to_end")


def add_arguments(p: argparse.ArgumentParser) -> None:
    gold_scoring.add_arguments(p)
    p.add_argument("--errors", action="store_true",
                   help="also list missed quotes, unmatched quotes and wrong speakers per article")


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
    from ..eval.gold import evaluate_docs
    loaded = gold_scoring.gold_and_system(args, None, ("entities", "quotes"))
    if loaded is None:
        return 2
    golds, docs = loaded
    res = evaluate_docs(golds, docs)
    gold_scoring.print_scores(args, res, KEYS, "quotes")
    if args.errors:
        report = error_report(golds, docs)
        if report:
            print(report)
    return 0
