"""The data model: one `Document` and the annotation layers that stages add to it.

Every span is a half-open `[start, end)` pair of character offsets into `Document.text`, which
never changes after reading. Annotations are frozen, slotted records; they refer to each other by
string id (a quote's `speaker` is an entity id such as ``"e3"``, or None).

Layers, in pipeline order: sections, sentences, tokens, mentions, entities, times, quotes, events,
places. `rasd.serialize` writes all of this as the versioned JSON document ``rasd.document/1``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple
from typing import Any

from .text.normalize import Normalized, normalize_with_offsets

__all__ = [
    "LAYERS",
    "Document",
    "Entity",
    "Event",
    "Meta",
    "Mention",
    "Place",
    "Quote",
    "Section",
    "Segment",
    "Sentence",
    "Span",
    "TimeExpression",
    "Token",
]

LAYERS = ("sections", "sentences", "tokens", "mentions", "entities", "times", "quotes", "events",
          "places")


@dataclass(frozen=True, slots=True)
class Span:
    """A `[start, end)` slice of `Document.text`."""

    start: int
    end: int

    def text(self, doc: "Document") -> str:
        return doc.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Section:
    """A zone of the article: title, dateline, caption, credit, subheading or body paragraph."""

    kind: str          # "title" | "dateline" | "caption" | "credit" | "subheading" | "body"
    start: int
    end: int


class Segment(NamedTuple):
    """One clitic segment of a token: وبواشنطن = و (proclitic) + ب (proclitic) + واشنطن (stem)."""

    start: int
    end: int
    kind: str          # "proclitic" | "stem" | "enclitic"


class Token(NamedTuple):
    """A surface word, number or punctuation mark, with its clitic segments.

    `norm` is the ``match``-normalized surface and `stem` the normalized stem (surface without
    clitics); both are kept so that later stages never normalize the same word again.
    Tokens and segments are named tuples, not dataclasses: an article has hundreds of them, and a
    named tuple is made about three times faster than a frozen dataclass (0.34 against 0.92 µs,
    timeit), with the same attribute names, immutability and hashing.
    """

    start: int
    end: int
    kind: str          # "word" | "number" | "latin" | "punct" | "symbol"
    norm: str
    stem: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    section: str = "body"   # the kind of the section it lies in
    paragraph: int = 0      # index of the paragraph (block of text between blank lines)


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    start: int
    end: int
    label: str         # PER | ORG | LOC | GPE | MISC
    score: float = 1.0
    source: str = "model"   # "model" | "gazetteer" | "rule"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    label: str
    name: str                          # canonical name: the fullest name the article gives
    mentions: tuple[str, ...] = ()     # mention ids
    title: str | None = None           # اللواء، الدكتور …
    roles: tuple[str, ...] = ()        # المتحدث باسم …
    country: str | None = None         # ISO 3166 alpha-3
    sector: str | None = None          # PLOVER/CAMEO sector code: GOV, MIL, …
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()      # other names used for it in this document


@dataclass(frozen=True, slots=True)
class TimeExpression:
    id: str
    start: int
    end: int
    value: str | None                  # ISO 8601 at its grain: YYYY-MM-DD, YYYY-MM or YYYY
    grain: str | None                  # "day" | "week" | "month" | "year"
    calendar: str = "gregorian"        # "gregorian" | "hijri"
    anchor: str | None = None          # "published:2021-08-10", "absolute", "t3" …
    note: str | None = None            # e.g. a weekday that disagrees with the date


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    cue: Span
    content: Span
    speaker: str | None                # entity id, or None
    kind: str                          # "direct" | "indirect" | "mixed"
    source: Span | None = None         # the words that name the speaker in this statement
    speaker_reason: str | None = None  # why the speaker is None ("unnamed source") or how it was found
    time: str | None = None            # time expression id
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str                          # PLOVER type, e.g. "RETREAT"
    trigger: Span
    mode: str | None = None            # PLOVER mode, e.g. "withdraw"
    cameo: str | None = None           # CAMEO root code, a zero-padded string "08"
    actor: str | None = None           # entity id
    recipient: str | None = None       # entity id
    place: str | None = None           # place id
    time: str | None = None            # time expression id
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reported_by: str | None = None     # quote id
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    entity: str                        # entity id
    name: str
    country: str | None = None         # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    resolution: str | None = None      # "country" | "admin" | "city" | "unresolved"
    reason: str | None = None          # why, when ambiguous or unresolved


@dataclass(slots=True)
class Meta:
    """What is known about the article besides its text."""

    title: str | None = None
    published: str | None = None       # YYYY-MM-DD
    published_source: str | None = None  # "input" | "option" | "page" | "url" | None
    dateline: str | None = None
    url: str | None = None
    outlet: str | None = None
    caption: str | None = None
    credits: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    language: str = "ar"
    source: str | None = None          # where it was read from: a path, "path:line", "-"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Document:
    """An article and its annotation layers. Stages add layers; none rewrites `text`."""

    text: str
    id: str = ""
    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    done: list[str] = field(default_factory=list)   # names of the layers provided so far
    _norm: Normalized | None = None

    @property
    def norm(self) -> Normalized:
        """The ``match``-normalized text with its offset map back to `text` (computed once)."""
        if self._norm is None:
            self._norm = normalize_with_offsets(self.text, "match")
        return self._norm

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def section_at(self, offset: int) -> Section | None:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s
        return None

    def to_dict(self, layers: tuple[str, ...] | None = None) -> dict[str, Any]:
        from .serialize import document_to_dict
        return document_to_dict(self, layers=layers)

    def to_json(self, layers: tuple[str, ...] | None = None, indent: int | None = None) -> str:
        from .serialize import document_to_json
        return document_to_json(self, layers=layers, indent=indent)
