"""The `rasd` command. Each subcommand lives in its own module with `add_parser` and `run`;
a command parses its arguments and calls a library function, nothing more."""
from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from ..errors import RasdError

__all__ = ["COMMANDS", "build_parser", "main"]

# name -> module; each module defines `HELP`, `add_arguments(parser)` and `run(args) -> int`.
COMMANDS: dict[str, str] = {
    "analyze": "rasd.cli.analyze",
    "eval": "rasd.cli.eval",
    "ingest": "rasd.cli.ingest",
    "failures": "rasd.cli.failures",
    "search": "rasd.cli.search",
    "quotes": "rasd.cli.quotes",
    "events": "rasd.cli.events",
    "entities": "rasd.cli.entities",
    "show": "rasd.cli.show",
    "export": "rasd.cli.export",
    "load": "rasd.cli.load",
    "serve": "rasd.cli.serve",
    "train": "rasd.cli.train",
    "tag": "rasd.cli.tag",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasd",
        description="Arabic news to structured knowledge: who said what, who did what to whom, "
                    "when and where, each fact with the span of text it rests on.")
    parser.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return args._run(args)
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except RasdError as exc:             # any command: the error's code, file, problem and remedy
        print(f"rasd: {exc}", file=sys.stderr)
        return 1
