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

from . import gold_scoring

HELP = "score PLOVER events against gold annotations (as score.py)"

KEYS = ("documents", "missing", "events", "events_actor_accuracy", "events_recipient_accuracy")


def add_arguments(p: argparse.ArgumentParser) -> None:
    gold_scoring.add_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..eval.gold import evaluate_docs
    loaded = gold_scoring.gold_and_system(args, None, ("entities", "events"))
    if loaded is None:
        return 2
    golds, docs = loaded
    res = evaluate_docs(golds, docs)
    gold_scoring.print_scores(args, res, KEYS, "events")
    return 0
