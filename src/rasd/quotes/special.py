"""Statements without a reporting verb: headline attribution ``X: …`` and interview answers.

- A title, caption or subheading (or a short line without a final full stop) of the form
  ``الجيش العراقي: الحوار مع واشنطن …`` attributes what follows the colon to X, when X is short, holds
  no verb cue, and names a speaker (a name, a role or an unnamed source).
- A quotation written first and taken up by "with these words" (``«…»، بهذه الكلمات عبّر X عن …``)
  is what X said, whatever the verb after those words.
- In an interview laid out as question paragraphs (ending in ؟) each followed by answer paragraphs,
  every answer is a direct statement of the person interviewed: the speaker the article quoted most
  before the questions began.
"""
from __future__ import annotations

from collections import Counter

from ..resources import gazetteers as gz
from .context import Clause, DocContext
from .find import Statement, kind_of, strip_credit, trim_content
from ..text.normalize import normalize
from .lexicon import cues, strip_conjunction
from .subject import Subject, forward_subject

__all__ = ["fronted_statements", "headline_statements", "interview_statements"]

_THESE = frozenset(normalize(w, "match") for w in ("بهذه", "بهذا"))
_WORDS = frozenset(normalize(w, "match") for w in ("الكلمات", "العبارات", "الجملة", "الكلمة", "العبارة",
                                                   "الجمل"))

_HEAD_MAX = 9
_SHORT_LINE = 30
_ATTRIBUTING = ("title", "caption", "subheading")


def _has_cue(ctx: DocContext, a: int, b: int) -> bool:
    table = cues()
    for t in range(a, b):
        w = ctx.norms[t]
        for key in ((w,), (strip_conjunction(w),)):
            if key in table and table[key].kind != "preposition":
                return True
    return False


def fronted_statements(ctx: DocContext, taken: list[Statement]) -> list[Statement]:
    """Statements whose quotation comes first and is taken up by بهذه الكلمات / بهذه العبارة and a
    verb with its subject: the statement of that verb, if one was found, takes the quotation as
    its content (not the verb's own complement: … عبّر X [عن الضغط الهائل]); else a new one."""
    if _THESE.isdisjoint(ctx.norms):
        return taken
    by_cue = {st.cue_token: st for st in taken}
    out: list[Statement] = []
    for c in ctx.clauses:
        for t in range(max(c.first, 2), c.stop - 3):
            if ctx.norms[t] not in _THESE or ctx.norms[t + 1] not in _WORDS or ctx.kinds[t + 2] != "word" \
                    or not ctx.is_comma(t - 1) or ctx.kinds[t - 2] != "punct":
                continue
            close = ctx.starts[t - 2]
            quote = next(((a, b) for a, b in ctx.quotes_in.get(c.paragraph, ()) if b == close), None)
            if quote is None:
                continue
            a, b = trim_content(ctx.text, *quote)
            if b - a < 8:
                continue
            verb = t + 2
            st = by_cue.get(verb)
            if st is not None:
                st.content, st.kind, st.open_end = (a, b), "direct", False
                continue
            sub, _, times = forward_subject(ctx, verb + 1, c.stop)
            if sub is None or not (sub.mentions or sub.head in ("role", "unnamed", "group")):
                continue
            out.append(Statement((ctx.starts[verb], ctx.ends[verb]), (a, b), "direct", "verb", c, verb, "-",
                                 sub, False, times, 0.7, False))
    return taken + out


def headline_statements(ctx: DocContext, taken: list[Statement]) -> list[Statement]:
    out: list[Statement] = []
    busy = {st.cue_token for st in taken}
    for c in ctx.clauses:
        if c.stop - c.first < 3:
            continue
        para = ctx.paragraphs[c.paragraph]
        short = c.stop - c.first <= _SHORT_LINE and ctx.text[para[0]:para[1]].rstrip()[-1:] not in ".!؟?"
        if c.section not in _ATTRIBUTING and not (short and c.start == para[0]):
            continue
        colon = None
        for t in range(c.first, min(c.stop, c.first + _HEAD_MAX + 1)):
            if ctx.kinds[t] == "punct" and ctx.char(t) == ":":
                colon = t
                break
            if ctx.kinds[t] == "punct" and ctx.char(t) in "-–—()[]/|.":
                break
            if ctx.kinds[t] == "number" or t in busy:
                break
        if colon is None or colon == c.first or _has_cue(ctx, c.first, colon):
            continue
        st = _headline(ctx, c, colon)
        if st is not None:
            out.append(st)
    return out


def _person_named(ctx: DocContext, a: int, b: int) -> str | None:
    """The one person entity whose name holds every word of tokens [a, b) (``رسول`` -> يحيى رسول)."""
    if b - a > 2:
        return None
    from .speakers import SpeakerResolver
    return SpeakerResolver(ctx).person_named(a, b - 1)


def _names_a_speaker(ctx: DocContext, sub: Subject, c: Clause, colon: int) -> bool:
    """Is the text before the colon a speaker: a name (a place only when it is the whole of it and
    a country or a capital, as a government speaking: not ``مخيم جباليا: …``, a dateline), a role,
    or an unnamed source of two words or more (not ``المصدر: …``)?"""
    if sub.entity is not None:
        return True
    if sub.head == "mention":
        places = all(m.label in ("LOC", "GPE") for m in sub.mentions)
        whole = len(sub.mentions) == 1 and sub.mentions[0].first == c.first and sub.mentions[0].last == colon - 1
        return bool(sub.mentions) and (not places or whole and _governs(ctx, sub.mentions[0]))
    if sub.head in ("unnamed", "group"):
        return colon - c.first >= 2
    return sub.head == "role"


def _governs(ctx: DocContext, m) -> bool:
    """Is the place mention a country or a capital, whose name may stand for its government?"""
    found = gz.match_ranges(ctx.norms, [(m.first, m.last + 1)])[0]
    return any(x.start == m.first and x.end == m.last + 1 and x.entry.kind in ("COUNTRY", "CAPITAL") for x in found)


def _headline(ctx: DocContext, c: Clause, colon: int) -> Statement | None:
    sub, k, _ = forward_subject(ctx, c.first, colon)
    if (sub is None or sub.head == "unknown" and not sub.mentions) and colon - c.first <= 2:
        eid = _person_named(ctx, c.first, colon)     # a surname the tagger left alone: رسول: …
        if eid is not None:
            sub, k = Subject("mention", c.first, c.first, colon - 1, entity=eid), colon
    if sub is None or k < colon:
        return None
    if not _names_a_speaker(ctx, sub, c, colon):
        return None
    a, b = trim_content(ctx.text, ctx.ends[colon], c.end)
    a, b = strip_credit(ctx, c, a, b)
    if b - a < 8:
        return None
    kind = kind_of(ctx, c, a, b)
    if kind == "direct":
        a, b = trim_content(ctx.text, a + (ctx.text[a] in "«“\""), b - (ctx.text[b - 1] in "»”\""))
    return Statement((ctx.starts[colon], ctx.ends[colon]), (a, b), "indirect" if kind == "direct" else kind,
                     "headline", c, colon, "-", sub, False, [], 0.7, False)


def interview_statements(ctx: DocContext, taken: list[Statement],
                         speakers: list[str | None]) -> list[tuple[Statement, str | None]]:
    """Answers of a question-and-answer interview, each with the interviewee's entity id;
    `speakers` are the resolved speakers of the statements already found (`taken`)."""
    body = [(p, a, b) for p, (a, b, kind) in sorted(ctx.paragraphs.items()) if kind == "body"]
    questions = [p for p, a, b in body if ctx.text[a:b].rstrip()[-1:] in "؟?"]
    if len(questions) < 3:
        return []
    before = [s for st, s in zip(taken, speakers) if st.clause.paragraph < questions[0]]
    if not before:
        return []
    named = [s for s in before if s]
    who = Counter(named).most_common(1)[0][0] if named else None   # None: the interviewee has no entity
    busy = {st.clause.paragraph for st in taken}
    qset = set(questions)
    out: list[tuple[Statement, str | None]] = []
    last_q, answers = None, 0
    for p, a, b in body:
        if p in qset:
            last_q, answers = p, 0
            continue
        if last_q is None or p > questions[-1] and answers >= 1:
            continue
        answers += 1
        if p in busy:
            continue
        text = ctx.text[a:b]
        q = max(text.rfind("؟"), text.rfind("?"))      # question and answer in one paragraph
        s, e = trim_content(ctx.text, a + q + 1 if q >= 0 else a, b)
        clause = next((c for c in ctx.clauses if c.paragraph == p), None)
        if e - s < 8 or clause is None:
            continue
        st = Statement((s, s), (s, e), "direct", "interview", clause, clause.first, "-", None, True, [], 0.6,
                       False)
        out.append((st, who))
    return out
