"""What the quote finder needs to know about a document, computed once: tokens in match form,
clauses (sentences joined over ؛), paragraphs, quotations, and which entity each token belongs to.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from ..model import Document
from ..text.normalize import normalize
from .lexicon import cue_first_words, speaker_class
from .marks import quotations

__all__ = ["Clause", "DocContext", "HERE", "MentionRef"]

_COMMAS = frozenset("،,")
_NOT_ARTICLE = frozenset(normalize(w, "match") for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي",
    "إلى", "الى", "إلا", "الا", "الآن", "الان", "الله", "اللهم", "ألا", "إلي", "إليه", "إليها", "إليهم",
    "إليك", "إلينا", "الف", "آلاف", "الاف", "ألف", "لله", "للذين", "للتي", "للذي"))


# هنا "here", which is هنأ "congratulated" once the hamza is folded away: without its hamza
# written, the word is read as "here"
HERE = frozenset(["هنا", "وهنا", "فهنا"])


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The first words of cues, also with a و or ف conjunction written on them."""
    firsts = cue_first_words()
    return firsts | {c + w for w in firsts for c in "وف"}


@dataclass(frozen=True, slots=True)
class MentionRef:
    id: str
    start: int
    end: int
    label: str
    entity: str | None
    first: int        # first token index
    last: int         # last token index (inclusive)


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence (sentences split at ؛ are joined back) as a token range."""

    start: int        # char offsets
    end: int
    first: int        # token range [first, stop)
    stop: int
    paragraph: int
    section: str


# (document, its tokens, its sentences, their layout) of the last `DocContext` made: the layout
# depends on those alone, and the entities and quotes stages both ask for it (read it, don't change
# it). One slot, read and replaced whole, so that threads analyzing other documents (the service
# runs analyses in a thread pool) never mix one document's key with another's layout.
_last_layout: list = [None]


class DocContext:
    """Token-level view of a document for the quote finder."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self._positions: dict[str, list[int]] = {}
        toks = doc.tokens
        self.tokens = toks
        last = _last_layout[0]
        if last is not None and last[0] is doc and last[1] is toks and last[2] is doc.sentences:
            # the entities stage read the same tokens and sentences before the quotes stage
            (self.norms, self.starts, self.ends, self.kinds, self.clauses, self.paragraphs,
             self.quotes_in, self.cue_tokens) = last[3]
        else:
            self.norms = [t.norm for t in toks]
            self.starts = [t.start for t in toks]
            self.ends = [t.end for t in toks]
            self.kinds = [t.kind for t in toks]
            self.clauses = self._clauses()
            self.paragraphs = self._paragraphs()
            self.quotes_in = {p: quotations(self.text, a, b) for p, (a, b, _) in self.paragraphs.items()}
            self.cue_tokens = [i for i in compress(range(len(toks)), map(_cue_words().__contains__, self.norms))
                               if not (self.norms[i] in HERE and self.text[toks[i].start:toks[i].end] in HERE)]
            _last_layout[0] = (doc, toks, doc.sentences, (
                self.norms, self.starts, self.ends, self.kinds, self.clauses, self.paragraphs,
                self.quotes_in, self.cue_tokens))
        self.mentions, self.mention_at = self._mentions()
        self.time_at = self._times()
        self.writes_ta_marbuta = "ة" in self.text      # (some writers put ه for every ة)
        self.has_quotation_marks = any(self.quotes_in.values())

    # ---- layout -------------------------------------------------------------------------------
    def _clauses(self) -> list[Clause]:
        out: list[Clause] = []
        sents = self.doc.sentences or []
        if not sents:
            from ..model import Sentence
            sents = [Sentence(0, len(self.text), "body", 0)]
        cur = None
        for s in sents:
            if cur is not None and cur[2] == s.paragraph and self.text[cur[0]:cur[1]].rstrip()[-1:] in "؛;":
                cur = (cur[0], s.end, s.paragraph, cur[3])
                continue
            if cur is not None:
                out.append(self._clause(*cur))
            cur = (s.start, s.end, s.paragraph, s.section)
        if cur is not None:
            out.append(self._clause(*cur))
        return out

    def _clause(self, start: int, end: int, paragraph: int, section: str) -> Clause:
        first = bisect_left(self.starts, start)
        stop = bisect_left(self.starts, end)
        return Clause(start, end, first, stop, paragraph, section)

    def _paragraphs(self) -> dict[int, tuple[int, int, str]]:
        out: dict[int, tuple[int, int, str]] = {}
        for c in self.clauses:
            if c.paragraph in out:
                a, _, k = out[c.paragraph]
                out[c.paragraph] = (a, c.end, k)
            else:
                out[c.paragraph] = (c.start, c.end, c.section)
        return out

    # ---- entities -----------------------------------------------------------------------------
    def _mentions(self) -> tuple[list[MentionRef], dict[int, MentionRef]]:
        owner: dict[str, str] = {}
        for e in self.doc.entities:
            for m in e.mentions:
                owner[m] = e.id
        refs: list[MentionRef] = []
        at: dict[int, MentionRef] = {}
        for m in sorted(self.doc.mentions, key=lambda m: (m.start, -m.end)):
            first = bisect_right(self.ends, m.start)
            last = bisect_left(self.starts, m.end) - 1
            if last < first:
                continue
            ref = MentionRef(m.id, m.start, m.end, m.label, owner.get(m.id), first, last)
            refs.append(ref)
            for i in range(first, last + 1):
                at.setdefault(i, ref)
        return refs, at

    def _times(self) -> dict[int, tuple[str, int]]:
        at: dict[int, tuple[str, int]] = {}
        for t in self.doc.times:
            first = bisect_right(self.ends, t.start)
            last = bisect_left(self.starts, t.end) - 1
            for i in range(first, last + 1):
                at.setdefault(i, (t.id, last))
        return at

    # ---- token helpers ------------------------------------------------------------------------
    def clause_of(self, i: int) -> Clause | None:
        lo, hi = 0, len(self.clauses)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.clauses[mid].stop <= i:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.clauses) and self.clauses[lo].first <= i:
            return self.clauses[lo]
        return None

    def is_punct(self, i: int) -> bool:
        return self.kinds[i] == "punct"

    def is_comma(self, i: int) -> bool:
        return self.kinds[i] == "punct" and self.text[self.starts[i]] in _COMMAS

    def positions(self, norm: str) -> list[int]:
        """The tokens written `norm` (match form), in order; computed once per word asked for."""
        found = self._positions.get(norm)
        if found is None:
            found = self._positions[norm] = [k for k, w in enumerate(self.norms) if w == norm]
        return found

    def char(self, i: int) -> str:
        """The first character of token i."""
        return self.text[self.starts[i]]

    def has_proclitic(self, i: int, letters: str) -> bool:
        """Does token i begin with one of these one-letter proclitics (by its segmentation)?"""
        segs = self.tokens[i].segments
        if not segs or segs[0].kind != "proclitic":
            return False
        return self.text[segs[0].start:segs[0].end] in letters

    def is_definite(self, i: int) -> bool:
        """Does token i carry the article (الوزير، والوزير، للوزير), not merely begin with ال (الذي، إلى)?"""
        n = self.norms[i]
        return n.startswith(("ال", "وال", "فال", "بال", "لل", "كال")) and n not in _NOT_ARTICLE \
            and not (n[:1] in "وفب" and n[1:] in _NOT_ARTICLE)

    def sclass(self, i: int) -> str | None:
        return speaker_class(self.norms[i]) if self.kinds[i] == "word" else None

    def inside_quotation(self, paragraph: int, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes_in.get(paragraph, ()):
            if a <= pos < b:
                return a, b
        return None

    def quotation_at(self, paragraph: int, opener_pos: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is at `opener_pos`."""
        for a, b in self.quotes_in.get(paragraph, ()):
            if a - 1 == opener_pos:
                return a, b
        return None
