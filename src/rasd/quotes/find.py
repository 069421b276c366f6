"""Finding statements: reporting cues, the speaker slot, and the extent of what was said.

Structures read here, clause by clause:
- verb first: ``قال [المتحدث …، اللواء يحيى رسول، أول من أمس الأحد،] إن …`` / ``وأضاف أن …`` /
  ``أكد التحالف انسحاب …`` (a noun phrase as content, for verbs whose frame allows it);
- speaker first: ``لكن روسيا قالت إن …``، ``وكان التحالف قد أعلن …``، ``أما المنظمة فقالت …``;
- participles continuing a statement: ``…، مضيفا أن …`` (each one a statement of its own);
- relayed: ``ونقلت الوكالة عن X قوله …``; a text speaking: ``وجاء في بيان X: …``;
- prepositional sources: ``بحسب X، فإن …`` and ``…، وفقا لـ X``;
- direct quotations after a cue, a colon, or a complementizer.
Headlines (``X: …``) and interview answers are found in `special.py`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .context import Clause, DocContext
from .lexicon import COMPLEMENTIZERS, CONNECTIVES, Cue, cue_lengths, cues, strip_conjunction
from .marks import OPENERS
from .subject import Subject, backward_subject, forward_subject, skip_adverbials

__all__ = ["Statement", "find_statements", "trim_content"]

_OPENER_WINDOW = 14
_ADDRESSEES = frozenset(["المجتمع", "المؤسسات", "المنظمات", "الجهات", "الهيئات", "الدول", "جميع", "كافه",
                         "الاطراف", "الاسره", "الحكومات", "المسؤولين", "المواطنين"])
_ADDRESSEE_VERBS = frozenset(["دعا", "ناشد", "حثّ", "طالب", "أوصى"])
_TRAIL = ".،,؛;:…-–— \t\n"


@dataclass
class Statement:
    """A statement found in the text, before its speaker is linked to an entity."""

    cue: tuple[int, int]               # char span of the cue ("" span for an interview answer)
    content: tuple[int, int]
    kind: str                          # direct | indirect | mixed
    structure: str                     # verb | participle | relay | doc | prep | headline | interview
    clause: Clause
    cue_token: int
    gender: str = "-"
    subject: Subject | None = None
    implicit: bool = False
    times: list[str] = field(default_factory=list)
    weight: float = 0.8
    open_end: bool = True              # the content runs to the clause end and may be cut by a later cue
    boundary: int = -1                 # char offset where an earlier statement's content must stop


def trim_content(text: str, a: int, b: int) -> tuple[int, int]:
    """Strip spaces, a final full stop or comma and unmatched edge marks from `text[a:b]`."""
    while a < b and text[a] in " \t\n،,:":
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def _kind_of(ctx: DocContext, clause: Clause, a: int, b: int) -> str:
    quotes = ctx.quotes_in.get(clause.paragraph, ())
    for qa, qb in quotes:
        if qa <= a + 1 and qb >= b - 1 and qa - 1 <= a:
            return "direct"
    if any(qa < b and qb > a for qa, qb in quotes):
        return "mixed"
    return "indirect"


class _ClauseReader:
    def __init__(self, ctx: DocContext, clause: Clause):
        self.ctx = ctx
        self.c = clause
        self.conj: set[int] = set()
        self.cands: list[tuple[int, int, Cue]] = self._candidates()
        self.starts = frozenset(i for i, _, cue in self.cands if cue.kind != "preposition")

    # ---- cues ---------------------------------------------------------------------------------
    def _candidates(self) -> list[tuple[int, int, Cue]]:
        ctx, c = self.ctx, self.c
        table = cues()
        out = []
        i = c.first
        while i < c.stop:
            hit = None
            if ctx.kinds[i] == "word":
                for n in cue_lengths():
                    if i + n > c.stop:
                        continue
                    words = ctx.norms[i:i + n]
                    for first in dict.fromkeys((words[0], strip_conjunction(words[0]))):
                        key = (first, *words[1:])
                        if key in table:
                            hit = (i, i + n, table[key])
                        elif n == 2 and words[1] != "ل" and (first, "ل") in table and ctx.has_proclitic(i + 1, "ل"):
                            hit = (i, i + 1, table[(first, "ل")])
                        if hit:
                            if first != words[0]:
                                self.conj.add(i)
                            break
                    if hit:
                        break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def _position_ok(self, i: int, cue: Cue) -> bool:
        """Can a verb or participle stand at token i: clause start, after و، a comma or a connective?"""
        ctx = self.ctx
        if i == self.c.first or i in self.conj:
            return True
        prev = i - 1
        if ctx.kinds[prev] == "punct":
            return ctx.char(prev) in "،,:(-–—\"«“."
        return ctx.norms[prev] in CONNECTIVES

    # ---- openers ------------------------------------------------------------------------------
    def _quotation_opening_at(self, k: int) -> tuple[int, int] | None:
        ctx = self.ctx
        if ctx.kinds[k] != "punct" or ctx.char(k) not in OPENERS:
            return None
        q = ctx.quotation_at(self.c.paragraph, ctx.starts[k])
        return q

    def _content_from(self, k: int, stop: int) -> tuple[int, int, str, bool] | None:
        """Content starting at token k: (start, end, kind, open_end)."""
        ctx = self.ctx
        if k >= stop:
            return None
        q = self._quotation_opening_at(k)
        if q is not None:
            a, b = q
            # quotations that follow each other (separated by a full stop) continue the statement
            rest = ctx.text[b + 1:b + 4]
            nxt = ctx.quotation_at(self.c.paragraph, b + 1 + (len(rest) - len(rest.lstrip(" .،"))))
            while nxt is not None and nxt[0] <= self.c.end:
                b = nxt[1]
                rest = ctx.text[b + 1:b + 4]
                nxt = ctx.quotation_at(self.c.paragraph, b + 1 + (len(rest) - len(rest.lstrip(" .،"))))
            a, b = trim_content(ctx.text, a, b)
            return (a, b, "direct", False) if b > a else None
        return ctx.starts[k], self.c.end, "indirect", True

    def _find_opener(self, k: int, cue: Cue, limit: int) -> tuple[int, str] | None:
        """First token at or after k that opens the content, with what it is."""
        ctx = self.ctx
        end = min(limit, k + _OPENER_WINDOW)
        for t in range(k, end):
            if t in self.starts and t > k:
                return None
            w = ctx.norms[t]
            if ctx.kinds[t] == "punct":
                ch = ctx.char(t)
                if ch == ":":
                    return t, "colon"
                if self._quotation_opening_at(t) is not None:
                    return t, "quote"
                if ch in ".!?؟":
                    return None
                continue
            if w in COMPLEMENTIZERS:
                return t, "comp"
            if w in cue.particles and t + 1 < limit and ctx.norms[t + 1] in COMPLEMENTIZERS:
                return t + 1, "comp"
        return None

    # ---- structures ---------------------------------------------------------------------------
    def read(self) -> list[Statement]:
        out: list[Statement] = []
        claimed: list[tuple[int, int]] = []
        for i, j, cue in self.cands:
            if cue.kind == "preposition":
                continue
            st = None
            if cue.frame == "relay":
                st = self._relay(i, j, cue)
            elif cue.frame == "doc":
                st = self._doc(i, j, cue)
            elif self._position_ok(i, cue) or cue.kind in ("perfect", "imperfect") and \
                    backward_subject(self.ctx, i, self.c.first) is not None:
                st = self._verb(i, j, cue)
            if st is not None:
                out.append(st)
                claimed.append((i, st_opener_token(self.ctx, st)))
        for i, j, cue in self.cands:
            if cue.kind != "preposition" or any(a <= i < b for a, b in claimed):
                continue
            st = self._prep(i, j, cue, out)
            if st is not None:
                out.append(st)
        out.sort(key=lambda s: s.cue[0])
        return out

    def _verb(self, i: int, j: int, cue: Cue) -> Statement | None:
        ctx, c = self.ctx, self.c
        before = None
        if cue.kind in ("perfect", "imperfect"):
            if i not in self.conj or ctx.norms[i][:1] == "ف" and \
                    any(ctx.norms[t] in ("اما", "واما") for t in range(c.first, i)):
                before = backward_subject(ctx, i, c.first)
        participle = cue.kind == "participle"
        subj: Subject | None = before
        k = j
        times: list[str] = []
        implicit = False
        if before is None and not participle:
            if cue.lemma in _ADDRESSEE_VERBS and j < c.stop and ctx.norms[j] in _ADDRESSEES:
                implicit = True
            else:
                subj, k, times = forward_subject(ctx, j, c.stop, self.starts, cue.particles)
                if subj is not None and subj.head == "unknown" and cue.frame == "np" and not subj.mentions:
                    subj, k = None, j
                implicit = subj is None
        elif participle:
            implicit = True
        k2, t2 = skip_adverbials(ctx, k, c.stop, self.starts)
        times += t2
        opener = self._find_opener(k2, cue, c.stop)
        content = None
        if opener is not None and (cue.frame == "comp" or opener[0] <= k2 + 1 or opener[1] == "comp"
                                   and opener[0] <= k2 + 2):
            t, what = opener
            if what == "quote":
                content = self._content_from(t, c.stop)
            else:
                content = self._content_from(t + 1, c.stop)
                if content is not None and what == "colon" and content[2] == "indirect":
                    content = (content[0], content[1], "direct", True)
        elif cue.frame == "np" and k2 < c.stop and ctx.kinds[k2] in ("word", "number", "latin") \
                and (not cue.required or ctx.norms[k2] in cue.particles or "ب" in cue.particles and ctx.has_proclitic(k2, "ب")):
            start = k2 + 1 if ctx.norms[k2] in cue.particles else k2
            content = self._content_from(start, c.stop)
        elif cue.frame == "np" and k2 < c.stop and self._quotation_opening_at(k2) is not None:
            content = self._content_from(k2, c.stop)
        if content is None:
            return None
        a, b, kind, open_end = content
        if b <= a:
            return None
        return Statement((ctx.starts[i], ctx.ends[j - 1]), (a, b), kind, "participle" if participle else "verb",
                         c, i, cue.gender, subj, implicit, times, cue.weight, open_end)

    def _relay(self, i: int, j: int, cue: Cue) -> Statement | None:
        """نقل/نقلت [الوكالة] عن X قوله …  and the passive ونُقل عن X."""
        ctx, c = self.ctx, self.c
        k = j
        if ctx.norms[j - 1] != "عن":
            _, k, _ = forward_subject(ctx, j, c.stop, self.starts, ("عن",))
            if k >= c.stop or ctx.norms[k] != "عن":
                return None
            k += 1
        subj, k, times = forward_subject(ctx, k, c.stop, self.starts, ())
        if subj is None:
            return None
        if k < c.stop and ctx.norms[k].startswith("قول"):
            k += 1
        k, t2 = skip_adverbials(ctx, k, c.stop, self.starts)
        opener = self._find_opener(k, cue, c.stop)
        if opener is None:
            return None
        t, what = opener
        content = self._content_from(t if what == "quote" else t + 1, c.stop)
        if content is None:
            return None
        return Statement((ctx.starts[i], ctx.ends[j - 1]), content[:2], content[2], "relay", c, i, "-", subj,
                         False, times + t2, cue.weight, content[3])

    def _doc(self, i: int, j: int, cue: Cue) -> Statement | None:
        """وجاء في بيان X / برقية سموه: …"""
        ctx, c = self.ctx, self.c
        if j >= c.stop or ctx.sclass(j) != "document":
            return None
        subj, k, times = forward_subject(ctx, j, c.stop, self.starts, ())
        opener = self._find_opener(k, cue, c.stop)
        if opener is None:
            return None
        t, what = opener
        content = self._content_from(t if what == "quote" else t + 1, c.stop)
        if content is None:
            return None
        kind = "direct" if what == "colon" and content[2] == "indirect" else content[2]
        return Statement((ctx.starts[i], ctx.ends[k - 1] if k > j else ctx.ends[j]), content[:2], kind, "doc",
                         c, i, "-", subj, subj is None, times, cue.weight, content[3])

    def _prep(self, i: int, j: int, cue: Cue, found: list[Statement]) -> Statement | None:
        """بحسب X، فإن …  /  …، وفقا لـ X."""
        ctx, c = self.ctx, self.c
        k = j
        if k < c.stop and ctx.norms[k] == "ما":           # حسب ما صرحت به X
            k += 1
            if k < c.stop and k in self.starts:
                k += 1
            if k < c.stop and ctx.norms[k] in ("به", "بها", "بهم"):
                k += 1
        subj = _source_phrase(ctx, k, c.stop)
        if subj is None or subj.head in ("unknown", "title", "descriptor"):
            return None
        leading = all(ctx.kinds[t] == "punct" or ctx.norms[t] in CONNECTIVES for t in range(c.first, i))
        if leading:
            t = subj.last + 1
            while t < c.stop and (ctx.kinds[t] == "punct" and ctx.char(t) in "،," or
                                  ctx.norms[t] in ("فان", "فانه", "فانها", "فانهم", "ان", "انه", "انها")):
                t += 1
            content = self._content_from(t, c.stop)
            if content is None:
                return None
            a, b, kind, open_end = content
        else:
            a = _clause_start_before(ctx, c, i, found)
            b = ctx.starts[i]
            a, b = trim_content(ctx.text, a, b)
            kind, open_end = "indirect", False
        if b <= a:
            return None
        kind = _kind_of(ctx, c, a, b) if kind != "direct" else kind
        return Statement((ctx.starts[i], ctx.ends[j - 1]), (a, b), kind, "prep", c, i, "-", subj, False, [],
                         cue.weight, open_end, boundary=ctx.starts[i - 1] if i > c.first and ctx.is_comma(i - 1)
                         else ctx.starts[i])


def _source_phrase(ctx: DocContext, k: int, limit: int) -> Subject | None:
    """The source named after a prepositional cue; a ل written on the first word is allowed."""
    if k >= limit:
        return None
    m = ctx.mention_at.get(k)
    if m is not None and ctx.text[ctx.starts[k]:m.start] in ("ل", "لل", "ول"):
        sub = Subject("mention", k, k, m.last, [m])
        return sub
    sub, _, _ = forward_subject(ctx, k, limit)
    if sub is None and ctx.kinds[k] == "word" and ctx.has_proclitic(k, "ل"):
        from .lexicon import speaker_class
        cls = speaker_class(ctx.norms[k][1:])
        if cls:
            return Subject(cls, k, k, k)
    return sub


def _clause_start_before(ctx: DocContext, c: Clause, i: int, found: list[Statement]) -> int:
    """Where a trailing attribution's content begins: the last comma clause long enough to stand
    alone, never before the content of a statement that already claims that stretch."""
    floor = c.start
    for st in found:
        if st.content[0] < ctx.starts[i] and st.clause is c:
            floor = max(floor, st.content[0])
    commas = [t for t in range(c.first, i) if ctx.is_comma(t) and ctx.starts[t] > floor and t < i - 1]
    start = floor
    for t in reversed(commas):
        words = sum(1 for u in range(t + 1, i) if ctx.kinds[u] == "word")
        start = ctx.ends[t]
        if words >= 8:
            break
    else:
        start = floor
    return start


def st_opener_token(ctx: DocContext, st: Statement) -> int:
    """Token index where a statement's content begins."""
    from bisect import bisect_left
    return bisect_left(ctx.starts, st.content[0])


def find_statements(ctx: DocContext) -> list[Statement]:
    """All cue-introduced statements of a document, in text order, with content ends settled."""
    out: list[Statement] = []
    for clause in ctx.clauses:
        sts = _ClauseReader(ctx, clause).read()
        # an open content stops where the next statement of the clause begins
        for n, st in enumerate(sts):
            if not st.open_end:
                continue
            a, b = st.content
            for nxt in sts[n + 1:]:
                cut = nxt.boundary if nxt.boundary >= 0 else _boundary_before(ctx, nxt)
                if a < cut < b:
                    b = cut
                    break
            a, b = trim_content(ctx.text, a, b)
            a, b = _strip_credit(ctx, clause, a, b)
            st.content = (a, b)
            if st.kind != "direct":
                st.kind = _kind_of(ctx, clause, a, b)
        out.extend(s for s in sts if s.content[1] > s.content[0])
    return out


def _boundary_before(ctx: DocContext, st: Statement) -> int:
    """Char offset where the text before statement `st` ends (its cue, or a comma before it)."""
    i = st.cue_token
    if i > st.clause.first and ctx.kinds[i - 1] == "punct":
        return ctx.starts[i - 1]
    if i > st.clause.first and ctx.norms[i - 1] in ("و", "ثم", "كما"):
        return ctx.starts[i - 1]
    return ctx.starts[i]


def _strip_credit(ctx: DocContext, clause: Clause, a: int, b: int) -> tuple[int, int]:
    """Drop a photo credit written at the end of a caption: … (الأناضول)."""
    text = ctx.text
    if b > a and text[b - 1] == ")" and clause.section in ("caption", "title", "subheading", "body"):
        o = text.rfind("(", a, b)
        if o > a and len(text[o + 1:b - 1].split()) <= 3 and clause.end - b <= 2:
            return trim_content(text, a, o)
    return a, b
