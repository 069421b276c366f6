"""Training the NER tagger: CoNLL files in, a crfsuite model file out.

Input files hold one ``TOKEN TAG`` per line (IOB2 over PERS, LOC, ORG, MISC; a blank line between
sentences), like ANERcorp. Files with richer label sets, such as the Wojood sample (21 nested
types, one column per layer), are mapped onto these four by `WOJOOD_LABELS` (see `read_training`).

Training is L-BFGS with elastic-net regularization (`c1`, `c2`), all possible transitions, and is
deterministic: the same files, options and seed give the same model file. The seed fixes the
order of the training sentences and the held-out split of `holdout_split`. The sentences (of all
files, in order) are read as one stream, since CoNLL files do not mark where articles end: the
document evidence of a word (`rasd.ner.document`) comes from its other mentions within `window`
sentences.
"""
from __future__ import annotations

import hashlib
import json
import random
import time
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite

from ..errors import NotFoundError
from . import features
from .conll import Score, Sentence, chunks, score

__all__ = ["DEFAULTS", "WOJOOD_LABELS", "evaluate_model", "holdout_split", "read_training", "train",
           "train_sentences"]

TYPES = ("PERS", "LOC", "ORG", "MISC")

# Wojood types -> ANERcorp types, following ANERcorp's own practice: geopolitical entities are
# LOC; buildings and sites (البيت الأبيض، الكعبة), events, currencies (دولار), products and
# laws are MISC; websites are ORG. Nationalities and groups (NORP), occupations, dates, times and
# numbers are not names in ANERcorp: they become O (their inner names, nested in Wojood, are kept).
WOJOOD_LABELS = {
    "PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "WEBSITE": "ORG",
    "FAC": "MISC", "EVENT": "MISC", "CURR": "MISC", "PRODUCT": "MISC", "LAW": "MISC",
}

DEFAULTS = {"c1": 0.05, "c2": 0.05, "max_iterations": 300, "window": 20}


def _flatten(tokens: list[str], columns: list[list[str]], mapping: dict[str, str]) -> list[str]:
    """One IOB2 tag sequence from nested tag columns: mapped chunks, outermost first, no overlap."""
    found = []
    for depth, col in enumerate(columns):
        for kind, a, b in chunks(col):
            label = mapping.get(kind)
            if label:
                found.append((depth, -(b - a), a, b, label))
    found.sort()
    tags = ["O"] * len(tokens)
    for _depth, _neg, a, b, label in found:
        if all(t == "O" for t in tags[a:b]):
            tags[a] = "B-" + label
            for k in range(a + 1, b):
                tags[k] = "I-" + label
    return tags


def _read_lines(path: Path) -> list[tuple[list[str], list[list[str]]]]:
    out: list[tuple[list[str], list[list[str]]]] = []
    tokens: list[str] = []
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for line in list(f) + [""]:
            fields = line.split()
            if fields:
                tokens.append(fields[0])
                rows.append(fields[1:])
            elif tokens:
                width = max(len(r) for r in rows)
                cols = [[r[c] if c < len(r) else "O" for r in rows] for c in range(width)]
                out.append((tokens, cols))
                tokens, rows = [], []
    return out


def read_training(path: str | Path) -> list[Sentence]:
    """Training sentences of a CoNLL file, tags mapped to IOB2 over PERS/LOC/ORG/MISC.

    A file whose tags use only these four types is read as is (the last column). Otherwise every
    tag column is a layer of nested entities (Wojood): their types are mapped by `WOJOOD_LABELS`
    and the layers flattened, outermost chunk first.
    """
    p = Path(path)
    if not p.is_file():
        raise NotFoundError(f"no such training file: {p}", path=str(p))
    raw = _read_lines(p)
    kinds = {t[2:] for _, cols in raw for col in cols for t in col if t[:2] in ("B-", "I-")}
    if kinds <= set(TYPES):
        return [Sentence(toks, cols[-1]) for toks, cols in raw if cols]
    return [Sentence(toks, _flatten(toks, cols, WOJOOD_LABELS)) for toks, cols in raw]


def holdout_split(sentences: Sequence[Sentence], every: int = 10, block: int = 50
                  ) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held out): every `every`-th block of `block` consecutive sentences is held out,
    so that the held-out part samples the whole corpus while keeping articles mostly whole."""
    train, held = [], []
    for i, s in enumerate(sentences):
        (held if (i // block) % every == every - 1 else train).append(s)
    return train, held


def train_sentences(sentences: Sequence[Sentence], out: str | Path, *, seed: int = 0,
                    c1: float = DEFAULTS["c1"], c2: float = DEFAULTS["c2"],
                    max_iterations: int = DEFAULTS["max_iterations"],
                    window: int | None = DEFAULTS["window"]) -> dict:
    """Train a model on sentences and write it to `out`; returns what was done. The
    sentences are read as one document (in their order) whose document evidence
    (`rasd.ner.document`) is taken within `window` sentences."""
    t0 = time.perf_counter()
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    trainer = pycrfsuite.Trainer(verbose=False)
    extractor = features.FeatureExtractor()
    feats = extractor.document([s.tokens for s in sentences], window)
    for i in order:
        s = sentences[i]
        trainer.append(feats[i], [t or "O" for t in s.tags])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    last = trainer.logparser.last_iteration or {}
    return {"sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences),
            "seed": seed, "c1": c1, "c2": c2, "max_iterations": max_iterations, "window": window,
            "iterations": last.get("num"), "active_features": last.get("active_features"),
            "seconds": round(time.perf_counter() - t0, 1), "bytes": Path(out).stat().st_size}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate_model(model: str | Path, sentences: Iterable[Sentence]) -> Score:
    """Score a model file on gold sentences, tagged as one document like `rasd eval ner` does
    (`NerTagger.tag_document`, window `CONLL_WINDOW`)."""
    from .tagger import CONLL_WINDOW, NerTagger
    tagger = NerTagger(model)
    sents = list(sentences)
    tags, _ = tagger.tag_document([s.tokens for s in sents], window=CONLL_WINDOW)
    return score([s.tags for s in sents], tags)


def train(data: Sequence[str | Path], out: str | Path, *, seed: int = 0, holdout: bool = False,
          **params) -> dict:
    """Train on CoNLL files and write the model to `out` and a description next to it
    (``<out>.json``: data files and their SHA-256, options, counts, time).

    With `holdout`, one tenth of the sentences of the first file (`holdout_split`) is kept out
    of training and the result includes the model's score on it.
    """
    sentences: list[Sentence] = []
    held: list[Sentence] = []
    files = []
    for n, d in enumerate(data):
        p = Path(d)
        part = read_training(p)
        if holdout and n == 0:
            part, held = holdout_split(part)
        sentences.extend(part)
        files.append({"name": p.name, "sha256": _sha256(p), "sentences": len(part)})
    info = train_sentences(sentences, out, seed=seed, **params)
    info["data"] = files
    if held:
        info["holdout"] = evaluate_model(out, held).to_dict()
    Path(str(out) + ".json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    return info
