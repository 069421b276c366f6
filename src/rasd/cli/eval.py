"""Measure rasd against gold annotations: `rasd eval KIND …`.

Each kind is its own command module (with `HELP`, `add_arguments` and `run`), listed in `KINDS`;
`rasd eval KIND --help` shows its options.

examples:
  rasd eval times ../shared/gold/dev
  rasd eval ner ../shared/data/ner/anercorp/test.txt
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util

HELP = "measure rasd against gold annotations (rasd eval KIND …)"

# kind -> module; add one line per kind.
KINDS: dict[str, str] = {
    "ner": "rasd.cli.eval_ner",
    "times": "rasd.cli.eval_times",
    "events": "rasd.cli.eval_events",
    "quotes": "rasd.cli.eval_quotes",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="kind", metavar="KIND")
    for kind, module_name in KINDS.items():
        if importlib.util.find_spec(module_name) is None:
            continue                      # a kind whose module is not written yet
        module = importlib.import_module(module_name)
        q = sub.add_parser(kind, help=module.HELP, description=module.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(q)
        q.set_defaults(_eval_run=module.run)
    p.set_defaults(_eval_parser=p)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "_eval_run", None):
        args._eval_parser.print_help()
        return 2
    return args._eval_run(args)
