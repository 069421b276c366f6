"""Tag a CoNLL file with the NER tagger.

The first column of each line is the token; any other columns (a gold tag, say) are ignored.
Blank lines separate sentences. The output has exactly the same lines: each token line becomes
``TOKEN TAG`` (IOB2 over PERS, LOC, ORG, MISC) and each blank line stays blank.

examples:
  rasd tag test.conll > tagged.conll
  rasd tag - --model my.crfsuite < tokens.txt
"""
from __future__ import annotations

import argparse
import sys

HELP = "tag a CoNLL file (one token per line) with the NER tagger"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.conll", help="one token a line (first column), or -")
    p.add_argument("--model", metavar="M", help="crfsuite model file (default: the packaged one)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")


def run(args: argparse.Namespace) -> int:
    from ..errors import RasdError
    from ..ner import tag_lines
    try:
        source = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")
    except OSError as exc:
        print(f"rasd: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for line in tag_lines(source, model=args.model):
            out.write(line)
    except RasdError as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        return 1
    finally:
        if source is not sys.stdin:
            source.close()
        if out is not sys.stdout:
            out.close()
    return 0
