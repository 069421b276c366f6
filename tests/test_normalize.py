from hypothesis import given, settings, strategies as st

from rasd.text import normalize as n

ARABIC_TEXT = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ،؛؟.«»\"0123456789٠١٢٣٤٥٦٧٨٩۴ـ")
    + ["\u064B", "\u064E", "\u0650", "\u0651", "\u0652", "\u0670", "\u200f", "\u200d", "\ufefb", "\ufe8d",
       "\ufdf2", "ک", "ی", "A", "b"]), max_size=80)


def test_named_functions():
    assert n.strip_diacritics("قَالَ الرَّئِيسُ") == "قال الرئيس"
    assert n.strip_tatweel("العـــراق") == "العراق"
    assert n.fold_alef("أإآٱا") == "ااااا"
    assert n.fold_alef_maqsura("مستشفى") == "مستشفي"
    assert n.fold_teh_marbuta("مدرسة") == "مدرسه"
    assert n.fold_digits("١٠ ۱۲") == "10 12"
    assert n.fold_arabic_punctuation("نعم، لا؛ لماذا؟") == "نعم, لا; لماذا?"
    assert n.strip_invisibles("\u200fالعراق\u200e") == "العراق"
    assert n.fold_presentation_forms("\ufefb") == "لا"
    assert n.fold_hamza_carriers("مسؤول رئيس") == "مسوول رييس"


def test_profiles():
    assert n.normalize("الرَّئِيسُ أكّد ﻻ العـــراق ١٠ ؟", "match") == "الرئيس اكد لا العراق 10 ?"
    assert n.normalize("إسرائيل", "clean") == "إسرائيل"
    assert n.normalize("إِسرائيل", "bare") == "إسرائيل"
    assert n.normalize("مسؤول", "search") == "مسوول"
    assert n.normalize("مسؤول", "match") == "مسؤول"


def test_unknown_profile():
    import pytest
    with pytest.raises(ValueError, match="unknown normalization profile"):
        n.normalize("x", "nope")


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT, st.sampled_from(sorted(n.PROFILES)))
def test_idempotent(text, profile):
    once = n.normalize(text, profile)
    assert n.normalize(once, profile) == once


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT, st.sampled_from(sorted(n.PROFILES)))
def test_offsets_round_trip(text, profile):
    result = n.normalize_with_offsets(text, profile)
    assert result.text == n.normalize(text, profile)
    assert len(result.offsets) == len(result.text) + 1
    assert list(result.offsets) == sorted(result.offsets)
    for i, ch in enumerate(result.text):
        src = text[result.offsets[i]]
        assert ch in n.normalize(src, profile)       # every output char comes from its source char
    # any span of the output maps back to a span whose normalization contains it
    for a in range(0, len(result.text), 3):
        for b in range(a + 1, min(len(result.text), a + 7) + 1):
            s, e = result.to_source(a, b)
            assert result.text[a:b] in n.normalize(text[s:e], profile)


def test_false_article():
    # إلى and إلا begin like the article once normalized, and carry none
    assert n.false_article(n.normalize("إلى", "match")) and n.false_article(n.normalize("إليهم", "match"))
    assert not n.false_article(n.normalize("الوزير", "match"))


def test_has_tanween():
    assert n.has_tanween("دعماً") and n.has_tanween("هجومٌ") and n.has_tanween("بكتابٍ")
    assert not n.has_tanween("دعم") and not n.has_tanween("قَتَلَ")
