"""Token features for the NER tagger, built from the text layer.

Everything that depends only on a word is computed once per word type (`word_info`, cached): its
``match`` form, clitic segments and stem (`rasd.text.tokenize.analyze_word`), affixes of the stem,
shape, cue-word classes (`resources/lexicon/ner_cues.tsv`), how the stem lexicon sees it, and
its word cluster. `sentence_features` then joins the features of each word with those of its
neighbours (a window of ±2) and a few word pairs.

    >>> feats = sentence_features(["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون"])
    >>> "s=رييس" in feats[1] and "-1c=SAY" in feats[1]
    True
"""
from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .. import resources
from ..text.clitics import known as known_count
from ..text.normalize import normalize
from ..text.tokenize import tokenize

__all__ = ["FeatureExtractor", "WordInfo", "cue_classes", "default_gazetteer", "model_attributes",
           "sentence_features", "set_clusters", "word_info"]

# Clusters (word -> bit string) for the model being trained or used; set by the tagger/trainer.
_CLUSTERS: dict[str, str] = {}


class WordInfo:
    """What the features need to know about one word type."""

    __slots__ = ("norm", "stem", "kind", "own", "context")

    def __init__(self, norm: str, stem: str, kind: str, own: tuple[str, ...],
                 context: dict[int, tuple[str, ...]]):
        self.norm = norm
        self.stem = stem
        self.kind = kind
        self.own = own
        self.context = context


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


def word_info(surface: str, known: frozenset[str] | None = None) -> WordInfo:
    """Features of one word type: its own and those it lends to its neighbours. With `known`
    (the attributes of a model), features the model has no weight for are left out."""
    norm, stem, kind, pro, enc = _analyze(surface)
    bare = normalize(surface, "bare")
    own = ["b", "w=" + norm, "s=" + stem, "k=" + kind]
    if bare != norm:
        own.append("x=" + bare)      # keeps hamza and alef maqsura: على (on) is not علي (Ali)
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
        for i in range(2, 4):
            if len(norm) > i + 1:
                own.append(f"P{i}={norm[:i]}")
        k = known_count(stem)
        own.append("f=" + _bucket(k))
        own.append("fa=" + _bucket(known_count("ال" + stem) if not stem.startswith("ال") else k))
    else:
        own.append("sh=" + _shape(surface))
    cue = _cues().get(stem)
    if cue:
        own.append("c=" + cue)
    cluster = _CLUSTERS.get(norm) or _CLUSTERS.get(stem)
    if cluster:
        for i in (4, 8, 12):
            own.append(f"b{i}={cluster[:i]}")
        own.append("b=" + cluster)
    context: dict[int, tuple[str, ...]] = {}
    for d in (-2, -1, 1, 2):
        c = [f"{d}w={norm}", f"{d}s={stem}"]
        if abs(d) == 1:
            c.append(f"{d}p={pro}")
            c.append(f"{d}x={bare}")
            if kind != "word":
                c.append(f"{d}k={kind}")
            if cluster:
                c.append(f"{d}b={cluster[:8]}")
        if cue:
            c.append(f"{d}c={cue}")
        context[d] = tuple(c) if known is None else tuple(x for x in c if x in known)
    if known is not None:
        own = [x for x in own if x in known]
    return WordInfo(norm, stem, kind, tuple(own), context)


_BOS = {-2: ("-2w=<s>",), -1: ("-1w=<s>",), 1: ("1w=</s>",), 2: ("2w=</s>",)}


class FeatureExtractor:
    """Feature lists for sentences, with word types cached.

    `known` is the set of attributes a model has weights for (`model_attributes`): the others are
    dropped, which makes tagging much faster and changes nothing in the result. `gazetteer` maps
    the ``match`` forms of a sentence to the gazetteer classes of each word.
    """

    def __init__(self, known: frozenset[str] | None = None,
                 gazetteer: Callable[[Sequence[str]], Sequence[Iterable[str]]] | None = None,
                 cache_size: int = 300_000):
        self.known = known
        self.gazetteer = gazetteer
        self.cache_size = cache_size
        self._cache: dict[str, WordInfo] = {}
        self._edge = {d: tuple(x for x in v if known is None or x in known) for d, v in _BOS.items()}

    def word(self, surface: str) -> WordInfo:
        info = self._cache.get(surface)
        if info is None:
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            info = self._cache[surface] = word_info(surface, self.known)
        return info

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists (crfsuite attribute names) for the words of one sentence."""
        cache = self._cache
        infos = [cache.get(w) or self.word(w) for w in words]
        n = len(infos)
        known = self.known
        edge = self._edge
        # WordInfo has the `norm` and `kind` a gazetteer matcher reads from tokens.
        gtags = self.gazetteer(infos) if self.gazetteer is not None else None
        out = []
        for i, info in enumerate(infos):
            f = list(info.own)
            for d in (-2, -1, 1, 2):
                j = i + d
                f.extend(infos[j].context[d] if 0 <= j < n else edge[d])
            prev = infos[i - 1] if i else None
            pairs = ["ww=" + (prev.norm if prev else "<s>") + "|" + info.norm,
                     "wn=" + info.norm + "|" + (infos[i + 1].norm if i + 1 < n else "</s>"),
                     "ss=" + (prev.stem if prev else "<s>") + "|" + info.stem]
            if i == 0:
                pairs.append("first")
            if gtags is not None:
                pairs.extend(["g=" + c for c in gtags[i]])
                if i:
                    pairs.extend(["-1g=" + c for c in gtags[i - 1]])
                if i + 1 < n:
                    pairs.extend(["1g=" + c for c in gtags[i + 1]])
            if known is None:
                f.extend(pairs)
            else:
                f.extend([x for x in pairs if x in known])
            out.append(f)
        return out


def default_gazetteer() -> Callable[[Sequence[str]], Sequence[Iterable[str]]] | None:
    """`rasd.resources.gazetteers.token_classes`, or None where the gazetteers are missing."""
    try:
        from ..resources import gazetteers
    except ImportError:          # pragma: no cover - the gazetteers are packaged with rasd
        return None
    return gazetteers.token_classes


_DEFAULT: list[FeatureExtractor] = []


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Feature lists for one sentence, with every feature (as used for training)."""
    if not _DEFAULT:
        _DEFAULT.append(FeatureExtractor(gazetteer=default_gazetteer()))
    return _DEFAULT[0].sentence(words)


def set_clusters(clusters: dict[str, str]) -> None:
    """Use these word clusters (``match`` form -> bit string) in the features from now on."""
    if clusters != _CLUSTERS:
        _CLUSTERS.clear()
        _CLUSTERS.update(clusters)
        _DEFAULT.clear()


def model_attributes(path: str | Path) -> frozenset[str]:
    """The attribute names a crfsuite model file has weights for (read from its attribute table;
    much faster than `pycrfsuite.Tagger.info`)."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF":
        raise ValueError(f"not a crfsuite model: {path}")
    off = struct.unpack_from("<I", data, 36)[0]             # offset of the attribute table (CQDB)
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, off)
    if magic != b"CQDB":
        raise ValueError(f"unexpected crfsuite model layout: {path}")
    offsets = struct.unpack_from(f"<{count}I", data, off + backward)
    out = []
    for o in offsets:
        _id, size = struct.unpack_from("<II", data, off + o)
        start = off + o + 8
        out.append(data[start:start + size - 1].decode("utf-8"))
    return frozenset(out)
