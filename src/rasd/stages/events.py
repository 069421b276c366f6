"""The events stage: who did what to whom, where and when, typed with PLOVER.

1. Triggers: every word (and phrase) of a sentence is looked up in the trigger lexicon
   (`resources/events/triggers.tsv`, see `rasd.stages.event_lexicon`); context conditions of the
   lexicon choose between readings (قطع العلاقات → SANCTION, قطع الاتصالات → COERCE). Words inside
   an entity name (منظمة التعاون الإسلامي) are not triggers; a noun trigger directly followed by
   another of the same type (مفاوضات الحوار) is one event.
2. Arguments from the clause (`rasd.stages.event_arguments`), then the missing actors: the
   speaker of the statement the trigger belongs to for speech acts and first-person verbs, and for
   conflict events the document's main actor of conflict events.
3. Modality (negated, future, hypothetical, historical), the quote that reports the event
   (`reported_by`), confidence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from ..model import Document, Event, Span
from ..quotes.context import HERE
from ..quotes.lexicon import NAME_BREAKERS
from ..resources import gazetteers as gz
from ..text.clitics import known
from ..text.dates import number_table
from ..text.normalize import has_tanween, normalize
from .base import Stage
from .event_arguments import (CONFLICT_TYPES, ON_BEHALF, SPEECH_TYPES, Trigger, facility_word, find_arguments,
                              find_modality, find_place, find_time, impersonal_subject,
                              share_arguments)
from .event_context import DocContext, demonym_country
from .event_lexicon import GAP, MAX_GAP, TriggerEntry

__all__ = ["EventStage", "extract_events"]

EXPLICIT = frozenset({"subject-after", "subject-before", "speaker", "genitive", "between", "nisba",
                      "agent-phrase", "support-verb", "pronoun", "pronoun-speaker", "first-person", "giver"})


class EventStage(Stage):
    """Finds PLOVER events with their actor, recipient, place, time and modality."""

    name = "events"
    requires = ("sentences", "tokens", "entities", "times", "quotes")
    provides = ("events",)

    def process(self, doc: Document) -> None:
        doc.events = extract_events(doc)


# ---- trigger detection ------------------------------------------------------------------------

def _holds(ctx: DocContext, entry: TriggerEntry, first: int, last: int) -> bool:
    s_start, s_end = ctx.sentence_bounds(first)
    for c in entry.conditions:
        k = c.kind
        if k == "next":
            if not (last + 1 < s_end and ctx.keys(last + 1) & c.words):
                return False
        elif k == "near":
            if not any(ctx.keys(j) & c.words for j in range(last + 1, min(last + 5, s_end))):
                return False
        elif k == "around":
            window = list(range(max(s_start, first - 4), first)) + list(range(last + 1, min(last + 5, s_end)))
            if not any(ctx.keys(j) & c.words for j in window):
                return False
        elif k == "prev":
            if not (first - 1 >= s_start and ctx.keys(first - 1) & c.words):
                return False
        elif k == "notnext":
            if any(ctx.keys(j) & c.words for j in range(last + 1, min(last + 3, s_end))):
                return False
        elif k == "notnear":
            if any(ctx.keys(j) & c.words for j in range(last + 1, min(last + 5, s_end))):
                return False
        elif k == "notprev":
            if first - 1 >= s_start and ctx.keys(first - 1) & c.words:
                return False
        elif k == "notsent":
            if not c.words.isdisjoint(ctx.sentence_keys(s_start, s_end)):
                return False
        elif k == "notadj":
            if _participle_adjective(ctx, first, s_start):
                return False
        elif k == "noart":
            if ctx.has_article(first):
                return False
        elif k == "noent":
            if last + 1 in ctx.mention_at:
                return False
        elif k == "ent":
            ok = False
            for j in range(last + 1, min(last + 6, s_end)):
                if ctx.boundary(j):
                    break
                if j in ctx.mention_at:
                    ok = True
                    break
            if not ok:
                return False
        elif k == "start":
            j = first - 1
            if j >= s_start and not ctx.boundary(j) and ctx.norms[j] not in ("و", "ف"):
                return False
    return True


_FEMININE_PLURAL_OR_NISBA = ("ات", "يه")      # match form: ة is ه


def _participle_adjective(ctx: DocContext, i: int, s_start: int) -> bool:
    """Is the word at i, a verbal noun that is also a feminine participle (مساندة، مساعدة،
    مطالبة), an adjective: right after a plural in ـات or a nisba in ـية with the same article
    (الخدمات الانتخابية [المساندة]، خدمات [مساندة]) and with no و before it? Not when a verb of
    the lexicon stands before that noun phrase, whose object it may be (طلبت السلطات الفلسطينية
    المساعدة)."""
    j = i - 1
    if j < s_start or not ctx.is_word(j) or ctx.has_conjunction(i) \
            or not ctx.norms[j].endswith(_FEMININE_PLURAL_OR_NISBA) or ctx.has_article(i) != ctx.has_article(j):
        return False
    while j > s_start and ctx.is_word(j - 1) and ctx.norms[j - 1].endswith(_FEMININE_PLURAL_OR_NISBA):
        j -= 1
    before = j - 1
    return not (before >= s_start and ctx.is_word(before) and (
        any(form.verb for _, form in ctx.info[before].readings) or "support" in ctx.info[before].lists))


def _match_phrase(ctx: DocContext, words: tuple[str, ...], i: int, end: int) -> int | None:
    """Last token index of the phrase `words` starting at token i, or None."""
    j = i
    k = 1
    while k < len(words):
        w = words[k]
        if w == GAP:
            nxt = words[k + 1]
            for gap in range(0, MAX_GAP + 1):
                jj = j + 1 + gap
                if jj >= end or ctx.boundary(jj):
                    return None
                if nxt in ctx.info[jj].keys:
                    j = jj
                    break
            else:
                return None
            k += 2
            continue
        j += 1
        if j >= end or w not in ctx.info[j].keys:
            return None
        k += 1
    return j


def _stops(ctx: DocContext) -> list[int]:
    """The words where the trigger scan has work: possible triggers, and the first word of a name
    of several words (which the scan skips)."""
    found = ctx.trigger_candidates()
    names = [i for i, m in ctx.covered.items() if m.last > m.first and ctx.is_word(i)]
    return sorted(set(found).union(names)) if names else found


def _noun_position(ctx: DocContext, i: int, s_start: int, s_end: int) -> bool:
    """Does the word at i, which reads as a verb and as a verbal noun, stand where a noun does:
    after a preposition, a noun that takes a genitive (جراء، إثر، بعد) or إنّ (which takes a noun),
    before a nisba adjective, or written as a feminine noun with a pronoun inside a clause
    (سيقدم استقالته: a verb would be استقالت + ه, "she resigned him"; a verb opens its clause,
    often with و: وأدانته)?"""
    return (i - 1 >= s_start and (ctx.in_list(i - 1, "prepositions") or ctx.in_list(i - 1, "genitiveheads")
                                  or ctx.text(i - 1) in _INNA)) or (
        i + 1 < s_end and ctx.nisba_entity(i + 1) is not None) or (
        i + 1 < s_end and demonym_country(ctx.norms[i + 1]) is not None) or (
        ctx.norms[i].endswith(_NOUN_PRONOUN) and not ctx.has_conjunction(i) and i > s_start) or (
        _after_support_verb(ctx, i, s_start))


def _after_support_verb(ctx: DocContext, i: int, s_start: int) -> bool:
    """Is the word at i the object of a support verb before it, with at most its subject between
    (جدد الجيش قصف المستشفى، والاحتلال يواصل قصف …): then it is the verbal noun."""
    j = i - 1
    m = ctx.mention_ending.get(j)
    if m is not None:
        j = m.first - 1                               # جدد [الجيش الإسرائيلي] قصف
        if j - 1 > s_start and ctx.norms[j] in ON_BEHALF and (m2 := ctx.mention_ending.get(j - 1)) is not None:
            m, j = m2, m2.first - 1                   # ورفع المبطي [باسم غرفة أبها] شكره
        while j > s_start and m.label == "PER" and gz.title_at(ctx.norms, j, j + 1) is not None:
            j -= 1                                    # ورفع [المهندس] سعد العلي شكره
    return j >= s_start and "support" in ctx.info[j].lists and not ctx.has_proclitic(j, "بلك") \
        and not ctx.info[j].readings


_HASHTAG_MARKS = frozenset("_#")


def _in_hashtag(ctx: DocContext, i: int) -> bool:
    """Is the word at i part of a hashtag (#إيران_تستهدف_أمن_البحرين): a label, not a report."""
    toks = ctx.tokens
    return (i > 0 and toks[i - 1].end == toks[i].start and ctx.text(i - 1) in _HASHTAG_MARKS
            or i + 1 < ctx.size and toks[i + 1].start == toks[i].end and ctx.text(i + 1) == "_")


_INNA = frozenset(["إن", "وإن", "فإن", "إنّ", "وإنّ", "فإنّ"])
_NOUN_PRONOUN = ("ته", "تها", "تهم", "تهما")


def detect_triggers(ctx: DocContext) -> list[Trigger]:
    """Triggers of the document, in text order."""
    out: list[Trigger] = []
    stops = _stops(ctx)
    for s_start, s_end in ctx.sentence_range:
        i = s_start
        for i_stop in stops[bisect_left(stops, s_start):bisect_left(stops, s_end)]:
            if i_stop < i:
                continue
            i = i_stop
            m = ctx.covered.get(i)
            if m is not None and m.last > m.first:
                i = m.last + 1
                continue
            info = ctx.info[i]
            readings, phrases = info.readings, info.phrases
            if not readings and not phrases or ctx.norms[i] in HERE and ctx.text(i) in HERE \
                    or _in_hashtag(ctx, i):
                i += 1
                continue
            best = None
            for ph in phrases:
                last = _match_phrase(ctx, ph.words, i, s_end)
                if last is not None and _holds(ctx, ph.entry, i, last):
                    if best is None or last > best[1]:
                        best = (ph.entry, last)
            if best:
                entry, last = best
                out.append(Trigger(i, last, entry, None, entry.pos == "v"))
                i = last + 1
                continue
            chosen = None
            after_prep = None
            for entry, form in readings:
                if not _holds(ctx, entry, i, i):
                    continue
                if form.verb and ctx.text(i).endswith(_TA_MARBUTA):
                    continue                   # وطالبة: a noun; no verb ends in ة (طالبه would be "demanded him")
                if form.verb and any(not f.verb and e.type == entry.type for e, f in readings):
                    if after_prep is None:
                        after_prep = _noun_position(ctx, i, s_start, s_end) or has_tanween(ctx.text(i))
                    if after_prep:
                        continue               # a verbal noun after a preposition (في دعم …) or with tanween (دعماً)
                if entry.conditions:
                    chosen = (entry, form)
                    break
                if chosen is None:
                    chosen = (entry, form)
            if chosen and not (not chosen[1].verb and (_family_name(ctx, i, s_start)
                                                         or _bare_list_item(ctx, i, chosen[0], s_start, s_end)
                                                         or _district(ctx, i, chosen[0], s_end)
                                                         or _room_for(ctx, i, s_start))) \
                    and not _hyphenated_name(ctx, i, s_start) \
                    and not (chosen[1].verb and _facility_receives(ctx, i, chosen[0], s_start, s_end)):
                out.append(Trigger(i, i, chosen[0], chosen[1], chosen[1].verb))
            i += 1
    return _merge(ctx, out)


_RECEIVE = "استقبل"        # the lexicon entry of receiving (its first form)


def _facility_receives(ctx: DocContext, i: int, entry, s_start: int, s_end: int) -> bool:
    """Is the verb at i استقبل with a building as its subject, right after or right before it
    (استقبل مستشفى الشفاء 50 جريحا، المسلخ يستقبل الذبائح)? It takes in, it meets no one."""
    if entry.source.split("|")[0] != _RECEIVE:
        return False
    return i + 1 < s_end and facility_word(ctx.norms[i + 1]) or i - 1 >= s_start and facility_word(ctx.norms[i - 1])


_ROOMS = frozenset(normalize(w, "match") for w in ("قاعة", "قاعات", "غرفة", "غرف", "صالة", "صالات"))


def _room_for(ctx: DocContext, i: int, s_start: int) -> bool:
    """Is the noun at i the genitive of a room or hall named for what happens there (بقاعة
    [الاجتماعات]، غرفة [العمليات])? A place, no event."""
    return i - 1 >= s_start and ctx.is_word(i - 1) and ctx.tokens[i - 1].stem in _ROOMS and not ctx.has_conjunction(i)


def _hyphenated_name(ctx: DocContext, i: int, s_start: int) -> bool:
    """Is the word at i glued by a hyphen to the word before it (مطار أكادير-المسيرة): part of a name?"""
    if i - 2 < s_start or ctx.text(i - 1) not in ("-", "–"):
        return False
    t = ctx.tokens
    return t[i - 2].end == t[i - 1].start and t[i - 1].end == t[i].start


def _district(ctx: DocContext, i: int, entry, s_end: int) -> bool:
    """Is the noun at i مقاطعة as a district, not a boycott: before a town's name or a word no
    text rasd learnt from writes (مقاطعة كورام، لمقاطعة البرنوصي), or counted (سبع مقاطعات)?"""
    if entry.mode != "boycott":
        return False
    if i > 0 and (ctx.tokens[i - 1].kind == "number" or ctx.norms[i - 1] in number_table()):
        return True
    if i + 1 >= s_end or not ctx.is_word(i + 1):
        return False
    nxt = ctx.norms[i + 1]
    kinds = gz.lookup(nxt)
    return bool(kinds & {"CITY", "ADMIN", "REGION"}) and "COUNTRY" not in kinds \
        or known(nxt) <= 2 and not kinds


_NAME_LIKE_TYPES = frozenset({"AGREE", "COOPERATE"})


def _bare_list_item(ctx: DocContext, i: int, entry, s_start: int, s_end: int) -> bool:
    """Is the noun at i a bare definite item of a list, between commas (النصر، والهلال، [والاتفاق]،
    [والتعاون]): a name (Saudi clubs are called so), not an agreement or a cooperation between anyone?"""
    if entry.type not in _NAME_LIKE_TYPES or not ctx.has_article(i) or i - 1 < s_start:
        return False
    before = ctx.tokens[i - 1].kind == "punct" and ctx.text(i - 1) in "،,"
    after = i + 1 >= s_end or ctx.tokens[i + 1].kind == "punct" and ctx.text(i + 1) in "،,." \
        or ctx.norms[i + 1] in _LIST_ENDS
    return before and after


_LIST_ENDS = frozenset(normalize(w, "match") for w in ("فيما", "بينما"))


def _family_name(ctx: DocContext, i: int, s_start: int) -> bool:
    """Is the noun at i, written bare, a family name after a first name (مستشفى كمال [عدوان])? Not
    after a name of several words that ends there (وعقد الوزير سامي خليل [اجتماعا]: complete)."""
    j = i - 1
    if j < s_start or not ctx.is_word(j) or ctx.proclitics(i) or ctx.has_article(i):
        return False
    m = ctx.covered.get(j)
    if m is not None and m.first < j == m.last:
        return False
    return gz.is_first_name(ctx.norms[j]) and not ctx.info[j].trigger and not ctx.in_list(j, "prepositions") \
        and ctx.norms[j] not in NAME_BREAKERS            # (على: in match form also the name علي)


_BA = frozenset(["ب", "بـ"])
_TA_MARBUTA = "ة"


def _without_threatened_acts(ctx: DocContext, triggers: list[Trigger]) -> list[Trigger]:
    """Without the acts a threat names after ب (هدد الجيش بـ"القتل والتدمير والاعتقال"، هددت
    إسرائيل باعتقال عرفات): what is threatened has not happened; the threat is the event."""
    drop: set[int] = set()
    for k, t in enumerate(triggers):
        if t.entry.type != "THREATEN":
            continue
        prev = t
        for nxt in triggers[k + 1:]:
            gap = [i for i in range(prev.last + 1, nxt.first) if ctx.is_word(i)]
            if nxt.verb or nxt.entry.type not in CONFLICT_TYPES or nxt.first - prev.last > 5:
                break
            if prev is t:
                # after the threat, its subject, then ب: هددت إسرائيل باعتقال …، هدد بـ"القتل …"
                bare_b = gap and ctx.norms[gap[-1]] in _BA
                if not (ctx.has_proclitic(nxt.first, "ب") or bare_b) or any(
                        i not in ctx.covered and i not in ctx.time_at and not ctx.in_list(i, "adverbs")
                        for i in (gap[:-1] if bare_b else gap)):
                    break
            elif gap or not ctx.has_conjunction(nxt.first):
                break
            drop.add(id(nxt))
            prev = nxt
    return [t for t in triggers if id(t) not in drop] if drop else triggers


def _merge(ctx: DocContext, triggers: list[Trigger]) -> list[Trigger]:
    """One event for a noun trigger whose genitive is another noun trigger of the same type."""
    out: list[Trigger] = []
    for t in triggers:
        if (out and not t.verb and not out[-1].verb and out[-1].entry.type == t.entry.type
                and t.first == out[-1].last + 1 and not ctx.has_conjunction(t.first)):
            continue
        if out and out[-1].entry.type == t.entry.type and t.first == out[-1].last + 2 \
                and ctx.text(t.first - 1) == "(" and t.last + 1 < ctx.size and ctx.text(t.last + 1) == ")":
            continue                    # حق النقض (الفيتو): the word in brackets glosses the one before
        out.append(t)
    return out


# ---- assembling -------------------------------------------------------------------------------

_OPENING_MARKS = frozenset("(«“„")
_CLOSING_MARKS = frozenset(")»”")


_PREVENT = normalize("منع", "match")
_ACTS_OF = frozenset(normalize(w, "match") for w in ("أعمال", "ارتكاب", "وقوع", "حدوث", "تكرار"))


def _prevented(ctx: DocContext, t: Trigger) -> bool:
    """Is the conflict noun at t what a prevention is meant to stop (تدابير لمنع [أعمال] الإبادة
    الجماعية، منع ارتكاب جرائم)? It has not happened."""
    if t.verb or t.entry.type not in CONFLICT_TYPES or t.first == 0:
        return False
    k = t.first - 1
    if ctx.norms[k] in _ACTS_OF and k > 0:
        k -= 1
    w = ctx.norms[k]
    return w.endswith(_PREVENT) and len(w) <= len(_PREVENT) + 2


_WHETHER = frozenset(normalize(w, "match") for w in ("هل", "وهل", "فهل"))
_QUESTION_MARKS = ("؟", "?")


def _in_question(ctx: DocContext, i: int) -> bool:
    """Is token i in a yes-or-no question (هل يسمح لكم الاحتلال بنقل الجرحى؟)? What it asks
    about is not said to have happened."""
    a, b = ctx.sentence_range[ctx.sentence_of[i]]
    return ctx.norms[a] in _WHETHER and ctx.doc.text[ctx.tokens[a].start:ctx.tokens[b - 1].end].rstrip().endswith(
        _QUESTION_MARKS)


def _cites_scripture(ctx: DocContext, i: int) -> bool:
    """Is token i inside words quoted from scripture or a hadith, in brackets or quotation marks
    that open right after the formula that names God or the Prophet (يقول سبحانه وتعالى: (ومن يقتل
    مؤمنا …)، قال رسول الله صلى الله عليه وسلم: «…»)? What they tell is no event of the news."""
    for k in range(i - 1, max(-1, i - 60), -1):
        token = ctx.tokens[k]
        if token.kind == "word":
            continue
        mark = ctx.doc.text[token.start:token.end]
        if mark in _CLOSING_MARKS or "\n" in ctx.doc.text[token.end:ctx.tokens[k + 1].start]:
            return False
        if mark in _OPENING_MARKS or mark == '"' and k > 0 and ctx.doc.text[token.start - 1:token.start].isspace():
            return any(ctx.in_list(j, "scripture") for j in range(max(0, k - 12), k))
    return False


# Modes of acts only the one who does them can be said to do: with no actor in their clause, no
# fallback names one (بعد استقالة باسندوة: not the conflict's main actor).
_OWN_ACTS = frozenset({"resign"})


def _main_conflict_actor(triggers: list[Trigger]) -> str | None:
    counts = Counter(t.actor for t in triggers
                     if t.actor and t.entry.type in CONFLICT_TYPES and t.actor_how not in ("", "fallback"))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _topics(ctx: DocContext, triggers: list[Trigger]) -> list[tuple[int, str]]:
    """(token index, entity) of the explicit actors and statement speakers, in text order."""
    out = [(t.first, t.actor) for t in triggers if t.actor and t.actor_how in EXPLICIT]
    for q in ctx.doc.quotes:
        if q.speaker:
            out.append((bisect_right(ctx.starts, q.cue.start) - 1, q.speaker))
    out.sort()
    return out


def _speaker_after(ctx: DocContext, t: Trigger) -> str | None:
    """The speaker of a statement whose cue follows the trigger in its sentence, the trigger
    standing in the phrase fronted before it (وفي نداء من أجل حماية المرضى، قال المدير العام
    لمنظمة الصحة X: the call is his)."""
    if t.quote or t.cue_quote:
        return None                 # (inside a statement, its own speaker's)
    sentence = ctx.sentence_of[t.first]
    end = ctx.sentence_range[sentence][1]
    for q in ctx.doc.quotes:
        k = bisect_right(ctx.starts, q.cue.start) - 1
        if t.last < k < end and q.speaker and q.content.start > ctx.tokens[t.last].end:
            return q.speaker
    return None


def _topic_before(topics: list[tuple[int, str]], i: int) -> str | None:
    k = bisect_left(topics, (i, ""))
    return topics[k - 1][1] if k else None


def _the_same_act(ctx: DocContext, triggers: list[Trigger]) -> None:
    """A conflict noun with the article and no target of its own (منفذي [الاغتيال]، عملية
    [الاغتيال]) is the act of that name the article told of before against a person, when every
    earlier one against a person was against the same one: it takes that person."""
    targets: dict[int, set[str]] = {}
    for t in triggers:
        key = id(t.entry)
        if t.recipient is None and not t.verb and t.entry.type in CONFLICT_TYPES and ctx.has_article(t.first) \
                and len(targets.get(key, ())) == 1 and not _phrase_after(ctx, t):
            t.recipient = next(iter(targets[key]))
            if t.recipient == t.actor:
                t.recipient = None
        elif t.recipient is not None and ctx.labels.get(t.recipient) in ("PER", "PERS"):
            targets.setdefault(key, set()).add(t.recipient)


def _phrase_after(ctx: DocContext, t: Trigger) -> bool:
    """Does a name, or a preposition, follow the noun within three words of its clause (القصف
    على بيت حانون، رفع الحصار عن مستشفيات الشمال): its own target or place?"""
    end = ctx.clause_end(t.last)
    for k in range(t.last + 1, min(t.last + 4, end)):
        if k in ctx.covered or ctx.in_list(k, "prepositions") or ctx.has_proclitic(k, "بل"):
            return True
    return False


def _confidence(t: Trigger) -> float:
    c = 0.75 if t.verb else 0.65
    if t.entry.conditions:
        c += 0.05
    if t.actor_how in ("subject-after", "subject-before", "speaker", "genitive", "between"):
        c += 0.15
    elif t.actor_how in ("fallback", "speaker-fallback", "topic"):
        c -= 0.1
    return round(max(0.05, min(c, 0.99)), 2)


def extract_events(doc: Document) -> list[Event]:
    """The events of an analysed document (sentences, tokens, entities, times and quotes done)."""
    if not doc.tokens:
        return []
    ctx = DocContext(doc)
    triggers = detect_triggers(ctx)
    for k, t in enumerate(triggers):
        a, b = ctx.tokens[t.first].start, ctx.tokens[t.last].end
        t.quote = ctx.quote_containing(a, b)
        t.cue_quote = ctx.cue_at.get(t.first)
        if t.cue_quote and t.quote == t.cue_quote:
            t.quote = None
        find_arguments(ctx, t, triggers[:k])
    # a disease or a famine kills, a shortage forces: no one acts, so there is no event
    triggers = [t for t in triggers if not (t.verb and t.actor is None and t.entry.type in CONFLICT_TYPES
                                            and impersonal_subject(ctx, t.first))]
    triggers = [t for t in triggers if not _cites_scripture(ctx, t.first) and not _in_question(ctx, t.first)
                and not _prevented(ctx, t)]
    share_arguments(ctx, triggers)
    _the_same_act(ctx, triggers)
    triggers = _without_threatened_acts(ctx, triggers)
    main = _main_conflict_actor(triggers)
    topics = _topics(ctx, triggers)
    speakers = _topics(ctx, [])
    for t in triggers:
        if t.actor is None and t.actor_how != "denied" and t.entry.mode not in _OWN_ACTS:
            # (the accuser of a denied accusation is unknown; a resignation is no one else's)
            q = ctx.quotes.get(t.quote or "")
            if t.entry.type in SPEECH_TYPES and q is not None and q.speaker and q.speaker != t.recipient \
                    and not t.subject_noun and (t.verb or t.entry.type not in CONFLICT_TYPES):
                # (threats a statement names, unattributed, are made against its speaker's side
                # more often than by it: التهديدات التي وجهت للسكان; the conflict's main actor
                # below)
                t.actor, t.actor_how = q.speaker, "speaker-fallback"
            elif t.entry.type in CONFLICT_TYPES:
                if main and not t.subject_noun:
                    t.actor, t.actor_how = main, "fallback"
                    if t.recipient == main:
                        t.recipient = None
            elif not t.subject_noun and t.entry.type != "PROTEST":
                # (a protest is a crowd's: the one the text named last is seldom in it)
                # ("we" call, "we" ask: said by the one who spoke last, not by the last actor)
                first_person = t.form is not None and t.form.first_person
                topic = _speaker_after(ctx, t) or _topic_before(speakers if first_person else topics, t.first)
                if topic and topic != t.recipient:
                    t.actor, t.actor_how = topic, "topic"
        find_place(ctx, t)
        find_time(ctx, t)
        find_modality(ctx, t, doc.meta.published)
    place_ids = {p.entity: p.id for p in doc.places}
    events = []
    for n, t in enumerate(triggers, 1):
        a, b = ctx.tokens[t.first].start, ctx.tokens[t.last].end
        events.append(Event(
            id=f"v{n}", type=t.entry.type, trigger=Span(a, b), mode=t.entry.mode,
            cameo=t.entry.cameo, actor=t.actor, recipient=t.recipient,
            place=place_ids.get(t.place) if t.place else None, time=t.time,
            negated=t.negated, hypothetical=t.hypothetical, future=t.future,
            historical=t.historical, reported_by=t.quote, confidence=_confidence(t)))
    return events
