"""Untagged speaker names: words in the speaker slot of a reporting clause that look like a
person's name the tagger did not mark.

For the entities stage (which runs before quotes) to add as PER mentions: news names its speakers
in a few fixed places, and a name there is a name even when the tagger's model has never seen it:
- after a title or descriptor: ``اللواء [يحيى رسول]``، ``الشاب [مشاري الوزيه]``;
- after a role, closed by a comma, a colon or إن/أن: ``رئيسة البعثة، [سابرا بانو]،``،
  ``المتحدث باسم الجمعية [رائد النمس] إن``;
- right after a reporting verb, before a comma and a role: ``وقال [عيد صباح]، مدير التمريض …``;
- right after a reporting verb and before إن/أن, words no text rasd learnt from writes: ``وقالت [مسويا] إن``.

    >>> spans = untagged_speaker_names(doc)      # doc with sentences, tokens and (tagger) mentions
    >>> [doc.text[a:b] for a, b in spans]
"""
from __future__ import annotations

from ..model import Document
from ..text.clitics import RARE, known
from .context import DocContext
from .find import find_statements
from .lexicon import COMPLEMENTIZERS, NAME_BREAKERS

__all__ = ["untagged_speaker_names"]

_PER = ("PER", "PERS")
_UNSEEN = 0      # how often the stem lexicon may have seen a word of a foreign name


def untagged_speaker_names(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, label) of probable names in speaker slots that no mention covers: PER for a
    person's name, ORG for a name written in quotation marks (``أوصى "التحالف من أجل …"``)."""
    ctx = DocContext(doc)
    spans: set[tuple[int, int, str]] = set()
    for st in find_statements(ctx):
        sub = st.subject
        if sub is None:
            continue
        covered = [(m.start, m.end) for m in sub.mentions + sub.owner]
        if sub.unnamed_name is not None:
            a, b = ctx.starts[sub.unnamed_name[0]], ctx.ends[sub.unnamed_name[1]]
            if not any(s <= a and b <= e for s, e in covered):
                spans.add((a, b, "PER"))
        elif sub.quoted_name is not None:
            a, b = sub.quoted_name
            if b > a or a > 0 and ctx.sclass(a - 2 if a >= 2 else 0) == "orghead":
                spans.add((ctx.starts[a], ctx.ends[b], "ORG"))     # one quoted word alone may be anyone
        elif sub.head in ("unknown", "role") and not any(m.label in _PER for m in sub.mentions) \
                and st.structure == "verb":          # (the role may name a country or a body)
            span = _name_then_role(ctx, sub.first) if not st.before else _name_then_role(ctx, sub.first, sub.last)
            if span is None and sub.head == "unknown" and not sub.mentions and not st.before:
                span = _unknown_words_then_opener(ctx, sub.first, sub.last)
            if span is not None:
                spans.add((*span, "PER"))
    return sorted(spans)


def _unknown_words_then_opener(ctx: DocContext, a: int, b: int) -> tuple[int, int] | None:
    """``وقالت [مسويا] إن …``: one or two words right after a verb of saying and right before إن/أن
    or a colon, that no text rasd learnt from writes (a foreign name the tagger has never seen)."""
    if b - a > 1 or b + 1 >= len(ctx.norms):
        return None
    if b == a and b + 2 < len(ctx.norms) and ctx.kinds[b + 1] == "word" and ctx.is_definite(b + 1) \
            and known(ctx.norms[b + 1]) <= RARE and ctx.sclass(b + 1) is None:
        b += 1                       # the subject read stopped before a family name with the article
    for k in range(a, b + 1):
        w = ctx.norms[k]
        # (a family name after the first may carry the article: إحسان الفارعة)
        if ctx.kinds[k] != "word" or len(w) < 3 or known(w) > (RARE if k > a else 0) \
                or ctx.is_definite(k) and k == a or ctx.sclass(k) is not None \
                or w in COMPLEMENTIZERS or w in NAME_BREAKERS or k in ctx.time_at:
            return None
    nxt = b + 2 if ctx.is_comma(b + 1) and b + 2 < len(ctx.norms) else b + 1     # (وأكدت X، أن …)
    if not (ctx.norms[nxt] in COMPLEMENTIZERS or ctx.kinds[nxt] == "punct" and ctx.char(nxt) == ":"):
        return None
    return ctx.starts[a], ctx.ends[b]


def _name_then_role(ctx: DocContext, a: int, last: int | None = None) -> tuple[int, int] | None:
    """``وقال [عيد صباح]، مدير التمريض …``، ``إلا أن [فيتالي تشوركين]، سفير روسيا … قال``: one to
    three plain words, a comma, then a role; or two or three words no text rasd learnt from writes
    right before the role (``ندد [تور وينسلاند] منسق الأمم المتحدة``)."""
    b = a
    while b < len(ctx.norms) and b - a < 4 and ctx.kinds[b] == "word" and ctx.mention_at.get(b) is None:
        w = ctx.norms[b]
        if b - a >= 2 and ctx.sclass(b) == "role":
            break
        if w in COMPLEMENTIZERS or w in NAME_BREAKERS or ctx.sclass(b) is not None or b in ctx.time_at \
                or b == a and ctx.is_definite(b):
            return None
        b += 1
    if 1 <= b - a <= 3 and b + 1 < len(ctx.norms) and ctx.is_comma(b) and ctx.sclass(b + 1) == "role":
        return ctx.starts[a], ctx.ends[b - 1]
    if 2 <= b - a <= 3 and b < len(ctx.norms) and ctx.sclass(b) == "role" \
            and all(known(ctx.norms[k]) <= _UNSEEN for k in range(a, b)):
        return ctx.starts[a], ctx.ends[b - 1]        # ندد [تور وينسلاند] منسق الأمم المتحدة: words no text writes
    return None
