"""Mentions for the entities stage: the tagger's mentions checked and completed with gazetteer
knowledge and a few head-noun rules.

Works on token ranges (`Span`, mutable while it is being built). What it does, in order:
- reads the tagger's mentions and snaps them to whole tokens;
- gives a mention the gazetteer entry that spells it, stretching it to a longer gazetteer name it
  is part of (الولايات المتحدة -> الولايات المتحدة الأميركية) and fixing its label (a country is
  LOC, a known organization ORG; a tagger PER is kept);
- adds the gazetteer names the tagger missed, unless the word is ambiguous (فتح، الجزيرة);
- adds organizations named by a head noun: a construct head and its definite genitives (وزارة
  الصحة، لجنة الأمن والدفاع) or a definite head and a nisba adjective (الجيش العراقي);
- stretches organization mentions through their genitive chain and a following ``في``/``ب`` +
  organization (لجنة الأمن والدفاع في البرلمان العراقي);
- moves titles out of person mentions (اللواء يحيى رسول -> يحيى رسول, title اللواء).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from typing import NamedTuple

from ..model import Document, Token
from ..resources import gazetteers as gz
from ..text.clitics import COMMON, RARE, _lexicon, known
from ..text.dates import month_of, number_table
from ..text.normalize import false_article, has_tanween, normalize
from ..ner.features import cue_classes
from ..quotes.lexicon import NAME_BREAKERS, speaker_class
from .event_lexicon import in_wordlist, lookup as event_lookup
from .outlets import byline_outlets, outlets_spoken_to

__all__ = ["Span", "Words", "collect", "name_of", "proclitic_cut", "without_proclitics", "words"]

# Labels the entity layer keeps; MISC mentions stay in `doc.mentions` but make no entity.
ENTITY_LABELS = ("PER", "ORG", "LOC", "GPE")
_PLACE = gz.PLACE_KINDS
_LOCATIVE = frozenset(normalize(w, "match") for w in (
    "في", "إلى", "الى", "من", "نحو", "قرب", "داخل", "خارج", "عبر", "باتجاه", "حتى", "شمال", "جنوب",
    "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "أنحاء", "مدينة", "محافظة", "عاصمة"))
# Heads that make an organization with a definite genitive after them (construct state).
_CONSTRUCT_HEADS = frozenset(normalize(w, "match") for w in (
    "وزارة", "هيئة", "منظمة", "مجلس", "لجنة", "حزب", "جبهة", "جماعة", "جيش", "قيادة", "محكمة",
    "وكالة", "مؤسسة", "جمعية", "اتحاد", "بنك", "مصرف", "شركة", "جامعة", "مستشفى", "بلدية", "أمانة",
    "مديرية", "مفوضية", "نقابة", "منتدى", "رابطة", "قناة", "صحيفة", "نادي", "كتائب", "سرايا", "فيلق",
    "حكومة", "برلمان", "ائتلاف", "تحالف", "جهاز", "شرطة", "مكتب", "مركز", "صندوق", "ديوان", "جريدة",
    "مجلة", "إذاعة", "معهد", "كلية", "أكاديمية"))
# Heads that name an organization after a place (بلدية صامطة، حكومة غزة) or a person (مستشفى كمال
# عدوان، جامعة الملك سعود); the place or person mention is then part of the organization's name.
_PLACE_ORG_HEADS = frozenset(normalize(w, "match") for w in (
    "بلدية", "أمانة", "حكومة", "جامعة", "شرطة", "سفارة", "قنصلية", "برلمان", "بعثة", "مستشفى",
    "محكمة", "مطار", "ميناء", "نادي", "إمارة", "غرفة"))
# Heads of a town's own bodies: the name after them is a town (بلدية صامطة، مديرية مشرعة).
_TOWN_HEADS = frozenset(normalize(w, "match") for w in ("بلدية", "أمانة", "إمارة", "مديرية"))
_PERSON_ORG_HEADS = frozenset(normalize(w, "match") for w in (
    "مستشفى", "جامعة", "مركز", "مؤسسة", "مدرسة", "كلية", "معهد", "مجمع", "جمعية", "قاعة", "مكتبة",
    "كرسي", "جائزة", "كتائب"))
# the bodies within an organization named after it (not إدارة: مجلس إدارة الشركة is the company's board)
ORG_OFFICE_HEADS = frozenset(normalize(w, "match") for w in ("رئاسة", "أمانة", "مكتب", "قيادة"))
_PERSON_LOC_HEADS = frozenset(normalize(w, "match") for w in (
    "مطار", "شارع", "ميدان", "مسجد", "قاعدة", "جسر", "حي", "ساحة", "ميناء", "سوق", "مبنى", "قصر", "جامع",
    "قاعة", "صالة", "برج"))
# The Arab world and its neighbours, whose towns Arabic news names most (ISO alpha-3).
_NEAR = frozenset("""ARE BHR DJI DZA EGY IRQ JOR COM KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR
TUN YEM IRN TUR ISR ESH SSD ERI ETH CYP AFG PAK""".split())
_PLACE_HEADS = frozenset(normalize(w, "match") for w in (
    "مدينة", "مخيم", "بلدة", "قرية", "محافظة", "منطقة", "إقليم", "ولاية", "حي", "ناحية", "قضاء",
    "مقاطعة", "جزيرة", "جهة", "دولة", "إمارة", "مملكة", "سلطنة", "جمهورية"))
# Definite heads that make an organization with a nisba adjective after them (الجيش العراقي).
# Institutions that a conjunct never makes part of another organization's name.
_INSTITUTIONS = frozenset(normalize(w, "match") for w in (
    "الوزارة", "الهيئة", "الغرفة", "الجامعة", "الشركة", "المنظمة", "الوكالة", "الجمعية", "اللجنة",
    "المؤسسة", "البلدية", "المحكمة", "النقابة", "الرابطة", "الجبهة", "الحركة", "الحزب"))
_DEFINITE_HEADS = frozenset(normalize(w, "match") for w in (
    "الجيش", "القوات", "الحكومة", "البرلمان", "الشرطة", "الحرس", "المخابرات", "الاستخبارات",
    "الخارجية", "الداخلية", "الدفاع", "الرئاسة", "التلفزيون", "المكتب", "الوزارة",
    "البحرية", "الأمن", "الكونغرس"))
# Definite heads of a named body when a demonym or institutional adjective follows (المؤسسة الوطنية
# الديمقراطية الأمريكية، الاتحاد السعودي للكرة الطائرة); its name runs on through the modifiers
# after it (`_chain_end`).
_DEFINITE_BODY_HEADS = frozenset(normalize(w, "match") for w in (
    "المؤسسة", "المنظمة", "الجمعية", "اللجنة", "الاتحاد", "المنتدى", "الرابطة", "النقابة", "المنتخب",
    "الجبهة", "المفوضية", "الوكالة", "المحكمة", "البنك", "الصندوق", "الحزب", "التحالف", "الائتلاف",
    "المجلس", "الهيئة"))
# Words before a town's name that show it is a place (a one-word town needs one, see `collect`).
PLACE_CUES = frozenset(normalize(w, "match") for w in (
    "في", "إلى", "الى", "من", "نحو", "قرب", "داخل", "باتجاه", "بمدينة", "مدينة", "ومدينة", "لمدينة",
    "بلدة", "قرية", "محافظة", "بمحافظة", "منطقة", "بمنطقة", "ولاية", "إقليم", "حي", "مخيم", "شمال",
    "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "ضواحي", "أطراف", "مدن", "عاصمة",
    "العاصمة", "وفي", "ومن", "وإلى", "عن", "بين", "حتى", "مطار", "زار", "وصل", "غادر", "أهالي", "سكان"))
# Words that end a genitive chain even though they carry the article.
_STOP = frozenset(normalize(w, "match") for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "الان", "اليوم", "الماضي", "الماضية", "المقبل",
    "المقبلة", "الحالي", "الحالية", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الأحد", "الأسبوع", "الشهر", "العام", "السنة", "الجاري", "الجارية", "الأول", "الثاني", "الأخير",
    "الأخيرة", "الأولى", "الثانية", "كل", "بعض", "ذلك", "هذا", "هذه", "أمس", "الكثير",
    # function words that begin like the article in match form (إلى → الي)
    "إلى", "إلا", "إليه", "إليها", "إليهم", "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي"))
# Adjectives that name an institution after a definite head (التلفزيون الرسمي، القوات الأمنية).
_INSTITUTIONAL = frozenset(normalize(w, "match") for w in (
    "الرسمي", "الرسمية", "الوطني", "الوطنية", "الحكومي", "الحكومية", "الإعلامي", "الأمني", "الأمنية",
    "الشرعي", "الشرعية", "المركزي", "المركزية", "الأعلى", "الاتحادي", "الاتحادية", "الملكي",
    "الملكية", "الجوي", "الجوية", "البحري", "البحرية", "المدني", "الثوري", "الشعبي", "الشعبية",
    "العسكري", "العسكرية", "الإسلامي", "الإسلامية", "الدولي", "الدولية", "العربي", "العربية",
    "الانتقالي", "الانتقالية", "الموحد", "المؤقتة", "المؤقت", "الفدرالي", "الفيدرالي", "العام",
    "العامة", "الإقليمي", "الإقليمية", "الإفريقي", "الإفريقية", "الأفريقي", "الأفريقية", "الأوروبي",
    "الأوروبية", "الآسيوي", "الآسيوية", "الخليجي", "الخليجية", "العالمي", "العالمية", "الأممي",
    "الأممية"))
_NISBA = ("ي", "يه", "يين", "يون", "يات")
_OTHER_ADJ = frozenset(normalize(w, "match") for w in (
    "العليا", "الكبرى", "العظمى", "الأعلى", "العام", "العامة", "الخاص", "الخاصة", "الأحمر", "الدائم",
    "الدائمة"))
_FUNCTION = frozenset(normalize(w, "match") for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "و", "أو", "ثم", "بعد", "قبل", "منذ", "خلال", "حتى",
    "أن", "إن", "الذي", "التي", "لم", "لن", "قد", "كان", "كانت", "هو", "هي", "بين", "عند", "لدى"))
# لل-words that do not continue an organization's name (للمرة الأولى، للغاية).
_NOT_ORG_LINK = frozenset(normalize(w, "match") for w in (
    "للمرة", "للغاية", "للتو", "للحظة", "للحديث", "للصحفيين", "للصحافيين", "للصحافة", "للإعلام",
    "لللقاء", "للبحث", "للرد", "للمشاركة", "للحصول", "للتأكيد", "للعام", "للسنة", "للشهر", "لليوم",
    "للأسبوع", "للمزيد", "للجميع", "للقاء"))
_ORG_LINKS = frozenset(("في", "ب", "لدي"))
MAX_CHAIN = 6


@dataclass(slots=True)
class Span:
    """A mention being built: tokens `[i, j)`, label, where it came from, what it matched."""

    i: int
    j: int
    label: str
    source: str = "model"
    score: float = 1.0
    entry: gz.Entry | None = None
    title: tuple[int, int] | None = None      # token range of a title moved out of a PER mention
    cut: tuple[int, bool] | None = None       # proclitics of the first word, when a gazetteer knows


@lru_cache(maxsize=100_000)
def proclitic_cut(norm: str, person: bool = False) -> tuple[int, bool]:
    """How many leading characters of a name's first word are proclitics (و ف ب ك ل), and whether
    the article must be restored (للتحالف -> التحالف): (2, True). Conservative: a letter is cut
    only when what remains carries the article, or is a gazetteer word and the whole word is not,
    or is more frequent in the stem lexicon than the whole word (وسوق، لثقافة); a و is also cut
    from an unattested word of four letters or more after it (ونسما). For a person's name
    (`person`) the lexicon is not asked about ب ل ك: names often begin with them (بانو، بتال)."""
    n = norm
    for pre in ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال"):
        if n.startswith(pre) and len(n) > len(pre) + 1:
            return len(pre) - 2, False
    for pre in ("ولل", "فلل", "لل"):
        if n.startswith(pre) and len(n) > len(pre) + 1:
            return len(pre), True
    if gz.lookup(n, clitics=False) or len(n) < 4:
        return 0, False
    for pre in ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل", "ك"):
        rest = n[len(pre):]
        if n.startswith(pre) and len(rest) >= 3 and gz.lookup(rest, clitics=False):
            return len(pre), False
    whole = known(n)
    for pre in (("و",) if person else ("وب", "ول", "وك", "و", "ب", "ل", "ك")):
        rest = n[len(pre):]
        if n.startswith(pre) and len(rest) >= 3:
            if known(rest) > whole or pre == "و" and whole == 0 and len(rest) >= 4:
                return len(pre), False
    return 0, False


def without_proclitics(norm: str) -> tuple[str, int, bool]:
    """A word without its proclitics, the article restored (وللاتفاق -> الاتفاق), with what
    `proclitic_cut` said of it: (word, cut, restore)."""
    cut, restore = proclitic_cut(norm)
    return ("ال" + norm[cut:] if restore else norm[cut:]), cut, restore


@lru_cache(maxsize=50_000)
def _surface_offset(surface: str, k: int) -> int:
    """Index in `surface` after its first `k` normalized characters (diacritics do not count)."""
    if k <= 0:
        return 0
    seen = 0
    for idx, ch in enumerate(surface):
        if normalize(ch, "match"):
            seen += 1
            if seen == k:
                rest = idx + 1
                while rest < len(surface) and not normalize(surface[rest], "match"):
                    rest += 1
                return rest
    return len(surface)


def name_of(doc: Document, tokens: list[Token], i: int, j: int,
            cut: tuple[int, bool] | None = None) -> tuple[str, int]:
    """The name a token range spells, with the first word's proclitics removed (and the article
    restored after لل), and the character offset where the name starts in `doc.text`."""
    first = tokens[i]
    cut, restore = cut if cut is not None else proclitic_cut(first.norm)
    surface = doc.text[first.start:first.end]
    off = _surface_offset(surface, cut)
    start = first.start + off
    text = doc.text[start:tokens[j - 1].end]
    if restore:
        text = "ال" + text
    return " ".join(text.split()), start


def _token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect_right(ends, start)
    j = bisect_left(starts, end)
    return i, max(j, i + 1)


@lru_cache(maxsize=100_000)
def _definite(norm: str) -> bool:
    cut, restore = proclitic_cut(norm)
    return restore or norm[cut:].startswith("ال") and not false_article(norm[cut:])


def _is_word(t: Token) -> bool:
    return t.kind == "word"


@lru_cache(maxsize=100_000)
def _is_adjective(norm: str) -> bool:
    """A definite demonym (العراقية) or institutional adjective (الأمنية، الرسمي)."""
    if not _definite(norm):
        return False
    return bool(gz.demonym(norm)) or norm in _INSTITUTIONAL


@lru_cache(maxsize=100_000)
def _adjective_like(norm: str) -> bool:
    """A definite adjective: nisba (الوطني), participle (المشتركة) or one of a few others (العامة)."""
    return norm.startswith("ال") and (norm.endswith(_NISBA) and len(norm) >= 5 or norm.startswith("الم")
                                      and len(norm) >= 6 or norm in _OTHER_ADJ or bool(gz.demonym(norm)))


_SOUND_PLURAL = ("ين", "ون")


@lru_cache(maxsize=100_000)
def _modifier(norm: str) -> bool:
    """A word that can follow the first genitive of an organization's name: a nisba adjective
    (العراقية), a participle adjective (المشتركة، المتحدة), a few others (العليا), or و + definite
    word (الأمن والدفاع، الإذاعة والتلفزيون) that is not an institution of its own (وزارة التجارة
    والغرفة التجارية are two)."""
    if norm[0] in "وف" and len(norm) > 4 and _definite(norm[1:]):
        # والمدير: a role of its own (رئيس مجلس الإدارة والمدير العام), not part of the name
        return norm[1:] not in _INSTITUTIONS and norm[1:] not in _DEFINITE_BODY_HEADS \
            and not (norm[1:3] == "ال" and norm[3:] in _CONSTRUCT_HEADS) and not (
            gz.lookup(norm[1:], clitics=False) & _ROLE_CLASSES and not norm.endswith("ه"))   # (والمواطنة)
    if norm.startswith("لل") and len(norm) > 4 and norm not in _NOT_ORG_LINK:
        return True                  # الهيئة العامة للطيران المدني، المجلس الوطني لحقوق الإنسان
    cut, restore = proclitic_cut(norm)
    w = norm[cut:]
    if cut or restore:
        return False
    if w.startswith("الم") and len(w) >= 6 and not w.endswith(_NISBA):
        # not the title of a name after it (المهندس), nor a plural noun (تشجيع مجلس النواب [المواطنين]),
        # nor an institution's head noun (مجمع ناصر الطبي [المؤسسة] الطبية الأكبر: what it is)
        return not gz.lookup(w, clitics=False) & _ROLE_CLASSES and not w.endswith(_SOUND_PLURAL) \
            and w not in _INSTITUTIONS and not gz.head(w)
    return (w.endswith(_NISBA) and len(w) >= 5 and w not in _ABSTRACT) or w in _OTHER_ADJ or bool(gz.demonym(w))


# Nouns in ـية that are no adjective (حمّلت الوزارة الحكومة الإسرائيلية [المسؤولية]); not the
# topics a gathering is named for (المنتدى الإقليمي حول التنمية، المؤتمر حول القضية …).
_ABSTRACT = frozenset(normalize(w, "match") for w in (
    "المسؤولية", "الأولوية", "الهوية", "الجنسية", "الأغلبية", "الأكثرية", "الأقلية", "الميزانية",
    "الأهمية", "الضحية", "الكمية", "الهدية", "الوصية", "العضوية"))


def _chain_end(tokens: list[Token], j: int, limit: int, taken: set[int], genitive: bool = True,
               participles: bool = True, feminine: bool | None = None) -> int:
    """Extend a head through a definite genitive (when `genitive`) and its modifiers (وزارة الصحة
    الفلسطينية); without `participles`, through nisba adjectives only, of the head's gender when
    `feminine` is given (مستشفى كمال عدوان [المحاصر]، [الرعاية]: not part of the name of a place
    named after a person)."""
    k = j
    while k < limit and k - j < MAX_CHAIN and k not in taken:
        t = tokens[k]
        if not _is_word(t) or t.norm in _STOP or t.stem in _STOP:
            break
        n = t.norm
        if k == j and genitive and not n.startswith("ال"):
            break                              # the genitive itself takes no preposition (منتدى للجنود)
        if (k > j or not genitive) and not _modifier(n):
            break
        if not participles and not (n.endswith(_NISBA) and (feminine is None or n.endswith("يه") == feminine)
                                    or n in _OTHER_ADJ or gz.demonym(n)):
            break                              # (agreeing with the head: مستشفى X التخصصي, not [الرعاية])
        if n.startswith("لل") and (k == 0 or tokens[k - 1].norm.startswith("لل")
                                   or not _adjective_like(tokens[k - 1].norm)):
            break                              # لل- follows an adjective: الهيئة العامة للطيران
        body = n[1:] if n[0] in "وف" and len(n) > 4 and _definite(n[1:]) else n
        if not _definite(body) or body in _STOP or gz.head(body) and gz.head(body)[0] == "LOC_HEAD":
            break
        if k + 1 < limit and tokens[k + 1].norm == _AN and n.startswith("الم"):
            break                              # a participle with its complement: مجلس النواب [المعلن عن] انتخابهم
        k += 1
    return k


_AN = "عن"


def _speaker_names(doc: Document, starts: list[int], ends: list[int], spans: list[Span],
                   covered: list) -> None:
    """Names written where a statement's speaker stands (after a title, beside a role, an
    organization in quotation marks) that the tagger missed: the quote grammar finds them."""
    from ..quotes.names import untagged_speaker_names
    for a, b, label in untagged_speaker_names(doc):
        i, j = _token_range(starts, ends, a, b)
        if not i < j <= len(covered):
            continue
        inside = {covered[k] for k in range(i, j)}
        if inside == {None}:
            spans.append(Span(i, j, label, "rule", 0.5))
            for k in range(i, j):
                covered[k] = len(spans) - 1
        elif len(inside) == 2 and None in inside:
            idx = next(x for x in inside if x is not None)
            s = spans[idx]
            extra = [doc.tokens[k] for k in range(i, j) if not s.i <= k < s.j]
            if s.label == label and i <= s.i and s.j <= j and all(     # the tagger had only [بانو]: سابرا بانو
                    known(t.norm) < 3 or "PER_FIRST" in gz.lookup(t.norm, clitics=False) for t in extra):
                s.i, s.j, s.cut = i, j, None
                for k in range(i, j):
                    covered[k] = idx


def _outlets_and_companies(doc: Document, tokens: list[Token], norms: list[str], starts: list[int],
             bounds: list[tuple[int, int]], spans: list[Span], covered: list) -> None:
    """News outlets of the byline and of "said to «…»" (`rasd.stages.outlets`) and company names
    (نسما للطيران: `rasd.stages.companies`): organizations, in place of what the tagger made of
    their words."""
    def span_at(k: int) -> tuple[str, int, int] | None:
        s = spans[covered[k]] if covered[k] is not None else None
        return (s.label, s.i, s.j) if s is not None else None

    from .companies import business_names   # here: rasd.stages.companies imports this module
    found = byline_outlets(doc, tokens, starts, span_at) + outlets_spoken_to(doc.text, tokens, norms, span_at, bounds)
    found += business_names(tokens, norms, span_at)
    for i, j in found:
        for k in range(i, j):
            if covered[k] is not None:
                spans[covered[k]].label = "DROP"          # نبض [الخليج]: a place inside the name
        spans.append(Span(i, j, "ORG", "rule", 0.5))
        for k in range(i, j):
            covered[k] = len(spans) - 1


def _first_name_before(text: str, tokens: list[Token], spans: list[Span], covered: list) -> None:
    """A person's name the tagger began one word late, after a first name it left out (أمين
    المجلس علي [الزعبي]): the first name joins it. Not across a conjunction (علي وحسن), and علي
    only as written with ي (على is the preposition)."""
    for idx, s in enumerate(spans):
        if s.label != "PER" or s.i == 0 or covered[s.i - 1] is not None or _glued(text, tokens[s.i]):
            continue
        prev = tokens[s.i - 1]
        if prev.kind != "word" or prev.segments or "PER_FIRST" not in gz.lookup(prev.norm, clitics=False):
            continue
        if text[prev.end - 1] == "ى":
            continue
        s.i -= 1
        covered[s.i] = idx


def _titled_names(text: str, tokens: list[Token], norms: list[str], bounds, titles, spans: list[Span],
                  covered: list) -> None:
    """A name alone after a person's title: a first name (الفنان [احلام]: also "dreams"), or a
    family name with the article after an honorific (الإمام [الترمذي]، الدكتور [الربيعة]), a
    definite word no text rasd learnt from writes (`clitics.known`), in no gazetteer and not a
    participle (الدكتور المعالج), with no name or definite word after it. `titles` are the titles
    and roles of each sentence of `bounds` (`gazetteers.titles_range`)."""
    for (a, b), found in zip(bounds, titles):
        for mt in found:
            if covered[mt.start] is not None or "TITLE" not in mt.entry.kinds:
                continue
            e = mt.end
            if e >= b or covered[e] is not None or not _is_word(tokens[e]):
                continue
            w = norms[e]
            if not tokens[e].segments and "PER_FIRST" in gz.lookup(w, clitics=False):
                nxt = tokens[e + 1] if e + 1 < b else None
                if text[tokens[e].end - 1] != "ى" and (nxt is None or not _is_word(nxt) or covered[e + 1] is not None
                                                       or nxt.norm.startswith("ال") or nxt.norm in _FUNCTION):
                    # الفنان [احلام] المتمثلة: a first name standing alone (على is the preposition;
                    # a first name before a plain word is left to the rules for full names)
                    spans.append(Span(e, e + 1, "PER", "rule", 0.5))
                    covered[e] = len(spans) - 1
                continue
            if "ROLE" in mt.entry.kinds:
                continue                 # a role is a common noun: الطبيب [المعالج]، الناشط [الحقوقي]
            if not w.startswith("ال") or w.startswith("الم") or len(w) < 5 or known(w[2:]) \
                    or gz.lookup(w, clitics=False) or tokens[e].segments and tokens[e].segments[0].end \
                    - tokens[e].segments[0].start != 2:
                continue
            if w.endswith(_NISBA) and mt.entry.sector not in (None, "REL"):
                continue                 # a rank may be a noun a nisba describes: الفريق [البحثي]
            if e + 1 < b and _is_word(tokens[e + 1]) and (covered[e + 1] is not None
                                                           or norms[e + 1].startswith("ال")):
                continue
            spans.append(Span(e, e + 1, "PER", "rule", 0.5))
            covered[e] = len(spans) - 1




def _rare_names_after_titles(tokens: list[Token], norms: list[str], bounds, titles, spans: list[Span],
                             covered: list) -> None:
    """Two or three words rasd's lexicon has (almost) never seen, after a title or a role and its
    nisba adjectives, before a common word or punctuation: a foreign name the tagger did not know
    (نظيره التركي [هاكان فيدان]، وزيرة الخارجية الألمانية [أنالينا بيربوك])."""
    for (a, b), found in zip(bounds, titles):
        for mt in found:
            u = mt.end
            while u < b and _is_word(tokens[u]) and covered[u] is None and gz.demonym(norms[u]) \
                    and u - mt.end < 2:
                u += 1
            v = u
            while v < b and v - u < 3 and _is_word(tokens[v]) and covered[v] is None and not tokens[v].segments \
                    and not norms[v].startswith("ال") and len(norms[v]) >= 3 and known(norms[v]) <= RARE \
                    and not gz.lookup(norms[v], clitics=False) and not proclitic_cut(norms[v])[0]:
                # (a preposition glued to a known word is none of a foreign name: الأمير [ب]رقية عزاء)
                v += 1
            if v - u < 2 or v < b and _is_word(tokens[v]) and covered[v] is None and known(norms[v]) < COMMON:
                continue
            spans.append(Span(u, v, "PER", "rule", 0.5))
            for k in range(u, v):
                covered[k] = len(spans) - 1


def _listed_names(text: str, tokens: list[Token], spans: list[Span]) -> None:
    """The names listed after a plural or dual head noun (مستشفيات شمال غزة (كمال عدوان، العودة،
    الإندونيسي)، مستشفيان آخران، الإندونيسي والعودة): each a name of that kind. The list opens
    with a colon, a bracket or a comma within six words of the head, and holds two names or more
    of one to three words, separated by commas or و and closed by a bracket or a full stop."""
    n = len(tokens)
    covered: list[int | None] | None = None
    heads = gz.plural_heads()
    for i in [i for i, t in enumerate(tokens) if t.stem in heads]:
        label = heads[tokens[i].stem]
        k = next((k for k in range(i + 1, min(i + 8, n)) if tokens[k].kind != "word"), None)
        if k is None or text[tokens[k].start] not in ":(،,":
            continue
        if covered is None:
            covered = [None] * n
            for idx, s in enumerate(spans):
                if s.label != "DROP":
                    covered[s.i:s.j] = [idx] * (s.j - s.i)
        items = _list_items(text, tokens, k + 1, covered)
        if len(items) < 2 or not any(
                covered[a] is not None and spans[covered[a]].label in (label, "PER" if label == "ORG" else label)
                or _known_tail(tokens, spans, a, b) for a, b, _ in items):
            continue                                # one of them must be a name of that kind
        for a, b, glued in items:
            if all(covered[x] is None for x in range(a, b)):
                spans.append(Span(a, b, label, "rule", 0.5, cut=(1, False) if glued else None))
                for x in range(a, b):
                    covered[x] = len(spans) - 1
            elif covered[a] is not None and covered[a] == covered[b - 1]:
                s = spans[covered[a]]
                if s.i == a and s.j == b and s.source == "model" and s.entry is None:
                    s.label = label                 # a hospital named after a man, in a list of hospitals


def _known_tail(tokens: list[Token], spans: list[Span], a: int, b: int) -> bool:
    """Is tokens [a, b) the name after the head noun of a name found elsewhere (العودة: مستشفى العودة)?"""
    words = [t.norm[proclitic_cut(t.norm)[0]:] if k == a else t.norm for k, t in enumerate(tokens[a:b], a)]
    for s in spans:
        if s.j - s.i == len(words) + 1 and [t.norm for t in tokens[s.i + 1:s.j]] == words:
            h = gz.head(tokens[s.i].norm[proclitic_cut(tokens[s.i].norm)[0]:])
            if h is not None:
                return True
    return False


def _list_items(text: str, tokens: list[Token], k: int, covered: list) -> list[tuple[int, int, bool]]:
    """(start, end, glued و) of the items of a list of short names from token k, or [] when what
    follows is no such list."""
    items: list[tuple[int, int, bool]] = []
    n = len(tokens)
    last = False                                    # the item after و ends a list
    while k < n:
        while k < n and tokens[k].kind != "word" and text[tokens[k].start] in _QUOTES:
            k += 1                                  # "الإندونيسي"
        if k < n and tokens[k].norm == "و":
            k += 1
            last = True
            while k < n and tokens[k].kind != "word" and text[tokens[k].start] in _QUOTES:
                k += 1                              # و"العودة"
        a = k
        glued = a < n and tokens[a].kind == "word" and tokens[a].norm[:1] == "و" and proclitic_cut(tokens[a].norm)[0] == 1
        while k < n and tokens[k].kind == "word" and k - a < 4 and (k == a or tokens[k].norm[:1] != "و" or covered[k] is not None) \
                and tokens[k].norm not in _STOP and tokens[k].norm not in _NOT_ORG_WORDS:
            k += 1
        if k == a or k - a > 3 or any(tokens[x].norm in _FUNCTION for x in range(a, k)) \
                or tokens[a].norm[proclitic_cut(tokens[a].norm)[0]:] in _FUNCTION:
            return []
        items.append((a, k, glued))
        while k < n and tokens[k].kind != "word" and text[tokens[k].start] in _QUOTES:
            k += 1
        if (glued or last) and not (k < n and tokens[k].kind == "word" and tokens[k].norm[:1] == "و"):
            return items                            # … والعودة: the last one
        if k >= n or tokens[k].kind == "word":
            if k < n and tokens[k].norm[:1] == "و":
                continue                            # والعودة
            return items if k >= n else []
        ch = text[tokens[k].start]
        if ch in "،,":
            k += 1
            continue
        return items if ch in ").؛" else []
    return items


_QUOTES = frozenset('"«»“”')
_NOT_ORG_WORDS = frozenset(normalize(w, "match") for w in ("في", "من", "إلى", "على", "عن", "مع", "التي", "الذي"))


def _event_noun(tokens: list[Token], s: Span) -> bool:
    """A name the tagger found in one word with the article that is a noun of the event lexicon
    (الاتفاق، الحرب، الهجوم): the happening, not a name."""
    if s.j - s.i != 1 or s.entry is not None or s.source != "model":
        return False
    t = tokens[s.i]
    word = without_proclitics(t.norm)[0]
    return word.startswith("ال") and any(not form.verb for _, form in event_lookup(word))


def _predicate_adjective(tokens: list[Token], s: Span) -> bool:
    """A place or organization the tagger found in one word without the article that has the form
    of a nisba adjective and follows another word (الظروف في شمال غزة [كارثية]، الوضع [كارثي]):
    the predicate, not a name. Names of that form are in the gazetteers (دبي، جيبوتي)."""
    if s.label not in ("LOC", "ORG") or s.j - s.i != 1 or s.entry is not None or s.source != "model" \
            or s.i == 0 or tokens[s.i - 1].kind != "word":
        return False
    n = tokens[s.i].norm
    return tokens[s.i].kind == "word" and not _definite(n) and n.endswith(("ي", "يه")) \
        and proclitic_cut(n)[0] == 0 and len(n) >= 4


def _head_alone(tokens: list[Token], s: Span) -> bool:
    """An organization the tagger found in one word that is only a head noun (دعت [منظمة] "…"،
    وأشارت [المنظمة]): a word that names a kind of institution, not one. الاتحاد, a head with no
    sector, is also a club's name and stays."""
    if s.label != "ORG" or s.j - s.i != 1 or s.entry is not None or s.source != "model":
        return False
    word = without_proclitics(tokens[s.i].norm)[0]
    head = gz.head(word)
    return head is not None and head[0] == "ORG_HEAD" and (not word.startswith("ال") or head[1] is not None)


def _role_place_name(tokens: list[Token], spans: list[Span], covered: list,
                     places: dict[int, tuple[gz.Entry, tuple[int, bool] | None]]) -> None:
    """A role, a place and a person's name (محافظ عدن أحمد لملس، محافظ حضرموت فرج البحسني), which
    the tagger runs together as one person or one place: the place is a place, the rest the
    person, carried on over a family name (ال…ي) the tagger left out. `places`: the one-word
    place names the gazetteer found, by token."""
    for idx in range(len(spans)):
        s = spans[idx]
        if s.source != "model" or s.label not in ("PER", "LOC") or s.j - s.i < 2 or s.i == 0 \
                or s.i not in places or tokens[s.i - 1].kind != "word" \
                or not gz.lookup(tokens[s.i - 1].norm) & _ROLE_CLASSES:
            continue
        rest = tokens[s.i + 1:s.j]
        first = rest[0]
        if first.kind != "word" or first.segments or _adjective_like(first.norm) \
                or any(t.kind != "word" or _place_not_name(t.norm) for t in rest):
            continue
        j = s.j
        if j < len(tokens) and covered[j] is None and tokens[j].kind == "word" and _family_nisba(tokens[j]):
            j += 1
        if s.label == "LOC" and j == s.j and "PER_FIRST" not in gz.lookup(first.norm, clitics=False):
            continue                  # محافظ القاهرة الكبرى: a longer place, not a person
        entry, cut = places[s.i]
        spans.append(Span(s.i + 1, j, "PER", "rule", s.score))
        s.j, s.label, s.source, s.entry, s.cut = s.i + 1, "LOC", "rule", entry, cut
        for k in range(s.i + 1, j):
            covered[k] = len(spans) - 1


_ROLE_CLASSES = frozenset({"ROLE", "TITLE"})


def _place_not_name(norm: str) -> bool:
    """A known place that is no first name (سالم is both)."""
    classes = gz.lookup(norm, clitics=False)
    return bool(classes & gz.PLACE_KINDS) and "PER_FIRST" not in classes


def _family_nisba(t: Token) -> bool:
    """A family name in the form of a nisba with the article (البحسني), and nothing more."""
    n = t.norm
    return len(n) > 5 and n.startswith("ال") and n.endswith("ي") and all(
        kind != "proclitic" or b - a == 2 for a, b, kind in t.segments)


def _adjective_before_first_name(tokens: list[Token], spans: list[Span], covered: list) -> None:
    """A person's name the tagger began with the adjective of the noun before it (المستثمر
    [العقاري] نضال داود): a nisba with the article after a word with the article, before a first
    name, is no part of the name."""
    for s in spans:
        if s.label != "PER" or s.source != "model" or s.j - s.i < 3 or s.i == 0:
            continue
        first, prev = tokens[s.i], tokens[s.i - 1]
        if first.kind == "word" and prev.kind == "word" and _definite(first.norm) and first.norm.endswith("ي") \
                and _definite(prev.norm) and "PER_FIRST" in gz.lookup(tokens[s.i + 1].norm, clitics=False):
            covered[s.i] = None
            s.i += 1


_ALI = "علي"        # the name, written with ي; the preposition على ends in ى


def _ali_after(text: str, tokens: list[Token], spans: list[Span], covered: list) -> None:
    """A person's name the tagger ended before علي (لينا محمود [علي]): in match form علي is also
    the preposition على, so the tagger often leaves it out. Written with ي in an article that writes
    the preposition with ى, it is the name, and ends the person's name."""
    spelled = None
    for idx, s in enumerate(spans):
        k = s.j
        if s.label != "PER" or s.source != "model" or k >= len(tokens) or covered[k] is not None:
            continue
        t = tokens[k]
        if text[t.start:t.end] != _ALI:
            continue
        if spelled is None:
            spelled = any(text[x.start:x.end] == "على" for x in tokens)
        if spelled:
            s.j = k + 1
            covered[k] = idx


def _glued(text: str, t: Token) -> bool:
    """Does the token begin with a conjunction or preposition (وحسن، لحسن), not just the article?"""
    return any(kind == "proclitic" and text[a:b] in _CLITIC_LETTERS for a, b, kind in t.segments)


_CLITIC_LETTERS = frozenset("وفبلك")
_KINGDOM = normalize("المملكة", "match")
# Kingdoms whose own press calls them المملكة alone (ISO 3166 alpha-3).
_HOME_KINGDOMS = frozenset({"SAU", "MAR", "JOR", "BHR"})


_OCCUPATION = normalize("الاحتلال", "match")
# In news of Israel and Palestine, الاحتلال alone names Israel's forces (the organization below);
# the articles that speak of them name a place of one of these countries.
_OCCUPATION_STEM = _OCCUPATION[2:]
_OCCUPIER = "org:idf"
_OCCUPIED = frozenset({"ISR", "PSE"})


def _occupation(tokens: list[Token], spans: list[Span], covered: list) -> None:
    """الاحتلال (and الاحتلال الإسرائيلي) written alone, in an article about Israel and Palestine,
    as the name Palestinian and Arab news give Israel's forces (برصاص الاحتلال، والاحتلال يجدد
    قصف …): a mention of them. Not another occupation (الاحتلال الأمريكي، احتلال المدينة)."""
    found = [k for k, t in enumerate(tokens) if t.stem == _OCCUPATION_STEM and covered[k] is None]
    if not found or not any(s.entry is not None and s.entry.country in _OCCUPIED for s in spans):
        return
    entry = None
    n = len(tokens)
    for k in found:
        t = tokens[k]
        word, cut, restore = without_proclitics(t.norm)
        if word != _OCCUPATION:
            continue
        if k > 0 and tokens[k - 1].kind == "word" and not cut and _org_head_of(tokens[k - 1].norm) \
                and not _definite(tokens[k - 1].norm):
            continue                                # حكومة الاحتلال: an organization's name of its own
        j = k + 1
        if j < n and tokens[j].kind == "word" and covered[j] is None:
            nisba = gz.demonym(tokens[j].norm)
            if nisba is not None and nisba not in _OCCUPIED:
                continue                            # الاحتلال الأمريكي
            if nisba is not None:
                j += 1
        entry = entry or gz.by_id(_OCCUPIER)
        if entry is None:
            return
        spans.append(Span(k, j, "ORG", "rule", 0.5, entry, cut=(cut, restore) if cut else None))
        for x in range(k, j):
            covered[x] = len(spans) - 1


_MAGHRIB = normalize("المغرب", "match")
_PRAYER = frozenset(normalize(w, "match") for w in ("صلاة", "صلاتي", "صلاتا", "أذان", "آذان", "وقت", "موعد"))


def _club_adjective(tokens: list[Token], j: int) -> bool:
    """Is token j a definite masculine nisba of a country (الإسباني، الإنجليزي)? After a town's
    name, which is feminine, it names the town's club (ملقة الأسباني، برشلونة الإسباني) or paper
    (القدس العربي)."""
    if j >= len(tokens) or not _is_word(tokens[j]):
        return False
    n = tokens[j].norm
    return n.startswith("ال") and n.endswith("ي") and len(n) > 4 and gz.demonym(n) is not None


_CLUB_HEADS = frozenset(normalize(w, "match") for w in ("نادي", "فريق"))


def _club_names(tokens: list[Token], spans: list[Span], covered: list) -> None:
    """A name the tagger took for a person's right after نادي or فريق is the club's name
    (من نادي [كوينز بارك رينجرز]): the head and the name, an organization. A town before a
    masculine nisba of a country is its club (برشلونة [الإسباني]: a town is feminine, its club is not)."""
    for idx, s in enumerate(spans):
        if s.label != "PER" or s.i == 0 or covered[s.i - 1] is not None or not _is_word(tokens[s.i - 1]):
            continue
        word, cut, restore = without_proclitics(tokens[s.i - 1].norm)
        if word in _CLUB_HEADS:
            s.i, s.label, s.entry, s.cut = s.i - 1, "ORG", None, (cut, restore) if cut else None
            covered[s.i] = idx
    for s in spans:
        if s.label in ("LOC", "GPE") and (s.entry is None and s.source == "model" and s.j - s.i <= 2
                                          or s.entry is not None and s.entry.kind in ("CITY", "CAPITAL")) \
                and _club_adjective(tokens, s.j):
            s.label, s.entry = "ORG", None


def _not_places(tokens: list[Token], spans: list[Span]) -> None:
    """المغرب after صلاة or أذان is the sunset prayer, not Morocco (من بعد صلاة المغرب حتى منتصف الليل);
    and an organization's head noun alone that the tagger took for a place is no place (رئيس مجلس
    إدارة [الاتحاد]: the federation named before)."""
    for s in spans:
        if s.label not in ("LOC", "GPE") or s.j - s.i != 1:
            continue
        word = without_proclitics(tokens[s.i].norm)[0]
        if word == _MAGHRIB and s.i > 0 and without_proclitics(tokens[s.i - 1].norm)[0] in _PRAYER \
                or s.source == "model" and word.startswith("ال") and (head := gz.head(word)) and head[0] == "ORG_HEAD":
            s.label = "DROP"


_GOOD = normalize("حسن", "match")
# حسن + one of these is "good …", an idiom, not a man called حسن (مبدأ حسن الجوار).
_GOOD_WHAT = frozenset(normalize(w, "match") for w in (
    "الجوار", "النية", "الظن", "السير", "الخلق", "التعامل", "الأداء", "التنظيم", "الاستقبال",
    "الضيافة", "التدبير", "الإدارة", "الخاتمة", "السلوك"))


def _not_people(tokens: list[Token], spans: list[Span]) -> None:
    """حسن and a definite noun of quality is "good …", no person (مبدأ حسن الجوار، حسن النية); nor
    are two people counted by a dual noun and its nisba (باشرها [طبيبان بيطريان])."""
    for s in spans:
        if s.label == "PER" and s.j - s.i == 2 and without_proclitics(tokens[s.i].norm)[0] == _GOOD \
                and tokens[s.i + 1].norm in _GOOD_WHAT:
            s.label = "DROP"
        elif s.label == "PER" and s.j - s.i == 2 and _dual_noun(tokens[s.i].norm) and _dual_nisba(tokens[s.i + 1].norm):
            s.label = "DROP"


def _dual_noun(norm: str) -> bool:
    """A dual no text rasd learnt from writes, of a common noun that is no first name (طبيبان)."""
    return norm.endswith("ان") and not known(norm) and known(norm[:-2]) > RARE \
        and "PER_FIRST" not in gz.lookup(norm, clitics=False)


def _dual_nisba(norm: str) -> bool:
    """A nisba adjective in the dual (بيطريان، مصريان), no name seen in any text."""
    return norm.endswith("يان") and len(norm) > 4 and (not known(norm) or "DEMONYM" in gz.lookup(norm, clitics=False))


def _home_kingdom(tokens: list[Token], spans: list[Span], covered: list) -> None:
    """المملكة alone, as the press of a kingdom writes its country's name (زيارته إلى المملكة):
    a mention of the kingdom the article names, when it names one of them and no other. Not when
    an adjective follows (المملكة الهاشمية: a longer name)."""
    found = {s.entry.country: s.entry for s in spans
             if s.entry is not None and s.entry.kind == "COUNTRY" and s.entry.country in _HOME_KINGDOMS}
    if len(found) != 1:
        return
    entry = next(iter(found.values()))
    for k, t in enumerate(tokens):
        if covered[k] is not None or t.kind != "word" or not t.norm.endswith(_KINGDOM[2:]):
            continue
        word, cut, restore = without_proclitics(t.norm)
        if word != _KINGDOM:
            continue
        if k + 1 < len(tokens) and tokens[k + 1].kind == "word" and _adjective_like(tokens[k + 1].norm):
            continue
        spans.append(Span(k, k + 1, "LOC", "rule", 0.5, entry, cut=(cut, restore) if cut else None))
        covered[k] = len(spans) - 1


class Words(NamedTuple):
    """A document's tokens as plain lists (match forms, start and end offsets), made once."""

    norms: list[str]
    starts: list[int]
    ends: list[int]


def words(tokens: list[Token]) -> Words:
    """The `Words` of a token list."""
    return Words([t.norm for t in tokens], [t.start for t in tokens], [t.end for t in tokens])


def _month(t: Token) -> bool:
    """A month name that is nothing else (أكتوبر، أيار; not رمضان or مارس, also a name and a verb)."""
    if t.kind != "word":
        return False
    m = month_of(t.norm[proclitic_cut(t.norm)[0]:])
    return m is not None and not m.bound


def _disease(t: Token) -> bool:
    return t.kind == "word" and "DISEASE" in (cue_classes(t.stem) or "")


def collect(doc: Document, w: Words | None = None) -> list[Span]:
    """Mentions for the entity layer, sorted by position (see the module docstring). `w` is
    `words(doc.tokens)`, when the caller has it."""
    tokens = doc.tokens
    if not tokens:
        return []
    norms, starts, ends = w if w is not None else words(tokens)
    bounds = _sentence_token_bounds(doc, starts, ends)

    spans: list[Span] = []
    for m in doc.mentions:
        i, j = _token_range(starts, ends, m.start, m.end)
        if i < len(tokens):
            j = min(j, len(tokens))
            label = "LOC" if m.label == "GPE" else m.label
            k = next((k for k in range(i, j) if _disease(tokens[k])), j)
            if k == i or j - i == 1 and _month(tokens[i]):
                label = "DROP"                     # فيروس كورونا، أكتوبر: no person, place or organization
            j = k                                  # يسرا [بفيروس كورونا]
            spans.append(Span(i, j, label, m.source, m.score))

    matches = []
    for (a, _), found in zip(bounds, gz.match_ranges(norms, bounds)):
        for mt in found:
            i, j = mt.start, mt.end
            # (a word written with tanween is no name: وأباً is not آبا in Nigeria)
            amb = mt.ambiguous or j - i == 1 and _needs_context(tokens, a, i, mt.entry) \
                or any(has_tanween(doc.text[tokens[k].start:tokens[k].end]) for k in range(i, j))
            matches.append((i, j, mt.entry, amb, _gaz_cut(mt)))

    covered = [None] * len(tokens)
    for idx, s in enumerate(spans):
        for k in range(s.i, s.j):
            covered[k] = idx

    for i, j, entry, amb, cut in matches:
        hits = {covered[k] for k in range(i, j) if covered[k] is not None}
        if not amb and j - i > 1 and entry.kind in _PLACE and j < len(tokens) and _starts_inside(spans, hits, i, j, covered, norms[j]):
            hits = {covered[k] for k in range(i, j) if covered[k] is not None}
        if not hits:
            if not amb and entry.label:
                spans.append(Span(i, j, entry.label, "gazetteer", 1.0, entry, cut=cut))
                for k in range(i, j):
                    covered[k] = len(spans) - 1
            elif entry.kind in ("CITY", "CAPITAL") and j - i == 1 and not norms[i].startswith("ال") \
                    and known(norms[i]) <= RARE and _club_adjective(tokens, j):
                spans.append(Span(i, j, "ORG", "gazetteer", 0.5, cut=cut))    # ملقة [الأسباني]: its club
                for k in range(i, j):
                    covered[k] = len(spans) - 1
            continue
        for idx in hits:
            s = spans[idx]
            if s.label == "PER" and entry.label != "PER" or s.label == "MISC" and amb:
                continue
            if i <= s.i and j >= s.j:                       # the name covers the mention
                if i == s.i:
                    s.cut = cut
                s.i, s.j, s.entry = i, j, entry
                if entry.kind not in ("CITY", "CAPITAL") or s.label not in ("ORG", "PER"):
                    s.label = entry.label or s.label        # a town may name a club: keep ORG
            elif s.label == "MISC" and not amb and entry.label in ("ORG", "LOC") and s.i <= i and j <= s.j \
                    and all(tokens[k].kind == "word" for k in range(s.i, s.j) if not i <= k < j):
                # the tagger's "miscellaneous" name holds a known organization or place (البيت
                # الأبيض [لشبكة سي]): the known name, the rest left to other names (but a product's
                # model number makes a product: بوينج BBJ)
                for k in range(s.i, s.j):
                    if not i <= k < j:
                        covered[k] = None
                s.i, s.j, s.entry, s.label, s.cut = i, j, entry, entry.label, cut
            elif i == s.i and j < s.j and s.label in ("LOC", "GPE") and s.source == "model" \
                    and entry.kind in ("CITY", "CAPITAL") and _masculine_adjectives(tokens, j, s.j):
                s.j, s.entry = j, entry                     # غزة [الكارثي]: it agrees with another noun
            elif s.i <= i and j == s.j and s.label in ("LOC", "GPE") and entry.kind in _PLACE:
                head = gz.head(tokens[s.i].norm)             # مدينة غزة: the place is غزة
                if j - i == s.j - s.i - 1 and head and head[0] == "LOC_HEAD":
                    s.entry = entry

    _not_places(tokens, spans)
    _not_people(tokens, spans)
    _club_names(tokens, spans, covered)
    _named_places(tokens, spans, covered)
    _home_kingdom(tokens, spans, covered)
    _occupation(tokens, spans, covered)
    _role_place_name(tokens, spans, covered, {i: (entry, cut) for i, j, entry, amb, cut in matches
                                              if j == i + 1 and not amb and entry.kind in _PLACE})
    _first_name_before(doc.text, tokens, spans, covered)
    _adjective_before_first_name(tokens, spans, covered)
    _ali_after(doc.text, tokens, spans, covered)
    titles = [gz.titles_range(norms, a, b) for a, b in bounds]
    _titled_names(doc.text, tokens, norms, bounds, titles, spans, covered)
    _rare_names_after_titles(tokens, norms, bounds, titles, spans, covered)
    _speaker_names(doc, starts, ends, spans, covered)
    _outlets_and_companies(doc, tokens, norms, starts, bounds, spans, covered)
    _place_heads(tokens, spans)
    _head_led_persons(tokens, spans)
    _head_plus_name(tokens, norms, spans)
    taken = {k for s in spans for k in range(s.i, s.j)}
    heads = _org_head_positions(tokens, norms)
    for a, b in bounds:
        _rule_orgs(tokens, norms, a, b, spans, taken, heads)
    for s in spans:
        if s.label == "ORG":
            _extend_org(tokens, s, spans, bounds, taken)
    _listed_names(doc.text, tokens, spans)
    spans = [s for s in spans if s.j > s.i and s.label != "DROP" and not _head_alone(tokens, s)
             and not _predicate_adjective(tokens, s) and not _event_noun(tokens, s)]
    for s in spans:
        if s.label == "PER":
            while s.j - s.i > 1 and tokens[s.i].kind == "latin" and tokens[s.j - 1].kind == "word":
                s.i += 1                          # Previous [أحمد حجازي]: a page's button before an Arabic name
            while s.j - s.i > 1 and tokens[s.i].kind == "word" and speaker_class(tokens[s.i].norm) == "kin":
                s.i, s.cut = s.i + 1, None        # [لأبناء] الشريف سلطان الفعر: the relatives are not named
            _move_title(norms, s)
            while s.j - s.i > 1 and _prep_place(tokens[s.j - 1].norm):
                s.j -= 1                          # سلطان بتبوك: "in Tabuk" is no part of the name
    spans.extend(_family_names(tokens, norms, spans))
    spans.extend(_compound_family_names(tokens, norms, spans))
    _run_on_words(tokens, norms, spans)
    spans.extend(_repeats(norms, spans))
    spans.sort(key=lambda s: (s.i, -s.j))
    _compound_regions(tokens, spans)
    _adjective_countries(tokens, spans)
    return _dedupe([s for s in spans if s.label != "DROP"])


def _masculine_adjectives(tokens: list[Token], a: int, b: int) -> bool:
    """Are tokens [a, b) definite masculine nisba adjectives (الكارثي، الصحي)? After a town's
    name, which is feminine, they describe another noun: no part of the name. Directions
    (الشمالي، الغربي) are left in: they may name a part of the town."""
    return all(t.kind == "word" and t.norm.startswith("ال") and t.norm.endswith("ي")
               and len(t.norm) > 4 and t.norm not in _DIRECTIONS for t in tokens[a:b])


_DIRECTIONS = frozenset(normalize(w, "match") for w in ("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط"))


def _compound_regions(tokens: list[Token], spans: list[Span]) -> None:
    """Places joined by hyphens are one region: جهة طنجة - تطوان - الحسيمة، سوس - ماسة. A town
    the tagger took for an organization (a club of that name) is a place there, and so is any
    name but a person's written on with a hyphen and no space (مطار فاس-سايس)."""
    by_start = {s.i: s for s in spans if s.label != "DROP"}
    for s in spans:
        if s.label != "LOC" or _country(s):
            continue
        while s.j + 1 < len(tokens) and tokens[s.j].norm in ("-", "–"):
            nxt = by_start.get(s.j + 1)
            if nxt is None or nxt is s or nxt.label == "DROP" or _country(nxt) \
                    or not (_place_like(nxt) or _hyphen_glued(tokens, s.j) and nxt.label != "PER"):
                break                               # a list of countries is no region
            if not _hyphen_glued(tokens, s.j):
                s.entry = None                      # a region of several places
            s.j = nxt.j
            nxt.label = "DROP"


def _country(s: Span) -> bool:
    return s.entry is not None and s.entry.kind == "COUNTRY"


def _hyphen_glued(tokens: list[Token], k: int) -> bool:
    """Is the mark at token k written between two words without a space (فاس-سايس)?"""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start


def _place_like(s: Span) -> bool:
    return s.label == "LOC" or s.label == "ORG" and s.entry is not None and s.entry.kind in _PLACE


def _adjective_countries(tokens: list[Token], spans: list[Span]) -> None:
    """A country that is also a nisba adjective (السعودية) right after an organization belongs to
    it (الهيئة العامة للطيران المدني السعودية); after another definite word it is an adjective."""
    prev_span = None
    for s in spans:
        if s.label == "LOC" and s.j - s.i == 1 and s.entry is not None and s.entry.kind == "COUNTRY":
            t = tokens[s.i]
            if t.norm.startswith("ال") and gz.demonym(t.norm) and s.i > 0:
                if prev_span is not None and prev_span.j == s.i and prev_span.label == "ORG":
                    prev_span.j = s.j
                    s.label = "DROP"
                elif tokens[s.i - 1].kind == "word" and _definite(tokens[s.i - 1].norm) \
                        and tokens[s.i - 1].norm not in PLACE_CUES and not gz.lookup(tokens[s.i - 1].norm) & gz.PLACE_KINDS:
                    s.label = "DROP"
        if s.label != "DROP":
            prev_span = s


_ABD = normalize("عبد", "match")
_GOD = normalize("الله", "match")




_FAMILY_PREFIXES = frozenset(normalize(w, "match") for w in ("أبو", "أبي", "آل", "ابن", "بن"))
_FAMILY_ENDINGS = frozenset(normalize(w, "match") for w in ("الله", "الدين"))


def _compound_family_names(tokens: list[Token], norms: list[str], spans: list[Span]) -> list[Span]:
    """Two-word family names written alone after the full name (إبراهيم محمد الجار الله … أوضح
    [الجار الله]، حسام أبو صفية … [أبو صفية]): the last two words of a person's name of three or
    more, when they are a prefix (أبو، آل، بن) and a name (a first name too: أبو صفية) or a name
    with the article and الله / الدين (not عبد الله, a first name)."""
    pairs: dict[tuple[str, str], int] = {}
    for s in spans:
        if s.label != "PER" or s.j - s.i < 3 or not all(_is_word(tokens[k]) for k in range(s.j - 2, s.j)):
            continue
        a, b = norms[s.j - 2], norms[s.j - 1]
        if a == _ABD:
            continue
        if a in _FAMILY_PREFIXES and len(b) >= 3 or b in _FAMILY_ENDINGS and a.startswith("ال") and len(a) > 4:
            pairs[(a, b)] = min(pairs.get((a, b), s.i), s.i)
    if not pairs:
        return []
    # (the tagger may take الله alone for a name of another kind: the family name wins)
    covered = {k for s in spans if s.label not in ("MISC", "DROP") for k in range(s.i, s.j)}
    seconds = {b for _, b in pairs}
    out = []
    for k in [k for k in range(len(tokens) - 1) if norms[k + 1] in seconds]:
        first = pairs.get((without_proclitics(norms[k])[0], norms[k + 1]))
        if first is None or k < first or k in covered or k + 1 in covered or not _is_word(tokens[k]):
            continue
        for s in spans:
            if s.label == "MISC" and k <= s.i and s.j <= k + 2:
                s.label = "DROP"
        pc = proclitic_cut(norms[k], person=True)
        out.append(Span(k, k + 2, "PER", "rule", 0.5, cut=pc if pc[0] else None))
        covered.update((k, k + 1))
    return out


def _family_names(tokens: list[Token], norms: list[str], spans: list[Span]) -> list[Span]:
    """One-word mentions of a person's family name that the tagger missed (اللواء يحيى رسول …
    وبين رسول). The family name is the last word of a multi-word PER mention; a first name, an
    ambiguous word, or a word followed by a definite genitive (رسول الله) is not taken. It is taken
    after the full name, or anywhere when it is rare (a headline may name «زادة» first). Right after
    a person's mention it completes that mention instead (محسن فخري [زادة])."""
    last: dict[str, bool] = {}                           # key -> the name writes it with the article
    first_start: dict[str, int] = {}
    for s in spans:
        if s.label != "PER" or s.j - s.i < 2:
            continue
        w = tokens[s.j - 1].norm
        if tokens[s.j - 1].kind != "word" or len(w) < 3 or gz.is_first_name(w) or gz.ambiguous(w) \
                or tokens[s.j - 2].norm == _ABD or w == _GOD:
            continue                                     # عبد [العزيز] is half of one name; الله is no one's
        key = gz.name_key(w).lstrip("!")
        if len(key) >= 3:
            last[key] = w.startswith("ال")
            first_start[key] = min(first_start.get(key, s.i), s.i)
    if not last:
        return []
    covered = {k for s in spans for k in range(s.i, s.j)}
    ending = {s.j: s for s in spans if s.label == "PER"}
    targets = frozenset(last) | frozenset("!" + key for key in last)
    out = []
    for k in _positions_matching(norms, last):
        t = tokens[k]
        if k in covered or t.kind != "word" or targets.isdisjoint(gz.word_keys(t.norm)):
            continue
        forms = gz.word_forms(t.norm)
        bare = {key for key, _ in forms if key.startswith("!")}
        for key, cut in forms:
            article = not key.startswith("!") and "!" + key not in bare
            key = key.lstrip("!")
            if key not in last or k < first_start[key] and known(key) > RARE or article != last[key]:
                continue                             # a rare family name may come first (a headline: «زادة»)
            if cut and not last[key] and not gz.lookup(t.norm[cut:], clitics=False) and t.norm[cut:] != key:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if not last[key] and nxt is not None and nxt.kind == "word" and _definite(nxt.norm):
                break
            pc = proclitic_cut(t.norm, person=True)
            before = ending.get(k)
            if before is not None and not pc[0]:
                before.j = k + 1                 # [محسن فخري] زادة: the family name ends the name before it
            else:
                out.append(Span(k, k + 1, "PER", "rule", 0.5, cut=pc if pc[0] else None))
            break
    return out


def _run_on_words(tokens: list[Token], norms: list[str], spans: list[Span]) -> None:
    """An organization of one word the tagger ran on by a second one, when the article writes it
    alone twice or more (الاتحاد [يقترب]، الاتحاد [خامس] beside الاتحاد): that name, when the second
    word has no article and is no nisba adjective (not الاتحاد الأوروبي)."""
    alone: dict[str, int] = {}
    for s in spans:
        if s.label == "ORG" and s.j - s.i == 1:
            alone[norms[s.i]] = alone.get(norms[s.i], 0) + 1
    for s in spans:
        if s.label != "ORG" or s.source != "model" or s.j - s.i != 2 or s.entry is not None:
            continue
        last = tokens[s.i + 1]
        if last.kind == "word" and not _definite(last.norm) and not last.norm.endswith(_NISBA) \
                and last.norm[:1] != "و" and alone.get(norms[s.i], 0) >= 2:
            s.j -= 1


def _repeats(norms: list[str], spans: list[Span]) -> list[Span]:
    """The other occurrences of a name of two words or more, written the same way, that no
    mention covers: a name is the same name throughout its article (the tagger or a rule may
    find it once: كشف التقرير الذي أنجزه "التحالف من أجل …" … واعتبر تقرير "التحالف من أجل …")."""
    names: dict[str, list[tuple[tuple[str, ...], Span, bool]]] = {}
    towns: dict[str, Span] = {}
    for s in spans:
        # the tagger spreads the people it is sure of itself (`NerTagger.tag_document`)
        if s.j - s.i >= 2 and (s.label in ("ORG", "LOC") or s.label == "PER" and s.source != "model"):
            key = tuple(norms[s.i:s.j])
            names.setdefault(key[0], []).append((key, s, False))
            if s.label == "ORG" and (s.entry is not None or s.source == "model"):
                for short in _short_forms(key):
                    names.setdefault(short[0], []).append((short, s, True))
        elif s.j - s.i == 1 and s.label == "LOC" and s.source == "rule" and not known(norms[s.i]):
            towns[norms[s.i]] = s         # a town only a rule knows (بلدية [صامطة]): also بصامطة، في صامطة
        elif s.j - s.i == 1 and s.label == "PER" and s.source == "rule" and not known(norms[s.i]):
            names.setdefault(norms[s.i], []).append(((norms[s.i],), s, False))   # وقالت [مسويا] إن … وأكدت مسويا
    if not names and not towns:
        return []
    taken = bytearray(len(norms))
    for s in spans:
        taken[s.i:s.j] = b"\1" * (s.j - s.i)
    out: list[Span] = []
    for i, w in enumerate(norms):
        if taken[i]:
            continue
        town = (towns.get(w) or towns.get(w[1:]) if w[:1] in _TOWN_PROCLITICS else towns.get(w)) if towns else None
        if town is not None:
            out.append(Span(i, i + 1, "LOC", "repeat", town.score, cut=None if w in towns else (1, False)))
            taken[i] = 1
            continue
        if w not in names:
            continue
        for key, s, short in sorted(names[w], key=lambda x: -len(x[0])):
            j = i + len(key)
            if short and i and _headed(norms[i - 1]):
                continue                  # مجمع [الشفاء الطبي]: another head names another thing
            if tuple(norms[i:j]) == key and not any(taken[i:j]):
                out.append(Span(i, j, s.label, "repeat", s.score, s.entry, cut=s.cut))
                taken[i:j] = b"\1" * (j - i)
                break
    return out


_TOWN_PROCLITICS = frozenset("بلوف")
_COUNCIL = normalize("مجلس", "match")


def _headed(norm: str) -> bool:
    """Is the word (without its proclitics) a head noun of an organization's or a place's name, or
    a role or title (وزير [الموارد المائية]: the minister's office, not the ministry's name)?"""
    word = without_proclitics(norm)[0]
    return gz.head(word) is not None or not gz.lookup(word, clitics=False).isdisjoint(("ROLE", "TITLE"))


def _short_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The short names an organization named by a head noun goes by later in its article: the
    words after the head (منظمة [الصحة العالمية]), and without a last nisba adjective (جمعية
    [الهلال الأحمر] الفلسطيني), when two words or more and definite."""
    if len(key) < 3 or key[0].startswith("ال"):
        return []
    head = gz.head(key[0])
    if head is None or head[0] != "ORG_HEAD":
        return []
    out = []
    rest = key[1:]
    for short in (rest, rest[:-1] if rest[-1].endswith(_NISBA) else ()):
        if len(short) >= 2 and short[0].startswith("ال") and all(w.startswith("ال") for w in short):
            out.append(short)
    return out


def _positions_matching(norms: list[str], keys) -> list[int]:
    """Positions of the words that may match one of the gazetteer `keys` (written without "!"):
    a superset, by spelling. A word's keys (`gz.word_forms`) are endings of the word, but for
    لل + a word kept without the article, whose key begins with an ا the word lacks (لله: الله)."""
    endings = tuple(key[1:] if key[:1] == "ا" else key for key in keys)
    return list(compress(range(len(norms)), map(str.endswith, norms, repeat(endings))))


def _starts_inside(spans: list[Span], hits: set[int], i: int, j: int, covered: list[int | None], after: str) -> bool:
    """The tagger's name that begins inside a known place's name of several words [i, j) and runs
    on past it joined two names: through و (جهة فاس - [مكناس وسوس] - ماسة), or a place's last word
    and a person's name from its first name on (`after`, the word after the place: أمين مجلس شباب
    منطقة [عسير عادل] آل عمران). It keeps only the words after the known name. Whether any was cut."""
    cut_any = False
    for idx in hits:
        s = spans[idx]
        if s.source == "model" and i < s.i < j < s.j and (
                s.label in ("ORG", "LOC") and after[:1] == "و" or s.label == "PER" and gz.is_first_name(after)):
            for k in range(s.i, j):
                covered[k] = None
            s.i = j
            cut_any = True
    return cut_any


def _gaz_cut(mt: gz.Match) -> tuple[int, bool] | None:
    """Proclitics of the first word of a gazetteer match: (cut, restore the article)."""
    return (mt.cut, mt.restore) if mt.cut else None


def _needs_context(tokens: list[Token], a: int, i: int, entry: gz.Entry) -> bool:
    """Whether a one-word gazetteer name lacks the evidence it needs to be a mention on its own.

    Countries, capitals, regions, sites and organizations stand alone. A town of a million
    people does too; a smaller one needs a place cue before it (في، إلى، مدينة …) or a place
    right before it (… وبيت حانون), and is never taken alone when its word is a common noun (the
    stem lexicon has it both with and without the article: الحي، جناح), nor when, written with the
    article, a definite adjective follows it (المنشأة الصحية). A country that is also a
    nisba adjective after a definite noun (الخطوط السعودية) is the adjective.
    """
    t = tokens[i]
    if entry.kind == "COUNTRY":
        prev = tokens[i - 1] if i > a else None
        return bool(prev is not None and prev.kind == "word" and gz.demonym(t.norm)
                    and t.norm.startswith("ال") and _definite(prev.norm) and prev.norm not in PLACE_CUES)
    if entry.kind != "CITY" or entry.population >= 1_000_000:
        return False
    if entry.country not in _NEAR:
        return True                            # a small town far away: leave it to the tagger
    if common_noun(t.norm[proclitic_cut(t.norm)[0]:]):
        return True
    if t.norm[proclitic_cut(t.norm)[0]:].startswith("ال") and i + 1 < len(tokens) \
            and tokens[i + 1].kind == "word" and _adjective_like(tokens[i + 1].norm):
        return True                            # المنشأة الصحية: a noun and its adjective, not a town
    if i == a:
        return True
    prev = tokens[i - 1].norm
    if prev in PLACE_CUES or prev in ("-", "–"):            # في X، … - سبق - الطائف (dateline)
        return False
    if t.norm[:1] == "ب" and proclitic_cut(t.norm)[0] or t.norm.startswith("وب") and len(t.norm) > 4:
        return False                                         # بالطائف
    if i + 1 < len(tokens) and tokens[i + 1].norm == ":" and prev in ("-", "–", "،", ","):
        return False
    if t.norm[0] == "و" and i - 1 > a and gz.lookup(prev) & gz.PLACE_KINDS:
        return False
    if t.norm.startswith("ال") and tokens[i - 1].kind == "word" and len(prev) > 3 \
            and not _definite(prev) and prev not in NAME_BREAKERS \
            and not (i - 2 >= a and tokens[i - 2].norm in _QUOTES):
        return False       # فمعسكر الطائف، مطار الطائف: the genitive of a noun (not a quoted title: "عاصفة الحزم")
    return True


@lru_cache(maxsize=50_000)
def common_noun(word: str) -> bool:
    """Whether the stem lexicon attests the word both with and without the article."""
    bare = word[2:] if word.startswith("ال") else word
    lex = _lexicon()
    return lex.get(bare, 0) > 0 and lex.get("ال" + bare, 0) > 0


def _sentence_token_bounds(doc: Document, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Token ranges of the sentences, plus the runs of tokens no sentence covers (credit lines such
    as "(الأناضول)"), each cut at line breaks."""
    if not doc.sentences:
        return [(0, len(starts))]
    out = []
    pos = 0
    for s in doc.sentences:
        a = bisect_left(starts, s.start)
        b = bisect_left(starts, s.end)
        if a > pos:
            out.extend(_line_runs(doc, starts, pos, a))
        if b > a:
            out.append((a, b))
        pos = max(pos, b)
    if pos < len(starts):
        out.extend(_line_runs(doc, starts, pos, len(starts)))
    return out


def _line_runs(doc: Document, starts: list[int], a: int, b: int) -> list[tuple[int, int]]:
    out, run = [], a
    for k in range(a + 1, b):
        if "\n" in doc.text[starts[k - 1]:starts[k]]:
            out.append((run, k))
            run = k
    out.append((run, b))
    return out


def _place_heads(tokens: list[Token], spans: list[Span]) -> None:
    """A place head noun right before a place joins it: مخيم جباليا، مدينة غزة، بلدة X."""
    starts = {s.i for s in spans}
    for s in spans:
        if s.label != "LOC" or s.i == 0 or (s.i - 1) in starts:
            continue
        h = tokens[s.i - 1]
        if h.kind != "word":
            continue
        cut, restore = proclitic_cut(h.norm)
        w = h.norm[cut:]
        if not restore and not w.startswith("ال") and w in _PLACE_HEADS:
            s.i, s.cut = s.i - 1, (cut, False) if cut else None


# Heads of a place's name (construct state) whose genitive may be a word no text rasd learnt from
# writes, then the place's own name (سوق عكاظ، جبال السراة، مقابر المعلاه، بمحافظة الريث، سهل الغاب).
_NAMED_PLACE_HEADS = (_PLACE_HEADS - frozenset(normalize(w, "match") for w in (
    "دولة", "إمارة", "مملكة", "سلطنة", "جمهورية"))) | frozenset(normalize(w, "match") for w in (
        "سوق", "مقبرة", "مقابر", "واحة", "صخرة", "سهل", "جبل", "جبال", "وادي", "نهر", "بحيرة", "مطار",
        "معبر", "ميناء", "شارع", "ميدان", "ساحة", "قلعة", "صالة"))


def _named_places(tokens: list[Token], spans: list[Span], covered: list) -> None:
    """A place head and, right after it, one to three words no text rasd learnt from writes, in no
    gazetteer, without proclitics: the place so named (جبال [السراة]، بمحافظة [الريث]، معبر [كرم أبو
    سالم]). Not an adjective that agrees with a feminine head (منطقة غنية), a verbal noun (منطقة
    الإخلاء) or a number."""
    for k in range(len(tokens) - 1):
        if tokens[k].norm not in _NAMED_PLACE_HEAD_FORMS or covered[k] is not None or covered[k + 1] is not None:
            continue
        cut, restore = proclitic_cut(tokens[k].norm)
        head = tokens[k].norm[cut:]
        if restore or head not in _NAMED_PLACE_HEADS:
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 3 and covered[j] is None and _unknown_place_word(tokens[j], head, j == k + 1):
            j += 1
        if j > k + 1 and j + 1 < len(tokens) and tokens[j].norm in _PLACE_NAME_LINKS:
            other = spans[covered[j]] if covered[j] is not None else None
            if other is not None and other.i == j and other.label == "PER" and other.j - j <= 2:
                other.label, j = "DROP", other.j       # معبر كرم [أبو سالم]: no man of that name
            elif other is None and covered[j + 1] is None and tokens[j + 1].kind == "word" and not tokens[j + 1].segments:
                j += 2
        if j > k + 1 and head == _MARKET and tokens[k + 1].norm.startswith("ال"):
            continue                                   # سوق العقار: the market of a good, not a place
        if j > k + 1:
            spans.append(Span(k, j, "LOC", "rule", 0.5, cut=(cut, False) if cut else None))
            for u in range(k, j):
                covered[u] = len(spans) - 1


_NAMED_PLACE_HEAD_FORMS = frozenset(p + h for h in _NAMED_PLACE_HEADS for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))
_PLACE_NAME_LINKS = frozenset(normalize(w, "match") for w in ("أبو", "أم", "بن", "بني"))
_MARKET = normalize("سوق", "match")


def _unknown_place_word(t: Token, head: str, first: bool) -> bool:
    """Can the word be part of a place's name after `head` (the first word after it when `first`):
    a word no text rasd learnt from writes, in no gazetteer or word list, with no proclitic but
    the first word's article?"""
    n = t.norm
    article = first and n.startswith("ال") and len(t.segments) == 2 and t.segments[0].end - t.segments[0].start == 2
    if t.kind != "word" or t.segments and not article or len(n) < 3 or n in _FUNCTION or n in NAME_BREAKERS:
        return False
    bare = n[2:] if article else n
    if known(n) > RARE or known(bare) > RARE or gz.lookup(n, clitics=False) or event_lookup(n) \
            or n in number_table() or speaker_class(n) is not None:
        return False
    if bare == n and n[0] in "أا" and n.endswith("ت") and len(n) >= 5:
        return False                                   # (منطقة ألزمت: a verb)
    return not (bare == n and head.endswith("ه") and n.endswith("ه"))     # (منطقة غنية: its adjective)


def _head_led_persons(tokens: list[Token], spans: list[Span]) -> None:
    """A "person" the tagger began with an institution's or a place's head noun is the thing
    named after the name that follows (لسوق [عكاظ]، مستشفى [كمال عدوان]): an organization or a
    place, without the proclitics of its first word."""
    for s in spans:
        if s.label != "PER" or s.j - s.i < 2 or s.title is not None:
            continue
        cut, restore = proclitic_cut(tokens[s.i].norm)
        w = tokens[s.i].norm[cut:]
        if restore or w.startswith("ال"):
            continue
        if w in _PERSON_ORG_HEADS:
            s.label = "ORG"
        elif w in _PERSON_LOC_HEADS:
            s.label = "LOC"
        else:
            continue
        s.source, s.entry, s.cut = "rule", None, (cut, False) if cut else None


def _head_plus_name(tokens: list[Token], norms: list[str], spans: list[Span]) -> None:
    """Head + place (بلدية صامطة) or head + person (مستشفى كمال عدوان) makes one named thing; so
    does head + a town the tagger took for an organization (بمستشفى [خان يونس]), and the office
    of an organization (رئاسة مجلس النواب، مكتب الأمم المتحدة)."""
    starts = {s.i: s for s in spans}
    for s in list(spans):
        town = s.label == "ORG" and s.entry is not None and s.entry.kind in _PLACE
        if s.i == 0 or s.label not in ("LOC", "PER", "ORG"):
            continue
        if s.label == "PER" and s.title is None:
            _move_title(norms, s)
        first = s.title[0] if s.label == "PER" and s.title is not None else s.i
        if s.label == "PER" and s.title is None:
            first = _title_start(norms, s.i)           # مطار الأمير سلطان: the title is outside
        if first == 0:
            continue
        h = tokens[first - 1]
        if h.kind != "word":
            continue
        cut, restore = proclitic_cut(h.norm)
        w = h.norm[cut:]
        if restore or w.startswith("ال") or (first - 1) in starts:
            continue
        if (s.label == "LOC" or town) and w in _PLACE_ORG_HEADS:
            if proclitic_cut(tokens[s.i].norm)[0]:
                continue                                     # مستشفى بمخيم جباليا: not a genitive
            label = "LOC" if w in _PERSON_LOC_HEADS else "ORG"
        elif s.label == "ORG" and not town and w in ORG_OFFICE_HEADS:
            label = "ORG"                                    # رئاسة مجلس النواب، مكتب الأمم المتحدة
        elif s.label == "PER" and w in _PERSON_ORG_HEADS:
            label = "ORG"
        elif s.label == "PER" and w in _PERSON_LOC_HEADS:
            label = "LOC"
        else:
            continue
        second = _second_person(norms, s.i, s.j) if s.label == "PER" else None
        if second is not None:                               # مستشفى سالم الحداد | كريم يوسف
            spans.append(Span(second, s.j, "PER", s.source, s.score))
            s.j = second
        s.i, s.label, s.source, s.entry, s.cut, s.title = first - 1, label, "rule", None, None, None
        if label == "LOC":                                   # مطار القاهرة الدولي
            s.j = _chain_end(tokens, s.j, len(tokens), set(), genitive=False)


_NAME_LINKS = frozenset(normalize(w, "match") for w in ("بن", "ابن", "بنت", "أبو", "أبي", "أم", "آل", "عبد"))


def _second_person(norms: list[str], i: int, j: int) -> int | None:
    """Where a second person's name starts in a name of four words or more that an institution is
    named after (مدير مستشفى سالم الحداد كريم يوسف: the tagger ran the two together): at a
    first name after the first two words that no بن، أبو، عبد … joins to what comes before."""
    if j - i < 4:
        return None
    for k in range(i + 2, j - 1):
        if norms[k - 1] not in _NAME_LINKS and "PER_FIRST" in gz.lookup(norms[k], clitics=False):
            return k
    return None


def _agree(head: str, adjective: str) -> bool:
    """Gender agreement of a definite head and its adjective: القوات العراقية, الجيش العراقي, not
    الاستخبارات الإسرائيلي (an adjective of something before)."""
    feminine = head.endswith(("ه", "ات"))
    return feminine == adjective.endswith("ه")


def _prep_place(norm: str) -> bool:
    """A preposition + a known place in one word: بتبوك، لبغداد، بالرياض."""
    if norm[:1] not in ("ب", "ل") or len(norm) < 4:
        return False
    return bool(gz.lookup(norm[1:], clitics=False) & gz.PLACE_KINDS) and not gz.lookup(norm, clitics=False)


def _title_start(norms: list[str], i: int) -> int:
    """Start of a title that ends right before token i (الأمير, صاحب السمو الملكي), else i."""
    for k in range(max(0, i - 3), i):
        mt = gz.title_at(norms, k, i)
        if mt is not None and mt.end == i and "TITLE" in mt.entry.kinds:
            return k
    return i


# إدارة names a body only through a construct noun or a name (إدارة صحة البيئة، إدارة موازين): with
# a plain definite genitive it is an act (إدارة الأزمة) or a board's (مجلس إدارة الشركة)
_NAMED_ONLY_HEADS = frozenset(normalize(w, "match") for w in ("إدارة",))
_ORG_HEAD_WORDS = _PERSON_ORG_HEADS | _CONSTRUCT_HEADS | _DEFINITE_HEADS | _DEFINITE_BODY_HEADS | _NAMED_ONLY_HEADS
# What a head looks like once its first letters are cut (لل + الجيش = للجيش ends in جيش).
_ORG_HEAD_ENDINGS = _ORG_HEAD_WORDS | frozenset(w[2:] for w in _ORG_HEAD_WORDS if w.startswith("ال"))


def _org_head_of(norm: str) -> str | None:
    """The word without its proclitics (the article restored after لل) when it is one of the heads
    `_rule_orgs` starts from, else None."""
    if not any(norm[c:] in _ORG_HEAD_ENDINGS for c in range(4)):
        return None                      # `proclitic_cut` cuts at most three letters
    cut, restore = proclitic_cut(norm)
    w = "ال" + norm[cut:] if restore else norm[cut:]
    return w if w in _ORG_HEAD_WORDS else None


_ORG_HEAD = gz.WordCache(_org_head_of)


def _org_head_positions(tokens: list[Token], norms: list[str]) -> list[int]:
    """Positions of the words that `_rule_orgs` may start an organization from."""
    return [k for k in compress(range(len(norms)), map(_ORG_HEAD.__getitem__, norms)) if _is_word(tokens[k])]


def _rule_orgs(tokens: list[Token], norms: list[str], a: int, b: int, spans: list[Span], taken: set[int],
               heads: list[int]) -> None:
    """Organizations named by a head noun in tokens [a, b) (see the module docstring); `heads`
    are the positions of the head words (`_org_head_positions`)."""
    done = a
    for n in range(bisect_left(heads, a), len(heads)):
        k = heads[n]
        if k >= b:
            break
        if k < done or k in taken:
            continue
        w = _ORG_HEAD[norms[k]]
        end = k
        if w in _PERSON_ORG_HEADS and k + 1 < b and k + 1 not in taken and _is_word(tokens[k + 1]) \
                and "PER_FIRST" in gz.lookup(tokens[k + 1].norm, clitics=False):
            end = k + 2                        # مستشفى كمال عدوان: named after a person
            if end < b and end not in taken and _is_word(tokens[end]) and not _definite(tokens[end].norm) \
                    and tokens[end].norm not in _FUNCTION and not gz.lookup(tokens[end].norm, clitics=False) \
                    and not in_wordlist(tokens[end].norm, "quantity"):
                end += 1                       # (not a count: استقبل مستشفى ناصر [عشرات] الجرحى)
        elif w in _NAMED_ONLY_HEADS and k + 2 < b and k + 1 not in taken and k + 2 not in taken \
                and not (k > 0 and tokens[k - 1].norm.endswith(_COUNCIL)) and not tokens[k].norm.startswith("ال"):
            if gz.is_construct_noun(tokens[k + 1].norm) and _definite(tokens[k + 2].norm):
                end = _chain_end(tokens, k + 2, b, taken)          # إدارة [صحة البيئة]
            elif _unknown_name_word(tokens, k + 1, b):
                end = k + 2                                        # إدارة [موازين]
        elif w in _CONSTRUCT_HEADS and k + 1 < b and k + 1 not in taken:
            end = _chain_end(tokens, k + 1, b, taken)
            if w in _ONE_NAME_HEADS:
                end = _before_conjunct(tokens, k + 2, end)
            if end == k + 1 and gz.is_construct_noun(tokens[k + 1].norm) and k + 2 < b:
                end = _chain_end(tokens, k + 2, b, taken)
                if end == k + 2 and k + 2 not in taken and _unknown_name_word(tokens, k + 2, b):
                    end = k + 3                # مركز دراسات [عربستان]: a name no text rasd learnt from writes
                elif end == k + 2:
                    end = k + 1                # وزارة [حقوق الإنسان]، هيئة [مكافحة الفساد]
            elif end == k + 1 and _unknown_name_word(tokens, k + 1, b):
                end = _chain_end(tokens, k + 2, b, taken, genitive=False)   # جامعة سارلاند الألمانية
                if w in _TOWN_HEADS:
                    spans.append(Span(k + 1, k + 2, "LOC", "rule", 0.5))    # بلدية [صامطة]: the town too
        elif w in _DEFINITE_HEADS and k + 1 < b and k + 1 not in taken \
                and _is_adjective(tokens[k + 1].norm) and _agree(w, tokens[k + 1].norm):
            end = k + 2
            while end < b and end not in taken and end - k < MAX_CHAIN and _is_word(tokens[end]) \
                    and _is_adjective(tokens[end].norm):
                end += 1
        elif w in _DEFINITE_BODY_HEADS and k + 1 < b and k + 1 not in taken \
                and _is_adjective(tokens[k + 1].norm) and _agree(w, tokens[k + 1].norm):
            end = _body_name_end(tokens, k, b, taken)
        if end > k + 1:
            spans.append(Span(k, end, "ORG", "rule", 0.5))
            taken.update(range(k, end))
            done = end


# Heads named by one word, whose genitive is no field of work: a conjunct after it is another
# place (مستشفى الشفاء [والمرافق الصحية]، مستشفى العودة [والإندونيسي]).
_ONE_NAME_HEADS = frozenset(normalize(w, "match") for w in ("مستشفى", "مستوصف", "مجمع"))


def _before_conjunct(tokens: list[Token], a: int, end: int) -> int:
    """`end`, or the first word from `a` on that is joined by و, where the name stops (but not
    after a field of care written with ل: مستشفى العزيزية للولادة [والأطفال])."""
    return next((k for k in range(a, end) if tokens[k].norm[:1] == "و" and not tokens[k - 1].norm.startswith("لل")),
                end)


def _unknown_name_word(tokens: list[Token], k: int, b: int) -> bool:
    """Is token k a name that an organization's head takes (جامعة [سارلاند]، بلدية [صامطة]): a word
    no text rasd learnt from writes (`clitics.known`), with no article, clitic, gazetteer class or
    nisba ending (لجنة تنسيقية), and not a verbal noun heading a genitive of its own (جمعية تحفيظ
    القرآن): nothing definite after it but an adjective."""
    t = tokens[k]
    if not _is_word(t) or len(t.norm) < 4 or t.segments or known(t.norm) or t.norm.endswith(_NISBA) \
            or t.norm in _FUNCTION or gz.lookup(t.norm, clitics=False):
        return False
    nxt = tokens[k + 1] if k + 1 < b else None
    return nxt is None or not _is_word(nxt) or not nxt.norm.startswith("ال") or _adjective_like(nxt.norm)


def _body_name_end(tokens: list[Token], k: int, b: int, taken: set[int]) -> int:
    """The end of a body's name from its definite head at `k` and the adjective after it: to the
    closing quotation mark when the name opens one ("الجمعية المغربية للدفاع عن حقوق النساء"), else
    through the modifiers (`_chain_end`) and a genitive with ل (الاتحاد الدولي [لكرة اليد]); `k`
    (no name) when its genitive is another mention (بالمؤسسة العامة [للخطوط الجوية …])."""
    if k and tokens[k - 1].norm in _QUOTES:
        for e in range(k + 2, min(b, k + 2 * MAX_CHAIN)):
            if tokens[e].norm in _QUOTES:
                return e
            if not _is_word(tokens[e]) or e in taken:
                break
    end = _chain_end(tokens, k + 2, b, taken, genitive=False)
    while end < b and end not in taken and _is_word(tokens[end]) and tokens[end - 1].norm.startswith("لل"):
        n, before = tokens[end].norm, tokens[end - 1].norm
        if n.startswith("لل") and len(n) > 4 and n not in _NOT_ORG_LINK \
                or n.startswith("ال") and n not in _STOP and not _ORG_HEAD[n] \
                and (_adjective_like(n) or n.endswith("ه") and before.endswith("ه")):
            end += 1            # المنتخب السعودي للناشئين للكرة الطائرة
        else:
            break
    if end + 1 < b and not {end, end + 1} & taken and _is_word(tokens[end]) and _is_word(tokens[end + 1]):
        t = tokens[end]
        first = t.segments[0] if t.segments else None     # ل alone (لألعاب looks definite once normalized)
        if first is not None and first.kind == "proclitic" and first.end - first.start == 1 and t.norm[0] == "ل" \
                and t.norm not in _NOT_ORG_LINK and _definite(tokens[end + 1].norm) \
                and tokens[end + 1].norm not in _STOP:
            end += 2
    if end < b and end in taken and tokens[end].norm[0] == "ل":
        return k
    if without_proclitics(tokens[k].norm)[0] in _GATHERINGS and end + 1 < b and tokens[end].norm == _ABOUT \
            and not {end, end + 1} & taken and _definite(tokens[end + 1].norm):
        about = end
        end = _chain_end(tokens, end + 1, b, taken, genitive=False)   # المنتدى الإقليمي [حول التنمية المستدامة]
        end = _before_where_held(tokens, about + 2, end, b)
    return _construct_conjunct_end(tokens, end, b, taken)


def _before_where_held(tokens: list[Token], a: int, end: int, b: int) -> int:
    """`end`, or one less when the last word, after token a, is a participle followed by في or a
    place with ب (… حول التنمية المستدامة [المنعقد] في مراكش: where it was held, not its name)."""
    if end > a and end < b and tokens[end - 1].norm.startswith("الم") \
            and (tokens[end].norm in _FUNCTION or proclitic_cut(tokens[end].norm)[0]):
        return end - 1
    return end


# gatherings named for their subject after حول (المنتدى رفيع المستوى حول التنمية المستدامة)
_GATHERINGS = frozenset(normalize(w, "match") for w in ("المنتدى", "المؤتمر", "الملتقى", "القمة", "الندوة"))
_ABOUT = normalize("حول", "match")


def _construct_conjunct_end(tokens: list[Token], end: int, b: int, taken: set[int]) -> int:
    """The end of a name past a conjunct that is one of the nouns naming what a body does and its
    definite genitive (الهيئة العامة للأرصاد [وحماية البيئة]): `end` when there is none."""
    if end + 1 < b and not {end, end + 1} & taken and _is_word(tokens[end]) and _is_word(tokens[end + 1]):
        n = tokens[end].norm
        if n[:1] == "و" and gz.is_construct_noun(n[1:]) and _definite(tokens[end + 1].norm) \
                and tokens[end + 1].norm not in _STOP:
            return end + 2
    return end


def _extend_org(tokens: list[Token], s: Span, spans: list[Span], bounds, taken: set[int]) -> None:
    """Stretch an ORG whose first word is an organization head through its genitive chain and a
    following في/ب + ORG mention."""
    if s.entry is not None and s.source != "rule":
        return
    first = tokens[s.i].norm
    cut, _ = proclitic_cut(first)
    h = gz.head(first[cut:])
    if not h or h[0] != "ORG_HEAD":
        return
    limit = next((b for a, b in bounds if a <= s.i < b), len(tokens))
    own = set(range(s.i, s.j))
    # (a name without the article before, a person's: مستشفى كمال عدوان, takes no participle)
    end = _chain_end(tokens, s.j, limit, taken - own, genitive=s.j - s.i == 1,
                     participles=s.j - s.i == 1 or _definite(tokens[s.j - 1].norm),
                     feminine=first[cut:].endswith("ه"))
    end = _before_where_held(tokens, s.j, end, limit)
    if without_proclitics(first)[0] in _ONE_NAME_HEADS:
        end = _before_conjunct(tokens, s.j, end)
    if end > s.j:
        taken.update(range(s.j, end))
        s.j = end
    last, k = tokens[s.j - 1], s.j
    if k < limit and k not in taken and _is_word(tokens[k]) and last.segments \
            and last.segments[0].kind == "proclitic" and last.norm.startswith("ل") and not _definite(last.norm) \
            and _definite(tokens[k].norm) and tokens[k].norm not in _STOP:
        s.j = k + 1                                # الاتحاد السعودي لكرة [القدم]
        taken.add(k)
    k = s.j
    if k + 1 < limit and tokens[k].norm in _ORG_LINKS or k < limit and tokens[k].norm.startswith("ب") \
            and _definite(tokens[k].norm):
        nxt = k + 1 if tokens[k].norm in _ORG_LINKS else k
        for other in spans:
            if other is not s and other.i == nxt and other.label == "ORG":
                s.j = other.j
                other.label = "DROP"
                break


def _move_title(norms: list[str], s: Span) -> None:
    if s.j - s.i < 2:
        return
    mt = gz.title_at(norms, s.i, s.j)
    if mt is not None and "TITLE" in mt.entry.kinds and mt.end < s.j:
        s.title = (s.i, mt.end)
        s.i = mt.end


def _dedupe(spans: list[Span]) -> list[Span]:
    """Drop a mention that lies inside another of the same label (keeps nested places in orgs),
    and a second mention of the same tokens. `spans` is sorted by start, longest first."""
    out: list[Span] = []
    reach: dict[str, int] = {}            # label -> furthest end of a kept span (all start earlier)
    ranges: set[tuple[int, int]] = set()
    for s in spans:
        if (s.i, s.j) in ranges or reach.get(s.label, -1) >= s.j:
            continue
        out.append(s)
        ranges.add((s.i, s.j))
        reach[s.label] = max(reach.get(s.label, -1), s.j)
    return out
