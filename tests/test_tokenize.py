from hypothesis import given, settings, strategies as st

from rasd.text.tokenize import tokenize


def test_kinds_and_offsets():
    text = "وَقَالَ الوزير: «إن 2.5% من القوات» بين عامي 2014 و2017، انظر https://example.com/a.b"
    toks = tokenize(text)
    assert [t.text for t in toks][:4] == ["وَقَالَ", "الوزير", ":", "«"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    kinds = {t.text: t.kind for t in toks}
    assert kinds["2.5%"] == "number"
    assert kinds["https://example.com/a.b"] == "latin"
    assert kinds["،"] == "punct"
    w2017 = next(t for t in toks if t.text == "و2017")
    assert w2017.kind == "number" and w2017.stem == "2017"


def test_segments_map_to_surface_with_diacritics():
    text = "وَبِالعِرَاقِ"
    (tok,) = tokenize(text)
    pieces = [text[tok.start + a:tok.start + b] for _, a, b in tok.segments]
    assert "".join(pieces) == text
    assert pieces[0] == "وَ" and tok.stem == "عراق"


def test_norm_is_match_form():
    (tok,) = tokenize("أكّـــد")
    assert tok.norm == "اكد"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وبالعراقكتبسي 0123،.«»\"ـًٌ\u064e\u0651abc\n")), max_size=60))
def test_tokens_cover_all_non_space(text):
    toks = tokenize(text)
    covered = set()
    for t in toks:
        assert text[t.start:t.end] == t.text and t.text.strip() == t.text
        covered.update(range(t.start, t.end))
        assert t.segments[0][1] == 0 and t.segments[-1][2] == len(t.text)
    assert covered == {i for i, c in enumerate(text) if not c.isspace()}


def _token_stage_both_ways(text):
    """The tokens of the token stage as built by the C module and by the Python loop."""
    import pytest

    from rasd.model import Document
    from rasd.stages import text as stage_module
    if stage_module._scan is None:
        pytest.skip("the C module rasd.text._scan is not built (no compiler)")
    stage = stage_module.TokenStage()
    built, looped = Document(text=text), Document(text=text)
    stage.process(built)
    saved, stage_module._scan = stage_module._scan, None
    try:
        stage.process(looped)
    finally:
        stage_module._scan = saved
    return built.tokens, looped.tokens


def test_c_token_builder_equals_the_python_loop():
    from rasd.model import Segment, Token
    built, looped = _token_stage_both_ways("وَقَالَ الوزير:\u00a0«إن 2.5% وللمدرسة»\u2003و2017 ab@cd.com\x1cـــ 😀 و\u200fللعراق")
    assert built == looped and len(built) == 15
    assert all(type(t) is Token for t in built)
    assert all(type(s) is Segment for t in built for s in t.segments)
    assert any(len(t.segments) > 1 for t in built) and any(not t.segments for t in built)


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.text(alphabet=st.sampled_from(list("وبالعراق 0123،.«»ـً\u00a0\u2028\x1c\u200fabc\n")), max_size=60))
def test_c_token_builder_equals_the_python_loop_on_any_text(text):
    built, looped = _token_stage_both_ways(text)
    assert built == looped
    assert [[type(s) for s in t.segments] for t in built] == [[type(s) for s in t.segments] for t in looped]
