"""Arabic full-text search keys: what the FTS5 index holds, how a query is read, and snippets.

Every word is indexed by one *key*: its stem (the word without clitics: و ف ب ك ل ال and pronoun
suffixes), in the ``search`` normalization (diacritics, tatweel and hamza forms folded; ؤ and ئ
both written ء, so مسؤول and مسئول match). So
الانسحاب، انسحاب and وبالانسحاب are all indexed as انسحاب, and a query is keyed the same way. A
document is indexed as a string of keys, one per word, in order, so that phrase queries work.

Queries: words (all must match), ``"a phrase"``, ``OR`` between words, ``-word`` to exclude,
``prefix*``. Snippets are cut from the original text, with the original words highlighted.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex

from ..errors import InputError
from ..text.normalize import normalize
from ..text.tokenize import tokenize

__all__ = ["Query", "index_text", "index_tokens", "parse_query", "snippet", "word_keys"]

_KEYED = ("word", "number", "latin")
_TERM = regex.compile(r'(-?)"([^"]*)"?|(\S+)')
SNIPPET_TOKENS = 32


_HAMZA_SEATS = str.maketrans({"\u0624": "\u0621", "\u0626": "\u0621"})   # ؤ ئ -> ء


@lru_cache(maxsize=300_000)
def _key(stem: str) -> str:
    """``search`` form, with the hamza seats ؤ and ئ written as ء (مسؤول = مسئول)."""
    return normalize(stem.translate(_HAMZA_SEATS), "search")


def word_keys(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of every word, number and Latin word of `text`."""
    return [(t.start, t.end, _key(t.stem or t.norm)) for t in tokenize(text) if t.kind in _KEYED]


def index_text(text: str) -> str:
    """The string the FTS5 index holds for `text`: its word keys separated by spaces."""
    return " ".join(k for _, _, k in word_keys(text))


def index_tokens(tokens) -> str:
    """`index_text` from a document's `Token`s (the tokens stage's output), without re-tokenizing."""
    return " ".join(_key(t.stem or t.norm) for t in tokens if t.kind in _KEYED)


class Query:
    """A parsed search query: the FTS5 MATCH `expression` and the `keys` to highlight."""

    __slots__ = ("expression", "keys", "prefixes", "text")

    def __init__(self, text: str, expression: str, keys: frozenset[str], prefixes: tuple[str, ...]):
        self.text, self.expression, self.keys, self.prefixes = text, expression, keys, prefixes

    def hits(self, key: str) -> bool:
        return key in self.keys or any(key.startswith(p) for p in self.prefixes)

    def __repr__(self) -> str:
        return f"Query({self.text!r} -> {self.expression!r})"


def _quoted(keys: Iterable[str]) -> str:
    return '"' + " ".join(k.replace('"', "") for k in keys) + '"'


def parse_query(text: str) -> Query:
    """Read a user query. Raises `InputError` when it holds no word to search for."""
    positive: list[str] = []
    negative: list[str] = []
    keys: set[str] = set()
    prefixes: list[str] = []
    pending_or = False
    for m in _TERM.finditer(text):
        neg, phrase, word = m.group(1) == "-", m.group(2), m.group(3)
        if word is not None:
            if word == "OR":
                pending_or = bool(positive)
                continue
            neg = word.startswith("-") and len(word) > 1
            word = word[1:] if neg else word
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        term_keys = [k for _, _, k in word_keys(raw.rstrip("*") if prefix else raw)]
        if not term_keys:
            continue
        part = _quoted(term_keys) + ("*" if prefix else "")
        if neg:
            negative.append(part)
            continue
        if prefix:
            prefixes.append(term_keys[-1])
            keys.update(term_keys[:-1])
        else:
            keys.update(term_keys)
        if pending_or:
            positive[-1] = f"{positive[-1]} OR {part}"
            pending_or = False
        else:
            positive.append(part)
    if not positive:
        raise InputError(f"the query {text!r} has no word to search for",
                         remedy='give one or more Arabic words, a "phrase" or a prefix*')
    expression = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for part in negative:
        expression = f"{expression} NOT {part}"
    return Query(text, expression, frozenset(keys), tuple(prefixes))


def snippet(text: str, query: Query, size: int = SNIPPET_TOKENS,
            marks: tuple[str, str] = ("[", "]")) -> dict:
    """The passage of `text` (the original, not the index) that best matches `query`.

    Returns ``{"snippet", "start", "end", "highlights"}``: the passage with its matching words
    between `marks`, its offsets in `text`, and the ``[start, end)`` offsets of those words."""
    words = word_keys(text)
    hits = [i for i, (_, _, k) in enumerate(words) if query.hits(k)]
    if not words:
        return {"snippet": "", "start": 0, "end": 0, "highlights": []}
    best, best_score = 0, (-1, -1)
    for i in hits:
        start = max(0, i - 4)
        window = [words[j][2] for j in hits if start <= j < start + size]
        score = (len(set(window)), len(window))
        if score > best_score:
            best, best_score = start, score
    lo, hi = best, min(len(words), best + size)
    s, e = words[lo][0], words[hi - 1][1]
    spans = [(words[j][0], words[j][1]) for j in hits if lo <= j < hi]
    pieces, pos = [], s
    for a, b in spans:
        pieces += [text[pos:a], marks[0], text[a:b], marks[1]]
        pos = b
    pieces.append(text[pos:e])
    passage = " ".join("".join(pieces).split())
    if lo > 0:
        passage = "… " + passage
    if hi < len(words):
        passage += " …"
    return {"snippet": passage, "start": s, "end": e, "highlights": [list(x) for x in spans]}
