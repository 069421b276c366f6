import pytest

from rasd.text.sentences import split_sentences


def sents(text):
    return [text[s:e] for s, e, _ in split_sentences(text)]


def test_basic_marks_and_lines():
    assert sents("جاء الوفد. هل وصل؟ نعم! ثم غادر؛ وانتهى\nسطر جديد") == [
        "جاء الوفد.", "هل وصل؟", "نعم!", "ثم غادر؛", "وانتهى", "سطر جديد"]


@pytest.mark.parametrize("text", [
    "بلغ النمو 2.5 في المئة هذا العام.",
    "قال د. محمد علي إن الوضع مستقر.",
    "بني المعبد عام 300 ق.م في الجنوب.",
    "زوروا الموقع www.example.com/news.html للمزيد.",
    "حضر أ. د. سامي اللقاء.",
    "قال أ.د.سامي إن النسبة ١٢٣.٥ في المئة.",
])
def test_no_split_inside(text):
    assert sents(text) == [text]


def test_end_mark_without_the_space_after_it():
    assert sents("وصل الوفد إلى المدينة.وقال المتحدث إن الزيارة مهمة؟نعم") == [
        "وصل الوفد إلى المدينة.", "وقال المتحدث إن الزيارة مهمة؟", "نعم"]


def test_quotation_aware():
    text = "وقال: «الوضع صعب. لكننا سنصمد». ثم غادر."
    assert sents(text) == ["وقال: «الوضع صعب. لكننا سنصمد».", "ثم غادر."]


def test_unclosed_quote_is_ignored():
    assert sents("وقال: «الوضع صعب. لكننا سنصمد") == ["وقال: «الوضع صعب.", "لكننا سنصمد"]


def test_paragraph_index():
    text = "أولا. ثانيا.\n\nثالثا."
    assert [p for _, _, p in split_sentences(text)] == [0, 0, 1]
