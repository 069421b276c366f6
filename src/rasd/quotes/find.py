"""Finding statements: reporting cues, the speaker slot, and the extent of what was said.

Structures read here, clause by clause:
- verb first: ``قال [المتحدث …، اللواء يحيى رسول، أول من أمس الأحد،] إن …`` / ``وأضاف أن …`` /
  ``أكد التحالف انسحاب …`` (a noun phrase as content, for verbs whose frame allows it);
- speaker first: ``لكن روسيا قالت إن …``، ``وكان التحالف قد أعلن …``، ``أما المنظمة فقالت …``;
- participles continuing a statement: ``…، مضيفا أن …`` (each one a statement of its own);
- relayed: ``ونقلت الوكالة عن X قوله …``; a text speaking: ``وجاء في بيان X: …``;
- prepositional sources: ``بحسب X، فإن …`` and ``…، وفقا لـ X``;
- direct quotations after a cue, a colon, or a complementizer, including a quotation that
  continues over several sentences, and one that fills the paragraph after ``قال:``.
Headlines (``X: …``) and interview answers are found in `special.py`.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..resources.gazetteers import is_first_name
from ..text.normalize import normalize
from .context import Clause, DocContext
from .lexicon import (COMPLEMENTIZERS, CONNECTIVES, NARRATOR_CONTEXT, NARRATOR_CONTEXT_LENGTHS, NOT_REPORT_BEFORE,
                      RELATIVES, UNSAID, UNSAID_VERBS, WITHOUT, Cue, cue_lengths, cues, speaker_class, strip_conjunction)
from .marks import OPENERS
from .subject import RELATIVE_OPENERS, Subject, backward_subject, forward_subject, is_prep, skip_adverbials

__all__ = ["Statement", "find_statements", "kind_of", "strip_credit", "trim_content"]

_OPENER_WINDOW = 16
_PLAIN_COMPLEMENTIZERS = frozenset(normalize(w, "match") for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها"))
_IN_IT = frozenset(normalize(w, "match") for w in ("فيه", "فيها"))
_TIME_NOUNS = frozenset(normalize(w, "match") for w in ("وقت", "حين", "الوقت", "اللحظة", "لحظة"))
_SUBJECT_TAIL = 8                # the most words of a subject read up to the cue's particle and أن
_ON = normalize("على", "match")          # على in match form (علي)
_ADDRESSEES = frozenset(["المجتمع", "المؤسسات", "المنظمات", "الجهات", "الهيئات", "الدول", "جميع", "كافه",
                         "الاطراف", "الاسره", "الحكومات", "المسؤولين", "المواطنين"])
_ADDRESSEE_VERBS = frozenset(["دعا", "ناشد", "حثّ", "طالب", "أوصى"])
# Lemmas whose forms are also common nouns or prepositions: they need a clear verb position.
_AMBIGUOUS = frozenset(["بيّن", "ثمّن", "سجّل", "أبرز", "قدّر", "وعد", "رأى", "عبّر", "تابع", "نقل", "وصف",
                        "جدد", "حثّ", "أوصى", "هنأ", "رفض", "أظهر", "توقع", "اعتقد", "استعرض", "ركّز",
                        "سلّط", "ألقى"])
_TRAIL = ".،,؛;:…-–— \t\n"
_TOPIC_WORDS = frozenset(["حول", "عن", "بعنوان", "عنوان", "شعار", "بشان", "باسم", "اسم", "مشروع", "ضمن"])
_NEGATIONS = frozenset(["لا", "لم", "لن", "ما", "ولا", "ولم", "ولن", "قد", "ينبغي", "يجب", "يمكن"])
_PER = ("PER", "PERS")
# God and His epithets, the one asked in a supplication (سائلا الله تعالى أن …، داعيا المولى عز وجل أن …)
_PRAYER_VERBS = frozenset(["سأل", "دعا"])
# Verbs that say what something is (وصف X بأنه Y): the thing named belongs to what was said.
_DESCRIBE_VERBS = frozenset(["وصف"])
# What comes before ما (وفق ما أعلن X، بحسب ما ذكر X) or alone (حسبما، كما، مثلما أعلن X): the cue
# reports what its sentence said before it
_AS_REPORTED_BY = frozenset(normalize(w, "match") for w in ("وفق", "بحسب", "حسب", "وفقا", "وفقاً", "طبق", "طبقا"))
_AS_REPORTED = frozenset(normalize(w, "match") for w in ("حسبما", "بحسبما", "وفقما", "كما", "مثلما", "وكما"))
_GOD = frozenset(normalize(w, "match") for w in (
    "الله", "المولى", "الباري", "تعالى", "عز", "وجل", "سبحانه", "وتعالى", "القدير", "العلي", "جل", "جلاله"))


@dataclass
class Statement:
    """A statement found in the text, before its speaker is linked to an entity."""

    cue: tuple[int, int]               # char span of the cue (empty for an interview answer)
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
    before: bool = False               # the speaker was written before the cue
    nested: bool = False               # reported inside another statement's content (قال إن X أكد …)


def trim_content(text: str, a: int, b: int) -> tuple[int, int]:
    """Strip spaces, a final full stop or comma and colons from the edges of `text[a:b]`."""
    while a < b and text[a] in " \t\n،,:":
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def kind_of(ctx: DocContext, clause: Clause, a: int, b: int) -> str:
    """direct when [a, b) is one quotation, mixed when it holds one, indirect otherwise."""
    quotes = ctx.quotes_in.get(clause.paragraph, ())
    for qa, qb in quotes:
        if qa <= a + 1 and qb >= b - 1 and qa - 1 <= a:
            return "direct"
    if any(qa < b and qb > a for qa, qb in quotes):
        return "mixed"
    return "indirect"


def strip_credit(ctx: DocContext, clause: Clause, a: int, b: int) -> tuple[int, int]:
    """Drop a photo credit written at the end of a line: … (الأناضول)."""
    text = ctx.text
    if b > a and text[b - 1] == ")":
        o = text.rfind("(", a, b)
        if o > a and len(text[o + 1:b - 1].split()) <= 3 and clause.end - b <= 2 \
                and clause.section in ("caption", "title", "subheading"):
            return trim_content(text, a, o)
    return a, b


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
        norms, kinds = ctx.norms, ctx.kinds
        out = []
        starts = ctx.cue_tokens
        n_from = bisect_left(starts, c.first)
        n_to = bisect_left(starts, c.stop)
        after = c.first
        for i in starts[n_from:n_to]:
            if i < after:
                continue
            w = norms[i]
            hit = None
            if kinds[i] == "word":
                for n in cue_lengths():
                    if i + n > c.stop:
                        continue
                    words = norms[i:i + n]
                    for first in (w, strip_conjunction(w)) if w[:1] in "وف" else (w,):
                        key = (first, *words[1:])
                        if key in table:
                            hit = (i, i + n, table[key])
                        elif n == 2 and words[1] != "ل" and (first, "ل") in table and ctx.has_proclitic(i + 1, "ل"):
                            hit = (i, i + 1, table[(first, "ل")])
                        if hit:
                            if first != w:
                                self.conj.add(i)
                            break
                    if hit:
                        break
                if hit and (self._inside_long_quotation(i) or hit[1] == i + 1 and self._noun_with_adjective(i)
                            or self._pronoun_not_feminine(hit)):
                    hit = None
            if hit:
                out.append(hit)
                after = hit[1]
        return out

    def _noun_with_adjective(self, i: int) -> bool:
        """Is the cue word at i a noun that an indefinite nisba adjective describes, the subject of
        the imperfect verb after it (طالب جامعي يتبرع …، داعية بحريني يطالب …, as headlines
        begin): no verb of saying is followed by an adjective."""
        ctx, j = self.ctx, i + 1
        if j + 1 >= self.c.stop or ctx.kinds[j] != "word" or ctx.kinds[j + 1] != "word" \
                or ctx.norms[i][:1] in "وف":
            return False                   # وطالب سعودي يعمل في الخارج بـ…: a verb after و
        adj, verb = ctx.norms[j], ctx.norms[j + 1]
        return len(adj) >= 4 and adj.endswith("ي") and not adj.startswith("ال") and verb[:1] in "يت" \
            and not is_first_name(adj)

    def _pronoun_not_feminine(self, hit: tuple[int, int, Cue]) -> bool:
        """Is the feminine ending ة of a cue (مقرة، مضيفة) written ه, the pronoun "his" (في مقره،
        مضيفه), in a text that writes ة elsewhere? (The match form does not tell them apart.)"""
        ctx = self.ctx
        return hit[2].form.endswith("ة") and ctx.text[ctx.ends[hit[1] - 1] - 1] == "ه" and ctx.writes_ta_marbuta

    def _inside_long_quotation(self, i: int) -> bool:
        """Is token i inside direct speech (a quotation of more than a few words)?"""
        q = self.ctx.inside_quotation(self.c.paragraph, self.ctx.starts[i])
        return q is not None and len(self.ctx.text[q[0]:q[1]].split()) > 8

    def _position_ok(self, i: int, cue: Cue) -> bool:
        """Does a verb or participle stand where a clause begins: at the start, after و، a comma or a
        connective (an imperfect not after a relative pronoun)?"""
        ctx = self.ctx
        if i == self.c.first or i in self.conj:
            return True
        prev = i - 1
        if ctx.kinds[prev] == "punct":
            return ctx.char(prev) in "،,:(-–—\"«“.؛;"
        if cue.kind == "imperfect" and ctx.norms[prev] in RELATIVES:
            return False
        return ctx.norms[prev] in CONNECTIVES or ctx.norms[prev] in RELATIVES or ctx.norms[prev] in ("و", "ف")

    # ---- openers ------------------------------------------------------------------------------
    def _quotation_opening_at(self, k: int) -> tuple[int, int] | None:
        ctx = self.ctx
        if ctx.kinds[k] != "punct" or ctx.char(k) not in OPENERS:
            return None
        return ctx.quotation_at(self.c.paragraph, ctx.starts[k])

    def _content_from(self, k: int, stop: int, after_colon: bool = False) -> tuple[int, int, str, bool] | None:
        """Content starting at token k: (start, end, kind, open_end)."""
        ctx = self.ctx
        if k >= stop:
            if after_colon:
                return self._next_paragraph_quotation()
            return None
        q = self._quotation_opening_at(k)
        if q is None and after_colon and ctx.char(k) == "(":
            close = ctx.text.find(")", ctx.starts[k], self.c.end)
            if close > 0:
                q = (ctx.starts[k] + 1, close)
        if q is not None:
            a, b = q
            # quotations that follow each other (only a full stop between) continue the statement
            while True:
                rest = ctx.text[b + 1:b + 4]
                nxt = ctx.quotation_at(self.c.paragraph, b + 1 + (len(rest) - len(rest.lstrip(" .")))) \
                    if rest.strip(" .")[:1] in OPENERS else None
                if nxt is None or nxt[0] > self.c.end + 1:
                    break
                b = nxt[1]
            after = ctx.text[b + 1:b + 3]
            if after[:1] == " " and after[1:2].isalpha() and b + 1 < self.c.end:
                # the quotation opens a longer sentence: إن "عشرات الإرهابيين" كانوا يختبئون هناك
                return ctx.starts[k], self.c.end, "mixed", True
            a, b = trim_content(ctx.text, a, b)
            return (a, b, "direct", False) if b > a else None
        return ctx.starts[k], self.c.end, "indirect", True

    def _next_paragraph_complement(self) -> tuple[int, int, str, bool] | None:
        """A sentence a scraped page broke after its speaker (``قال الوزير`` ¶ ``إن …``): what
        the first sentence of the next paragraph says after its إن/أن, when this paragraph ends
        with no mark."""
        ctx, c = self.ctx, self.c
        if ctx.text[c.start:c.end].rstrip()[-1:] in ".!?؟:؛;…\"»”":
            return None
        nxt = ctx.paragraphs.get(c.paragraph + 1)
        if nxt is None:
            return None
        t = bisect_left(ctx.starts, nxt[0])
        if t + 1 >= len(ctx.norms) or ctx.norms[t] not in COMPLEMENTIZERS:
            return None
        clause = ctx.clause_of(t)
        if clause is None:
            return None
        a, b = trim_content(ctx.text, ctx.starts[t + 1], clause.end)
        return (a, b, "indirect", True) if b > a else None

    def _next_paragraph_quotation(self) -> tuple[int, int, str, bool] | None:
        """``قال …:`` ending a paragraph, with the words in the next one: «…»."""
        ctx = self.ctx
        nxt = ctx.paragraphs.get(self.c.paragraph + 1)
        if nxt is None:
            return None
        a, b, _ = nxt
        text = ctx.text[a:b].strip()
        quotes = ctx.quotes_in.get(self.c.paragraph + 1, ())
        if text[:1] in OPENERS and quotes and quotes[0][0] == a + 1:
            qa, qb = trim_content(ctx.text, *quotes[0])
            return (qa, qb, "direct", False) if qb > qa else None
        return None

    def _described_phrase(self, subj: Subject, k: int) -> int:
        """Where what a verb with a noun object said starts, when a relative pronoun at token k
        follows the speaker phrase: the ب-phrase it describes was read as an adverbial (وهنأ الرئيس
        [بالانتصارات العظيمة] التي حققتها …) or as the end of a role (وهنأ رئيس الجمهورية
        [بالانتصارات العظيمة] التي …), and is what was said. (A phrase in في or ل may be the
        speaker's own: وتناشد وزارة الصحة في قطاع غزة الذي تديره حماس …)"""
        ctx = self.ctx
        if subj.last + 1 < k and ctx.kinds[subj.last + 1] == "word" and ctx.has_proclitic(subj.last + 1, "ب"):
            return subj.last + 1
        if subj.head == "role" and subj.role is not None and not subj.mentions and subj.last == k - 1:
            cut = next((t for t in range(subj.head_index + 2, k) if ctx.has_proclitic(t, "ب")), None)
            if cut is not None:
                subj.last = cut - 1
                subj.role = (subj.role[0], cut - 1)
                return cut
        return k

    def _find_opener(self, k: int, cue: Cue, limit: int) -> tuple[int, str] | None:
        """First token at or after k that opens the content (a complementizer, a colon, a quotation
        mark, or a particle before a complementizer), with what it is; names and titles written in
        quotation marks are stepped over."""
        ctx = self.ctx
        t, words = k, 0
        relative = False                 # inside a relative clause set off by commas (، الذي سبق له أن …،)
        while t < limit and words < _OPENER_WINDOW:
            if t in self.starts and t > k:
                return None
            w = ctx.norms[t]
            if ctx.kinds[t] == "punct":
                ch = ctx.char(t)
                if ch == ":":
                    return t, "colon"
                if ctx.is_comma(t):
                    relative = False
                q = self._quotation_opening_at(t)
                if q is not None:
                    if self._is_name_quotation(q) or t > k + 2 and len(ctx.text[q[0]:q[1]].split()) <= 3 \
                            or t > k and ctx.norms[t - 1] in _TOPIC_WORDS:
                        # منظمة "…", a term, or a title (حول "…"): not what was said
                        t = bisect_left(ctx.starts, q[1] + 1)
                        continue
                    return t, "quote"
                if ch in ".!?؟" and not (t > k and ctx.sclass(t - 1) == "title"):
                    return None
                t += 1
                continue
            if w in RELATIVE_OPENERS and t > 0 and ctx.is_comma(t - 1):
                relative = True
            if w in COMPLEMENTIZERS:
                if t > k and ctx.norms[t - 1] in NOT_REPORT_BEFORE and ctx.norms[t - 1] not in cue.particles:
                    return None
                if relative and self._closes_later(t, limit):
                    t += 1                       # the relative clause's own أن: what it says of the speaker
                    words += 1
                    continue
                return t, "comp"
            if w in cue.particles and t + 1 < limit and ctx.norms[t + 1] in COMPLEMENTIZERS:
                return t + 1, "comp"
            t += 1
            words += 1
        return None

    def _closes_later(self, t: int, limit: int) -> bool:
        """Does a comma close the relative clause after token t, before the sentence ends?"""
        ctx = self.ctx
        return any(ctx.is_comma(u) for u in range(t + 1, min(limit, t + _OPENER_WINDOW)))

    def _is_name_quotation(self, q: tuple[int, int]) -> bool:
        """Is the quotation a name (mostly covered by a mention)?"""
        ctx = self.ctx
        named = sum(m.end - m.start for m in ctx.mentions if q[0] <= m.start and m.end <= q[1])
        return named >= 0.6 * (q[1] - q[0])

    def _only_modifiers(self, a: int, b: int) -> bool:
        """Are tokens [a, b) only names, definite words, times and prepositional phrases?"""
        ctx = self.ctx
        for t in range(a, b):
            if ctx.kinds[t] == "punct":
                continue
            if ctx.mention_at.get(t) or t in ctx.time_at or ctx.is_definite(t) or is_prep(ctx, t):
                continue
            if ctx.kinds[t] == "number" or ctx.norms[t] in _GOD:
                continue
            return False
        return True

    def _subject_then_particle(self, k: int, opener: tuple[int, str], cue: Cue) -> bool:
        """``وحذرت مفوضية حقوق الإنسان الجمعة، [من أن] …``: the cue's particle and أن after a few
        plain words that began the subject: those words are the rest of the subject, whatever
        they are, and what follows أن was said."""
        ctx = self.ctx
        p = opener[0] - 1
        if opener[1] != "comp" or p <= k or ctx.norms[k] in cue.particles or ctx.norms[k] in COMPLEMENTIZERS:
            return False
        if ctx.is_comma(p) and ctx.norms[opener[0]] in _PLAIN_COMPLEMENTIZERS and p - k <= _SUBJECT_TAIL + 2:
            # … رئيس البعثة، إيان غرانجي، اليوم السبت بالرباط، [أن] …: a name and a setting
            return all(ctx.kinds[t] in ("word", "number") or ctx.is_comma(t) for t in range(k, p))
        if ctx.has_proclitic(k, "و") and ctx.norms[opener[0]] in _PLAIN_COMPLEMENTIZERS and opener[0] - k <= 4:
            # وأكدت الهيئة العامة للأرصاد [وحماية البيئة] أن …: a conjunct of the subject's name
            return all(ctx.kinds[t] == "word" for t in range(k, opener[0]))
        if p - k > _SUBJECT_TAIL or ctx.norms[p] not in cue.particles:
            return False
        return all(ctx.kinds[t] in ("word", "number") and ctx.norms[t] not in cue.particles
                   or ctx.is_comma(t) and t == p - 1 for t in range(k, p))

    # ---- structures ---------------------------------------------------------------------------
    def read(self) -> list[Statement]:
        out: list[Statement] = []
        claimed: list[tuple[int, int]] = []
        for i, j, cue in self.cands:
            if cue.kind == "preposition":
                continue
            if cue.frame == "relay":
                st = self._relay(i, j, cue)
            elif cue.frame == "doc":
                st = self._doc(i, j, cue)
            else:
                st = self._verb(i, j, cue)
            if st is not None:
                out.append(st)
                claimed.append((i, bisect_left(self.ctx.starts, st.content[0])))
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
        if cue.kind == "perfect" and (k := self._report_connective(i)) is not None:
            if any(t == k for t, _, _ in self.cands):
                return None                       # وفق ما أعلن X: the preposition's statement holds it
            said = self._said_before(i, j, cue, k)
            if said is not None:
                return said
        position = self._position_ok(i, cue)
        cue_j = j
        time_clause = not position and j < c.stop and ctx.norms[j] in _IN_IT and ctx.norms[i - 1] in _TIME_NOUNS
        if time_clause:
            position, j = True, j + 1     # في وقت أعلنت [فيه] السلطات …: the clause of a time, its subject after فيه
        before = None
        if cue.kind in ("perfect", "imperfect") and not time_clause and (
                i not in self.conj or ctx.norms[i][:1] == "ف" and
                any(ctx.norms[t] in ("اما", "واما") for t in range(c.first, i))):
            before = backward_subject(ctx, i, c.first)
        participle = cue.kind == "participle"
        subj: Subject | None = before
        k = j
        times: list[str] = []
        if before is None and not participle:
            if cue.lemma in _ADDRESSEE_VERBS and j < c.stop and ctx.norms[j] in _ADDRESSEES:
                subj = None
            elif cue.lemma in _PRAYER_VERBS and j < c.stop and ctx.norms[j] in _GOD:
                subj = None                        # وسأل الله أن …: God is asked, the speaker unnamed
            else:
                subj, k, times = forward_subject(ctx, j, c.stop, self.starts, cue.particles,
                                                 introduced=time_clause, object_next=cue.frame == "np")
        k2, t2 = skip_adverbials(ctx, k, c.stop, self.starts, cue.particles)
        times += t2
        if cue.frame == "np" and subj is not None and k2 < c.stop and ctx.norms[k2] in _WHICH:
            k2 = self._described_phrase(subj, k2)
        opener = self._find_opener(k2, cue, c.stop)
        if opener is not None and cue.frame == "np" and opener[0] > k2 + 1 \
                and not (opener[1] in ("comp", "quote", "colon") and (self._only_modifiers(k2, opener[0])
                                                                      or ctx.norms[k2] in RELATIVES)) \
                and not (subj is not None and self._subject_then_particle(k2, opener, cue)):
            opener = None
        if subj is not None and subj.head == "unknown" and not subj.mentions and opener is None \
                and cue.frame == "np" and ctx.sclass(subj.first) not in ("title", "descriptor"):
            # أكد صعوبة الوضع: the noun phrase is what was said (but أكد الرئيس المصري أهمية …: a
            # title alone names the speaker)
            subj, k2 = None, j
        elif subj is not None and opener is None and cue.frame == "np" and self._object_not_subject(subj, cue):
            subj, k2 = None, j                     # واتهم الحكومة بتقديم تنازلات: the accused, not the speaker
            k2, t3 = skip_adverbials(ctx, k2, c.stop, self.starts, cue.particles)
            times += t3
        elif subj is not None and cue.lemma in _DESCRIBE_VERBS and subj.head == "unknown" and not subj.mentions \
                and opener is not None and opener[1] == "comp" and opener[0] == subj.last + 1 \
                and ctx.sclass(subj.first) is None:
            subj, k2 = None, subj.first            # ووصفت الهجوم بأنه جريمة: what was described, no speaker
        if subj is not None and subj.head == "document" and not subj.owner and opener is not None:
            for t in range(subj.last + 1, opener[0]):        # بيان صادر عن الوزارة، التقرير الذي أنجزه …
                m = ctx.mention_at.get(t)
                if m is not None and m.label in _PER + ("ORG",):
                    subj.owner.append(m)
                    break
                if subj.owner_word is None and ctx.sclass(t) == "orghead" and ctx.is_definite(t):
                    subj.owner_word = t
        strong = subj is not None and (any(m.label in _PER + ("ORG",) for m in subj.mentions)
                                       or subj.head in ("anaphor", "role", "honorific", "document"))
        if time_clause and not (strong or subj is not None and subj.head in ("unnamed", "group")):
            return None                     # (في وقت تدعو فيه اللوائح …: a rule, no one who speaks)
        named = subj is not None and any(m.label in _PER for m in subj.mentions)
        immediate = opener is not None and opener[0] <= k2 + 1
        particle_next = k2 < c.stop and (ctx.norms[k2] in cue.particles or "ب" in cue.particles
                                         and ctx.has_proclitic(k2, "ب"))
        if cue.lemma in _AMBIGUOUS and i not in self.conj and before is None and not participle:
            # بين، عبر، ثمن … are verbs here only with a clear speaker or a clear opener
            if not (strong and (immediate or particle_next or cue.frame == "np")) \
                    and not (subj is None and (immediate or particle_next)):
                return None
        # a verb out of clause-initial position needs a clear speaker and a clear opener
        if not position and before is None:
            if participle:
                if not (immediate and opener[1] in ("colon", "quote") or cue.lemma not in _AMBIGUOUS
                        and (immediate and opener[0] == j or particle_next and k2 == j)):
                    return None
            elif not (named or strong and (immediate or particle_next or cue.frame == "np" and cue.weight >= 0.85)
                      or subj is None and immediate and opener[0] == k2 and cue.lemma not in _AMBIGUOUS
                      and cue.kind == "perfect" and ctx.norms[i - 1] not in COMPLEMENTIZERS | _NEGATIONS):
                return None
        if cue.required and not self._particle_between(j, opener[0] if opener else c.stop, cue) \
                and not (k2 < c.stop and _particle_at(ctx, k2, cue)):
            return None                                 # عبر … needs its عن
        content = None
        if opener is not None:
            t, what = opener
            start = t if what == "quote" else t + 1
            if cue.lemma in _DESCRIBE_VERBS and what == "comp" and k2 < t and ctx.kinds[k2] == "word" \
                    and all(ctx.kinds[x] == "word" for x in range(k2, t)):
                start = k2                    # وصف المصدر المعلومات بأنها أولية: what it called what
            if what == "colon" and start < c.stop and ctx.norms[start] in COMPLEMENTIZERS:
                start += 1                               # وأضاف: إن الملتقى …
            content = self._content_from(start, c.stop, what == "colon")
            if content is not None and what == "colon" and content[2] == "indirect":
                content = (content[0], content[1], "direct", True)
        elif k2 < c.stop and ctx.kinds[k2] in ("word", "number", "latin"):
            is_particle = ctx.norms[k2] in cue.particles
            b_particle = "ب" in cue.particles and ctx.has_proclitic(k2, "ب") and not ctx.is_definite(k2) \
                or "ب" in cue.particles and ctx.norms[k2].startswith("بال")
            if cue.frame == "np" or b_particle and not is_particle or is_particle and k2 > j - 1:
                if cue.required and not (is_particle or b_particle):
                    t = self._find_particle(k2, cue)
                    if t is None:
                        return None
                    k2, is_particle = t, ctx.norms[t] in cue.particles
                start = k2 + 1 if is_particle else k2
                if not is_particle and not b_particle and (p := self._particle_after_comma(k2, cue)) is not None:
                    start = p + 1               # أعلنت كتائب القسام، الجناح العسكري لحماس، [عن] مقتل …
                if is_particle and start < c.stop and ctx.norms[k2] == "الضوء" and ctx.norms[start] == _ON:
                    start += 1                      # سلط الضوء على …
                content = self._content_from(start, c.stop)
        elif k2 < c.stop and cue.frame == "np" and self._quotation_opening_at(k2) is not None:
            content = self._content_from(k2, c.stop)
        if content is None and opener is None:
            # a subject the reader could not place is the first words said (ويقول اعلق الآن …)
            start = j if subj is None or subj.head == "unknown" and not subj.mentions else k2
            if self._unmarked_speech(start, cue):
                content = ctx.starts[start], c.end, "direct", True
                if start == j:
                    subj = None
        if content is None and subj is not None and k2 >= c.stop:
            content = self._next_paragraph_complement()   # قال جالانت ¶ إن إسرائيل …
        if content is None and subj is not None and (k2 >= c.stop or ctx.kinds[k2] == "punct"):
            content = self._quotation_before(i)          # «…»، قال الوزير.
        if content is None:
            return None
        a, b, kind, open_end = content
        if b <= a:
            return None
        times = self._times_between(j, a) or times
        if kind != "direct" and open_end and i > c.first and ctx.norms[(subj.first if before else i) - 1] in RELATIVES:
            comma = next((t for t in range(bisect_left(ctx.starts, a), c.stop) if ctx.is_comma(t)), None)
            if comma is not None:
                b, open_end = ctx.starts[comma], False     # المنطقة التي قالت إسرائيل إنها فككت …،
        implicit = subj is None
        weight = cue.weight if position or before is not None else cue.weight * 0.85
        cue_end = cue_j
        if cue_j == j and j < c.stop and ctx.norms[j] in cue.particles and ctx.ends[j] <= a:
            cue_end = j + 1                         # the particle belongs to the cue: أشار إلى، لفت إلى
        return Statement((ctx.starts[i], ctx.ends[cue_end - 1]), (a, b), kind, "participle" if participle else "verb",
                         c, i, cue.gender, subj, implicit, times, weight, open_end, before=before is not None)

    def _unmarked_speech(self, k: int, cue: Cue) -> bool:
        """Words said, quoted with no mark at all (وقال وليد رسمت الرئيس عرفات حين …، ويقول اعلق
        الآن صورته): in a text that has no quotation mark anywhere (a wire story whose marks were
        lost), a verb of saying that needs إن/أن, a colon or a quotation mark and has none in its
        sentence, followed right after its speaker (no comma between) by a word that opens no phrase
        of its own."""
        ctx = self.ctx
        return cue.frame == "comp" and cue.kind in ("perfect", "imperfect") and cue.lemma not in _AMBIGUOUS \
            and cue.weight >= 0.85 and k < self.c.stop and ctx.kinds[k] == "word" and ctx.kinds[k - 1] != "punct" \
            and not ctx.has_quotation_marks \
            and ctx.norms[k] not in COMPLEMENTIZERS and not is_prep(ctx, k) and ctx.mention_at.get(k) is None \
            and k not in self.starts and self.c.stop - k >= 4

    def _object_not_subject(self, subj: Subject, cue: Cue) -> bool:
        """A masculine verb cannot have a feminine noun for subject (اتهم الحكومة): the one word
        after it is the verb's object, and the speaker is the previous statement's."""
        ctx = self.ctx
        if cue.gender != "m" or subj.mentions or subj.first != subj.last or not ctx.is_definite(subj.first):
            return False
        word = ctx.text[ctx.starts[subj.first]:ctx.ends[subj.first]]
        return word.endswith("ة")

    def _times_between(self, j: int, a: int) -> list[str]:
        """Time expressions between the cue and the content (في مقابلة … مساء الاثنين)."""
        ctx = self.ctx
        out: list[str] = []
        for t in range(j, bisect_left(ctx.starts, a)):
            hit = ctx.time_at.get(t)
            if hit is not None and hit[0] not in out:
                out.append(hit[0])
        return out

    def _report_connective(self, i: int) -> int | None:
        """Where وفق ما، بحسب ما، حسبما، كما … stands right before the cue at i, or None."""
        ctx, c = self.ctx, self.c
        k = i - 1
        if k > c.first and ctx.norms[k] == "ما" and ctx.norms[k - 1] in _AS_REPORTED_BY:
            return k - 1
        return k if k >= c.first and ctx.norms[k] in _AS_REPORTED else None

    def _said_before(self, i: int, j: int, cue: Cue, k: int) -> Statement | None:
        """``وصل الوفد إلى المدينة، كما أعلن الوزير``: a cue after a connective (at k) reports
        what its sentence said before it; the speaker follows the cue."""
        ctx, c = self.ctx, self.c
        start = k
        while start > c.first and ctx.kinds[start - 1] == "punct" and ctx.char(start - 1) in "،,":
            start -= 1
        if start <= c.first:
            return None
        subj, end, times = forward_subject(ctx, j, c.stop, self.starts, cue.particles)
        if subj is None or not subj.mentions and subj.head not in ("role", "unnamed", "group"):
            return None
        more: list[str] = []
        if end < c.stop and not self._mark_at(end):
            end, more = skip_adverbials(ctx, end, c.stop, self.starts, cue.particles)
            if end < c.stop and not self._mark_at(end):
                return None                       # كما أعلن الوزير أن …: "also", with words of its own
        a, b = trim_content(ctx.text, ctx.starts[c.first], ctx.ends[start - 1])
        if b <= a:
            return None
        return Statement((ctx.starts[i], ctx.ends[j - 1]), (a, b), "indirect", "verb", c, i, cue.gender, subj,
                         False, times + more, cue.weight * 0.9, False)

    def _mark_at(self, t: int) -> bool:
        """Does token t end the sentence (كما أعلن X، إصابة …: after a comma the words may be X's)?"""
        return self.ctx.kinds[t] == "punct" and self.ctx.char(t) in ".؛;!"

    def _quotation_before(self, i: int) -> tuple[int, int, str, bool] | None:
        """A quotation that ends just before the cue (only punctuation between): the words of a
        statement whose speaker is named after them."""
        ctx = self.ctx
        t = i - 1
        while t >= self.c.first and ctx.kinds[t] == "punct" and ctx.char(t) in "،,-–—":
            t -= 1
        if t < self.c.first or ctx.kinds[t] != "punct" or ctx.char(t) not in '"»”':
            return None
        for a, b in self.ctx.quotes_in.get(self.c.paragraph, ()):
            if b == ctx.starts[t] and a >= self.c.start - 1:
                a, b = trim_content(ctx.text, a, b)
                return (a, b, "direct", False) if b > a else None
        return None

    def _particle_between(self, a: int, b: int, cue: Cue) -> bool:
        return any(_particle_at(self.ctx, t, cue) for t in range(a, min(b + 1, self.c.stop)))

    def _particle_after_comma(self, k: int, cue: Cue) -> int | None:
        """The cue's particle right after a comma a few plain words after token k, where the words
        still belong to the subject or its setting (an appositive, a date, a clause about the
        interview: …، الجناح العسكري لحركة حماس، عن …، في مقابلة أجريت في 17 فبراير، عن …)."""
        ctx = self.ctx
        for t in range(k, min(self.c.stop - 1, k + _SUBJECT_TAIL + 1)):
            if ctx.is_comma(t):
                return t + 1 if t > k and t + 2 < self.c.stop and ctx.norms[t + 1] in cue.particles \
                    and ctx.kinds[t + 2] == "word" else None
            if ctx.kinds[t] not in ("word", "number") or ctx.norms[t] in cue.particles \
                    or ctx.norms[t] in COMPLEMENTIZERS:
                return None
        return None

    def _find_particle(self, k: int, cue: Cue) -> int | None:
        ctx = self.ctx
        for t in range(k, min(self.c.stop, k + _OPENER_WINDOW)):
            if t in self.starts or ctx.kinds[t] == "punct" and ctx.char(t) in ".!?؟:":
                return None
            if ctx.norms[t] in cue.particles or "ب" in cue.particles and ctx.has_proclitic(t, "ب") \
                    and ctx.mention_at.get(t) is None:
                return t
        return None

    def _relay(self, i: int, j: int, cue: Cue) -> Statement | None:
        """نقل/نقلت [الوكالة] عن X قوله …  and the passive ونُقل عن X."""
        ctx, c = self.ctx, self.c
        k = j
        if ctx.norms[j - 1] != "عن":
            _, k, _ = forward_subject(ctx, j, c.stop, self.starts, ("عن",))
            k, _ = skip_adverbials(ctx, k, c.stop, self.starts, ("عن",))
            if k >= c.stop or ctx.norms[k] != "عن":
                return None
            k += 1
        subj, k, times = forward_subject(ctx, k, c.stop, self.starts, (), introduced=True)
        if subj is None:
            return None
        if k < c.stop and ctx.norms[k].startswith("قول"):
            k += 1
        k, t2 = skip_adverbials(ctx, k, c.stop, self.starts)
        opener = self._find_opener(k, cue, c.stop)
        if opener is None:
            return None
        t, what = opener
        content = self._content_from(t if what == "quote" else t + 1, c.stop, what == "colon")
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
        content = self._content_from(t if what == "quote" else t + 1, c.stop, what == "colon")
        if content is None:
            return None
        kind = "direct" if what == "colon" and content[2] == "indirect" else content[2]
        return Statement((ctx.starts[i], ctx.ends[max(j, k - 1)]), content[:2], kind, "doc",
                         c, i, "-", subj, subj is None, times, cue.weight, content[3])

    def _prep(self, i: int, j: int, cue: Cue, found: list[Statement]) -> Statement | None:
        """بحسب X، فإن …  /  …، وفقا لـ X."""
        ctx, c = self.ctx, self.c
        k = j
        if k < c.stop and ctx.norms[k] == "ما":           # حسب ما صرحت به X، بحسب ما ذكرته الوكالة
            k += 1
            if k < c.stop and ctx.kinds[k] == "word" and ctx.mention_at.get(k) is None:
                k += 1
            if k < c.stop and ctx.norms[k] in ("به", "بها", "بهم"):
                k += 1
        if k < c.stop and ctx.norms[k] in COMPLEMENTIZERS:
            # بزعم أن …: the claim of the sentence's subject
            content = self._content_from(k + 1, c.stop)
            if content is None:
                return None
            return Statement((ctx.starts[i], ctx.ends[j - 1]), content[:2], content[2], "prep", c, i, "-", None,
                             True, [], cue.weight * 0.8, content[3])
        subj = _source_phrase(ctx, k, c.stop)
        if subj is None or subj.head in ("unknown", "title", "descriptor"):
            return None
        if subj.head == "mention" and not any(m.label in _PER + ("ORG",) for m in subj.mentions):
            return None
        leading = all(ctx.kinds[t] == "punct" or ctx.norms[t] in CONNECTIVES for t in range(c.first, i))
        t = subj.last + 1
        while t < c.stop and ctx.kinds[t] == "punct" and ctx.char(t) in "،,":
            t += 1
        if t < c.stop and ctx.norms[t].startswith("فان"):
            leading = True                          # …، وبحسب مراقبين فإن …
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
            if t > subj.last + 1 and t < c.stop and ctx.kinds[t] == "word" and not leading \
                    and i > c.first and ctx.is_comma(i - 1) and ctx.norms[t] not in CONNECTIVES \
                    and ctx.norms[t][:1] not in ("و", "ف"):
                # ودمرت القوات، بحسب ما ذكرته الشبكة، سيارات البث …: what was said goes on after the
                # source between commas; a content holds no cue, so it is the longer side
                rest = self._content_from(t, c.stop)
                if rest is not None and rest[1] - rest[0] > b - a:
                    a, b = rest[0], rest[1]
            a, b = trim_content(ctx.text, a, b)
            kind, open_end = "indirect", False
        if b <= a:
            return None
        kind = kind_of(ctx, c, a, b) if kind != "direct" else kind
        return Statement((ctx.starts[i], ctx.ends[j - 1]), (a, b), kind, "prep", c, i, "-", subj, False, [],
                         cue.weight, open_end, boundary=ctx.starts[i - 1] if i > c.first and ctx.is_comma(i - 1)
                         else ctx.starts[i])


def _particle_at(ctx: DocContext, t: int, cue: Cue) -> bool:
    w = ctx.norms[t]
    return w in cue.particles or "ب" in cue.particles and ctx.has_proclitic(t, "ب") or \
        w.startswith("ب") and "ب" in cue.particles and w[1:2] == "ا" and w in COMPLEMENTIZERS


def _source_phrase(ctx: DocContext, k: int, limit: int) -> Subject | None:
    """The source named after a prepositional cue; a ل written on the first word is allowed."""
    if k >= limit:
        return None
    m = ctx.mention_at.get(k)
    if m is not None and ctx.text[ctx.starts[k]:m.start] in ("ل", "لل", "ول"):
        return Subject("mention", k, m.last, m.last, [m])
    if ctx.has_proclitic(k, "ل") and ctx.sclass(k) == "orghead" and k + 1 < limit:
        sub, _, _ = forward_subject(ctx, k + 1, limit, introduced=True)     # لمنظمة "أكشن إيد"
        if sub is not None and sub.mentions:
            sub.first = k
            return sub
    sub, _, _ = forward_subject(ctx, k, limit, introduced=True)
    if sub is None and ctx.kinds[k] == "word" and ctx.has_proclitic(k, "ل"):
        cls = speaker_class(ctx.norms[k][1:])
        if cls in ("unnamed", "group", "role", "document"):
            sub = Subject(cls, k, k, k)
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


def _boundary_before(ctx: DocContext, st: Statement) -> int:
    """Char offset where the text before statement `st` ends (a comma or و before its cue or its
    speaker)."""
    i = st.subject.first if st.before and st.subject is not None else st.cue_token
    while i > st.clause.first and ctx.kinds[i - 1] == "word" and ctx.norms[i - 1] in ("و", "ثم", "كما", "خاصة",
                                                                                      "خاصه", "وان", "فيما", "بينما"):
        i -= 1
    if i > st.clause.first and ctx.kinds[i - 1] == "punct":
        return ctx.starts[i - 1]
    return ctx.starts[i]


def _new_clause_cut(ctx: DocContext, clause: Clause, a: int, b: int) -> int:
    """A comma followed by a clause with its own named subject (``…، وختم الشاب الوزيه حديثه``،
    ``…، فيما شكر الشريف أحمد الفعر …``) ends what was said."""
    first = bisect_left(ctx.starts, a)
    last = bisect_left(ctx.starts, b)
    words = 0
    for t in range(first, min(last, clause.stop) - 2):
        if ctx.kinds[t] == "word":
            words += 1
        if words < 4 or not ctx.is_comma(t) or ctx.inside_quotation(clause.paragraph, ctx.starts[t]):
            continue
        u = t + 1
        if ctx.norms[u] in ("فيما", "بينما", "ثم"):
            u += 1
        elif not (ctx.norms[u][:1] == "و" and len(ctx.norms[u]) > 3):
            # a bare verb and an unnamed subject: …، شكل ناشطون مدنيون لجنة
            if ctx.kinds[u] == "word" and ctx.mention_at.get(u) is None and u + 1 < last \
                    and ctx.sclass(u + 1) in ("unnamed", "group") and ctx.sclass(u) is None \
                    and ctx.norms[u] not in COMPLEMENTIZERS and not is_prep(ctx, u):
                return ctx.starts[t]
            continue
        if u >= last or ctx.kinds[u] != "word" or ctx.mention_at.get(u) is not None:
            continue
        u += 1
        while u < last and ctx.sclass(u) in ("title", "descriptor"):
            u += 1
        m = ctx.mention_at.get(u)
        if m is not None and m.label in _PER + ("ORG",) and ctx.text[ctx.starts[u]:m.start] == "":
            return ctx.starts[t]
    return b


def _conjoined_cue_cut(ctx: DocContext, clause: Clause, a: int, b: int) -> int:
    """A reporting verb joined by و (``… للاحتلال واضاف كما ترى …``، ``… لا يطيقه ويقول اعلق …``)
    starts another statement even where no punctuation marks it: what was said ends before it."""
    table = cues()
    first = bisect_left(ctx.starts, a)
    for t in range(first + 3, bisect_left(ctx.starts, b)):
        w = ctx.norms[t]
        if w[:1] != "و" or ctx.inside_quotation(clause.paragraph, ctx.starts[t]):
            continue
        cue = table.get((w[1:],))
        if cue is not None and cue.kind in ("perfect", "imperfect") and cue.weight >= 0.85 and (w,) not in table:
            return ctx.starts[t]
    return b


def _unsaid_cut(ctx: DocContext, clause: Clause, a: int, b: int) -> int:
    """The narrator's note on what the speaker left out ends what was said: ``قال إن المقاتلين صدوا
    الهجوم [دون ذكر لأي ضحايا]``، ``… [من دون أن يوضح] طبيعة الاستهداف`` (not inside quotation marks)."""
    first = bisect_left(ctx.starts, a)
    last = min(bisect_left(ctx.starts, b), clause.stop)
    for t in range(first + 2, last - 1):
        if ctx.norms[t] not in WITHOUT or ctx.inside_quotation(clause.paragraph, ctx.starts[t]):
            continue
        nxt = ctx.norms[t + 1]
        if nxt in UNSAID and (nxt != "ان" or t + 2 < last and ctx.norms[t + 2] in UNSAID_VERBS):
            return ctx.starts[t - 1] if ctx.norms[t - 1] == "من" else ctx.starts[t]
    return b


_THAT = normalize("وذلك", "match")
# Relative pronouns that describe the noun before them (not ما، من).
_WHICH = frozenset(normalize(w, "match") for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي"))


def _narrator_context_cut(ctx: DocContext, clause: Clause, a: int, b: int) -> int:
    """The narrator setting the statement beside other events ends it: ``أعلن الجيش بدء عملية
    عسكرية في جباليا[، وذلك بعد ساعات من] بدء هجمة …``، ``…[، وذلك إثر] الهجوم البري`` (not inside
    quotation marks)."""
    thats = ctx.positions(_THAT)
    if not thats:
        return b
    first = bisect_left(ctx.starts, a)
    last = min(bisect_left(ctx.starts, b), clause.stop)
    for u in thats[bisect_left(thats, first + 3):bisect_left(thats, last - 1)]:
        t = u - 1
        if not ctx.is_comma(t) or ctx.inside_quotation(clause.paragraph, ctx.starts[t]):
            continue
        for n in NARRATOR_CONTEXT_LENGTHS:
            if t + 2 + n <= last and tuple(ctx.norms[t + 2:t + 2 + n]) in NARRATOR_CONTEXT:
                return ctx.starts[t]
    return b


def find_statements(ctx: DocContext) -> list[Statement]:
    """All cue-introduced statements of a document, in text order, with content ends settled."""
    out: list[Statement] = []
    for clause in ctx.clauses:
        n = bisect_left(ctx.cue_tokens, clause.first)
        if n == len(ctx.cue_tokens) or ctx.cue_tokens[n] >= clause.stop:
            continue                                   # no cue word in this sentence
        sts = _ClauseReader(ctx, clause).read()
        # a statement whose speaker comes right after another's complementizer is reported inside it
        keep: set[int] = set()
        for st in sts:
            if st.before and st.subject is not None:
                for other in sts:
                    if other is not st and other.content[0] <= ctx.starts[st.subject.first] < other.content[1] \
                            and ctx.starts[st.subject.first] - other.content[0] <= 1:
                        st.nested = True
            if st.subject is None and _reported_inside(ctx, st, sts):
                st.nested = True       # قال الوزير إن [التحقيقات كشفت] أن …: what the minister said
            elif st.subject is None and _relative_inside(ctx, st, sts):
                st.nested = True       # قال X إن الجيش، الذي [أكد] أن …، انسحب: the army's words, inside X's
                keep.add(id(st))
        sts = [s for s in sts if id(s) in keep or not (s.nested and (
            _cue_kind(ctx, s) == "imperfect" or s.weight < 0.85 or s.subject is None))]
        for n, st in enumerate(sts):
            if not st.open_end:
                continue
            a, b = st.content
            for nxt in sts[n + 1:]:
                if nxt.nested:
                    continue
                cut = nxt.boundary if nxt.boundary >= 0 else _boundary_before(ctx, nxt)
                if a < cut < b:
                    b = cut
                    break
            b = _new_clause_cut(ctx, clause, a, b)
            b = _conjoined_cue_cut(ctx, clause, a, b)
            b = _unsaid_cut(ctx, clause, a, b)
            b = _narrator_context_cut(ctx, clause, a, b)
            a, b = trim_content(ctx.text, a, b)
            a, b = strip_credit(ctx, clause, a, b)
            st.content = (a, b)
            if st.kind != "direct":
                st.kind = kind_of(ctx, clause, a, b)
        sts = [s for s in sts if s.content[1] > s.content[0] and not _addressee_only(ctx, s)]
        said = {s.content for s in sts if s.structure != "prep"}
        # كما أعلنت المنظمة أنها فقدت الاتصال …، وفق وزارة الصحة: the source after the statement
        # relayed it; the statement is the organization's, once
        out.extend(s for s in sts if s.structure != "prep" or s.content not in said)
    return out


def _reported_inside(ctx: DocContext, st: Statement, sts: list[Statement]) -> bool:
    """Is the cue of a statement with no speaker one to three plain words after the start of
    another's content (قال الوزير إن [التحقيقات] كشفت أن …): a report inside what was said?"""
    w = ctx.norms[st.cue_token]
    if _cue_kind(ctx, st) != "perfect" or strip_conjunction(w) != w:
        return False                   # (مشيرا إلى، وأعرب عن: the same speaker going on, not a report inside)
    for other in sts:
        if other is st or not other.content[0] <= ctx.starts[st.cue_token] < other.content[1]:
            continue
        a = bisect_left(ctx.starts, other.content[0])
        if 1 <= st.cue_token - a <= 3 and all(ctx.kinds[t] == "word" for t in range(a, st.cue_token)):
            return True
    return False


def _relative_inside(ctx: DocContext, st: Statement, sts: list[Statement]) -> bool:
    """Is the cue right after a relative pronoun inside another statement's content (قال X إن
    الجيش، الذي أكد أن …، انسحب): a statement of the noun the clause describes, reported inside?"""
    k = st.cue_token
    if k == 0 or ctx.norms[k - 1] not in RELATIVE_OPENERS:
        return False
    return any(other is not st and other.content[0] <= ctx.starts[k - 1] < other.content[1] for other in sts)


def _addressee_only(ctx: DocContext, st: Statement) -> bool:
    """Is what an appeal "said" only the name of whom it is made to (ناشد منظمة الصحة العالمية،
    قائلا إن …: the words are the participle's)?"""
    if st.kind == "direct" or _cue_lemma(ctx, st) not in _ADDRESSEE_VERBS:
        return False
    a, b = st.content
    m = ctx.mention_at.get(bisect_left(ctx.starts, a))
    return m is not None and m.start <= a and not ctx.text[m.end:b].strip(" ،,.")


def _cue_of(ctx: DocContext, st: Statement) -> Cue | None:
    w = ctx.norms[st.cue_token]
    for key in ((w,), (strip_conjunction(w),)):
        cue = cues().get(key)
        if cue is not None:
            return cue
    return None


def _cue_kind(ctx: DocContext, st: Statement) -> str:
    cue = _cue_of(ctx, st)
    return cue.kind if cue is not None else ""


def _cue_lemma(ctx: DocContext, st: Statement) -> str:
    cue = _cue_of(ctx, st)
    return cue.lemma if cue is not None else ""
