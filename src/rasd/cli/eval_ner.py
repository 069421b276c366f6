"""Score the NER tagger on a CoNLL file: exact-span micro P/R/F1 and per type (conlleval rules).

FILE holds one ``TOKEN TAG`` per line (the gold tag is the last column), a blank line between
sentences. The tokens are tagged with the model and compared with the gold tags chunk by chunk:
a predicted entity counts only when its type, first and last token all match.

examples:
  rasd eval ner ../shared/data/ner/anercorp/test.txt
  rasd eval ner test.conll --model my.crfsuite --json
"""
from __future__ import annotations

import argparse
import json
import sys

HELP = "score the NER tagger on a CoNLL file (P/R/F1, per type)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.conll", help="gold CoNLL file: TOKEN … TAG per line")
    p.add_argument("--model", metavar="M", help="crfsuite model file (default: the packaged one)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    from ..errors import RasdError
    from ..ner import evaluate_file
    try:
        result = evaluate_file(args.file, model=args.model)
    except RasdError as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    p, r, f = result.micro()
    print(f"{result.sentences} sentences, {result.tokens} tokens; "
          f"gold {sum(result.gold.values())}, predicted {sum(result.pred.values())}, "
          f"correct {sum(result.tp.values())}")
    print(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    print(f"{'micro':<6} {p:6.2f} {r:6.2f} {f:6.2f} {sum(result.gold.values()):6d}")
    for kind in result.types():
        p, r, f = result.per_type(kind)
        print(f"{kind:<6} {p:6.2f} {r:6.2f} {f:6.2f} {result.gold.get(kind, 0):6d}")
    return 0
