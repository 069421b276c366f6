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


# --- the token layer's JSON writer in C gives orjson's bytes -----------------------------------

def _c_writer():
    from rasd import serialize
    if serialize._tokens_json is None:
        pytest.skip("the C module rasd._tokens_json is not built (no compiler)")
    return serialize._tokens_json


def test_c_token_json_equals_orjson_on_an_analyzed_article():
    import orjson

    from rasd.serialize import _tokens, document_to_dict, document_to_json, dumps
    writer = _c_writer()
    doc = Pipeline(["sentences", "tokens"])(Document(
        text='قال "الوزير": وبالمدرسة\t123 ؛ x\\y\x01 — 😀 و\u200fللعراق.\nانتهى', id="t"))
    assert writer.tokens_json(doc.text, doc.tokens) == orjson.dumps(_tokens(doc.text, doc.tokens))
    assert document_to_json(doc) == dumps(document_to_dict(doc))
    assert json.loads(document_to_json(doc))["tokens"] == _tokens(doc.text, doc.tokens)


def test_c_token_json_equals_orjson_on_any_text_and_tokens():
    import orjson
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rasd.model import Segment, Token
    from rasd.serialize import _tokens
    writer = _c_writer()
    chars = st.characters(blacklist_categories=("Cs",))

    @st.composite
    def cases(draw):
        text = draw(st.text(chars, max_size=40))
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
        tokens = []
        for a, b in zip(cuts, cuts[1:]):
            mid = draw(st.integers(a, b))
            segs = draw(st.sampled_from([(), (Segment(a, mid, "proclitic"), Segment(mid, b, "stem"))]))
            tokens.append(Token(a, b, draw(st.sampled_from(["word", "punct", "number"])), "", "", segs))
        return text, tokens

    @settings(max_examples=300, deadline=None)
    @given(cases())
    def check(case):
        text, tokens = case
        assert writer.tokens_json(text, tokens) == orjson.dumps(_tokens(text, tokens))

    check()


def test_c_token_json_rejects_what_orjson_rejects():
    from rasd.model import Token
    writer = _c_writer()
    with pytest.raises(ValueError):
        writer.tokens_json("a\ud800b", [Token(0, 3, "word", "", "", ())])      # a lone surrogate
    with pytest.raises(ValueError):
        writer.tokens_json("ab", [Token(0, 5, "word", "", "", ())])            # past the end
    with pytest.raises(TypeError):
        writer.tokens_json("ab", [(0, 1)])
