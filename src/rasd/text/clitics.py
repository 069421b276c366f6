"""Clitic segmentation of one Arabic word: proclitics (و ف ب ك ل س ال لل), stem, pronoun enclitics.

A split is made only when what remains is a plausible stem: a word type attested in the stem
lexicon (`resources/lexicon/stems.tsv`), a word carrying the article, or, for words the lexicon does
not know, a remainder long enough to be a word. Known words and names that merely begin with these
letters (وزير، بغداد، لبنان، كركوك، فلسطين) are left whole, and so are the gazetteers' first names
and countries (فيصل، فراس، فنلندا، كمال، بسام).

`segment(word)` works on the ``bare`` form of a word (diacritics removed, hamza kept) and returns
segment boundaries as character offsets into that form:

    >>> segment("وبالعراق")
    (('proclitic', 0, 1), ('proclitic', 1, 2), ('proclitic', 2, 4), ('stem', 4, 8))
    >>> segment("بغداد")
    (('stem', 0, 5),)
"""
from __future__ import annotations

from functools import lru_cache

from .. import resources
from .normalize import normalize

__all__ = ["COMMON", "RARE", "known", "segment", "segment_stem"]

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
IMPERFECT_PREFIXES = frozenset("يتنأ")
# Pronoun suffixes. The first person ي/ني is left out: it is rare in news and would break the
# far more frequent nisba adjectives (عراقي، وطني).
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك")

# Words that begin with ال but carry no article, or that must never be split.
NOT_ARTICLE = frozenset(["الله", "اللهم", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللاتي",
                         "اللواتي", "الى", "الا", "الان", "الف", "الفا", "الاف", "الي", "الما",
                         "اللتين", "اللذين", "الذى", "التى", "المانيا", "البانيا", "الاسكا",
                         "الماني", "المانية", "الان"])
# Function words that look like clitic + stem but are written and read as one word.
_WHOLE_KEEP = frozenset(["فقط", "لكن", "لدى", "لدي", "كل", "كلا", "كما", "كان", "كانت", "لم", "لن",
                         "لو", "لقد", "كيف", "كذلك", "بل", "بعد", "بين", "بلا", "كي", "ليس", "ليست",
                         "لعل", "بينما", "لماذا", "لها", "له", "لهم", "لنا", "لي", "بها", "به", "بهم",
                         "فيه", "فيها", "فيما", "لكي", "لأن", "لان", "كأن", "لكنه", "لكنها", "لكنهم"])
WHOLE = _WHOLE_KEEP

MIN_STEM = 2
MIN_UNKNOWN_STEM = 3


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in resources.read_tsv("lexicon/stems.tsv")}


@lru_cache(maxsize=1)
def _names_kept_whole() -> frozenset[str]:
    """Bare forms of the first names and country names of the gazetteers that begin with a
    proclitic's letter (فيصل، فراس، فنلندا، كمال، بسام، ليلى): there the letter is the name's own."""
    names = list(resources.read_lines("gazetteers/first_names.txt"))
    names += [row[3] for row in resources.read_tsv("gazetteers/countries.tsv")]
    names += [n for row in resources.read_tsv("gazetteers/country_variants.tsv") for cell in row[1:]
              for n in cell.split("|")]
    return frozenset(b for b in (normalize(n.strip(), "bare") for n in names)
                     if b[:1] in CONJUNCTIONS + PREPOSITIONS and " " not in b)


# What `known` counts say of a word: seen at most RARE times, it may be a foreign or a family name
# the tagger never learnt; seen COMMON times or more, it is a common word.
RARE = 2
COMMON = 5


def known(stem: str) -> int:
    """How often a stem (``match`` form) is attested on its own or with the article; 0 if never."""
    lex = _lexicon()
    m = normalize(stem, "match")
    return lex.get(m, 0) + lex.get("ال" + m, 0) + (lex.get(m[:-1] + "ه", 0) if m.endswith("ت") else 0)


def _article_len(rest: str) -> int:
    """Length of a leading article in `rest` (``ال``), or 0."""
    if rest.startswith("ال") and len(rest) >= 4 and rest not in NOT_ARTICLE:
        return 2
    return 0


def _as_stem(word: str) -> int:
    """How often `word` itself is seen carrying the article: evidence that it is a stem (الوزير)."""
    m = normalize(word, "match")
    return _lexicon().get("ال" + m, 0)


def _plausible(rest: str, whole: str, guess: bool) -> bool:
    """Is `rest`, what remains after a proclitic of `whole`, a plausible word on its own?
    With `guess`, a long unknown remainder of an unknown word counts as plausible (right for the
    conjunction و/ف; wrong for ب/ل/ك, which begin many foreign names: ليبرمان، برازيليا)."""
    if len(rest) < MIN_STEM:
        return False
    if _article_len(rest):
        return True
    k_rest = known(rest)
    if k_rest:
        return k_rest > _as_stem(whole)
    return guess and not known(whole) and len(rest) >= MIN_UNKNOWN_STEM + 1


# the third-person pronouns a word may end in after ب or ل (بحمايته، لإنقاذهم)
_THIRD_PERSON = ("هما", "هم", "هن", "ها", "ه")


def _known_noun(stem: str) -> int:
    """How often `stem` is attested, reading a final ت as the ة it stands for before a pronoun."""
    return known(stem) or (known(stem[:-1] + "ة") if stem.endswith("ت") else 0)


def _pronoun_after_stem(word: str) -> bool:
    """Is `word` ب or ل + a known word + a third-person pronoun (بحمايته، لإنقاذهم), where the
    word without the pronoun is rarer whole than without its first letter (بدايته and لجنته keep
    their ب and ل: بداية and لجنة are the words)?"""
    if known(word):
        return False
    for suffix in _THIRD_PERSON:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_UNKNOWN_STEM + 1:
            stem = word[1:-len(suffix)]
            return _known_noun(stem) > _known_noun(word[:-len(suffix)])
    return False


def _enclitic(stem: str) -> int:
    """Length of a pronoun enclitic at the end of `stem`, when the rest is a known word."""
    for suffix in ENCLITICS:
        rest = stem[: -len(suffix)]
        if stem.endswith(suffix) and len(rest) >= MIN_UNKNOWN_STEM:
            if _known_noun(rest):
                return len(suffix)
    return 0


@lru_cache(maxsize=200_000)
def segment(word: str) -> tuple[tuple[str, int, int], ...]:
    """Segments of one ``bare`` word as ``(kind, start, end)`` triples covering the word."""
    n = len(word)
    if n < 3 or word in _WHOLE_KEEP or not ("\u0621" <= word[0] <= "\u064A"):
        return (("stem", 0, n),)
    cuts: list[int] = []
    i = 0
    if word[0] in CONJUNCTIONS and word not in WHOLE and word not in _names_kept_whole() \
            and _plausible(word[1:], word, guess=True):
        cuts.append(1)
        i = 1
    rest = word[i:]
    if rest[:1] in PREPOSITIONS and rest not in _WHOLE_KEEP and rest not in _names_kept_whole():
        if rest[0] == "ل" and rest.startswith("لل") and len(rest) >= 4 and rest not in ("لله",):
            cuts += [i + 1, i + 2]                     # لل = ل + (ا)ل
            i += 2
        elif _plausible(rest[1:], rest, guess=False) or rest[0] in "بل" and _pronoun_after_stem(rest):
            cuts.append(i + 1)
            i += 1
    elif rest[:1] == "س" and len(rest) >= 4 and rest[1] in IMPERFECT_PREFIXES and known(rest[1:]) > known(rest):
        cuts.append(i + 1)
        i += 1
    rest = word[i:]
    if not (cuts and cuts[-1] == i and word[i - 2:i] == "لل"):
        a = _article_len(rest)
        if a:
            cuts.append(i + a)
            i += a
    stem = word[i:]
    if len(stem) < MIN_STEM:
        return (("stem", 0, n),)
    tail = 0 if any(word[:c] and word[c - 2:c] == "ال" for c in cuts) else _enclitic(stem)
    out: list[tuple[str, int, int]] = []
    prev = 0
    for c in cuts:
        out.append(("proclitic", prev, c))
        prev = c
    out.append(("stem", prev, n - tail))
    if tail:
        out.append(("enclitic", n - tail, n))
    return tuple(out)


def segment_stem(word: str) -> str:
    """The stem of a word (any form): the word without its clitics, in ``match`` form."""
    bare = normalize(word, "bare")
    for kind, start, end in segment(bare):
        if kind == "stem":
            return normalize(bare[start:end], "match")
    return normalize(bare, "match")
