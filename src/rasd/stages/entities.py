"""The entities stage: the document's mentions clustered into people, organizations and places.

Mentions come from `entity_mentions.collect` (the tagger's, checked and completed with the
gazetteers). They are clustered in reading order:
- the same gazetteer entry, or the same words (article and clitics ignored), is the same entity;
- a person's later short form joins him: one word equal to the first or last word of his name
  (اللواء يحيى رسول … رسول), or a run of words inside it;
- an organization's short form joins it: a prefix of its words (مجلس النواب العراقي … مجلس
  النواب) or its name without the head noun (حركة حماس … حماس);
- a place with and without its head noun is one place (منطقة القصيم … القصيم);
- a capital used as an actor (بين بغداد وواشنطن، الحوار مع واشنطن, never في/إلى واشنطن) joins
  its country when the country is also named.
Each entity gets the fullest name its mentions give (titles removed), a title (اللواء), the
appositive roles of its mentions ("المتحدث باسم …"), a country (ISO alpha-3), a sector (MIL, GOV,
LEG, …), and, for places, the gazetteer id and coordinates. Ids e1, e2, … follow first mention.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..model import Document, Entity, Mention, Token
from ..resources import gazetteers as gz
from ..text.normalize import normalize
from ..text.clitics import known
from .base import Stage
from .entity_mentions import (ENTITY_LABELS, ORG_OFFICE_HEADS, PLACE_CUES, Span, collect, common_noun, name_of,
                              proclitic_cut, without_proclitics, words)
from .places import resolve as resolve_place

__all__ = ["EntityStage"]

_ACTOR_BEFORE = frozenset(normalize(w, "match") for w in (
    "بين", "مع", "قالت", "وقالت", "أعلنت", "وأعلنت", "اتهمت", "واتهمت", "طالبت", "أكدت", "وأكدت",
    "رفضت", "ورفضت", "دعت", "ودعت", "هددت", "حذرت", "وحذرت", "ترى", "تعتبر", "وافقت", "نفت",
    "ونفت", "وقعت", "ردت", "أبلغت", "تتهم", "تطالب", "ترفض", "تسعى", "حثت", "أدانت", "وأدانت",
    "رحبت", "ورحبت", "تريد", "اعتبرت"))
_LOCATIVE = frozenset(normalize(w, "match") for w in (
    "في", "إلى", "الى", "من", "نحو", "قرب", "داخل", "خارج", "عبر", "باتجاه", "حتى", "شمال", "جنوب",
    "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "أنحاء", "ضواحي", "أطراف", "مطار",
    "عاصمة", "العاصمة", "مدينة", "سفارة", "سفير", "زيارة", "وصل", "وصول", "غادر", "زار"))
# Words that end a role phrase when scanning left from a name.
_ROLE_STOP = frozenset(normalize(w, "match") for w in (
    "قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أعلن", "وأعلن", "أوضح", "وأوضح", "أشار", "وأشار",
    "ذكر", "وذكر", "صرح", "وصرح", "اعتبر", "واعتبر", "كشف", "وكشف", "أضاف", "وأضاف", "تابع", "وتابع",
    "لفت", "ولفت", "شدد", "وشدد", "أفاد", "وأفاد", "نقل", "ونقل", "التقى", "والتقى", "استقبل",
    "واستقبل", "بحث", "وبحث", "دعا", "ودعا", "أن", "إن", "ان", "و", "كان", "وكان", "بحسب", "حسب",
    "وفق", "وفقا", "عن", "إلى", "الى", "مع", "بين", "وبين", "هو", "هي", "قد", "لقد", "حيث", "كما"))
MAX_ROLE = 14
# Heads of a place's administrative name: منطقة القصيم is القصيم (but مطار القاهرة is not القاهرة).
_ADMIN_HEADS = frozenset(gz.name_key(normalize(w, "match")).lstrip("!") for w in (
    "مدينة", "محافظة", "منطقة", "إقليم", "ولاية", "قطاع", "مخيم", "بلدة", "قرية", "جهة", "ناحية",
    "قضاء", "مقاطعة", "دولة", "إمارة", "مملكة", "سلطنة", "جمهورية", "جزيرة"))
_CITY_HEAD = gz.name_key(normalize("مدينة", "match")).lstrip("!")


_ABD = re.compile(r"(?<!\S)عبد\s+(?=\S)")


@lru_cache(maxsize=100_000)
def _keys(name: str) -> tuple[str, ...]:
    """Comparison words of a name: ``match`` form, article removed; عبد and the word after it are
    one (عبد العاطي is written عبدالعاطي too)."""
    return tuple(gz.name_key(w).lstrip("!") for w in _ABD.sub("عبد", normalize(name, "match")).split())


_KINGDOM_KEYS = _keys("المملكة")
# names that stand for an entity without naming it: never its name when the article names it
# otherwise (المملكة for the kingdom, الاحتلال for Israel's army)
_STAND_INS = frozenset({_KINGDOM_KEYS, _keys("الاحتلال"), _keys("الاحتلال الإسرائيلي")})


@lru_cache(maxsize=100_000)
def _match_form(name: str) -> str:
    """`normalize(name, "match")`, cached: names repeat within and across documents."""
    return normalize(name, "match")


class _Cluster:
    __slots__ = ("label", "spans", "names", "keys", "words", "longest", "entry_ids", "entry", "first")

    def __init__(self, label: str, first: int):
        self.label = label
        self.spans: list[Span] = []
        self.names: list[str] = []
        self.keys: list[tuple[str, ...]] = []
        self.words: set[str] = set()        # every word of `keys` (filled by `add` only)
        self.longest = 0                    # the most words in `keys` (likewise)
        self.entry_ids: set[str] = set()
        self.entry: gz.Entry | None = None
        self.first = first

    def add(self, span: Span, name: str, keys: tuple[str, ...]) -> None:
        self.spans.append(span)
        self.names.append(name)
        self.keys.append(keys)
        self.words.update(keys)
        self.longest = max(self.longest, len(keys))
        if span.entry is not None:
            self.entry_ids.add(span.entry.id)
            if self.entry is None or len(keys) >= self.longest:
                self.entry = span.entry


def _is_head(word_key: str, cls: str) -> bool:
    h = gz.head(word_key)
    return bool(h and h[0] == cls)


def _joins(c: _Cluster, label: str, keys: tuple[str, ...], entry_id: str | None) -> int:
    """How strongly a mention joins a cluster: 0 not at all; higher wins (see `_find`)."""
    if c.label != label:
        return 0
    if label == "LOC" and len(keys) > 1 and keys[0] in _ADMIN_HEADS and \
            any(len(k) > 1 and k[0] in _ADMIN_HEADS and k[0] != keys[0] for k in c.keys):
        return 0                           # مدينة غزة never joins قطاع غزة
    if entry_id is not None and entry_id in c.entry_ids:
        return 3
    if label == "LOC":
        score = _joins_place(c, keys) or _joins_facility(c, keys)
        if score:
            return score
    if entry_id is not None and c.entry_ids:
        return 0                           # two different known names never merge by their words
    for k in c.keys:
        if k == keys:
            return 2
        if label == "PER":
            if len(keys) == 1 and keys[0] in (k[0], k[-1]) and len(k) > 1:
                return 1
            if len(k) == 1 and len(keys) > 1 and k[0] in (keys[0], keys[-1]):
                return 1                   # the short form came first (a headline: زادة … محسن فخري زادة)
            if len(keys) > 1 and len(k) > 1 and (set(keys) <= set(k) or set(k) <= set(keys)) \
                    and not _forebear(keys, k):
                return 1
        elif label == "ORG":
            if len(keys) < len(k) and k[:len(keys)] == keys and (len(keys) > 1 or not _is_head(keys[0], "ORG_HEAD")):
                return 1
            if len(k) < len(keys) and keys[:len(k)] == k and (len(k) > 1 or not _is_head(k[0], "ORG_HEAD")):
                return 1
            # (not an office of the organization: مكتب الأمم المتحدة is another body)
            if len(k) > 1 and k[1:] == keys and _is_head(k[0], "ORG_HEAD") and k[0] not in ORG_OFFICE_HEADS:
                return 1
            if len(keys) > 1 and keys[1:] == k and _is_head(keys[0], "ORG_HEAD") \
                    and keys[0] not in ORG_OFFICE_HEADS:
                return 1
            if min(len(k), len(keys)) > 1 and k[0] == keys[0] and (set(k) <= set(keys) or set(keys) <= set(k)):
                return 1
    return 0


# the words that link a name to a father's (محمد بن سلمان، فاطمة بنت محمد)
_SON_OF = frozenset(_keys("بن ابن بنت"))


def _forebear(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Is the shorter of two person names the father's part of the longer, which it begins only
    after بن/بنت (سلمان بن عبدالعزيز in سلطان بن سلمان بن عبدالعزيز): another person."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    at = [p for p, w in enumerate(long_) if w == short[0]]
    return bool(at) and all(p > 0 and long_[p - 1] in _SON_OF for p in at)


def _joins_place(c: _Cluster, keys: tuple[str, ...]) -> int:
    """A place with and without its administrative head: القصيم joins منطقة القصيم (preferring a
    region over a city: غزة joins قطاع غزة before مدينة غزة); منطقة القصيم joins القصيم unless
    the place already has another head (مدينة غزة and قطاع غزة stay two places)."""
    heads = {k[0] for k in c.keys if len(k) > 1 and k[0] in _ADMIN_HEADS}
    best = 0
    for k in c.keys:
        if len(k) > 1 and k[1:] == keys and k[0] in _ADMIN_HEADS:
            best = max(best, 1 if k[0] == _CITY_HEAD else 2)
        if len(keys) > 1 and keys[1:] == k and keys[0] in _ADMIN_HEADS and heads <= {keys[0]}:
            best = max(best, 1)
    return best


def _joins_facility(c: _Cluster, keys: tuple[str, ...]) -> int:
    """A facility named by a place head, with and without the words after its name: مطار الجوف
    joins مطار الجوف الإقليمي, مطار الأمير سلطان joins مطار الأمير سلطان بن عبدالعزيز الدولي."""
    if len(keys) < 2 or not _is_head(keys[0], "LOC_HEAD") or keys[0] in _ADMIN_HEADS:
        return 0
    for k in c.keys:
        if len(k) >= 2 and k[0] == keys[0] and k != keys and (k[:len(keys)] == keys or keys[:len(k)] == k):
            return 1
    return 0


def _find(clusters: list[_Cluster], label: str, keys: tuple[str, ...], entry_id: str | None) -> _Cluster | None:
    """The cluster a mention joins: the strongest link, the most recent cluster on a tie. Every
    link of `_joins` but the gazetteer entry needs a word in common, so clusters without one are
    passed over."""
    best, found = 0, None
    for c in reversed(clusters):
        if c.label != label or c.words.isdisjoint(keys) and entry_id not in c.entry_ids:
            continue
        score = _joins(c, label, keys, entry_id)
        if score > best:
            best, found = score, c
    return found


class EntityStage(Stage):
    """Clusters mentions into entities with names, titles, roles, country, sector and coordinates."""

    name = "entities"
    requires = ("tokens", "mentions")
    provides = ("entities",)

    def process(self, doc: Document) -> None:
        tokens = doc.tokens
        w = words(tokens)
        norms = w.norms
        spans = collect(doc, w)
        names = [name_of(doc, tokens, s.i, s.j, s.cut if s.cut or s.label != "PER" else _person_cut(tokens[s.i]))
                 for s in spans]

        clusters: list[_Cluster] = []
        for idx, (s, (name, _)) in enumerate(zip(spans, names)):
            if s.label not in ENTITY_LABELS:
                continue
            keys = _keys(name)
            if not keys:
                continue
            eid = s.entry.id if s.entry else None
            target = _find(clusters, s.label, keys, eid)
            if target is None and s.label == "ORG" and eid is None and _generic_reference(name):
                target = _named_of_head(clusters, keys[0])
            if target is None:
                target = _Cluster(s.label, idx)
                clusters.append(target)
            target.add(s, name, keys)

        clusters = _merge_capitals(clusters, tokens, spans)
        clusters = _merge_named_after(clusters)
        clusters = _merge_family_names(clusters)
        mentions = []                     # made after clustering: a merge may change a label
        for n, (s, (_, start)) in enumerate(zip(spans, names), 1):
            mentions.append(Mention(f"m{n}", start, tokens[s.j - 1].end, s.label, s.score, s.source))
        doc.mentions = mentions
        index = {id(s): k for k, s in enumerate(spans)}
        bounds = _sentence_bounds(doc, w.starts)
        per_spans = [s for s in spans if s.label == "PER"]
        in_person = {k for o in per_spans for k in range(o.i, o.j)}

        clusters.sort(key=lambda c: min(index[id(s)] for s in c.spans))
        entities = []
        for c in clusters:
            mention_ids = tuple(mentions[index[id(s)]].id for s in sorted(c.spans, key=lambda s: s.i))
            best = _canonical(c)
            canonical = c.names[best]
            aliases = []
            seen = {_match_form(canonical)}
            for nm in c.names:
                key = _match_form(nm)
                if key not in seen:
                    seen.add(key)
                    aliases.append(nm)
            title, roles, sector, country = None, [], None, None
            e = c.entry
            if e is None and c.label == "LOC":
                found, _why = resolve_place(canonical)     # known under another form (مخيم X)
                e = found if found is not None and found.label == "LOC" else None
            if e is None and (_verb_only(c, norms) or c.label == "PER" and (
                    _adjective_only(c, norms) or _demonyms_only(c, norms))):
                continue
            if c.label == "LOC" and _unsure_common_place(c, norms, e):
                continue
            if c.label == "PER":
                title, roles, sector, country = _person_info(doc, tokens, norms, c, bounds, in_person)
                if e is not None and e.label == "PER":
                    sector, country = sector or e.sector, country or e.country
                if not title and not roles and e is None and _unsupported_person(c, norms):
                    continue
            else:
                sector = e.sector if e is not None else None
                country = e.country if e is not None else None
                if c.label == "ORG":
                    if sector is None:
                        sector = _org_sector(tokens, c.spans[best])
                    if country is None:
                        country = _phrase_country(tokens, norms, c.spans[best].i, c.spans[best].j)
            is_place = c.label == "LOC" and e is not None
            entities.append(Entity(
                id=f"e{len(entities) + 1}", label=c.label, name=canonical, mentions=mention_ids, title=title,
                roles=tuple(roles), country=country, sector=sector,
                gazetteer_id=e.id if e is not None else None,
                lat=e.lat if is_place else None, lon=e.lon if is_place else None,
                aliases=tuple(aliases)))
        doc.entities = entities


# Below this score the tagger was unsure of a name (a person or a place only it saw needs more).
UNSURE = 0.6


_PLURAL_VERB = re.compile(r"[وف]?[يت]\w{2,}ون")


def _verb_only(c: _Cluster, norms: list[str]) -> bool:
    """A name only the tagger saw, always one word in the form of an imperfect plural verb
    (يموتون، وتقولون): a verb, no name."""
    return all(s.source == "model" and s.j - s.i == 1 and _PLURAL_VERB.fullmatch(norms[s.i])
               for s in c.spans)


def _adjective_only(c: _Cluster, norms: list[str]) -> bool:
    """A person only the tagger saw, always one word with the article right after a word with
    the article that is no title (الوطن [العزيز]، الذكر [الحكيم]): an adjective, no name."""
    return all(s.source == "model" and s.j - s.i == 1 and s.i > 0 and norms[s.i].startswith("ال")
               and norms[s.i - 1].startswith("ال") and len(norms[s.i - 1]) > 3
               and gz.title_at(norms, s.i - 1, s.i) is None for s in c.spans)


def _demonyms_only(c: _Cluster, norms: list[str]) -> bool:
    """A person only the tagger saw, every word of it a nationality adjective and no first name
    (إنتاج [جورجي فرنسي] ألماني: a Georgian-French production): no person."""
    return all(s.source == "model" and all(
        "DEMONYM" in (cl := gz.lookup(norms[k])) and "PER_FIRST" not in cl for k in range(s.i, s.j))
        for s in c.spans)


def _unsure_common_place(c: _Cluster, norms: list[str], e) -> bool:
    """A place only the tagger saw, never with confidence, always one common word (the stem lexicon
    has it with and without the article) with no place word before it, and no country or large city
    of that name (عمليات جراحة [العيون]: eyes, not Laayoune): no place."""
    if e is not None and (e.kind not in ("CITY", "CAPITAL", "REGION", "ADMIN") or e.population >= 1_000_000):
        return False
    return all(s.source == "model" and s.score < UNSURE and s.j - s.i == 1
               and common_noun(without_proclitics(norms[s.i])[0])
               and not (s.i > 0 and norms[s.i - 1] in PLACE_CUES) for s in c.spans)


def _unsupported_person(c: _Cluster, norms: list[str]) -> bool:
    """A person only the tagger saw, never with confidence (`UNSURE`), with no known first
    name in or right before its names and no role right after one (طائرتا نقل، سوق الخضار; but علي
    [الزعبي]، يوريكو كاواغوتشى وزيرة الخارجية): no person. The caller has checked for a title, a role
    and a gazetteer entry."""
    if any(s.source != "model" or s.score >= UNSURE for s in c.spans):
        return False
    if any(s.i > 0 and "PER_FIRST" in gz.lookup(norms[s.i - 1], clitics=False) for s in c.spans):
        return False
    if any(s.j < len(norms) and "ROLE" in gz.lookup(norms[s.j], clitics=False)
           and not gz.lookup(norms[s.i], clitics=False) & {"TITLE", "ROLE"} for s in c.spans):
        return False           # يوريكو كاواغوتشى [وزيرة] الخارجية اليابانية: a role right after the name
    return not any("PER_FIRST" in gz.lookup(w, clitics=False) for key in c.keys for w in key)


# Adjectives that describe an organization without naming it (المنظمة الدولية، الوكالة الأممية);
# not those that are part of names (المجلس الوطني، المجلس الأعلى، الأمن العام, الجيش العراقي).
_GENERIC_ADJECTIVES = frozenset(normalize(w, "match") for w in (
    "الدولية", "الدولي", "الأممية", "الأممي", "العالمية", "العالمي", "الإنسانية", "الإنساني",
    "الحقوقية", "الحقوقي", "الخيرية", "الخيري", "الطبية", "الطبي", "الإغاثية", "الإغاثي"))


@lru_cache(maxsize=10_000)
def _generic_reference(name: str) -> bool:
    """An organization's head with the article and a describing adjective (المنظمة الدولية،
    الوكالة الأممية): a way of referring to an organization named before, not a name."""
    words = _match_form(name).split()
    if len(words) != 2 or not words[0].startswith("ال"):
        return False
    head, adjective = words
    return adjective in _GENERIC_ADJECTIVES and _is_head(head[2:], "ORG_HEAD")


def _named_of_head(clusters: list[_Cluster], head: str) -> _Cluster | None:
    """The organization with this head named last, by a proper name (منظمة أطباء بلا حدود, not
    another generic reference)."""
    for c in reversed(clusters):
        if c.label == "ORG" and any(k[0] == head and len(k) > 1 for k in c.keys) \
                and not all(_generic_reference(n) for n in c.names):
            return c
    return None


def _person_cut(t: Token) -> tuple[int, bool]:
    """A person's name rarely starts with the conjunction و: وثيو -> ثيو (but وليد stays وليد, and
    so does a word attested whole a few times and more often than without its و: وانغ)."""
    cut = proclitic_cut(t.norm, person=True)
    if cut[0]:
        return cut
    n = t.norm
    if n[:1] == "و" and len(n) >= 4 and not gz.lookup(n, clitics=False) \
            and not known(n) > max(2, known(n[1:])):
        return 1, False
    return 0, False


def _canonical(c: _Cluster) -> int:
    """Index of the name to show: the name that contains the words of most other names (the
    fullest: الولايات المتحدة الأميركية over الولايات المتحدة and أمريكا); when none contains another,
    the most frequent, then the gazetteer's usual name. In a capital merged into its country, only
    the country's names compete."""
    if len(c.names) == 1:
        return 0
    own = c.entry.id if c.entry is not None else None
    pool = [k for k in range(len(c.names))
            if own is None or (c.spans[k].entry is not None and c.spans[k].entry.id == own)]
    pool = pool or list(range(len(c.names)))
    named = [k for k in pool if c.keys[k] not in _STAND_INS]
    pool = named or pool                  # المملكة stands for the country: never its name
    words = {key: frozenset(key) for key in {c.keys[k] for k in pool}}
    covers = {key: sum(1 for other, w in words.items() if other != key and w <= mine)
              for key, mine in words.items()}
    if max(covers.values()) > 0:
        return max(pool, key=lambda k: (covers[c.keys[k]], len(c.keys[k]), -c.spans[k].i))
    freq = {}
    for k in pool:
        freq[c.keys[k]] = freq.get(c.keys[k], 0) + 1
    usual = _keys(c.entry.name) if c.entry is not None else ()
    return max(pool, key=lambda k: (freq[c.keys[k]], c.keys[k] == usual, len(c.keys[k]), -c.spans[k].i))


def _sentence_bounds(doc: Document, starts: list[int]) -> list[tuple[int, int]]:
    if not doc.sentences:
        return [(0, len(starts))]
    return [(bisect_left(starts, s.start), bisect_left(starts, s.end)) for s in doc.sentences]


def _bound_of(bounds, i: int, n: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= i < b:
            return a, b
    return 0, n


# ---------------------------------------------------------------------------------------------
# Capitals as actors

def _context(tokens: list[Token], s: Span, spans: list[Span]) -> str:
    """"locative", "actor" or "neutral" for a one-word place mention."""
    first = tokens[s.i].norm
    cut, _ = proclitic_cut(first)
    prefix = first[:cut]
    if any(ch in prefix for ch in "بلك"):
        return "locative"
    prev = tokens[s.i - 1].norm if s.i > 0 else ""
    if prev in _LOCATIVE:
        return "locative"
    if prev in _ACTOR_BEFORE:
        return "actor"
    places = {(o.i, o.j): o for o in spans if o.entry is not None and o.entry.kind in ("COUNTRY", "CAPITAL")}
    if prefix.startswith("و") and any(j == s.i for (_, j) in places):
        return "actor"
    if s.j < len(tokens) and tokens[s.j].norm.startswith("و"):
        if any(i == s.j for (i, _) in places):
            return "actor"
    return "neutral"


def _merge_capitals(clusters: list[_Cluster], tokens: list[Token], spans: list[Span]) -> list[_Cluster]:
    countries = {c.entry.country: c for c in clusters
                 if c.label == "LOC" and c.entry is not None and c.entry.kind == "COUNTRY"}
    out = []
    for c in clusters:
        e = c.entry
        if c.label == "LOC" and e is not None and e.kind == "CAPITAL" and e.country in countries:
            ctx = [_context(tokens, s, spans) for s in c.spans]
            if "locative" not in ctx and "actor" in ctx:
                target = countries[e.country]
                for s, nm, k in zip(c.spans, c.names, c.keys):
                    target.spans.append(s)
                    target.names.append(nm)
                    target.keys.append(k)
                continue
        out.append(c)
    return out


def _merge_named_after(clusters: list[_Cluster]) -> list[_Cluster]:
    """A "person" whose name is the rest of a place or organization named after a person joins it
    (مستشفى كمال عدوان … كمال عدوان): the tagger took the hospital's name for a man; so does an
    organization the tagger found without its head noun (مدير مستشفى [كمال عدوان])."""
    tails = {}
    for c in clusters:
        if c.label in ("ORG", "LOC"):
            for k in c.keys:
                if len(k) > 2 and _is_head(k[0], "ORG_HEAD" if c.label == "ORG" else "LOC_HEAD"):
                    for n in range(len(k) - 1, 1, -1):      # and without a word the tagger ran on
                        tails.setdefault(k[1:n + 1], c)
    if not tails:
        return clusters
    out = []
    for c in clusters:
        full = max(c.keys, key=len)
        target = tails.get(full) if c.label == "PER" or c.label == "ORG" and len(full) > 1 \
            and not _is_head(full[0], "ORG_HEAD") and c.entry is None else None
        if target is c:
            target = None
        if target is not None:
            for s, nm, k in zip(c.spans, c.names, c.keys):
                s.label = target.label
                target.spans.append(s)
                target.names.append(nm)
                target.keys.append(k)
            continue
        out.append(c)
    return out


# the words Maghrebi and other family names begin with, written apart or joined (بو عياش، بوعياش)
_FAMILY_PREFIXES = frozenset(_keys("بو بن أبو ابن بل"))


def _family_name(keys: tuple[str, ...]) -> str | None:
    """The family name a person is known by alone, when `keys` are one word or a family-name
    prefix and a word (بو عياش), written as one word (بوعياش)."""
    if len(keys) == 1:
        return keys[0]
    if len(keys) == 2 and keys[0] in _FAMILY_PREFIXES:
        return keys[0] + keys[1]
    return None


def _merge_family_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """A person known only by one word (a headline's «زادة»), or by a family name written in two
    (بو عياش), joins the one person of the article whose full name ends with it (محسن فخري زادة،
    أمينة بوعياش or أمينة بو عياش), when only one does; a first name never joins by this rule."""
    owners: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.label == "PER":
            lasts = {k[-1] for k in c.keys if len(k) > 1}
            lasts |= {k[-2] + k[-1] for k in c.keys if len(k) > 2 and k[-2] in _FAMILY_PREFIXES}
            for last in lasts:
                owners.setdefault(last, []).append(c)
    out = []
    for c in clusters:
        word = _family_name(c.keys[0]) if c.label == "PER" and not c.entry_ids else None
        if word is not None and (c.longest == 1 or all(_family_name(k) == word for k in c.keys)):
            found = owners.get(word, [])
            if len(found) == 1 and found[0] is not c and "PER_FIRST" not in gz.lookup(word, clitics=False):
                target = found[0]
                for s, nm, k in zip(c.spans, c.names, c.keys):
                    target.add(s, nm, k)
                continue
        out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# Titles, roles, country and sector

def _text(tokens: list[Token], doc: Document, i: int, j: int) -> str:
    return " ".join(doc.text[tokens[i].start:tokens[j - 1].end].split())


def _title_before(norms: list[str], a: int, i: int) -> tuple[int, gz.Entry] | None:
    for k in range(max(a, i - 4), i):
        mt = gz.title_at(norms, k, i)
        if mt is not None and mt.end == i and "TITLE" in mt.entry.kinds:
            return k, mt.entry
    return None


def _role_left(tokens: list[Token], norms: list[str], a: int, p: int, stop: set[int]) -> int | None:
    """Start of a role phrase that ends at token p (inclusive), or None."""
    lo = p
    while lo - 1 >= a and p - lo < MAX_ROLE:
        t = tokens[lo - 1]
        if t.kind not in ("word", "number") or t.norm in _ROLE_STOP or lo - 1 in stop:
            break
        lo -= 1
    for mt in gz.titles_range(norms, lo, p + 1):
        if "ROLE" in mt.entry.kinds:
            return mt.start
    return None


def _role_right(tokens: list[Token], norms: list[str], j: int, b: int, stop: set[int]) -> int | None:
    """End (exclusive) of a role phrase that starts at token j, or None."""
    if j >= b:
        return None
    mt = gz.title_at(norms, j, min(b, j + 3))
    if mt is None or "ROLE" not in mt.entry.kinds:
        return None
    k = j
    while k < b and k - j < MAX_ROLE and tokens[k].kind in ("word", "number") and k not in stop:
        if k > j and tokens[k].norm in _ROLE_STOP:
            break
        k += 1
    if k in stop:                 # "X، المدير العام … المهندس Y": the phrase is Y's, not X's
        return None
    return k


def _person_info(doc, tokens, norms, c: _Cluster, bounds, stop: set[int]):
    """Title, roles, sector and country of a person; `stop` holds the tokens of all person
    mentions, where no role phrase runs."""
    title_entry = None
    title = None
    roles: list[str] = []
    role_ranges: list[tuple[int, int]] = []
    for s in sorted(c.spans, key=lambda s: s.i):
        a, b = _bound_of(bounds, s.i, len(tokens))
        found = None
        if s.title is not None:
            found = (s.title[0], gz.titles_range(norms, s.title[0], s.title[1])[0].entry)
        else:
            found = _title_before(norms, a, s.i)
        left_edge = s.i
        end_title = s.i if s.title is None else s.title[1]
        if found and "ROLE" in found[1].kinds and end_title - found[0] > 1:
            # وزير الخارجية سامح شكري: an office right before the name is a role, not a title
            k, entry = found
            lo = _role_left(tokens, norms, a, end_title - 1, stop - set(range(s.i, s.j)))
            role_ranges.append((lo if lo is not None else k, end_title))
            if title_entry is None:
                title_entry = entry
            found = None
            left_edge = -1
        elif found:
            k, entry = found
            if title is None:
                title, title_entry = name_of(doc, tokens, k, end_title)[0], entry     # للشيخ -> الشيخ
            left_edge = k
        # role before: "ROLE …، [TITLE] NAME" or "ROLE … [TITLE] NAME"
        p = left_edge - 1
        if left_edge < 0:
            p = -1
        elif p >= a and tokens[p].norm in (",", "،"):
            p -= 1
        if p >= a and tokens[p].kind in ("word", "number"):
            lo = _role_left(tokens, norms, a, p, stop - set(range(s.i, s.j)))
            if lo is not None:
                role_ranges.append((lo, p + 1))
        # role after: "NAME، ROLE …،"
        q = s.j
        if q < b and tokens[q].norm in (",", "،"):
            hi = _role_right(tokens, norms, q + 1, b, stop)
            if hi is not None:
                role_ranges.append((q + 1, hi))
    role_ranges = [(lo, hi) for lo, hi in role_ranges if norms[lo] not in _COUNTERPART]
    for lo, hi in role_ranges:
        while hi - lo > 1 and _is_title_only(tokens[hi - 1]):   # … الخاص المهندس (next person's title)
            hi -= 1
        r = name_of(doc, tokens, lo, hi, _role_cut(norms, lo, hi))[0]   # والرئيس العراقي -> الرئيس العراقي
        if r not in roles:
            roles.append(r)
    sector = title_entry.sector if title_entry is not None else None
    country = None
    for lo, hi in role_ranges:
        if sector is None:
            sector = _phrase_sector(tokens, norms, lo, hi)
        if country is None:
            country = _phrase_country(tokens, norms, lo, hi)
    if sector is None and title_entry is None and roles:
        sector = None
    return title, roles, sector, country


# "his counterpart" names a person by another's office: a role to find him by, not one to keep
_COUNTERPART = frozenset(normalize(w, "match") for w in ("نظيره", "نظيرها", "نظيرته", "نظيرتها"))


def _is_title_only(t: Token) -> bool:
    return t.kind == "word" and "TITLE" in (cls := gz.lookup(t.norm)) and "ROLE" not in cls


def _phrase_sector(tokens: list[Token], norms: list[str], lo: int, hi: int) -> str | None:
    """Sector suggested by a role phrase: its role words first, then the organizations in it."""
    for mt in gz.titles_range(norms, lo, hi):
        if mt.entry.sector:
            return mt.entry.sector
    for mt in gz.match_range(norms, lo, hi, kinds=("ORG",)):
        if mt.entry.sector:
            return mt.entry.sector
    for t in tokens[lo:hi]:
        h = gz.head(t.norm)
        if h and h[0] == "ORG_HEAD" and h[1]:
            return h[1]
    return None


def _phrase_country(tokens: list[Token], norms: list[str], lo: int, hi: int) -> str | None:
    """Country named in a phrase: a nisba adjective (العراقي) or a place (في العراق)."""
    for t in tokens[lo:hi]:
        if t.kind == "word":
            iso = gz.demonym(t.norm)
            if iso:
                return iso
    for mt in gz.match_range(norms, lo, hi):
        if mt.entry.country and not mt.ambiguous and not (mt.cut and gz.title_at(norms, mt.start, hi)) \
                and not _country_or_capital(mt.entry.name):
            return mt.entry.country                  # وكيل الوزارة: no و + Kiel
    return None


@lru_cache(maxsize=10_000)
def _country_or_capital(name: str) -> bool:
    """Is the name both a country's and another country's capital (عمان: Oman, and Amman)? Which
    one is meant the places stage decides from the whole article."""
    found = gz.entries(name)
    countries = {e.country for e in found if e.kind == "COUNTRY"}
    return bool(countries) and any(e.kind == "CAPITAL" and e.country not in countries for e in found)


def _role_cut(norms: list[str], lo: int, hi: int) -> tuple[int, bool] | None:
    """The proclitics to cut from a role phrase's first word: those of `proclitic_cut` when the
    rest still reads as a role (والرئيس -> الرئيس), none when only the whole word does (وكيل
    الوزارة is no و + كيل)."""
    rest, cut, _ = without_proclitics(norms[lo])
    if not cut:
        return None
    if gz.title_at([rest, *norms[lo + 1:hi]], 0, hi - lo) is None and gz.title_at(norms, lo, hi) is not None:
        return 0, False
    return None


def _org_sector(tokens: list[Token], s: Span) -> str | None:
    h = gz.head(without_proclitics(tokens[s.i].norm)[0])
    if h and h[0] == "ORG_HEAD":
        return h[1]
    return None
