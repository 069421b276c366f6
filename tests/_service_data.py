"""Hand-made annotated documents and a store holding them, for the service tests.

The articles are written for these tests (no text from ../shared); their layers are set by hand,
so the API and UI tests do not depend on how well the extraction stages do.
"""
from __future__ import annotations

from pathlib import Path

from rasd.model import Document, Entity, Event, Meta, Mention, Place, Quote, Section, Span, TimeExpression
from rasd.serialize import document_to_dict
from rasd.store.db import Store
from rasd.store.rows import content_hash, document_rows

SPEAKER = "سمير حداد"
TITLE = "وزير الخارجية يبحث الانسحاب مع نظيره"
EVIL = '<script>alert("x")</script>'
EVIL_TITLE = '<img src=x onerror="alert(1)"> عنوان'


def _at(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word))


def sample_document(i: int, published: str) -> Document:
    """An article with entities, a time, two quotes by the speaker, an event and a place."""
    title = TITLE if i == 0 else f"{TITLE} ({i})"
    body = (f"قال وزير الخارجية {SPEAKER}، يوم الأحد، إن \"انسحاب القوات سيكتمل قبل نهاية الشهر\". "
            "وأضاف حداد أن بلاده ستواصل الحوار مع الأمم المتحدة.\n\n"
            "وأعلنت وزارة الدفاع انسحاب وحدة من مدينة الموصل.")
    text = f"{title}\n\n{body}"
    mentions = [Mention("m1", *_span(_at(text, SPEAKER)), "PER"), Mention("m2", *_span(_at(text, "حداد", 1)), "PER"),
                Mention("m3", *_span(_at(text, "الأمم المتحدة")), "ORG"),
                Mention("m4", *_span(_at(text, "وزارة الدفاع")), "ORG"),
                Mention("m5", *_span(_at(text, "الموصل")), "GPE")]
    entities = [Entity("e1", "PER", SPEAKER, ("m1", "m2"), title="وزير الخارجية", aliases=("حداد",)),
                Entity("e2", "ORG", "الأمم المتحدة", ("m3",)),
                Entity("e3", "ORG", "وزارة الدفاع", ("m4",)),
                Entity("e4", "GPE", "الموصل", ("m5",), country="IRQ", lat=36.34, lon=43.13)]
    t = _at(text, "يوم الأحد")
    times = [TimeExpression("t1", t.start, t.end, published, "day", anchor=f"published:{published}")]
    quotes = [Quote("q1", _at(text, "قال"), _at(text, "انسحاب القوات سيكتمل قبل نهاية الشهر"), "e1", "direct",
                    source=_at(text, SPEAKER), time="t1"),
              Quote("q2", _at(text, "وأضاف"), _at(text, "بلاده ستواصل الحوار مع الأمم المتحدة"), "e1", "indirect",
                    source=_at(text, "حداد", 1))]
    events = [Event("v1", "RETREAT", _at(text, "انسحاب", 2), mode="withdraw", cameo="08", actor="e3",
                    place="p1", time="t1")]
    places = [Place("p1", "e4", "الموصل", "IRQ", 36.34, 43.13, resolution="city")]
    sections = [Section("title", 0, len(title)), Section("body", len(title) + 2, len(text))]
    doc = Document(text, id=f"sample-{i}", meta=Meta(title=title, published=published, outlet="صحيفة الاختبار",
                                                      url=f"https://example.org/a/{i}"),
                   sections=sections, mentions=mentions, entities=entities, times=times, quotes=quotes,
                   events=events, places=places)
    doc.done = ["sections", "mentions", "entities", "times", "quotes", "events", "places"]
    return doc


def _span(s: Span) -> tuple[int, int]:
    return s.start, s.end


def evil_document() -> Document:
    """An article whose title, text and a quote carry markup that must be shown as text."""
    text = f"{EVIL_TITLE}\n\nقال المتحدث {EVIL} إن الوضع هادئ."
    q = _at(text, EVIL)
    doc = Document(text, id="evil", meta=Meta(title=EVIL_TITLE, published="2024-01-02", url="javascript:alert(1)"),
                   quotes=[Quote("q1", _at(text, "قال"), q, None, "direct", speaker_reason="unnamed source")],
                   mentions=[Mention("m1", q.start, q.end, "PER")],
                   entities=[Entity("e1", "PER", EVIL, ("m1",))])
    doc.done = ["mentions", "entities", "quotes"]
    return doc


def write(store: Store, docs: list[Document]) -> None:
    store.write([document_rows(document_to_dict(d), content_hash(d)) for d in docs])


def make_db(path: Path, n: int = 3) -> Path:
    """A store with `n` sample articles on consecutive days and the markup article."""
    with Store(path) as store:
        write(store, [sample_document(i, f"2024-03-{10 + i:02d}") for i in range(n)] + [evil_document()])
    return path
