"""Resolving time-expression candidates to ISO 8601 values at their grain (pure functions).

`resolve_times(norm, published)` finds the candidates of `rasd.text.timex` in ``match``-normalized
text and resolves each against the publication date:

- absolute dates keep their own year (Hijri dates are converted to Gregorian with hijridate);
- a date or month without a year takes the year that puts it nearest the publication date (a
  date after it counts double: news mostly looks back), or the one its qualifier says
  (``أبريل الماضي`` is the last April strictly before the publication month), or the last one
  before publication when the sentence tells of something that happened on it (``الهجوم الذي
  وقع في 7 أكتوبر``);
- اليوم/أمس/أول من أمس/غدا shift the publication day; with a weekday (``أمس الخميس``) the weekday
  wins when the two disagree, and the note says so;
- a bare weekday is the most recent such day on or before publication, or the next one when the
  sentence speaks of the future (سـ، سوف، من المقرر, an imperfect verb opening the sentence); a
  weekday repeated later in the article keeps the date it got first;
- الشهر الماضي، العام المقبل، هذا العام، نهاية العام, قبل يومين, منذ ثلاث سنوات shift by units;
- اليوم التالي، العام نفسه follow the previous expression of that grain.

With no publication date, relative expressions keep their span and get a null value.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from .clitics import segment
from .dates import (add_months, gregorian_from_hijri, hijri_month_start, hijri_year_of, iso,
                    month_of, number_table, safe_date, unit_table, weekday_table, word_table)
from .timex import Candidate, find_candidates

__all__ = ["Resolved", "resolve_times"]

WEEKDAY_NAMES = {1: "الاثنين", 2: "الثلاثاء", 3: "الأربعاء", 4: "الخميس", 5: "الجمعة", 6: "السبت",
                 7: "الأحد"}


@dataclass(slots=True)
class Resolved:
    start: int                    # offsets in the normalized text
    end: int
    family: str
    value: str | None
    grain: str | None
    calendar: str = "gregorian"
    anchor: str | None = None
    note: str | None = None
    date: dt.date | None = None   # the first day the value denotes, for later anaphora


_REL_OFFSETS = {"اليوم": 0, "الليله": 0, "الليله الماضيه": -1, "امس": -1, "الامس": -1,
                "اول امس": -2, "اول من امس": -2, "امس الاول": -2, "غدا": 1, "غد": 1, "الغد": 1,
                "بعد غد": 2}
_UNIT_NAMES = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year", "يوم": "day"}
_FUTURE_WORDS = frozenset("""سوف المقرر المقرره المنتظر المتوقع المزمع المرتقب يعتزم تعتزم يعتزمون
    ستعقد سيعقد""".split())
_NOT_VERBS = frozenset("""يذكر يشار ياتي يعد يبدو يوم يونيو يوليو يناير يونيه يوليه يقول يري يمكن
    يجب ينبغي يعتبر يوجد""".split())
# Perfect verbs of something happening in news reports
_EVENT_PAST_VERBS = frozenset("""وصل وصلت التقي عقد عقدت شن شنت قتل قتلت استشهد اعتقل اعتقلت اقتحم اقتحمت
    جرت جري وقع وقعت بدا بدات انطلق انطلقت شهد شهدت""".split())
# Common perfect verbs of news reports, of happening and of saying and publishing: the nearest one
# before a weekday puts it in the past.
_PAST_VERBS = _EVENT_PAST_VERBS | frozenset("""قال قالت اعلن اعلنت اكد اكدت اضاف اضافت اوضح اوضحت اشار
    اشارت ذكر ذكرت افاد افادت صرح كشف كشفت نفي نفت دعا دعت اصدر اصدرت نشر نشرت""".split())
_SENTENCE_START = regex.compile(r"[.!?؟;؛\n][^.!?؟;؛\n]*$")
_WORD = regex.compile(r"\w+")


def _key(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _qual(p: dict, key: str = "q") -> str | None:
    """past | future | current for a qualifier group, or None."""
    w = p.get(key)
    if not w:
        return None
    return word_table().get(_key(w), ("", None))[1]


def _day_of(p: dict) -> int | None:
    if p.get("d"):
        return int(p["d"])
    if p.get("o"):
        return number_table().get(_key(p["o"]), (None, ""))[0]
    return None


def _count(word: str | None) -> int | None:
    if not word:
        return None
    if word.isdigit():
        return int(word)
    w = _key(word)
    hit = number_table().get(w) or (number_table().get(w[2:]) if w.startswith("ال") else None)
    return hit[0] if hit else None


# ---------------------------------------------------------------------------------------------
# choosing a year for a date or month written without one

def _month_index(d: dt.date, hijri: bool) -> int:
    if hijri:
        h = _to_hijri(d)
        return h[0] * 12 + h[1] - 1 if h else d.year * 12 + d.month - 1
    return d.year * 12 + d.month - 1


@lru_cache(maxsize=4096)
def _to_hijri(d: dt.date) -> tuple[int, int, int] | None:
    from hijridate import Gregorian
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _choose(anchor: dt.date, make, qual: str | None, hijri: bool) -> dt.date | None:
    """Among the dates `make(year)` for years around the anchor's (Hijri or Gregorian) year, the
    one the qualifier asks for, else the nearest (a future one at double distance)."""
    base = (hijri_year_of(anchor) if hijri else anchor.year)
    if base is None:
        return None
    cands = []
    for y in (base - 1, base, base + 1):
        d = make(y)
        if d is not None:
            cands.append((y, d))
    if not cands:
        return None
    here = _month_index(anchor, hijri)
    if qual == "past":
        past = [d for y, d in cands if _month_index(d, hijri) < here]
        return max(past) if past else None
    if qual == "future":
        fut = [d for y, d in cands if _month_index(d, hijri) > here]
        return min(fut) if fut else None
    if qual == "current":
        cur = [d for y, d in cands if y == base]
        return cur[0] if cur else None
    return min((d for _, d in cands),
               key=lambda d: (d - anchor).days * 2 if d > anchor else (anchor - d).days)


def _year_from_spec(p: dict, anchor: dt.date | None, g: str = "y") -> tuple[int | None, bool, bool]:
    """(year, hijri suffix, explicit) from a year part: 2014, 1436 هـ, من العام الماضي, من هذا العام."""
    if p.get(g):
        return int(p[g]), p.get(g + "s") == "ه", True
    if p.get(g + "q") and anchor:
        return anchor.year + {"past": -1, "future": 1}.get(_qual(p, g + "q"), 0), False, False
    if p.get(g + "t") and anchor:
        return anchor.year, False, False
    return None, False, False


def _weekday_note(value: dt.date, wd: int) -> str | None:
    if value.isoweekday() != wd:
        return (f"{WEEKDAY_NAMES[wd]} does not agree with {value.isoformat()} "
                f"({WEEKDAY_NAMES[value.isoweekday()]})")
    return None


# ---------------------------------------------------------------------------------------------
# past events and future tense in the sentence before an expression

def tells_of_past_event(norm: str, pos: int) -> bool:
    """Whether the nearest tense cue before `pos` in its sentence is a perfect verb of something
    happening (وقعت، قتل، اقتحم، جرت), not a verb of saying (أعلن أن الاجتماع في …) nor a future."""
    lo = max(0, pos - 300)
    m = _SENTENCE_START.search(norm, lo, pos)
    words = _WORD.findall(norm, m.start() + 1 if m else lo, pos)
    for w in reversed(words):
        bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w
        if w in _EVENT_PAST_VERBS or bare in _EVENT_PAST_VERBS:
            return True
        if w in _PAST_VERBS or bare in _PAST_VERBS or _is_future_verb(w):
            return False
    return False


@lru_cache(maxsize=20000)
def _is_future_verb(word: str) -> bool:
    if word in _FUTURE_WORDS:
        return True
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 4 else word
    if len(w) >= 4 and w[0] == "س" and w[1] in "يتنا":
        segs = segment(w)
        return len(segs) > 1 and segs[0][0] == "proclitic" and w[segs[0][1]:segs[0][2]] == "س"
    return False


def speaks_of_future(norm: str, pos: int) -> bool:
    """Whether the sentence up to `pos` speaks of the future: the nearest tense cue before `pos` is
    a future verb or word (سيعقد، سوف، من المقرر) rather than a common perfect verb (قال، أعلن), or,
    with no cue, an imperfect verb opens the sentence within eight words of `pos`."""
    lo = max(0, pos - 300)
    m = _SENTENCE_START.search(norm, lo, pos)
    start = m.start() + 1 if m else lo
    words = _WORD.findall(norm, start, pos)
    if words and words[-1] in ("منذ", "ومنذ"):
        return False
    for w in reversed(words):                 # the nearest tense cue before the expression decides
        if w in _PAST_VERBS or (w[:1] in ("و", "ف") and w[1:] in _PAST_VERBS):
            return False
        if _is_future_verb(w):
            return True
    if words and len(words) <= 9:
        first = words[0][1:] if words[0][:1] in ("و", "ف") and len(words[0]) > 4 else words[0]
        if first[:1] == "ي" and len(first) >= 4 and first not in _NOT_VERBS:
            return True
    return False


# ---------------------------------------------------------------------------------------------

def _hijri_in_gregorian_year(gy: int, month: int, day: int) -> dt.date | None:
    """A Hijri month and day written with a Gregorian year (رمضان 2020): its first occurrence that year."""
    hy = hijri_year_of(dt.date(gy, 7, 1)) if 1 <= gy <= 9999 else None
    if hy is None:
        return None
    for h in (hy - 1, hy, hy + 1):
        d = gregorian_from_hijri(h, month, day)
        if d and d.year == gy:
            return d
    return None


def _hijri_year_value(y: int) -> int | None:
    mid = gregorian_from_hijri(y, 6, 15)
    return mid.year if mid else None


class _Resolver:
    def __init__(self, norm: str, published: dt.date | None, weeks: bool):
        self.norm = norm
        self.anchor = published
        self.weeks = weeks
        self.out: list[Resolved] = []
        self.weekday_memory: dict[int, dt.date] = {}
        self.pub = f"published:{published.isoformat()}" if published else None

    def add(self, c: Candidate, value: dt.date | None, grain: str | None, *, calendar="gregorian",
            anchor=None, note=None, value_str: str | None = None) -> None:
        text = value_str if value_str is not None else (iso(value, grain) if value and grain else None)
        self.out.append(Resolved(c.start, c.end, c.family, text, grain, calendar,
                                 anchor if anchor is not None else self.pub, note, value))

    # -- families --------------------------------------------------------------------------
    def date(self, c: Candidate) -> None:
        p = c.parts
        month = month_of(p["m"])
        day = _day_of(p)
        note = None
        if p.get("m2") and month_of(p["m2"]).number != month.number:
            note = f"the two month names disagree; read as month {month.number}"
        year, hsuffix, explicit = _year_from_spec(p, self.anchor)
        hijri = month.calendar == "hijri" or (hsuffix and month.calendar == "hijri")
        calendar = "hijri" if hijri else "gregorian"
        value = None
        if day is None:
            pass
        elif year is not None:
            if hijri and year > 1600:
                value = _hijri_in_gregorian_year(year, month.number, day)
            else:
                value = (gregorian_from_hijri(year, month.number, day) if hijri
                         else safe_date(year, month.number, day))
            if value is None:
                note = "not a valid date"
        elif self.anchor:
            make = ((lambda y: gregorian_from_hijri(y, month.number, day)) if hijri
                    else (lambda y: safe_date(y, month.number, day)))
            value = _choose(self.anchor, make, _qual(p), hijri)
            value = self._past_if_told(c, value, make, hijri, _qual(p))
        wd = weekday_table().get(_key(p.get("wd"))) if p.get("wd") else None
        if value and wd:
            note = _weekday_note(value, wd) or note
        self.add(c, value, "day", calendar=calendar, note=note,
                 anchor="absolute" if explicit else None)

    def _past_if_told(self, c: Candidate, value: dt.date | None, make, hijri: bool,
                      qual: str | None) -> dt.date | None:
        """The latest such date before publication instead of a later one when the sentence
        tells of something that happened on it (المذبحة التي وقعت في 7 أكتوبر)."""
        if value is None or qual is not None or value <= self.anchor \
                or not tells_of_past_event(self.norm, c.start):
            return value
        base = hijri_year_of(self.anchor) if hijri else self.anchor.year
        past = [d for d in (make(y) for y in (base - 1, base)) if d is not None and d < self.anchor]
        return max(past) if past else value

    def month(self, c: Candidate) -> None:
        p = c.parts
        month = month_of(p["m"])
        hijri = month.calendar == "hijri"
        note = None
        if p.get("m2") and month_of(p["m2"]).number != month.number:
            note = f"the two month names disagree; read as month {month.number}"
        year, _, explicit = _year_from_spec(p, self.anchor)
        value = None
        if year is not None:
            if hijri:
                value = (_hijri_in_gregorian_year(year, month.number, 1) if year > 1600
                         else hijri_month_start(year, month.number))
            else:
                value = safe_date(year, month.number, 1)
        elif self.anchor:
            make = ((lambda y: hijri_month_start(y, month.number)) if hijri
                    else (lambda y: dt.date(y, month.number, 1)))
            value = _choose(self.anchor, make, _qual(p), hijri)
            value = self._past_if_told(c, value, make, hijri, _qual(p))
        self.add(c, value, "month", calendar="hijri" if hijri else "gregorian", note=note,
                 anchor="absolute" if explicit else None)

    def year(self, c: Candidate) -> None:
        p = c.parts
        y = int(p["y"])
        if p.get("ys") == "ه" or (p.get("kw") and 1343 <= y <= 1500 and p.get("ys") != "م"):
            g = _hijri_year_value(y)
            self.add(c, None, "year", calendar="hijri", anchor="absolute",
                     value_str=f"{g:04d}" if g else None, note=None if g else "Hijri year out of range")
            return
        self.add(c, dt.date(y, 1, 1), "year", anchor="absolute")

    def years(self, c: Candidate) -> None:
        p = c.parts
        y1, y2 = int(p["y"]), int(p["y2"])
        self.add(c, dt.date(y1, 1, 1), "year", anchor="absolute", note=f"a span of years {y1}–{y2}")

    def numeric(self, c: Candidate) -> None:
        p = c.parts
        d, mo, y = int(p["d"]), int(p["mo"]), int(p["y"])
        if mo > 12 and d <= 12:
            d, mo = mo, d
        hijri = p.get("ys") == "ه" or 1300 <= y <= 1500
        value = gregorian_from_hijri(y, mo, d) if hijri else safe_date(y, mo, d)
        self.add(c, value, "day", calendar="hijri" if hijri else "gregorian", anchor="absolute",
                 note=None if value else "not a valid date")

    def numeric_dm(self, c: Candidate) -> None:
        p = c.parts
        nxt = regex.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})(?:\s*(ه|م)(?!\w))?").search(
            self.norm, c.end, c.end + 40)
        value, hijri = None, False
        if nxt:
            y = int(nxt.group(1))
            hijri = nxt.group(2) == "ه" or 1300 <= y <= 1500
            d, mo = int(p["d"]), int(p["mo"])
            value = gregorian_from_hijri(y, mo, d) if hijri else safe_date(y, mo, d)
        self.add(c, value, "day", calendar="hijri" if hijri else "gregorian", anchor="absolute",
                 note="year taken from the end of the range")

    def dayrel(self, c: Candidate) -> None:
        """في 20 الجاري، العاشر من الشهر المقبل: a day of the publication month or the next/last."""
        p = c.parts
        day = _day_of(p)
        if not self.anchor or day is None:
            self.add(c, None, "day")
            return
        k = {"past": -1, "future": 1}.get(_qual(p), 0)
        y, m = add_months(self.anchor.year, self.anchor.month, k)
        value = safe_date(y, m, day)
        note = None if value else "not a valid date"
        wd = weekday_table().get(_key(p.get("wd"))) if p.get("wd") else None
        if value and wd:
            note = _weekday_note(value, wd)
        self.add(c, value, "day", note=note)

    def relday(self, c: Candidate) -> None:
        p = c.parts
        offset = _REL_OFFSETS.get(_key(p["rel"]), 0)
        wd = weekday_table().get(_key(p.get("wd"))) if p.get("wd") else None
        if p.get("m"):                     # أمس الثلاثاء 9 أبريل: the date decides
            self.date(c)
            return
        if not self.anchor:
            self.add(c, None, "day")
            return
        base = self.anchor + dt.timedelta(days=offset)
        value, note = base, None
        if wd:
            if offset > 0:
                value = base + dt.timedelta(days=(wd - base.isoweekday()) % 7)
            else:
                value = base - dt.timedelta(days=(base.isoweekday() - wd) % 7)
            if value != base:
                note = (f"{WEEKDAY_NAMES[wd]} does not agree with {base.isoformat()} "
                        f"({WEEKDAY_NAMES[base.isoweekday()]}); resolved to the named weekday")
            self.weekday_memory.setdefault(wd, value)
        self.add(c, value, "day", note=note)

    def weekday(self, c: Candidate) -> None:
        p = c.parts
        wd = weekday_table()[_key(p["wd"])]
        if not self.anchor:
            self.add(c, None, "day")
            return
        q = _qual(p)
        a = self.anchor
        if p.get("week"):                 # الجمعة من الأسبوع المقبل: that weekday in that week
            k = {"past": -1, "future": 1}.get(_qual(p, "wq"), 0)
            monday = a - dt.timedelta(days=a.isoweekday() - 1) + dt.timedelta(weeks=k)
            value = monday + dt.timedelta(days=wd - 1)
            self.add(c, value, "day")
            return
        extra = dt.timedelta(days=7 if p.get("twice") else 0)      # الخميس قبل الماضي
        if q == "past":
            value = a - dt.timedelta(days=(a.isoweekday() - wd - 1) % 7 + 1) - extra
        elif q == "future":
            value = a + dt.timedelta(days=(wd - a.isoweekday() - 1) % 7 + 1) + extra
        elif wd in self.weekday_memory:
            value = self.weekday_memory[wd]
        elif speaks_of_future(self.norm, c.start):
            value = a + dt.timedelta(days=(wd - a.isoweekday()) % 7)
        else:
            value = a - dt.timedelta(days=(a.isoweekday() - wd) % 7)
        self.weekday_memory.setdefault(wd, value)
        self.add(c, value, "day")

    def period(self, c: Candidate) -> None:
        p = c.parts
        unit = _UNIT_NAMES[p["unit"]]
        if unit == "week" and not self.weeks:
            return
        if not self.anchor:
            self.add(c, None, unit)
            return
        k = {"past": -1, "future": 1}.get(_qual(p), 0)
        a = self.anchor
        if unit == "week":
            self.add(c, a + dt.timedelta(weeks=k), "week")
        elif unit == "month":
            y, m = add_months(a.year, a.month, k)
            self.add(c, dt.date(y, m, 1), "month")
        else:
            self.add(c, dt.date(a.year + k, 1, 1), "year")

    def ago(self, c: Candidate) -> None:
        p = c.parts
        unit, count = unit_table()[_key(p["unit"])]
        n = _count(p.get("num")) or count or 1
        sign = 1 if p["rel"] == "بعد" else -1
        a = self.anchor
        grain = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}[unit]
        if not a:
            self.add(c, None, grain)
            return
        if unit in ("day", "week"):
            value = a + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        elif unit == "month":
            y, m = add_months(a.year, a.month, sign * n)
            value = dt.date(y, m, 1)
        else:
            years = n * (10 if unit == "decade" else 1)
            value = dt.date(a.year + sign * years, 1, 1)
        self.add(c, value, grain)

    def anaphor(self, c: Candidate) -> None:
        p = c.parts
        unit = _UNIT_NAMES[p.get("unit") or p.get("unit2")]
        k = {"التالي": 1, "التاليه": 1, "السابق": -1, "السابقه": -1}.get(p.get("rel") or "", 0)
        order = {"day": 0, "month": 1, "year": 2}
        for i in range(len(self.out) - 1, -1, -1):
            prev = self.out[i]
            if c.start - prev.end > 400:
                break
            if prev.date and prev.grain in order and order[prev.grain] <= order[unit]:
                d = prev.date
                if unit == "day":
                    value = d + dt.timedelta(days=k)
                elif unit == "month":
                    y, m = add_months(d.year, d.month, k)
                    value = dt.date(y, m, 1)
                else:
                    value = dt.date(d.year + k, 1, 1)
                self.add(c, value, unit, anchor=f"t{i + 1}")
                return
        # no antecedent: اليوم التالي is then a phrase ("the day after"), not a date

    def run(self, cands: list[Candidate]) -> list[Resolved]:
        for c in cands:
            fam = "numeric" if c.family == "numeric_iso" else c.family
            getattr(self, fam)(c)
        return self.out


def resolve_times(norm: str, published: dt.date | None = None, *, weeks: bool = False) -> list[Resolved]:
    """Time expressions of ``match``-normalized text, resolved against `published`.

    Week expressions (الأسبوع الماضي) are resolved to ISO weeks only when `weeks` is true; by default
    they are left out, like the gold, which annotates days, months and years."""
    return _Resolver(norm, published, weeks).run(find_candidates(norm))
