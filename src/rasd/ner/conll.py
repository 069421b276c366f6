"""CoNLL files (one ``TOKEN TAG`` per line, a blank line between sentences) and their scoring.

Scoring follows conlleval: tags are IOB (``B-TYPE`` / ``I-TYPE`` / ``O``); an ``I-`` tag that
does not continue a chunk of the same type starts a new chunk; a prediction counts only when its
type, start and end all equal those of a gold chunk (exact-span micro P/R/F1, and per type).

    >>> chunks(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC"])
    [('PERS', 0, 2), ('LOC', 3, 4), ('LOC', 4, 5)]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import EvalError, NotFoundError

__all__ = ["Score", "Sentence", "chunks", "read_conll", "read_lines", "score", "write_conll"]


@dataclass(slots=True)
class Sentence:
    """One sentence of a CoNLL file: its tokens and its tags (None where a line has no tag)."""

    tokens: list[str] = field(default_factory=list)
    tags: list[str | None] = field(default_factory=list)


def read_lines(lines: Iterable[str], tag_column: int = -1) -> Iterator[Sentence]:
    """Sentences of CoNLL lines. The token is the first field; the tag is field `tag_column`
    (the last one by default) when the line has more than one field. Blank lines separate."""
    sent = Sentence()
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if sent.tokens:
                yield sent
                sent = Sentence()
            continue
        fields = line.split()
        sent.tokens.append(fields[0])
        sent.tags.append(fields[tag_column] if len(fields) > 1 else None)
    if sent.tokens:
        yield sent


def read_conll(path: str | Path, tag_column: int = -1) -> list[Sentence]:
    """All sentences of a CoNLL file (UTF-8)."""
    p = Path(path)
    if not p.is_file():
        raise NotFoundError(f"no such CoNLL file: {p}", path=str(p))
    with p.open(encoding="utf-8") as f:
        return list(read_lines(f, tag_column))


def write_conll(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Iterator[str]:
    """Lines (with newline) of ``TOKEN TAG`` pairs, a blank line after each sentence."""
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags):
            yield f"{token} {tag}\n"
        yield "\n"


def chunks(tags: Sequence[str | None]) -> list[tuple[str, int, int]]:
    """conlleval chunks ``(type, start, end)`` (token indexes, end exclusive) of one tag sequence."""
    out = []
    kind = None
    start = 0
    for i, tag in enumerate(tags):
        if not tag or tag == "O" or "-" not in tag:
            prefix, t = "O", None
        else:
            prefix, _, t = tag.partition("-")
        if kind is not None and (prefix != "I" or t != kind):
            out.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and kind is None:
            kind, start = t, i
    if kind is not None:
        out.append((kind, start, len(tags)))
    return out


@dataclass(slots=True)
class Score:
    """Exact-span chunk counts, overall and per type, with P/R/F1 in percent."""

    tp: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    pred: dict[str, int] = field(default_factory=dict)
    tokens: int = 0
    sentences: int = 0

    @staticmethod
    def prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
        p = 100.0 * tp / pred if pred else 0.0
        r = 100.0 * tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.pred))

    def micro(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.gold.values()), sum(self.pred.values()))

    def per_type(self, kind: str) -> tuple[float, float, float]:
        return self.prf(self.tp.get(kind, 0), self.gold.get(kind, 0), self.pred.get(kind, 0))

    def to_dict(self) -> dict:
        p, r, f = self.micro()
        out = {"sentences": self.sentences, "tokens": self.tokens,
               "gold": sum(self.gold.values()), "predicted": sum(self.pred.values()),
               "correct": sum(self.tp.values()),
               "micro": {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2)},
               "types": {}}
        for k in self.types():
            p, r, f = self.per_type(k)
            out["types"][k] = {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2),
                               "gold": self.gold.get(k, 0), "predicted": self.pred.get(k, 0),
                               "correct": self.tp.get(k, 0)}
        return out


def score(gold: Iterable[Sequence[str | None]], predicted: Iterable[Sequence[str]]) -> Score:
    """Score predicted tag sequences against gold ones, sentence by sentence."""
    s = Score()
    for n, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        if len(g) != len(p):
            raise EvalError(f"sentence {n + 1}: {len(g)} gold tags but {len(p)} predicted")
        s.sentences += 1
        s.tokens += len(g)
        gc, pc = set(chunks(g)), set(chunks(p))
        for kind, _, _ in gc:
            s.gold[kind] = s.gold.get(kind, 0) + 1
        for kind, _, _ in pc:
            s.pred[kind] = s.pred.get(kind, 0) + 1
        for kind, _, _ in gc & pc:
            s.tp[kind] = s.tp.get(kind, 0) + 1
    return s
