"""The speaker slot of a reporting clause: a shallow, lexicon-driven reading of the words between a
cue and what was said (or before a cue, when the speaker comes first).

The reader walks tokens and sorts them into the speaker's noun phrase (titles, roles, names,
appositions between commas) and adverbials that are not the speaker (times, ``في بيان``,
``لرويترز``, ``في مقابلة مع …``). It returns a `Subject` that names the head of the phrase and the
mentions inside it; linking that to an entity is `speakers.py`'s job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .context import DocContext, MentionRef
from .lexicon import COMPLEMENTIZERS, CONNECTIVES, PREPOSITIONS

__all__ = ["Subject", "backward_subject", "forward_subject", "skip_adverbials"]

_APPOSITION_MAX = 14
_ROLE_TAIL_MAX = 10
_BRACKETS = {"(": ")", "-": "-", "–": "–", "—": "—", "[": "]"}


@dataclass
class Subject:
    """The speaker's words in a clause."""

    head: str                 # mention | unnamed | group | role | honorific | document | anaphor | unknown
    head_index: int           # token index of the head word
    first: int                # token range of the speaker phrase [first, last]
    last: int
    mentions: list[MentionRef] = field(default_factory=list)
    role: tuple[int, int] | None = None     # token range of a role phrase, if any
    owner: list[MentionRef] = field(default_factory=list)   # mentions owning a document noun
    times: list[str] = field(default_factory=list)

    def span(self, ctx: DocContext) -> tuple[int, int]:
        return ctx.starts[self.first], ctx.ends[self.last]


def _attached(ctx: DocContext, m: MentionRef) -> str:
    """The proclitic letters written before a mention inside its first token ('' if none)."""
    return ctx.text[ctx.starts[m.first]:m.start]


def _is_prep(ctx: DocContext, i: int) -> bool:
    n = ctx.norms[i]
    if n in PREPOSITIONS:
        return True
    if ctx.kinds[i] != "word":
        return False
    return ctx.has_proclitic(i, "لب") and not ctx.is_definite(i) and ctx.mention_at.get(i) is None


def _pp_end(ctx: DocContext, i: int, limit: int) -> int:
    """End (exclusive) of a prepositional or adverbial phrase starting at token i."""
    k = i + 1
    if k < limit and ctx.kinds[k] == "word" and ctx.norms[i] in PREPOSITIONS:
        m = ctx.mention_at.get(k)
        k = (m.last + 1) if m is not None else k + 1
    n = 0
    while k < limit and n < 6:
        m = ctx.mention_at.get(k)
        if m is not None:
            k = m.last + 1
        elif k in ctx.time_at:
            k = ctx.time_at[k][1] + 1
        elif ctx.kinds[k] == "word" and (ctx.is_definite(k) or ctx.norms[k] in ("نت",)) \
                and ctx.norms[k] not in COMPLEMENTIZERS:
            k += 1
        elif ctx.kinds[k] == "word" and ctx.norms[k] in PREPOSITIONS and ctx.norms[k] not in ("على", "عن", "الي", "من"):
            k += 1
        else:
            break
        n += 1
    return k


def _bracket_end(ctx: DocContext, i: int, limit: int) -> int | None:
    close = _BRACKETS.get(ctx.char(i))
    if close is None:
        return None
    for k in range(i + 1, min(limit, i + 10)):
        if ctx.kinds[k] == "punct" and ctx.char(k) == close:
            return k + 1
    return None


def _segment_is_apposition(ctx: DocContext, a: int, b: int) -> bool:
    """Is tokens[a:b] (between commas) an apposition or adverbial of the speaker?"""
    if a >= b:
        return False
    if ctx.mention_at.get(a) is not None and ctx.mention_at[a].label in ("PER", "PERS"):
        return True
    cls = ctx.sclass(a)
    if cls in ("role", "title", "descriptor"):
        return True
    if a in ctx.time_at or _is_prep(ctx, a):
        return True
    if ctx.norms[a] in ("وهو", "وهي", "الذي", "التي", "الذين", "ممثله", "ممثلة"):
        return True
    m = ctx.mention_at.get(a)
    return m is not None and m.last + 1 >= b


def _role_tail(ctx: DocContext, k: int, limit: int) -> int:
    """End of a role's complement: المتحدث [باسم القائد العام للقوات المسلحة في العراق]."""
    n = 0
    while k < limit and n < _ROLE_TAIL_MAX:
        m = ctx.mention_at.get(k)
        if m is not None:
            if m.label in ("PER", "PERS") and not _attached(ctx, m):
                break
            k = m.last + 1
        elif ctx.kinds[k] == "word":
            w = ctx.norms[k]
            if w in COMPLEMENTIZERS:
                break
            cls = ctx.sclass(k)
            if cls in ("title", "descriptor"):
                break
            if ctx.is_definite(k) or w in ("باسم", "بأسم") or ctx.has_proclitic(k, "لب") or cls == "role":
                k += 1
            elif w in ("في", "ل") and k + 1 < limit and (ctx.is_definite(k + 1) or ctx.mention_at.get(k + 1)):
                k += 1
            elif n == 0:
                k += 1           # the noun a role governs: مدير مستشفى …، وزير خارجية …
            else:
                break
        elif ctx.kinds[k] == "punct" and ctx.char(k) in '"«»“”':
            k += 1
        else:
            break
        n += 1
    return k


def forward_subject(ctx: DocContext, i: int, limit: int, stop: frozenset[int] = frozenset(),
                    particles: tuple[str, ...] = ()) -> tuple[Subject | None, int, list[str]]:
    """Read the speaker phrase that starts at token i (verb-first clause).

    Returns (subject or None when the slot is empty, the first token after the speaker phrase and
    its adverbials, the time ids met on the way). `stop` holds token indices that open the content.
    """
    k = i
    subj: Subject | None = None
    times: list[str] = []

    def grow(a: int, b: int) -> None:
        nonlocal subj
        if subj is None:
            subj = Subject("unknown", a, a, b)
        subj.first = min(subj.first, a)
        subj.last = max(subj.last, b)

    while k < limit and k not in stop:
        kind = ctx.kinds[k]
        w = ctx.norms[k]
        if kind == "word" and w in COMPLEMENTIZERS:
            break
        if kind == "punct":
            ch = ctx.char(k)
            if ch == ":":
                break
            if ch in "،,":
                nxt = k + 1
                j = nxt
                while j < limit and j < nxt + _APPOSITION_MAX and j not in stop and not ctx.is_comma(j) \
                        and not (ctx.kinds[j] == "word" and ctx.norms[j] in COMPLEMENTIZERS) and ctx.char(j) != ":":
                    j += 1
                if j < limit and j < nxt + _APPOSITION_MAX and _segment_is_apposition(ctx, nxt, j) and (subj or j > nxt):
                    sub, _, t = forward_subject(ctx, nxt, j, stop, particles)
                    times.extend(t)
                    if sub is not None and subj is not None and sub.head in ("mention", "role") \
                            and (sub.mentions or sub.role):
                        subj.mentions.extend(sub.mentions)
                        if subj.role is None and sub.role is not None:
                            subj.role = sub.role
                        grow(sub.first, sub.last)
                    elif sub is not None and subj is None:
                        subj = sub
                    k = j + 1 if j < limit and ctx.is_comma(j) else j
                    continue
                break
            end = _bracket_end(ctx, k, limit)
            if end is not None and subj is not None:
                for t in range(k, end):
                    if t in ctx.time_at and ctx.time_at[t][0] not in times:
                        times.append(ctx.time_at[t][0])
                k = end
                continue
            if ch in '"«“' and subj is not None and subj.head in ("role", "anaphor", "unknown") and k == subj.last + 1:
                # a quoted organisation name inside the speaker phrase: منظمة "…"
                q = ctx.quotation_at(ctx.clause_of(k).paragraph, ctx.starts[k]) if ctx.clause_of(k) else None
                if q is not None and len(ctx.text[q[0]:q[1]].split()) <= 6:
                    j = k + 1
                    while j < limit and ctx.starts[j] < q[1] + 1:
                        j += 1
                    grow(k, j - 1)
                    k = j
                    continue
            break
        if k in ctx.time_at:
            tid, last = ctx.time_at[k]
            if tid not in times:
                times.append(tid)
            k = last + 1
            continue
        if particles and k > i and _is_particle(ctx, k, particles):
            break
        m = ctx.mention_at.get(k)
        if m is not None:
            pre = _attached(ctx, m)
            if pre and pre[-1:] in "لبك" or (k > i and ctx.norms[k - 1] in PREPOSITIONS):
                if subj is None:
                    break                      # an adverbial first: the speaker is not written here
                if subj.head == "document" and not subj.owner:
                    subj.owner.append(m)
                    grow(k, m.last)
                elif subj.head == "role":
                    grow(k, m.last)
                k = m.last + 1
                continue
            if subj is None or subj.head in ("role", "unknown") and subj.last == k - 1 or \
                    subj.head == "mention" and subj.last == k - 1:
                if subj is None:
                    subj = Subject("mention", k, k, m.last)
                elif subj.head == "unknown":
                    subj.head, subj.head_index = "mention", k
                subj.mentions.append(m)
                grow(k, m.last)
                k = m.last + 1
                continue
            if subj is not None and subj.head in ("mention", "role", "anaphor", "unknown") and \
                    m.label in ("PER", "PERS") and k - subj.last <= 2:
                subj.mentions.append(m)
                grow(k, m.last)
                k = m.last + 1
                continue
            break
        if kind != "word":
            break
        cls = ctx.sclass(k)
        if cls in ("title", "descriptor", "quantifier"):
            grow(k, k)
            k += 1
            continue
        if _is_prep(ctx, k):
            if subj is None:
                break
            k = _pp_end(ctx, k, limit)
            continue
        if cls == "role":
            if subj is None or subj.head == "unknown" and subj.mentions == []:
                subj = subj or Subject("role", k, k, k)
                subj.head, subj.head_index = "role", k
            end = _role_tail(ctx, k + 1, limit)
            if subj.role is None:
                subj.role = (k, end - 1)
            grow(k, end - 1)
            k = end
            continue
        if subj is not None and subj.head != "unknown":
            break                                  # the speaker phrase is complete
        if cls in ("unnamed", "group", "honorific", "document"):
            subj = Subject(cls, k, k, k)
            k += 1
            while k < limit and k not in stop and ctx.kinds[k] == "word" and ctx.norms[k] not in COMPLEMENTIZERS \
                    and ctx.mention_at.get(k) is None and not _is_prep(ctx, k) and k - subj.head_index < 4 \
                    and not (particles and _is_particle(ctx, k, particles)) and cls != "honorific":
                if cls == "document" and ctx.has_proclitic(k, "ل"):
                    break
                grow(k, k)
                k += 1
            continue
        if subj is None and ctx.is_definite(k) and cls == "orghead":
            subj = Subject("anaphor", k, k, k)
            k += 1
            while k < limit and ctx.kinds[k] == "word" and ctx.is_definite(k) and ctx.mention_at.get(k) is None \
                    and ctx.norms[k] not in COMPLEMENTIZERS and k - subj.head_index < 3:
                grow(k, k)
                k += 1
            continue
        if subj is None:
            subj = Subject("unknown", k, k, k)
            k += 1
            continue
        break
    return subj, k, times


def _is_particle(ctx: DocContext, k: int, particles: tuple[str, ...]) -> bool:
    w = ctx.norms[k]
    if w in particles:
        return True
    if "ب" in particles and ctx.has_proclitic(k, "ب"):
        m = ctx.mention_at.get(k)
        return m is None or m.label not in ("LOC", "GPE")
    return False


def skip_adverbials(ctx: DocContext, k: int, limit: int, stop: frozenset[int] = frozenset()) -> tuple[int, list[str]]:
    """Skip times, prepositional phrases, brackets and commas from token k."""
    times: list[str] = []
    while k < limit and k not in stop:
        if k in ctx.time_at:
            tid, last = ctx.time_at[k]
            times.append(tid)
            k = last + 1
        elif ctx.kinds[k] == "punct" and ctx.char(k) in "،,":
            k += 1
        elif ctx.kinds[k] == "punct" and _bracket_end(ctx, k, limit):
            k = _bracket_end(ctx, k, limit)
        elif ctx.kinds[k] == "word" and _is_prep(ctx, k) and ctx.norms[k] not in ("على", "عن", "الي", "من"):
            k = _pp_end(ctx, k, limit)
        else:
            break
    return k, times


def backward_subject(ctx: DocContext, cue: int, first: int) -> Subject | None:
    """The speaker written before its verb (``لكن روسيا قالت``, ``وكان التحالف قد أعلن``), or None.

    Walks back from the token before the cue over names, roles, appositions and ``قد`` to the start
    of the clause (sentence start or a connective such as لكن، أما، كان، إلا أن).
    """
    k = cue - 1
    while k >= first and ctx.norms[k] in ("قد", "فقد", "لقد"):
        k -= 1
    if k < first or ctx.kinds[k] == "punct" and ctx.char(k) in "،,:.":
        return None
    last = k
    mentions: list[MentionRef] = []
    head = None
    role = None
    while k >= first:
        m = ctx.mention_at.get(k)
        if m is not None:
            pre = _attached(ctx, m)
            if pre.endswith(("ل", "ب")):
                k = m.first - 1
                continue
            mentions.insert(0, m)
            head = ("mention", m.first)
            k = m.first - 1
            if pre[:1] in ("و", "ف") and len(pre) == 1 and m.first > first and ctx.norms[m.first - 1] not in CONNECTIVES:
                continue
            continue
        kind = ctx.kinds[k]
        w = ctx.norms[k]
        if kind == "punct":
            if ctx.char(k) in '،,"«»“”()':
                k -= 1
                continue
            return None
        if w in CONNECTIVES or w in ("ان", "الا"):
            break
        cls = ctx.sclass(k)
        if cls in ("unnamed", "group", "role", "title", "descriptor", "quantifier"):
            if cls in ("unnamed", "group", "role"):
                head = (cls, k)
                if cls == "role":
                    role = (k, last)
            k -= 1
            continue
        if ctx.is_definite(k) or w in ("في", "باسم") or ctx.has_proclitic(k, "لب"):
            k -= 1
            continue
        if k == first:
            break
        return None
    if head is None:
        return None
    start = k + 1
    while start <= last and ctx.kinds[start] == "punct":
        start += 1
    if start < first:
        start = first
    sub = Subject(head[0], head[1], start, last, mentions, role)
    if mentions and head[0] != "mention":
        if any(m.label in ("PER", "PERS") for m in mentions):
            sub.head = "mention"
    return sub
