"""The speaker slot of a reporting clause: a shallow, lexicon-driven reading of the words between a
cue and what was said (or before a cue, when the speaker comes first).

The reader walks tokens and sorts them into the speaker's noun phrase (titles, roles, names,
appositions between commas) and adverbials that are not the speaker (times, ``في بيان``,
``لرويترز``, ``في مقابلة مع …``). It returns a `Subject` that names the head of the phrase and the
mentions inside it; linking that to an entity is `speakers.py`'s job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..resources import gazetteers as gz
from ..text.clitics import COMMON, RARE, known
from .context import DocContext, MentionRef
from .lexicon import (ADVERBS, COMPLEMENTIZERS, CONNECTIVES, NAME_BREAKERS, ORG_ADJECTIVES, PREPOSITIONS,
                      TWO_WORD_ADVERBS)

__all__ = ["Subject", "backward_subject", "forward_subject", "is_prep", "pp_end", "role_tail", "skip_adverbials"]

_APPOSITION_MAX = 16
_BRACKETS = {"(": ")", "-": "-", "–": "–", "—": "—", "[": "]"}
_PER = ("PER", "PERS")
_OPEN_QUOTES = '"«“'


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
    owner_word: int | None = None           # a short organization name owning a document (للهيئة)
    honorific: int | None = None            # token of سموه، معاليه … inside the phrase
    entity: str | None = None               # an entity named by the phrase without a mention of it
    unnamed_name: tuple[int, int] | None = None   # words after a title that no mention covers
    quoted_name: tuple[int, int] | None = None    # a name in quotation marks that no mention covers

    def span(self, ctx: DocContext) -> tuple[int, int]:
        return ctx.starts[self.first], ctx.ends[self.last]


def _attached(ctx: DocContext, m: MentionRef) -> str:
    """The proclitic letters written before a mention inside its first token ('' if none)."""
    return ctx.text[ctx.starts[m.first]:m.start]


def _after_prep(ctx: DocContext, m: MentionRef) -> bool:
    pre = _attached(ctx, m)
    if not pre and m.start == ctx.starts[m.first] and ctx.has_proclitic(m.first, "لب") \
            and not ctx.is_definite(m.first) and not _own_letter(ctx, m):
        return True                                     # a mention that kept its preposition: لبي بي سي
    return pre[-1:] in ("ل", "ب", "ك") or m.first > 0 and ctx.norms[m.first - 1] in PREPOSITIONS


def _own_letter(ctx: DocContext, m: MentionRef) -> bool:
    """Is the first letter of the mention's first word the name's own, not a preposition: the
    word stands inside another mention of its entity (بانو in سابرا بانو)?"""
    word = ctx.text[m.start:ctx.ends[m.first]]
    return any(o.entity == m.entity and o.first != m.first and word in ctx.text[o.start:o.end].split()[1:]
               for o in ctx.mentions)


def is_prep(ctx: DocContext, i: int) -> bool:
    """Does token i open a prepositional or adverbial phrase (في، لـ، بالرباط، للمسؤولين، أمس)?"""
    if ctx.kinds[i] != "word":
        return False
    if ctx.norms[i] in PREPOSITIONS:
        return True
    return ctx.has_proclitic(i, "لب") and ctx.mention_at.get(i) is None and ctx.sclass(i) not in ("role", "title")


def _short_quotation(ctx: DocContext, k: int, limit: int) -> int | None:
    """If token k opens a short quotation (a name: منظمة "…"), the token after its closing mark."""
    if ctx.kinds[k] != "punct" or ctx.char(k) not in _OPEN_QUOTES:
        return None
    c = ctx.clause_of(k)
    q = ctx.quotation_at(c.paragraph, ctx.starts[k]) if c else None
    if q is None:
        return None
    if len(ctx.text[q[0]:q[1]].split()) > 6:
        named = sum(m.end - m.start for m in ctx.mentions if q[0] <= m.start and m.end <= q[1])
        if named < 0.6 * (q[1] - q[0]):
            return None
    j = k + 1
    while j < limit and ctx.starts[j] <= q[1]:
        j += 1
    return j if j < limit else None


def _opens_genitive(ctx: DocContext, i: int, first: bool = False) -> bool:
    """Does the word at i take the next word into its phrase whatever its form: a preposition, the
    head of an organization's name (بشركة [صلة] الرياضية), inside a phrase a noun after ب or ل
    without the article (… والمنظمة لمباراة [كأس] السوبر; not the phrase's first word, which may
    be a cue's own particle and what was said: دعا لتدخل دولي)?"""
    if ctx.norms[i] in PREPOSITIONS:
        return True
    return ctx.kinds[i] == "word" and not ctx.is_definite(i) and (
        ctx.sclass(i) == "orghead" or not first and ctx.has_proclitic(i, "بل"))


def pp_end(ctx: DocContext, i: int, limit: int, particles: tuple[str, ...] = ()) -> int:
    """End (exclusive) of a prepositional or adverbial phrase starting at token i:
    ``في مقابلة مع التلفزيون الرسمي``، ``من خلال تغريدة له عبر حسابه على "تويتر"``."""
    k = i + 1
    if ctx.norms[i] in ADVERBS:
        return k
    if ctx.norms[i] in TWO_WORD_ADVERBS:
        return min(k + 1, limit) if k < limit and ctx.kinds[k] == "word" else k
    take_one = _opens_genitive(ctx, i, first=True)
    n = 0
    while k < limit and n < 10:
        if particles and (ctx.norms[k] in particles or "ب" in particles and ctx.has_proclitic(k, "ب")):
            break
        m = ctx.mention_at.get(k)
        q = _short_quotation(ctx, k, limit)
        if m is not None:
            k = m.last + 1
        elif k in ctx.time_at:
            k = ctx.time_at[k][1] + 1
        elif q is not None:
            k = q
        elif ctx.kinds[k] != "word" or ctx.norms[k] in COMPLEMENTIZERS:
            break
        elif take_one or ctx.is_definite(k) or is_prep(ctx, k) or ctx.norms[k] in ("نت",):
            take_one = _opens_genitive(ctx, k) and ctx.norms[k] not in ADVERBS
            k += 1
            n += 1
            continue
        else:
            break
        take_one = False
        n += 1
    return k


def _is_particle(ctx: DocContext, k: int, particles: tuple[str, ...]) -> bool:
    """Is token k one of the cue's particles (إلى، على، عن، or ب written on the word)?"""
    if ctx.kinds[k] != "word":
        return False
    if ctx.norms[k] in particles:
        return True
    if "ب" in particles and ctx.has_proclitic(k, "ب") and ctx.norms[k] not in PREPOSITIONS:
        m = ctx.mention_at.get(k)
        return m is None or m.label not in ("LOC", "GPE")
    return False


def _quoted_name(ctx: DocContext, k: int, limit: int) -> int | None:
    """Token k opens a quotation of at most ten words that the clause goes on after (a name written
    in quotation marks, not what was said): the token after its closing mark."""
    c = ctx.clause_of(k)
    q = ctx.quotation_at(c.paragraph, ctx.starts[k]) if c else None
    if q is None or not 1 <= len(ctx.text[q[0]:q[1]].split()) <= 10:
        return None
    j = k + 1
    while j < limit and ctx.starts[j] <= q[1]:
        j += 1
    if j >= limit or ctx.kinds[j] == "punct" and ctx.char(j) in ".!?؟:":
        return None
    return j


def _bracket_end(ctx: DocContext, i: int, limit: int) -> int | None:
    close = _BRACKETS.get(ctx.char(i))
    if close is None:
        return None
    for k in range(i + 1, min(limit, i + 10)):
        if ctx.kinds[k] == "punct" and ctx.char(k) == close:
            return k + 1
    return None


RELATIVE_OPENERS = frozenset(("الذي", "التي", "الذين"))


def _opens_apposition(ctx: DocContext, a: int) -> bool:
    """Can the words after a comma continue the speaker phrase (a name, role, title, time, place)?"""
    m = ctx.mention_at.get(a)
    if m is not None and m.label in _PER:
        return True
    if ctx.sclass(a) in ("role", "title", "descriptor"):
        return True
    if a in ctx.time_at or is_prep(ctx, a):
        return True
    return ctx.norms[a] in ("وهو", "وهي") or ctx.norms[a] in RELATIVE_OPENERS


def role_tail(ctx: DocContext, k: int, limit: int, particles: tuple[str, ...] = ()) -> int:
    """End of a role's complement: المتحدث [باسم القائد العام للقوات المسلحة في العراق]، رئيس [مجلس
    إدارة شركة …]: first indefinite nouns of a construct chain (after an indefinite head only: الوزير
    [أهمية] التعاون is no role), then definite words and names."""
    construct = not (k > 0 and ctx.kinds[k - 1] == "word" and ctx.is_definite(k - 1))
    start = k
    after_l = False
    n = run = 0
    while k < limit and n < 14:
        m = ctx.mention_at.get(k)
        q = _short_quotation(ctx, k, limit)
        if m is not None:
            if m.label in _PER and not _attached(ctx, m):
                break
            k = m.last + 1
            construct = False
        elif q is not None:
            k = q
            construct = False
        elif ctx.kinds[k] == "word":
            w = ctx.norms[k]
            cls = ctx.sclass(k)
            if w in COMPLEMENTIZERS or cls in ("title", "descriptor", "honorific") or w in PREPOSITIONS \
                    and w not in ("في", "ل", "عن") or w in particles:
                break
            if ctx.is_definite(k) or w in ("باسم", "بأسم") or ctx.has_proclitic(k, "ل") or cls in ("role", "orghead"):
                construct = cls == "role" and not ctx.is_definite(k) or construct and not ctx.is_definite(k)
                run = 0
                after_l = ctx.has_proclitic(k, "ل") and not ctx.is_definite(k)
                k += 1
            elif after_l:
                after_l = False
                k += 1                 # لسوق [عكاظ]: the noun after an indefinite ل-noun
            elif w in ("في", "ل", "عن") and k + 1 < limit and (ctx.is_definite(k + 1) or ctx.mention_at.get(k + 1)
                                                              or k == start and not construct
                                                              or _construct_pair(ctx, k + 1, limit)):
                construct = True       # (right after a definite head, a chain: المستثمر في [قطاع] الإسكان)
                k += 1                 # عضو لجنة … [في البرلمان]، النائب [عن ائتلاف الوطنية]
            elif construct and run < 4:
                run += 1
                k += 1                 # مدير مستشفى …، وزير خارجية …، رئيس مجلس إدارة شركة …
                n += 1
                continue
            else:
                break
        else:
            break
        n += 1
    return k


def _construct_pair(ctx: DocContext, k: int, limit: int) -> bool:
    """An indefinite noun and the definite noun it heads (في [قطاع الإسكان]), no time among them."""
    return k + 1 < limit and ctx.kinds[k] == "word" and ctx.kinds[k + 1] == "word" and not ctx.is_definite(k) \
        and ctx.is_definite(k + 1) and k not in ctx.time_at and k + 1 not in ctx.time_at and ctx.sclass(k) is None




def _common_feminine_noun(ctx: DocContext, k: int) -> bool:
    """Is the word at k a common noun written with ة (أهمية، ضرورة، مواصلة), not a woman's first
    name (هالة، فاطمة): what a verb of saying stresses after a titled speaker (وأكد الرئيس المصري
    [أهمية] التعاون), not the beginning of the speaker's name?"""
    word = ctx.text[ctx.starts[k]:ctx.ends[k]]
    w = ctx.norms[k]
    return word.endswith("ة") and known(w) >= COMMON and "PER_FIRST" not in gz.lookup(w, clitics=False)


def _unrecognized_name(ctx: DocContext, k: int, limit: int, stop: frozenset[int], particles: tuple[str, ...],
                       subj: Subject) -> int:
    """After a title (الدكتور، المهندس، اللواء) a name the tagger did not mark: up to three words
    that are not names already, lexicon words, prepositions, particles or complementizers. They
    join the speaker phrase (head ``name``), so the source span stays right."""
    n = 0
    while k < limit and n < 3 and k not in stop and ctx.kinds[k] == "word" and ctx.mention_at.get(k) is None:
        w = ctx.norms[k]
        if w in COMPLEMENTIZERS or w in NAME_BREAKERS or ctx.sclass(k) is not None or is_prep(ctx, k) \
                or particles and _is_particle(ctx, k, particles) or n == 0 and ctx.is_definite(k) \
                or _common_feminine_noun(ctx, k):
            break
        n += 1
        k += 1
    if n:
        subj.last = max(subj.last, k - 1)
        subj.unnamed_name = (k - n, k - 1)
        if subj.head == "unknown":
            subj.head, subj.head_index = "name", k - n
    return k


def _name_after_role(ctx: DocContext, k: int, limit: int, stop: frozenset[int], particles: tuple[str, ...],
                     subj: Subject) -> int:
    """``المتحدث باسم الجمعية [رائد النمس] إن``، ``رئيسة البعثة، [سابرا بانو]، …``: one to three plain
    words right after a role, closed by a comma, a colon, a complementizer or the cue's particle
    (حذر رئيس الجمعية [كمال عواملة] من …), are a name the tagger did not mark."""
    a = k + 1 if k < limit and ctx.is_comma(k) else k
    b = a
    people = []
    while b < limit and b - a < 4 and b not in stop and ctx.kinds[b] == "word":
        m = ctx.mention_at.get(b)
        if m is not None:
            if m.label not in _PER:
                break
            people.append(m)                  # part of the name is tagged: سابرا [بانو]
            b = m.last + 1
            continue
        w = ctx.norms[b]
        if w in COMPLEMENTIZERS or w in NAME_BREAKERS or ctx.sclass(b) is not None or b in ctx.time_at \
                or b == a and (ctx.is_definite(b) or particles and _is_particle(ctx, b, particles)
                               or ctx.has_proclitic(b, "بلك")):
            break                             # (المكلفة [بملاحظة] الانتخابات، …: the role goes on)
        b += 1
    if not people:
        u = _rare_words_end(ctx, a, b)
        if u is not None:
            b = u                             # المتحدث باسم الكرملين [دميتري بيسكوف] وجود …
            subj.unnamed_name = (a, b - 1)
            subj.last = max(subj.last, b - 1)
            return b
    if not 1 <= b - a <= 4 or b >= limit or people and len(people) * 1 == b - a:
        return k
    c = b
    if c in ctx.time_at or ctx.norms[c] in NAME_BREAKERS and ctx.is_definite(c):
        c = ctx.time_at[c][1] + 1 if c in ctx.time_at else c + 1      # جويس مسويا [السبت]،
    closes = c < limit and (ctx.is_comma(c) or ctx.kinds[c] == "punct" and ctx.char(c) == ":"
                            or ctx.norms[c] in COMPLEMENTIZERS
                            or particles and _is_particle(ctx, c, particles))     # حذر رئيس الجمعية X [من] …
    if not closes:
        return k
    subj.unnamed_name = (a, b - 1)
    subj.mentions.extend(m for m in people if m not in subj.mentions)
    subj.last = max(subj.last, b - 1)
    return b + 1 if ctx.is_comma(b) else b




def _rare_words_end(ctx: DocContext, a: int, b: int) -> int | None:
    """The end of two or three words from token a that rasd's lexicon has (almost) never seen,
    with no article or proclitic, before a common word within [a, b]: a foreign name the tagger
    did not know (دميتري بيسكوف)."""
    u = a
    while u < b and u - a < 3 and not ctx.is_definite(u) and not ctx.tokens[u].segments \
            and known(ctx.norms[u]) <= RARE and len(ctx.norms[u]) >= 3:
        u += 1
    if u - a < 2 or u >= b or known(ctx.norms[u]) < COMMON:
        return None
    return u


def _parenthesis_end(ctx: DocContext, k: int, limit: int, stop: frozenset[int]) -> int | None:
    """The comma that closes an adverbial set off by commas from token k (، في رسالة بعث بها
    السبت إلى …،), when one does within 30 tokens and nothing that opens what was said comes first."""
    for j in range(k, min(limit, k + 30)):
        if j in stop or ctx.kinds[j] == "word" and ctx.norms[j] in COMPLEMENTIZERS:
            return None
        if ctx.kinds[j] == "punct":
            if ctx.is_comma(j):
                return j if j > k + 1 else None
            if ctx.char(j) not in "()-–":
                return None
    return None


def _conjunct_subject_end(ctx: DocContext, k: int, limit: int) -> int | None:
    """The end of a second subject joined by و at token k: a name (وإيران), a head and a name
    (وشركة [الخطوط السعودية]), or unnamed people and their genitive (ومسؤولو المستشفيات)."""
    if ctx.kinds[k] != "word" or not ctx.has_proclitic(k, "و"):
        return None
    m = ctx.mention_at.get(k)
    if m is not None:
        return m.last + 1 if m.first == k and m.label in _PER + ("ORG", "LOC", "GPE") else None
    cls = ctx.sclass(k)
    if cls == "orghead" and k + 1 < limit and (m := ctx.mention_at.get(k + 1)) is not None and m.first == k + 1:
        return m.last + 1
    if cls in ("unnamed", "group"):
        j = k + 1
        while j < limit and j - k <= 3 and ctx.kinds[j] == "word" and ctx.is_definite(j) \
                and ctx.mention_at.get(j) is None and ctx.norms[j] not in COMPLEMENTIZERS:
            j += 1
        return j
    return None


def _another_person(ctx: DocContext, k: int, limit: int) -> bool:
    """Is the title or role at token k, with at most four more titles, roles or definite words,
    that of a person named right after them (الرئيس الأمريكي [دونالد ترامب])?"""
    for t in range(k + 1, min(k + 6, limit)):
        m = ctx.mention_at.get(t)
        if m is not None:
            return m.label in _PER
        if ctx.kinds[t] != "word" or not (ctx.sclass(t) in ("title", "role", "descriptor") or ctx.is_definite(t)):
            return False
    return False


def forward_subject(ctx: DocContext, i: int, limit: int, stop: frozenset[int] = frozenset(),
                    particles: tuple[str, ...] = (), introduced: bool = False,
                    object_next: bool = False) -> tuple[Subject | None, int, list[str]]:
    """Read the speaker phrase that starts at token i (verb-first clause). With `object_next` (a
    verb that takes a noun object), a second person named after the speaker is that object.

    Returns (the subject, or None when the slot starts with an adverbial or an opener; the first token
    after the speaker phrase and its appositions; the time ids met on the way). `stop` holds token
    indices of other cues; `particles` are the cue's particles, which end the phrase.
    """
    k = i
    subj: Subject | None = None
    times: list[str] = []
    if i + 1 < limit and ctx.is_comma(i) and (m := ctx.mention_at.get(i + 1)) is not None \
            and m.first == i + 1 and m.label in _PER + ("ORG",):
        k = i + 1                          # وقال، تيدروس أدهانوم غبرييسوس، في منشور …: a stray comma

    def grow(a: int, b: int, head: str = "unknown") -> Subject:
        nonlocal subj
        if subj is None:
            subj = Subject(head, a, a, b)
        subj.first = min(subj.first, a)
        subj.last = max(subj.last, b)
        return subj

    while k < limit and k not in stop:
        kind = ctx.kinds[k]
        w = ctx.norms[k]
        if kind == "word" and w in COMPLEMENTIZERS:
            break
        if object_next and subj is not None and (subj.mentions or subj.head in ("unnamed", "group")) \
                and subj.last == k - 1 \
                and (end := _conjunct_subject_end(ctx, k, limit)) is not None:
            grow(k, end - 1)                    # ونفت حماس [ومسؤولو المستشفيات] الاتهامات: both did
            k = end
            continue
        if kind == "punct":
            ch = ctx.char(k)
            if ch == "." and subj is not None and k == subj.last + 1 and ctx.sclass(k - 1) == "title":
                k += 1                                  # د. فراس إلياس
                continue
            if ch in "،," and subj is not None:
                nxt = k + 1
                if nxt < limit and particles and _is_particle(ctx, nxt, particles):
                    break
                if nxt < limit and _opens_apposition(ctx, nxt):
                    j = nxt
                    relative = ctx.norms[nxt] in RELATIVE_OPENERS     # (its own أن: الذي سبق له أن زار …)
                    while j < limit and j < nxt + _APPOSITION_MAX and j not in stop and not ctx.is_comma(j) \
                            and not (ctx.kinds[j] == "word" and ctx.norms[j] in COMPLEMENTIZERS and not relative) \
                            and ctx.char(j) != ":":
                        j += 1
                    closed = j < limit and j < nxt + _APPOSITION_MAX and j not in stop
                    if closed:
                        sub, _, t = forward_subject(ctx, nxt, j, stop, particles)
                        times.extend(t)
                        if sub is not None and sub.head == "name" and not any(m.label in _PER for m in subj.mentions):
                            subj.unnamed_name = (sub.head_index, sub.last)   # اللواء [يحيى رسول] untagged
                            grow(sub.first, sub.last)
                        elif sub is not None and (sub.mentions or sub.role):
                            for m in sub.mentions:
                                if m.label in _PER or subj.head != "mention":
                                    subj.mentions.append(m)
                            if subj.role is None and sub.role is not None:
                                subj.role = sub.role
                            grow(sub.first, sub.last)
                        k = j + 1 if ctx.is_comma(j) else j
                        continue
                    if is_prep(ctx, nxt) or nxt in ctx.time_at:
                        close = _parenthesis_end(ctx, nxt, limit, stop)
                        k = close + 1 if close is not None else nxt
                        continue
                break
            end = _bracket_end(ctx, k, limit)
            if end is not None and subj is not None:
                for t in range(k, end):
                    if t in ctx.time_at and ctx.time_at[t][0] not in times:
                        times.append(ctx.time_at[t][0])
                k = end
                continue
            q = _short_quotation(ctx, k, limit)
            if q is None and ch in _OPEN_QUOTES and (subj is None and k == i or subj is not None
                                                     and subj.last == k - 1 and subj.head in ("unknown", "document")):
                q = _quoted_name(ctx, k, limit)        # أوصى "التحالف من أجل …" باختيار …
            if q is not None and (subj is None and k == i and (any(ctx.mention_at.get(t) for t in range(k + 1, q))
                                                               or _quoted_name(ctx, k, limit))
                                  or subj is not None and subj.last == k - 1
                                  and subj.head in ("unknown", "anaphor", "role", "document")
                                  and not any(m.label in _PER for m in subj.mentions)):
                # (a role and a person's name, then a quotation: that is what was said)
                inner = [ctx.mention_at[t] for t in range(k + 1, q) if ctx.mention_at.get(t)]
                if subj is not None and subj.head == "document":
                    subj.owner.extend(m for m in inner if m not in subj.owner)
                    if not inner:
                        subj.quoted_name = (k + 1, q - 2)
                    grow(k, q - 1)
                    k = q
                    continue
                sub = grow(k, q - 1, "mention" if inner else "unknown")
                for m in inner:
                    if m not in sub.mentions:
                        sub.mentions.append(m)
                if inner and sub.head in ("unknown", "anaphor"):
                    sub.head, sub.head_index = "mention", inner[0].first
                elif not inner:
                    sub.quoted_name = (k + 1, q - 2)
                k = q
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
        if m is not None and m.first == m.last and ctx.sclass(k) in ("unnamed", "group", "role", "title", "kin"):
            m = None                                    # a tagger's guess on a common word (مبتكرو، الوزير)
        if m is not None:
            if _after_prep(ctx, m) and not (introduced and k == i):
                if subj is None:
                    break                      # an adverbial first: the speaker is not written here
                if subj.head == "document" and not subj.owner:
                    subj.owner.append(m)
                    grow(k, m.last)
                elif subj.head == "role" and k == subj.last + 1:
                    grow(k, m.last)
                k = m.last + 1
                continue
            if subj is not None and subj.head == "document" and not subj.owner and subj.last >= k - 1:
                subj.owner.append(m)                    # تقرير [وزارة الصحة]
                grow(k, m.last)
                k = m.last + 1
                continue
            joins = subj is not None and subj.last >= k - 1 and (
                subj.head in ("role", "unknown") or subj.head == "mention" and m.label in _PER
                and not any(x.label in _PER for x in subj.mentions))
            if subj is None or joins or m.label in _PER and k - subj.last <= 2 and subj.head != "mention":
                if subj is None:
                    subj = Subject("mention", k, k, m.last)
                elif subj.head in ("unknown", "anaphor"):
                    subj.head, subj.head_index = "mention", k
                subj.mentions.append(m)
                grow(k, m.last)
                k = m.last + 1
                continue
            break
        if kind != "word":
            break
        cls = ctx.sclass(k)
        if object_next and cls in ("title", "descriptor", "role") and subj is not None and subj.last == k - 1 \
                and any(x.label in _PER for x in subj.mentions) and _another_person(ctx, k, limit):
            break                           # هنأ الأمير X [الرئيس الأمريكي Y]: another person, the object
        if cls in ("title", "descriptor", "quantifier") or cls == "orghead" and not ctx.is_definite(k) \
                and not ctx.has_proclitic(k, "لب") and (subj is None or subj.last == k - 1):
            grow(k, k)
            k += 1
            if cls == "quantifier" and k + 1 < limit and ctx.norms[k] == "من" \
                    and ctx.sclass(k + 1) in ("unnamed", "group"):
                grow(k, k)                          # عدد [من] المواطنين
                k += 1
            if cls in ("title", "descriptor") and subj.head == "unknown" and not subj.mentions:
                k = _unrecognized_name(ctx, k, limit, stop, particles, subj)
            continue
        if cls == "honorific" and (subj is None or subj.head in ("document", "unknown")):
            sub = grow(k, k, "honorific")
            if sub.head == "unknown":
                sub.head, sub.head_index = "honorific", k
            sub.honorific = k
            k += 1
            while k < limit and ctx.kinds[k] == "word" and ctx.is_definite(k) and ctx.mention_at.get(k) is None \
                    and ctx.norms[k] not in COMPLEMENTIZERS and ctx.sclass(k) is None:
                k += 1                          # سموه الكريم
            continue
        if is_prep(ctx, k):
            if subj is None:
                if w in ADVERBS and w not in ("له", "لها", "لهم", "فيه", "فيها"):
                    k += 1                          # وقال أمس وزير الخارجية …
                    continue
                break
            if subj.head == "document" and subj.owner_word is None and ctx.has_proclitic(k, "ل") \
                    and ctx.sclass(k) == "orghead":
                subj.owner_word = k
                grow(k, k)
                k += 1
                continue
            k = pp_end(ctx, k, limit, particles)
            continue
        if cls == "role":
            if subj is None or subj.head == "unknown" and not subj.mentions:
                sub = subj or Subject("role", k, k, k)
                sub.head, sub.head_index = "role", k
                subj = sub
            end = role_tail(ctx, k + 1, limit, particles)
            if subj.role is None:
                subj.role = (k, end - 1)
            grow(k, end - 1)
            k = end
            if not subj.mentions:
                k = _name_after_role(ctx, k, limit, stop, particles, subj)
            continue
        if subj is not None and subj.head in ("unknown", "role") and subj.last == k - 1 and ctx.is_definite(k) \
                and any(ctx.mention_at.get(t) is not None and ctx.mention_at[t].label in _PER
                        for t in range(k + 1, min(limit, k + 3))):
            grow(k, k)                              # الناشط [المدني] جلال الشحماني
            k += 1
            continue
        if subj is not None and subj.head != "unknown":
            if subj.head == "document" and subj.owner_word is None and ctx.has_proclitic(k, "ل") \
                    and ctx.sclass(k) == "orghead":
                subj.owner_word = k
                grow(k, k)
                k += 1
                continue
            break                                  # the speaker phrase is complete
        if subj is not None and subj.head == "unknown" and subj.last < k - 1:
            break
        if cls in ("unnamed", "group", "document", "kin"):
            subj = Subject(cls, k, k, k) if subj is None else subj
            subj.head, subj.head_index = cls, k
            grow(k, k)
            k += 1
            while k < limit and k not in stop and ctx.kinds[k] == "word" and ctx.norms[k] not in COMPLEMENTIZERS \
                    and ctx.mention_at.get(k) is None and not is_prep(ctx, k) and k - subj.head_index < 4 \
                    and not (particles and (ctx.norms[k] in particles or "ب" in particles and ctx.has_proclitic(k, "ب"))) \
                    and ctx.sclass(k) not in ("honorific",):
                if ctx.has_proclitic(k, "لب") or ctx.norms[k].startswith(("لل", "بال")):
                    break                           # مصدر أمني [لوكالة …]
                if cls == "document" and not ctx.is_definite(k) and k > subj.head_index + 1:
                    break
                if ctx.is_definite(subj.head_index) and ctx.is_definite(k) and ctx.norms[k].endswith("ات"):
                    break                           # وصف المصدر [المعلومات]: a plural noun, the object
                grow(k, k)
                k += 1
            continue
        if subj is None and ctx.is_definite(k) and cls == "orghead":
            subj = Subject("anaphor", k, k, k)
            k += 1
            while k < limit and ctx.kinds[k] == "word" and ctx.is_definite(k) and ctx.mention_at.get(k) is None \
                    and ctx.norms[k] not in COMPLEMENTIZERS and k - subj.head_index < 3 and ctx.sclass(k) is None \
                    and (ctx.norms[k].endswith(("ي", "يه")) or ctx.norms[k] in ORG_ADJECTIVES):
                grow(k, k)                          # الوزارة [الفلسطينية]، الأمانة [العامة]
                k += 1
            m = ctx.mention_at.get(k) if k < limit and ctx.has_proclitic(k, "ل") else None
            if m is not None and m.label == "ORG":
                subj.head, subj.head_index = "mention", k   # الأمانة العامة [لمنظمة التعاون الإسلامي]
                subj.mentions.append(m)
                grow(k, m.last)
                k = m.last + 1
            continue
        if subj is None:
            subj = Subject("unknown", k, k, k)
            k += 1
            continue
        break
    return subj, k, times


def skip_adverbials(ctx: DocContext, k: int, limit: int, stop: frozenset[int] = frozenset(),
                    particles: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    """Skip times, prepositional phrases, brackets and commas from token k."""
    times: list[str] = []
    set_off = False                     # a comma opened the phrase now read
    while k < limit and k not in stop:
        if k in ctx.time_at:
            tid, last = ctx.time_at[k]
            times.append(tid)
            k = last + 1
        elif ctx.kinds[k] == "punct" and ctx.char(k) in "،,":
            k += 1
            set_off = True
            continue
        elif ctx.kinds[k] == "punct" and _bracket_end(ctx, k, limit):
            k = _bracket_end(ctx, k, limit)
        elif ctx.kinds[k] == "word" and is_prep(ctx, k) and ctx.norms[k] not in particles \
                and not ("ب" in particles and ctx.has_proclitic(k, "ب")) \
                and (ctx.norms[k] in PREPOSITIONS or not ctx.has_proclitic(k, "ب")):
            end = pp_end(ctx, k, limit, particles)
            if set_off:
                end = _set_off_end(ctx, end, limit, stop) or end
            k = end
        else:
            break
        set_off = False
    return k, times


def _set_off_end(ctx: DocContext, k: int, limit: int, stop: frozenset[int]) -> int | None:
    """Where a phrase set off by commas ends, when the prepositional phrase read from its start
    stopped before its comma at token k (أعلنت، [في ختام اجتماع عقدته أمس بالرباط]، البدء …):
    the comma within eight words, with no cue, complementizer or quotation mark before it."""
    for t in range(k, min(k + 8, limit)):
        if t in stop or ctx.norms[t] in COMPLEMENTIZERS:
            return None
        if ctx.kinds[t] == "punct":
            return t if ctx.char(t) in "،," else None
    return None


def _plain_words_back(ctx: DocContext, k: int, first: int) -> int | None:
    """The first token of one to three plain words ending at k that open their clause (after its
    first token or a connective): no mention, article, و or lexicon class among them (other
    proclitics the segmenter finds in foreign names are not trusted: فيتالي)."""
    j = k
    while j >= first and k - j < 3 and ctx.kinds[j] == "word" and ctx.mention_at.get(j) is None \
            and ctx.sclass(j) is None and not ctx.is_definite(j) and not ctx.has_proclitic(j, "و") \
            and ctx.norms[j] not in CONNECTIVES and ctx.norms[j] not in COMPLEMENTIZERS:
        j -= 1
    if j == k:
        return None
    if j < first or ctx.norms[j] in CONNECTIVES or ctx.norms[j] in COMPLEMENTIZERS or ctx.norms[j] in ("وان", "الا"):
        return j + 1
    return None


def backward_subject(ctx: DocContext, cue: int, first: int) -> Subject | None:
    """The speaker written before its verb (``لكن روسيا قالت``, ``وكان التحالف قد أعلن``), or None.

    Walks back from the token before the cue over names, roles, appositions and ``قد`` to the start
    of the clause (sentence start or a connective such as لكن، أما، كان، إلا أن، وأن).
    """
    k = cue - 1
    while k >= first and ctx.norms[k] in ("قد", "فقد", "لقد"):
        k -= 1
    if k < first or ctx.kinds[k] == "punct" and ctx.char(k) not in '"»”)':
        return None
    last = k
    mentions: list[MentionRef] = []
    head = None
    role = None
    while k >= first:
        m = ctx.mention_at.get(k)
        if m is not None:
            if _attached(ctx, m)[-1:] in ("ل", "ب", "ك"):
                k = m.first - 1
                continue
            mentions.insert(0, m)
            head = ("mention", m.first)
            k = m.first - 1
            continue
        kind = ctx.kinds[k]
        w = ctx.norms[k]
        if kind == "punct":
            if ctx.char(k) in '،,"«»“”()':
                k -= 1
                continue
            break
        if w in CONNECTIVES or w in COMPLEMENTIZERS or w in ("وان", "الا"):
            break
        cls = ctx.sclass(k)
        if cls in ("unnamed", "group", "role", "title", "descriptor", "quantifier", "orghead"):
            if cls in ("unnamed", "group", "role"):
                head = (cls, k)
                if cls == "role":
                    role = (k, last)
            elif cls == "orghead" and ctx.is_definite(k) and head is None:
                head = ("anaphor", k)
            k -= 1
            continue
        if ctx.is_definite(k) or w in ("في", "باسم") or ctx.has_proclitic(k, "لب"):
            k -= 1
            continue
        if k > first and ctx.sclass(k - 1) in ("role", "unnamed"):
            k -= 1                    # an adjective of a role or source: داعية [بحريني]، مسؤولون [أمريكيون]
            continue
        if k > first and ctx.norms[k - 1] in ("في", "من", "عن") and last - k < 12:
            k -= 1                    # مسؤولون في [مجال] الصحة
            continue
        if role is not None and head[0] == "role" and k + 1 < cue and ctx.is_comma(k + 1):
            name = _plain_words_back(ctx, k, first)
            if name is not None:      # إلا أن [فيتالي تشوركين]، سفير روسيا … قال: a name no mention marks
                k = name - 1
                break
        return None
    if head is None:
        return None
    start = k + 1
    while start <= last and ctx.kinds[start] == "punct":
        start += 1
    sub = Subject(head[0], head[1], max(start, first), last, mentions, role)
    if mentions and any(m.label in _PER for m in mentions):
        sub.head = "mention"
    elif mentions and head[0] == "mention":
        sub.head = "mention"
    return sub
