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

__all__ = ["MODEL_PATH", "NerTagger", "default_tagger"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"


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
        self.features = features.FeatureExtractor(known=features.model_attributes(self.path),
                                                  gazetteer=features.default_gazetteer())
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


@lru_cache(maxsize=None)
def default_tagger() -> NerTagger:
    """The tagger with the committed model, opened on first use (once per process)."""
    return NerTagger()
