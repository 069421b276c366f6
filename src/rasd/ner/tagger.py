"""The NER tagger: a CRF (python-crfsuite) over `rasd.ner.features`, loaded once per process.

    >>> tagger = default_tagger()
    >>> tagger.tag(["قال", "الرئيس", "ميشال", "عون", "في", "بيروت"])
    ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']

Tags are IOB2 over PERS, LOC, ORG and MISC. `tag_scored` also gives each token the marginal
probability of its tag. The committed model is ``rasd/models/ner.crfsuite``; `rasd train ner`
makes a new one.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import pycrfsuite

from ..errors import ResourceError
from . import features
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


class NerTagger:
    """Tags lists of token strings with a crfsuite model file.

    A tagger is not thread-safe (crfsuite keeps the sequence being tagged); each thread gets its
    own crfsuite tagger, opened from the same file.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else MODEL_PATH
        if not self.path.is_file():
            raise ResourceError(f"NER model not found: {self.path}", path=str(self.path),
                                remedy="reinstall rasd, or train one with `rasd train ner`")
        self._local = threading.local()
        crf = self._crf()                 # fail now, not on first use, if the file is broken
        self.features = features.FeatureExtractor(known=features.model_attributes(self.path))
        self._labels = tuple(crf.labels())

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
        return self._crf().tag(self.features.sentence(words))

    def tag_scored(self, words: Sequence[str]) -> tuple[list[str], list[float]]:
        """IOB2 tags and the marginal probability of each tag."""
        if not words:
            return [], []
        crf = self._crf()
        tags = crf.tag(self.features.sentence(words))
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
        crf = self._crf()
        feats = [self.features.sentence(s) if s else [] for s in sentences]
        stems = [[self.features.word(w).stem for w in s] for s in sentences]
        tags: list[list[str]] = []
        probs: list[list[float]] = []
        memory: dict[tuple[str, ...], dict[str, list[int]]] = {}
        for k, x in enumerate(feats):
            if not x:
                tags.append([])
                probs.append([])
                continue
            crf.set(x)
            t = crf.tag()
            p = [1.0] * len(t)                # marginals are computed for the names only
            tags.append(t)
            probs.append(p)
            for kind, a, b in chunks(t):
                for i in range(a, b):
                    p[i] = crf.marginal(t[i], i)
                if min(p[a:b]) < source:
                    continue
                key = tuple(stems[k][a:b])
                memory.setdefault(key, {}).setdefault(kind, []).append(k)
                if kind == "PERS" and b - a >= 2 and len(key[-1]) >= 3:
                    memory.setdefault(key[-1:], {}).setdefault(kind, []).append(k)
        if not memory:
            return tags, probs
        longest = max(len(key) for key in memory)
        for k, st in enumerate(stems):
            found = []
            t = tags[k]
            i = 0
            while i < len(st):
                hit = None
                if t[i] == "O":
                    for n in range(min(longest, len(st) - i), 0, -1):
                        kinds = memory.get(tuple(st[i:i + n]))
                        if kinds and all(y == "O" for y in t[i:i + n]):
                            kind = _nearest(kinds, k, window)
                            if kind:
                                hit = (kind, i, i + n)
                                break
                if hit:
                    found.append(hit)
                    i = hit[2]
                else:
                    i += 1
            if not found:
                continue
            crf.set(feats[k])
            for kind, a, b in found:
                if crf.marginal("B-" + kind, a) >= target:
                    t[a] = "B-" + kind
                    probs[k][a] = crf.marginal(t[a], a)
                    for j in range(a + 1, b):
                        t[j] = "I-" + kind
                        probs[k][j] = crf.marginal(t[j], j)
        return tags, probs


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
