"""The mentions stage: named-entity mentions from the NER tagger, sentence by sentence.

Each sentence's tokens are tagged by `rasd.ner.default_tagger()` (IOB2 over PERS, LOC, ORG,
MISC); each chunk becomes a `Mention` labelled PER, LOC, ORG or MISC, whose span runs from its
first token to its last, without the conjunctions and prepositions glued to the first word
(و ف ب ل ك): وبغداد gives the mention بغداد. The article stays inside the name (العراق; in للعراق
the mention is لعراق, the second ل being the article's). The score is the lowest marginal
probability the tagger gives the mention's tags. The document is tagged as a whole
(`NerTagger.names`, the names `NerTagger.tag_document` marks): a name found with confidence in
one sentence is also found where it recurs untagged, if the tagger finds that reading possible
there.
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Document, Mention, Token
from ..ner import NerTagger, default_tagger
from ..quotes.lexicon import COMPLEMENTIZERS, NAME_BREAKERS
from ..resources import gazetteers as gz
from .base import Stage

__all__ = ["LABELS", "MentionStage", "mention_start"]

LABELS = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_CLITICS = frozenset("وفبلك")


def mention_start(token: Token, text: str) -> int:
    """Where a name starting in `token` begins: after its conjunction and preposition proclitics."""
    start = token.start
    prev = ""
    for seg in token.segments:
        if seg.kind != "proclitic":
            break
        s = text[seg.start:seg.end]
        if s not in _CLITICS or (s == "ل" and prev == "ل"):     # the article, or لل = ل + (ا)ل
            break
        start = seg.end
        prev = s
    return start


_GOD = "الله"
_TANWEEN_FATH = "\u064b"
# (in match form: على and the name علي are one word there, and علي stays a name)
_NOT_IN_NAMES = (NAME_BREAKERS | {"كان", "كانت", "يكون", "ان", "انه", "انها"}) - {"علي"}


# إن، أن، أنه … (not بان، فان: بان كي مون، جان فان …)
_CUTS = frozenset(w for w in COMPLEMENTIZERS if w.startswith("ان"))
# short function words no name ends in (in match form على and the name علي are one word: kept)
_NOT_LAST = frozenset(w for w in NAME_BREAKERS if len(w) <= 3) - {"علي"}


def _name_end(tokens: list[Token], a: int, b: int) -> int:
    """The end of a name of any kind tagged over `[a, b)`: before a complementizer (إن، أن: no
    name holds one), and without the marks and short function words the tagger ran on with at
    its end (المنظمة إلى …، المنظمة.)."""
    for k in range(a + 1, b):
        if tokens[k].norm in _CUTS:
            b = k
            break
    while b - a > 1 and (tokens[b - 1].kind == "punct" or tokens[b - 1].norm in _NOT_LAST):
        b -= 1
    return b


# an ordinal without the article is no part of a name (سلطان بن سلمان [ثاني] أمير …), but after
# آل it is a family's name (آل ثاني)
_ORDINALS = frozenset(["ثاني", "ثالث", "رابع", "خامس"])
_AL = "ال"


def _person_end(tokens: list[Token], text: str, a: int, b: int) -> int:
    """The end of a person's name tagged over `[a, b)`. A name stops before a function word
    (خزعل كان …، في، الذي), a word with tanween (بارعًا) or with a pronoun suffix of two letters or
    more (بشكرها), an ordinal without آل (ثاني), a place after a preposition (سلطان [بتبوك]), and
    from its third word on a role noun without the article (سمير داود [مؤسس] المهرجان); الله ends
    a name only as the second half of a compound (عبد الله، نصر الله، العبد الله), never after a
    nisba (سألت منى الخالدي الله أن …: the object of the verb)."""
    for k in range(a + 1, b):
        t = tokens[k]
        if t.norm in _NOT_IN_NAMES or _TANWEEN_FATH in text[t.start:t.end] \
                or t.norm in _ORDINALS and tokens[k - 1].norm != _AL \
                or _suffix_length(t) >= 2 or k - a >= 2 and _role_noun(t.norm) or _place_after_preposition(t):
            return k                                # حبيب [بشكرها]: a pronoun suffix, no name
    before = tokens[b - 2].norm if b - a >= 3 else ""
    if tokens[b - 1].norm == _GOD and before.startswith("ال") and before.endswith("ي"):
        return b - 1
    return b


_PREPOSITION_CLITICS = frozenset("بلك")


def _place_after_preposition(t: Token) -> bool:
    """Is the token a place written with a preposition the segmenter split off (مطار الأمير سلطان
    [بتبوك]: in Tabuk)? No person's name goes on into it."""
    norm, stem = t.norm, t.stem
    if not stem or len(norm) != len(stem) + 1 or norm[0] not in _PREPOSITION_CLITICS or norm[1:] != stem:
        return False
    return any(e.label == "LOC" for e in gz.entries(stem))


def _role_noun(norm: str) -> bool:
    """A role noun without the article, heading the phrase of an office (مؤسس المهرجان، رئيس
    الوزراء), that is no first name (مساعد): it follows a name, never ends one."""
    if norm.startswith(_AL):
        return False
    classes = gz.lookup(norm, clitics=False)
    return "ROLE" in classes and "PER_FIRST" not in classes


def _suffix_length(t: Token) -> int:
    """Letters of the pronoun suffix the clitic segmenter found after the token's stem (0: none)."""
    at = t.norm.rfind(t.stem) if t.stem else -1
    return len(t.norm) - at - len(t.stem) if at >= 0 else 0


class MentionStage(Stage):
    """Adds `doc.mentions`: the NER tagger's PER, LOC, ORG and MISC mentions."""

    name = "mentions"
    requires = ("tokens", "sentences")
    provides = ("mentions",)

    def __init__(self, model: str | None = None):
        self.tagger: NerTagger = default_tagger() if model is None else NerTagger(model)

    def process(self, doc: Document) -> None:
        tokens = doc.tokens
        text = doc.text
        starts = [t.start for t in tokens]
        ranges = []
        for sent in doc.sentences:
            i = bisect_left(starts, sent.start)
            j = bisect_left(starts, sent.end, i)
            if i < j:
                ranges.append((i, j))
        words = [[text[t.start:t.end] for t in tokens[i:j]] for i, j in ranges]
        out: list[Mention] = []
        for (i, _j), names in zip(ranges, self.tagger.names(words)):
            for kind, a, b, score in names:
                label = LABELS.get(kind)
                if label is None:
                    continue
                b = _name_end(tokens, i + a, i + b) - i
                if label == "PER":
                    b = _person_end(tokens, text, i + a, i + b) - i
                first, last = tokens[i + a], tokens[i + b - 1]
                start = mention_start(first, text)
                if start >= last.end:
                    continue
                out.append(Mention(f"m{len(out) + 1}", start, last.end, label, round(score, 4), "model"))
        doc.mentions = out
