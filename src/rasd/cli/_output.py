"""Shared helpers of the store commands: common options, tables that align Arabic, JSON and CSV.

Not a command (no entry in COMMANDS). A table measures each cell by its display width
(combining marks such as Arabic diacritics take no column, wide East Asian characters two) and
right-aligns cells written in Arabic, so right-to-left columns line up on their right edge.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from functools import lru_cache
from typing import IO, Any, Iterable, Sequence

__all__ = ["add_db", "add_format", "add_page", "display_width", "fail", "open_db", "print_page",
           "render_table", "truncate"]

DEFAULT_DB = os.environ.get("RASD_DB", "rasd.db")


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", default=DEFAULT_DB,
                   help="the SQLite database (default ./rasd.db, or $RASD_DB)")


def add_format(p: argparse.ArgumentParser, choices: Sequence[str] = ("table", "json", "csv")) -> None:
    p.add_argument("--format", choices=choices, default=choices[0],
                   help=f"output: {', '.join(choices)} (default {choices[0]})")


def add_page(p: argparse.ArgumentParser, limit: int = 20) -> None:
    p.add_argument("--limit", type=int, default=limit, metavar="N", help=f"rows to show (default {limit})")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="rows to skip first (default 0)")


def open_db(args: argparse.Namespace):
    """The store named by --db, which must exist (queries never create one)."""
    from ..store import Store
    return Store(args.db, create=False)


def fail(error: BaseException) -> int:
    print(f"rasd: {error}", file=sys.stderr)
    return 1


@lru_cache(maxsize=4096)
def _char_width(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def display_width(s: str) -> int:
    """Columns `s` takes in a terminal (diacritics 0, wide characters 2, others 1)."""
    return sum(_char_width(c) for c in s)


def truncate(s: str, width: int) -> str:
    """`s` cut to at most `width` columns, ending with … when cut."""
    if display_width(s) <= width:
        return s
    out, w = [], 0
    for c in s:
        cw = _char_width(c)
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def _is_rtl(s: str) -> bool:
    for c in s:
        d = unicodedata.bidirectional(c)
        if d in ("R", "AL"):
            return True
        if d == "L" or c.isdigit():
            return False
    return False


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str],
                 widths: dict[str, int] | None = None) -> str:
    """A plain-text table of `rows`; `widths` caps some columns (in display columns)."""
    widths = widths or {}
    cells = [[truncate(_cell(r.get(c)), widths.get(c, 60)) for c in columns] for r in rows]
    col_w = [max([display_width(c)] + [display_width(row[i]) for row in cells])
             for i, c in enumerate(columns)]
    right = [all(_is_rtl(row[i]) or not row[i] or _cell(row[i]).replace(".", "").isdigit()
                 for row in cells) and any(row[i] for row in cells) for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = " " * (col_w[i] - display_width(v))
            parts.append(pad + v if right[i] else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(list(columns)), line(["-" * w for w in col_w])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def print_page(page: dict[str, Any], fmt: str, columns: Sequence[str],
               widths: dict[str, int] | None = None, stream: IO[str] | None = None) -> None:
    """Print a query result (``{"total", "limit", "offset", "items"}``) as a table, JSON or CSV."""
    stream = stream or sys.stdout
    items = page["items"]
    if fmt == "json":
        json.dump(page, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=list(items[0]) if items else list(columns),
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(items)
        return
    if not items:
        stream.write(f"no results (total {page.get('total', 0)})\n")
        return
    stream.write(render_table(items, columns, widths) + "\n")
    shown_to = page["offset"] + len(items)
    if page.get("total", len(items)) > shown_to or page["offset"]:
        stream.write(f"({page['offset'] + 1}–{shown_to} of {page['total']}; "
                     f"use --offset {shown_to} for more)\n")


def print_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str],
               widths: dict[str, int] | None = None) -> None:
    rows = list(rows)
    print_page({"total": len(rows), "limit": len(rows), "offset": 0, "items": rows}, fmt, columns, widths)
