"""Full-text search over the stored articles, best match first, with a snippet of the original text.

Words match whatever their clitics, diacritics, hamza forms or tatweel: انسحاب finds الانسحاب,
وبالانسحاب and الإنسحاب. All words must match; also "a phrase", OR, -exclude and prefix*.

examples:
  rasd search "انسحاب"
  rasd search '"التحالف الدولي" الكويت' --since 2021-08
  rasd search "انسحاب OR انسحبت" --format json
"""
from __future__ import annotations

import argparse

from ..errors import RasdError
from ._output import add_db, add_format, add_page, fail, open_db, print_page

HELP = "full-text search of the stored articles (bm25 ranking, snippets)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help='words, "a phrase", OR, -word, prefix*')
    add_db(p)
    p.add_argument("--since", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--outlet", metavar="NAME", help="only this outlet (part of its name)")
    add_page(p)
    add_format(p)


def run(args: argparse.Namespace) -> int:
    from ..store import queries
    try:
        with open_db(args) as store:
            page = queries.search(store, args.query, limit=args.limit, offset=args.offset,
                                  since=args.since, until=args.until, outlet=args.outlet)
    except RasdError as exc:
        return fail(exc)
    print_page(page, args.format, ["doc_id", "published", "score", "title", "snippet"],
               {"doc_id": 24, "title": 40, "snippet": 90})
    return 0
