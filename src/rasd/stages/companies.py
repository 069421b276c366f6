"""Company names in the Arabic manner: a name, then لل and the field of business.

Arabic names companies by a proper name, a place or an adjective, followed by the field they work in
with لل (for the): ``نسما للطيران``، ``العربية للطيران``، ``دار الشريف للطباعة والنشر``،
``شركة الخليج للمقاولات``. The field words and the adjectives companies are named with are listed in
``resources/gazetteers/business_fields.tsv``; the name before the field must look like a name: a
word without the article that the stem lexicon hardly knows (نسما، فلاي), a place or country
(السعودية، النيل), or one of the listed adjectives (العربية، الوطنية), never a common word with the
article (المخصصة للطيران); after a head noun without the article (شركة، دار), which joins the
name, any word will do (دار الشريف للطباعة).

`business_names(tokens, norms, span_at)` returns the token ranges ``(i, j)`` of such names, given
`span_at(k)`: the mention covering token k as ``(label, i, j)``, or None.
"""
from __future__ import annotations

from itertools import compress, repeat
from typing import Sequence

from ..model import Token
from ..quotes.lexicon import NAME_BREAKERS
from ..resources import gazetteers as gz
from ..text.clitics import known
from .entity_mentions import proclitic_cut
from .outlets import SpanAt

__all__ = ["business_names"]

_ARTICLE = "ال"
_FOR_THE = "لل"
_AND_THE = "وال"
_RARE = 2                       # a word the stem lexicon has seen at most this often is a name


def _field(norm: str) -> bool:
    return norm.startswith(_FOR_THE) and gz.business_words().get(norm[len(_FOR_THE):]) == "FIELD"


def _name_like(norm: str) -> bool:
    cut, restore = proclitic_cut(norm)
    word = (_ARTICLE if restore else "") + norm[cut:]
    if word in NAME_BREAKERS:
        return False
    if word.startswith(_ARTICLE):
        bare = word[len(_ARTICLE):]
        return gz.business_words().get(bare) == "ADJECTIVE" or bool(gz.lookup(word) & gz.PLACE_KINDS)
    return known(word) <= _RARE or bool(gz.lookup(word) & gz.PLACE_KINDS)


def _head(t: Token) -> bool:
    """An organization's or a place's head noun without the article (دار، شركة، مؤسسة)."""
    if t.kind != "word":
        return False
    cut, restore = proclitic_cut(t.norm)
    word = t.norm[cut:]
    return not restore and not word.startswith(_ARTICLE) and (
        gz.head(word) is not None or gz.business_words().get(word) == "HEAD")


def business_names(tokens: Sequence[Token], norms: Sequence[str], span_at: SpanAt) -> list[tuple[int, int]]:
    """Token ranges of the company names of the document (see the module docstring); `norms` are
    the tokens' ``norm``s."""
    out = []
    for k in compress(range(len(norms)), map(str.startswith, norms, repeat(_FOR_THE))):
        if k == 0 or not _field(norms[k]):
            continue
        x = k - 1
        if tokens[x].kind != "word" or tokens[x].norm in NAME_BREAKERS:
            continue
        headed = x > 0 and _head(tokens[x - 1])
        if not (headed or _name_like(tokens[x].norm)):
            continue
        got = span_at(x)
        if got is not None and (got[0] == "PER" and not headed or got[1] < x - 1 or got[2] > k + 1):
            continue                           # a person, or a longer name the field is part of
        i = x - 1 if headed else x             # دار الشريف للطباعة
        j = k + 1
        while j < len(tokens) and tokens[j].norm.startswith(_AND_THE) \
                and _field(_FOR_THE + tokens[j].norm[len(_AND_THE):]):
            j += 1                             # للطباعة والنشر
        out.append((i, j))
    return out
