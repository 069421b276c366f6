"""Gazetteers: data files, word lookups and token-run matching."""
from __future__ import annotations

import re
import time

import pytest

from rasd import resources
from rasd.resources import gazetteers as gz
from rasd.text.tokenize import tokenize

FILES = ["countries.tsv", "cities.tsv", "country_variants.tsv", "city_variants.tsv", "regions.tsv",
         "organizations.tsv", "people.tsv", "demonyms.tsv", "titles.tsv", "heads.tsv", "first_names.txt",
         "ambiguous.txt"]


def words(text):
    return [t.text for t in tokenize(text)]


def spans(text, **kw):
    ws = words(text)
    return [(" ".join(ws[m.start:m.end]), m.entry.kind, m.entry.country) for m in gz.match_tokens(ws, **kw)]


@pytest.mark.parametrize("name", FILES)
def test_every_file_names_its_source_and_licence(name):
    head = resources.path("gazetteers/" + name).read_text(encoding="utf-8").split("\n")[:6]
    comments = " ".join(line for line in head if line.startswith("#"))
    assert comments, f"{name} has no header"
    assert re.search(r"licen[cs]e|Apache|CC BY|LGPL|Unicode", comments, re.I), name
    assert name in resources.path("SOURCES.md").read_text(encoding="utf-8")


def test_generated_tables_are_well_formed():
    rows = list(resources.read_tsv("gazetteers/countries.tsv"))
    assert len(rows) > 240
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}", r[0]) and re.fullmatch(r"[A-Z]{2}", r[1])
    cities = list(resources.read_tsv("gazetteers/cities.tsv"))
    assert len(cities) > 3000
    for r in cities:
        assert re.fullmatch(r"[A-Z]{3}", r[2]), r
        assert -90 <= float(r[3]) <= 90 and -180 <= float(r[4]) <= 180
        assert r[6] in ("CAPITAL", "CITY")
        assert re.fullmatch(r"[\u0621-\u064A ]+(?:[ \-][\u0621-\u064A ]+)*", r[1].replace("\u0670", "")), r[1]


@pytest.mark.parametrize("word,cls", [
    ("العراق", "COUNTRY"), ("وبالعراق", "COUNTRY"), ("للعراق", "COUNTRY"), ("عراق", "COUNTRY"),
    ("إيران", "COUNTRY"), ("ايران", "COUNTRY"), ("سورية", "COUNTRY"), ("سوريا", "COUNTRY"),
    ("بغداد", "CAPITAL"), ("وواشنطن", "CAPITAL"), ("الموصل", "CITY"),
    ("العراقيون", "DEMONYM"), ("الأميركية", "DEMONYM"), ("للأمريكيين", "DEMONYM"),
    ("اللواء", "TITLE"), ("الرئيس", "ROLE"), ("وزارة", "ORG_HEAD"), ("والوزارة", "ORG_HEAD"),
    ("مدينة", "LOC_HEAD"), ("مصطفى", "PER_FIRST"), ("داعش", "ORG"), ("رويترز", "ORG"),
])
def test_lookup_classes(word, cls):
    assert cls in gz.lookup(word)


def test_lookup_without_clitics_is_exact():
    assert gz.lookup("وواشنطن", clitics=False) == frozenset()
    assert "CAPITAL" in gz.lookup("واشنطن", clitics=False)
    assert gz.lookup("وقال") == frozenset()


def test_longest_multiword_matches_with_clitics():
    found = spans("وقال إن الحوار بين العراق والولايات المتحدة الأميركية ومجلس الأمن الدولي مستمر")
    assert ("العراق", "COUNTRY", "IRQ") in found
    assert ("والولايات المتحدة الأميركية", "COUNTRY", "USA") in found
    assert ("ومجلس الأمن الدولي", "ORG", None) in found


def test_a_proclitic_before_a_two_letter_first_word_of_a_long_name_is_cut():
    # بي بي سي، سي إن إن: the first word is too short for word_forms to cut its proclitic alone
    got = gz.match_tokens("وقال شهود لبي بي سي إن".split())
    assert [(m.start, m.end, m.entry.id, m.cut) for m in got] == [(2, 5, "org:bbc", 1)]
    got = gz.match_tokens("نقلا عن وسي إن إن".split())
    assert [(m.start, m.end, m.entry.id, m.cut) for m in got] == [(2, 5, "org:cnn", 1)]
    assert all(m.entry.id != "org:bbc" for m in gz.match_tokens("لبي الدعوة".split()))


def test_a_two_letter_name_behind_a_proclitic_is_an_entity():
    from rasd.pipeline import Pipeline
    import rasd
    doc = Pipeline()(rasd.Document(text="وقال شهود عيان لبي بي سي إن الجيش قصف المستشفى."))
    assert [e.name for e in doc.entities if e.label == "ORG"] == ["بي بي سي"]


def test_short_and_long_forms_give_the_same_entry():
    a = gz.entries("الولايات المتحدة")[0]
    b = gz.entries("الولايات المتحدة الأمريكية")[0]
    c = gz.entries("أمريكا")[0]
    assert a.id == b.id == c.id and a.country == "USA"
    assert gz.entries("حماس")[0].id == gz.entries("حركة المقاومة الإسلامية")[0].id


def test_match_accepts_tokens_and_strings():
    toks = tokenize("زار الوفد قطاع غزة")
    assert [(m.start, m.end) for m in gz.match_tokens(toks)] == [(2, 4)]
    assert [(m.start, m.end) for m in gz.match_tokens(["زار", "الوفد", "قطاع", "غزة"])] == [(2, 4)]


def test_bare_name_does_not_match_article_form():
    assert spans("وصلت جدة") == [("جدة", "CITY", "SAU")]
    assert spans("قالت الجدة") == []


def test_article_mismatch_and_common_words_are_ambiguous():
    ws = words("قاعدة عسكرية هاجمتها القاعدة")
    by_word = {ws[m.start]: m.ambiguous for m in gz.match_tokens(ws)}
    assert by_word["قاعدة"] is True
    assert by_word["القاعدة"] is False
    assert gz.ambiguous("فتح") and gz.ambiguous("وفتح")
    assert gz.ambiguous("رياض")            # a first name
    assert not gz.ambiguous("الرياض")


def test_kinds_filter_and_iob_tags():
    ws = words("قال مجلس الأمن إن بغداد")
    assert [m.entry.kind for m in gz.match_tokens(ws, kinds=gz.PLACE_KINDS)] == ["CAPITAL"]
    assert gz.iob_tags(ws) == [None, "B-ORG", "I-ORG", None, "B-LOC"]


@pytest.mark.parametrize("word,iso", [
    ("العراقية", "IRQ"), ("عراقيين", "IRQ"), ("والأميركيون", "USA"), ("أمريكي", "USA"),
    ("الإسرائيلي", "ISR"), ("الأتراك", "TUR"), ("الروس", "RUS"), ("السعودية", "SAU"), ("قال", None),
    ("السنغالي", "SEN"), ("البوليفي", "BOL"), ("الرومانية", "ROU"), ("الفيتناميين", "VNM"),
    ("المالي", None), ("الغاني", None),       # financial, rich: no nisba of Mali or Ghana is listed
])
def test_demonyms(word, iso):
    assert gz.demonym(word) == iso


def test_titles_and_roles():
    ws = words("قال المتحدث باسم وزارة الدفاع اللواء فلان ورئيس الوزراء العراقي")
    got = [(" ".join(ws[m.start:m.end]), m.entry.kinds, m.entry.sector) for m in gz.match_titles(ws)]
    assert ("المتحدث باسم", ("ROLE",), None) in got
    assert ("اللواء", ("TITLE",), "MIL") in got
    assert ("ورئيس الوزراء", ("TITLE", "ROLE"), "GOV") in got


def test_countries_and_capitals():
    assert gz.country("IRQ").name == "العراق"
    assert gz.capital("IRQ").name == "بغداد"
    assert gz.capital("USA").name == "واشنطن"
    assert gz.capital("SAU").name == "الرياض"
    assert gz.by_id(gz.country("JOR").id).country == "JOR"


def test_homonyms_rank_country_first():
    es = gz.entries("عمان")
    assert es[0].kind == "COUNTRY" and es[0].country == "OMN"
    assert any(e.kind == "CAPITAL" and e.country == "JOR" for e in es)
    assert gz.entries("الكويت")[0].kind == "COUNTRY"


def test_matching_is_fast():
    toks = tokenize("وقال المتحدث باسم الجيش إن القوات انسحبت من الموصل باتجاه بغداد وأربيل. " * 400)
    gz.match_tokens(toks[:50])
    t = time.perf_counter()
    gz.match_tokens(toks)
    gz.match_titles(toks)
    assert time.perf_counter() - t < 1.0


def test_people_gazetteer():
    found = spans("التقى الرئيس الروسي فلاديمير بوتين نظيره التركي أردوغان")
    assert ("فلاديمير بوتين", "PERSON", "RUS") in found and ("أردوغان", "PERSON", "TUR") in found


@pytest.mark.parametrize("name, country", [
    ("بيت لحم", "PSE"),       # the town Arabic news means, though a larger one in the USA has its name
    ("برشلونة", "ESP"),       # a larger town elsewhere still wins: Spain, not Venezuela
    ("جاكرتا", "IDN"),
])
def test_a_town_name_shared_by_several_resolves_to_the_one_arabic_news_means(name, country):
    from rasd.resources.gazetteers import match_ranges
    from rasd.text.normalize import normalize
    words = [normalize(w, "match") for w in name.split()]
    found = match_ranges(words, [(0, len(words))])[0]
    assert found and found[0].entry.country == country
