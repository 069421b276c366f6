"""The README documents every command and every option of every command (datasette's habit)."""
import argparse
from pathlib import Path

import pytest

from rasd.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name):
    assert f"rasd {name}" in README, f"`rasd {name}` is not documented in README.md"


def _commands(choices, prefix="rasd"):
    for name, sub in choices.items():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        yield f"{prefix} {name}", sub
        for action in nested:
            yield from _commands(action.choices, f"{prefix} {name}")


def test_every_option_is_in_the_readme():
    missing = []
    for name, sub in _commands(_subparsers()):
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help" and flag not in README:
                    missing.append(f"{name} {flag}")
    assert not missing, "undocumented options: " + ", ".join(missing)
