"""Score time expressions against a gold folder, with the same numbers as shared/gold/score.py.

SYSTEM is rasd's output as JSON Lines (rasd analyze … --format jsonl). Without SYSTEM, the
articles of GOLD_DIR/input.jsonl are analyzed here with the stages sentences, tokens and times.
Prints times P/R/F1 (a system time matches a gold one when one's normalized text contains the
other's), the value accuracy of the matches and the end-to-end P/R/F1 (matched with the right value).

examples:
  rasd eval times ../shared/gold/dev
  rasd analyze ../shared/gold/dev/input.jsonl --format jsonl -o dev.jsonl
  rasd eval times ../shared/gold/dev dev.jsonl --json
"""
from __future__ import annotations

import argparse

from . import gold_scoring

HELP = "score time expressions against gold annotations (as score.py)"

KEYS = ("documents", "missing", "times", "times_value_accuracy", "times_end_to_end")


def add_arguments(p: argparse.ArgumentParser) -> None:
    gold_scoring.add_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..eval.gold import evaluate_docs
    loaded = gold_scoring.gold_and_system(args, ["sentences", "tokens", "times"], ("times",))
    if loaded is None:
        return 2
    golds, docs = loaded
    res = evaluate_docs(golds, docs)
    gold_scoring.print_scores(args, res, KEYS, "times")
    return 0
