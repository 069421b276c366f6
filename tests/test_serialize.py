import json

import pytest

import rasd
from rasd.errors import FormatError
from rasd.model import Document, Entity, Event, Mention, Place, Quote, Section, Span, TimeExpression
from rasd.pipeline import Pipeline
from rasd.serialize import document_from_dict, validate

TEXT = "قال وزير الخارجية سامي الراشد أمس إن بلاده ترفض العقوبات."


def full_document():
    doc = Document(TEXT, id="d1", sections=[Section("body", 0, len(TEXT))])
    Pipeline(["sentences", "tokens"])(doc)
    doc.mentions = [Mention("m1", 18, 29, "PER", 0.9)]
    doc.entities = [Entity("e1", "PER", "سامي الراشد", ("m1",), title=None, roles=("وزير الخارجية",))]
    doc.times = [TimeExpression("t1", 30, 33, "2024-03-11", "day", anchor="published:2024-03-12")]
    doc.quotes = [Quote("q1", Span(0, 3), Span(37, len(TEXT) - 1), "e1", "indirect", Span(4, 29),
                        time="t1", confidence=0.8)]
    doc.events = [Event("v1", "REJECT", Span(43, 47), cameo="12", actor="e1", reported_by="q1")]
    doc.places = [Place("p1", "e1", "x", country="IRQ", lat=33.3, lon=44.4, resolution="country")]
    doc.meta.published = "2024-03-12"
    return doc


def test_output_validates_against_schema():
    data = json.loads(full_document().to_json())
    validate(data)
    assert data["schema"] == "rasd.document/1"
    assert data["quotes"][0]["content"]["text"] == "بلاده ترفض العقوبات"
    assert data["tokens"][0]["segments"]


def test_round_trip():
    doc = full_document()
    back = document_from_dict(json.loads(doc.to_json()))
    assert back.to_dict() == doc.to_dict()


def test_every_span_indexes_text():
    data = full_document().to_dict()
    for layer in ("sections", "sentences", "tokens", "mentions", "times"):
        for item in data[layer]:
            assert data["text"][item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("breakage", [
    lambda d: d.update(schema="other/1"),
    lambda d: d["quotes"][0].update(kind="rumour"),
    lambda d: d["events"][0].update(type="CELEBRATE"),
    lambda d: d["meta"].update(published="10/8/2021"),
])
def test_schema_rejects_bad_documents(breakage):
    data = full_document().to_dict()
    breakage(data)
    with pytest.raises(FormatError):
        validate(data)


def test_public_api_is_sorted_and_complete():
    assert rasd.__all__ == sorted(rasd.__all__)
    for name in rasd.__all__:
        assert hasattr(rasd, name)
