"""Finding Arabic time expressions in running text (pure: a string in, candidate spans out).

`find_candidates(norm)` runs a small grammar of regular expressions over ``match``-normalized text
and returns non-overlapping `Candidate`s (the longest wins), each with the named parts it was built
from (day, month, year, weekday, qualifier, unit …). `rasd.text.timeres` turns them into values.

Families: ``date`` (day + month [+ year]), ``month`` (month [+ year]), ``year``, ``years`` (بين عامي
2014 و2017), ``numeric`` (10/8/2021, 2021-08-10), ``numeric_dm`` (24/9 before a full numeric date),
``relday`` (اليوم، أمس، أول من أمس، غدا …, optionally with a weekday and a date), ``weekday``,
``period`` (الشهر الماضي، هذا العام، نهاية العام …), ``ago`` (قبل يومين، منذ ثلاث سنوات) and
``anaphor`` (اليوم التالي، العام نفسه).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import re

import regex

from .dates import (alternation, month_of, month_table, number_table, unit_table, weekday_table,
                    word_table, words_with_role)

__all__ = ["Candidate", "find_candidates"]


@dataclass(slots=True)
class Candidate:
    family: str
    start: int                    # offsets in the normalized text
    end: int
    parts: dict[str, str | None] = field(default_factory=dict)


_B = r"(?<!\w)"
_E = r"(?!\w)"
_NB = r"(?<![\w.,/:٫-])"          # before a number: not inside another number or a clock time


def _year(g: str) -> str:
    return rf"(?P<{g}>(?:1[3-9]|20)\d\d)(?![\d.,]\d|\d)(?:\s*(?P<{g}s>م|ه)(?!\w))?"


@lru_cache(maxsize=1)
def _grammar() -> list[tuple[str, regex.Pattern]]:
    months = alternation(month_table())
    weekdays = alternation(weekday_table())
    ordinals = alternation(k for k, (_, kind) in number_table().items() if kind == "ordinal")
    cardinals = alternation(k for k, (_, kind) in number_table().items() if kind == "cardinal")
    units = alternation(unit_table())
    quals = alternation(words_with_role("qualifier"))
    parts = alternation(words_with_role("part"))
    edges = alternation(words_with_role("edge"))

    def mx(g: str) -> str:
        return rf"(?P<{g}>{months})(?:\s*[/(]\s*(?P<{g}2>{months})\s*\)?)?{_E}"

    def yspec(g: str) -> str:
        return (rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s*)?{_year(g)}"
                rf"|\s+من\s+(?:(?:ال)?(?:عام|سنه)\s+(?P<{g}q>{quals}){_E}"
                rf"|(?P<{g}t>هذا\s+العام|هذه\s+السنه){_E}))")

    day = r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"
    part = rf"(?P<part>(?:بعد\s+)?{parts})"
    g: list[tuple[str, str]] = [
        ("numeric_iso", rf"{_NB}(?P<y>(?:19|20|13|14)\d\d)\s*(?P<sep>[-/.])\s*(?P<mo>0?[1-9]|1[0-2])\s*(?P=sep)"
                        rf"\s*(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)(?:\s*(?P<ys>م|ه)(?!\w))?"),
        ("numeric", rf"(?:{_B}(?P<pre>[وف]?)(?:(?P<yawm>يوم)\s+)?(?P<wd>{weekdays})\s*[,،]?\s*(?:الموافق\s+)?)?"
                    rf"{_NB}(?P<d>\d{{1,2}})\s*(?P<sep>[-/.])\s*(?P<mo>\d{{1,2}})\s*(?P=sep)\s*"
                    rf"(?P<y>\d{{4}})(?!\d)(?:\s*(?P<ys>م|ه)(?!\w))?"),
        ("numeric_dm", rf"{_NB}(?P<d>\d{{1,2}})\s*/\s*(?P<mo>\d{{1,2}})(?!\d)"
                       rf"(?=\s*/?\s*(?:الي|حتي|-|و)\s*\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}})"),
        ("date", rf"{_B}(?P<pre>[وف]?[لب]?)(?:{part}\s+)?(?:(?P<yawm>يوم)\s+)?"
                 rf"(?:(?P<wd>{weekdays})\s*[,،]?\s*(?:الموافق\s+)?)?"
                 rf"(?:{_NB}{day}|(?P<o>{ordinals}){_E})\s*(?:من\s+)?(?:شهر\s+)?{mx('m')}"
                 rf"(?:{yspec('y')}|\s+(?P<q>{quals}){_E})?"),
        ("dayrel", rf"{_B}(?P<pre>[وف]?[لب]?)(?:(?P<yawm>يوم)\s+)?(?:(?P<wd>{weekdays})\s*[,،]?\s*)?"
                   rf"(?:{_NB}{day}|(?P<o>{ordinals}){_E})\s*(?:من\s+)?(?:(?:هذا\s+)?(?P<shahr>الشهر)\s+)?"
                   rf"(?P<q>الجاري|الحالي|المقبل|القادم|الماضي|المنصرم|الفائت){_E}"),
        ("relday", rf"{_B}(?P<pre>[وف]?(?:ب(?=الامس))?)(?:{part}\s+|(?P<yawm>يوم)\s+)?"
                   rf"(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|الامس|امس|بعد\s+غد|غدا|الغد|غد"
                   rf"|اليوم|الليله(?:\s+الماضيه)?){_E}"
                   rf"(?:\s*[,،-]?\s*(?P<wd>{weekdays}){_E})?"
                   rf"(?:\s*[,،]?\s*(?:{_NB}{day}|(?P<o>{ordinals}){_E})\s*(?:من\s+)?{mx('m')}"
                   rf"(?:{yspec('y')})?)?"),
        ("weekday", rf"{_B}(?P<pre>[وف]?)(?:{part}\s+|(?P<yawm>يوم)\s+)?(?P<wd>{weekdays})"
                    rf"(?:\s+(?P<twice>قبل\s+)?(?P<q>{quals}))?{_E}"
                    rf"(?:\s+من\s+(?:هذا\s+)?(?P<week>الاسبوع)(?:\s+(?P<wq>{quals}))?{_E})?"),
        ("month", rf"{_B}(?P<pre>[وف]?[بل]?)(?:(?P<before>قبل)\s+(?={edges}))?(?:(?P<edge>{edges})\s+)?"
                  rf"(?:(?P<shahr>شهر)\s+)?{mx('m')}(?:{yspec('y')}|\s+(?P<q>{quals}){_E})?"),
        ("years", rf"{_B}(?P<pre>[وف]?[بل]?)(?:(?P<bein>بين)\s+)?(?:(?P<kw>(?:ال)?(?:عامي|سنتي|عامين))\s*)?"
                  rf"{_NB}{_year('y')}\s*(?P<sep>و|-|–|الي|حتي)\s*(?:(?:ال)?(?:عام|سنه)\s*)?{_year('y2')}"),
        ("year", rf"{_B}(?P<pre>[وف]?[بل]?)(?:(?P<before>قبل)\s+(?={edges}))?(?:(?P<edge>{edges})\s+)?"
                 rf"(?:(?P<kw>(?:ال|(?<=ل)ل)?(?:عام|سنه))\s*)?{_NB}{_year('y')}"),
        ("period", rf"{_B}(?P<pre>[وف]?[بل]?)(?:(?P<earlier>في\s+وقت\s+(?:سابق|لاحق|مبكر)\s+من)\s+)?"
                   rf"(?:(?P<before>قبل)\s+(?={edges}))?(?:(?P<edge>{edges})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
                   rf"(?:ال|(?<=ل)ل)(?P<unit>اسبوع|شهر|عام|سنه)(?:\s+(?P<q>{quals}))?{_E}"),
        ("ago", rf"{_B}(?P<pre>[وف]?)(?P<rel>قبل|منذ|بعد)\s+"
                rf"(?:(?P<approx>نحو|حوالي|قرابه|زهاء|ما\s+يقارب)\s+)?"
                rf"(?:(?P<num>\d{{1,3}}|(?:ال)?{cardinals})\s+)?(?P<unit>{units}){_E}"),
        ("anaphor", rf"{_B}(?P<pre>[وف]?[بل]?)(?:{part}\s+)?"
                    rf"(?:(?:ال|(?<=ل)ل)(?P<unit>يوم|شهر|عام|سنه)\s+"
                    rf"(?P<rel>التالي|التاليه|السابق|السابقه|نفسه|نفسها|ذاته|ذاتها)"
                    rf"|(?P<nafs>نفس)\s+ال(?P<unit2>يوم|شهر|عام|سنه)){_E}"),
    ]
    return [(name, re.compile(p)) for name, p in g]


# Words before اليوم that make it part of a name (روسيا اليوم، عين اليوم) or another day (ذلك اليوم).
_NOT_TODAY_BEFORE = frozenset("""عين روسيا ثقافه المصري اخبار عالم صحيفه جريده موقع قناه مجله برنامج
    نشره ذلك ذات نفس تلك مراسل""".split())
# Nouns that العام follows as the adjective "general" (الأمين العام الحالي is no year).
_GENERAL_NOUNS = frozenset("""الامين المدير النائب المدعي المراقب المفتش المنسق الراي القطاع المؤتمر
    الاضراب الامن المال النفع المرشد القائد الشان الصالح الاتحاد الوكيل السكرتير الادعاء الاطار
    الطابع المستوي المعدل المتوسط الدين الانفاق النقل التعليم الوضع المشهد الحق الجمع""".split())
_WEEKDAY_NOT_BEFORE = frozenset("صلاه خطبه صلوات خطب ايام كلا هذين هذان".split())
_RECURRING = regex.compile(r"\s*(?:من\s+)?كل\s+(?:عام|سنه|شهر)|\s*سنويا")
_THIS_DAY = regex.compile(r"مثل\s+هذا\s*$")
_WEEKDAY_NOT_AFTER = frozenset("معا منهما عشر عشره".split())
_NOT_NISBA = frozenset(["الذكري"])     # اليوم الذكرى …: a noun in ى, not an adjective in ي
_NOT_ACCUSATIVE = frozenset("تقريبا ايضا حاليا سابقا مثلا لاحقا اذا كما هنا انما بينما عندما".split())
_QUOTES_OPEN = "«\"“'"
_QUOTES_CLOSE = "»\"”'"
_NEXT_WORD = regex.compile(r"\s*(\w+)")
_PREV_WORD = regex.compile(r"(\w+)\W*$")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def _strip_clitic(word: str) -> str:
    for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def _bound_ok(p: dict) -> bool:
    """A month name that is also an ordinary word needs a day, a year, شهر, a qualifier or an edge."""
    names = [n for n in (p.get("m"), p.get("m2")) if n]
    if any(not month_of(n).bound for n in names):
        return True
    return any(p.get(k) for k in ("d", "o", "y", "yq", "yt", "q", "shahr", "edge"))


def _valid(family: str, p: dict, norm: str, mstart: int, start: int, end: int) -> bool:
    """Context checks a regular expression cannot make; `mstart` is where the match (clitic included) starts."""
    if family in ("date", "month") and not _bound_ok(p):
        return False
    if family in ("date", "month") and _RECURRING.match(norm, end):
        return False              # ٣٠ رجب من كل عام: a yearly date, not one day
    if family in ("month", "year", "period") and p.get("before") and not p.get("edge"):
        return False
    if family == "year":
        y = int(p["y"])
        if p.get("ys") == "ه":
            return 1343 <= y <= 1500
        if not (p.get("kw") or p.get("edge") or p.get("ys")):
            if not 1900 <= y <= 2100:
                return False
            nxt = _next_word(norm, end)
            # a counted noun in the accusative (1951 مسجدا) makes it a number, not a year
            return not (nxt.endswith("ا") and len(nxt) >= 3 and not nxt.startswith(("و", "ف"))
                        and nxt not in _NOT_ACCUSATIVE)
        return 1000 <= y <= 2200
    if family == "years":
        y1, y2 = int(p["y"]), int(p["y2"])
        return (bool(p.get("kw") or p.get("bein")) or p.get("sep") in ("-", "–")) and 0 < y2 - y1 < 100
    if family == "relday":
        rel = " ".join(p["rel"].split())
        if rel in ("غد", "الغد") and not (p.get("yawm") or p.get("part")):
            return False
        if rel == "امس" and _next_word(norm, end) in ("الحاجه", "حاجه") and not p.get("wd"):
            return False
        if rel == "اليوم" and not p.get("wd") and not p.get("m"):
            if _strip_clitic(_prev_word(norm, mstart)) in _NOT_TODAY_BEFORE:
                return False
            nxt = _next_word(norm, end)
            if nxt.startswith("ال") and ((nxt.endswith("ي") and len(nxt) >= 5 and nxt not in _NOT_NISBA)
                                         or nxt in number_table()):
                return False      # اليوم الأول، اليوم العالمي، اليوم التالي
            if p.get("pre", "").endswith("ب"):
                return False
            after = norm[end:end + 2].lstrip()[:1]
            if after and after in _QUOTES_CLOSE:
                head = norm[max(0, mstart - 25):mstart]
                if any(q in head for q in _QUOTES_OPEN) and not any(q in head for q in "»”"):
                    return False  # «اليوم», "غزة اليوم": the name of a newspaper or a programme
            if _THIS_DAY.search(norm, max(0, mstart - 12), mstart):
                return False      # في مثل هذا اليوم: an anniversary
        return True
    if family == "weekday":
        if _strip_clitic(_prev_word(norm, mstart)) in _WEEKDAY_NOT_BEFORE:
            return False
        if _next_word(norm, end) in _WEEKDAY_NOT_AFTER and not (p.get("yawm") or p.get("q")):
            return False
        return True
    if family == "period":
        if not (p.get("this") or p.get("q") or p.get("edge")):
            return False
        if p["unit"] == "عام" and not (p.get("this") or p.get("edge")):
            if _prev_word(norm, mstart) in _GENERAL_NOUNS:
                return False
        if p.get("earlier") and not (p.get("this") or p.get("q")):
            return False
        return True
    if family == "ago":
        unit, count = unit_table()[" ".join(p["unit"].split())]
        if regex.match(r"\s+(?:من|علي)\s", norm[end:end + 6]):
            return False          # قبل يومين من الانتخابات: relative to another event
        if _prev_word(norm, mstart) in ("يوما", "عاما", "شهرا", "اسبوعا", "سنه", "ساعه"):
            return False          # يوما بعد يوم: "day after day"
        if count == 2:
            return not p.get("num")
        if p["rel"] in ("منذ", "بعد") and unit not in ("day", "week"):
            return False          # منذ ثلاثة أعوام, بعد سبع سنوات: a duration or another event's time
        if count == 1:
            return not p.get("num") and _next_word(norm, end) not in _MONTH_WORDS()
        return bool(p.get("num"))
    if family == "anaphor":
        nxt = _next_word(norm, end)
        return not nxt.startswith(("لل", "ل")) or nxt in ("لها", "له")
    return True


@lru_cache(maxsize=1)
def _MONTH_WORDS() -> frozenset[str]:
    return frozenset(k.split()[0] for k in month_table())


# The trigger kinds each family needs: a window is searched only for the families it can hold.
_NEEDS = {"numeric_iso": {"digit"}, "numeric": {"digit"}, "numeric_dm": {"digit"}, "date": {"month"},
          "dayrel": {"digit", "unit"}, "relday": {"rel"}, "weekday": {"weekday"}, "month": {"month"},
          "years": {"digit"}, "year": {"digit"}, "period": {"unit"}, "ago": {"unit"}, "anaphor": {"unit"}}


@lru_cache(maxsize=1)
def _triggers():
    """An Aho-Corasick automaton of the words every time expression contains at least one of."""
    import ahocorasick
    kinds: dict[str, str] = {}
    for w in set("0123456789"):
        kinds[w] = "digit"
    for w in set(unit_table()) | {"يوم", "عام", "سنه", "شهر", "اسبوع", "عامي", "سنتي"}:
        kinds[w] = "unit"
    for w in ("امس", "اليوم", "غد", "غدا", "الغد", "الليله"):
        kinds[w] = "rel"
    for w in weekday_table():
        kinds[w] = "weekday"
    for k in month_table():
        kinds[k.split()[0]] = "month"
    automaton = ahocorasick.Automaton()
    for w, kind in kinds.items():
        automaton.add_word(w, (len(w), kind))
    automaton.make_automaton()
    return automaton


# Text every match of a family contains (a necessary condition, so exact): a window without it
# is not searched for that family.
_NUMERIC_DATE = re.compile(r"\d\s*[-/.]\s*\d")
_NEEDLES = {
    "numeric_iso": _NUMERIC_DATE,
    "numeric": _NUMERIC_DATE,
    "numeric_dm": re.compile(r"\d\s*/\s*\d"),
    "dayrel": re.compile(r"الجاري|الحالي|المقبل|القادم|الماضي|المنصرم|الفائت"),
    "years": re.compile(r"\d\d\d\d\s*(?:[مه]\s*)?(?:و|-|–|الي|حتي)"),
    "year": re.compile(r"(?:1[3-9]|20)\d\d"),
    "period": re.compile(r"ل(?:اسبوع|شهر|عام|سنه)"),
    "ago": re.compile(r"(?:قبل|منذ|بعد)\s"),
    "anaphor": re.compile(r"التالي|السابق|نفس|ذات"),
}

_BEFORE, _AFTER = 45, 70     # no expression starts further before, or ends further after, its trigger
_CLITICS = frozenset(["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "وال", "بال", "لل",
                      "ولل", "فال", "كال", "وبال"])


def windows(norm: str) -> list[tuple[int, int, frozenset[str]]]:
    """Merged stretches of the text around trigger words, with the kinds of triggers they hold:
    the only places the grammar is run."""
    out: list[list] = []
    n = len(norm)
    for end, (size, kind) in _triggers().iter(norm):
        nxt = norm[end + 1] if end + 1 < n else " "
        if kind == "digit":
            if nxt.isdigit():
                continue                              # not the last digit of a number
        else:
            if nxt.isalnum():
                continue                              # inside a longer word
            start = end + 1 - size
            j = start
            while j > 0 and start - j < 4 and norm[j - 1].isalpha():
                j -= 1
            if norm[j:start] not in _CLITICS or (j > 0 and norm[j - 1].isalnum()):
                continue                              # preceded by more than a clitic
        s, e = max(0, end + 1 - size - _BEFORE), min(n, end + 1 + _AFTER)
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
            out[-1][2].add(kind)
        else:
            out.append([s, e, {kind}])
    return [(s, e, frozenset(k)) for s, e, k in out]


def find_candidates(norm: str) -> list[Candidate]:
    """Time-expression candidates in ``match``-normalized text, non-overlapping, in text order.

    Each candidate's span excludes a leading conjunction or preposition (وأمس -> أمس)."""
    found: list[tuple[int, int, int, str, dict]] = []
    spans = windows(norm)
    seen: dict[tuple[re.Pattern, int], bool] = {}      # (needle, window start) -> found

    def has(needle: re.Pattern | None, lo: int, hi: int) -> bool:
        if needle is None:
            return True
        key = (needle, lo)
        if key not in seen:
            seen[key] = needle.search(norm, lo, hi) is not None
        return seen[key]

    for rank, (family, pattern) in enumerate(_grammar()):
        need, needle = _NEEDS[family], _NEEDLES.get(family)
        searched = [(lo, hi) for lo, hi, kinds in spans if need & kinds and has(needle, lo, hi)]
        for m in (m for lo, hi in searched for m in pattern.finditer(norm, lo, hi)):
            p = {k: v for k, v in m.groupdict().items() if v}
            start = m.start() + len(p.get("pre", ""))
            end = m.end()
            if family == "numeric_dm":
                start, end = m.start("d"), m.end("mo")
            while end > start and norm[end - 1].isspace():
                end -= 1
            if end <= start or not _valid(family, p, norm, m.start(), start, end):
                continue
            found.append((start, end, rank, family, p))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _rank, family, p in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Candidate(family, start, end, p))
    out.sort(key=lambda c: c.start)
    return out
