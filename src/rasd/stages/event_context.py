"""Per-document indexes the event stage reads: tokens by sentence, entity mentions by token, time
expressions and quotes by token, clause boundaries, nisba adjectives that point at an entity.

Everything is built once per document in `DocContext`; the argument rules in
`rasd.stages.event_arguments` only ask it questions by token index.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from .. import resources
from ..resources import gazetteers as gz
from ..errors import ResourceError
from ..model import Document, Quote
from ..text.normalize import normalize
from .event_lexicon import WordInfo, word_infos, wordlist

__all__ = ["DocContext", "MentionRef", "demonym_country"]

STRONG = frozenset(".!?؟:;؛()[]{}…")
QUOTE_MARKS = frozenset("«»\"“”„'‘’")
SOFT = frozenset("،,")
ARTICLE = "ال"
# first character of a punctuation token -> "strong" | "soft" (a clause boundary)
_BOUNDARY_OF = {c: "soft" if c in SOFT else "strong"
                for c in STRONG | SOFT | frozenset("-–—") if c not in QUOTE_MARKS}
_PUNCT_KINDS = frozenset({"punct", "symbol"})
_POSTED_AT = frozenset(normalize(w, "match") for w in ("في", "لدى"))     # سفير روسيا [في] الأمم المتحدة
_is_trigger = attrgetter("trigger")


# Sectors of organizations that do not act for their country: a nisba adjective (وبدعم أميركي)
# never points to them (سي إن إن), nor to a country's rebels or parties (المقاتلات التركية ≠ the PKK).
_NOT_STATE = frozenset({"MED", "BUS", "EDU", "NGO", "HLH", "REB", "PTY"})
_TITLE_ONLY = frozenset({"TITLE"})
_ROLE_OR_TITLE = frozenset({"ROLE", "TITLE"})


class MentionRef(NamedTuple):
    first: int          # first token index
    last: int           # last token index
    entity: str
    label: str


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country name (match form, no article) -> ISO alpha-3, from the gazetteer's news names."""
    out: dict[str, str] = {}
    try:
        rows = list(resources.read_tsv("gazetteers/country_variants.tsv"))
    except ResourceError:
        return out
    for row in rows:
        if len(row) < 2:
            continue
        for cell in row[1:3]:
            for w in cell.split("|"):
                w = normalize(w.strip(), "match")
                if w:
                    out[w] = row[0].strip()
    return out


@lru_cache(maxsize=50_000)
def demonym_country(word: str) -> str | None:
    """ISO alpha-3 of the country a nisba adjective (`match` form, any clitics) points to."""
    return gz.demonym(word)


def _gazetteer_kind(entity) -> str | None:
    if not entity.gazetteer_id:
        return None
    entry = gz.by_id(entity.gazetteer_id)
    return entry.kind if entry is not None else None


@lru_cache(maxsize=50_000)
def _match(name: str) -> str:
    """An entity name in `match` form."""
    return normalize(name, "match")


def _bare_name(name: str) -> str:
    n = _match(name)
    return n[2:] if n.startswith(ARTICLE) and len(n) > 4 else n


class DocContext:
    """Token-indexed views of one analysed document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens = doc.tokens
        self.size = len(doc.tokens)
        self._index_tokens(doc)
        self._index_sentences(doc)
        self._index_mentions(doc)
        self._index_times(doc)
        self._index_quotes(doc)
        self._nisba_cache: dict[str, str | None] = {}
        self._proclitics: dict[int, tuple[str, ...]] = {}
        self._proclitic_letters: dict[int, str] = {}
        self._sentence_keys: dict[int, frozenset[str]] = {}
        # entities by the first word of their name, for anaphoric heads (المنظمة → منظمة …)
        self._by_head: dict[str, list[str]] = {}
        for e in doc.entities:
            words = _match(e.name).split()
            if len(words) > 1 and e.label != "PER":
                head = words[0][2:] if words[0].startswith(ARTICLE) else words[0]
                self._by_head.setdefault(head, []).append(e.id)
        self._mention_order = sorted((m.first, m.entity) for m in self.mention_at.values())
        # people by the words of their roles (وزير الخارجية الأمريكي → the minister named with it)
        self._roles: list[tuple[tuple[str, ...], str]] = [
            (tuple(_match(r).split()), e.id) for e in doc.entities if e.label == "PER" for r in e.roles]
        self._descriptors: list[tuple[str, frozenset[str], str]] | None = None

    def _index_tokens(self, doc: Document) -> None:
        tokens = doc.tokens
        self.starts = [t.start for t in tokens]
        self.norms = [t.norm for t in tokens]
        self.info: list[WordInfo] = word_infos(self.norms)
        self.kinds = kinds = [t.kind for t in tokens]
        bounds: list[str | None] = [None] * self.size
        text = doc.text
        self._breaks: list[int] = []                  # strong or soft boundaries
        for i in compress(range(self.size), map(_PUNCT_KINDS.__contains__, kinds)):
            b = bounds[i] = _BOUNDARY_OF.get(text[tokens[i].start])
            if b:
                self._breaks.append(i)
        self._bounds = bounds
        self._strong_breaks = [i for i in self._breaks if bounds[i] == "strong"]

    def _index_sentences(self, doc: Document) -> None:
        n = self.size
        self.sentence_of = [0] * n
        self.sentence_range: list[tuple[int, int]] = []
        if not doc.sentences:
            self.sentence_range = [(0, n)]
            return
        for k, s in enumerate(doc.sentences):
            a = bisect_left(self.starts, s.start)
            b = bisect_left(self.starts, s.end)
            self.sentence_range.append((a, b))
            self.sentence_of[a:b] = [k] * (b - a)

    def _index_mentions(self, doc: Document) -> None:
        n, starts = self.size, self.starts
        labels = self.labels = {e.id: e.label for e in doc.entities}
        self.entities = {e.id: e for e in doc.entities}
        by_mention = {m: e.id for e in doc.entities for m in e.mentions}
        mention_at: dict[int, MentionRef] = {}
        mention_ending: dict[int, MentionRef] = {}
        covered: dict[int, MentionRef] = {}
        for m in doc.mentions:
            eid = by_mention.get(m.id)
            if eid is None:
                continue
            a = max(bisect_right(starts, m.start) - 1, 0)
            b = bisect_left(starts, m.end) - 1
            if a > b or a >= n:
                continue
            ref = MentionRef(a, b, eid, labels.get(eid, m.label))
            old = mention_at.get(a)
            if old is None or old.last < b:
                mention_at[a] = ref
            old = mention_ending.get(b)
            if old is None or old.first > a:
                mention_ending[b] = ref
            if a == b:
                covered[a] = ref
            else:
                covered.update(dict.fromkeys(range(a, b + 1), ref))
        self.mention_at, self.mention_ending, self.covered = mention_at, mention_ending, covered

    def _index_times(self, doc: Document) -> None:
        starts = self.starts
        self.time_at: dict[int, str] = {}
        self.time_tokens: list[tuple[int, str]] = []
        for t in doc.times:
            a = max(bisect_right(starts, t.start) - 1, 0)
            b = bisect_left(starts, t.end)
            for i in range(a, max(b, a + 1)):
                self.time_at[i] = t.id
            self.time_tokens.append((a, t.id))
        self.times = {t.id: t for t in doc.times}

    def _index_quotes(self, doc: Document) -> None:
        starts = self.starts
        self.quotes: dict[str, Quote] = {q.id: q for q in doc.quotes}
        self._content = sorted((q.content.start, q.content.end, q.id) for q in doc.quotes)
        self.cue_at: dict[int, str] = {}
        for q in doc.quotes:
            a = max(bisect_right(starts, q.cue.start) - 1, 0)
            b = bisect_left(starts, q.cue.end)
            for i in range(a, max(b, a + 1)):
                self.cue_at.setdefault(i, q.id)

    # ---- tokens
    def is_word(self, i: int) -> bool:
        return 0 <= i < self.size and self.kinds[i] == "word"

    def text(self, i: int) -> str:
        t = self.tokens[i]
        return self.doc.text[t.start:t.end]

    def keys(self, i: int) -> frozenset[str]:
        if not 0 <= i < self.size:
            return frozenset()
        return self.info[i].keys

    def in_list(self, i: int, name: str) -> bool:
        return 0 <= i < self.size and name in self.info[i].lists

    def boundary(self, i: int) -> str | None:
        """"strong", "soft" or None for token i (punctuation that ends a clause)."""
        return self._bounds[i]

    def clause_start(self, i: int, soft: bool = True) -> int:
        """First token of the clause of token i: after the last boundary before i in its
        sentence (strong ones only unless `soft`)."""
        start = self.sentence_range[self.sentence_of[i]][0]
        breaks = self._breaks if soft else self._strong_breaks
        k = bisect_left(breaks, i) - 1
        return breaks[k] + 1 if k >= 0 and breaks[k] >= start else start

    def clause_end(self, i: int, soft: bool = True) -> int:
        """First token after i that ends its clause: a boundary, else the sentence end."""
        end = self.sentence_range[self.sentence_of[i]][1]
        breaks = self._breaks if soft else self._strong_breaks
        k = bisect_right(breaks, i)
        return breaks[k] if k < len(breaks) and breaks[k] < end else end

    def sentence_keys(self, start: int, end: int) -> frozenset[str]:
        """All the `keys` of tokens start..end-1 (a sentence), computed once."""
        found = self._sentence_keys.get(start)
        if found is None:
            found = self._sentence_keys[start] = frozenset().union(*(w.keys for w in self.info[start:end]))
        return found

    def trigger_candidates(self) -> list[int]:
        """Words that may be triggers (lexicon readings or phrases), in text order."""
        found = compress(range(self.size), map(_is_trigger, self.info))
        kinds = self.kinds
        return [i for i in found if kinds[i] == "word"]

    def proclitics(self, i: int) -> tuple[str, ...]:
        """The clitics before the stem of token i (و ب ال …), as the tokenizer segmented it."""
        found = self._proclitics.get(i)
        if found is None:
            text = self.doc.text
            found = self._proclitics[i] = tuple(text[g.start:g.end] for g in self.tokens[i].segments
                                                if g.kind == "proclitic")
        return found

    def has_proclitic(self, i: int, letters: str) -> bool:
        """Does token i carry one of these one-letter proclitics (ب ل ك …)?"""
        found = self._proclitic_letters.get(i)
        if found is None:
            found = self._proclitic_letters[i] = "".join(p for p in self.proclitics(i) if len(p) == 1)
        if not found:
            return False
        return found in letters if len(found) == 1 else any(c in letters for c in found)

    def has_conjunction(self, i: int) -> bool:
        p = self.proclitics(i)
        return bool(p) and p[0] in ("و", "ف")

    def has_article(self, i: int) -> bool:
        return self.info[i].article

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        return self.sentence_range[self.sentence_of[i]]

    # ---- quotes
    def quote_containing(self, start: int, end: int) -> str | None:
        k = bisect_right(self._content, (start, float("inf"), "")) - 1
        while k >= 0:
            a, b, qid = self._content[k]
            if a <= start and end <= b:
                return qid
            if b < start and a < start - 5000:
                break
            k -= 1
        return None

    # ---- nisba adjectives
    def nisba_entity(self, i: int) -> str | None:
        """The entity a nisba adjective at token i points to: its country, else an org of it."""
        norm = self.norms[i]
        if norm in self._nisba_cache:
            return self._nisba_cache[norm]
        found = None
        iso = demonym_country(norm)
        if iso:
            names = _country_names()
            bare = norm[2:] if norm.startswith(ARTICLE) else norm
            forms = {bare, ARTICLE + bare}
            org_country = org_named = None
            for e in self.doc.entities:
                full = _match(e.name)
                if e.label in ("GPE", "LOC") and (names.get(full) == iso or names.get(_bare_name(e.name)) == iso
                                                  or (e.country == iso and _gazetteer_kind(e) == "COUNTRY")):
                    found = e.id
                    break
                if e.label == "ORG":
                    if org_named is None and forms & set(full.split()):
                        org_named = e.id
                    if org_country is None and e.country == iso and e.sector not in _NOT_STATE:
                        org_country = e.id      # (a country's army or government, not its newspaper)
            if found is None:
                found = org_named or org_country
        self._nisba_cache[norm] = found
        return found

    def anaphor_entity(self, i: int, lam: bool = False) -> str | None:
        """The organization a definite head noun at token i stands for (الوزارة → وزارة الصحة):
        the one of that head named last before i. With `lam`, the noun may carry the preposition
        ل (للمستشفى)."""
        if not self.is_word(i) or i in self.covered:
            return None
        norm = self.norms[i]
        if norm[:1] in "وف" and self.has_conjunction(i):
            norm = norm[1:]
        if lam and norm.startswith("لل"):
            norm = "ا" + norm[1:]
        if not norm.startswith(ARTICLE) or len(norm) < 5:
            return None
        ids = self._by_head.get(norm[2:])
        if not ids:
            return None
        k = bisect_left(self._mention_order, (i, ""))
        for first, entity in reversed(self._mention_order[:k]):
            if entity in ids:
                return entity
        return ids[0] if len(ids) == 1 else None

    def _descriptor_index(self) -> list[tuple[str, frozenset[str], str]]:
        """(head, adjectives, person) of the descriptions written right before a person's name: a
        definite noun and its definite adjectives (العالم الإيراني النووي محسن فخري زادة)."""
        out = []
        for m in self.mention_at.values():
            if m.label not in ("PER", "PERS") or m.first == 0:
                continue
            k = m.first - 1
            while k >= 0 and self.is_word(k) and gz.lookup(self.norms[k]) & _TITLE_ONLY and k not in self.covered:
                k -= 1                      # past a title: الدكتور، الشيخ
            words = []
            while k >= 0 and len(words) < 3 and self.is_word(k) and k not in self.covered \
                    and self.norms[k].startswith(ARTICLE) and len(self.norms[k]) > 4:
                words.append(self.norms[k])
                k -= 1
            if len(words) >= 2:
                words.reverse()
                head = words[0]
                if not gz.lookup(head) & _ROLE_OR_TITLE:
                    out.append((head, frozenset(words[1:]), m.entity))
        return out

    def person_by_description(self, k: int) -> tuple[str, int] | None:
        """(person, index after the words) when the definite noun and adjectives from token k
        describe one person only as the article described them before a name (اغتيال [العالم
        النووي] → محسن فخري زادة, introduced as العالم الإيراني النووي محسن فخري زادة)."""
        if self._descriptors is None:
            self._descriptors = self._descriptor_index()
        if not self._descriptors or not self.is_word(k) or k in self.covered:
            return None
        head = self.norms[k]
        j = k + 1
        adjectives = set()
        while j < self.size and j - k <= 2 and self.is_word(j) and j not in self.covered \
                and self.norms[j].startswith(ARTICLE) and len(self.norms[j]) > 4:
            adjectives.add(self.norms[j])
            j += 1
        if not adjectives:
            return None
        people = {person for h, adj, person in self._descriptors if h == head and adjectives <= adj}
        return (people.pop(), j) if len(people) == 1 else None

    def person_by_role(self, k: int) -> tuple[str, int] | None:
        """(person, index after the phrase) when the words from token k are a role the document
        gave one person only (اغتيال [رئيس منظمة الأبحاث] → the man named with that role): the
        whole role, or two or more of its first words where the phrase ends (no article word after)."""
        if not self._roles or not self.is_word(k):
            return None
        norms, n = self.norms, self.size
        first = norms[k][1:] if self.has_conjunction(k) else norms[k]
        best: dict[str, int] = {}
        for words, person in self._roles:
            if len(words) < 2 or words[0] != first:
                continue
            size = 1
            while size < len(words) and k + size < n and norms[k + size] == words[size]:
                size += 1
            if size < 2 or size < len(words) and k + size < n and self.is_word(k + size) \
                    and norms[k + size].startswith(ARTICLE):
                continue
            best[person] = max(best.get(person, 0), size)
        if not best:
            return None
        longest = max(best.values())
        people = [p for p, size in best.items() if size == longest]
        return (people[0], k + longest) if len(people) == 1 else None

    def speaker_organization(self, entity_id: str | None) -> str | None:
        """The organization a person speaks for, named in one of the person's roles
        (``مدير مستشفى كمال عدوان`` → the hospital), when the document has it as an entity: the
        "we" of a spokesman's statement (نناشد، طلبنا) is the organization, not the person. Not the
        body a person is posted at (سفير روسيا في الأمم المتحدة: he speaks for Russia there)."""
        e = self.entities.get(entity_id or "")
        if e is None or e.label != "PER" or not e.roles:
            return None
        found = []
        for role in e.roles:
            words = _match(role).split()
            for org in self.entities.values():
                if org.label != "ORG":
                    continue
                for name in (org.name, *org.aliases):
                    n = _match(name).split()
                    if n and any((words[k:k + len(n)] == n or words[k][1:] == n[0] and words[k + 1:k + len(n)] == n[1:])
                                 and words[k - 1] not in _POSTED_AT
                                 for k in range(1, len(words) - len(n) + 1)):
                        found.append(org.id)
                        break
        return found[0] if len(set(found)) == 1 else None

    def gender(self, entity_id: str | None) -> str:
        """The grammatical gender a pronoun referring to the entity takes: "m", "f", or "" when
        the name does not tell. A head ending in ة or ات is feminine (منطقة جباليا، وزارة الصحة،
        القوات); a place is feminine (countries and towns: تونس، غزة) unless its name or head is
        one of the masculine ones (`masculine` word list: العراق، قطاع غزة); a person is a man
        unless the title or a role says otherwise (الدكتورة، الوزيرة); an organization's other
        heads are masculine only when listed (مجلس، الجيش)."""
        e = self.entities.get(entity_id or "")
        if e is None:
            return ""
        if e.label == "PER":
            words = [w.split()[0] for w in (e.title or "", *e.roles) if w.split()]
            return "f" if any(w.endswith("ة") for w in words) else "m"
        first = e.name.split()[0] if e.name.split() else ""
        if first.endswith(("ة", "ات")):
            return "f"
        bare = _bare_name(first)
        if bare in wordlist("masculine") or _match(first) in wordlist("masculine"):
            return "m"
        return "f" if e.label in ("LOC", "GPE") else ""

    def is_place_only(self, entity_id: str | None) -> bool:
        """A place entity that is not a country (a city, region or site): it can be where an
        event happens, not who does it (capitals standing for governments are merged into their
        country by the entity stage)."""
        e = self.entities.get(entity_id or "")
        if e is None or e.label not in ("LOC", "GPE", "FAC"):
            return False
        kind = _gazetteer_kind(e)
        if kind is not None:
            return kind not in ("COUNTRY", "CAPITAL", "ORG")
        names = _country_names()
        for n in (e.name, *e.aliases):
            if names.get(_match(n)) or names.get(_bare_name(n)):
                return False
        return True

