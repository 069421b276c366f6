"""Train the NER tagger (a CRF) on CoNLL files and write the model file.

Each --data file holds one ``TOKEN TAG`` per line, IOB2 over PERS/LOC/ORG/MISC, a blank line
between sentences (ANERcorp's format). Files with Wojood's nested 21-type tags are mapped onto
these four types (see rasd.ner.train.WOJOOD_LABELS). The sentences are read in order as one
stream: a word's other mentions within --window sentences lend it document evidence
(rasd.ner.document). Training is deterministic: the same files, options and seed give the same
model. A description of the run is written to MODEL.json.

The packaged model (src/rasd/models/ner.crfsuite) was made with:
  rasd train ner --data ../shared/data/ner/anercorp/train.txt --out src/rasd/models/ner.crfsuite

examples:
  rasd train ner --data train.txt --out ner.crfsuite --seed 1
  rasd train ner --data train.txt --out /tmp/ner.crfsuite --holdout   # score on 1/10 held out
"""
from __future__ import annotations

import argparse
import json
import sys

HELP = "train the NER tagger on CoNLL files"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..ner.train import DEFAULTS
    p.add_argument("--data", action="append", required=True, metavar="FILE",
                   help="CoNLL training file (repeat for several)")
    p.add_argument("--out", required=True, metavar="MODEL", help="model file to write")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="seed (default 0)")
    p.add_argument("--c1", type=float, default=DEFAULTS["c1"], help="L1 weight (default %(default)s)")
    p.add_argument("--c2", type=float, default=DEFAULTS["c2"], help="L2 weight (default %(default)s)")
    p.add_argument("--iterations", type=int, default=DEFAULTS["max_iterations"], metavar="N",
                   help="L-BFGS iterations at most (default %(default)s)")
    p.add_argument("--window", type=int, default=DEFAULTS["window"], metavar="N",
                   help="sentences within which a word's other mentions lend it evidence; the "
                        "files have no article breaks (default %(default)s)")
    p.add_argument("--holdout", action="store_true",
                   help="keep 1/10 of the first file out of training and score the model on it")


def run(args: argparse.Namespace) -> int:
    from ..errors import RasdError
    from ..ner.train import train
    try:
        info = train(args.data, args.out, seed=args.seed, holdout=args.holdout, c1=args.c1,
                     c2=args.c2, max_iterations=args.iterations, window=args.window)
    except RasdError as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        return 1
    held = info.pop("holdout", None)
    print(f"wrote {args.out}: {info['bytes']} bytes, {info['active_features']} features, "
          f"{info['sentences']} sentences, {info['tokens']} tokens, {info['seconds']} s")
    if held:
        print("held out: " + json.dumps(held["micro"]) + " "
              + json.dumps({k: v["f1"] for k, v in held["types"].items()}))
    return 0
