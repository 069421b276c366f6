"""The places stage: every place entity resolved against the gazetteers.

Each LOC/GPE entity becomes a `Place` with its country (ISO 3166 alpha-3), coordinates, gazetteer
id and resolution level: ``country``, ``admin`` (province, governorate, territory), ``city``,
``region`` (a region, sea or landmark) or ``unresolved``. A name is looked up as written, then
without its head noun (مخيم جباليا -> جباليا), then through the places named inside it. When a
name fits places in several countries (طرابلس: Libya or Lebanon) the one whose country the
document also names wins, else the most populous, and `reason` says so.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Document, Entity, Place
from ..resources import gazetteers as gz
from ..text.normalize import normalize
from .base import Stage

__all__ = ["PlaceStage", "resolve"]

LEVELS = {"COUNTRY": "country", "ADMIN": "admin", "TERRITORY": "admin", "CAPITAL": "city",
          "CITY": "city", "REGION": "region", "WATER": "region", "SITE": "region"}


def _candidates(name: str) -> tuple[list[gz.Entry], str | None]:
    """Place entries for a name, and a note on how they were found (None: the name itself)."""
    found = [e for e in gz.entries(name) if e.kind in gz.PLACE_KINDS]
    if found:
        return found, None
    words = normalize(name, "match").split()
    if len(words) > 1:
        h = gz.head(words[0])
        if h and h[0] == "LOC_HEAD":
            found = [e for e in gz.entries(" ".join(words[1:])) if e.kind in gz.PLACE_KINDS]
            if found:
                return found, "found without the head noun"
        inner = [m for m in gz.match_tokens(words, kinds=gz.PLACE_KINDS) if not m.ambiguous]
        if inner:
            m = max(inner, key=lambda m: (m.end - m.start, -m.start))
            return [m.entry], "a place named inside the name"
    return [], None


def resolve(name: str, entry: gz.Entry | None = None, context: frozenset[str] = frozenset(),
            about: frozenset[str] = frozenset()) -> tuple[gz.Entry | None, str | None]:
    """The gazetteer entry for a place name and a reason when the choice was not clear-cut.

    `entry` is what the entities stage already matched (preferred when it fits); `context` holds
    the ISO codes of the countries the document names, used to choose between homonyms; `about`
    those it names through two entities or more (its place, its people, its organizations).
    """
    cands, note = _candidates(name)
    if entry is not None and entry.kind in gz.PLACE_KINDS and entry not in cands:
        cands = [entry] + cands
    if not cands:
        return None, "not in the gazetteer"
    countries = []
    for e in cands:
        if e.country not in countries:
            countries.append(e.country)
    if len(countries) <= 1:
        return cands[0], note
    top = cands[0]
    listed = ", ".join(c or "?" for c in countries)
    if top.kind == "COUNTRY":
        # عمان: Oman, or Amman when the article is about Jordan and never names Oman otherwise
        cities = [e for e in cands if e.kind == "CAPITAL" and e.country in about]
        if cities and top.country not in context:
            city = cities[0]
            return city, (f"ambiguous ({listed}); chose the capital of {city.country}: the document "
                          f"names {city.country}, and {top.country} nowhere else")
        return top, note
    biggest = max(cands, key=lambda e: (e.kind == "CAPITAL", e.population))
    in_doc = [e for e in cands if e.country in context and e.kind != "COUNTRY"]
    if in_doc:
        pick = max(in_doc, key=lambda e: e.population)
        # a capital ten times the size of a namesake stays the capital (الدوحة: Doha, not the
        # Palestinian town, even in an article about Gaza)
        if not (biggest.kind == "CAPITAL" and biggest.population >= 10 * pick.population):
            return pick, f"ambiguous ({listed}); chose {pick.country}: its country is named in the document"
    return biggest, f"ambiguous ({listed}); chose the most populous"


class PlaceStage(Stage):
    """Resolves every place entity to a country, coordinates and a gazetteer id."""

    name = "places"
    requires = ("entities",)
    provides = ("places",)

    def process(self, doc: Document) -> None:
        places_ents = [e for e in doc.entities if e.label in ("LOC", "GPE")]
        # the countries the document names: country places, and the countries of its people and
        # organizations (العاهل الأردني); each place is resolved without its own contribution
        named: dict[str, set[str]] = {}
        for e in doc.entities:
            if e.country and (e.label not in ("LOC", "GPE") or e.gazetteer_id and _is_country(e)):
                named.setdefault(e.country, set()).add(e.id)
        out = []
        revised: dict[str, Entity] = {}
        for n, ent in enumerate(places_ents, 1):
            entry = _entry_of(ent)
            context = frozenset(c for c, ids in named.items() if ids - {ent.id})
            about = frozenset(c for c, ids in named.items() if len(ids - {ent.id}) >= 2)
            e, reason = resolve(ent.name, entry, context, about)
            if e is None:
                for alias in ent.aliases:
                    e, reason = resolve(alias, None, context)
                    if e is not None:
                        reason = f"resolved through the alias {alias}" + (f"; {reason}" if reason else "")
                        break
            if e is None:
                out.append(Place(f"p{n}", ent.id, ent.name, ent.country, None, None, None,
                                 "unresolved", reason or "not in the gazetteer"))
                continue
            out.append(Place(f"p{n}", ent.id, ent.name, e.country, e.lat, e.lon, e.id,
                             LEVELS.get(e.kind, "region"), reason))
            if ent.gazetteer_id is not None and ent.gazetteer_id != e.id:
                revised[ent.id] = replace(ent, country=e.country, gazetteer_id=e.id, lat=e.lat, lon=e.lon)
        doc.places = out
        if revised:     # the entity says what its place says (عمان read as Amman, not Oman)
            doc.entities = [revised.get(e.id, e) for e in doc.entities]


def _is_country(ent: Entity) -> bool:
    e = _entry_of(ent)
    return e is not None and e.kind == "COUNTRY"


def _entry_of(ent: Entity) -> gz.Entry | None:
    if not ent.gazetteer_id:
        return None
    for e in gz.entries(ent.name):
        if e.id == ent.gazetteer_id:
            return e
    for alias in ent.aliases:
        for e in gz.entries(alias):
            if e.id == ent.gazetteer_id:
                return e
    return gz.by_id(ent.gazetteer_id)
