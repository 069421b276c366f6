"""Checks of the source itself: no module defines a name twice at its top level or in a class.

A second ``def`` of the same name silently replaces the first for every caller in the module
(the events stage once had two ``_definite`` with different meanings).
"""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import rasd

SOURCE = Path(rasd.__file__).resolve().parent


def _defined(body: list[ast.stmt]) -> Counter:
    names: Counter = Counter()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


def test_no_function_or_class_is_defined_twice():
    twice = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        scopes = [("", tree.body)] + [(n.name + ".", n.body) for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        for prefix, body in scopes:
            twice += [f"{path.relative_to(SOURCE)}: {prefix}{name}" for name, c in _defined(body).items() if c > 1]
    assert not twice, twice
