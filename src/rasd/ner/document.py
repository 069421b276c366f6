"""Document evidence for the NER tagger: what the other mentions of a word say about it.

A name is often written once with a clue (a title before it, a first name, a gazetteer name it
belongs to, a verb of saying after it) and elsewhere bare. `evidence` gives each word token the
clues that the other tokens with the same key (`rasd.ner.features.WordInfo.key`: the stem) have,
within `window` sentences (the whole document when None): features named ``D…``, made of
`WordInfo.clues`: the cue and gazetteer classes of the words next to the other mentions
(``D-1c=TITLE``, ``D-1g=PER_FIRST``, ``D1c=SAY``), the gazetteer spans they lie in
(``Dg=B-ORG``), a title two or three words before them (``Dt3``), and whether they carry the
article (``Dal``). Function words (``resources/ner_function_words.txt``) get none and lend no
gazetteer class (على is not the name علي). No model is needed: these are features like the
others, weighed in training, the same in `rasd.ner.decode` and with crfsuite.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence


__all__ = ["evidence"]


def evidence(keys: Sequence[str | None], clues: Sequence[tuple], titles: Sequence[bool],
             lengths: Sequence[int], spans: Sequence[dict[int, list[str]]] | None,
             window: int | None) -> list[tuple[Sequence[int], list[str], list[list[str]] | None]]:
    """The ``D…`` features of the tokens, by groups: ``(tokens, features, more)``, where
    `tokens` are token indexes (sentences one after the other) that all get `features`, and
    `more` (None, or one list per token) the features only some of them get.

    `keys` (`WordInfo.key`: the mentions of a word share it; None for a token that gets no
    evidence), `clues` (`WordInfo.clues`) and `titles` are per token; `lengths` per sentence;
    `spans` the gazetteer spans of each sentence (`rasd.ner.features.gazetteer_spans`), or None.
    """
    seen = Counter(keys)
    repeated = {key for key, c in seen.items() if c > 1 and key is not None}
    out: list[tuple[Sequence[int], list[str], list[list[str]] | None]] = []
    if not repeated:
        return out
    occurrences: dict[str, list[int]] = {}
    for i in [i for i, key in enumerate(keys) if key in repeated]:
        got = occurrences.get(keys[i])
        if got is None:
            occurrences[keys[i]] = [i]
        else:
            got.append(i)
    n = len(keys)
    # per token: its sentence, and what it, the word before it and the word after it tell of it
    sentence = [k for k, m in enumerate(lengths) for _ in range(m)]
    before = [()] + [c[0] for c in clues[:-1]]
    after = [c[1] for c in clues[1:]] + [()]
    position = [0] * n
    inside: dict[int, tuple[str, ...]] = {}         # the gazetteer spans a token lies in
    a = 0
    for k, m in enumerate(lengths):
        if m:
            before[a] = ()
            after[a + m - 1] = ()
            position[a:a + m] = range(m)
            if spans is not None:
                for p, got in spans[k].items():
                    inside[a + p] = tuple(["Dg=" + c for c in got])
        a += m
    for where in occurrences.values():
        m = len(where)
        found = []
        for i in where:
            e = clues[i][2] + before[i] + after[i]
            p = position[i]
            if (p >= 2 and titles[i - 2]) or (p >= 3 and titles[i - 3]):
                e = e + ("Dt3",)
            if i in inside:
                e = e + inside[i]
            found.append(tuple(dict.fromkeys(e)) if len(e) > 1 else e)   # each feature once, in order
        if not any(found):
            continue
        if window is None:
            if m == 2:
                if found[1]:
                    out.append(((where[0],), list(found[1]), None))
                if found[0]:
                    out.append(((where[1],), list(found[0]), None))
                continue
            counts = Counter(f for e in found for f in e)
            shared = [f for f, c in counts.items() if c > 1]
            single = [f for f, c in counts.items() if c == 1]
            out.append((where, shared, [[f for f in single if f not in e] for e in found]
                                       if single else None))
            continue
        counts = Counter()
        ks = [sentence[i] for i in where]
        lo = hi = 0
        for j, i in enumerate(where):
            k = ks[j]
            while hi < m and ks[hi] <= k + window:
                counts.update(found[hi])
                hi += 1
            while ks[lo] < k - window:
                counts.subtract(found[lo])
                lo += 1
            present = hi - lo
            if present < 2:
                continue
            own = found[j]
            feats = [f for f, c in counts.items() if c > (f in own)]
            if feats:
                out.append(((i,), feats, None))
    return out
