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
from .tagger import MODEL_PATH, NerTagger, default_tagger

__all__ = ["MODEL_PATH", "NerTagger", "Score", "default_tagger", "evaluate_file", "tag_lines"]


def _tagger(model: str | Path | None) -> NerTagger:
    return default_tagger() if model is None else NerTagger(model)


def tag_lines(lines: Iterable[str], model: str | Path | None = None) -> Iterator[str]:
    """Tag CoNLL lines: the first column of each non-blank line is a token (other columns are
    ignored); yields the same number of lines, ``TOKEN TAG\\n`` or ``\\n`` for a blank one."""
    tagger = _tagger(model)
    tokens: list[str] = []
    blanks = 0

    def flush() -> Iterator[str]:
        for token, tag in zip(tokens, tagger.tag(tokens)):
            yield f"{token} {tag}\n"

    for line in lines:
        fields = line.split()
        if fields:
            if blanks:
                yield from flush()
                tokens.clear()
                yield "\n" * blanks
                blanks = 0
            tokens.append(fields[0])
        else:
            blanks += 1
    yield from flush()
    if blanks:
        yield "\n" * blanks


def evaluate_file(path: str | Path, model: str | Path | None = None) -> Score:
    """Tag the tokens of a gold CoNLL file and score the tags against its last column."""
    tagger = _tagger(model)
    sentences = read_conll(path)
    return score([s.tags for s in sentences], [tagger.tag(s.tokens) for s in sentences])
