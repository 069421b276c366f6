"""Linking a statement's speaker phrase (`Subject`) to an entity of the document.

Order of preference inside the phrase: a person's name, then an organization or country, then the
head word: an unnamed source (``مصدر أمني``) gives no speaker; a role (``المتحدث باسم الجيش``) goes to
the one entity that holds a role with the same head; an honorific (``سموه``) to the nearest person
before it; a document (``البيان``) to its author; a short definite name (``الوزارة``، ``المكتب``) to the
organization whose name it begins. A statement without a written speaker (``وأضاف أن``) takes the
speaker of the statement before it, matching the verb's gender (``قالت`` looks for a woman, a
feminine organization such as الوزارة، or a country).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..resources import gazetteers as gz
from ..text.normalize import normalize
from .context import DocContext
from .lexicon import speaker_class
from .find import Statement
from .subject import Subject, role_tail, forward_subject

__all__ = ["Resolved", "SpeakerResolver"]

_PER = ("PER", "PERS")
_ORG = ("ORG",)
_PLACE = ("LOC", "GPE")
_WINDOW_PARAGRAPHS = 6
# Small words of roles, in match form. Not على: in match form it is the name علي.
_STOP = frozenset(normalize(w, "match") for w in (
    "في", "من", "عن", "إلى", "ل", "ب", "و", "باسم", "مع", "عبر", "حول", "بين", "لدى"))
_GENERIC_ROLES = frozenset(["مسؤول", "مسؤوله", "قيادي", "مصدر"])
_RELATIVE_GENDER = {"الذي": "m", "التي": "f", "الذين": "p"}
_BUT_IT = {normalize(w, "match"): g for w, g in (("لكنه", "m"), ("ولكنه", "m"), ("لكنها", "f"), ("ولكنها", "f"))}
_CLAUSE_OPENERS = frozenset(["و", "ثم", "فيما", "بينما", "كما", "قد", "وقد", "فقد", "لقد", "حيث", "اذ", "لكن",
                             "ولكن", "التي", "الذي", "الذين", "كان", "وكان", "كانت", "وكانت"])
# "after that" before a clause's verb (عقب ذلك سلّم أمير المنطقة …): the clause opens there
_AFTER_THAT = frozenset(normalize(w, "match") for w in ("بعد", "وبعد", "عقب", "وعقب", "إثر", "وإثر", "اثر"))
_THAT = normalize("ذلك", "match")


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: str | None
    reason: str
    gender: str
    confidence: float


@lru_cache(maxsize=20_000)
def _words(s: str) -> tuple[str, ...]:
    """Comparison words of a name or role: match form, article, clitics and small words removed."""
    out = []
    for w in normalize(s, "match").split():
        w = w.strip("\"«»“”()،,.:")
        for p in ("وال", "بال", "لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                w = w[len(p):]
                break
        else:
            if w[:1] in ("ل", "و", "ب") and speaker_class(w[1:]) == "role":
                w = w[1:]
        if w.endswith(("نا", "ها", "هم")) and speaker_class(w[:-2]) == "role":
            w = w[:-2]
        elif w.endswith("ه") and speaker_class(w[:-1]) == "role" and not speaker_class(w):
            w = w[:-1]
        if w and w not in _STOP:
            out.append(w)
    return tuple(out)


class SpeakerResolver:
    """Resolves speakers for the statements of one document, in text order."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.entities = {e.id: e for e in ctx.doc.entities}
        self.gender: dict[str, str] = {}
        self.history: list[tuple[Statement, Resolved]] = []
        self.first_seen: dict[str, int] = {}
        for m in ctx.mentions:
            if m.entity and m.entity not in self.first_seen:
                self.first_seen[m.entity] = m.start
        self._role_cache: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None

    # ---- entity facts -------------------------------------------------------------------------
    def label(self, eid: str) -> str:
        e = self.entities.get(eid)
        return e.label if e else ""

    def gender_of(self, eid: str | None) -> str:
        if eid is None:
            return "?"
        if eid in self.gender:
            return self.gender[eid]
        e = self.entities.get(eid)
        if e is None:
            return "?"
        if e.label in _PLACE:
            return "f"
        if e.label in _ORG:
            head = _words(e.name)[:1]
            return "f" if head and (head[0].endswith(("ه", "ات")) or head[0] in ("حماس", "اسرائيل")) else "m"
        return "?"

    @property
    def _roles(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        if self._role_cache is None:
            self._role_cache = self._role_index()
        return self._role_cache

    def _role_index(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Role head word -> [(entity id, role words)], from the entities' roles and from the text."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

        def add(eid: str, role: str) -> None:
            words = _words(role)
            if words:
                index.setdefault(words[0], []).append((eid, words))

        for e in self.ctx.doc.entities:
            if e.label in _PER:
                for r in e.roles:
                    add(e.id, r)
        ctx = self.ctx
        for m in ctx.mentions:
            if m.label not in _PER or not m.entity:
                continue
            # a role written just before the name: مدير مستشفى كمال عدوان [الطبيب] حسام أبو صفية
            c = ctx.clause_of(m.first)
            lo = c.first if c is not None else 0
            k = m.first - 1
            while k >= lo and (ctx.sclass(k) in ("title", "descriptor") or ctx.is_comma(k)):
                k -= 1
            end = k
            outer = None                      # the outermost role whose complement runs to the name
            for r in range(end, max(lo - 1, end - 12), -1):
                if ctx.sclass(r) == "role" and role_tail(ctx, r + 1, end + 1) > end:
                    outer = r
            if outer is not None:
                add(m.entity, ctx.text[ctx.starts[outer]:ctx.ends[end]])
            # a role written after the name between commas: رأفت الصباغ، المتحدث باسم …،
            k = m.last + 1
            if k < len(ctx.norms) and ctx.is_comma(k) and k + 1 < len(ctx.norms) and ctx.sclass(k + 1) == "role":
                e = k + 1
                while e + 1 < len(ctx.norms) and not ctx.is_punct(e + 1) and e - k < 9:
                    e += 1
                add(m.entity, ctx.text[ctx.starts[k + 1]:ctx.ends[e]])
        return index

    # ---- resolution ---------------------------------------------------------------------------
    def resolve(self, st: Statement) -> Resolved:
        res = self._resolve(st)
        if res.speaker and st.gender in ("m", "f") and not st.implicit and st.subject is not None \
                and (self.label(res.speaker) in _PER or st.subject.head in ("mention", "anaphor")):
            # the verb agrees with its subject: أكدت منظمة "…" is feminine whatever its name
            self.gender.setdefault(res.speaker, st.gender)
        self.history.append((st, res))
        return res

    def _resolve(self, st: Statement) -> Resolved:
        sub = st.subject
        if sub is None:
            if st.structure == "verb" and _passive_cue(self.ctx.text[st.cue[0]:st.cue[1]]):
                return Resolved(None, "passive: no one is named", "?", 0.5)     # ويُعتقد أن …
            return self._implicit(st)
        return self.from_subject(sub, st)

    def entity_named(self, a: int, b: int) -> str | None:
        """The one organization (or person) whose name words are those of tokens [a, b]."""
        ctx = self.ctx
        words = set(_words(ctx.text[ctx.starts[a]:ctx.ends[b]]))
        if not words:
            return None
        hits = [e.id for e in self.entities.values() if e.label not in _PLACE
                and (words <= set(_words(e.name)) or set(_words(e.name)) <= words)]
        return hits[0] if len(hits) == 1 else None

    def person_named(self, a: int, b: int) -> str | None:
        """The one person entity whose name holds every word of tokens [a, b] (a name the tagger
        left untagged here but found elsewhere: ``رسول`` -> يحيى رسول)."""
        ctx = self.ctx
        words = set(_words(ctx.text[ctx.starts[a]:ctx.ends[b]]))
        if not words:
            return None
        hits = [e.id for e in self.entities.values() if e.label in _PER and words <= set(_words(e.name))]
        return hits[0] if len(hits) == 1 else None

    def from_subject(self, sub: Subject, st: Statement) -> Resolved:
        ctx = self.ctx
        if sub.entity is not None:
            return Resolved(sub.entity, "a name of the entity", "?", 0.8)
        if sub.unnamed_name is not None and not any(m.label in _PER for m in sub.mentions):
            eid = self.person_named(*sub.unnamed_name)
            if eid:
                return Resolved(eid, "name matches a person named elsewhere", "?", 0.75)
        if sub.quoted_name is not None and not sub.mentions:
            eid = self.entity_named(*sub.quoted_name)
            if eid:
                return Resolved(eid, "name matches an entity named elsewhere", "?", 0.75)
            if sub.head != "document":
                return Resolved(None, "speaker's name is not among the entities", "?", 0.4)
        if sub.head == "unknown" and sub.last - sub.head_index <= 1 and not sub.mentions:
            eid = self.person_named(sub.head_index, sub.last)
            if eid:
                return Resolved(eid, "name matches a person named elsewhere", "?", 0.7)
        if sub.head == "unknown" and not sub.mentions and all(
                ctx.sclass(t) in ("title", "descriptor") for t in range(sub.first, sub.last + 1)):
            res = self._role(sub, st)                   # وحذر الرئيس الأمريكي: the title he was named with
            if res.speaker:
                return res
        if sub.head == "kin":
            return Resolved(None, "relatives of a person, not named", "p", 0.7)
        people = [m for m in sub.mentions if m.label in _PER and m.entity]
        if sub.head in ("unnamed", "group") and not people:
            return Resolved(None, "unnamed source", "p", 0.85)
        if people:
            return Resolved(people[0].entity, "named in the clause", "?", 0.95)
        if sub.unnamed_name is not None and (sub.role is not None or sub.head in ("role", "name")):
            # a name is written: the role may find its holder, never the person quoted before
            res = self._role(sub, st, refer_back=False) if sub.role is not None else None
            if res is not None and res.speaker:
                return res
            return Resolved(None, "speaker's name is not among the entities", "?", 0.4)
        if sub.head == "mention":
            for labels in (_ORG, _PLACE):
                for m in sub.mentions:
                    if m.label in labels and m.entity:
                        return Resolved(m.entity, "named in the clause", "?", 0.9)
            if sub.mentions and not any(m.entity for m in sub.mentions):
                return Resolved(None, "speaker mention has no entity", "?", 0.4)
        if sub.head in ("unnamed", "group"):
            return Resolved(None, "unnamed source", "p", 0.85)
        if sub.head == "name":
            return Resolved(None, "speaker's name is not among the entities", "?", 0.4)
        if sub.head == "role" or sub.role is not None and sub.head != "document":
            res = self._role(sub, st)
            if res.speaker is None and sub.unnamed_name is not None:
                return Resolved(None, "speaker's name is not among the entities", "?", 0.4)
            return res
        if sub.honorific is not None:
            return self._honorific(sub.honorific)
        if sub.head == "document":
            if any(ctx.sclass(t) in ("unnamed", "group") for t in range(sub.first, sub.last + 1)):
                return Resolved(None, "unnamed source", "p", 0.8)
            for m in sub.owner + sub.mentions:
                if m.entity and m.label not in _PLACE:
                    return Resolved(m.entity, "author of the document", "?", 0.8)
            if sub.quoted_name is not None:
                eid = self.entity_named(*sub.quoted_name)
                if eid:
                    return Resolved(eid, "author of the document", "?", 0.75)
            if sub.owner_word is not None:
                eid = self._anaphor(ctx.norms[sub.owner_word], st)
                if eid:
                    return Resolved(eid, "author of the document", "?", 0.75)
            return self._implicit(st, reason="document of the previous speaker")
        if sub.head == "anaphor":
            eid = self._anaphor(ctx.norms[sub.head_index], st)
            if eid:
                return Resolved(eid, "short name of an organization", "?", 0.8)
        if sub.head == "unknown" and not sub.mentions and sub.first == sub.last and ctx.is_definite(sub.first):
            eid = self._titled_person(ctx.norms[sub.first])
            if eid:
                return Resolved(eid, "the person the article gave that title", "?", 0.7)   # وأوضحت الممرضة
        return Resolved(None, "speaker not identified", "?", 0.5)

    def _titled_person(self, word: str) -> str | None:
        """The one person the article named with `word` as title or as the first word of a role
        (الممرضة → الممرضة الفرنسية إيمان معرفي): his or her entity, when only one has it."""
        key = _words(word)
        if len(key) != 1:
            return None
        found = {e.id for e in self.entities.values() if e.label in _PER
                 and (e.title and _words(e.title) == key or any(_words(r)[:1] == key for r in e.roles))}
        return found.pop() if len(found) == 1 else None

    def _anaphor(self, word: str, st: Statement) -> str | None:
        """An organization named by its head word alone (``الوزارة`` -> وزارة الصحة; ``المنظمة`` ->
        منظمة "…"): the latest one mentioned before the statement whose name begins with that word,
        or that the text writes right after it."""
        head = _words(word)
        if not head:
            return None
        h = head[0]
        ctx = self.ctx
        best, best_pos = None, -1
        for m in ctx.mentions:
            if m.start >= st.cue[0] or not m.entity or m.label not in _ORG:
                continue
            e = self.entities.get(m.entity)
            if e is None or e.label not in _ORG:
                continue
            ws = _words(e.name)
            k = m.first - 1
            while k >= 0 and ctx.kinds[k] == "punct" and ctx.char(k) in '"«“':
                k -= 1
            written_after = k >= 0 and _words(ctx.norms[k])[:1] == (h,)
            if (ws and ws[0] == h or written_after) and m.start > best_pos:
                best, best_pos = m.entity, m.start
        return best

    def _role(self, sub: Subject, st: Statement, refer_back: bool = True) -> Resolved:
        ctx = self.ctx
        a, b = sub.role if sub.role is not None else (sub.head_index, sub.last)
        words = _words(ctx.text[ctx.starts[a]:ctx.ends[b]])
        # الوزير الألماني: the minister of that country, when the document tells whose
        countries = {c for w in ctx.text[ctx.starts[a]:ctx.ends[max(b, sub.last)]].split()[1:] if (c := gz.demonym(w))}
        if words:
            cands = self._roles.get(words[0], [])
            scored: dict[str, float] = {}
            for eid, rw in cands:
                score = len(set(words[1:]) & set(rw[1:])) + 1
                scored[eid] = max(scored.get(eid, 0), score)
            if countries and scored:
                mine = {e for e in scored if self._country(e) in countries}
                others = {e for e in scored if self._country(e) not in (None, *countries)}
                if mine:
                    scored = {e: s for e, s in scored.items() if e in mine}
                elif others == set(scored):
                    scored = {}
            if scored:
                top = max(scored.values())
                best = [e for e, s in scored.items() if s == top]
                best.sort(key=lambda e: self.first_seen.get(e, 1 << 30))
                conf = 0.85 if len(best) == 1 else 0.6
                return Resolved(best[0], "role held by a named person", "?", conf)
        # a definite role refers back to the latest person quoted (المسؤول الأممي، الوزيرة، رئيس الحركة)
        definite = ctx.is_definite(sub.head_index) or any(
            ctx.is_definite(t) or ctx.mention_at.get(t) for t in range(sub.head_index + 1, min(b + 1, sub.head_index + 3)))
        if definite and refer_back:
            for prev, res in reversed(self.history):
                if prev.clause.paragraph < st.clause.paragraph - _WINDOW_PARAGRAPHS:
                    break
                if res.speaker and self.label(res.speaker) in _PER:
                    if st.gender == "f" and self.gender_of(res.speaker) == "m" \
                            or countries and self._country(res.speaker) not in (None, *countries):
                        continue
                    if words and self._holds_other_role(res.speaker, words) and not (
                            st.gender == "f" and self.gender_of(res.speaker) == "f"):
                        break                   # المتحدث باسم الشرطة is not the minister quoted before
                    # (a feminine role phrase, الوزيرة, is the woman quoted before, whatever her title)
                    return Resolved(res.speaker, "role refers to the person quoted before", "?", 0.6)
        return Resolved(None, "role without a name", "?", 0.5)

    def _country(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        return e.country if e is not None else None

    def _holds_other_role(self, eid: str, words: tuple[str, ...]) -> bool:
        """Does the person hold known roles, none of which this role phrase could name?"""
        if words[0] in _GENERIC_ROLES:
            return False
        held = [rw for cands in self._roles.values() for e, rw in cands if e == eid]
        return bool(held) and not any(rw[0] == words[0] or set(rw[1:]) & set(words[1:]) for rw in held)

    _HONORIFIC_TITLES = {"سموه": ("الامير", "سمو", "السمو", "الملكي", "امير"),
                         "معاليه": ("معالي", "الوزير", "وزير"), "فخامته": ("الرييس", "فخامه"),
                         "جلالته": ("الملك", "جلاله"), "سيادته": ("الرييس", "السيد"), "سماحته": ("الشيخ", "سماحه")}

    def _honorific(self, at: int) -> Resolved:
        """سموه، معاليه …: the nearest person before, preferring one written with a matching title."""
        ctx = self.ctx
        titles = self._HONORIFIC_TITLES.get(ctx.norms[at], ())
        plain = titled = None
        for m in ctx.mentions:
            if m.start >= ctx.starts[at]:
                break
            if m.label not in _PER or not m.entity:
                continue
            plain = m
            k = m.first - 1
            while k >= 0 and ctx.sclass(k) in ("title", "descriptor") and m.first - k <= 4:
                if ctx.norms[k] in titles:
                    titled = m
                    break
                k -= 1
            if k >= 0 and m.first - k <= 4 and ctx.norms[k] in titles:
                titled = m
        pick = titled or plain
        if pick is not None:
            return Resolved(pick.entity, "honorific of the nearest person", "?", 0.6)
        return Resolved(None, "honorific without a person", "?", 0.4)

    def _clause_subjects(self, st: Statement, lo: int) -> list[tuple[int, Resolved]]:
        """Subjects written in the statement's sentence between char offset `lo` and its cue: a name
        or a role at the start of a clause (``، توجه الفنان حبيب …``), as (token, resolution)."""
        ctx = self.ctx
        c = st.clause
        out = []
        t = c.first
        while t < st.cue_token:
            m = ctx.mention_at.get(t)
            cls = ctx.sclass(t)
            if ctx.starts[t] < lo or m is None and cls != "role":
                t = (m.last + 1) if m else t + 1
                continue
            p = (m.first if m else t) - 1
            while p >= c.first and (ctx.sclass(p) in ("title", "descriptor")
                                    or ctx.kinds[p] == "punct" and ctx.char(p) in '"«“'):
                p -= 1
            attached = m is not None and ctx.text[ctx.starts[m.first]:m.start][-1:] in ("ل", "ب") \
                or m is None and ctx.has_proclitic(t, "لب")
            ok = not attached and (p < c.first or ctx.kinds[p] == "punct" or ctx.norms[p] in _CLAUSE_OPENERS
                                   or ctx.kinds[p] == "word" and ctx.norms[p] not in _STOP
                                   and not _feminine_noun(ctx, p) and ctx.mention_at.get(p) is None
                                   and ctx.sclass(p) is None and (p == c.first or ctx.kinds[p - 1] == "punct"
                                                                  or ctx.norms[p - 1] in _CLAUSE_OPENERS
                                                                  or ctx.norms[p][:1] == "و"
                                                                  or ctx.norms[p - 1] == _THAT and p - 2 >= c.first
                                                                  and ctx.norms[p - 2] in _AFTER_THAT))
            if ok and m is not None and m.entity and m.label in _PER + _ORG + _PLACE:
                out.append((m.first, Resolved(m.entity, "subject of its sentence", "?", 0.6)))
            elif ok and m is None:
                sub, end, _ = forward_subject(ctx, t, st.cue_token)
                if sub is not None and sub.head in ("role", "mention"):
                    res = self.from_subject(sub, st)
                    if res.speaker:
                        out.append((t, Resolved(res.speaker, "subject of its sentence", "?", 0.6)))
                    elif sub.head == "role" and not sub.mentions:
                        # انتقد نائب في البرلمان الاتفاق، واتهم …: someone the article does not name
                        out.append((t, Resolved(None, "role without a name in its sentence", "?", 0.5)))
                    t = max(t + 1, end)
                    continue
            t = (m.last + 1) if m else t + 1
        return out

    def _relative_antecedent(self, st: Statement) -> Resolved | None:
        """``السائق الذي ادّعى أن …``: a cue right after a relative pronoun that agrees with it has
        the noun before the pronoun as its speaker."""
        ctx = self.ctx
        i = st.cue_token - 1
        if i <= st.clause.first or ctx.norms[i] not in _RELATIVE_GENDER:
            return None
        if _RELATIVE_GENDER[ctx.norms[i]] != st.gender:
            return None
        k = i - 1
        while k > st.clause.first and ctx.kinds[k] == "punct":
            k -= 1
        m = ctx.mention_at.get(k)
        if m is not None and m.entity:
            return Resolved(m.entity, "antecedent of a relative clause", "?", 0.6)
        if ctx.kinds[k] == "word":
            return Resolved(None, "antecedent of a relative clause is not named", "?", 0.5)
        return None

    def _but_it(self, st: Statement) -> Resolved | None:
        """``ولم يصدر رد فوري من الجيش الإسرائيلي، لكنه قال إن …``: after لكن with the pronoun, the
        one its sentence named last before it (a person or an organization of the pronoun's
        gender), when the sentence has no subject of its own."""
        ctx = self.ctx
        i = st.cue_token - 1
        if i <= st.clause.first or ctx.norms[i] not in _BUT_IT:
            return None
        gender = _BUT_IT[ctx.norms[i]]
        for t in range(i - 1, st.clause.first - 1, -1):
            m = ctx.mention_at.get(t)
            if m is not None and m.entity and m.label in _PER + _ORG and self.gender_of(m.entity) in (gender, "?"):
                return Resolved(m.entity, "named before لكن and its pronoun", gender, 0.55)
        return None

    def _implicit(self, st: Statement, reason: str = "speaker of the previous statement") -> Resolved:
        ctx = self.ctx
        rel = self._relative_antecedent(st)
        if rel is not None:
            return rel
        same = [(prev, res) for prev, res in self.history
                if prev.clause is st.clause and prev.structure not in ("headline", "interview")]
        outer = [(p, r) for p, r in same if not p.nested]
        lo = max((p.content[1] for p, _ in same), default=st.clause.start)
        subjects = self._clause_subjects(st, lo)
        if st.structure == "participle":
            # the participle's subject is the verb's, not that of a source phrase between them
            # (صرحت X أن … وفق ما يردد البعض، موضحة أن …: X's)
            outer = [(p, r) for p, r in outer if p.structure != "prep"] or outer
            if outer:
                prev, res = outer[-1]
                return Resolved(res.speaker, "continues the statement of its sentence", res.gender,
                                min(0.9, res.confidence))
            if subjects:
                return subjects[0][1]
        elif subjects:
            cand = subjects[-1][1]
            if self._compatible(cand.speaker, None, st.gender):
                return cand
        elif (named := self._but_it(st)) is not None:
            return named
        fallback = None
        for prev, res in reversed(self.history):
            if prev.clause.paragraph < st.clause.paragraph - _WINDOW_PARAGRAPHS:
                break
            if prev.structure in ("headline", "interview") or prev.nested or prev.clause.section == "title" \
                    and st.clause.section != "title":
                continue
            fit = self._compatible(res.speaker, prev, st.gender)
            if fit == 2:
                return Resolved(res.speaker, reason, res.gender, min(0.8, res.confidence))
            if fit == 1 and fallback is None:
                fallback = res
        if fallback is not None:
            return Resolved(fallback.speaker, reason, fallback.gender, 0.55)
        if subjects and self._compatible(subjects[0][1].speaker, None, st.gender):
            return subjects[0][1]                 # (not a singular name for a plural verb: وناشدوا)
        # the sentence before, when it opens the same paragraph (a headline in two sentences)
        n = ctx.clauses.index(st.clause)
        if n > 0 and ctx.clauses[n - 1].paragraph == st.clause.paragraph:
            prev_clause = ctx.clauses[n - 1]
            probe = Statement(st.cue, st.content, st.kind, st.structure, prev_clause, prev_clause.stop, st.gender)
            subs = self._clause_subjects(probe, prev_clause.start)
            if subs and self._compatible(subs[0][1].speaker, None, st.gender):
                return subs[0][1]
        # a speech given by someone named earlier in the sentence: كلمة لوزير الإسكان، أوضح فيها …
        for t in range(st.cue_token - 1, st.clause.first - 1, -1):
            if ctx.sclass(t) == "role":
                res = self._role(Subject("role", t, t, t, [], (t, min(t + 3, st.cue_token - 1))), st)
                if res.speaker:
                    return Resolved(res.speaker, "named earlier in its sentence", "?", 0.5)
                break
        person = self._person_named_last(st)
        if person is not None:
            return Resolved(person, "the person the paragraph is about", "?", 0.4)
        return Resolved(None, "implicit speaker not found", "?", 0.3)

    def _person_named_last(self, st: Statement) -> str | None:
        """With no speaker before and no subject, a verb of saying in the singular continues the
        person its paragraph named last (a profile: … بالنسبة لأمين المراني كانت … ويقول إن …),
        when the verb's gender agrees and no other person is named in between."""
        if st.gender not in ("m", "f"):
            return None
        ctx = self.ctx
        a = ctx.paragraphs[st.clause.paragraph][0]
        first = bisect_left(ctx.starts, a)
        for t in range(st.cue_token - 1, first - 1, -1):
            m = ctx.mention_at.get(t)
            if m is not None and m.label in _PER and m.entity is not None:
                return m.entity if self._compatible(m.entity, None, st.gender) == 2 else None
        return None

    def _compatible(self, eid: str | None, prev: Statement | None, gender: str) -> int:
        """2 = agrees with the verb's gender, 1 = may agree (unknown), 0 = disagrees."""
        if gender not in ("m", "f", "p"):
            return 2
        if eid is None:
            g = prev.gender if prev is not None else "?"
            if g == "p" or prev is not None and prev.subject is not None and prev.subject.head in ("unnamed", "group"):
                return 2 if gender == "p" else 0
            if prev is not None and prev.subject is not None and g == gender:
                return 2
            return 0 if gender == "p" else 1
        g = self.gender_of(eid)
        if gender == "p":
            return 0
        if g == "?":
            if self.label(eid) in _PER:
                return 2 if gender == "m" else 1
            return 1
        return 2 if g == gender else 0


_DAMMA = "\u064f"


def _passive_cue(written: str) -> bool:
    """Is the cue written with the damma of the passive on its first letter, after و or ف
    (ويُعتقد، يُذكر، وقُتل)? Its statement has no speaker."""
    w = written[1:] if written[:1] in ("و", "ف") and len(written) > 2 else written
    return len(w) > 1 and w[1] == _DAMMA


def _feminine_noun(ctx: DocContext, p: int) -> bool:
    """Does the word at p end as a feminine or plural noun (ندوة، الفعاليات), whose genitive the
    name after it would be (ندوة الفنان حبيب), rather than as a verb (توجه الفنان حبيب)? The
    match form writes ة as ه: the text tells them apart where it writes ة at all."""
    word = ctx.text[ctx.starts[p]:ctx.ends[p]]
    return word.endswith(("ة", "ات")) or word.endswith("ه") and not ctx.writes_ta_marbuta
