"""Fast decoding of the NER model: numbers cached per word type, Viterbi and marginals in C.

The crfsuite model file stays the model: `read_weights` reads its labels, state weights and
transitions. A token's emission score (one number per label) is the sum of the weights of the
attributes `rasd.ner.features` gives it, and most of them depend on one word only: `Decoder`
sums them once per word type and position (the word itself, and what it lends to the words one
and two before and after it) into rows of a table. A sentence then needs only a few row
additions per token, plus the weights of sentence edges, word pairs (looked up in a hash table
of the model's pairs), gazetteer spans (found once per document by `Decoder.decode`) and the
document evidence of `rasd.ner.document` (the rows of a group of tokens summed once). The C
module ``rasd.ner._crf`` adds the rows and runs Viterbi and forward-backward, as crfsuite does:
tests check that both give the same tags and the same probabilities (to 1e-9).

Without the compiled module (`available()` is False), `NerTagger` tags with crfsuite.
"""
from __future__ import annotations

import struct
from array import array
from math import exp
from pathlib import Path
from typing import Sequence

from . import features
from .document import evidence
from .features import FeatureExtractor, _cqdb_strings

_ABI = 1                             # the C module's calling convention (ABI in _crf.c)
try:
    from . import _crf
except ImportError:                  # built by setup.py; optional
    _crf = None
if _crf is not None and getattr(_crf, "ABI", None) != _ABI:
    _crf = None                      # left over from an older source: rebuild with setup.py

__all__ = ["Decoded", "Decoder", "Weights", "available", "read_weights"]

_FEATURE_SIZE = 20                   # crfsuite feature record: type, source, target (uint32), weight (double)
# Columns of the word-type table (the C module's order): rows of the weights the word gives
# itself and lends to its neighbours, sentence-edge rows, whether it is a title, and the ids of
# its norm and stem in the word-pair table (-1: in no pair).
OWN, LEFT2, LEFT1, RIGHT1, RIGHT2, START, END, TITLE, NORM_ID, STEM_ID = range(10)
TYPE_COLUMNS = 10
_GOLDEN = 0x9E3779B97F4A7C15          # the pair table's multiplicative hash (as in _crf.c)


def available() -> bool:
    """Whether the compiled decoder can be used."""
    return _crf is not None


class Weights:
    """What a crfsuite model file holds: `labels` (in crfsuite's order), `attributes` (name ->
    weight per label, for the attributes with any weight) and `transitions` (from, to)."""

    __slots__ = ("labels", "attributes", "transitions")

    def __init__(self, labels: list[str], attributes: dict[str, tuple[float, ...]],
                 transitions: list[list[float]]):
        self.labels = labels
        self.attributes = attributes
        self.transitions = transitions


def read_weights(path: str | Path) -> Weights:
    """The labels and weights of a crfsuite (CRF1d) model file, read from its binary layout."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError(f"not a crfsuite CRF1d model: {path}")
    off_features, off_labels, off_attrs = struct.unpack_from("<III", data, 28)
    labels = _cqdb_strings(data, off_labels)
    names = _cqdb_strings(data, off_attrs)
    chunk, _size, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError("unexpected crfsuite model layout")
    n = len(labels)
    state: dict[int, list[float]] = {}
    transitions = [[0.0] * n for _ in range(n)]
    start = off_features + 12
    for kind, src, dst, w in struct.iter_unpack("<IIId", data[start:start + count * _FEATURE_SIZE]):
        if kind == 0:
            row = state.get(src)
            if row is None:
                row = state[src] = [0.0] * n
            row[dst] += w
        else:
            transitions[src][dst] += w
    attributes = {names[a]: tuple(v) for a, v in state.items()}
    return Weights(labels, attributes, transitions)


class Decoded:
    """What `Decoder.decode` finds in a document: per token (sentences one after the other) its
    ``stem``, its label index (`tags`, one byte each) and the marginal probability of each label
    (`marginals`, ``width`` numbers per token); `starts` are the sentences' first tokens."""

    __slots__ = ("stems", "tags", "marginals", "starts", "width")

    def __init__(self, stems, tags, marginals, starts, width):
        self.stems = stems
        self.tags = tags
        self.marginals = marginals
        self.starts = starts
        self.width = width


class Decoder:
    """Tags and marginals of sentences with the weights of a crfsuite model.

    Rows of `table`: 0 is all zeros, 1..A the weights of the model's attributes, then the sums
    made for word types (cleared with the word cache when it reaches `cache_size` types, about
    0.9 kB each); `etable` holds their exponentials.
    """

    def __init__(self, path: str | Path, extractor: FeatureExtractor, cache_size: int = 100_000):
        if _crf is None:
            raise RuntimeError("rasd.ner._crf is not built")
        weights = read_weights(path)
        self.labels = tuple(weights.labels)
        if not 0 < len(self.labels) < 256:
            raise ValueError(f"unexpected number of labels: {len(self.labels)}")
        self.extractor = extractor
        self.cache_size = cache_size
        L = self.width = len(self.labels)
        self.transitions = array("d", [w for row in weights.transitions for w in row])
        table = array("d", [0.0] * L)
        rows: dict[str, int] = {}
        for name, w in weights.attributes.items():
            if any(w):
                rows[name] = len(table) // L
                table.extend(w)
        self._rows = rows
        self.table = table
        self.etable = array("d", map(exp, table))
        self._static = len(table)
        self.types = array("i")
        self._cache: dict[str, tuple] = {}
        self.edges = array("i", [rows.get(a, 0) for a in ("-2w=<s>", "-1w=<s>", "1w=</s>", "2w=</s>", "t3")])
        self._norm_ids: dict[str, int] = {}
        self._stem_ids: dict[str, int] = {}
        found = {}
        for kind, (here, there), ids in ((0, ("wn=", "ww="), self._norm_ids),
                                         (1, ("sn=", "ss="), self._stem_ids)):
            for (first, second), got in self._pairs(here, there).items():
                a = ids.setdefault(first, len(ids))
                b = ids.setdefault(second, len(ids))
                found[kind << 62 | a << 31 | b] = got
        self.pair_keys, self.pair_rows = _hash_table(found)
        self._span_rows: dict[str, tuple[int, int, int]] = {}
        self._shared_rows: dict[tuple[str, ...], int] = {}     # document evidence, summed
        # whether the model weighs document evidence (models made before it do not)
        self.evidence = any(name.startswith("D") for name in rows)

    def _pairs(self, here: str, there: str) -> dict[tuple[str, str], tuple[int, int]]:
        """(first, second) -> (row of ``here + first|second``, row of ``there + first|second``):
        the weights of a word pair at its first and at its second word. A name may split at any
        "|" (a word can be "|"): every split is kept."""
        out: dict[tuple[str, str], list[int]] = {}
        for k, prefix in enumerate((here, there)):
            for name, row in self._rows.items():
                if not name.startswith(prefix):
                    continue
                rest = name[len(prefix):]
                cut = rest.find("|")
                while cut >= 0:
                    out.setdefault((rest[:cut], rest[cut + 1:]), [0, 0])[k] = row
                    cut = rest.find("|", cut + 1)
        return {key: (r[0], r[1]) for key, r in out.items()}

    def _row(self, names: Sequence[str]) -> int:
        """The row of the summed weights of attributes (repeats count), 0 when none has any."""
        rows = self._rows
        found = [rows[a] for a in names if a in rows]
        if not found:
            return 0
        if len(found) == 1:
            return found[0]
        table, L = self.table, self.width
        acc = [sum(column) for column in zip(*[table[r * L:r * L + L] for r in found])]
        table.extend(acc)
        self.etable.extend(map(exp, acc))
        return len(table) // L - 1

    def _span_row(self, c: str) -> tuple[int, int, int]:
        """Rows of a gazetteer span class at its word, at the next word and at the word before."""
        rows = self._rows
        got = self._span_rows[c] = (rows.get("g=" + c, 0), rows.get("-1g=" + c, 0), rows.get("1g=" + c, 0))
        return got

    def clear(self) -> None:
        """Forget the word types (and their rows)."""
        self._cache.clear()
        self._shared_rows.clear()
        del self.table[self._static:]
        del self.etable[self._static:]
        del self.types[:]

    def word(self, surface: str) -> tuple:
        """What is cached for one word type: its id in `types`, its norm, its stem, and its
        key, clues (`WordInfo.clues`) and whether it is a title."""
        got = self._cache.get(surface)
        if got is not None:
            return got
        # every attribute (not only the model's): those without weights have no row anyway
        info = features.word_info(surface, None, self.extractor.gazetteer)
        norm, stem, ctx = info.norm, info.stem, info.context
        row = self._row
        self.types.extend((
            row(info.own), row(ctx[-2]), row(ctx[-1]), row(ctx[1]), row(ctx[2]),
            row(("ww=<s>|" + norm, "ss=<s>|" + stem, "first")),
            row(("wn=" + norm + "|</s>", "sn=" + stem + "|</s>")),
            1 if info.title else 0, self._norm_ids.get(norm, -1), self._stem_ids.get(stem, -1)))
        got = self._cache[surface] = (len(self.types) // TYPE_COLUMNS - 1, norm, stem,
                                      info.key, info.clues, info.title)
        return got

    def decode(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> Decoded:
        """Tags and marginals of the sentences of a document (document evidence within `window`
        sentences, `rasd.ner.document`)."""
        cache = self._cache
        if len(cache) >= self.cache_size or len(self._shared_rows) >= self.cache_size:
            self.clear()                        # only between documents: their ids must hold
        word = self.word
        flat = [cache.get(w) or word(w) for s in sentences for w in s]
        n = len(flat)
        lengths = array("i", map(len, sentences))
        starts = []
        offset = 0
        for k in lengths:
            starts.append(offset)
            offset += k
        tids, norms, stems, keys, clues, titles = zip(*flat) if n else ((),) * 6
        extras: list[int] = []
        found = None
        if self.extractor.gazetteer and n:
            span_rows = self._span_rows
            ranges = [(a, a + k) for a, k in zip(starts, lengths)]
            found = features.gazetteer_spans(norms, ranges)
            for (a, b), spans in zip(ranges, found):
                for k, classes in spans.items():
                    for c in classes:
                        here, before, after = span_rows.get(c) or self._span_row(c)
                        extras.extend((a + k, here))
                        if a + k + 1 < b:
                            extras.extend((a + k + 1, before))
                        if k:
                            extras.extend((a + k - 1, after))
        if n and self.evidence:
            rows, shared_rows = self._rows, self._shared_rows
            for tokens, shared, more in evidence(keys, clues, titles, lengths, found, window):
                key = tuple(shared)
                r = shared_rows.get(key)
                if r is None:
                    r = shared_rows[key] = self._row(key)
                if r:
                    for i in tokens:
                        extras.extend((i, r))
                if more:
                    for i, names in zip(tokens, more):
                        for f in names:
                            r = rows.get(f)
                            if r:
                                extras.extend((i, r))
        tags = bytearray(n)
        marginals = array("d", bytes(8 * n * self.width))
        _crf.decode(self.table, self.etable, self.types, array("i", tids), lengths,
                    self.edges, array("i", extras), self.pair_keys, self.pair_rows, self.transitions,
                    self.width, tags, marginals)
        return Decoded(stems, tags, marginals, starts, self.width)


def _hash_table(found: dict[int, tuple[int, int]]) -> tuple[array, array]:
    """The word-pair table of `_crf.c`: keys (-1 where empty) and two rows per slot."""
    bits = 3
    while (1 << bits) < 2 * len(found):
        bits += 1
    size = 1 << bits
    keys = array("q", [-1]) * size
    rows = array("i", [0]) * (2 * size)
    for key, (here, there) in found.items():
        h = ((key * _GOLDEN) & 0xFFFFFFFFFFFFFFFF) >> (64 - bits)
        while keys[h] != -1:
            h = (h + 1) & (size - 1)
        keys[h] = key
        rows[2 * h], rows[2 * h + 1] = here, there
    return keys, rows
