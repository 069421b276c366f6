"""Argument and modality rules for event triggers: actor, recipient, place, time, negation, future,
hypothetical and historical marking.

The rules read the clause around a trigger without a parser:
- a verb's subject follows it (VSO: اقتحم الجيش الإسرائيلي المستشفى) or precedes it (SVO: أن الجيش
  اعتدى…; الذي يشن…); a pronoun subject (إنها فككت…) is the statement's speaker or the clause's
  reporting subject; a verb joined by و to an earlier event in the sentence shares its actor;
- a verbal noun's genitive names its actor or its recipient, as the lexicon says (انسحاب القوات,
  اعتقال الأطباء); a nisba adjective names the actor (الهجوم الإسرائيلي); so do من قبل / على يد X,
  the subject of a support verb (شنت الولايات المتحدة غارات), and بين X و Y;
- مع / على / ضد X name the recipient; في / ب / باتجاه / من + a place name the place.
Missing actors are filled afterwards by `rasd.stages.events` from the statement's speaker and the
document's main actor of conflict events.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..resources import gazetteers as gz
from ..text.clitics import known
from ..text.normalize import false_article, has_tanween, normalize
from ..text.dates import number_table
from .event_context import DocContext, demonym_country
from .event_lexicon import ENCLITICS, Form, TriggerEntry, lexicon, wordlist

__all__ = ["CONFLICT_TYPES", "SPEECH_TYPES", "Trigger", "clause_subject", "find_arguments", "find_modality", "find_place", "find_time"]

SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "RETREAT", "SANCTION"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
# Prepositions that name a recipient, in match form (على is علي there).
_WITH = frozenset({"مع"})
_WITH_ON = frozenset({"مع", normalize("على", "match")})
_AGAINST = frozenset({normalize("على", "match"), "ضد", "بحق"})
_FROM = frozenset({"من"})
_IN_OR_OF = frozenset({"في", "من"})          # before the organization its members belong to
_AFFILIATED = frozenset(normalize(w, "match") for w in ("تابعة", "التابعة", "تابع", "التابع", "موالية",
                                                        "الموالية", "موالي", "الموالي", "الموالين"))
WITH_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"})
ON_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "PROTEST", "REJECT"})


@dataclass(slots=True)
class Trigger:
    """A trigger found in the text and what the rules learn about it."""

    first: int                       # first token index
    last: int                        # last token index
    entry: TriggerEntry
    form: Form | None
    verb: bool
    actor: str | None = None
    actor_how: str = ""              # how the actor was found
    recipient: str | None = None
    place: str | None = None         # entity id of the place
    time: str | None = None
    quote: str | None = None         # quote whose content holds the trigger
    cue_quote: str | None = None     # quote whose cue is the trigger
    subject_noun: bool = False       # an explicit subject that names no entity
    agent_unresolved: bool = False   # an agent noun (قوات …) whose owner is not named
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    notes: list[str] = field(default_factory=list)


# ---- small helpers ----------------------------------------------------------------------------

def _clause_end(ctx: DocContext, i: int, soft: bool = True) -> int:
    """First token after i that ends the clause (sentence end, or a boundary)."""
    return ctx.clause_end(i, soft)


def _clause_start(ctx: DocContext, i: int, soft: bool = True) -> int:
    return ctx.clause_start(i, soft)


def _skip_forward(ctx: DocContext, j: int, end: int, limit: int = 6) -> int:
    """Skip time words, adverbs, quotation marks and a preposition with a pronoun (يشن [فيه] الجيش),
    and the commas around a time or an adverb set off by them (استقبل الرئيس X، [اليوم الأحد،] وزير …)."""
    n = 0
    opened = False
    while j < end and n < limit:
        if j in ctx.time_at or ctx.in_list(j, "adverbs") or ctx.norms[j] in _PREP_PRONOUNS \
                or not ctx.is_word(j) and ctx.tokens[j].kind == "punct" and ctx.boundary(j) is None:
            pass
        elif ctx.boundary(j) == "soft" and not opened and j + 1 < end \
                and (j + 1 in ctx.time_at or ctx.in_list(j + 1, "adverbs")):
            opened = True
        elif ctx.boundary(j) == "soft" and opened:
            opened = False
        else:
            break
        j += 1
        n += 1
    return j


_BESIDE = frozenset(normalize(w, "match") for w in ("إلى", "الى"))
# Nouns for attackers the news does not name: a conflict event of theirs takes no fallback actor
_UNKNOWN_AGENTS = frozenset(normalize(w, "match") for w in (
    "مسلحون", "مسلحين", "مسلح", "مجهولون", "مجهولين", "مجهول", "ملثمون", "ملثمين", "مهاجمون", "مهاجمين"))
# A preposition written with a pronoun: never a subject or an object, it may stand between them
_PREP_PRONOUNS = frozenset(normalize(p + x, "match") for p in ("في", "من", "عن", "ل", "ب", "مع", "على", "إلى")
                           for x in ("ه", "ها", "هم", "هما"))


def _without_pronoun(word: str) -> str:
    """A preposition written with a pronoun, without it (عنهما → عن)."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix):
            return word[:-len(suffix)]
    return word


def _prep_before(ctx: DocContext, k: int) -> bool:
    """Is token k a preposition, also with و or ف (وفي بغداد قتل شخصان: no subject)?"""
    return k >= 0 and (ctx.in_list(k, "prepositions")
                       or ctx.norms[k][:1] in "وف" and ctx.norms[k][1:] in wordlist("prepositions"))


def _members_of(ctx: DocContext, j: int, end: int) -> str | None:
    """The organization whose members the words from token j name (قيادات وعناصر في "داعش"،
    مسلحي حماس، أربعة من موظفي شركة المياه): members words, joined by و, then the organization,
    after في or من or as their genitive."""
    k = j
    while k < end and ctx.is_word(k) and ctx.in_list(k, "members") and k not in ctx.mention_at:
        k += 1
    if k == j:
        return None
    if k < end and ctx.norms[k] in _IN_OR_OF:
        k += 1
    while k < end and ctx.tokens[k].kind == "punct" and ctx.doc.text[ctx.tokens[k].start] in '"«“':
        k += 1
    m = ctx.mention_at.get(k) if k < end else None
    return m.entity if m is not None and m.label == "ORG" and not ctx.has_proclitic(k, "بلك") else None



_GIVEN_TYPES = frozenset({"SUPPORT", "AID"})
_FROM = normalize("من", "match")


def _support_from(ctx: DocContext, j: int, end: int) -> str | None:
    """Who gives the support or aid a noun names, in من after it and at most two adjectives without
    the article (بدعم من الولايات المتحدة، بدعم عسكري من وحدات في الجيش اليمني): a name, or the
    owner of the forces or members named there."""
    k = j
    while k < min(j + 2, end) and ctx.is_word(k) and ctx.norms[k] != _FROM and not _has_article(ctx, k) \
            and not ctx.in_list(k, "prepositions") and not ctx.has_proclitic(k, "وفبلك") and k not in ctx.mention_at:
        k += 1
    if k + 1 >= end or ctx.norms[k] != _FROM:
        return None
    m = ctx.mention_at.get(k + 1)
    if m is not None:
        return None if ctx.has_proclitic(k + 1, "بلك") or ctx.is_place_only(m.entity) else m.entity
    if ctx.in_list(k + 1, "agenthead") or ctx.in_list(k + 1, "members"):
        if k + 3 < end and ctx.norms[k + 2] == _IN and k + 3 in ctx.mention_at:
            return ctx.mention_at[k + 3].entity        # وحدات [في] الجيش اليمني
        return _owner_after(ctx, k + 2, end)
    return None


def _owner_after(ctx: DocContext, j: int, end: int) -> str | None:
    """The entity an agent noun (قوات، قوة …) belongs to, from token j on: a mention or a nisba
    adjective (قوات الاحتلال الإسرائيلي، قوة من التحالف، قوة تابعة للتحالف)."""
    for k in range(j, min(j + 3, end)):
        if ctx.boundary(k):
            return None
        m = ctx.mention_at.get(k)
        if m:
            # (a name owns forces only as their genitive, right after them (قوات الأسد): not after
            # other words (الشرطة الناشطة [سلمى حسن]، طائرات الاحتلال [مستشفى العودة]: their
            # object), nor after a noun with the article, which takes none (قصفت الطائرات [X])
            if ctx.has_proclitic(k, "بك") or k > j or j > 0 and _has_article(ctx, j - 1):
                return None
            return m.entity
        e = ctx.nisba_entity(k)
        if e:
            return e
        norm = ctx.norms[k]
        if k == j and norm == "من" and k + 1 < end and k + 1 in ctx.mention_at:
            return ctx.mention_at[k + 1].entity
        if norm in _AFFILIATED and k + 1 < end:
            m = ctx.mention_at.get(k + 1)
            return m.entity if m and ctx.has_proclitic(k + 1, "ل") else None
        if ctx.in_list(k, "prepositions") or ctx.has_proclitic(k, "وفبلك"):
            return None
    return None


# ---- subjects ---------------------------------------------------------------------------------

def subject_after(ctx: DocContext, i: int) -> tuple[str | None, str, int]:
    """VSO subject of the verb at token i: (entity, how, index after the subject)."""
    end = _clause_end(ctx, i)
    j = _skip_forward(ctx, i + 1, end)
    if j >= end or ctx.boundary(j):
        return None, "none", j
    m = ctx.mention_at.get(j)
    if m and not ctx.has_proclitic(j, "بلك"):
        return m.entity, "explicit", m.last + 1
    if ctx.in_list(j, "agenthead") and not ctx.has_proclitic(j, "بلك"):
        owner = _owner_after(ctx, j + 1, end)
        if owner:
            after = j + 2                 # past the owner's name (القوات الموالية لـ[X Y]) or nisba
            for k in range(j + 1, min(j + 4, end)):
                m = ctx.mention_at.get(k)
                if m is not None and m.entity == owner:
                    after = m.last + 1
                    break
                if ctx.nisba_entity(k) == owner:
                    after = k + 1
                    break
            return owner, "explicit", after
        k = j + 1                       # past its genitive and adjectives: طائرات [الاحتلال] مستشفى …
        while k < end and k - j <= 3 and ctx.is_word(k) and k not in ctx.mention_at and _has_article(ctx, k) \
                and not ctx.has_proclitic(k, "وفبلك") and not ctx.info[k].trigger:
            k += 1
        return None, "agent", k
    a = ctx.anaphor_entity(j)
    if a and not ctx.has_proclitic(j, "بلك"):
        k = j + 1                           # past its adjectives: المكتب [الأممي] إسرائيلَ
        while k < end and k - j <= 2 and ctx.is_word(k) and k not in ctx.mention_at and ctx.norms[k].startswith("ال") \
                and ctx.norms[k].endswith(_NISBA_ENDINGS) and not ctx.info[k].lists - _CONTENT_LISTS:
            k += 1
        return a, "explicit", k
    if ctx.in_list(j, "bodies") and not ctx.has_proclitic(j, "بلك"):
        named = ctx.mention_at.get(_skip_forward(ctx, j + 1, end, limit=1))
        if named is not None and named.label == "ORG":
            return named.entity, "explicit", named.last + 1      # منظمة "X": the head before its name
    if ctx.in_list(j, "quantity") and not ctx.has_proclitic(j, "بلك"):
        got = _quantity_of(ctx, j + 1, end)
        if got is not None:
            return got[0], "explicit", got[1]
    p = _person_after_title(ctx, j, end)
    if p is None and _role_word(ctx, j) and not ctx.has_proclitic(j, "بلك"):
        p = _person_after_role(ctx, j + 1, end)     # التقى مستشار الأمن القومي للبيت الأبيض X
    if p:
        return p.entity, "explicit", p.last + 1
    if not ctx.has_proclitic(j, "بلك") and (ctx.norms[i][:1] not in _IMPERFECT_PREFIXES or ctx.has_conjunction(i)
                                          or _opens_clause(ctx, i)) \
            and (got := ctx.person_by_role(j)) is not None:
        # التقى الرئيس اليمني … → the president named so (not after an imperfect that a subject
        # precedes: خادم الحرمين يستقبل وزير الدفاع الأمريكي)
        return got[0], "explicit", got[1]
    if (ctx.is_word(j) and not ctx.in_list(j, "prepositions") and not ctx.has_proclitic(j, "بلك")
            and not ctx.in_list(j, "complementizer") and not ctx.in_list(j, "auxiliary")):
        return None, "noun", j + 1
    return None, "none", j


def _quantity_of(ctx: DocContext, j: int, end: int) -> tuple[str, int] | None:
    """(entity, index after it) of the whole a quantity or group word before token j counts: من
    after at most two words (an adjective, a time), then an organization (or a definite noun
    standing for one named before), its forces or its members (انتشرت أعداد كبيرة أمس من قوات
    الحرس الثوري، عشرات من عناصر حماس، فرقًا من المركز); or تابع / تابعة + ل and an organization
    (فريق تابع لمنظمة الصحة العالمية)."""
    for k in range(j, min(j + 3, end - 1)):
        if ctx.boundary(k):
            return None
        if ctx.norms[k] in _AFFILIATED:
            m = ctx.mention_at.get(k + 1)            # فريق تابع لمنظمة الصحة العالمية
            ok = m is not None and m.label == "ORG" and ctx.has_proclitic(k + 1, "ل")
            return (m.entity, m.last + 1) if ok else None
        if ctx.norms[k] == "من":
            m = ctx.mention_at.get(k + 1)
            if m is not None:
                return (m.entity, m.last + 1) if m.label == "ORG" and not ctx.has_proclitic(k + 1, "بلك") else None
            a = ctx.anaphor_entity(k + 1)
            if a is not None and ctx.labels.get(a) == "ORG":
                return a, k + 2                      # فرقًا من [المركز]: the centre named before
            if ctx.in_list(k + 1, "agenthead"):
                owner = _owner_after(ctx, k + 2, end)
            else:
                owner = _members_of(ctx, k + 1, end)
            return None if owner is None else (owner, k + 2)
        if ctx.in_list(k, "prepositions") or k in ctx.mention_at:
            return None
    return None


def _person_after_title(ctx: DocContext, j: int, end: int):
    """A person named within 3 words after j, when only title words come between (الرئيس …), or
    right after a run of titles of any length (خادم الحرمين الشريفين الملك سلمان)."""
    k = j
    for _ in range(3):
        mt = gz.title_at(ctx.norms, k, min(end, k + 4)) if k < end and not ctx.has_proclitic(k, "بلك") else None
        if mt is None:
            break
        k = mt.end
    if k > j + 2 and k < end:
        m = ctx.mention_at.get(k)
        if m is not None and m.label == "PER":
            return m
    for k in range(j, min(j + 3, end)):
        if ctx.boundary(k) or ctx.in_list(k, "prepositions") or ctx.has_proclitic(k, "بلك"):
            return None
        if k > j and ctx.has_conjunction(k):
            return None
        m = ctx.mention_at.get(k)
        if m and m.label != "PER" and k > j and m.last + 1 < end:
            after = ctx.mention_at.get(m.last + 1)  # سفير [مصر] أحمد حافظ: the role's genitive
            if after and after.label == "PER" and not ctx.has_proclitic(m.last + 1, "وفبلك"):
                return after
        if m:
            return m if m.label == "PER" else None
    return None


def subject_before(ctx: DocContext, i: int) -> tuple[str | None, str]:
    """SVO subject of the verb at token i, or a pronoun subject after إن/أن."""
    start = _clause_start(ctx, i)
    j = i - 1
    n = 0
    while j >= start and n < 3 and (ctx.in_list(j, "auxiliary") or j in ctx.time_at or (
            not ctx.is_word(j) and ctx.tokens[j].kind == "punct" and ctx.boundary(j) is None)):
        j -= 1
        n += 1
    if j < start:
        e = _subject_before_relative(ctx, start) if j == start - 1 else None
        return (e, "relative") if e else (None, "none")
    if ctx.norms[j] in _pronominal():
        return None, "pronoun"
    if j - 2 >= start and ctx.text(j) == _AN and ctx.is_word(j - 1) and j - 1 not in ctx.covered:
        # مصر استطاعت أن تطرده، مصر التي استطاعت أن تطرده: the subject of the verb before أن
        k = j - 2
        relative = ctx.in_list(k, "relative") and k - 1 >= start
        if relative:
            k -= 1                   # (the relative's noun may follow a preposition: إلى مصر التي …)
        m = ctx.mention_ending.get(k)
        if m is not None and (relative or not _prep_before(ctx, m.first - 1) and not ctx.has_proclitic(m.first, "بلك")):
            return m.entity, "explicit"
    m = ctx.mention_ending.get(j)
    if m:
        if _prep_before(ctx, m.first - 1) or ctx.has_proclitic(m.first, "بلك"):
            return None, "none"
        return m.entity, "explicit"
    if ctx.in_list(j, "relative") and j - 1 >= start:
        m = ctx.mention_ending.get(j - 1)
        if m and not _prep_before(ctx, m.first - 1):
            # (X الذي يزور اليابان: X, and the name after the verb is its object)
            return m.entity, "relative"
        e = ctx.nisba_entity(j - 1)
        if e:
            return e, "explicit"
    e = ctx.nisba_entity(j)
    if e and j - 1 >= start and ctx.in_list(j - 1, "agenthead"):
        return e, "explicit"
    a = ctx.anaphor_entity(j)
    if a and (j - 1 < start or ctx.in_list(j - 1, "complementizer")):
        return a, "explicit"
    return None, "none"


def impersonal_subject(ctx: DocContext, i: int) -> bool:
    """Is the subject before the verb at token i a cause and not an actor: a disease, hunger, a
    shortage, the weather, a disaster (مجاعة قتلت، نقص الأموال … أجبرا، المرض الذي منعه), or a
    clause read as "which" (…، ما أجبر الأطباء؛ مما أجبر)? Looked for in up to four words back
    through a relative pronoun and the words of the noun phrase, within the clause."""
    start = _clause_start(ctx, i)
    j = i - 1
    while j >= start and (ctx.in_list(j, "auxiliary") and ctx.norms[j] not in _WHAT or j in ctx.time_at):
        j -= 1
    if j < start:
        return False
    if ctx.norms[j] in _WHAT and (ctx.norms[j] != _WHAT_ALONE or j == start and j > 0
                                  and ctx.boundary(j - 1) is not None):
        return True
    relative = ctx.in_list(j, "relative")
    if relative:
        j -= 1
    for k in range(j, max(start, j - 4) - 1, -1):
        if k in ctx.mention_at or k in ctx.covered or ctx.info[k].trigger:
            return False
        if ctx.in_list(k, "causes"):
            # في حادث مماثل قتل شخص: a noun after a preposition is no subject, unless a
            # relative pronoun makes it one (مع المرض الذي منعه) or an imperfect verb right after
            # the indefinite noun phrase describes it (ينذر بكارثة إنسانية وشيكة تهدد …)
            if relative or not (k > start and ctx.in_list(k - 1, "prepositions") or ctx.has_proclitic(k, "بلك")):
                return True
            return ctx.norms[i][:1] in _IMPERFECT_PREFIXES and not ctx.has_article(k) and all(
                ctx.is_word(x) and not ctx.has_article(x) for x in range(k + 1, i))
        if ctx.in_list(k, "prepositions") or ctx.boundary(k):
            return False
    return False


_IMPERFECT_PREFIXES = frozenset("يت")
_NISBA_ENDINGS = ("ي", "يه")
_IN = "في"
_AN = "أن"                          # as written: the complementizer of a verb (إن opens what is said)
_WHAT_ALONE = "ما"
_WHAT = frozenset({"ما", "مما"})


def _pronominal() -> frozenset[str]:
    from .event_lexicon import wordlist
    return wordlist("pronominal")


def _in_complement(ctx: DocContext, i: int) -> bool:
    start, _ = ctx.sentence_bounds(i)
    return any(ctx.in_list(j, "complementizer") for j in range(max(start, i - 8), i))


def reporting_subject(ctx: DocContext, i: int) -> str | None:
    """The subject named earlier in the sentence, before the إن/أن that opens the clause of i."""
    start, _ = ctx.sentence_bounds(i)
    for j in range(i - 1, start - 1, -1):
        m = ctx.mention_ending.get(j)
        if m and not _prep_before(ctx, m.first - 1) and not ctx.has_proclitic(m.first, "بلك"):
            return m.entity
    return None


# ---- arguments --------------------------------------------------------------------------------

def _between(ctx: DocContext, j: int, end: int) -> tuple[str | None, str | None]:
    """بين X و Y starting at token j (or after up to two adjectives)."""
    for _ in range(2):
        if j < end and ctx.norms[j] != "بين" and ctx.is_word(j) and j not in ctx.mention_at \
                and not ctx.in_list(j, "prepositions"):
            j += 1
    if j >= end or ctx.norms[j] != "بين":
        return None, None
    m = ctx.mention_at.get(j + 1)
    if not m:
        return None, None
    k = m.last + 1
    if k < end and ctx.norms[k] == "و":
        k += 1
    m2 = ctx.mention_at.get(k)
    if m2 and m2.entity != m.entity:
        return m.entity, m2.entity
    return m.entity, None


def _after_prep(ctx: DocContext, first: int, end: int, preps: set[str], span: int = 6,
                labels: tuple[str, ...] | None = None) -> tuple[str | None, str | None]:
    """(entity, preposition) of the first mention after one of `preps` within `span` words (or
    of the definite noun standing for one, or of the whole a part belongs to: على جهود المركز);
    with `labels`, only a mention of those labels."""
    bounds, norms = ctx._bounds, ctx.norms
    for k in range(first, min(first + span, end)):
        if bounds[k] == "strong":
            break
        norm = norms[k]
        if norm in preps and k + 1 < end:
            m = ctx.mention_at.get(k + 1) or _person_after_title(ctx, k + 1, end) \
                or (_person_after_role(ctx, k + 2, end) if _role_word(ctx, k + 1) else None)
            if m:
                if labels is None or m.label in labels:
                    return m.entity, norm
                return None, None
            if labels is None:
                e = ctx.anaphor_entity(k + 1) or _part_owner(ctx, k + 1, end) or _example(ctx, k + 1, end) \
                    or _lam_owner_after(ctx, k + 1, end) or _members_of(ctx, k + 1, end) \
                    or _nisba_group(ctx, k + 1, end)
                if e:
                    return e, norm
    return None, None


def _nisba_group(ctx: DocContext, k: int, end: int) -> str | None:
    """The country whose authorities, forces or officials the words at token k name with a nisba
    (السلطات المصرية، على مسؤولين إيرانيين): the country, or its organization (`nisba_entity`)."""
    if k + 1 >= end or not ctx.in_list(k, "officials") \
            or ctx.has_proclitic(k, "وفبك") or ctx.has_proclitic(k + 1, "وفبلك"):
        return None
    return ctx.nisba_entity(k + 1)


def _counts(ctx: DocContext, k: int) -> bool:
    """Is token k a number, in digits or words (ثلاثة، عشرات), or a word of quantity?"""
    return ctx.tokens[k].kind == "number" or ctx.in_list(k, "quantity") or ctx.norms[k] in number_table()


def _affiliated_to(ctx: DocContext, j: int, end: int) -> str | None:
    """The organization something just named is affiliated to: تابعة / موالية + ل and its name
    within the next three words from token j (خلية [إرهابية] تابعة لتنظيم داعش)."""
    for k in range(j, min(j + 3, end - 1)):
        if not ctx.is_word(k) or ctx.boundary(k) or k in ctx.mention_at:
            return None
        if ctx.norms[k] in _AFFILIATED:
            m = ctx.mention_at.get(k + 1)
            return m.entity if m is not None and m.label == "ORG" and ctx.has_proclitic(k + 1, "ل") else None
    return None


def _lam_owner_after(ctx: DocContext, k: int, end: int) -> str | None:
    """The owner named with ل after an unnamed noun at token k and up to two nisba adjectives
    (عملية ضد [معقل إرهابي] لحماس): whose the thing is."""
    if not ctx.is_word(k) or k in ctx.covered or ctx.has_proclitic(k, "وفبلك") or ctx.info[k].lists:
        return None
    for j in range(k + 1, min(k + 4, end)):
        if not ctx.is_word(j) or ctx.boundary(j):
            return None
        m = ctx.mention_at.get(j)
        if m is not None:
            return m.entity if m.first == j and ctx.has_proclitic(j, "ل") and m.label != "PER" else None
        if not ctx.norms[j].endswith(_NISBA_ADJECTIVE) or ctx.has_proclitic(j, "وفبلك") or ctx.info[j].trigger:
            return None
    return None


_NISBA_ADJECTIVE = ("ي", "يه")


_SUCH_AS = frozenset(normalize(w, "match") for w in ("مثل", "ومنها", "منها", "بينها", "ومن بينها"))


def _example(ctx: DocContext, k: int, end: int) -> str | None:
    """The named example of a kind written at token k (الجهات الدولية، مثل منظمة الصحة العالمية):
    the first entity after مثل or منها within the next four words, past a comma."""
    for j in range(k + 1, min(k + 5, end - 1)):
        if ctx.boundary(j) == "strong":
            return None
        if ctx.norms[j] in _SUCH_AS:
            m = ctx.mention_at.get(j + 1)
            return m.entity if m is not None and m.label in ("ORG", "PER", "GPE") else None
    return None


_EACH = frozenset(normalize(w, "match") for w in ("كل", "كلا", "كلاً"))


def _both_parties(ctx: DocContext, first: int, end: int) -> tuple[str | None, str | None]:
    """The two parties of كل من X و Y within a few words after a trigger (وقع الاتفاقية كل من
    رئيس الشركة الأمير X والرئيس التنفيذي Y): the persons or organizations named after من and
    after the و that follows."""
    for k in range(first, min(first + 5, end - 2)):
        if ctx.boundary(k) == "strong":
            break
        if ctx.norms[k] in _EACH and ctx.norms[k + 1] == "من":
            one = _party_from(ctx, k + 2, end)
            if one is None:
                return None, None
            for j in range(one.last + 1, min(one.last + 8, end)):
                if ctx.boundary(j) == "strong":
                    break
                if ctx.has_conjunction(j) and ctx.norms[j][:1] == "و":
                    two = _party_from(ctx, j, end)
                    return one.entity, two.entity if two is not None else None
            return one.entity, None
    return None, None


def _party_from(ctx: DocContext, k: int, end: int):
    """The first person or organization named from token k on, through a role phrase."""
    for i in range(k, min(k + 10, end)):
        if not ctx.is_word(i) or ctx.boundary(i):
            return None
        m = ctx.mention_at.get(i)
        if m is not None and m.label in ("PER", "ORG"):
            return m
    return None


def _clitic_object(ctx: DocContext, first: int, end: int, letters: str, actor: str | None,
                   meeting: bool, span: int = 6) -> str | None:
    """The entity of the first noun within `span` words that carries one of the proclitics
    `letters` and names one: a mention (بإسرائيل), a person after titles (بالرئيس الفرنسي X،
    بنظيره X), or the named owner of an indefinite head noun (بجهود المملكة). A place is none;
    for a `meeting`, no city or country either (where it was held)."""
    bounds = ctx._bounds
    for k in range(first, min(first + span, end)):
        if bounds[k] == "strong" or ctx.in_list(k, "prepositions"):
            break                     # اجتماعه في مقر الاتحاد بمجمع …: the phrase is elsewhere
        if not ctx.has_proclitic(k, letters) or k in ctx.time_at:
            continue
        m = ctx.mention_at.get(k)
        if m is None and k + 1 < end:
            m = _person_after_title(ctx, k + 1, end)
            if m is None and not _has_article(ctx, k) and not ctx.in_list(k, "prepositions"):
                m = ctx.mention_at.get(k + 1)
                if m is not None and ctx.has_proclitic(k + 1, "وفبلك"):
                    m = None
        if m is not None and m.entity != actor and not ctx.is_place_only(m.entity) \
                and not (meeting and m.label in PLACE_LABELS):
            return m.entity           # اجتماع عقدته بالرباط: ب of a place says where
    return None


def _agent_phrase(ctx: DocContext, first: int, end: int) -> str | None:
    """من قبل X / على يد X / بفعل X / من جانب X within the next 8 words of the clause (not إلى
    جانب X, "beside X")."""
    info = ctx.info
    for k in range(first, min(first + 8, end)):
        if ctx.boundary(k):
            return None
        if "agentby" in info[k].lists and not (k > first and ctx.norms[k - 1] in _BESIDE):
            m = ctx.mention_at.get(k + 1)
            if m:
                return m.entity
            e = _owner_after(ctx, k + 1, end)
            if e:
                return e
    return None


def _nisba_after(ctx: DocContext, first: int, j: int, end: int) -> str | None:
    """A nisba adjective in the 3 words after the noun trigger at `first`, through adjectives that
    agree with it in definiteness (الهجوم الإسرائيلي البري، غارات جوية إسرائيلية)."""
    definite = _has_article(ctx, first)
    for k in range(j, min(j + 3, end)):
        if ctx.boundary(k) or ctx.in_list(k, "prepositions") or k in ctx.mention_at:
            return None
        if ctx.has_proclitic(k, "وفبلك") or _has_article(ctx, k) != definite:
            return None
        e = ctx.nisba_entity(k)
        if e:
            return e
    return None


def _unnamed_nisba_after(ctx: DocContext, first: int, j: int, end: int) -> bool:
    """Is the noun trigger at `first` followed by the nisba of a country the document has no
    entity for (وبدعم أميركي)? Its actor is named, as no entity."""
    definite = _has_article(ctx, first)
    return j < end and ctx.is_word(j) and j not in ctx.mention_at and not ctx.has_proclitic(j, "وفبلك") \
        and _has_article(ctx, j) == definite and demonym_country(ctx.norms[j]) is not None \
        and ctx.nisba_entity(j) is None


_PART_LISTS = frozenset({"locative", "parts"})     # محيط، داخل، مداخل: around, in or a part of the whole
# Word lists of content words that single rules ask for; a word in them is still a plain noun or
# adjective to the rules that stop at listed (function) words.
_CONTENT_LISTS = frozenset({"bodies", "quantity", "receive", "genitiveheads", "people", "masculine",
                            "disown", "oneof", "answer", "civilians", "result", "killing", "besieged",
                            "ignore"})
_WEAPON_LISTS = frozenset({"aircraft", "weapons", "military"})     # طائرة [مسيّرة]، مدفعية [ثقيلة]
_QUOTE_MARKS = frozenset('"«»“”\'')


def _has_article(ctx: DocContext, i: int) -> bool:
    """Does word i carry the article, after any clitic (الهجوم، بالهجوم، للهجوم)?"""
    if ctx.norms[i].startswith("ال"):
        return not false_article(ctx.norms[i])
    clitics = ctx.proclitics(i)
    return "ال" in clitics or "ل" in clitics[1:]


def _relative_support_subject(ctx: DocContext, j: int, end: int) -> str | None:
    """The subject of a support verb in a relative clause after the noun trigger (الهجوم غير
    المسبوق الذي نفذه عناصر من حماس، الغارة التي شنتها إسرائيل), within a few words of it."""
    for k in range(j, min(j + 4, end - 1)):
        if ctx.boundary(k) or k in ctx.mention_at:
            return None
        if ctx.in_list(k, "relative"):
            if _support_with_pronoun(ctx.norms[k + 1]):
                e, how, _ = subject_after(ctx, k + 1)
                return e if how == "explicit" else None
            return None
        if k == j and not _has_article(ctx, j - 1) and _support_with_pronoun(ctx.norms[k]):
            e, how, _ = subject_after(ctx, k)       # an indefinite noun's clause has no الذي: هجوم [نفذه] عناصر من حماس
            return e if how == "explicit" else None
    return None


def _support_with_pronoun(norm: str) -> bool:
    """A support verb with the pronoun of the noun it supports (نفذه، شنتها)."""
    support = wordlist("support")
    return any(norm.endswith(p) and norm[:-len(p)] in support for p in ENCLITICS)


_SINCE = frozenset(normalize(w, "match") for w in ("منذ", "خلال"))


_UNNAMED = "unnamed"     # what `_support_verb_subject` returns for unknown gunmen: no one's, no fallback


ON_BEHALF = frozenset(normalize(w, "match") for w in ("باسم",))


def _support_verb_subject(ctx: DocContext, first: int) -> str | None:
    """Subject of a support verb (شن، نفذ، ارتكب، بدأ …) governing the noun at `first`, within five
    words of it, not counting a time between them (تشن إسرائيل [منذ 7 أكتوبر 2023،] حرب إبادة);
    `_UNNAMED` when the subject is unknown gunmen (شن مسلحون مجهولون هجوماً)."""
    start = _clause_start(ctx, first)
    while start > 1 and start - 2 in ctx.time_at and ctx.boundary(start - 1) == "soft":
        start = _clause_start(ctx, start - 2)
    info = ctx.info
    words = 0
    skip_to = None
    for j in range(first - 1, start - 1, -1):
        if skip_to is not None and j >= skip_to:
            continue                    # (inside "on behalf of X": ورفع سعد العلي [باسم الغرفة] شكره)
        if j in ctx.time_at or not ctx.is_word(j) or ctx.norms[j] in _SINCE:
            continue
        m = ctx.mention_ending.get(j)
        if m is not None and m.first - 1 > start and ctx.norms[m.first - 1] in ON_BEHALF:
            skip_to = m.first - 1
            continue
        words += 1
        if words > 5:
            return None
        if info[j].trigger and "support" not in info[j].lists:
            return None        # تستمر حماس في المطالبة [بالانسحاب]: the verb governs the first noun
        if "support" in info[j].lists:
            e, how, nxt = subject_after(ctx, j)
            if e and how == "explicit" and nxt <= first:
                return e                # (not a name after the noun: شنت المقاتلات غارات على … لحزب العمال)
            if how == "noun" and ctx.norms[nxt - 1] in _UNKNOWN_AGENTS:
                return _UNNAMED
            e, how = subject_before(ctx, j)
            if e:
                return e
            return None
    return None


def find_arguments(ctx: DocContext, t: Trigger, previous: list[Trigger]) -> None:
    """Fill actor and recipient of `t` from its clause. `previous`: earlier triggers of the doc."""
    end = _clause_end(ctx, t.last, soft=False)
    after = t.last + 1
    if t.cue_quote:
        speaker = ctx.quotes[t.cue_quote].speaker
        if speaker:
            t.actor, t.actor_how = speaker, "speaker"
    if t.verb:
        _verb_arguments(ctx, t, previous, end)
    else:
        _noun_arguments(ctx, t, end)
    if t.entry.type == "REQUEST" and not t.verb and t.recipient is None:
        t.recipient = _ignorer(ctx, t, previous)
    if t.actor is None and not t.verb and not t.subject_noun and t.first > 0 and ctx.in_list(t.first - 1, "support") \
            and ctx.has_conjunction(t.first - 1):
        # شن مسلحون مجهولون هجوماً عليهم، [وقاموا] بحرق المبنى: the same unknown ones, no fallback
        p = next((p for p in reversed(previous) if ctx.sentence_of[p.first] == ctx.sentence_of[t.first]), None)
        if p is not None and p.subject_noun and p.actor is None:
            t.subject_noun = True
    if t.entry.type in WITH_TYPES | {"AGREE"} and t.recipient is None:
        first, second = _both_parties(ctx, after, end)
        if t.actor is not None:
            if first is not None and first != t.actor:
                t.recipient = first              # استقبل X كلاً من Y و Z: the first it received
        elif first is not None and second is not None and first != second:
            t.actor, t.actor_how = first, "both-parties"       # وقع الاتفاقية كل من X و Y
            t.recipient = second
    # recipients named by a preposition
    if t.recipient is None and t.entry.object_clitics:
        t.recipient = _clitic_object(ctx, after, end, t.entry.object_clitics, t.actor,
                                     t.entry.type == "CONSULT")
    if t.recipient is None and t.entry.object_words:
        e = _word_object(ctx, after, end, t.entry.object_words)
        if e and e != t.actor and not ctx.is_place_only(e):
            t.recipient = e
    if t.recipient is None:
        if t.entry.type == "SUPPORT":
            e, _ = _after_prep(ctx, after, end, _WITH_ON)             # تضامن مع، أثنى على
            if e is None and not t.verb:
                e = _thanked(ctx, after, end)         # رفع الشكر لوزارة الصحة: who is thanked
        elif t.entry.type == "AID":
            e, _ = _after_prep(ctx, after, end, _WITH | _BESIDE)    # مساعدات إلى السودان: the receiver
            if e is None:
                e = _lam_named_after(ctx, after, end)               # قدمت مساعدات إنسانية لليمن
            if e is not None and ctx.is_place_only(e):
                e = None
        elif t.entry.type in WITH_TYPES:
            e, _ = _after_prep(ctx, after, end, _WITH)
        elif t.entry.type in ON_TYPES:
            e, _ = _after_prep(ctx, after, end, _AGAINST, span=4)
        elif t.entry.type == "REQUEST":
            e, _ = _after_prep(ctx, after, end, _FROM, span=4, labels=("ORG", "PER"))   # طلب من
        else:
            e = None
        if e and e != t.actor:
            t.recipient = e
    if t.entry.type == "REQUEST" and not t.verb and t.actor is None and t.first > 0 and ctx.in_list(t.first - 1, "answer"):
        t.subject_noun = True      # لا نستطيع تلبية نداءات الاستغاثة: the calls answered are others'
    if t.entry.type == "ACCUSE" and not t.verb:
        denier = _denier(ctx, t, previous)
        if denier is not None:
            # ترفض موسكو اتهامات بأنها …، وينفي مسؤولو الصحة وحماس هذا الاتهام: who denies an
            # accusation is the accused, not the accuser (who made it, for "the" accusation, is
            # the one who accused before: the fallback's; for an indefinite one, unknown)
            t.recipient, t.actor = denier, None
            t.actor_how = "" if _has_article(ctx, t.first) else "denied"
    if ctx.is_place_only(t.actor) and not (t.entry.type in SPEECH_TYPES - CONFLICT_TYPES
                                           and t.actor_how in ("subject-before", "subject-after")):
        # (a place that is the subject of a verb of calling, accusing, rejecting or backing
        # speaks for those who govern it: أن إفريقيا تدعو إلى …)
        t.place = t.place or t.actor
        t.actor, t.actor_how = None, ""
    if ctx.is_place_only(t.recipient) and t.entry.type in CONFLICT_TYPES:
        t.place = t.place or t.recipient
        t.recipient = None
    elif ctx.is_place_only(t.recipient) and t.entry.type in SPEECH_TYPES | {"PROTEST"}:
        t.recipient = None            # تندد بالغارات على بيت لاهيا: a town is not who is accused
    if t.recipient == t.actor:
        t.recipient = None


def _denier(ctx: DocContext, t: Trigger, previous: list[Trigger]) -> str | None:
    """Who denies or rejects the accusation noun t, when a verb of denial (`disown` word list)
    stands a few words before it in its clause, with no comma between: the name nearest before
    the noun after the verb (its subject: وينفي مسؤولو الصحة وحماس هذا الاتهام), else the name
    right before the verb (موسكو ترفض اتهامات، لكن الحركة نفت), else the actor the rules gave the
    noun or the verb."""
    start = _clause_start(ctx, t.first, soft=False)
    named = None
    for k in range(t.first - 1, max(start, t.first - 7) - 1, -1):
        if ctx.in_list(k, "disown"):
            if named is None and k > start:
                m = ctx.mention_ending.get(k - 1)          # موسكو ترفض، لكن الحركة نفت
                named = m.entity if m is not None and m.label in _ANTECEDENT_LABELS else ctx.anaphor_entity(k - 1)
            if named is None:
                named = t.actor or next((p.actor for p in reversed(previous) if p.first == k), None)
            return named
        if ctx.boundary(k):
            return None
        m = ctx.mention_ending.get(k)
        if m is not None and named is None and m.label in _ANTECEDENT_LABELS:
            named = m.entity
    return None


def _word_object(ctx: DocContext, first: int, end: int, words: frozenset[str]) -> str | None:
    """The entity after one of the preposition `words` of a lexicon row within four words
    (اشتباكات مع الجيش), or the owner of the forces named there (مع القوات الموالية للأسد)."""
    e, _ = _after_prep(ctx, first, end, words, span=4)
    if e is None:
        k = next((k for k in range(first, min(first + 4, end - 2)) if ctx.norms[k] in words), None)
        if k is not None and ctx.in_list(k + 1, "agenthead"):
            e = _owner_after(ctx, k + 2, end)
    return e


def _subject_start(ctx: DocContext, i: int) -> int | None:
    """Where the subject written right before the verb at i begins: a name (إسرائيل تقصف) and a
    person's titles, or an agent noun and its nisba (الدبابات الإسرائيلية حاصرت); None when
    there is none."""
    m = ctx.mention_ending.get(i - 1)
    if m is not None:
        k = m.first
        while k > 0 and m.label in ("PER", "PERS") and ctx.is_word(k - 1) and k - 1 not in ctx.covered \
                and "TITLE" in gz.lookup(ctx.norms[k - 1]):
            k -= 1                      # [الرئيس] محمود عباس سيزور: the title opens the subject
        return k
    if i >= 2 and ctx.nisba_entity(i - 1) is not None and ctx.in_list(i - 2, "agenthead"):
        return i - 2
    return None


def _opens_clause(ctx: DocContext, k: int | None) -> bool:
    """Does the subject that begins at token k stand where a clause's subject does: first in its
    clause (after و or ف), or right after a complementizer (أن إسرائيل تقصف …) or a form of كان
    (وكانت إيران اتهمت إسرائيل …)?"""
    if k is None:
        return False
    return k == _clause_start(ctx, k) or k > 0 and (ctx.in_list(k - 1, "complementizer")
                                                   or ctx.in_list(k - 1, "copula")
                                                   or ctx.norms[k - 1] in ("و", "ف"))


def share_arguments(ctx: DocContext, triggers: list[Trigger]) -> None:
    """Arguments one trigger lends the next when they name one happening: a threat by a verbal
    noun after ب is made against that act's object (هددت إسرائيل باعتقال عرفات: Arafat); an
    indefinite noun and the verb that describes it share actor and object (قصف مدفعي استهدف
    محيط المستشفى), as do a definite noun and the verb of its relative clause (الضربة الإسرائيلية
    التي استهدفت الطابق الثالث من المستشفى)."""
    for t, nxt in zip(triggers, triggers[1:]):
        if nxt.first <= t.last or ctx.sentence_of[nxt.first] != ctx.sentence_of[t.first]:
            continue
        between = range(t.last + 1, nxt.first)
        if t.entry.type == "THREATEN" and t.recipient is None and not nxt.verb \
                and nxt.entry.type in CONFLICT_TYPES and ctx.has_proclitic(nxt.first, "ب") \
                and all(k in ctx.covered or k in ctx.time_at or ctx.in_list(k, "adverbs") for k in between):
            t.recipient = nxt.recipient
        elif t.entry.type == "ASSAULT" and t.recipient is None and nxt.recipient is not None and not nxt.verb \
                and ctx.in_list(nxt.first, "killing") and len(between) <= 8 \
                and any(ctx.in_list(k, "result") for k in range(max(ctx.clause_start(t.first), t.first - 2), nxt.first)):
            # غارة أسفرت عن مقتل عناصر من حزب الله، أسهمت ضربات التحالف بمقتل قيادات في داعش: the
            # attack was against those it killed
            t.recipient = nxt.recipient
        elif not t.verb and nxt.verb and nxt.entry.type == t.entry.type and not _has_article(ctx, t.first) \
                and not ctx.has_conjunction(nxt.first) and 0 < len(between) <= 2 \
                and all(ctx.is_word(k) and not _has_article(ctx, k) and k not in ctx.covered
                        and not ctx.info[k].trigger for k in between):
            # غارة [إسرائيلية] استهدفت …: the verb describes the noun, which is its subject; the
            # name after the verb is its object
            if nxt.actor_how == "subject-after":
                nxt.recipient = nxt.recipient or nxt.actor
                nxt.actor, nxt.actor_how = None, ""
            _lend(t, nxt)
        elif not t.verb and nxt.verb and nxt.entry.type == t.entry.type and _has_article(ctx, t.first) \
                and 1 <= len(between) <= 2 and ctx.in_list(between[-1], "relative") \
                and all(ctx.is_word(k) and (k in ctx.covered or _has_article(ctx, k) or ctx.in_list(k, "relative"))
                        for k in between):
            # الضربة الإسرائيلية التي استهدفت …: the relative clause tells what the noun did, the
            # noun is its subject and the name after the verb its object (but الضربة التي نفذها
            # الجيش: a pronoun on the verb stands for the noun, and the name is the subject)
            if nxt.actor_how == "subject-after" and not _object_pronoun(ctx, nxt.last):
                nxt.recipient = nxt.recipient or nxt.actor
                nxt.actor, nxt.actor_how = None, ""
            _lend(t, nxt)


def _lend(noun: Trigger, verb: Trigger) -> None:
    """A noun trigger and the verb that tells what it did name one happening: the noun takes the
    verb's object, the verb the noun's actor."""
    if noun.recipient is None:
        noun.recipient = verb.recipient
    if verb.actor is None and noun.actor is not None:
        verb.actor, verb.actor_how = noun.actor, "coordinated"


def _first_person_actor(ctx: DocContext, speaker: str) -> str:
    """Who "we" are in a statement by `speaker`: the organization named in the speaker's role
    (a hospital's director saying نناشد speaks for the hospital), else the speaker."""
    return ctx.speaker_organization(speaker) or speaker


_PLURAL_AGREEMENT = ("وا", "ا", "ون", "ان")


def _plural_agreement(ctx: DocContext, i: int) -> bool:
    """Does the verb at token i agree with a dual or plural subject written before it (قصفوا،
    أجبرا، يقصفون)? A verb before its subject stays singular, so the name after it is its object.
    Not a form the lexicon lists as it is written (دعا، دعوا are its own)."""
    norm = ctx.norms[i]
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    forms = lexicon().forms
    listed = {normalize(w, "match") for f in forms.get(bare, ()) for w in f.entry.source.split("|")}
    if bare in listed:
        return False
    return any(bare.endswith(ending) and len(bare) - len(ending) >= 3
               and any(f.verb and not f.first_person for f in forms.get(bare[:-len(ending)], ()))
               for ending in _PLURAL_AGREEMENT)


def _verb_arguments(ctx: DocContext, t: Trigger, previous: list[Trigger], end: int) -> None:
    if t.form is not None and t.form.first_person:
        if t.actor is None and t.quote and ctx.quotes[t.quote].speaker:
            t.actor, t.actor_how = _first_person_actor(ctx, ctx.quotes[t.quote].speaker), "first-person"
        _verb_object(ctx, t, t.last + 1, end)          # نهنئ حزب العدالة والتنمية
        return
    if _passive(ctx, t):
        _passive_arguments(ctx, t, end)
        return
    if _relative_passive(ctx, t, end):
        return
    if t.actor is None and t.last > t.first + 1:
        m = ctx.mention_at.get(t.first + 1)
        if m is not None and m.last < t.last and not ctx.has_proclitic(t.first + 1, "بلك"):
            t.actor, t.actor_how = m.entity, "subject-after"      # تستخدم [روسيا] حق الفيتو
    e, how, nxt = subject_after(ctx, t.last)
    if e and t.first == t.last and _plural_agreement(ctx, t.first):
        e, how, nxt = None, "none", t.last + 1    # نقص الأموال وارتفاع عدد النازحين [أجبرا] البرنامج: its object
    if e and t.actor is None and ctx.has_conjunction(t.first):
        preposed = _preposed_subject_partner(ctx, t, previous)
        if preposed is not None and preposed.actor != e:
            # والجيش يواصل غاراته على جباليا ويحاصر مستشفى العودة: the subject written before the
            # first verb is the second's too, and the name after the second is its object
            t.actor, t.actor_how = preposed.actor, "coordinated"
            e, how, nxt = None, "none", t.last + 1
    if e and t.first > 0 and (t.actor is None or t.actor != e):
        before, how_before = subject_before(ctx, t.first)
        if how_before == "relative" and _object_pronoun(ctx, t.last):
            before = None          # راشيل كوري التي سحقتها جرافة: the relative's noun is the object
        if before and how_before in ("explicit", "relative") and t.actor in (None, before) and (
                how_before == "relative" or ctx.in_list(t.first - 1, "auxiliary")
                or _opens_clause(ctx, _subject_start(ctx, t.first))):
            # الجيش قد اقتحم المستشفى، إسرائيل تقصف المستشفى: the subject stands before the verb
            # (and قد or لم), the name after the verb is its object (also when the statement the
            # verb reports has given the actor already: كانت إيران اتهمت أمس إسرائيل)
            if t.actor is None:
                t.actor, t.actor_how = before, "subject-before"
            e, how, nxt = None, "none", t.last + 1
        elif t.actor is None and how_before == "pronoun" and ctx.norms[t.first - 1] in _pronominal():
            # أنه داهم المستشفى: "it" did, to the hospital (but إنه قبل يومين اقتحم الجيش …: the
            # pronoun of the matter, and the subject after the verb)
            e, how, nxt = None, "none", t.last + 1
    if t.actor is None:
        if e:
            t.actor, t.actor_how = e, "subject-after"
        elif how == "agent":
            t.agent_unresolved = True
    if t.actor is None and how not in ("agent",):
        e2, how2 = subject_before(ctx, t.first)
        if e2:
            t.actor, t.actor_how = e2, "subject-before"
        elif how2 == "pronoun":
            if t.quote and ctx.quotes[t.quote].speaker:
                t.actor, t.actor_how = ctx.quotes[t.quote].speaker, "pronoun-speaker"
            else:
                r = reporting_subject(ctx, t.first)
                if r:
                    t.actor, t.actor_how = r, "pronoun"
        elif how == "noun" and (t.entry.type not in CONFLICT_TYPES or ctx.norms[nxt - 1] in _UNKNOWN_AGENTS):
            t.subject_noun = True          # أحرق مسلحون مجهولون …: no one's forces, no fallback actor
        elif t.first > 0 and ctx.norms[t.first - 1] in _UNKNOWN_AGENTS:
            t.subject_noun = True          # مسلحون يحرقون مدرسة: the same, the subject before the verb
    if t.actor is None and t.form is not None and t.form.first_person and t.quote:
        speaker = ctx.quotes[t.quote].speaker
        if speaker:
            t.actor, t.actor_how = _first_person_actor(ctx, speaker), "first-person"
            t.subject_noun = False
    if (t.actor is None and how == "none" and t.entry.type not in CONFLICT_TYPES
            and _in_complement(ctx, t.first)):
        r = reporting_subject(ctx, t.first)
        if r:
            t.actor, t.actor_how = r, "reporting-subject"
    if t.actor is None and how == "noun" and nxt < end and ctx.norms[nxt - 1].endswith(_NOMINATIVE_PLURAL) \
            and ctx.norms[nxt].endswith(_NOMINATIVE_PLURAL) and (m := ctx.mention_at.get(nxt)) is not None \
            and m.first == nxt and m.label == "ORG":
        # واشتبك المسلحون [الحوثيون] مع …: the plural and the group's name in agreement are one
        # subject, the group
        t.actor, t.actor_how = m.entity, "subject-after"
        how, nxt = "explicit", m.last + 1
    also = ctx.norms[t.first - 1] in ("كما", "وكما", "ثم") if t.first else False
    partner, group = None, False
    if (t.actor is None or also) and (ctx.has_conjunction(t.first) or also
                                      or ctx.norms[t.first - 1] == "و"):
        sent = ctx.sentence_of[t.first]
        group = t.entry.type in CONFLICT_TYPES
        for p in reversed(previous):
            if ctx.sentence_of[p.first] != sent:
                break
            if p.verb and p.actor and (p.entry.type in CONFLICT_TYPES) == group:
                if also and t.actor and t.actor != p.actor and t.recipient is None:
                    t.recipient = t.actor          # كما هنأ حزب …: the mention is the object
                t.actor, t.actor_how = p.actor, "coordinated"
                t.subject_noun = False
                partner = p
                break
            if p.verb and p.subject_noun and p.actor is None and t.actor is None \
                    and (p.entry.type in CONFLICT_TYPES) == group:
                t.subject_noun = True              # أحرق مسلحون مجهولون … وخطفوا: the same unnamed ones
                break
    # the object: a mention right after the subject (or after the verb when the subject came first)
    nominative = how == "noun" and ctx.norms[nxt - 1].endswith(_NOMINATIVE_PLURAL) and nxt in ctx.mention_at \
        and not ctx.norms[nxt].endswith(_NOMINATIVE_PLURAL)      # (المسلحون الحوثيون: one subject)
    _verb_object(ctx, t, nxt if e or how == "agent" or nominative else t.last + 1, end)
    if t.recipient is None and _object_pronoun(ctx, t.last) and t.first > 0 and ctx.in_list(t.first - 1, "relative"):
        # right after a relative pronoun the pronoun is the relative's own noun: المستشفى الذي
        # اقتحمته القوات (the hospital), الاتفاق الذي أبرمته إيران (no entity)
        t.recipient = _relative_head(ctx, t.first - 1)
    elif t.recipient is None and _object_pronoun(ctx, t.last):
        # with no subject of its own, the verb keeps the sentence's last one (حاصره الجيش …
        # قبل أن يقتحمه): that one is not the pronoun's antecedent
        agent = t.actor or next((p.actor for p in reversed(previous) if p.verb and p.actor
                                 and ctx.sentence_of[p.first] == ctx.sentence_of[t.first]), None)
        t.recipient = _antecedent(ctx, t.first, agent, t.last)
    if t.recipient is None and partner is not None and partner.recipient and group \
            and ctx.mention_at.get(k := _skip_forward(ctx, t.last + 1, end)) is None \
            and not (k + 1 < end and ctx.norms[k] in _AGAINST and ctx.in_list(k + 1, "civilians")) \
            and (not _object_pronoun(ctx, t.last) or _agrees(ctx, partner.recipient, _pronoun_gender(ctx, t.last))):
        # اقتحم الجيش المستشفى …، وأضرم النيران في المبنى، ودمر مداخله: acts joined to one
        # against a named target, with no name of their own, are done to it (but not when they
        # name people as theirs: واشتبكوا مع القوات، وأطلقوا النار على سكان القرية)
        t.recipient = partner.recipient


def _preposed_subject_partner(ctx: DocContext, t: Trigger, previous: list[Trigger]) -> Trigger | None:
    """The trigger right before t in its sentence, with no strong boundary between them, whose
    actor is a subject written before it (or before its support verb), of the same kind (conflict
    or not)."""
    if not previous:
        return None
    p = previous[-1]
    if p.actor is None or p.actor_how not in ("subject-before", "support-verb") \
            or ctx.sentence_of[p.first] != ctx.sentence_of[t.first] \
            or (p.entry.type in CONFLICT_TYPES) != (t.entry.type in CONFLICT_TYPES):
        return None
    if any(ctx.boundary(k) == "strong" for k in range(p.last + 1, t.first)):
        return None
    return p


_DAMMA = "\u064f"
_NOT_PERFECT = frozenset("يتن")       # a damma on these opens an imperfect, active (يُرسل) or not


def _passive(ctx: DocContext, t: Trigger) -> bool:
    """Is the verb trigger written in the passive voice? Where the vowel is written: a damma on
    the first letter of a perfect (قُتل، أُجبر، دُمرت) or, after an alif, on one of its first three
    letters (اُحتجزوا، اعتُقلوا، استُهدف); and the forms of the lexicon that are passive without
    vowels (اغتيل: the word list `passive`). Imperfects are left: يُقتل and يُرسل differ only in
    vowels that are seldom written."""
    if t.last != t.first or t.form is None or t.form.first_person:
        return False
    if ctx.in_list(t.first, "passive"):
        return True
    if t.entry.type in _DONE_TO_SOMEONE and _agent_marker_after(ctx, t.last + 1):
        return True                    # واعتقل الصحفي محمد علي [من قبل] قوات الأمن: اُعتقل
    token = ctx.tokens[t.first]
    stem = next((s for s in token.segments if s.kind == "stem"), None)
    surface = ctx.doc.text[stem.start:stem.end] if stem is not None else ctx.doc.text[token.start:token.end]
    if not surface or surface[0] in _NOT_PERFECT:
        return False
    reach = 3 if surface[0] == "ا" else 1
    letters = 0
    for ch in surface[1:]:
        if ch == _DAMMA:
            return True
        if not unicodedata.combining(ch) and ch != "\u0640":
            letters += 1
            if letters >= reach:
                return False
    return False


_BY = frozenset(normalize(w, "match") for w in ("من قبل", "على يد"))


def _agent_marker_after(ctx: DocContext, k: int) -> bool:
    """Does من قبل or على يد and a word after it stand within the next eight words of the clause
    from token k: the agent of a passive verb?"""
    for j in range(k, min(k + 8, ctx.size - 2)):
        if ctx.boundary(j) or ctx.info[j].trigger:
            return False
        if ctx.norms[j] + " " + ctx.norms[j + 1] in _BY and ctx.is_word(j + 2):
            return True
    return False


def _passive_arguments(ctx: DocContext, t: Trigger, end: int) -> None:
    """A passive verb: the name after it, or its subject before it, underwent the act (قُتل
    الصحفي، اغتيل فخري زادة؛ والعاملون في المجال الطبي اُحتجزوا); the actor is named only by an
    agent phrase (على يد، من قبل), else left to the document's main actor."""
    e, how, nxt = subject_after(ctx, t.last)
    if e is None:
        before, how_before = subject_before(ctx, t.first)
        if how_before in ("explicit", "relative"):
            e = before
    if e is not None and not ctx.is_place_only(e):
        t.recipient = e
    agent = _agent_phrase(ctx, nxt if how == "explicit" else t.last + 1, end)
    if agent is not None and agent != t.recipient:
        t.actor, t.actor_how = agent, "agent-phrase"


_RELATIVE_GENDER = {normalize(w, "match"): g for w, g in (("الذي", "m"), ("التي", "f"))}
_DONE_TO_SOMEONE = frozenset({"ASSAULT", "COERCE", "ACCUSE"})     # verbs that take an object


def _relative_passive(ctx: DocContext, t: Trigger, end: int) -> bool:
    """A verb of attacking, coercing or accusing right after الذي / التي with nothing after it to be
    its subject or object (غسان كنفاني … الذي قُتل في 1972، بالاخنيتشيف الذي اتُّهم في وثائقي) is
    read as the passive the unwritten vowels hide: the noun before the pronoun underwent the act
    (the nearest person or body before it that agrees with the pronoun); the actor is named only
    by an agent phrase, as for `_passive_arguments`."""
    r = t.first - 1
    if t.last != t.first or r < 0 or t.form is None or t.form.first_person \
            or ctx.norms[r] not in _RELATIVE_GENDER or t.entry.type not in _DONE_TO_SOMEONE \
            or _object_pronoun(ctx, t.last):
        return False
    k = _skip_forward(ctx, t.last + 1, end)
    if k < end and ctx.is_word(k) and (not ctx.in_list(k, "prepositions") and not ctx.has_proclitic(k, "ب")
                                       or ctx.norms[k] in t.entry.object_words):
        return False                    # التي قصفت المستشفى، الذي اشتبك مع: an object (or a subject) follows
    gender = _RELATIVE_GENDER[ctx.norms[r]]
    start = _clause_start(ctx, r, soft=False)
    for j in range(r - 1, max(start, r - 9) - 1, -1):
        m = ctx.mention_ending.get(j)
        if m is not None and m.label in ("PER", "ORG") and _agrees(ctx, m.entity, gender):
            t.recipient = m.entity
            break
        if ctx.boundary(j) == "strong":
            break
    agent = _agent_phrase(ctx, t.last + 1, end)
    if agent is not None and agent != t.recipient:
        t.actor, t.actor_how = agent, "agent-phrase"
    return True


def _relative_head(ctx: DocContext, r: int) -> str | None:
    """The entity a relative pronoun at token r refers to: the name or the definite noun standing
    for one that ends right before it, past a comma and up to two adjectives (مستشفى اليمن السعيد
    التي …); None when the noun names no entity (الاتفاق الذي …). A relative joined by و adds a
    description to one the name before a comma was given (مستشفى كمال عدوان، آخر مستشفى يعمل في
    الشمال [والذي] هاجمته القوات): that name."""
    k = r - 1
    if ctx.has_conjunction(r):
        start = ctx.sentence_range[ctx.sentence_of[r]][0]
        comma = next((c for c in range(r - 1, max(r - 12, start) - 1, -1) if ctx.boundary(c)), None)
        if comma is None or ctx.doc.text[ctx.tokens[comma].start] not in "،,":
            return None
        k = comma
    if k >= 0 and ctx.tokens[k].kind == "punct" and ctx.doc.text[ctx.tokens[k].start] in "،,":
        k -= 1
    for j in range(k, max(k - 3, -1), -1):
        if not ctx.is_word(j):
            return None
        m = ctx.mention_ending.get(j)
        if m is not None:
            return m.entity
        e = ctx.anaphor_entity(j)
        if e is not None:
            return e
        if j > 0 and ctx.in_list(j - 1, "agenthead") and (e := ctx.nisba_entity(j)) is not None:
            return e                  # القوات الإسرائيلية التي …
        if not _definite(ctx, j):
            return None
    return None


def _subject_before_relative(ctx: DocContext, start: int) -> str | None:
    """The subject of a verb that opens its clause right after a relative clause set off by a
    comma (القوات الإسرائيلية التي تسيطر على المعبر، منعت الوفد …): the relative's noun."""
    comma = start - 1
    if comma < 1 or ctx.boundary(comma) != "soft":
        return None
    sentence_start = ctx.sentence_range[ctx.sentence_of[comma]][0]
    for r in range(comma - 1, max(comma - 14, sentence_start) - 1, -1):
        if ctx.boundary(r):
            return None
        if ctx.in_list(r, "relative"):
            return _relative_head(ctx, r)
    return None


def _verb_object(ctx: DocContext, t: Trigger, k: int, end: int) -> None:
    """The object: the entity named at token k (after adverbs and time words), or a definite
    noun standing for one, or the whole a struck part belongs to."""
    if k < end and ctx.norms[k] in _PREP_PRONOUNS and _without_pronoun(ctx.norms[k]) in t.entry.object_words:
        # the verb's own preposition with a pronoun (أفرجت إسرائيل [عنه]): its antecedent
        obj = _antecedent(ctx, t.first, t.actor, k)
        if obj and obj != t.actor:
            t.recipient = obj
        return
    k = _skip_forward(ctx, k, end)
    k = _past_set_off_phrases(ctx, k, end)
    k = _past_own_place(ctx, k, end)
    if k + 1 < end and ctx.norms[k] in _HONORIFIC_NOUNS and _role_word(ctx, k + 1):
        k += 1                          # استقبل الملك [دولة] رئيس الوزراء X
    if t.actor is not None and k < end and ctx.has_conjunction(k) and t.entry.type not in _RECIPROCAL_TYPES:
        # a second subject joined by و, then the object (أدانت السعودية [وإيران] الهجوم، استقبل
        # الرئيس [ورئيس الوزراء مصطفى مدبولي] وفدا); but التقى ماكرون وبايدن على هامش القمة: each other
        m = ctx.mention_at.get(k)
        if m is None and _role_word(ctx, k):
            m = _person_after_role(ctx, k + 1, end)
        if m is not None and m.first >= k:
            after = _skip_forward(ctx, m.last + 1, end)
            if after < end and ctx.is_word(after) and not ctx.boundary(after) \
                    and not ctx.in_list(after, "prepositions"):
                k = after
    if k < end and not ctx.has_proclitic(k, "بك"):
        m = ctx.mention_at.get(k)
        obj = m.entity if m else ctx.anaphor_entity(k)
        if obj is None and t.entry.type in CONFLICT_TYPES:
            obj = _part_owner(ctx, k, end) or _part_of_institution(ctx, k, end) or _members_of(ctx, k, end) \
                or (_members_of(ctx, k + 1, end) if _counts(ctx, k) else None) \
                or _affiliated_to(ctx, k + 1, end)      # قتلت [ثلاثة] مسلحين من حماس
        if obj is None and m is None and (t.actor is not None or t.agent_unresolved) and _role_word(ctx, k):
            p = _person_after_role(ctx, k + 1, end)
            obj = p.entity if p is not None else None
        if obj is None and m is None and (got := ctx.person_by_role(k) or ctx.person_by_description(k)) is not None:
            obj = got[0]                           # التقى الرئيس وزير الخارجية الأمريكي → the minister
        if obj is None and m is None and t.actor is not None:
            obj = _nisba_group(ctx, k, end)        # طالبت المنظمة السلطات المصرية → Egypt
        if obj is None and m is None:
            obj = _named_conjunct(ctx, k, end)
        if obj is None and m is None and t.entry.type not in CONFLICT_TYPES and (
                t.actor is not None or t.form is not None and t.form.first_person):
            obj = _people_of(ctx, k, end)      # (with no subject found, the people may be it)
        if obj and obj != t.actor:
            t.recipient = obj


_RECIPROCAL_TYPES = frozenset({"AGREE", "COOPERATE"})
_NOMINATIVE_PLURAL = "ون"        # اتهم [الفلسطينيون] إسرائيل: a plural in ـون is the subject, the name after it the object


def _people_of(ctx: DocContext, k: int, end: int) -> str | None:
    """The country whose people a plural nisba (هنأ المغاربة) or "the people" and a nisba (نهنئ
    الشعب المغربي) at token k name, when the document names the country."""
    if not ctx.is_word(k) or ctx.has_proclitic(k, "بلك"):
        return None
    if ctx.in_list(k, "people") and k + 1 < end:
        e = ctx.nisba_entity(k + 1)
    elif ctx.norms[k].endswith(_NISBA_ENDINGS):
        return None     # a plural (المغاربة، المصريين), not a singular adjective or person (المغربي)
    else:
        e = ctx.nisba_entity(k)
    place = ctx.entities.get(e or "")
    return e if place is not None and place.label in ("LOC", "GPE") else None     # a country, no org of it


def _past_own_place(ctx: DocContext, k: int, end: int) -> int:
    """Past في and one noun (and its genitive and town), where the act took place, before an object
    that names someone (استقبل X في مكتبه أمس سفير اليابان Y، في قصر السلام بجدة وزير الدفاع Y):
    the token after them when a name or a role stands there, else k."""
    if k + 2 < end and ctx.norms[k] == _IN and ctx.is_word(k + 1) and k + 1 not in ctx.covered:
        j = _skip_forward(ctx, k + 2, end)
        if j < end and (j in ctx.mention_at or _role_word(ctx, j)):
            return j
        for _ in range(2):         # the place's genitive and town: في قصر [السلام] [بجدة] وزير الدفاع …
            m = ctx.mention_at.get(j) if j < end else None
            if m is not None and (ctx.is_place_only(m.entity) or ctx.has_proclitic(j, "ب")):
                j = m.last + 1
            elif j < end and ctx.is_word(j) and _definite(ctx, j) and j not in ctx.covered and not ctx.info[j].trigger:
                j += 1
            else:
                break
            j = _skip_forward(ctx, j, end)
            if j < end and (_role_word(ctx, j) or j in ctx.mention_at and not ctx.is_place_only(ctx.mention_at[j].entity)
                            and not ctx.has_proclitic(j, "بلك")):
                return j
    return k


def _named_conjunct(ctx: DocContext, k: int, end: int) -> str | None:
    """The first named conjunct of an object that opens with unnamed ones (هنأت المنظمة النساء
    والرجال المغاربة والمجلس الوطني لحقوق الإنسان): a mention with و within six plain words."""
    if not ctx.is_word(k) or ctx.in_list(k, "prepositions"):
        return None
    for j in range(k + 1, min(k + 7, end)):
        if not ctx.is_word(j) or ctx.in_list(j, "prepositions") or ctx.in_list(j, "relative") \
                or ctx.info[j].trigger and j not in ctx.mention_at:
            return None
        m = ctx.mention_at.get(j)
        if m is not None:
            return m.entity if ctx.has_conjunction(j) else None
    return None


_ROLE_CLASSES = frozenset({"ROLE", "TITLE"})


def _past_set_off_phrases(ctx: DocContext, k: int, end: int) -> int:
    """Past prepositional phrases closed by commas before an object (ودعت في سلسلة منشورات، عبر
    حسابها على منصة إكس، القوات الإسرائيلية إلى …): the token after the last such comma when a
    name stands there, else k; and past a relative clause between commas (منظمة X، التي يوجد مقرها
    في لاهاي، [المجلس الوطني])."""
    if k + 1 < end and ctx.boundary(k) == "soft" and ctx.in_list(k + 1, "relative"):
        close = next((i for i in range(k + 2, min(k + 14, end)) if ctx.boundary(i)), None)
        if close is not None and ctx.boundary(close) == "soft":
            return _skip_forward(ctx, close + 1, end)
        return k
    j = k + 1 if k + 1 < end and ctx.boundary(k) == "soft" and ctx.in_list(k + 1, "prepositions") else k
    while j < end and ctx.is_word(j) and ctx.in_list(j, "prepositions"):
        close = next((i for i in range(j + 1, min(j + 10, end))
                      if not ctx.is_word(i) or ctx.info[i].trigger and i not in ctx.covered), None)
        if close is None or ctx.is_word(close) or ctx.doc.text[ctx.tokens[close].start] not in "،,":
            return k
        j = _skip_forward(ctx, close + 1, end)
    # (استقبل الملك X، في قصر السلام بجدة اليوم، رئيس وزراء باكستان Y: a role and its person too)
    if j != k and j + 1 < end and ctx.norms[j] in _HONORIFIC_NOUNS and _role_word(ctx, j + 1):
        j += 1                          # [دولة] رئيس الوزراء: the honorific of a prime minister
    return j if j != k and (j in ctx.mention_at or j < end and _role_word(ctx, j)) else k


_HONORIFIC_NOUNS = frozenset(normalize(w, "match") for w in ("دولة", "معالي", "فخامة", "سعادة"))


def _role_word(ctx: DocContext, k: int) -> bool:
    return ctx.is_word(k) and bool(gz.lookup(ctx.norms[k]) & _ROLE_CLASSES)


def _person_after_role(ctx: DocContext, k: int, end: int, span: int = 12):
    """The mention of the person named at the end of a role phrase that starts before token k
    (اعتقلت القوات [رئيس قسم الجراحة في مستشفى الشفاء الدكتور] عدنان البرش), before any
    punctuation or other trigger."""
    for i in range(k, min(k + span, end)):
        if not ctx.is_word(i) or ctx.boundary(i) or ctx.info[i].trigger and i not in ctx.covered:
            return None
        m = ctx.mention_at.get(i)
        if m is not None and m.label == "PER":
            return m
    return None


# Acts done to no one, whose noun's ل-phrase after adjectives, a name, is the one who acts, as its
# genitive would be (الانسحاب الكامل للقوات الإسرائيلية، الانتشار الواسع لقوات الأمن العراقية);
# after other nouns it is what the act is for or against (المساعدات الإنسانية للسودان، التهديدات
# الإسرائيلية للبنان، المظاهرات الداعمة لفلسطين).
_DONE_BY_LAM = frozenset({"RETREAT", "CONCEDE", "MOBILIZE"})


def _lam_named(ctx: DocContext, first: int, end: int) -> bool:
    """Is the first word written with ل within the next ten of the clause a name's first word?"""
    k = next((k for k in range(first, min(first + 10, end)) if ctx.has_proclitic(k, "ل")), None)
    return k is not None and (m := ctx.mention_at.get(k)) is not None and m.first == k


def _noun_arguments(ctx: DocContext, t: Trigger, end: int) -> None:
    after = t.last + 1
    gen = t.entry.genitive
    if _received(ctx, t, after, end):
        return
    if t.recipient is None and ctx.in_list(t.first, "besieged"):
        t.recipient = _besieged_inside(ctx, after, end)   # محاصرون داخل المستشفى: the hospital
    if t.recipient is None and ctx.has_proclitic(t.first, "ل"):
        # وتعرض مستشفى الشفاء [لقصف] عنيف؛ لم تستجب القوات [لطلب] عاجل: who was asked
        t.recipient = _undergoer(ctx, t.first, "answer" if t.entry.type == "REQUEST" else "undergo")
    if t.actor is None and (t.entry.type in _GIVEN_TYPES or t.entry.type == "REQUEST" and (
            ctx.has_proclitic(t.first, "بل") or after < end and ctx.norms[after] != _FROM)):
        # بدعم من وحدات في الجيش اليمني، بطلب من الاتحاد، لطلب عاجل من الأمم المتحدة: who gave
        # or asked (but a bare طلب من may be the verb: he asked them)
        e = _support_from(ctx, after, end)
        if e is not None:
            t.actor, t.actor_how = e, "giver"
            if t.recipient == e:
                t.recipient = None
    a, b = _between(ctx, after, end)
    if a:
        if t.actor is None:
            t.actor, t.actor_how = a, "between"
        t.recipient = b
        return
    m = ctx.mention_at.get(after) if after < end else None
    if m and ctx.has_proclitic(after, "بلك"):
        m = None
    if m and gen == "A" and t.actor is None and t.entry.type == "CONSULT" and _facility(ctx, m):
        t.recipient = m.entity              # زيارة مستشفى كمال عدوان: the place visited, not who visits
    elif m and gen == "A" and t.actor is None:
        t.actor, t.actor_how = m.entity, "genitive"
    elif m and gen == "R":
        k = m.last + 1
        lam = k < end and ctx.has_proclitic(k, "ل") and (
            ctx.mention_at[k].entity if k in ctx.mention_at else _lam_owner(ctx, k, end))
        if lam:
            # the genitive is the agent when the object follows with ل: دعم طهران لنظام الأسد
            if t.actor is None:
                t.actor, t.actor_how = m.entity, "genitive"
            t.recipient = lam
        elif k < end and m.label != "PER" and not ctx.is_place_only(m.entity) and _lam_patient(ctx, k):
            # also when the object is no name: استهداف الاحتلال للمستشفيات، اقتحام الجيش للمستشفى
            if t.actor is None:
                t.actor, t.actor_how = m.entity, "genitive"
            t.recipient = ctx.anaphor_entity(k, lam=True)
        elif (k < end and m.label != "PER" and (ctx.is_word(k) or ctx.tokens[k].kind == "number")
              and not ctx.boundary(k) and ctx.norms[k][:1] != "ي"     # (تدمير المستشفى يعني …: a verb)
              and not ctx.in_list(k, "prepositions") and not ctx.has_proclitic(k, "وفبلك")
              and not ctx.in_list(k, "relative") and not ctx.in_list(k, "adverbs")
              and k not in ctx.time_at and ctx.nisba_entity(k) is None):
            # a second noun phrase follows: the genitive is the agent (احتلال داعش قضاء سنجار،
            # تدمير الجيش 300 منزل)
            if t.actor is None:
                t.actor, t.actor_how = m.entity, "genitive"
            m2 = ctx.mention_at.get(k)
            if m2:
                t.recipient = m2.entity
            elif (got := ctx.person_by_role(k) or ctx.person_by_description(k)) is not None:
                t.recipient = got[0]         # اغتيال الجيش مؤسس حركة حماس → the man named so
        else:
            t.recipient = m.entity
    elif gen == "A" and after < end and ctx.in_list(after, "agenthead") and t.actor is None:
        owner = _owner_after(ctx, after + 1, end)
        if owner:
            t.actor, t.actor_how = owner, "genitive"
    elif gen == "A" and after < end and t.actor is None and not ctx.has_proclitic(after, "بلك") \
            and (_role_word(ctx, after) and (p := _person_after_role(ctx, after + 1, end)) is not None
                 or (p := _person_after_title(ctx, after, end)) is not None):
        t.actor, t.actor_how = p.entity, "genitive"      # زيارة وزير الخارجية عادل الجبير
    elif gen == "R" and not m and after + 1 < end and t.actor is None and _unnamed_agent(ctx, after):
        t.subject_noun = True         # استهداف المقاومة رتلا عسكريا: the act of someone unnamed, no fallback
        m2 = ctx.mention_at.get(after + 1)
        t.recipient = m2.entity if m2 is not None and m2.first == after + 1 else None
    elif gen == "R" and not m and after < end and (whole := ctx.anaphor_entity(after)):
        t.recipient = whole                              # حصار المستشفى → the hospital named before
    elif gen == "R" and not m and after < end and (got := ctx.person_by_role(after)) is not None:
        t.recipient = got[0]                             # اغتيال قائد فيلق القدس → the man named so
    elif gen == "R" and not m and after < end and (got := ctx.person_by_description(after)) is not None:
        t.recipient = got[0]                             # اغتيال العالم النووي → the man described so
    elif gen == "R" and not m and t.entry.type in CONFLICT_TYPES and (whole := _part_owner(ctx, after, end)):
        t.recipient = whole                              # قصف محيط المستشفى → the hospital
    elif gen == "R" and not m and t.entry.type in CONFLICT_TYPES and (whole := _members_of(ctx, after, end)):
        t.recipient = whole                              # مقتل قيادات وعناصر في "داعش" → ISIS
    elif gen == "R" and not m and t.entry.type in CONFLICT_TYPES and (whole := _affiliated_to(ctx, after + 1, end)):
        t.recipient = whole                              # اعتقال خلية إرهابية تابعة لتنظيم داعش → ISIS
    elif gen == "R" and not m:
        # an appositive patient: اغتيال العالم النووي محسن فخري زادة
        for k in range(after, min(after + 4, end)):
            if ctx.boundary(k) or ctx.in_list(k, "prepositions"):
                break
            mk = ctx.mention_at.get(k)
            if mk:
                if mk.label == "PER":
                    t.recipient = mk.entity
                break
    if t.recipient is None and gen != "A" and t.entry.type in CONFLICT_TYPES:
        t.recipient = _described_person(ctx, t.first)     # صدام حسين [المعتقل] لدى الجيش
    if t.recipient is None and t.entry.type == "ASSAULT":
        t.recipient = _around(ctx, after, end)            # عملياته العسكرية حول مستشفى العودة
    if t.recipient is None and gen == "R":
        t.recipient = _lam_object(ctx, after, end)
        if t.recipient is None and _noun_object_pronoun(ctx, t.last) and not _lam_follows(ctx, after, end):
            t.recipient = _antecedent(ctx, t.first, t.actor, t.last)      # اقتحامه: the hospital named before
    if t.actor is None and gen == "A" and t.entry.type in _DONE_BY_LAM:
        e = _lam_object(ctx, after, end)                 # الانسحاب الكامل للقوات الإسرائيلية
        if e is not None and _lam_named(ctx, after, end):
            t.actor, t.actor_how = e, "genitive"
    if t.actor is None:
        e = _nisba_after(ctx, t.first, after, end)
        if e:
            t.actor, t.actor_how = e, "nisba"
        elif _unnamed_nisba_after(ctx, t.first, after, end):
            t.subject_noun = True          # وبدعم أميركي (no entity for the country): no fallback actor
    if t.actor is None:
        e = _agent_phrase(ctx, after, end)
        if e:
            t.actor, t.actor_how = e, "agent-phrase"
    if t.actor is None:
        e = _support_verb_subject(ctx, t.first)
        if e == _UNNAMED:
            t.subject_noun = True
        elif e:
            t.actor, t.actor_how = e, "support-verb"
    if t.actor is None:
        e = _relative_support_subject(ctx, after, end)
        if e:
            t.actor, t.actor_how = e, "support-verb"
    if t.actor is None and t.entry.type not in CONFLICT_TYPES:
        e = clause_subject(ctx, t.first)
        if e:
            t.actor, t.actor_how = e, "clause-subject"


def _ignorer(ctx: DocContext, t: Trigger, previous: list[Trigger]) -> str | None:
    """Who ignores or breaks what a request, resolution or order named by the noun `t` asked
    (وتواصل إسرائيل مجازرها متجاهلة قرار مجلس الأمن، تجاهلت الحكومة دعوات …): the one asked. A
    request joined to such a one by و is ignored by the same (…، وأوامر محكمة العدل الدولية)."""
    j = t.first - 1
    m = ctx.mention_ending.get(j) if j >= 0 else None
    if m is not None and m.first > 0 and ctx.in_list(m.first - 1, "ignore") and not ctx.norms[m.first - 1].startswith("م"):
        return m.entity                         # تجاهل الجيش قرار …: the subject between verb and noun
    if j >= 0 and ctx.in_list(j, "ignore"):
        start = _clause_start(ctx, j, soft=False)
        for k in range(j - 1, start - 1, -1):
            m = ctx.mention_ending.get(k)
            if m is not None and not _prep_before(ctx, m.first - 1) and not ctx.has_proclitic(m.first, "بلك"):
                return m.entity                 # the subject of the verb the participle goes with
        return None
    if ctx.has_conjunction(t.first):
        for p in reversed(previous):
            if ctx.sentence_of[p.first] != ctx.sentence_of[t.first] or t.first - p.last > 12:
                break
            if p.entry.type == "REQUEST" and not p.verb and p.recipient and p.first > 0 \
                    and ctx.in_list(p.first - 1, "ignore"):
                return p.recipient
    return None


_FACILITIES = frozenset(normalize(w, "match") for w in (
    "مستشفى", "مستوصف", "مجمع", "مدرسة", "جامعة", "مسجد", "كنيسة", "مخيم", "مطار", "ميناء", "معبر",
    "سجن", "معتقل", "مصنع", "متحف", "ملعب", "مسلخ", "فندق"))


def facility_word(norm: str) -> bool:
    """Is the word (match form, with or without و and the article) a building or site's head?"""
    if norm[:1] in ("و", "ف") and len(norm) > 4:
        norm = norm[1:]
    return norm in _FACILITIES or norm.startswith("ال") and norm[2:] in _FACILITIES


def _facility(ctx: DocContext, m) -> bool:
    """Is the mention a building or site by its first word (مستشفى كمال عدوان، مخيم جباليا): a
    place one visits, that visits no one?"""
    return ctx.norms[m.first] in _FACILITIES


_INSIDE = frozenset(normalize(w, "match") for w in ("في", "داخل", "بداخل"))
_AROUND = frozenset(normalize(w, "match") for w in ("حول", "بمحيط"))


def _around(ctx: DocContext, k: int, end: int) -> str | None:
    """The building or body an attack is made around, after up to two adjectives of the noun
    (عملياته العسكرية حول مستشفى العودة، القصف العنيف بمحيط المستشفى): not a town."""
    for j in range(k, min(k + 3, end - 1)):
        if ctx.norms[j] in _AROUND:
            return _building_at(ctx, j + 1)
        if not ctx.is_word(j) or j in ctx.covered or ctx.info[j].trigger or not (
                _definite(ctx, j) or ctx.nisba_entity(j) is not None or ctx.info[j].lists & _WEAPON_LISTS):
            return None
    return None


def _besieged_inside(ctx: DocContext, k: int, end: int) -> str | None:
    """The building or body whose people are besieged in it, named right after the participle
    (محاصرون داخل المستشفى، المحاصرين في مستشفى العودة): not a town or camp, which is the place."""
    k = _skip_forward(ctx, k, end)
    if k + 1 >= end or ctx.norms[k] not in _INSIDE:
        return None
    return _building_at(ctx, k + 1)


def _building_at(ctx: DocContext, k: int) -> str | None:
    """The building or body named at token k (مستشفى العودة), or the one of its kind a definite
    noun stands for (المستشفى): not a town, a camp or a person."""
    m = ctx.mention_at.get(k)
    if m is not None:
        return None if ctx.is_place_only(m.entity) or m.label == "PER" else m.entity
    return ctx.anaphor_entity(k)


def _undergoer(ctx: DocContext, i: int, verbs: str = "undergo") -> str | None:
    """Who underwent the act named by the ل-noun at token i: the subject of تعرض before it
    (تعرض مستشفى الشفاء لقصف، المستشفى تعرض للقصف), or of another verb of the word list
    `verbs` (answer: لم تستجب القوات لطلب …)."""
    start = _clause_start(ctx, i, soft=False)
    for j in range(i - 1, max(start, i - 8) - 1, -1):
        if ctx.info[j].trigger:
            return None
        if verbs in ctx.info[j].lists:
            e, how, _ = subject_after(ctx, j)
            if not (e and how == "explicit"):
                e, how = subject_before(ctx, j)
                e = e if how in ("explicit", "relative") else None
            return e if e is not None and not ctx.is_place_only(e) else None
    return None


def _received(ctx: DocContext, t: Trigger, after: int, end: int) -> bool:
    """A noun received from someone (تلقى الوزير اتصالاً هاتفياً من الأمير X، تلقت الحكومة دعماً من
    المملكة): the giver, after من, is the actor and the subject of the verb of receiving the
    recipient. False (nothing set) when the noun is not the object of such a verb or no giver is named."""
    start = _clause_start(ctx, t.first, soft=False)
    for j in range(t.first - 1, max(start, t.first - 10) - 1, -1):
        if "receive" in ctx.info[j].lists:
            break
    else:
        return False
    giver, _ = _after_prep(ctx, after, end, _FROM, span=4)
    if giver is None:
        return False
    receiver, how, _ = subject_after(ctx, j)
    if how != "explicit":
        receiver, _ = subject_before(ctx, j)
    t.actor, t.actor_how = giver, "giver"
    if receiver != giver:
        t.recipient = receiver
    return True


_PARTICIPLE_PREFIX = "الم"


def _described_person(ctx: DocContext, i: int) -> str | None:
    """The person a definite participle right after the name describes, who underwent the act
    (صدام حسين [المعتقل] لدى الجيش الأمريكي، الصحفي المصري [المختطف]), or who is counted among
    those who did (وكان المدير أحمد مهنا أحد [المعتقلين]، X من بين [المصابين]): the recipient."""
    w = ctx.norms[i]
    if not (w.startswith(_PARTICIPLE_PREFIX) and len(w) >= 6) or i == 0:
        return None
    k = i - 1
    if ctx.in_list(k, "oneof") and k > 0:
        k -= 1
        if ctx.norms[k] == "من" and k > 0:
            k -= 1                                  # من بين
    m = ctx.mention_ending.get(k)
    if m is not None and m.label == "ORG" and m.first >= 3:
        # past an apposition naming his organization: مروان البرغوثي [أحد قادة حركة فتح] المعتقل
        j = m.first - 1
        if ctx.is_word(j) and ctx.is_word(j - 1) and not ctx.has_article(j) and ctx.in_list(j - 1, "oneof"):
            m = ctx.mention_ending.get(j - 2)
    return m.entity if m is not None and m.label == "PER" else None


def clause_subject(ctx: DocContext, i: int) -> str | None:
    """The entity that opens the clause of token i (its topic), when one does."""
    start = _clause_start(ctx, i, soft=False)
    info = ctx.info
    for k in range(i - 1, start - 1, -1):
        if "complementizer" in info[k].lists:
            start = k + 1
            break
    j = start
    while j < i and (not ctx.is_word(j) or ctx.in_list(j, "complementizer")
                     or ctx.norms[j] in ("و", "ف")):
        j += 1
    if j >= i:
        return None
    m = ctx.mention_at.get(j)
    if m and not ctx.has_proclitic(j, "بلك") and m.last < i:
        return m.entity
    if ctx.in_list(j, "agenthead"):
        return _owner_after(ctx, j + 1, i)
    a = ctx.anaphor_entity(j)
    return a


def _definite(ctx: DocContext, k: int) -> bool:
    """Does word k carry the article (المستشفى، والمستشفى)?"""
    n = ctx.norms[k]
    return len(n) > 4 and n.startswith(("ال", "وال", "فال")) and not false_article(n)


def _part_owner(ctx: DocContext, k: int, end: int) -> str | None:
    """The named whole after an indefinite noun that heads a construct (مداخل المستشفى، محيط
    مستشفى النور): what is struck when a part of it is; the person, when the noun is a role of
    the organization named and the person's name follows. Not after a nisba adjective or a word
    with a preposition or the article."""
    if k + 1 >= end or not ctx.is_word(k) or k in ctx.covered or ctx.boundary(k):
        return None
    if _definite(ctx, k) or ctx.has_proclitic(k, "وفبلك") or ctx.info[k].lists - _PART_LISTS - _CONTENT_LISTS \
            or k in ctx.time_at or ctx.nisba_entity(k) is not None or _place_head(ctx.norms[k]):
        return None                   # شارع القدس، مدينة غزة: a head names a place of its own
    j = k + 1
    if j + 1 < end and ctx.tokens[j].kind == "punct" and ctx.doc.text[ctx.tokens[j].start] in _QUOTE_MARKS:
        j += 1                        # تنظيم "داعش"
    if ctx.nisba_entity(j) is not None:
        return None
    m = ctx.mention_at.get(j)
    if m is None:
        return ctx.anaphor_entity(j)
    if m.label == "PER":
        return None
    person = ctx.mention_at.get(m.last + 1)       # a role, then the person: قائد فيلق القدس قاسم سليماني
    return person.entity if person is not None and person.label == "PER" else m.entity


_OF_IN = frozenset(["من", "في"])


def _part_of_institution(ctx: DocContext, k: int, end: int) -> str | None:
    """The institution a definite part of a building belongs to, named after من or في (استهدفت
    الطابق الثالث من المستشفى، قصف مدخل قسم الطوارئ في مستشفى العودة): what was struck. Up to two
    adjectives may stand between (الطابق الثالث); an indefinite part takes its genitive first
    (أصابت قسم الطوارئ في مستشفى كمال عدوان)."""
    if not (ctx.is_word(k) and ctx.in_list(k, "parts")) or k in ctx.covered or ctx.has_proclitic(k, "وفبلك"):
        return None
    if not _definite(ctx, k):
        # an indefinite part heads a construct: [قسم الطوارئ] في مستشفى كمال عدوان
        if not (k + 1 < end and ctx.is_word(k + 1) and _definite(ctx, k + 1) and k + 1 not in ctx.covered):
            return None
        k += 1
    j = k + 1
    while j < min(k + 3, end) and ctx.is_word(j) and _definite(ctx, j) and j not in ctx.covered \
            and ctx.norms[j] not in _OF_IN and not ctx.info[j].trigger:
        j += 1
    if j + 1 >= end or ctx.norms[j] not in _OF_IN:
        return None
    m = ctx.mention_at.get(j + 1)
    if m is not None:
        return m.entity if m.label in ("ORG", "FAC") else None
    return ctx.anaphor_entity(j + 1)


def _lam_owner(ctx: DocContext, k: int, end: int) -> str | None:
    """The entity after a ل-noun that heads a construct (لنظام بشار الأسد → الأسد)."""
    if k + 1 >= end or k in ctx.covered or ctx.boundary(k + 1):
        return None
    m = ctx.mention_at.get(k + 1)
    return m.entity if m is not None else None


def _lam_patient(ctx: DocContext, k: int) -> bool:
    """Is token k a definite noun written with ل that can be what an act was done to: a plural
    (للمستشفيات، للمدنيين) or a noun standing for a named place or body (للمستشفى), not a time
    (لليوم الثالث، للمرة الثانية) or another listed word?"""
    norm = ctx.norms[k]
    if not norm.startswith("لل") or k in ctx.covered or k in ctx.time_at or ctx.info[k].lists - _CONTENT_LISTS \
            or ctx.info[k].trigger:
        return False
    return norm.endswith(("ات", "ين", "ون")) or ctx.anaphor_entity(k, lam=True) is not None


def _place_head(norm: str) -> bool:
    head = gz.head(norm)
    return bool(head) and head[0] == "LOC_HEAD"


def _lam_object(ctx: DocContext, first: int, end: int) -> str | None:
    """The object of a definite verbal noun, written with ل (القصف المتكرر أمس لمستشفى …،
    اقتحامها للمستشفى), after at most three adjectives and any time words, or after the weapon or
    force that did it (قصف طائرة مسيّرة للمستشفى)."""
    adjectives = 0
    agent = False
    for k in range(first, min(first + 10, end)):
        if ctx.boundary(k):
            return None
        if ctx.has_proclitic(k, "ل"):
            m = ctx.mention_at.get(k)
            return m.entity if m is not None else ctx.anaphor_entity(k, lam=True)
        if k in ctx.time_at or ctx.in_list(k, "adverbs"):
            continue
        if ctx.norms[k].startswith("وال") and ctx.is_word(k) and k not in ctx.covered:
            continue                  # الدعم والإسناد للقوات: a second noun sharing the object
        if k == first and (ctx.in_list(k, "agenthead") or ctx.info[k].lists & _WEAPON_LISTS) \
                and k not in ctx.covered and not ctx.has_proclitic(k, "وفبك"):
            agent = True              # its adjectives may be indefinite like it (طائرة مسيّرة)
            continue
        adjectives += 1
        listed = ctx.info[k].lists - _CONTENT_LISTS - (_WEAPON_LISTS if agent else frozenset())
        if adjectives > 3 or ctx.mention_at.get(k) or listed or not (
                _definite(ctx, k) or agent or ctx.nisba_entity(k) is not None):
            return None
    return None


def _lam_named_after(ctx: DocContext, first: int, end: int, span: int = 6) -> str | None:
    """The first name written with ل within `span` words from `first` in the clause, past other
    names (the giver), plain words and aid, not past another act (قدمت المملكة مساعدات إنسانية
    [لليمن])."""
    k = first
    while k < min(first + span, end):
        if ctx.boundary(k) or ctx.info[k].trigger and k > first \
                and not any(entry.type == "AID" for entry, _ in ctx.info[k].readings):
            return None                   # (past the aid it gives: قدمت الحكومة [مساعدات] …)
        m = ctx.mention_at.get(k)
        if m is not None:
            if m.first == k and ctx.has_proclitic(k, "ل"):
                return None if k > first and ctx.norms[k - 1] in _AFFILIATED else m.entity  # (التابع لـ: its owner)
            k = m.last + 1
            continue
        k += 1
    return None


def _thanked(ctx: DocContext, first: int, end: int) -> str | None:
    """Whom thanks, praise or backing written as a noun is for: the ل-object after it, past the
    nouns joined to it with their pronoun (شكره وتقديره وامتنانه [لوزارة الصحة]) and a title
    (… لصاحب السمو الملكي الأمير [فيصل بن خالد])."""
    k = first
    while k < end and k - first < 4 and ctx.is_word(k) and ctx.has_conjunction(k) and k not in ctx.covered \
            and (ctx.info[k].suffix or ctx.norms[k].startswith("وال")) and not ctx.has_proclitic(k, "ل"):
        k += 1
    if k < end and ctx.has_proclitic(k, "ل") and k not in ctx.mention_at and ctx.is_word(k):
        norm = ctx.norms[k]
        words = ["ال" + norm[2:] if norm.startswith("لل") else norm[1:], *ctx.norms[k + 1:min(end, k + 8)]]
        n = 0
        for _ in range(3):
            mt = gz.title_at(words, n, len(words))
            if mt is None:
                break
            n = mt.end
        m = ctx.mention_at.get(k + n) if n else None
        if m is not None and m.first == k + n and m.label == "PER":
            return m.entity
    return _lam_object(ctx, k, end)


def _unnamed_agent(ctx: DocContext, k: int) -> bool:
    """Is the word at k a definite noun that stands for no named body, followed by an indefinite
    object in the accusative (استهداف [المقاومة] رتلاً عسكرياً): the genitive is who did it?"""
    if not ctx.is_word(k) or k in ctx.covered or not _has_article(ctx, k) or ctx.has_proclitic(k, "وفبلك") \
            or ctx.anaphor_entity(k) is not None or ctx.info[k].lists or ctx.info[k].trigger or k in ctx.time_at:
        return False
    j = k + 1
    if not ctx.is_word(j) or j in ctx.covered or _has_article(ctx, j) or ctx.has_proclitic(j, "وفبلك"):
        return False
    word = ctx.doc.text[ctx.tokens[j].start:ctx.tokens[j].end]
    norm = ctx.norms[j]
    if has_tanween(word) and word.rstrip("\u064b").endswith("ا"):
        return True
    if not norm.endswith("ا") or len(norm) <= 3:
        return False
    nxt = ctx.norms[j + 1] if j + 1 < len(ctx.norms) and ctx.is_word(j + 1) else ""
    # (the alef of the accusative: its stem is the commoner word, or a nisba in the accusative follows)
    return known(norm[:-1]) > known(norm) or nxt.endswith("يا") and len(nxt) > 4


def _noun_object_pronoun(ctx: DocContext, i: int) -> bool:
    """Does the verbal noun at token i end in a singular pronoun (اقتحامه، حصارها)? Read on the
    written word: in match form a feminine noun's ة looks like the pronoun ه (محاصرة). A plural
    pronoun (استهدافهم) is left alone: it stands for people the article seldom names."""
    word = ctx.doc.text[ctx.tokens[i].start:ctx.tokens[i].end]
    return word.endswith(("ه", "ها")) and ctx.info[i].suffix


def _lam_follows(ctx: DocContext, first: int, end: int) -> bool:
    """Is the next word written with ل (حصاره للمستشفيات)? Then the pronoun is the agent."""
    return first < end and ctx.has_proclitic(first, "ل")


def _object_pronoun(ctx: DocContext, i: int) -> bool:
    """Does the verb at token i end in an object pronoun (اقتحمته، حاصرها)? Not when the letters
    are the verb's own (اتهم is a form of its entry as written)."""
    norm = ctx.norms[i]
    if not (norm.endswith(("ه", "ها", "هم")) and ctx.info[i].suffix):
        return False
    forms = lexicon().forms
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    return not any(f.verb for f in (*forms.get(norm, ()), *forms.get(bare, ())))


def _antecedent(ctx: DocContext, i: int, actor: str | None, pronoun: int | None = None) -> str | None:
    """The entity an object pronoun at token i (or at token `pronoun`, the trigger's last)
    refers to, other than the actor and agreeing with the pronoun's gender (تطرده is no
    country's, تونس; منعها no man's): the nearest one named before it in its sentence, else the
    first one the sentence before names (its topic: ومستشفى النور من أكبر المرافق في المدينة. وقد
    حاصره … → the hospital, not the city)."""
    gender = _pronoun_gender(ctx, i if pronoun is None else pronoun)
    sentence = ctx.sentence_of[i]
    start = ctx.sentence_range[sentence][0]
    for j in range(i - 1, start - 1, -1):
        found = _entity_ending(ctx, j, actor)
        if found:
            return found if _agrees(ctx, found, gender) else None
    if sentence == 0:
        return None
    first, stop = ctx.sentence_range[sentence - 1]
    for j in range(first, stop):
        m = ctx.mention_at.get(j)
        if m and m.entity != actor and m.label in _ANTECEDENT_LABELS and _agrees(ctx, m.entity, gender):
            return m.entity
        a = ctx.anaphor_entity(j)
        if a and a != actor and _agrees(ctx, a, gender):
            return a
    return None


_ANTECEDENT_LABELS = ("ORG", "PER", "LOC", "GPE", "FAC")


def _pronoun_gender(ctx: DocContext, i: int) -> str:
    """"f" for a word written with the pronoun ها, "m" for ه (not ة), "" otherwise (هم، هما)."""
    token = ctx.tokens[i]
    word = ctx.doc.text[token.start:token.end]
    if word.endswith("ها"):
        return "f"
    return "m" if word.endswith("ه") else ""


def _agrees(ctx: DocContext, entity: str, gender: str) -> bool:
    if not gender:
        return True
    other = ctx.gender(entity)
    return not other or other == gender


def _entity_ending(ctx: DocContext, j: int, actor: str | None, gender: str = "") -> str | None:
    m = ctx.mention_ending.get(j)
    if m and m.entity != actor and m.label in _ANTECEDENT_LABELS:
        return m.entity if _agrees(ctx, m.entity, gender) else None
    a = ctx.anaphor_entity(j)
    return a if a and a != actor and _agrees(ctx, a, gender) else None


# ---- place and time ---------------------------------------------------------------------------

def find_place(ctx: DocContext, t: Trigger) -> None:
    """The first place named after a locative word in the clause (or just before the trigger)."""
    mention_at = ctx.mention_at
    for k in range(t.last + 1, min(t.last + 12, _clause_end(ctx, t.last, soft=False))):
        m = mention_at.get(k)
        if m and m.label in PLACE_LABELS and m.entity != t.actor:
            if ctx.in_list(k - 1, "locative") or ctx.has_proclitic(k, "ب") or k == t.last + 1:
                t.place = m.entity
                return
    if t.recipient and ctx.labels.get(t.recipient) in PLACE_LABELS:
        t.place = t.recipient
        return
    start = _clause_start(ctx, t.first, soft=False)
    for k in range(t.first - 1, max(start, t.first - 8) - 1, -1):
        m = mention_at.get(k)
        if m and m.label in PLACE_LABELS and m.entity != t.actor and (
                ctx.in_list(k - 1, "locative") or ctx.has_proclitic(k, "ب")):
            t.place = m.entity
            return


def find_time(ctx: DocContext, t: Trigger) -> None:
    """The nearest time expression of the sentence, else the time of the reporting statement."""
    s_start, s_end = ctx.sentence_bounds(t.first)
    best, dist = None, None
    for tok, tid in ctx.time_tokens:
        if s_start <= tok < s_end:
            d = abs(tok - t.first) + (0 if tok > t.first else 1)
            if dist is None or d < dist:
                best, dist = tid, d
    if best is None:
        q = ctx.quotes.get(t.quote or t.cue_quote or "")
        if q is not None and q.time:
            best = q.time
    t.time = best


# ---- modality ---------------------------------------------------------------------------------

def find_modality(ctx: DocContext, t: Trigger, published: str | None) -> None:
    first = t.first
    negated = future = hypothetical = False
    for k in range(max(_clause_start(ctx, first, soft=False), first - 6), first):
        lists = ctx.info[k].lists
        if lists:
            near = first - k <= 2           # the 2 words before the trigger
            wide = first - k <= 5
            negated = negated or "denial" in lists or (near and "negation" in lists)
            future = future or (wide and "future" in lists)
            hypothetical = hypothetical or (wide and "hypothetical" in lists)
    t.negated = negated
    t.future = future or _future_verb(ctx, t)
    t.hypothetical = hypothetical
    if t.time and published:
        value = ctx.times[t.time].value if t.time in ctx.times else None
        if value:
            t.historical = _before_week(value, published)
            if value[:len(published)] > published and not t.historical:
                t.future = True


def _future_verb(ctx: DocContext, t: Trigger) -> bool:
    norm = ctx.norms[t.first]
    return t.verb and norm[:1] in "سو" and ctx.info[t.first].future


def _before_week(value: str, published: str) -> bool:
    """Is the period `value` (YYYY, YYYY-MM, YYYY-MM-DD) over a week before `published`?"""
    from datetime import date, timedelta
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            last = date(year, 12, 31)
        elif len(parts) == 2:
            month = int(parts[1])
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - timedelta(days=1)
        else:
            last = date(year, int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return False
    return last < pub - timedelta(days=7)
