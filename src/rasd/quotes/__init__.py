"""Quote attribution for Arabic news: who said what.

`extract_quotes(doc)` reads a document that has sentences, tokens, mentions, entities and times, and
returns its `Quote` records: the cue, what was said (without the cue, the complementizer إن/أن/بأن,
enclosing quotation marks or the final full stop), the speaker's words in the clause (`source`), the
speaker entity (or None with a reason), the kind (direct/indirect/mixed), a time id and a confidence.

The steps live in small modules: `lexicon` (cue and speaker-noun lexicons), `marks` (quotation
marks), `context` (token view of the document), `subject` (the speaker slot), `find` (cue-introduced
statements), `special` (headlines and interviews) and `speakers` (linking speakers to entities).
`names.untagged_speaker_names(doc)` lists the names written in speaker slots that the tagger did
not mark, for the entities stage to add.
"""
from __future__ import annotations

from ..model import Document, Quote, Span
from .context import DocContext
from .find import Statement, find_statements
from .special import fronted_statements, headline_statements, interview_statements
from .speakers import Resolved, SpeakerResolver

__all__ = ["extract_quotes"]


def extract_quotes(doc: Document) -> list[Quote]:
    """The quotes of a document, in text order, with ids q1, q2, …"""
    ctx = DocContext(doc)
    found = fronted_statements(ctx, find_statements(ctx))
    found += headline_statements(ctx, found)
    found.sort(key=lambda s: (s.cue[0], s.content[0]))
    resolver = SpeakerResolver(ctx)
    pairs: list[tuple[Statement, Resolved]] = [(st, resolver.resolve(st)) for st in found]
    for st, who in interview_statements(ctx, found, [r.speaker for _, r in pairs]):
        reason = "interview answer of the person interviewed" if who else "interviewee is not among the entities"
        pairs.append((st, Resolved(who, reason, "?", 0.7 if who else 0.3)))
    pairs.sort(key=lambda p: (p[0].content[0], p[0].cue[0]))
    out: list[Quote] = []
    seen: set[tuple[str, str, str]] = set()
    spans: set[tuple[int, int]] = set()
    norm = doc.norm          # computed once per document (the times stage has made it already)

    def matched(a: int, b: int) -> str:
        """normalize(doc.text[a:b], "match"), read off the document's normalized text."""
        return norm.text[norm.from_source(a):norm.from_source(b)]

    for st, res in pairs:
        key = (matched(*st.content), doc.text[st.cue[0]:st.cue[1]],
               matched(*st.subject.span(ctx)) if st.subject else "")
        if key in seen or st.content in spans:
            continue          # the same line printed twice (a page title repeated as a heading), or
                              # one quotation reported by two cues (وأضاف X قائلاً "…": the first)
        seen.add(key)
        spans.add(st.content)
        source = Span(*st.subject.span(ctx)) if st.subject is not None else None
        out.append(Quote(
            id=f"q{len(out) + 1}", cue=Span(*st.cue), content=Span(*st.content), speaker=res.speaker,
            kind=st.kind, source=source, speaker_reason=res.reason, time=st.times[0] if st.times else None,
            confidence=round(max(0.05, min(1.0, st.weight * res.confidence)), 3)))
    return out
