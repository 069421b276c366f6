"""Packaged lexicons, gazetteers and models, and the functions that load them.

Each data file under this folder names its source and licence in its header lines (``# …``) and in
``SOURCES.md``. Loaders are cached: a resource is read once per process, on first use.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..errors import ResourceError

__all__ = ["path", "read_json", "read_lines", "read_tsv"]


def path(name: str) -> Path:
    """Filesystem path of a packaged resource, e.g. ``path("lexicon/stems.tsv")``."""
    p = Path(str(resources.files("rasd.resources").joinpath(name)))
    if not p.exists():
        raise ResourceError(f"packaged resource {name!r} is missing", path=str(p))
    return p


def read_lines(name: str) -> Iterator[str]:
    """Non-empty, non-comment lines of a packaged text file, stripped of the newline."""
    with path(name).open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a packaged TSV file (comment lines start with ``#``; the first other line is data)."""
    for line in read_lines(name):
        yield line.split("\t")


@lru_cache(maxsize=None)
def read_json(name: str):
    try:
        return json.loads(path(name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResourceError(f"packaged resource {name!r} is not valid JSON: {exc}") from exc
