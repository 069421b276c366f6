"""Token features for the NER tagger, built from the text layer.

Everything that depends only on a word is computed once per word type (`word_info`, cached by
`FeatureExtractor`): its ``match`` and ``bare`` forms, clitic segments and stem
(`rasd.text.tokenize`), affixes of the stem, shape, cue-word classes
(`resources/lexicon/ner_cues.tsv`), gazetteer classes (`rasd.resources.gazetteers`) and how often
the stem lexicon sees the stem. `FeatureExtractor.sentence` then joins the features of each word
with those of its neighbours (a window of ±2), word and stem pairs, a title two or three words
before, and the gazetteer names spanning several words; `FeatureExtractor.document` adds the
document evidence of `rasd.ner.document` (what the other mentions of a word say of it).

    >>> feats = sentence_features(["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون"])
    >>> "-1c=SAY" in feats[1] and "c=TITLE" in feats[1]
    True
"""
from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import resources
from ..text.clitics import known as known_count
from ..text.normalize import normalize
from ..text.tokenize import tokenize

__all__ = ["FeatureExtractor", "WordInfo", "cue_classes", "gazetteer_spans", "model_attributes",
           "sentence_features", "word_info"]


class WordInfo:
    """What the features need to know about one word type."""

    __slots__ = ("norm", "stem", "kind", "own", "context", "title", "clues", "key")

    def __init__(self, norm: str, stem: str, kind: str, own: tuple[str, ...],
                 context: dict[int, tuple[str, ...]], title: bool = False,
                 clues: tuple = ((), (), ()), key: str | None = None):
        self.norm = norm
        self.stem = stem
        self.kind = kind
        self.own = own
        self.context = context
        self.title = title          # a title or role word (الرئيس، وزير، اللواء)
        self.clues = clues          # what it tells of the words after and before it, and of itself
        self.key = key              # the mentions of a word share it (None: no document evidence)


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    """match-normalized stem -> "CLASS1|CLASS2" for the cue words."""
    out: dict[str, set[str]] = {}
    for row in resources.read_tsv("lexicon/ner_cues.tsv"):
        kind, word = row[0], row[1]
        for key in {_stem_of(word)}:
            out.setdefault(key, set()).add(kind)
    return {k: "|".join(sorted(v)) for k, v in out.items()}


def cue_classes(stem: str) -> str | None:
    """Cue classes of a stem (``match`` form, no clitics), e.g. ``"TITLE"``, or None."""
    return _cues().get(stem)


def _stem_of(word: str) -> str:
    toks = tokenize(word)
    return toks[0].stem if toks else normalize(word, "match")


def _shape(surface: str) -> str:
    out = []
    for ch in surface:
        if "\u0621" <= ch <= "\u06FF":
            c = "a"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "A" if ch.isupper() else "l"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def _bucket(n: int) -> str:
    if n <= 1:
        return "0"
    if n <= 4:
        return "1"
    if n <= 20:
        return "2"
    return "3"


def _analyze(surface: str) -> tuple[str, str, str, str, str]:
    """(norm, stem, kind, proclitics, enclitic) of one token string."""
    toks = tokenize(surface)
    if len(toks) == 1:
        t = toks[0]
        pro = []
        enc = ""
        for kind, a, b in t.segments:
            if kind == "proclitic":
                pro.append(normalize(surface[a:b], "match"))
            elif kind == "enclitic":
                enc = normalize(surface[a:b], "match")
        return t.norm, t.stem, t.kind, "+".join(pro), enc
    norm = normalize(surface, "match")
    words = [t for t in toks if t.kind == "word"]
    stem = max(words, key=lambda t: len(t.stem)).stem if words else norm
    return norm, stem, "mixed", "", ""


def word_info(surface: str, known: frozenset[str] | None = None, gazetteer: bool = True) -> WordInfo:
    """Features of one word type: its own and those it lends to its neighbours. With `known`
    (the attributes of a model), features the model has no weight for are left out; with
    `gazetteer`, the word's gazetteer classes (`rasd.resources.gazetteers.lookup`) are features."""
    norm, stem, kind, pro, enc = _analyze(surface)
    if pro.endswith("ال") and stem in _maqsura_function_stems():
        stem = norm                  # العلي is a name, not على (which takes no article)
    classes = sorted(_gazetteers().lookup(norm)) if gazetteer and kind != "punct" else ()
    bare = normalize(surface, "bare")
    own = ["b", "w=" + norm, "s=" + stem, "k=" + kind]
    if bare != norm:
        own.append("x=" + bare)      # keeps hamza and alef maqsura: على (on) is not علي (Ali)
    if kind == "word" and bare:
        own.append("xe=" + bare[-1])  # the unfolded last and first letters (ى ي ة ه، أ إ ا)
        own.append("xb=" + bare[0])
    if pro:
        own.append("p=" + pro)
        own.append("p0=" + pro.partition("+")[0])
        if pro.endswith("ال"):
            own.append("al")
    if enc:
        own.append("e=" + enc)
    n = len(stem)
    own.append("n=" + (str(n) if n < 8 else "8+"))
    if kind == "word":
        for i in range(1, 5):
            if n > i:
                own.append(f"s{i}={stem[-i:]}")
                own.append(f"p{i}={stem[:i]}")
        if norm != stem:
            for i in range(2, 5):
                if len(norm) > i + 1:
                    own.append(f"P{i}={norm[:i]}")
                    own.append(f"S{i}={norm[-i:]}")
        k = known_count(stem)
        own.append("f=" + _bucket(k))
        own.append("fa=" + _bucket(known_count("ال" + stem) if not stem.startswith("ال") else k))
    else:
        own.append("sh=" + _shape(surface))
    cue = _cues().get(stem)
    if cue:
        own.append("c=" + cue)
    own.extend(["g=" + c for c in classes])
    context: dict[int, tuple[str, ...]] = {}
    for d in (-2, -1, 1, 2):
        c = [f"{d}w={norm}", f"{d}s={stem}"]
        if abs(d) == 1:
            c.append(f"{d}p={pro}")
            if bare != norm:
                c.append(f"{d}x={bare}")
            if kind == "word" and n > 3:
                c.append(f"{d}s2={stem[-2:]}")
            if kind != "word":
                c.append(f"{d}k={kind}")
        if cue:
            c.append(f"{d}c={cue}")
        if abs(d) == 1:
            c.extend([f"{d}g={x}" for x in classes])
        context[d] = tuple(c) if known is None else tuple(x for x in c if x in known)
    if known is not None:
        own = [x for x in own if x in known]
    title = "TITLE" in (cue or "") or "TITLE" in classes or "ROLE" in classes
    key = _key(norm, stem, bare, kind)
    if key in _function_words():
        key = None                  # a function word: nor does it lend gazetteer classes (على/علي)
    clues = _clues(cue, classes if key is not None else (), pro, kind)
    return WordInfo(norm, stem, kind, tuple(own), context, title, clues, key)


def _key(norm: str, stem: str, bare: str, kind: str) -> str | None:
    """What the mentions of a word share for `rasd.ner.document`: its stem, with a final alef
    maqsura kept (على is not علي); None for what is not a word of two letters or more."""
    if kind != "word" or len(stem) < 2:
        return None
    if bare.endswith("ى") and stem.endswith("ي") and norm.endswith(stem):
        return stem[:-1] + "ى"
    return stem


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Keys (`_key`) of the words of ``resources/ner_function_words.txt``: no document evidence."""
    out = set()
    for line in resources.read_lines("ner_function_words.txt"):
        word = line.strip()
        norm, stem, kind, _pro, _enc = _analyze(word)
        out.add(_key(norm, stem, normalize(word, "bare"), kind))
    out.discard(None)
    return frozenset(out)


@lru_cache(maxsize=1)
def _maqsura_function_stems() -> frozenset[str]:
    """Match-form stems of the function words (``resources/ner_function_words.txt``) written with
    a final alef maqsura (على، لدى): in match form they are also names (علي), which the article
    tells apart (العلي)."""
    words = [w.strip() for w in resources.read_lines("ner_function_words.txt")]
    return frozenset(_analyze(w)[1] for w in words if w.endswith("ى"))


def _clues(cue: str | None, classes, pro: str, kind: str) -> tuple:
    """Evidence for `rasd.ner.document`: (for the next word, for the word before, for itself)."""
    after = [f"D-1c={cue}"] if cue else []
    before = [f"D1c={cue}"] if cue else []
    after.extend(["D-1g=" + c for c in classes])
    before.extend(["D1g=" + c for c in classes])
    if kind == "punct":
        after.append("D-1k=punct")
        before.append("D1k=punct")
    itself = ("Dal",) if pro.endswith("ال") else ()
    return tuple(after), tuple(before), itself


_BOS = {-2: ("-2w=<s>",), -1: ("-1w=<s>",), 1: ("1w=</s>",), 2: ("2w=</s>",)}


class FeatureExtractor:
    """Feature lists for sentences, with word types cached.

    `known` is the set of attributes a model has weights for (`model_attributes`): the others are
    dropped, which makes tagging much faster and changes nothing in the result. With `gazetteer`,
    the classes of `rasd.resources.gazetteers` (one-word names, first names, titles, heads, and
    B-/I- of multi-word names) are features of a word and of its neighbours.
    """

    def __init__(self, known: frozenset[str] | None = None, gazetteer: bool = True,
                 cache_size: int = 300_000):
        self.known = known
        self.gazetteer = gazetteer
        self.cache_size = cache_size
        self._cache: dict[str, WordInfo] = {}
        self._edge = {d: tuple(x for x in v if known is None or x in known) for d, v in _BOS.items()}
        self._evidence = known is None or any(x.startswith("D") for x in known)

    def word(self, surface: str) -> WordInfo:
        info = self._cache.get(surface)
        if info is None:
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            info = self._cache[surface] = word_info(surface, self.known, self.gazetteer)
        return info

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists (crfsuite attribute names) for the words of one sentence."""
        cache = self._cache
        infos = [cache.get(w) or self.word(w) for w in words]
        n = len(infos)
        if not n:
            return []
        known = self.known
        edge = self._edge
        spans = _gazetteer_spans(infos) if self.gazetteer else {}
        # what each position sees of the words two and one before it and one and two after it
        left2 = [edge[-2]] * min(n, 2) + [x.context[-2] for x in infos[:-2]]
        left1 = [edge[-1]] + [x.context[-1] for x in infos[:-1]]
        right1 = [x.context[1] for x in infos[1:]] + [edge[1]]
        right2 = [x.context[2] for x in infos[2:]] + [edge[2]] * min(n, 2)
        norms = [x.norm for x in infos]
        stems = [x.stem for x in infos]
        titles = [False, False, False] + [x.title for x in infos]
        out = []
        for i, info in enumerate(infos):
            norm, stem = norms[i], stems[i]
            pairs = ["ww=" + (norms[i - 1] if i else "<s>") + "|" + norm,
                     "wn=" + norm + "|" + (norms[i + 1] if i + 1 < n else "</s>"),
                     "ss=" + (stems[i - 1] if i else "<s>") + "|" + stem,
                     "sn=" + stem + "|" + (stems[i + 1] if i + 1 < n else "</s>")]
            if i == 0:
                pairs.append("first")
            if titles[i + 1] or titles[i]:
                pairs.append("t3")          # a title two or three words before: وزير الخارجية الفرنسي X
            if spans:
                if i in spans:
                    pairs.extend(["g=" + c for c in spans[i]])
                if i - 1 in spans:
                    pairs.extend(["-1g=" + c for c in spans[i - 1]])
                if i + 1 in spans:
                    pairs.extend(["1g=" + c for c in spans[i + 1]])
            if known is not None:
                pairs = [x for x in pairs if x in known]
            out.append([*info.own, *left2[i], *left1[i], *right1[i], *right2[i], *pairs])
        return out

    def document(self, sentences: Sequence[Sequence[str]], window: int | None = None
                 ) -> list[list[list[str]]]:
        """Feature lists of the sentences of one document: those of `sentence`, and the
        document evidence of `rasd.ner.document.evidence` within `window` sentences."""
        from .document import evidence
        out = [self.sentence(s) for s in sentences]
        if self.known is not None and not self._evidence:
            return out                  # a model made without document evidence
        cache = self._cache
        infos = [cache.get(w) or self.word(w) for s in sentences for w in s]
        lengths = [len(s) for s in sentences]
        spans = None
        if self.gazetteer and infos:
            ranges, a = [], 0
            for n in lengths:
                ranges.append((a, a + n))
                a += n
            spans = gazetteer_spans([x.norm for x in infos], ranges)
        found = evidence([x.key for x in infos], [x.clues for x in infos], [x.title for x in infos],
                         lengths, spans, window)
        if found:
            where = [(k, i) for k, n in enumerate(lengths) for i in range(n)]
            known = self.known
            for tokens, shared, more in found:
                for j, t in enumerate(tokens):
                    k, i = where[t]
                    names = shared + more[j] if more else shared
                    out[k][i].extend(names if known is None else [f for f in names if f in known])
        return out


@lru_cache(maxsize=1)
def _gazetteers():
    from ..resources import gazetteers
    return gazetteers


def _gazetteer_spans(infos: Sequence[WordInfo]) -> dict[int, list[str]]:
    """Word index -> B-KIND / I-KIND of the gazetteer names and titles the sentence spells
    (one-word classes are part of `WordInfo`); together they equal `gazetteers.token_classes`."""
    return gazetteer_spans([x.norm for x in infos], [(0, len(infos))])[0]


def gazetteer_spans(norms: Sequence[str], ranges: Sequence[tuple[int, int]]
                    ) -> list[dict[int, list[str]]]:
    """`_gazetteer_spans` of each sentence `[a, b)` of a document's words (``match`` forms),
    with word indexes counted from the sentence's first word: one pass over the document."""
    gz = _gazetteers()
    out = []
    for (a, b), names in zip(ranges, gz.match_ranges(norms, ranges)):
        spans: dict[int, list[str]] = {}
        for m in names:
            spans.setdefault(m.start - a, []).append("B-" + m.entry.kind)
            for k in range(m.start + 1 - a, m.end - a):
                spans.setdefault(k, []).append("I-" + m.entry.kind)
        for m in gz.titles_range(norms, a, b):
            for k in range(m.start, m.end):
                spans.setdefault(k - a, []).extend(("B-" if k == m.start else "I-") + x for x in m.entry.kinds)
        out.append(spans)
    return out


_DEFAULT: list[FeatureExtractor] = []


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Feature lists for one sentence, with every feature (as used for training)."""
    if not _DEFAULT:
        _DEFAULT.append(FeatureExtractor())
    return _DEFAULT[0].sentence(words)


def _cqdb_strings(data: bytes, off: int) -> list[str]:
    """The strings of a crfsuite CQDB table at `off`, in id order."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, off)
    if magic != b"CQDB":
        raise ValueError("unexpected crfsuite model layout")
    out = []
    for o in struct.unpack_from(f"<{count}I", data, off + backward):
        _id, size = struct.unpack_from("<II", data, off + o)
        out.append(data[off + o + 8:off + o + 7 + size].decode("utf-8"))
    return out


def model_attributes(path: str | Path) -> frozenset[str]:
    """The attribute names a crfsuite model file has weights for (read from its attribute table;
    much faster than `pycrfsuite.Tagger.info`)."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF":
        raise ValueError(f"not a crfsuite model: {path}")
    return frozenset(_cqdb_strings(data, struct.unpack_from("<I", data, 36)[0]))
