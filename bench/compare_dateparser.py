"""Times on a gold folder: rasd's TimeStage against dateparser's search_dates, scored alike.

dateparser (``search_dates(text, languages=['ar'], settings={'RELATIVE_BASE': published})``) is the
library a Python user would try first. Both systems read the same articles (title + text, as rasd's
reader builds them) with the same publication date: the input's, or, where the input has none, the
date rasd found on the page (so dateparser is not penalized for lacking a page reader). Both outputs
are scored with rasd.eval.gold, the port of shared/gold/score.py.

dateparser returns a datetime without a grain; to give it a fair chance its value is cut to the
grain its matched text suggests (a bare year -> YYYY, a month name or الشهر without a day ->
YYYY-MM, العام/السنة/عام -> YYYY, otherwise YYYY-MM-DD).

usage: python bench/compare_dateparser.py [GOLD_DIR] [--json]
needs the build extra: pip install -e .[build]
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.api import analyze_path  # noqa: E402
from rasd.eval.gold import evaluate_docs, load_gold  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.text.dates import month_table  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402

_YEAR_ONLY = re.compile(r"^\D*\d{4}\D*$")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_YEAR_WORDS = ("العام", "عام", "السنه", "سنه")


def dateparser_grain(text: str) -> str:
    """The grain dateparser's matched text most plausibly denotes."""
    n = normalize(text, "match")
    words = n.split()
    has_month = any(w in month_table() for w in words) or "الشهر" in words
    if _YEAR_ONLY.match(n) and not has_month:
        return "year"
    if has_month and not _DAY_NUMBER.search(n):
        return "month"
    if any(w in _YEAR_WORDS for w in words) and not has_month:
        return "year"
    return "day"


def cut(value: dt.datetime, grain: str) -> str:
    return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(grain, value.strftime("%Y-%m-%d"))


def run_dateparser(docs: dict) -> tuple[dict, float]:
    from dateparser.search import search_dates
    out = {}
    t0 = time.perf_counter()
    for doc_id, doc in docs.items():
        settings = {"PREFER_DATES_FROM": "past"}
        if doc.meta.published:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(doc.meta.published + "T12:00:00")
        found = search_dates(doc.text, languages=["ar"], settings=settings) or []
        out[doc_id] = {"id": doc_id, "times": [{"text": s, "value": cut(v, dateparser_grain(s))}
                                               for s, v in found]}
    return out, time.perf_counter() - t0


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared/gold/dev"
    golds = load_gold(gold_dir)
    nlp = Pipeline(["sentences", "tokens", "times"])
    t0 = time.perf_counter()
    docs = {d.id: d for d in analyze_path(gold_dir / "input.jsonl", pipeline=nlp)}
    t_rasd = time.perf_counter() - t0
    ours = evaluate_docs(golds, {i: d.to_dict(layers=("times",)) for i, d in docs.items()})
    theirs_docs, t_dp = run_dateparser(docs)
    theirs = evaluate_docs(golds, theirs_docs)
    rows = {"rasd": (ours, t_rasd), "dateparser": (theirs, t_dp)}
    if "--json" in argv:
        print(json.dumps({k: {"times": r["times"], "times_end_to_end": r["times_end_to_end"],
                              "times_value_accuracy": r["times_value_accuracy"], "seconds": round(s, 2)}
                          for k, (r, s) in rows.items()}, ensure_ascii=False, indent=1))
        return 0
    print(f"gold: {gold_dir} ({len(golds)} documents, {ours['times']['gold']} time expressions)")
    print(f"{'system':12s} {'times P':>8s} {'R':>6s} {'F1':>6s}   {'end-to-end P':>12s} {'R':>6s} {'F1':>6s}"
          f"   {'value acc':>9s} {'seconds':>8s}")
    for name, (r, secs) in rows.items():
        t, e = r["times"], r["times_end_to_end"]
        print(f"{name:12s} {t['p']:8.3f} {t['r']:6.3f} {t['f1']:6.3f}   {e['p']:12.3f} {e['r']:6.3f} "
              f"{e['f1']:6.3f}   {r['times_value_accuracy']:9.3f} {secs:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
