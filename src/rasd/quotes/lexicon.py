"""The quote lexicons: reporting cues (`resources/quotes/cues.tsv`) and speaker nouns
(`resources/quotes/speakers.tsv`), loaded once per process into lookup tables keyed by ``match``-
normalized words.

    >>> cue = cues().get(("اضاف",))
    >>> (cue.lemma, cue.kind, cue.gender, cue.frame)
    ('أضاف', 'perfect', 'm', 'comp')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..text.normalize import normalize

__all__ = ["ADVERBS", "TWO_WORD_ADVERBS", "Cue", "COMPLEMENTIZERS", "CONNECTIVES", "NAME_BREAKERS", "NOT_REPORT_BEFORE", "PREPOSITIONS", "RELATIVES",
           "UNSAID", "UNSAID_VERBS", "WITHOUT",
           "cue_first_words", "cue_lengths", "cues",
           "speaker_class", "strip_conjunction"]


@dataclass(frozen=True, slots=True)
class Cue:
    form: str                 # as written in the lexicon
    lemma: str
    kind: str                 # perfect | imperfect | participle | preposition | passive
    gender: str               # m | f | p | -
    frame: str                # comp | np | src | relay | doc
    particles: tuple[str, ...]   # match-normalized particles that may follow the speaker
    required: bool            # one of the particles must follow
    weight: float


def _m(s: str) -> str:
    return normalize(s, "match")


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, ...], Cue]:
    """Cue entries keyed by the tuple of their ``match``-normalized words."""
    out: dict[tuple[str, ...], Cue] = {}
    for row in resources.read_tsv("quotes/cues.tsv"):
        form, lemma, kind, gender, frame, parts, weight = row[:7]
        plist = () if parts == "-" else tuple(_m(p.lstrip("!")) for p in parts.split())
        key = tuple(_m(w) for w in form.split())
        out.setdefault(key, Cue(form, lemma, kind, gender, frame, plist, parts.startswith("!"),
                                float(weight)))
    return out


@lru_cache(maxsize=1)
def cue_first_words() -> frozenset[str]:
    """The first word of every cue entry (match form), for a quick test per token."""
    return frozenset(k[0] for k in cues())


@lru_cache(maxsize=1)
def cue_lengths() -> tuple[int, ...]:
    """Word counts of the cue entries, longest first."""
    return tuple(sorted({len(k) for k in cues()}, reverse=True))


@lru_cache(maxsize=1)
def _speakers() -> dict[str, str]:
    return {_m(row[0]): row[1] for row in resources.read_tsv("quotes/speakers.tsv")}


def strip_conjunction(word: str) -> str:
    """The word without a leading و or ف conjunction (match form); a word of three letters keeps
    it unless what remains is a cue of two (وحث: وفد and وعد are words of their own)."""
    if word[:1] not in ("و", "ف") or len(word) < 3:
        return word
    return word[1:] if len(word) > 3 or (word[1:],) in cues() else word


@lru_cache(maxsize=50_000)
def speaker_class(word: str) -> str | None:
    """The speaker class of a match-normalized word, trying it without ال, و, ف, ل and ب too."""
    table = _speakers()
    w = word
    if w in table:
        return table[w]
    if w.endswith("ه") and table.get(w[:-1]) in ("role", "descriptor", "unnamed", "kin") \
            and not w[:-1].endswith("ي"):
        return table[w[:-1]]                      # منسقة، مندوبة (not السعودية: a country)
    for prefix in ("و", "ف", "ل", "ب", "وال", "فال", "ال", "لل", "بال"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
            rest = w[len(prefix):]
            if rest in table:
                return table[rest]
            if prefix.endswith("ال") or prefix == "لل":
                if "ال" + rest in table:
                    return table["ال" + rest]
    return None


# Complementizers that open reported content (match forms), with their pronoun-suffixed forms.
_COMP_STEMS = ("ان", "بان", "وان", "فان", "لان")
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
COMPLEMENTIZERS = frozenset(s + x for s in ("ان", "بان", "فان") for x in _SUFFIXES) | {"الا", "بالا"}

# Prepositions and adverbial words that open a phrase which is not the speaker.
PREPOSITIONS = frozenset(_m(w) for w in (
    "في", "ل", "لـ", "مع", "عبر", "خلال", "من", "على", "عن", "إلى", "الى", "أمام", "أثناء", "بعد",
    "قبل", "وسط", "لدى", "عند", "حول", "منذ", "بشأن", "أمس", "اليوم", "الليلة", "صباح", "مساء",
    "ظهر", "فجر", "أيضا", "أيضاً", "كذلك", "بدوره", "بدورها", "بدورهم", "حينها", "يوم", "الأحد",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أول", "بصفته",
    "بصفتها", "باعتباره", "باعتبارها", "فيه", "فيها", "له", "لها", "لهم", "منه", "منها", "عنه", "عنها",
    "عليه", "عليها", "إليه", "إليها", "بدوره", "بدورها", "شخصيا", "شخصياً", "مؤخرا", "مؤخراً",
    "حينها", "آنذاك", "سابقا", "سابقاً", "لاحقا", "لاحقاً", "بدون", "دون", "ضمن", "نحو", "تجاه",
    "إثر", "اثر", "عقب", "أثر", "بين", "مثل", "بمقر", "بحضور", "بمناسبة", "برئاسة", "بقيادة",
    "بشدة", "بقوة", "بحزم", "بوضوح", "مجددا", "مجدداً", "بأشد", "بشكل", "بصورة"))

# One-word adverbials: skipped alone, they govern nothing.
ADVERBS = frozenset(_m(w) for w in (
    "أمس", "اليوم", "الليلة", "أيضا", "أيضاً", "كذلك", "بدوره", "بدورها", "بدورهم", "شخصيا", "شخصياً",
    "مؤخرا", "مؤخراً", "حينها", "آنذاك", "سابقا", "سابقاً", "لاحقا", "لاحقاً", "فيه", "فيها", "له", "لها",
    "لهم", "منه", "منها", "عنه", "عنها", "عليه", "عليها", "إليه", "إليها", "بالمقابل", "بدوره",
    "بشدة", "بقوة", "بحزم", "بوضوح", "مجددا", "مجدداً"))

# Adverbials of manner of two words, skipped whole and governing nothing after them: ودانت
# السعودية [بأشد العبارات] الهجوم، وأكد [بشكل قاطع] …
TWO_WORD_ADVERBS = frozenset(_m(w) for w in ("بأشد", "بشكل", "بصورة"))

# Words that end a name: prepositions and particles (a name may hold صباح or أمين, not في or عن).
NAME_BREAKERS = frozenset(_m(w) for w in (
    "في", "من", "على", "عن", "إلى", "الى", "مع", "ل", "لـ", "ب", "عبر", "خلال", "أمام", "بعد", "قبل", "حول",
    "منذ", "لدى", "عند", "أمس", "اليوم", "الليلة", "أيضا", "أيضاً", "كذلك", "و", "ثم", "أو", "لكن", "قد", "كلا", "كلاً",
    "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت"))

# Adjectives that belong to an institution's head noun (الأمانة العامة، الهيئة العليا) whatever
# their ending.
ORG_ADJECTIVES = frozenset(_m(w) for w in (
    "العام", "العامة", "العليا", "الأعلى", "الدائم", "الدائمة", "الخاص", "الخاصة", "الكبرى", "العظمى"))

# Words before إن/أن that make it a conjunction of time or purpose, not a report (منذ أن، بعد أن).
NOT_REPORT_BEFORE = frozenset(_m(w) for w in (
    "منذ", "بعد", "قبل", "حتى", "دون", "بدل", "بدلا", "بدلاً", "عوض", "لمجرد", "بمجرد", "مجرد",
    "يجب", "يمكن", "ينبغي", "يتوقع", "ما", "لابد", "بد", "عسى", "أراد", "أرادت", "يريد", "تريد",
    "قرر", "قررت", "استطاع", "استطاعت", "تستطيع", "يستطيع", "عليه", "عليها", "عليهم", "ريثما",
    "كما", "إلى", "الى", "على", "عن", "من", "ب", "ل",
    # consequences the narrator draws (وعليه فإن، لذلك فإن): no verb of saying's complement
    "وعليه", "لذلك", "ولذلك", "لذا", "ولذا", "وبالتالي", "بالتالي"))

# "Without saying": the narrator's note on what a statement left out (قال إن المقاتلين صدوا الهجوم
# دون ذكر لأي ضحايا), not the speaker's words. دون or بدون, then one of UNSAID, or أن and one of
# UNSAID_VERBS.
WITHOUT = frozenset(_m(w) for w in ("دون", "بدون", "ودون", "وبدون"))
UNSAID = frozenset(_m(w) for w in (
    "ذكر", "الكشف", "تحديد", "الإشارة", "توضيح", "تقديم", "إعطاء", "الإدلاء", "مزيد", "تفاصيل",
    "التعليق", "الخوض", "الإفصاح", "تسمية", "أن"))
UNSAID_VERBS = frozenset(_m(w) for w in (
    "يذكر", "تذكر", "يكشف", "تكشف", "يحدد", "تحدد", "يشير", "تشير", "يوضح", "توضح", "يقدم", "تقدم",
    "يعطي", "تعطي", "يضيف", "تضيف", "يفصح", "تفصح", "يعلق", "تعلق", "يخوض", "تخوض", "يسمي", "تسمي",
    "يذكروا", "يكشفوا", "يحددوا", "يوضحوا", "يقدموا", "يضيفوا"))

# The narrator setting a statement beside other events (…، وذلك [إثر] الهجوم البري، وذلك [مع استمرار]
# العملية، وذلك [بعد ساعات من] بدء هجمة): after a comma and وذلك, these end what was said. A bare
# بعد or قبل is not among them: the speaker may date what he said (وذلك بعد إكماله نحت القرآن).
NARRATOR_CONTEXT = frozenset(tuple(_m(w) for w in phrase.split()) for phrase in (
    "إثر", "اثر", "عقب", "في أعقاب", "في اعقاب", "مع استمرار", "مع تواصل", "مع تصاعد", "وسط",
    "بالتزامن مع", "تزامنا مع", "تزامناً مع",
    "بعد ساعات من", "بعد أيام من", "بعد يوم من", "بعد ساعة من", "بعد أسابيع من",
    "قبل ساعات من", "قبل أيام من", "قبل يوم من", "قبل ساعة من"))
NARRATOR_CONTEXT_LENGTHS = sorted({len(p) for p in NARRATOR_CONTEXT}, reverse=True)

# Words that may stand between the start of a clause and its first word without changing it.
CONNECTIVES = frozenset(_m(w) for w in (
    "و", "ف", "ثم", "كما", "قد", "وقد", "فقد", "لقد", "كان", "وكان", "كانت", "وكانت", "بينما",
    "فيما", "وفيما", "حين", "حيث", "عندما", "لكن", "ولكن", "لكنه", "إلا", "أما", "وأما", "بدوره",
    "بدورها", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "كذلك", "أيضا",
    "إذ", "اذ", "بل", "وبل", "هنا", "هذا", "وهذا", "فيما", "حيث", "وحيث", "كذلك", "ثم", "وثم"))

# Relative pronouns: an imperfect cue after them describes, it does not report (التي تؤكد خلوهم …).
RELATIVES = frozenset(_m(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                                      "اللاتي", "اللواتي", "ما", "من"))
