import pytest

from rasd.text.clitics import segment, segment_stem


def parts(word):
    return [word[a:b] for _, a, b in segment(word)]


@pytest.mark.parametrize("word,expected", [
    ("وبالعراق", ["و", "ب", "ال", "عراق"]),
    ("للقوات", ["ل", "ل", "قوات"]),
    ("والولايات", ["و", "ال", "ولايات"]),
    ("وقال", ["و", "قال"]),
    ("بأن", ["ب", "أن"]),
    ("قواتها", ["قوات", "ها"]),
    ("وسيتم", ["و", "س", "يتم"]),
    ("الجيش", ["ال", "جيش"]),
])
def test_splits_clitics(word, expected):
    assert parts(word) == expected


@pytest.mark.parametrize("word,expected", [
    ("بحمايته", ["ب", "حمايت", "ه"]),          # ة written ت before the pronoun
    ("لإنقاذهم", ["ل", "إنقاذ", "هم"]),
    ("وبأصواتهم", ["و", "ب", "أصوات", "هم"]),
    ("بدايته", ["بدايت", "ه"]),                # بداية is the word, not ب + داية
    ("لجنته", ["لجنت", "ه"]),                  # لجنة, not ل + جنة
])
def test_a_preposition_before_a_word_with_a_pronoun(word, expected):
    assert parts(word) == expected


@pytest.mark.parametrize("name", ["بغداد", "لبنان", "كركوك", "فلسطين", "واشنطن", "فرنسا", "وزير",
                                  "وكالة", "ولاية", "ألمانيا", "الله", "التي", "إلى", "عراقي", "وطني"])
def test_keeps_names_and_stems_whole(name):
    assert parts(name) == [name]


def test_names_after_a_real_clitic():
    assert parts("وبغداد") == ["و", "بغداد"]
    assert parts("وفلسطين") == ["و", "فلسطين"]


def test_segments_cover_the_word():
    for word in ["وبالعراق", "للقوات", "قواتها", "بغداد", "وسيتم"]:
        segs = segment(word)
        assert segs[0][1] == 0 and segs[-1][2] == len(word)
        assert all(a[2] == b[1] for a, b in zip(segs, segs[1:]))
        assert sum(1 for k, _, _ in segs if k == "stem") == 1


def test_segment_stem_normalizes():
    assert segment_stem("وبالعِراق") == "عراق"
    assert segment_stem("بأن") == "ان"


def test_names_that_begin_with_a_conjunction_letter_stay_whole():
    # فيصل is no ف + يصل, nor فراس ف + راس: first names and countries of the gazetteers keep the letter
    for name in ("فيصل", "فراس", "فادي", "فنلندا", "كمال", "ليلى"):
        assert segment(name) == (("stem", 0, len(name)),), name
    assert segment("وفيصل") == (("proclitic", 0, 1), ("stem", 1, 5))
    assert segment("فقال")[0] == ("proclitic", 0, 1)          # a verb after ف still splits
    assert segment("وكمال") == (("proclitic", 0, 1), ("stem", 1, 5))
    assert segment("لمصر")[0] == ("proclitic", 0, 1)
