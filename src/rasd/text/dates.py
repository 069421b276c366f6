"""Arabic calendar vocabulary and standalone date parsing (pure functions, no `Document`).

The word tables live in ``resources/time/*.tsv`` (month names of every naming system used in Arab
media — Egyptian/Gulf يناير…ديسمبر, Levantine/Iraqi كانون الثاني…كانون الأول, Maghrebi جانفي/ماي/غشت…,
Hijri محرم…ذو الحجة — weekdays, number words, calendar units and qualifiers). They are loaded once
per process and keyed by their ``match``-normalized form.

`parse_date` reads a date written on its own (a dateline, a byline, a ``نشر في:`` line):

    >>> parse_date("الثلاثاء 10 أغسطس 2021")
    ('2021-08-10', 'day')
    >>> parse_date("نشر في: 10/8/2021 - 14:05")
    ('2021-08-10', 'day')
    >>> parse_date("25 شوال 1436 هـ")
    ('2015-08-10', 'day')
    >>> parse_date("آب/أغسطس 2021")
    ('2021-08', 'month')
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Iterable, NamedTuple

import regex
from hijridate import Gregorian, Hijri

from .. import resources
from .normalize import normalize

__all__ = [
    "Month",
    "add_months",
    "alternation",
    "gregorian_from_hijri",
    "hijri_month_start",
    "hijri_year_of",
    "iso",
    "month_table",
    "number_table",
    "parse_date",
    "unit_table",
    "weekday_table",
    "word_table",
]


class Month(NamedTuple):
    calendar: str      # "gregorian" | "hijri"
    number: int        # 1..12
    bound: bool        # an ordinary word too: a month only beside a day, a year, شهر or a qualifier


def _key(form: str) -> str:
    return " ".join(normalize(form, "match").split())


@lru_cache(maxsize=1)
def month_table() -> dict[str, Month]:
    """``match`` form of every month name -> `Month`. A form listed in both calendars keeps the first."""
    out: dict[str, Month] = {}
    for form, calendar, number, _system, bound in resources.read_tsv("time/months.tsv"):
        key = _key(form)
        month = Month(calendar, int(number), bound == "bound")
        if key in out and out[key][:2] == month[:2]:
            out[key] = out[key]._replace(bound=out[key].bound and month.bound)
        else:
            out.setdefault(key, month)
    return out


@lru_cache(maxsize=1)
def weekday_table() -> dict[str, int]:
    """``match`` form of every weekday name -> ISO weekday (1 = Monday … 7 = Sunday)."""
    return {_key(form): int(day) for form, day in resources.read_tsv("time/weekdays.tsv")}


@lru_cache(maxsize=1)
def number_table() -> dict[str, tuple[int, str]]:
    """``match`` form of number words -> (value, "cardinal" | "ordinal").

    Ordinals are listed with the article; the form without it (سابع, حادي والعشرين) is added too."""
    out: dict[str, tuple[int, str]] = {}
    for form, value, kind in resources.read_tsv("time/numbers.tsv"):
        key = _key(form)
        out.setdefault(key, (int(value), kind))
        if kind == "ordinal" and key.startswith("ال"):
            out.setdefault(key[2:], (int(value), kind))
    return out


@lru_cache(maxsize=1)
def unit_table() -> dict[str, tuple[str, int | None]]:
    """``match`` form of unit words -> (unit, count): يومين -> ("day", 2), أيام -> ("day", None)."""
    out = {}
    for row in resources.read_tsv("time/units.tsv"):
        form, unit = row[0], row[1]
        count = int(row[2]) if len(row) > 2 and row[2] else None
        out[_key(form)] = (unit, count)
    return out


@lru_cache(maxsize=1)
def word_table() -> dict[str, tuple[str, str]]:
    """``match`` form of qualifier, part-of-day and edge words -> (role, value)."""
    out = {}
    for row in resources.read_tsv("time/words.tsv"):
        out[_key(row[0])] = (row[1], row[2] if len(row) > 2 else "")
    return out


def words_with_role(role: str) -> list[str]:
    return [w for w, (r, _) in word_table().items() if r == role]


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of ``match`` forms, longest first, spaces matching any whitespace.

    The alternatives are factored by common prefix (يناير|يونيو -> ي(?:ناير|ونيو)): the regex
    engine then tests each letter once instead of once per form. Longer forms stay before their
    prefixes and forms sharing a prefix keep their order, so the matches are those of the flat
    alternation."""
    parts = sorted(set(forms), key=lambda f: (-len(f), f))
    trie: dict = {}
    for f in parts:
        node = trie
        for unit in _units(f):
            node = node.setdefault(unit, {})
        node[""] = {}                                   # a form ends here
    return "(?:" + _trie_regex(trie) + ")"


def _units(form: str) -> list[str]:
    """The regex pieces of a form: escaped letters, and \\s+ between words."""
    out: list[str] = []
    for k, word in enumerate(form.split()):
        if k:
            out.append(r"\s+")
        out.extend(regex.escape(c) for c in word)
    return out


def _trie_regex(node: dict) -> str:
    branches = [unit + _trie_regex(child) if unit else "" for unit, child in node.items()
                if unit] + ([""] if "" in node else [])
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def month_of(form: str) -> Month | None:
    """The month a (normalized or raw) month name denotes, or None."""
    return month_table().get(_key(form))


# ---------------------------------------------------------------------------------------------
# calendar arithmetic

def iso(value: _dt.date, grain: str) -> str:
    if grain == "year":
        return f"{value.year:04d}"
    if grain == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if grain == "week":
        y, w, _ = value.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return value.isoformat()


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def gregorian_from_hijri(year: int, month: int, day: int) -> _dt.date | None:
    """Gregorian date of an Umm al-Qura Hijri date, or None outside hijridate's range (1343–1500 AH)."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(g.year, g.month, g.day)


def hijri_month_start(year: int, month: int) -> _dt.date | None:
    return gregorian_from_hijri(year, month, 1)


def hijri_year_of(value: _dt.date) -> int | None:
    try:
        return Gregorian(value.year, value.month, value.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# standalone dates

@lru_cache(maxsize=1)
def _standalone() -> regex.Pattern:
    months = alternation(month_table())
    weekdays = alternation(weekday_table())
    ordinals = alternation(k for k, (_, kind) in number_table().items() if kind == "ordinal")
    return regex.compile(
        rf"""(?<![\w.,/-])(?:
          (?P<iy>(?:1[3-9]|20)\d\d)\s*([-/.])\s*(?P<im>\d{{1,2}})\s*\2\s*(?P<id>\d{{1,2}})(?!\d)
        | (?P<nd>\d{{1,2}})\s*([-/.])\s*(?P<nm>\d{{1,2}})\s*\6\s*(?P<ny>\d{{4}}|\d{{2}})(?!\d)
            (?:\s*(?P<nsuf>ه|م)(?!\w))?
        | (?:(?P<wd>{weekdays})\s*[,،]?\s*)?
          (?:(?P<d>\d{{1,2}})(?!\d)|(?P<o>(?:ال)?{ordinals})(?!\w))?\s*(?:من\s+)?(?:شهر\s+)?
          (?P<m>{months})(?:\s*[/(،-]\s*(?P<m2>{months})\s*\)?)?(?!\w)
          \s*[,،]?\s*(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s*)?(?P<y>\d{{4}})(?!\d)(?:\s*(?P<ysuf>ه|م)(?!\w))?
        )""",
        regex.VERBOSE,
    )


def _two_digit_year(y: int) -> int:
    return y + (2000 if y < 50 else 1900)


def _numeric(day: int, month: int, year: int, hijri: bool) -> tuple[_dt.date | None, bool]:
    """A d/m/y date; American m/d/y when the second field cannot be a month."""
    if month > 12 and day <= 12:
        day, month = month, day
    if hijri:
        return gregorian_from_hijri(year, month, day), True
    return safe_date(year, month, day), False


def parse_date(text: str) -> tuple[str, str] | None:
    """The first full date in a short string, as (ISO value, grain), or None.

    Reads ``10 اغسطس 2021``, ``الثلاثاء 10 أغسطس 2021``, ``2021-08-10``, ``10/8/2021``, ``نشر في: …``,
    Levantine, Maghrebi and double month names (``آب/أغسطس``), Arabic-Indic digits and Hijri dates
    (``25 شوال 1436 هـ``, converted to Gregorian). A month and year without a day gives grain
    ``month``. Numeric dates are day/month/year, as Arab media write them.
    """
    if not text:
        return None
    s = normalize(text, "match")
    for m in _standalone().finditer(s):
        if m.group("iy"):
            value, _ = _numeric(int(m.group("id")), int(m.group("im")), int(m.group("iy")), False)
            if value:
                return value.isoformat(), "day"
            continue
        if m.group("nd"):
            year = int(m.group("ny"))
            if year < 100:
                year = _two_digit_year(year)
            hijri = m.group("nsuf") == "ه" or 1300 <= year <= 1500
            value, _ = _numeric(int(m.group("nd")), int(m.group("nm")), year, hijri)
            if value:
                return value.isoformat(), "day"
            continue
        month = month_of(m.group("m"))
        if month is None:
            continue
        year = int(m.group("y"))
        hijri = month.calendar == "hijri" or m.group("ysuf") == "ه"
        day = None
        if m.group("d"):
            day = int(m.group("d"))
        elif m.group("o"):
            day = number_table().get(" ".join(m.group("o").split()), (None,))[0]
        if day is None:
            if hijri:
                start = hijri_month_start(year, month.number)
                if start:
                    return iso(start, "month"), "month"
                continue
            if 1 <= year <= 9999:
                return f"{year:04d}-{month.number:02d}", "month"
            continue
        if hijri:
            value = gregorian_from_hijri(year, month.number, day)
        else:
            value = safe_date(year, month.number, day)
        if value:
            return value.isoformat(), "day"
    return None
