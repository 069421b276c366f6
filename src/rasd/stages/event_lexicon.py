"""The event trigger lexicon: loading `resources/events/triggers.tsv` and matching words against it.

A lexicon row gives base forms; inflected forms are generated once at load time (verb endings and
prefixes, noun plural and dual endings), and every form is stored in `match` normal form. A token is
matched by stripping the clitics it may carry (و ف ب ل ك س ال and pronoun suffixes) in every
plausible way and looking each remainder up in the form table, so "وبالانسحاب", "لمفاوضات" and
"اقتحمته" find انسحاب, مفاوضات and اقتحم. Work per word type is cached: `word_info` gathers what
the event rules ask about a word (readings, phrases, word lists) in one record.

    >>> [e.type for e, _ in lookup("وبالانسحاب")]
    ['RETREAT']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..text.normalize import normalize

__all__ = ["Condition", "Form", "Lexicon", "TriggerEntry", "WordInfo", "in_wordlist", "lexicon",
           "lookup", "phrases_starting", "word_info", "word_infos", "word_keys", "wordlist"]

GAP = "…"
MAX_GAP = 3

PERFECT_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تن", "تما")
IMPERFECT_PREFIXES = ("ي", "ت", "ن")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ا", "ن")
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Condition:
    kind: str                      # next | near | around | prev | notnext | notnear | notprev | notsent | notadj | noart | noent | ent | start
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row."""

    source: str                    # the row's forms cell, as written
    pos: str                       # "v" verb | "n" noun
    type: str
    mode: str | None
    cameo: str
    genitive: str | None           # "A" actor | "R" recipient | None
    conditions: tuple[Condition, ...] = ()
    object_clitics: str = ""       # proclitics whose noun names the recipient (ب: التقى بالرئيس)
    object_words: frozenset[str] = frozenset()   # preposition words that do (مع: اشتباكات مع …)


@dataclass(frozen=True, slots=True)
class Form:
    """How a matched word relates to its entry."""

    entry: TriggerEntry
    verb: bool                     # the form is a verb form
    first_person: bool = False     # نفعل / فعلنا


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]         # match forms; GAP marks a gap
    entry: TriggerEntry


@dataclass(slots=True)
class Lexicon:
    forms: dict[str, list[Form]]
    phrases: dict[str, list[Phrase]]   # first word -> phrases starting with it


def _norm(word: str) -> str:
    return normalize(word, "match")


@lru_cache(maxsize=1)
def _wordlists() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for row in resources.read_tsv("events/wordlists.tsv"):
        out[row[0]] = frozenset(_norm(w) for w in row[1].split())
    return out


def wordlist(name: str) -> frozenset[str]:
    """A named word list of `resources/events/wordlists.tsv`, in `match` form."""
    return _wordlists()[name]


def _words(spec: str) -> frozenset[str]:
    out: set[str] = set()
    for w in spec.split(","):
        w = w.strip()
        if w.startswith("@"):
            out |= wordlist(w[1:])
        elif w:
            out.add(_norm(w))
    return frozenset(out)


def _conditions(cell: str) -> tuple[Condition, ...]:
    if cell in ("", "-"):
        return ()
    out = []
    for part in cell.split(";"):
        kind, _, spec = part.strip().partition(":")
        out.append(Condition(kind, _words(spec) if spec else frozenset()))
    return tuple(out)


def _verb_forms(base: str) -> list[tuple[str, bool]]:
    """Inflected forms of a verb given as perfect or imperfect 3ms: (form, first person)."""
    out: list[tuple[str, bool]] = []
    if base.startswith("ي") and len(base) >= 4:
        stem = base[1:]
        for p in IMPERFECT_PREFIXES:
            for s in IMPERFECT_SUFFIXES:
                out.append((p + stem + s, p == "ن"))
    else:
        for s in PERFECT_SUFFIXES:
            out.append((base + s, s == "نا"))
    return out


def _noun_forms(base: str) -> list[str]:
    if base.endswith("ه"):
        stem = base[:-1]
        return [base, stem + "ات", stem + "تان", stem + "تين"]
    return [base, base + "ات", base + "ان", base + "ين", base + "ون"]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger lexicon, loaded once per process."""
    forms: dict[str, list[Form]] = {}
    phrases: dict[str, list[Phrase]] = {}

    def add(form: str, f: Form) -> None:
        bucket = forms.setdefault(form, [])
        if all(x.entry is not f.entry for x in bucket):
            bucket.append(f)

    for row in resources.read_tsv("events/triggers.tsv"):
        cells, pos, type_, mode, cameo, gen = row[0], row[1], row[2], row[3], row[4], row[5]
        cond = row[6] if len(row) > 6 else "-"
        obj = [x.strip() for x in row[7].split(",")] if len(row) > 7 and row[7] != "-" else []
        entry = TriggerEntry(cells, pos, type_, None if mode == "-" else mode, cameo,
                             None if gen == "-" else gen, _conditions(cond),
                             "".join(x for x in obj if len(x) == 1),
                             frozenset(_norm(x) for x in obj if len(x) > 1))
        for alt in cells.split("|"):
            words = tuple(w if w == GAP else _norm(w) for w in alt.split())
            if len(words) > 1:
                phrases.setdefault(words[0], []).append(Phrase(words, entry))
                continue
            word = words[0]
            if pos == "v":
                for form, first in _verb_forms(word):
                    add(form, Form(entry, True, first))
            else:
                for form in _noun_forms(word):
                    add(form, Form(entry, False))
    return Lexicon(forms, phrases)


_NONE: frozenset[str] = frozenset()
_CONJ = frozenset({"conj"})
_PREP = frozenset({"prep"})
_PREP_ARTICLE = frozenset({"prep", "article"})
_FUTURE = frozenset({"future"})
_ARTICLE = frozenset({"article"})
_SUFFIX = frozenset({"suffix"})
_TANWEEN = frozenset({"tanween"})


def _enclitic(word: str) -> str:
    """The pronoun suffix `word` ends in, or "" (no enclitic ends in another one)."""
    if word.endswith("هما"):
        return "هما"
    if word[-2:] in ENCLITICS:
        return word[-2:]
    return "ه" if word.endswith("ه") else ""


@lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Every (remainder, stripped clitic kinds) reading of a `match`-form word.

    Kinds: "conj" (و ف), "prep" (ب ل ك), "future" (س), "article" (ال), "suffix" (a pronoun),
    "tanween" (a final alef). Remainders shorter than two letters are left out.
    """
    heads: list[tuple[str, frozenset[str]]] = [(word, _NONE)]
    if word[:1] in CONJUNCTIONS and len(word) > 3:
        heads.append((word[1:], _CONJ))
    more = []
    for rest, kinds in heads:
        if len(rest) > 3:
            first = rest[0]
            if rest.startswith("لل") and len(rest) > 4:
                more.append((rest[2:], kinds | _PREP_ARTICLE))
            if first in PREPOSITIONS:
                more.append((rest[1:], kinds | _PREP))
            if first == "س" and rest[1] in "يتنا":
                more.append((rest[1:], kinds | _FUTURE))
    heads += more
    more = [(rest[2:], kinds | _ARTICLE) for rest, kinds in heads
            if len(rest) > 3 and rest.startswith("ال")]
    heads += more
    out: list[tuple[str, frozenset[str]]] = []
    for rest, kinds in heads:
        if len(rest) >= 2:
            out.append((rest, kinds))
        suffix = _enclitic(rest)
        if suffix and len(rest) - len(suffix) >= 2:
            core = rest[: -len(suffix)]
            out.append((core, kinds | _SUFFIX))
            if core.endswith("ت"):
                out.append((core[:-1] + "ه", kinds | _SUFFIX))
        if len(rest) > 3 and rest.endswith("ا"):
            out.append((rest[:-1], kinds | _TANWEEN))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    """The word and its readings without clitics: what context conditions compare against."""
    keys = {word}
    for core, kinds in analyses(word):
        if "suffix" not in kinds:
            keys.add(core)
    return frozenset(keys)


@lru_cache(maxsize=200_000)
def lookup(word: str) -> tuple[tuple[TriggerEntry, Form], ...]:
    """Lexicon entries a single `match`-form word can be a form of, best reading first."""
    if word in wordlist("stop"):
        return ()
    forms = lexicon().forms
    out: list[tuple[TriggerEntry, Form]] = []
    seen: set[int] = set()
    for core, kinds in analyses(word):
        for f in forms.get(core, ()):
            if id(f.entry) in seen:
                continue
            if f.verb and kinds & {"article", "prep"}:
                continue                       # a verb takes neither the article nor ب/ل/ك
            if not f.verb and "future" in kinds:
                continue
            if "article" in kinds and any(c.kind == "noart" for c in f.entry.conditions):
                continue
            if "tanween" in kinds and core.endswith("ه") and f.entry.source.endswith("ة"):
                continue                       # no alef follows ة: مصادرها is "its sources"
            seen.add(id(f.entry))
            out.append((f.entry, f))
    return tuple(out)


@lru_cache(maxsize=200_000)
def phrases_starting(word: str) -> tuple[Phrase, ...]:
    """Phrases whose first word is one of the readings of `word`."""
    table = lexicon().phrases
    out: list[Phrase] = []
    for key in word_keys(word):
        out.extend(table.get(key, ()))
    return tuple(out)


@lru_cache(maxsize=1)
def _lists_of_word() -> dict[str, frozenset[str]]:
    """Word (`match` form) -> names of the word lists that hold it."""
    names: dict[str, set[str]] = {}
    for name, words in _wordlists().items():
        for w in words:
            names.setdefault(w, set()).add(name)
    return {w: frozenset(n) for w, n in names.items()}


@dataclass(frozen=True, slots=True, eq=False)
class WordInfo:
    """Everything the event rules ask about one word type, computed once per type."""

    keys: frozenset[str]           # word_keys
    lists: frozenset[str]          # names of the word lists the word or a reading of it is in
    readings: tuple[tuple[TriggerEntry, Form], ...]    # lookup
    phrases: tuple[Phrase, ...]    # phrases_starting
    trigger: bool                  # has readings or phrases
    article: bool                  # a reading strips the article
    suffix: bool                   # a reading strips a pronoun suffix
    future: bool                   # a reading strips the future prefix س


_INFO: dict[str, WordInfo] = {}
_INFO_LIMIT = 200_000


def word_info(word: str) -> WordInfo:
    """The `WordInfo` of a `match`-form word (cached per word type)."""
    info = _INFO.get(word)
    if info is None:
        if len(_INFO) >= _INFO_LIMIT:
            _INFO.clear()
        info = _INFO[word] = _word_info(word)
    return info


def word_infos(words: list[str]) -> list[WordInfo]:
    """`word_info` of each of `words`."""
    infos = list(map(_INFO.get, words))
    if None in infos:
        for i, info in enumerate(infos):
            if info is None:
                infos[i] = word_info(words[i])
    return infos


def _word_info(word: str) -> WordInfo:
    table = _lists_of_word()
    keys = word_keys(word)
    lists = frozenset().union(*(table[k] for k in keys if k in table))
    readings, phrases = lookup(word), phrases_starting(word)
    found = analyses(word)
    kinds = [k for _, k in found]
    if "prepositions" in lists and word not in wordlist("prepositions") and not any(
            core in wordlist("prepositions") and not k & _PREP_ARTICLE for core, k in found):
        lists = lists - {"prepositions"}   # a preposition takes neither ال nor ب/ل: العلي is no على
    return WordInfo(keys, lists, readings, phrases, bool(readings or phrases),
                    any("article" in k for k in kinds),
                    any("suffix" in k for k in kinds),
                    any("future" in k for k in kinds))



def in_wordlist(word: str, name: str) -> bool:
    """Is `word` (`match` form), or one of its readings without clitics, in the named list?"""
    return name in word_info(word).lists
