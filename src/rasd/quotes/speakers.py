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

from dataclasses import dataclass

from ..text.normalize import normalize
from .context import DocContext, MentionRef
from .find import Statement
from .subject import Subject

__all__ = ["Resolved", "SpeakerResolver"]

_PER = ("PER", "PERS")
_ORG = ("ORG",)
_PLACE = ("LOC", "GPE")
_WINDOW_PARAGRAPHS = 6
_STOP = frozenset(["في", "من", "على", "عن", "الى", "ل", "ب", "و", "باسم"])


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: str | None
    reason: str
    gender: str
    confidence: float


def _words(s: str) -> list[str]:
    out = []
    for w in normalize(s, "match").split():
        w = w.strip("\"«»“”()،,.:")
        for p in ("وال", "بال", "لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                w = w[len(p):]
                break
        if w and w not in _STOP:
            out.append(w)
    return out


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
        self._roles = self._role_index()

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

    def _role_index(self) -> dict[str, list[tuple[str, list[str]]]]:
        """Role head word -> [(entity id, role words)], from the entities' roles and from the text."""
        index: dict[str, list[tuple[str, list[str]]]] = {}

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
            k = m.first - 1
            while k >= 0 and (ctx.sclass(k) in ("title", "descriptor") or ctx.is_comma(k)):
                k -= 1
            end = k
            role_at = None
            while k >= 0 and ctx.kinds[k] == "word" and end - k < 10 \
                    and (ctx.mention_at.get(k) is None or ctx.mention_at[k].label not in _PER):
                if ctx.sclass(k) == "role":
                    role_at = k          # keep the outermost: [المتحدث باسم القائد العام …]
                elif role_at is not None and ctx.norms[k] not in ("باسم", "في") and not ctx.is_definite(k):
                    break
                k -= 1
            if role_at is not None:
                add(m.entity, ctx.text[ctx.starts[role_at]:ctx.ends[end]])
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
                and self.label(res.speaker) in _PER:
            self.gender.setdefault(res.speaker, st.gender)
        self.history.append((st, res))
        return res

    def _resolve(self, st: Statement) -> Resolved:
        sub = st.subject
        if sub is None:
            return self._implicit(st)
        return self.from_subject(sub, st)

    def from_subject(self, sub: Subject, st: Statement) -> Resolved:
        ctx = self.ctx
        people = [m for m in sub.mentions if m.label in _PER and m.entity]
        if people:
            return Resolved(people[0].entity, "named in the clause", "?", 0.95)
        if sub.head == "mention":
            for labels in (_ORG, _PLACE):
                for m in sub.mentions:
                    if m.label in labels and m.entity:
                        return Resolved(m.entity, "named in the clause", "?", 0.9)
            if sub.mentions and not any(m.entity for m in sub.mentions):
                return Resolved(None, "speaker mention has no entity", "?", 0.4)
        if sub.head in ("unnamed", "group"):
            return Resolved(None, "unnamed source", "p", 0.85)
        if sub.head == "role" or sub.role is not None:
            return self._role(sub, st)
        if sub.head == "honorific":
            return self._honorific(sub)
        if sub.head == "document":
            for m in sub.owner:
                if m.entity:
                    return Resolved(m.entity, "author of the document", "?", 0.8)
            for m in sub.mentions:
                if m.entity and m.label not in _PLACE:
                    return Resolved(m.entity, "author of the document", "?", 0.8)
            return self._implicit(st, reason="document of the previous speaker")
        if sub.head == "anaphor":
            eid = self._anaphor(ctx.norms[sub.head_index], st)
            if eid:
                return Resolved(eid, "short name of an organization", "?", 0.8)
        return Resolved(None, "speaker not identified", "?", 0.5)

    def _anaphor(self, word: str, st: Statement) -> str | None:
        """An organization whose name begins with this word (``الوزارة`` -> وزارة الصحة), the latest
        one mentioned before the statement."""
        head = _words(word)
        if not head:
            return None
        h = head[0]
        best, best_pos = None, -1
        for m in self.ctx.mentions:
            if m.start >= st.cue[0] or not m.entity or m.label in _PER:
                continue
            e = self.entities.get(m.entity)
            if e is None:
                continue
            ws = _words(e.name)
            if ws and ws[0] == h and m.start > best_pos:
                best, best_pos = m.entity, m.start
        return best

    def _role(self, sub: Subject, st: Statement) -> Resolved:
        ctx = self.ctx
        a, b = sub.role if sub.role is not None else (sub.head_index, sub.last)
        words = _words(ctx.text[ctx.starts[a]:ctx.ends[b]])
        if words:
            cands = self._roles.get(words[0], [])
            scored: dict[str, float] = {}
            for eid, rw in cands:
                score = len(set(words[1:]) & set(rw[1:])) + 1
                scored[eid] = max(scored.get(eid, 0), score)
            if scored:
                top = max(scored.values())
                best = [e for e, s in scored.items() if s == top]
                best.sort(key=lambda e: self.first_seen.get(e, 1 << 30))
                conf = 0.85 if len(best) == 1 else 0.6
                return Resolved(best[0], "role held by a named person", "?", conf)
        # a definite role refers back to the latest person quoted (المسؤول الأممي، الوزيرة)
        if ctx.is_definite(sub.head_index):
            for prev, res in reversed(self.history):
                if prev.clause.paragraph < st.clause.paragraph - _WINDOW_PARAGRAPHS:
                    break
                if res.speaker and self.label(res.speaker) in _PER:
                    if st.gender == "f" and self.gender_of(res.speaker) == "m":
                        continue
                    return Resolved(res.speaker, "role refers to the person quoted before", "?", 0.6)
        return Resolved(None, "role without a name", "?", 0.5)

    def _honorific(self, sub: Subject) -> Resolved:
        ctx = self.ctx
        best = None
        for m in ctx.mentions:
            if m.start >= ctx.starts[sub.head_index]:
                break
            if m.label in _PER and m.entity:
                titled = m.first > 0 and ctx.sclass(m.first - 1) == "title"
                if titled or best is None or not best[1]:
                    best = (m, titled)
        if best is not None:
            return Resolved(best[0].entity, "honorific of the nearest person", "?", 0.6)
        return Resolved(None, "honorific without a person", "?", 0.4)

    def _clause_subject(self, st: Statement) -> MentionRef | None:
        """The first name in the clause before the statement that stands as a subject."""
        ctx = self.ctx
        c = st.clause
        for m in ctx.mentions:
            if m.first < c.first:
                continue
            if m.last >= st.cue_token:
                break
            pre = ctx.text[ctx.starts[m.first]:m.start]
            if pre.endswith(("ل", "ب")) or m.first > c.first and ctx.norms[m.first - 1] in _STOP:
                continue
            if m.entity:
                return m
        return None

    def _implicit(self, st: Statement, reason: str = "speaker of the previous statement") -> Resolved:
        # a participle continues the statement of its own sentence
        if st.structure == "participle":
            for prev, res in reversed(self.history):
                if prev.clause is st.clause:
                    return Resolved(res.speaker, "continues the statement of its sentence", res.gender,
                                    min(0.9, res.confidence))
                break
            m = self._clause_subject(st)
            if m is not None:
                return Resolved(m.entity, "subject of its sentence", "?", 0.7)
        elif st.structure == "verb" and st.gender in ("m", "f"):
            m = self._clause_subject(st)
            if m is not None and m.label not in _PER and self._compatible(m.entity, None, st.gender) == 2 \
                    and not any(prev.clause is st.clause for prev, _ in self.history):
                return Resolved(m.entity, "subject of its sentence", "?", 0.6)
        fallback = None
        for prev, res in reversed(self.history):
            if prev.clause.paragraph < st.clause.paragraph - _WINDOW_PARAGRAPHS:
                break
            if prev.structure in ("headline", "interview") or prev.clause.section == "title" \
                    and st.clause.section != "title":
                continue
            fit = self._compatible(res.speaker, prev, st.gender)
            if fit == 2:
                return Resolved(res.speaker, reason, res.gender, min(0.8, res.confidence))
            if fit == 1 and fallback is None:
                fallback = res
        if fallback is not None:
            return Resolved(fallback.speaker, reason, fallback.gender, 0.55)
        m = self._clause_subject(st)
        if m is not None:
            return Resolved(m.entity, "subject of its sentence", "?", 0.5)
        return Resolved(None, "implicit speaker not found", "?", 0.3)

    def _compatible(self, eid: str | None, prev: Statement | None, gender: str) -> int:
        """2 = agrees with the verb's gender, 1 = may agree (unknown), 0 = disagrees."""
        if gender not in ("m", "f", "p"):
            return 2
        if eid is None:
            g = prev.gender if prev is not None else "?"
            if g == "p" or prev is not None and prev.subject is not None and prev.subject.head in ("unnamed", "group"):
                return 2 if gender == "p" else 0
            return 0 if gender == "p" else 1
        g = self.gender_of(eid)
        if gender == "p":
            return 0
        if g == "?":
            if self.label(eid) in _PER:
                return 2 if gender == "m" else 1
            return 1
        return 2 if g == gender else 0
