"""Train one of rasd's statistical models: `rasd train KIND …`.

Each kind is its own command module (with `HELP`, `add_arguments` and `run`), listed in `KINDS`;
`rasd train KIND --help` shows its options.

examples:
  rasd train ner --data ../shared/data/ner/anercorp/train.txt --out ner.crfsuite
"""
from __future__ import annotations

import argparse
import importlib

HELP = "train a statistical model (rasd train KIND …)"

# kind -> module; add one line per kind.
KINDS: dict[str, str] = {
    "ner": "rasd.cli.train_ner",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="kind", metavar="KIND")
    for kind, module_name in KINDS.items():
        module = importlib.import_module(module_name)
        q = sub.add_parser(kind, help=module.HELP, description=module.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(q)
        q.set_defaults(_train_run=module.run)
    p.set_defaults(_train_parser=p)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "_train_run", None):
        args._train_parser.print_help()
        return 2
    return args._train_run(args)
