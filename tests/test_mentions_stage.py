"""The mentions stage's own rules on the tagger's chunks."""
from __future__ import annotations

from rasd.stages.mentions import _name_end, _person_end
from rasd.text.tokenize import tokenize


def _end(words: str) -> int:
    toks = tokenize(words)
    return _person_end(toks, words, 0, len(toks))


def test_allah_after_a_word_with_the_article_is_not_part_of_the_name():
    assert _end("مريم الحارثي الله") == 2          # وسألت مريم الحارثي الله أن …
    assert _end("حسن نصر الله") == 3               # a compound name keeps it
    assert _end("عبد الله") == 2
    assert _end("يحيى العبد الله") == 3             # a family name: العبد الله، الجار الله
    assert _end("محمد عبد الله") == 3


def test_a_name_stops_before_a_function_word_or_tanween():
    assert _end("خالد كان بارعًا") == 1
    assert _end("سامي حداد في") == 2
    assert _end("نادر سليم رئيسًا") == 2
    assert _end("أبو بكر البغدادي") == 3
    assert _end("سكينة حسن علي") == 3                 # علي is a name (in match form, also على)
    assert _end("فيصل كلا من") == 1                    # استقبل الأمير فيصل كلاً من …
    assert _end("سلطان بن سلمان ثاني") == 3              # "second", not a name
    assert _end("حبيب بشكرها") == 1                     # a pronoun suffix: "with his thanks to her"
    assert _end("تميم بن حمد آل ثاني") == 5              # آل ثاني is a family
    assert _end("فيصل كلاً") == 1


def test_a_name_stops_before_a_place_written_with_a_preposition():
    assert _end("سلطان بتبوك") == 1                     # مطار الأمير سلطان بتبوك: in Tabuk
    assert _end("فهد بجدة") == 1
    assert _end("سامي بكر") == 2                        # a name the segmenter keeps whole


def _any_end(words: str) -> int:
    toks = tokenize(words)
    return _name_end(toks, 0, len(toks))


def test_no_name_holds_a_complementizer_or_ends_in_a_mark_or_a_preposition():
    assert _any_end("الهيئة إلى أن سامي") == 1
    assert _any_end("الاتحاد .") == 1
    assert _any_end("الهيئة العليا للمفاوضات") == 3
    assert _any_end("منظمة أطباء بلا حدود") == 4
    assert _any_end("بان كي مون") == 3                # not the complementizer بأن
    assert _any_end("يان فان دير") == 3
