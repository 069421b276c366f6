"""Analyze articles and write the annotated documents as JSON, or as a short report to read.

Inputs are files, folders (read recursively) or - for standard input: raw page text (.txt),
JSON Lines (.jsonl, one article a line: id, title, published, text), JSON, HTML and WARC.
A failed input prints one line on stderr and the others are still analyzed; the exit status is 1
if any input failed.

examples:
  rasd analyze article.txt
  rasd analyze article.txt --format text        # quotes, events, times, entities, to read
  rasd analyze articles.jsonl --format jsonl -o out.jsonl
  cat page.txt | rasd analyze - --published 2021-08-10
"""
from __future__ import annotations

import argparse
import re
import sys

from functools import partial

from ..api import analyze_path
from ..errors import RasdError
from ..io.report import document_report
from ..io.writers import DocumentWriter
from ..model import LAYERS
from ..serialize import document_to_json

HELP = "analyze articles and write annotated JSON documents (or a report to read)"


def _date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return value


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    p.add_argument("--format", choices=("json", "jsonl", "text"), default="json",
                   help="json: one object (an array for several documents); jsonl: one document a "
                        "line; text: a short report per document (quotes, events, times, entities)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date of every input (overrides the page and the JSONL field)")
    p.add_argument("--layers", metavar="L1,L2",
                   help=f"write only these layers (default: all of {','.join(LAYERS)})")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes to use (default 1)")


def run(args: argparse.Namespace) -> int:
    layers = tuple(x.strip() for x in args.layers.split(",")) if args.layers else None
    if layers:
        unknown = [x for x in layers if x not in LAYERS]
        if unknown:
            print(f"rasd: unknown layer(s) {', '.join(unknown)}; layers are {', '.join(LAYERS)}",
                  file=sys.stderr)
            return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = 0
    try:
        if args.format == "text":
            failed = _write_reports(args, out)
        else:
            with DocumentWriter(out, args.format, layers) as writer:
                then = partial(document_to_json, layers=layers, indent=writer.indent)
                failed = _each(args, then, writer.write)
    finally:
        if args.output:
            out.close()
    if failed:
        print(f"rasd: {failed} input(s) failed; the others were written", file=sys.stderr)
    return 1 if failed else 0


def _each(args: argparse.Namespace, then, write) -> int:
    """Analyze every input, `then` each document (in the workers), `write` each result; the
    number of inputs that failed (each said on stderr)."""
    failed = 0
    for path in args.paths:
        for item in analyze_path(path, published=args.published, workers=args.workers, then=then):
            if isinstance(item, RasdError):
                failed += 1
                print(f"rasd: {item}", file=sys.stderr)
            else:
                write(item)
    return failed


def _write_reports(args: argparse.Namespace, out) -> int:
    first = [True]

    def write(report: str) -> None:
        out.write(report if first[0] else "\n" + report)
        out.flush()
        first[0] = False

    return _each(args, document_report, write)
