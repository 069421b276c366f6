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
