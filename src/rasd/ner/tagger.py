"""The NER tagger: a CRF (python-crfsuite) over `rasd.ner.features`, loaded once per process.

    >>> tagger = default_tagger()
    >>> tagger.tag(["قال", "الرئيس", "ميشال", "عون", "في", "بيروت"])
    ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']

Tags are IOB2 over PERS, LOC, ORG and MISC. `tag_scored` also gives each token the marginal
probability of its tag. A document is tagged as a whole (`tag_document`, `names`): the features
of a word include what its other mentions say of it (`rasd.ner.document`); `tag` reads its
sentence as a document of one sentence. The committed model is ``rasd/models/ner.crfsuite``; `rasd train ner`
makes a new one. Tagging uses `rasd.ner.decode` (the model's weights summed per word type, and
Viterbi and marginals in C) when its C module is built, and crfsuite itself otherwise
(``engine="crfsuite"``): the tags and probabilities are the same.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import pycrfsuite

from ..errors import ResourceError
from . import decode, features
from .conll import chunks

__all__ = ["CONLL_WINDOW", "MODEL_PATH", "NerTagger", "default_tagger"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
# Document consistency (`NerTagger.tag_document`): how sure the tagger must be of a name to
# spread it, and of the same reading where it spreads it to.
SOURCE_CONFIDENCE = 0.9
TARGET_CONFIDENCE = 0.005
# Window (in sentences) within which a CoNLL file's names are made consistent: CoNLL files such
# as ANERcorp's do not mark where an article ends.
CONLL_WINDOW = 20

Chunk = tuple[str, int, int]


class NerTagger:
    """Tags lists of token strings with a crfsuite model file.

    `engine` is "fast" (`rasd.ner.decode`), "crfsuite", or "auto" (fast when its C module is
    built). A crfsuite tagger is not thread-safe (crfsuite keeps the sequence being tagged); each
    thread gets its own, opened from the same file. The fast decoder's caches are shared.
    """

    def __init__(self, path: str | Path | None = None, engine: str = "auto"):
        self.path = Path(path) if path is not None else MODEL_PATH
        if not self.path.is_file():
            raise ResourceError(f"NER model not found: {self.path}", path=str(self.path),
                                remedy="reinstall rasd, or train one with `rasd train ner`")
        if engine not in ("auto", "fast", "crfsuite"):
            raise ValueError(f"unknown engine: {engine!r}")
        self._local = threading.local()
        crf = self._crf()                 # fail now, not on first use, if the file is broken
        self.features = features.FeatureExtractor(known=features.model_attributes(self.path))
        self._labels = tuple(crf.labels())
        self.decoder: decode.Decoder | None = None
        if engine == "fast" or engine == "auto" and decode.available():
            self.decoder = decode.Decoder(self.path, self.features)
            if self.decoder.labels != self._labels:
                raise ResourceError("NER model labels read differently", path=str(self.path))
            self._lock = threading.Lock()
            # conlleval's reading of each label: ("B" | "I" | other, type)
            self._parts = [(t.partition("-")[0], t.partition("-")[2]) if "-" in t and t != "O"
                           else ("O", "") for t in self._labels]
            inside = bytes(k for k, (p, _) in enumerate(self._parts) if p in ("B", "I"))
            self._runs = re.compile(b"[" + re.escape(inside) + b"]+") if inside else None
        self.engine = "fast" if self.decoder is not None else "crfsuite"
        self._asked = engine

    def __reduce__(self):
        # pickled as its model file and engine (a process pool's workers open their own)
        return NerTagger, (self.path, self._asked)

    def _crf(self) -> pycrfsuite.Tagger:
        crf = getattr(self._local, "crf", None)
        if crf is None:
            crf = pycrfsuite.Tagger()
            try:
                crf.open(str(self.path))
            except (OSError, ValueError) as exc:
                raise ResourceError(f"cannot open NER model: {exc}", path=str(self.path)) from exc
            self._local.crf = crf
        return crf

    def labels(self) -> list[str]:
        return list(self._labels)

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence of token strings."""
        if not words:
            return []
        if self.decoder is not None:
            return self.tag_scored(words)[0]
        return self._crf().tag(self.features.document([words])[0])

    def tag_scored(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        """IOB2 tags and the marginal probability of each tag."""
        if not words:
            return [], []
        if self.decoder is not None:
            with self._lock:
                got = self.decoder.decode([words])
            marg, width = got.marginals, got.width
            return ([self._labels[k] for k in got.tags],
                    [marg[i * width + k] for i, k in enumerate(got.tags)])
        crf = self._crf()
        tags = crf.tag(self.features.document([words])[0])
        return tags, [crf.marginal(t, i) for i, t in enumerate(tags)]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]

    def tag_document(self, sentences: Sequence[Sequence[str]], window: int | None = None,
                     source: float = SOURCE_CONFIDENCE, target: float = TARGET_CONFIDENCE,
                     ) -> tuple[list[list[str]], list[list[float]]]:
        """Tags of the sentences of one document, made consistent across it, and the marginal
        probability of each tag of a name (1.0 for the other tokens).

        A name the tagger marks with confidence (every tag's marginal at least `source`) in one
        sentence is also marked where the same words (the same stems) stand untagged elsewhere
        in the document, within `window` sentences if given, when the tagger gives that reading
        there a marginal of at least `target`. The last word of a confident person's name of
        two words or more (أنان after كوفي أنان) counts as that person's name too.
        """
        tags, probs, _ = self._document(sentences, window, source, target)
        return tags, probs

    def names(self, sentences: Sequence[Sequence[str]], window: int | None = None,
              source: float = SOURCE_CONFIDENCE, target: float = TARGET_CONFIDENCE,
              ) -> list[list[tuple[str, int, int, float]]]:
        """The names `tag_document` finds, per sentence: ``(type, start, end, score)`` with token
        indexes (end exclusive) and the lowest marginal probability of the name's tags."""
        _, probs, found = self._document(sentences, window, source, target)
        return [[(kind, a, b, min(p[a:b])) for kind, a, b in cs] for p, cs in zip(probs, found)]

    def _document(self, sentences, window, source, target):
        if self.decoder is not None:
            return self._document_fast(sentences, window, source, target)
        return self._document_crfsuite(sentences, window, source, target)

    def _document_crfsuite(self, sentences, window, source, target):
        crf = self._crf()
        feats = self.features.document(sentences, window)
        stems = [[self.features.word(w).stem for w in s] for s in sentences]
        tags: list[list[str]] = []
        probs: list[list[float]] = []
        found: list[list[Chunk]] = []
        for x in feats:
            if not x:
                tags.append([])
                probs.append([])
                found.append([])
                continue
            crf.set(x)
            t = crf.tag()
            p = [1.0] * len(t)                # marginals are computed for the names only
            cs = chunks(t)
            for _kind, a, b in cs:
                for i in range(a, b):
                    p[i] = crf.marginal(t[i], i)
            tags.append(t)
            probs.append(p)
            found.append(cs)

        def marginal(k: int, label: str, i: int) -> float:
            crf.set(feats[k])
            return crf.marginal(label, i)

        self._spread(stems, tags, probs, found, window, source, target, marginal)
        return tags, probs, found

    def _document_fast(self, sentences, window, source, target):
        labels, parts, runs = self._labels, self._parts, self._runs
        with self._lock:
            got = self.decoder.decode(sentences, window)
        codes, marg, width = got.tags, got.marginals, got.width
        tags: list[list[str]] = []
        probs: list[list[float]] = []
        found: list[list[Chunk]] = []
        for offset, s in zip(got.starts, sentences):
            n = len(s)
            end = offset + n
            tags.append([labels[k] for k in codes[offset:end]])
            p = [1.0] * n
            cs: list[Chunk] = []
            if runs is not None:
                for m in runs.finditer(codes, offset, end):
                    kind = None
                    start = 0
                    for i in range(m.start(), m.end()):
                        prefix, typ = parts[codes[i]]
                        if kind is not None and (prefix != "I" or typ != kind):
                            cs.append((kind, start - offset, i - offset))
                            kind = None
                        if kind is None:
                            kind, start = typ, i
                        p[i - offset] = marg[i * width + codes[i]]
                    cs.append((kind, start - offset, m.end() - offset))
            probs.append(p)
            found.append(cs)
        index = {label: k for k, label in enumerate(labels)}
        starts = got.starts

        def marginal(k: int, label: str, i: int) -> float:
            return marg[(starts[k] + i) * width + index[label]]

        flat = got.stems
        stems = [flat[a:a + len(s)] for a, s in zip(starts, sentences)]
        self._spread(stems, tags, probs, found, window, source, target, marginal)
        return tags, probs, found

    @staticmethod
    def _spread(stems, tags, probs, found, window, source, target, marginal) -> None:
        """The document consistency pass of `tag_document` (changes `tags`, `probs` and `found`)."""
        memory: dict[tuple[str, ...], dict[str, list[int]]] = {}
        for k, cs in enumerate(found):
            p = probs[k]
            for kind, a, b in cs:
                if min(p[a:b]) < source:
                    continue
                key = tuple(stems[k][a:b])
                memory.setdefault(key, {}).setdefault(kind, []).append(k)
                if kind == "PERS" and b - a >= 2 and len(key[-1]) >= 3:
                    memory.setdefault(key[-1:], {}).setdefault(kind, []).append(k)
        if not memory:
            return
        longest = max(len(key) for key in memory)
        firsts = {key[0] for key in memory}
        for k, st in enumerate(stems):
            t = tags[k]
            found_here = []
            free = 0
            for i in [i for i, w in enumerate(st) if w in firsts]:
                if i < free or t[i] != "O":
                    continue
                for n in range(min(longest, len(st) - i), 0, -1):
                    kinds = memory.get(tuple(st[i:i + n]))
                    if kinds and all(y == "O" for y in t[i:i + n]):
                        kind = _nearest(kinds, k, window)
                        if kind:
                            found_here.append((kind, i, i + n))
                            free = i + n
                            break
            if not found_here:
                continue
            changed = False
            for kind, a, b in found_here:
                if marginal(k, "B-" + kind, a) >= target:
                    changed = True
                    t[a] = "B-" + kind
                    probs[k][a] = marginal(k, t[a], a)
                    for j in range(a + 1, b):
                        t[j] = "I-" + kind
                        probs[k][j] = marginal(k, t[j], j)
            if changed:
                found[k] = chunks(t)


def _nearest(kinds: dict[str, list[int]], k: int, window: int | None) -> str | None:
    """The label seen most often within `window` sentences of sentence `k` (None if none)."""
    best, count = None, 0
    for kind, where in kinds.items():
        n = len(where) if window is None else sum(1 for j in where if abs(j - k) <= window)
        if n > count:
            best, count = kind, n
    return best


@lru_cache(maxsize=None)
def default_tagger() -> NerTagger:
    """The tagger with the committed model, opened on first use (once per process)."""
    return NerTagger()
