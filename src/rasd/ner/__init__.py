"""Named-entity recognition: a CRF tagger over clitic-aware features (PERS, LOC, ORG, MISC).

- `default_tagger()` / `NerTagger`: tag lists of token strings (`rasd.ner.tagger`).
- `tag_lines`: tag a CoNLL file line by line, keeping its lines (`rasd tag`).
- `evaluate_file`: exact-span P/R/F1 of a model on a gold CoNLL file (`rasd eval ner`).
- `rasd.ner.train.train`: train a model on CoNLL files (`rasd train ner`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from .conll import Score, read_conll, score
from .tagger import CONLL_WINDOW, MODEL_PATH, NerTagger, default_tagger

__all__ = ["MODEL_PATH", "NerTagger", "Score", "default_tagger", "evaluate_file", "tag_lines"]


def _tagger(model: str | Path | None) -> NerTagger:
    return default_tagger() if model is None else NerTagger(model)


def tag_lines(lines: Iterable[str], model: str | Path | None = None) -> Iterator[str]:
    """Tag CoNLL lines: the first column of each non-blank line is a token (other columns are
    ignored); yields the same number of lines, ``TOKEN TAG\n`` or ``\n`` for a blank one.
    The file is tagged as one document (`NerTagger.tag_document`, window `CONLL_WINDOW`)."""
    tagger = _tagger(model)
    layout: list[int] = []           # per line: the sentence it belongs to, or -1 for a blank
    sentences: list[list[str]] = []
    in_sentence = False
    for line in lines:
        fields = line.split()
        if fields:
            if not in_sentence:
                sentences.append([])
                in_sentence = True
            sentences[-1].append(fields[0])
            layout.append(len(sentences) - 1)
        else:
            in_sentence = False
            layout.append(-1)
    tags, _ = tagger.tag_document(sentences, window=CONLL_WINDOW)
    position = [0] * len(sentences)
    for k in layout:
        if k < 0:
            yield "\n"
        else:
            i = position[k]
            position[k] += 1
            yield f"{sentences[k][i]} {tags[k][i]}\n"


def evaluate_file(path: str | Path, model: str | Path | None = None) -> Score:
    """Tag the tokens of a gold CoNLL file (as one document, like `tag_lines`) and score the
    tags against its last column."""
    tagger = _tagger(model)
    sentences = read_conll(path)
    tags, _ = tagger.tag_document([s.tokens for s in sentences], window=CONLL_WINDOW)
    return score([s.tags for s in sentences], tags)
