"""Quotes: cue lexicon, structures, speakers, content spans, and the dev-gold numbers.

Unit tests use sentences written for these tests, with hand-made mentions and entities (so they
test the quote stage alone, whatever the tagger finds). Tests that need ../shared skip without it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.model import Document, Entity, Mention, Section, TimeExpression
from rasd.quotes import extract_quotes
from rasd.quotes.lexicon import cues, speaker_class
from rasd.quotes.marks import quotations
from rasd.stages.quotes import QuoteStage
from rasd.stages.text import SentenceStage, TokenStage


def make_doc(text: str, names: dict[str, tuple], title: str | None = None,
             times: dict[str, str] | None = None, kinds: dict[int, str] | None = None,
             countries: dict[str, str] | None = None) -> Document:
    """A document with sentences and tokens, and mentions/entities for the given names.

    `names` maps an entity's name to (label, *other names it is written as). Every occurrence of a
    name that starts a word (after an optional و ب ل) becomes a mention of that entity.
    `countries` gives entities their country (ISO alpha-3), as the entities stage would.
    """
    full = f"{title}\n\n{text}" if title else text
    doc = Document(text=full, id="t")
    if title:
        doc.sections = [Section("title", 0, len(title)), Section("body", len(title) + 2, len(full))]
    else:
        doc.sections = [Section("body", 0, len(full))]
    SentenceStage()(doc)
    TokenStage()(doc)
    mentions, entities, taken = [], [], set()
    forms = sorted(((form, name, spec[0]) for name, spec in names.items() for form in (name, *spec[1:])),
                   key=lambda x: -len(x[0]))
    by_entity: dict[str, list[str]] = {}
    for form, name, label in forms:
        for m in re.finditer(re.escape(form), full):
            a, b = m.start(), m.end()
            before = full[a - 1] if a else " "
            after = full[b] if b < len(full) else " "
            prefix_ok = before in " \n«\"“(،," or before in "وبل" and (a < 2 or full[a - 2] in " \n")
            if not prefix_ok or after.isalpha() or any(i in taken for i in range(a, b)):
                continue
            taken.update(range(a, b))
            mid = f"m{len(mentions) + 1}"
            mentions.append(Mention(mid, a, b, label))
            by_entity.setdefault(name, []).append(mid)
    mentions.sort(key=lambda m: m.start)
    for n, (name, mids) in enumerate(by_entity.items(), 1):
        entities.append(Entity(f"e{n}", names[name][0], name, tuple(mids),
                               country=(countries or {}).get(name)))
    doc.mentions, doc.entities = mentions, entities
    doc.times = []
    for n, (t, value) in enumerate((times or {}).items(), 1):
        a = full.index(t)
        doc.times.append(TimeExpression(f"t{n}", a, a + len(t), value, "day"))
    doc.done += ["mentions", "entities", "times"]
    QuoteStage()(doc)
    return doc


def rows(doc: Document) -> list[tuple]:
    """(cue, content, speaker name, kind) of each quote."""
    names = {e.id: e.name for e in doc.entities}
    return [(doc.text[q.cue.start:q.cue.end], doc.text[q.content.start:q.content.end],
             names.get(q.speaker), q.kind) for q in doc.quotes]


# ---- lexicon --------------------------------------------------------------------------------

def test_cue_lexicon_has_inflections_and_kinds():
    table = cues()
    assert table[("قالت",)].gender == "f" and table[("قال",)].gender == "m"
    assert table[("قالوا",)].gender == "p"
    assert table[("مضيفا",)].kind == "participle"
    assert table[("مشيره",)].gender == "f"              # مشيرةً: tanwin and teh marbuta folded
    assert table[("لافتين",)].gender == "p"
    assert table[("لفت",)].gender == "m"                # not read as a feminine ت
    assert table[("حسب",)].frame == "src"
    assert table[("وفقا", "ل")].kind == "preposition"
    assert "الي" in table[("اشار",)].particles
    assert table[("اعرب",)].required


def test_speaker_classes():
    assert speaker_class("مصدر") == "unnamed"
    assert speaker_class("دبلوماسيون") == "unnamed"
    assert speaker_class("المتحدث") == "role"
    assert speaker_class("اللواء") == "title"
    assert speaker_class("الوزاره") == "orghead"
    assert speaker_class("سموه") == "honorific"


def test_quotation_marks_continue_over_sentences():
    text = 'قال: "نحن هنا. "وسنبقى". ثم غادر «القاعة» وهو يقول “كفى”'
    spans = [text[a:b] for a, b in quotations(text, 0, len(text))]
    assert spans == ['نحن هنا. "وسنبقى', "القاعة", "كفى"]


# ---- structures ---------------------------------------------------------------------------

PEOPLE = {"سامي خليل": ("PER", "خليل"), "وزارة الدفاع": ("ORG",), "هدى سالم": ("PER", "سالم"),
          "كريم ناصر": ("PER",), "وزارة الصحة": ("ORG",), "روسيا": ("LOC",), "التحالف الدولي": ("ORG",),
          "رويترز": ("ORG",)}


def test_verb_first_with_apposition_time_and_complementizer():
    doc = make_doc("قال المتحدث باسم وزارة الدفاع، العميد سامي خليل، مساء الاثنين، إن القوات أنهت "
                   "تدريباتها في الشمال.", PEOPLE, times={"مساء الاثنين": "2024-01-01"})
    assert rows(doc) == [("قال", "القوات أنهت تدريباتها في الشمال", "سامي خليل", "indirect")]
    q = doc.quotes[0]
    assert q.id == "q1" and q.time == "t1"
    assert "العميد سامي خليل" in doc.text[q.source.start:q.source.end]
    assert q.speaker_reason == "named in the clause"


def test_implicit_continuations_and_participles_keep_the_speaker():
    doc = make_doc("وقال سامي خليل إن الهدنة صامدة، مضيفا أن المفاوضات ستستأنف غدا.\n"
                   "ولفت إلى أن الوسطاء قدموا مقترحا جديدا.\n"
                   "وتابع: «لن نقبل بأقل من ذلك».", PEOPLE)
    assert [r[2] for r in rows(doc)] == ["سامي خليل"] * 4
    assert [r[0] for r in rows(doc)] == ["وقال", "مضيفا", "ولفت إلى", "وتابع"]
    assert rows(doc)[1][1] == "المفاوضات ستستأنف غدا"
    assert rows(doc)[0][1] == "الهدنة صامدة"          # ends before the participle's comma
    assert rows(doc)[3][3] == "direct" and rows(doc)[3][1] == "لن نقبل بأقل من ذلك"


def test_a_feminine_cue_written_with_the_pronoun_ending_is_a_noun():
    # مقرة "acknowledging" and مقره "his headquarters" share one match form
    doc = make_doc("وزارت هدى سالم الوزير في مقره بالعاصمة قبل أن يغادر.\n"
                   "وغادرت هدى سالم المكتب، مقرة بأن اللقاء كان صعبا.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["مقرة"]
    # a text that writes no ة (some put ه for every one) is read as before
    doc = make_doc("وغادرت هدى سالم المكتب، مقره بأن اللقاء كان صعبا.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["مقره"]


def test_a_participle_continues_the_verb_not_a_source_phrase_between_them():
    doc = make_doc("هدى سالم صرحت خلال استضافتها على قناة محلية، أن البلد يعرف أزمة تدبير في مجال الحقوق، "
                   "إلا أن الأمر لا يصل إلى ردة حقوقية وفق ما يردد البعض، موضحة أن المواطن لا يعيش "
                   "انتهاكات الماضي.", PEOPLE)
    assert [r[0] for r in rows(doc)][-1] == "موضحة" and rows(doc)[-1][2] == "هدى سالم"


def test_a_phrase_set_off_by_commas_after_the_cue_is_not_what_was_said():
    doc = make_doc("وحسب بلاغ لوزارة الصحة، فإن هدى سالم أعلنت، في ختام اجتماع عقدته أمس الاثنين بالرباط، "
                   "البدء في استقبال الطلبات بطريقة إلكترونية.", PEOPLE)
    assert [(r[0], r[1]) for r in rows(doc)] == [("أعلنت", "البدء في استقبال الطلبات بطريقة إلكترونية")]


def test_a_participle_after_a_verb_that_ends_in_ha_takes_the_verbs_subject():
    # توجه ends in ه like a feminine noun in the match form (ندوة → ندوه); the text writes ة
    doc = make_doc('وتعليقا عن مبادرة الفنانة سلمى المتمثلة في إعلانها التنازل عن أجرها، توجه الفنان '
                   'سامي خليل بشكرها على مبادرتها قائلا "إنها فنانة كريمة تحب الخير".', PEOPLE)
    assert [(r[0], r[2]) for r in rows(doc)] == [("قائلا", "سامي خليل")]


def test_what_a_description_describes_is_part_of_what_was_said():
    doc = make_doc("ووصف سامي خليل الوضع في المدينة بأنه كارثي.", PEOPLE)
    assert rows(doc) == [("ووصف", "الوضع في المدينة بأنه كارثي", "سامي خليل", "indirect")]


def test_words_said_without_any_mark_in_a_text_without_quotation_marks():
    # a wire story whose quotation marks were lost: the words follow the verb of saying at once
    doc = make_doc("وقال سامي خليل انه لا يحب رسم القادة الاحياء. ويقول اعلق الآن صورة القائد لكن اذا افرج "
                   "عنه ساقوم بازاحة صورته. واضاف أهتم بقراءة كتابات الذين ماتوا.", PEOPLE)
    assert [(r[0], r[1][:9], r[2]) for r in rows(doc)][1:] == [("ويقول", "اعلق الآن", "سامي خليل"),
                                                              ("واضاف", "أهتم بقرا", "سامي خليل")]
    # where the text marks its quotations, a verb of saying with no إن/أن, colon or mark says nothing
    doc = make_doc("وقال سامي خليل إن الوضع صعب. وقال \"نحن هنا\". ويقول اعلق الآن صورة القائد على الجدار.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["وقال", "وقال"]
    # nor a word that is also a preposition (بين), nor words after a comma (…، تضيف المصادر، فيشكلون …)
    doc = make_doc("وكان تصريحه بأن الاتفاق لن يحول بين إيران وبين تنفيذ مخططاتها في المنطقة.", PEOPLE)
    assert rows(doc) == []


def test_a_source_at_a_named_company_is_not_what_was_said():
    doc = make_doc("أكد مصدر مسؤول بشركة صلة الرياضية للتسويق والمنظمة لمباراة كأس السوبر أن أكثر من نصف "
                   "التذاكر تم بيعها.", PEOPLE)
    assert [(r[0], r[1]) for r in rows(doc)] == [("أكد", "أكثر من نصف التذاكر تم بيعها")]


def test_a_supplication_says_what_is_asked_not_whom():
    doc = make_doc("وافتتح سامي خليل المدرسة الجديدة، سائلا الله تعالى أن ينفع بها الطلاب.\n"
                   "وقال سامي خليل إن المدرسة تتسع لألف طالب، داعيا المولى عز وجل أن يحفظ البلاد.", PEOPLE)
    said = {r[0]: r[1] for r in rows(doc)}
    assert said["سائلا"] == "ينفع بها الطلاب"
    assert said["داعيا"] == "يحفظ البلاد"


def test_a_number_of_people_is_the_speaker_not_what_was_said():
    doc = make_doc("أعلن عدد من المواطنين عن نيتهم تنظيم وقفة أمام البلدية غدا.", PEOPLE)
    (cue, said, speaker, kind), = rows(doc)
    assert said.startswith("نيتهم")
    q = doc.quotes[0]
    assert doc.text[q.source.start:q.source.end] == "عدد من المواطنين" and q.speaker is None


def test_asking_god_is_a_statement_of_the_one_who_asks():
    doc = make_doc("وسألت هدى سالم الله أن يحفظ البلاد.\nوقال سامي خليل إن الهدنة صامدة، وسأل الله أن تدوم.", PEOPLE)
    got = {r[0]: (r[1], r[2]) for r in rows(doc)}
    assert got["وسألت"] == ("يحفظ البلاد", "هدى سالم")
    assert got["وسأل"] == ("تدوم", "سامي خليل")


def test_a_sentence_broken_after_its_speaker_goes_on_in_the_next_paragraph():
    doc = make_doc("وفي لقاء مع الوفد يوم الاثنين قال سامي خليل\n\nإن الهدنة صامدة.\n\nوأضاف أن المفاوضات ستستأنف.", PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("قال", "الهدنة صامدة", "سامي خليل"),
                                          ("وأضاف", "المفاوضات ستستأنف", "سامي خليل")]
    # a paragraph that ends with a mark is a sentence of its own
    doc = make_doc("وقال سامي خليل.\n\nإن الهدنة صامدة.", PEOPLE)
    assert not [r for r in rows(doc) if r[1] == "الهدنة صامدة"]


def test_an_appeal_to_a_name_says_nothing_of_its_own():
    doc = make_doc("وناشد سامي خليل وزارة الصحة، قائلا إن المستشفى يحتاج إلى الوقود.", PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("قائلا", "المستشفى يحتاج إلى الوقود", "سامي خليل")]


def test_a_quotation_right_after_a_role_and_a_name_is_what_was_said():
    doc = make_doc('وقال المتحدث سامي خليل "الهدنة صامدة حتى الآن".', PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("وقال", "الهدنة صامدة حتى الآن", "سامي خليل")]


def test_a_plural_verb_takes_no_singular_name_of_its_sentence_as_speaker():
    doc = make_doc("ورفض أطباء المستشفى التخلي عن مرضاهم، رغم أوامر الإخلاء التي أصدرتها وزارة الدفاع في بداية "
                   "هجومها، وناشدوا المجتمع الدولي والصليب الأحمر فتح ممر إنساني.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["وناشدوا"] and rows(doc)[0][2] is None


def test_as_reported_by_names_the_speaker_of_what_came_before():
    doc = make_doc("وصلت القوات إلى الموصل، كما أعلن سامي خليل.", PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("أعلن", "وصلت القوات إلى الموصل", "سامي خليل")]
    # "also", with words of its own
    doc = make_doc("وصلت القوات إلى الموصل. كما أعلن سامي خليل أن الهدنة صامدة.", PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("أعلن", "الهدنة صامدة", "سامي خليل")]
    # after a comma the words may be the speaker's own
    doc = make_doc("وصلت القوات إلى الموصل، كما أعلن سامي خليل، انسحاب الوحدات الأخرى.", PEOPLE)
    assert [r[1] for r in rows(doc)] == ["انسحاب الوحدات الأخرى"]
    # a preposition's statement holds the words: one statement, not two
    doc = make_doc("وصلت القوات إلى الموصل، بحسب ما أعلن سامي خليل، ثم توقفت.", PEOPLE)
    assert [r[:3] for r in rows(doc)] == [("بحسب", "وصلت القوات إلى الموصل", "سامي خليل")]


def test_here_is_no_cue():
    doc = make_doc("وقال سامي خليل إن الهدنة صامدة.\nوهنا أذكر مثلا أن الوسطاء قدموا مقترحا.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["وقال"]


def test_feminine_verb_finds_the_woman_speaker():
    doc = make_doc("قالت وزيرة الصحة هدى سالم إن اللقاحات وصلت.\n"
                   "وأكد مدير المستشفى كريم ناصر أن الأسرة ممتلئة.\n"
                   "وقالت إن فرقا طبية ستصل الأسبوع المقبل.", PEOPLE)
    assert [r[2] for r in rows(doc)] == ["هدى سالم", "كريم ناصر", "هدى سالم"]


def test_short_organization_name_and_feminine_organization():
    doc = make_doc("أعلنت وزارة الصحة ارتفاع عدد الإصابات.\nوقالت الوزارة في بيان إن الوضع تحت السيطرة.",
                   PEOPLE)
    assert [r[2] for r in rows(doc)] == ["وزارة الصحة", "وزارة الصحة"]
    assert rows(doc)[0][1] == "ارتفاع عدد الإصابات"     # a noun phrase as what was said


def test_speaker_first():
    doc = make_doc("يصوت المجلس غدا على القرار، لكن روسيا قالت إنها ستعارضه.\n"
                   "وكان التحالف الدولي قد أعلن عن انسحاب قوة من القاعدة.", PEOPLE)
    assert [(r[1], r[2]) for r in rows(doc)] == [("ستعارضه", "روسيا"),
                                                  ("انسحاب قوة من القاعدة", "التحالف الدولي")]


def test_unnamed_source_keeps_its_words():
    doc = make_doc("وقال مصدر أمني لوكالة رويترز إن الانفجار وقع قرب السفارة.", PEOPLE)
    (q,) = doc.quotes
    assert q.speaker is None and q.speaker_reason == "unnamed source"
    assert doc.text[q.source.start:q.source.end] == "مصدر أمني"
    assert doc.text[q.content.start:q.content.end] == "الانفجار وقع قرب السفارة"


def test_plural_unnamed_and_diplomats():
    doc = make_doc("وقال دبلوماسيون غربيون إنهم يتوقعون تصويتا قريبا. وأضافوا أن النص لم يكتمل.", PEOPLE)
    assert [r[2] for r in rows(doc)] == [None, None]
    assert all(q.speaker_reason in ("unnamed source", "speaker of the previous statement") for q in doc.quotes)


def test_direct_quote_over_two_sentences_and_mixed_quote():
    doc = make_doc("وقال سامي خليل: «نحن مستعدون. ولن نتراجع».\n"
                   "وأوضح خليل أن الاتفاق \"لم يعد قائما\" بعد الهجوم الأخير.", PEOPLE)
    assert rows(doc) == [("وقال", "نحن مستعدون. ولن نتراجع", "سامي خليل", "direct"),
                         ("وأوضح", 'الاتفاق "لم يعد قائما" بعد الهجوم الأخير', "سامي خليل", "mixed")]


def test_headline_attribution_and_role_only_caption():
    doc = make_doc("وقال المتحدث باسم وزارة الدفاع، العميد سامي خليل، إن التدريبات انتهت.",
                   PEOPLE, title="متحدث باسم الوزارة: التدريبات انتهت بنجاح")
    assert rows(doc)[0] == (":", "التدريبات انتهت بنجاح", "سامي خليل", "indirect")
    assert doc.quotes[0].speaker_reason == "role held by a named person"


@pytest.mark.parametrize("title, speaker", [
    ("روسيا: المحادثات مستمرة في جنيف", "روسيا"),          # a country speaks for its government
    ("مخيم النور: قصف عنيف على المدارس", None),            # a camp before a colon is a dateline
])
def test_a_place_before_a_headline_colon_speaks_only_when_it_governs(title, speaker):
    doc = make_doc("وقال سامي خليل إن الوضع صعب.", {**PEOPLE, "مخيم النور": ("LOC",)}, title=title)
    headline = [r for r in rows(doc) if r[0] == ":"]
    assert ([r[2] for r in headline] == [speaker]) if speaker else headline == [], rows(doc)


def test_prepositional_sources():
    doc = make_doc("وبحسب مصادر محلية، فإن القصف استهدف منزلين في البلدة.\n"
                   "وارتفع عدد الضحايا إلى عشرة أشخاص منذ الصباح، وفقا لوزارة الصحة.", PEOPLE)
    assert rows(doc) == [("وبحسب", "القصف استهدف منزلين في البلدة", None, "indirect"),
                         ("وفقا", "وارتفع عدد الضحايا إلى عشرة أشخاص منذ الصباح", "وزارة الصحة", "indirect")]


def test_relayed_statement():
    doc = make_doc("ونقلت وكالة رويترز عن سامي خليل قوله إن المحادثات مستمرة.", PEOPLE)
    assert rows(doc) == [("ونقلت", "المحادثات مستمرة", "سامي خليل", "indirect")]


def test_no_quote_without_a_report():
    doc = make_doc("وصل الوفد إلى بغداد بعد أن تم الاتفاق بين العراق والأردن على موعد الزيارة. "
                   "ويبين الجدول ثمن التذاكر.", PEOPLE)
    assert doc.quotes == []


def test_an_imperfect_verb_of_saying_after_wa_ends_what_was_said():
    doc = make_doc("ورسم الفنان سامي خليل القادة الراحلين معتبرا ان هذا الامر نوع من الوفاء لهم ويقول "
                   "اعلق الآن صورهم في المعرض.", PEOPLE)
    first = rows(doc)[0]
    assert first[0] == "معتبرا" and first[1] == "هذا الامر نوع من الوفاء لهم"


@pytest.mark.parametrize("text, content", [
    # "without mentioning …": the narrator's note on what the speaker left out
    ("وقال سامي خليل إن الحراس صدوا الهجوم دون ذكر لأي إصابات بينهم.", "الحراس صدوا الهجوم"),
    ("وقال سامي خليل إن المبنى تضرر في طوابقه العليا، من دون أن يوضح سبب الحريق.", "المبنى تضرر في طوابقه العليا"),
    # دون with another word is the speaker's own (دون توقف), and so is anything inside quotation marks
    ("وقال سامي خليل إن الفرق ستعمل دون توقف حتى الصباح.", "الفرق ستعمل دون توقف حتى الصباح"),
    ('وقال سامي خليل: "سننشر القائمة دون ذكر للأسماء".', "سننشر القائمة دون ذكر للأسماء"),
])
def test_without_mentioning_ends_what_was_said(text, content):
    assert rows(make_doc(text, PEOPLE))[0][1] == content


def test_a_word_the_article_gave_one_person_as_title_names_that_person():
    from rasd.model import Entity
    doc = make_doc("وزارت الممرضة هالة عيسى المستشفى أمس. وأوضحت الممرضة، في حديثها للصحفيين، أن الوضع صعب.",
                   {"هالة عيسى": ("PER",)})
    # the entities stage gives the title; the quotes stage reads it
    doc.entities = [Entity(e.id, e.label, e.name, e.mentions, title="الممرضة") for e in doc.entities]
    from rasd.stages.quotes import QuoteStage
    QuoteStage()(doc)
    assert [r[2] for r in rows(doc)] == ["هالة عيسى"], rows(doc)


def test_a_cue_written_as_a_passive_names_no_speaker():
    doc = make_doc("وقال سامي خليل إن المحادثات مستمرة. ويُعتقد أن الوفد سيصل غدا.", PEOPLE)
    assert [r[2] for r in rows(doc)] == ["سامي خليل", None], rows(doc)


def test_but_with_a_pronoun_refers_to_the_one_its_sentence_named():
    text = ("وقال سامي خليل إن الوضع صعب. ولم يصدر رد فوري من الجيش، لكنه قال إن قواته "
            "تعمل في المنطقة.")
    doc = make_doc(text, {**PEOPLE, "الجيش": ("ORG",)})
    assert rows(doc)[1][2] == "الجيش", rows(doc)


@pytest.mark.parametrize("text, content", [
    # the narrator sets the statement beside other events: what was said ends at the comma
    ("وأعلن سامي خليل إغلاق المعبر أمام الشاحنات، وذلك بعد ساعات من قصف الطريق المؤدي إليه.",
     "إغلاق المعبر أمام الشاحنات"),
    ("وقال سامي خليل إن المخبز توقف عن العمل، وذلك إثر نفاد الطحين.", "المخبز توقف عن العمل"),
    ("وقال سامي خليل إن الأسعار ارتفعت، وذلك مع استمرار إغلاق المعابر.", "الأسعار ارتفعت"),
    # a bare بعد may be the speaker's own dating, and quotation marks keep everything
    ("وقال سامي خليل إنه سيسافر، وذلك بعد انتهاء الامتحانات.", "سيسافر، وذلك بعد انتهاء الامتحانات"),
    ('وقال سامي خليل: "أغلقنا المعبر، وذلك إثر القصف".', "أغلقنا المعبر، وذلك إثر القصف"),
])
def test_the_narrators_setting_of_a_statement_ends_it(text, content):
    assert rows(make_doc(text, PEOPLE))[0][1] == content


@pytest.mark.parametrize("text, content", [
    # the ب-phrase a relative clause describes is what was said, not an adverbial or a role's end
    ("وهنأ سامي خليل بالانتصارات العظيمة التي حققها الفريق في البطولة.",
     "بالانتصارات العظيمة التي حققها الفريق في البطولة"),
    ("وهنأ رئيس الجمهورية بالإنجازات الكبيرة التي حققها الفريق في البطولة.",
     "بالإنجازات الكبيرة التي حققها الفريق في البطولة"),
])
def test_what_a_relative_clause_after_the_speaker_describes(text, content):
    assert rows(make_doc(text, PEOPLE))[0][1] == content
    # a place phrase a relative clause describes belongs to the speaker, not to what was said
    text = "وتناشد وزارة الصحة في المدينة التي يحاصرها الجيش المنظمات الدولية التدخل."
    assert not rows(make_doc(text, PEOPLE))[0][1].startswith("في")


@pytest.mark.parametrize("text, content", [
    # a title alone names the speaker of a verb whose object is what was said
    ("وأكد الرئيس المصري أهمية التعاون في المنطقة.", "أهمية التعاون في المنطقة"),
    # a definite role heads no construct chain: أهمية is what the minister stressed
    ("وأكد الوزير أهمية التعاون بين البلدين.", "أهمية التعاون بين البلدين"),
])
def test_what_a_titled_or_role_speaker_stresses_is_the_content(text, content):
    got = rows(make_doc(text, PEOPLE))
    assert [r[1] for r in got] == [content]


def test_a_role_with_a_prepositional_complement_still_takes_the_name_after_it():
    got = rows(make_doc("وأكد المستثمر في قطاع الإسكان سامي خليل أن الأسعار ارتفعت.", PEOPLE))
    assert [(r[1], r[2]) for r in got] == [("الأسعار ارتفعت", "سامي خليل")]


def test_a_common_noun_in_ta_marbuta_is_no_part_of_an_untagged_name_after_a_title():
    from rasd.pipeline import Pipeline
    doc = Pipeline()(Document(text="وأكد اللواء يحيى رسول أهمية التعاون."))
    assert [e.name for e in doc.entities if e.label == "PER"] == ["يحيى رسول"]
    assert [doc.text[q.content.start:q.content.end] for q in doc.quotes] == ["أهمية التعاون"]


def test_a_role_after_after_that_is_the_subject_a_participle_continues():
    from rasd.pipeline import Pipeline
    doc = Pipeline()(Document(text="ودشن أمير منطقة القصيم الأمير فيصل بن بندر المشروع. وقال سامي خليل إن "
                                   "المشروع مهم. عقب ذلك سلّم أمير منطقة القصيم مفاتيح الفلل للمستحقين، سائلاً "
                                   "الله تعالى أن تكون منازل سعادة."))
    assert [r[2] for r in rows(doc)] == ["سامي خليل", "فيصل بن بندر"]


def test_a_source_after_a_statement_relays_it_and_makes_no_second_quote():
    doc = make_doc("كما أعلنت وزارة الدفاع أنها فقدت الاتصال بالقافلة، وفق وزارة الصحة.", PEOPLE)
    assert [(r[0], r[1], r[2]) for r in rows(doc)] == [("أعلنت", "فقدت الاتصال بالقافلة", "وزارة الدفاع")]


def test_a_noun_with_an_adjective_opening_a_headline_is_no_cue():
    doc = make_doc("طالب جامعي يتبرع بجزء من كبده لطفلة مريضة\n\nوقال الشاب إن الطفلة بخير.", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["وقال"]
    doc = make_doc("داعية بحريني يطالب بتنفيذ القصاص", PEOPLE)
    assert [r[0] for r in rows(doc)] == ["يطالب"]
    doc = make_doc("وطالب سعودي يعمل في الخارج بتحسين الخدمات.", PEOPLE)     # a verb after و
    assert [r[0] for r in rows(doc)] == ["وطالب"]


def test_interview_answers_are_the_interviewees():
    qa = ["هل وصلت المساعدات إلى المستشفى؟", "وصلت كميات قليلة لا تكفي أسبوعا واحدا.",
          "كم عدد الجرحى لديكم؟", "لدينا أكثر من مئة جريح في الأقسام.",
          "ما الذي تحتاجونه الآن؟", "نحتاج إلى الوقود والأدوية قبل كل شيء."]
    doc = make_doc("وقال كريم ناصر إن المستشفى يعمل بطاقته القصوى.\n\n" + "\n\n".join(qa), PEOPLE)
    answers = [r for r in rows(doc) if r[0] == ""]
    assert [a[1] for a in answers] == [qa[1][:-1], qa[3][:-1], qa[5][:-1]]
    assert {a[2] for a in answers} == {"كريم ناصر"} and {a[3] for a in answers} == {"direct"}


def test_content_never_holds_the_cue_nor_crosses_a_paragraph():
    doc = make_doc("وأكد سامي خليل أن القوات جاهزة\nوأن الخطة وضعت منذ أشهر.", PEOPLE)
    for q in doc.quotes:
        assert not (q.content.start < q.cue.end and q.cue.start < q.content.end)
        assert "\n" not in doc.text[q.content.start:q.content.end]


def test_stage_contract():
    stage = QuoteStage()
    assert stage.name == "quotes" and stage.provides == ("quotes",)
    assert set(stage.requires) == {"sentences", "tokens", "entities", "times"}


# ---- corpus and gold ------------------------------------------------------------------------

def _chain() -> list:
    """The stages before quotes that this checkout can run (the tagger needs its trained model)."""
    from rasd import stages
    from rasd.errors import RasdError
    chain = []
    probe = Document(text="قال الوزير إن الوضع مستقر.", id="probe")
    probe.sections = [Section("body", 0, len(probe.text))]
    for name in ("sentences", "tokens", "mentions", "entities", "times"):
        if name not in stages.available() and name != "entities":
            continue
        try:
            stage = stages.create(name)
            stage(probe)
        except RasdError:
            continue                       # e.g. the NER model is not trained in this checkout
        chain.append(stage)
    return chain


@pytest.mark.shared
def test_spans_round_trip_on_the_corpus(shared):
    """Content spans round-trip to the text, never hold the cue, never cross a paragraph."""
    path = shared / "corpus" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("no corpus")
    from rasd.io.jsonl import read_jsonl
    chain = _chain()
    n_quotes = 0
    with path.open("rb") as fh:
        for doc in read_jsonl(fh, str(path), "corpus"):
            for st in chain:
                st(doc)
            quotes = extract_quotes(doc)
            paragraphs = {}
            for s in doc.sentences:
                a, b = paragraphs.get(s.paragraph, (s.start, s.end))
                paragraphs[s.paragraph] = (min(a, s.start), max(b, s.end))
            for q in quotes:
                n_quotes += 1
                text = doc.text[q.content.start:q.content.end]
                assert text and text == text.strip(), (doc.id, q)
                assert not (q.content.start < q.cue.end and q.cue.start < q.content.end), (doc.id, q)
                assert any(a <= q.content.start and q.content.end <= b for a, b in paragraphs.values()), (doc.id, text)
                assert q.kind in ("direct", "indirect", "mixed")
            assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert n_quotes > 200


@pytest.fixture(scope="module")
def dev_chain_docs(shared) -> tuple[list, dict]:
    """The dev articles through the stages this checkout can run, then quotes (names, dicts)."""
    from rasd.io.jsonl import read_jsonl
    chain = _chain()
    docs = {}
    with (shared / "gold" / "dev" / "input.jsonl").open("rb") as fh:
        for doc in read_jsonl(fh, "input.jsonl", "input"):
            for st in chain:
                st(doc)
            doc.quotes = extract_quotes(doc)
            docs[doc.id] = doc.to_dict(layers=("entities", "quotes"))
    return [s.name for s in chain], docs


@pytest.mark.shared
def test_eval_quotes_agrees_with_score_py(shared, dev_chain_docs, tmp_path):
    gold = shared / "gold" / "dev"
    _, docs = dev_chain_docs
    system = tmp_path / "system.jsonl"
    system.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs.values()) + "\n",
                      encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(shared / "gold" / "score.py"), str(gold), str(system),
                                     "--json"], capture_output=True, text=True, check=True).stdout)
    out = subprocess.run([sys.executable, "-m", "rasd", "eval", "quotes", str(gold), str(system), "--json"],
                         capture_output=True, text=True, check=True).stdout
    mine = json.loads(out)
    for key in ("quotes", "quotes_attribution_accuracy", "quotes_end_to_end"):
        assert mine[key] == ref[key], key


# ---- dev gold: floors -----------------------------------------------------------------------

def _gold_entities(doc: Document, gold: dict) -> None:
    """Mentions and entities from the gold entity list (names, aliases, and a person's first and
    last name), to measure the quote stage apart from the tagger."""
    from rasd.text.normalize import normalize
    text, norm = doc.text, doc.norm
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    labels = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    forms = []
    for n, e in enumerate(gold["entities"]):
        names = [e["name"], *(e.get("aliases") or [])]
        if e["type"] == "PER" and len(e["name"].split()) > 1:
            names += [w for w in (e["name"].split()[0], e["name"].split()[-1]) if len(w) > 3]
        forms += [(normalize(x, "match"), n) for x in names]
    forms.sort(key=lambda f: -len(f[0]))
    taken = [False] * len(norm.text)
    found: dict[int, list[str]] = {}
    mentions = []
    for form, n in forms:
        for m in re.finditer(re.escape(form), norm.text) if form else ():
            a, b = m.start(), m.end()
            oa, ob = norm.offsets[a], norm.offsets[b - 1] + 1
            ok = oa in starts or oa - 1 in starts and text[oa - 1] in "وبلفك" or oa - 2 in starts and text[oa - 2:oa] in ("ول", "وب", "لل")
            if not ok or ob not in ends or any(taken[a:b]):
                continue
            taken[a:b] = [True] * (b - a)
            mentions.append(Mention(f"m{len(mentions) + 1}", oa, ob, labels[gold["entities"][n]["type"]]))
            found.setdefault(n, []).append(mentions[-1].id)
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    doc.entities = [Entity(f"e{n + 1}", labels[gold["entities"][n]["type"]], gold["entities"][n]["name"], tuple(ids))
                    for n, ids in sorted(found.items())]


@lru_cache(maxsize=1)
def _dev_with_gold_entities(shared: Path) -> tuple[dict, dict]:
    from rasd.eval.gold import load_gold
    from rasd.io.jsonl import read_jsonl
    gold_dir = shared / "gold" / "dev"
    golds = load_gold(gold_dir)
    docs = {}
    with (gold_dir / "input.jsonl").open("rb") as fh:
        for doc in read_jsonl(fh, "input.jsonl", "input"):
            SentenceStage()(doc)
            TokenStage()(doc)
            _gold_entities(doc, golds[doc.id])
            doc.times = []
            doc.quotes = extract_quotes(doc)
            docs[doc.id] = doc.to_dict(layers=("entities", "quotes"))
    return golds, docs


@pytest.mark.shared
def test_dev_floors_with_gold_entities(shared):
    """The quote stage alone (entities from the gold list): measured 0.93 F1, 0.97 attribution."""
    from rasd.eval.gold import evaluate_docs
    golds, docs = _dev_with_gold_entities(shared)
    res = evaluate_docs(golds, docs)
    assert res["quotes"]["f1"] >= 0.91, res["quotes"]
    assert res["quotes_attribution_accuracy"] >= 0.95, res["quotes_attribution_accuracy"]
    assert res["quotes_end_to_end"]["f1"] >= 0.88, res["quotes_end_to_end"]


@pytest.mark.shared
def test_seed_statements_all_found_with_their_speakers(shared):
    """Acceptance: the 21 statements of the seed article, each with its speaker."""
    from rasd.eval.gold import alias_table, entity_names, greedy, ref_name, same_entity, words
    golds, docs = _dev_with_gold_entities(shared)
    gold, doc = golds["seed"], docs["seed"]
    names = entity_names(doc)
    sys_quotes = [{"content": q["content"]["text"], "speaker": ref_name(q["speaker"], names)} for q in doc["quotes"]]

    def score(g, s):
        a, b = words(g["content"]), words(s["content"])
        inter = len(a & b)
        return inter / len(a | b) if a and b and inter >= len(a) / 2 and inter >= len(b) / 2 else None

    pairs = greedy(gold["quotes"], sys_quotes, score)
    assert len(gold["quotes"]) == 21 and len(pairs) == 21 and len(sys_quotes) == 21
    table = alias_table(gold)
    wrong = [(g["speaker"], s["speaker"]) for g, s in pairs if not same_entity(g["speaker"], s["speaker"], table)]
    assert wrong == []


def test_passive_relay_postposed_speaker_and_statement_texts():
    doc = make_doc("ونُقل عن سامي خليل قوله إن الحدود ستفتح قريبا.\n"
                   "«سنعيد بناء ما تهدم»، قال كريم ناصر للصحفيين.\n"
                   "أصدرت وزارة الصحة بيانا مساء اليوم. وذكر بيان صادر عن الوزارة أن المستشفيات تعمل.", PEOPLE)
    assert rows(doc) == [("ونُقل عن", "الحدود ستفتح قريبا", "سامي خليل", "indirect"),
                         ("قال", "سنعيد بناء ما تهدم", "كريم ناصر", "direct"),
                         ("وذكر", "المستشفيات تعمل", "وزارة الصحة", "indirect")]


def test_untagged_speaker_names_for_the_entity_stage():
    from rasd.quotes.names import untagged_speaker_names
    doc = make_doc("وقال المتحدث باسم الجمعية رائد العلي إن القوافل وصلت.\n"
                   "وأشادت رئيسة البعثة، سلمى داود، بنزاهة العملية.\n"
                   "وقال يوسف الحمد، مدير المكتب، إن العمل مستمر.\n"
                   "وأكد الدكتور ماهر سعيد أن الوضع صعب.\n"
                   "وقال الجيش الإسرائيلي إن العملية انتهت.\n"
                   "وقال تور وينسلاند منسق الأمم المتحدة إن الهجوم مروع.\n"
                   "كما أكدت إحسان الفارعة، أن ابنها أصيب.", {})
    assert [doc.text[a:b] for a, b, label in untagged_speaker_names(doc)] == [
        "رائد العلي", "سلمى داود", "يوسف الحمد", "ماهر سعيد", "تور وينسلاند", "إحسان الفارعة"]
    # the quotes keep the whole speaker phrase and say why no entity was linked
    q = doc.quotes[0]
    assert doc.text[q.source.start:q.source.end] == "المتحدث باسم الجمعية رائد العلي"
    assert q.speaker is None and q.speaker_reason == "speaker's name is not among the entities"


def test_a_source_between_commas_leaves_what_was_said_around_it():
    names = {"شبكة الأخبار": ("ORG",)}
    doc = make_doc("ودمرت القوات، بحسب ما ذكرته شبكة الأخبار، سيارات البث التابعة للصحفيين.", names)
    # a content holds no cue: the longer side of the sentence
    assert rows(doc) == [("بحسب", "سيارات البث التابعة للصحفيين", "شبكة الأخبار", "indirect")]
    doc = make_doc("وقتل ثلاثة أشخاص في القصف، بحسب شبكة الأخبار.", names)
    assert rows(doc) == [("بحسب", "وقتل ثلاثة أشخاص في القصف", "شبكة الأخبار", "indirect")]


def test_the_secretariat_of_an_organization_speaks_for_it():
    names = {"رابطة المدن العربية": ("ORG",)}
    doc = make_doc("وأكدت الأمانة العامة لرابطة المدن العربية أن الاجتماع سيعقد غدا.", names)
    assert rows(doc) == [("وأكدت", "الاجتماع سيعقد غدا", "رابطة المدن العربية", "indirect")]


def test_an_adverbial_between_commas_after_the_speaker_is_skipped():
    names = {"سامي خليل": ("PER", "خليل"), "عبد الرحيم ابن سالم": ("PER",), "وكالة الأنباء الوطنية": ("ORG",)}
    doc = make_doc("وهنأ خليل، في رسالة بعث بها السبت إلى عبد الرحيم ابن سالم وتوصلت وكالة الأنباء الوطنية "
                   "بنسخة منها، الحكومة على نجاح الانتخابات.", names, times={"السبت": "2016-10-08"})
    assert [r[1:3] for r in rows(doc)] == [("الحكومة على نجاح الانتخابات", "سامي خليل")]


def test_a_request_verb_with_its_addressee_as_a_pronoun_is_a_cue():
    names = {"سامي خليل": ("PER",)}
    doc = make_doc("وأوصى سامي خليل المغردين بتوحيد الوسم. وطالبهم بالكتابة عبر وسم واحد.", names)
    assert [r[:3] for r in rows(doc)][1] == ("وطالبهم", "بالكتابة عبر وسم واحد", "سامي خليل")


def test_an_investor_is_a_role_and_investors_a_group():
    names = {"سامي خليل": ("PER",)}
    doc = make_doc("وأكد المستثمر في قطاع الإسكان سامي خليل أن الأسعار ارتفعت. وأكد مستثمرون أن الطلب تراجع.", names)
    assert [r[2] for r in rows(doc)] == ["سامي خليل", None]


def test_an_unnamed_subject_earlier_in_the_sentence_is_the_speaker():
    names = {"سامي خليل": ("PER",)}
    doc = make_doc("وقال الوزير سامي خليل إن الاتفاق عادل. في المقابل، انتقد نائب في البرلمان الاتفاق، "
                   "واتهم الحكومة بتقديم تنازلات.", names)
    assert [r[2] for r in rows(doc)] == ["سامي خليل", None]


def test_a_title_alone_names_the_person_introduced_with_it():
    names = {"سامي خليل": ("PER",)}
    doc = make_doc("قال الرئيس الفرنسي سامي خليل إن الهدنة صامدة. وحذر الرئيس الفرنسي من أن الوضع قد يتدهور.",
                   names)
    assert [r[2] for r in rows(doc)] == ["سامي خليل", "سامي خليل"]


def test_an_organization_takes_the_gender_of_its_verbs():
    # "جندر كونسورنز" looks masculine, but أكدت منظمة "…": the verbs it takes are feminine
    names = {"جندر كونسورنز": ("ORG",), "سابرا بانو": ("PER",)}
    text = ('أكدت منظمة "جندر كونسورنز" أن الاقتراع نزيه. وأشادت رئيسة البعثة سابرا بانو بالمشاركة. '
            'وأوصت المنظمة بتوسيع المشاركة. كما أوصت برفع نسبة الحضور.')
    assert rows(make_doc(text, names))[-1][2] == "جندر كونسورنز"


def test_a_surname_whose_first_letter_reads_as_a_preposition_is_a_speaker():
    # بانو is ب + انو to the clitic segmenter, but the article writes it inside سابرا بانو
    names = {"سابرا بانو": ("PER", "بانو"), "هدى سالم": ("PER",)}
    doc = make_doc("وقالت سابرا بانو إن الاقتراع نزيه. وقالت هدى سالم إن الفرز تأخر. "
                   "وذكرت بانو أن المشاركة كانت كبيرة.", names)
    assert [r[2] for r in rows(doc)] == ["سابرا بانو", "هدى سالم", "سابرا بانو"]


def test_a_feminine_role_refers_back_to_the_woman_quoted_before():
    names = {"هدى سالم": ("PER",), "كريم ناصر": ("PER",)}
    doc = make_doc("قالت مديرة الصندوق الوطني هدى سالم إن الوضع صعب. وأكدت الوزيرة أن الحكومة ستتدخل.", names)
    assert [r[2] for r in rows(doc)] == ["هدى سالم", "هدى سالم"]
    # a man quoted before with another role is not الوزير
    doc = make_doc("قال مدير الشرطة كريم ناصر إن الوضع صعب. وأكد الوزير أن الحكومة ستتدخل.", names)
    assert [r[2] for r in rows(doc)] == ["كريم ناصر", None]


def test_a_role_with_a_nisba_is_the_person_of_that_country():
    names = {"عادل ناصر": ("PER",), "فرانك شولتز": ("PER",)}
    text = ("وقال وزير الخارجية عادل ناصر إن المملكة ترحب بالزيارة. وأكد وزير خارجية ألمانيا فرانك شولتز أن "
            "بلاده تدعم الحل. وتحدث الوزير الألماني عن مأساة اللاجئين. وقال الوزير السعودي إن الحل سياسي.")
    doc = make_doc(text, names, countries={"فرانك شولتز": "DEU", "عادل ناصر": "SAU"})
    assert [r[2] for r in rows(doc)] == ["عادل ناصر", "فرانك شولتز", "فرانك شولتز", "عادل ناصر"]
    # a minister of a country no one quoted is neither of them
    doc = make_doc(text.replace("الوزير السعودي", "الوزير الفرنسي"), names,
                   countries={"فرانك شولتز": "DEU", "عادل ناصر": "SAU"})
    assert [r[2] for r in rows(doc)][3] is None


@pytest.mark.parametrize("subject", ["الرجل العجوز الجالس أمام بيته", "هيئة حقوق عامة الجمعة،"])
def test_words_before_the_particle_and_an_are_the_subject_not_what_was_said(subject):
    doc = make_doc(f"وحذر {subject} من أن جميع السكان يتعرضون لقصف متواصل.", {})
    assert [r[1] for r in rows(doc)] == ["جميع السكان يتعرضون لقصف متواصل"]


def test_a_name_and_a_setting_between_commas_before_an_are_not_what_was_said():
    text = ("أكد رئيس البعثة المكلفة بملاحظة الانتخابات، يانيس ليدلر، اليوم السبت بالرباط، أن أعضاء البعثة "
            "لم يشهدوا أي خرق. "
            "وأكدت رئيسة اللجنة المكلفة بملاحظة الانتخابات، سلمى عواد، أن الاقتراع نزيه.")
    doc = make_doc(text, {"سلمى عواد": ("PER",)})
    assert [r[1] for r in rows(doc)] == ["أعضاء البعثة لم يشهدوا أي خرق", "الاقتراع نزيه"]
    assert [r[2] for r in rows(doc)][1] == "سلمى عواد"


def test_a_word_with_a_preposition_after_a_role_is_no_name():
    from rasd.quotes.names import untagged_speaker_names
    doc = make_doc("أكد رئيس اللجنة المكلفة بملاحظة الانتخابات، في بيان اليوم، أن الاقتراع نزيه.", {})
    assert untagged_speaker_names(doc) == []


@pytest.mark.parametrize("text, content", [
    ("وأعلنت كتائب ناصر، الجناح العسكري للحركة، عن مقتل رهينة.", "مقتل رهينة"),
    ("وكشف الطبيب في مقابلة أجريت في 17 فبراير، عن معاناة كبيرة في المستشفى.", "معاناة كبيرة في المستشفى"),
    ("حث الوزير كريم ناصر نظيره الأمريكي، على الضغط على الحكومة.", "الضغط على الحكومة"),
    ("وحث الوزير كريم ناصر نظيره الأمريكي، على الضغط على الحكومة.", "الضغط على الحكومة"),   # وحث: a cue too
    ("وأعلن الجيش مقتل جنديين، من بينهم ضابط.", "مقتل جنديين، من بينهم ضابط"),
])
def test_the_cue_particle_after_a_comma_opens_what_was_said(text, content):
    doc = make_doc(text, {"كتائب ناصر": ("ORG",), "كريم ناصر": ("PER",)})
    assert [r[1] for r in rows(doc)] == [content]


@pytest.mark.parametrize("text, content", [
    ("ودانت المملكة بأشد العبارات الهجوم الذي استهدف المسجد.", "الهجوم الذي استهدف المسجد"),
    ("وأدانت المملكة بشدة الهجوم على المسجد.", "الهجوم على المسجد"),
    ("وأكدت المملكة مجددا رفضها للقرار.", "رفضها للقرار"),
])
def test_an_adverbial_of_manner_is_not_what_was_said(text, content):
    doc = make_doc(text, {"المملكة": ("LOC",)})
    assert [(r[1], r[2]) for r in rows(doc)] == [(content, "المملكة")]


def test_a_crown_prince_and_a_monarch_are_roles():
    names = {"سامي حسن": ("PER",), "كريم ناصر": ("PER",)}
    doc = make_doc("وقال ولي العهد السعودي الأمير سامي حسن إن المملكة تدعم السلام. وأكد العاهل الأردني الملك "
                   "كريم ناصر أن الأردن يرفض التهجير.", names)
    assert [(r[1], r[2]) for r in rows(doc)] == [("المملكة تدعم السلام", "سامي حسن"),
                                                 ("الأردن يرفض التهجير", "كريم ناصر")]


def test_a_second_person_after_the_speaker_of_a_noun_taking_verb_is_its_object():
    names = {"سامي حسن": ("PER",), "كريم ناصر": ("PER",)}
    doc = make_doc("وهنأ ولي العهد الأمير سامي حسن الرئيس الأمريكي كريم ناصر بفوزه في الانتخابات.", names)
    assert rows(doc)[0][2] == "سامي حسن" and rows(doc)[0][1].startswith("الرئيس الأمريكي كريم ناصر")
    # a role after the speaker with no name after it is his own
    doc = make_doc("وأكد الأمير سامي حسن ولي العهد دعم المملكة للسلام.", names)
    assert [(r[1], r[2]) for r in rows(doc)] == [("دعم المملكة للسلام", "سامي حسن")]


def test_rare_words_after_a_role_before_a_common_word_are_a_foreign_name():
    from rasd.quotes.names import untagged_speaker_names
    from rasd.text.clitics import known
    assert known("زيلبروفسكي") == 0 and known("ديميتار") <= 2
    doc = make_doc("ونفى المتحدث باسم الرئاسة ديميتار زيلبروفسكي وجود أي اتصالات مع المعارضة.", {})
    assert [doc.text[a:b] for a, b, _ in untagged_speaker_names(doc)] == ["ديميتار زيلبروفسكي"]
    assert [r[1] for r in rows(doc)] == ["وجود أي اتصالات مع المعارضة"]


def test_a_conjunct_after_the_speaker_before_an_is_not_what_was_said():
    doc = make_doc("وأكدت هيئة الأرصاد وحماية البيئة أن الأمطار ستستمر حتى الأحد.", {"هيئة الأرصاد": ("ORG",)})
    assert [(r[1], r[2]) for r in rows(doc)] == [("الأمطار ستستمر حتى الأحد", "هيئة الأرصاد")]


@pytest.mark.parametrize("text, content", [
    ("ونفت الحركة ومسؤولو المستشفيات تلك الاتهامات.", "تلك الاتهامات"),
    ("وأدانت الحركة والمملكة الهجوم على السفارة.", "الهجوم على السفارة"),
    ("وأعلنت الحركة وشركة الخطوط السعودية الاتفاق.", "الاتفاق"),
    ("وينفي مسؤولو الصحة والحركة هذا الاتهام.", "هذا الاتهام"),
])
def test_a_second_subject_joined_by_wa_is_not_what_was_said(text, content):
    names = {"الحركة": ("ORG",), "المملكة": ("LOC",), "الخطوط السعودية": ("ORG",)}
    doc = make_doc(text, names)
    assert [r[1] for r in rows(doc)] == [content]
    assert rows(doc)[0][2] == ("الحركة" if text.split()[1] == "الحركة" else None)


@pytest.mark.parametrize("text, cue", [
    ("\"الوضع كارثي ولا يمكن وصفه\"، بهذه الكلمات عبر الطبيب سامي حسن عن الضغط الهائل على المستشفى.", "عبر"),
    ("«لن نتراجع عن مواقفنا أبدا»، بهذه العبارة مازح الطبيب سامي حسن الحضور.", "مازح"),
])
def test_a_quotation_taken_up_by_with_these_words_is_what_was_said(text, cue):
    doc = make_doc(text, {"سامي حسن": ("PER",)})
    got = [r for r in rows(doc) if r[0] == cue]
    assert [(r[1], r[2], r[3]) for r in got] == [(text[1:text.index("،") - 1], "سامي حسن", "direct")]


def test_what_a_continuation_describes_is_no_speaker():
    doc = make_doc("ونفت الحركة الرواية الرسمية، ووصفت الهجوم بأنه جريمة حرب جديدة.", {"الحركة": ("ORG",)})
    assert [(r[1], r[2]) for r in rows(doc)] == [("الرواية الرسمية", "الحركة"),
                                                 ("الهجوم بأنه جريمة حرب جديدة", "الحركة")]


def test_a_stray_comma_after_the_verb_before_the_name():
    doc = make_doc("وقال، سامي حسن، في منشور على إكس، إن الوضع في المدينة كارثي.", {"سامي حسن": ("PER",)})
    assert [(r[1], r[2]) for r in rows(doc)] == [("الوضع في المدينة كارثي", "سامي حسن")]


def test_one_quotation_reported_by_two_cues_is_one_quote():
    doc = make_doc("وأضاف سامي حسن قائلاً: \"نثق في قدرة الحكومة على تقديم المزيد\".", {"سامي حسن": ("PER",)})
    assert [(r[0], r[1], r[2]) for r in rows(doc)] == [("وأضاف", "نثق في قدرة الحكومة على تقديم المزيد", "سامي حسن")]


def test_a_statement_in_the_clause_of_a_time():
    doc = make_doc("يأتي ذلك في وقت أعلنت فيه وزارة الصحة أمس استشهاد رضيعين في المستشفى.", {"وزارة الصحة": ("ORG",)})
    assert [r[:3] for r in rows(doc)] == [("أعلنت", "استشهاد رضيعين في المستشفى", "وزارة الصحة")]
    # a rule that calls for something is no one who speaks
    doc = make_doc("في وقت تدعو فيه اللوائح المعنية إلى مراعاة سهولة الوصول.", {})
    assert rows(doc) == []


def test_a_text_that_ends_after_a_comma_and_a_particle():
    doc = make_doc("وأعلنت كتائب ناصر، الجناح العسكري، عن", {"كتائب ناصر": ("ORG",)})
    assert [r[2] for r in rows(doc)] in ([], ["كتائب ناصر"])          # no error at the text's end


def test_particle_of_the_cue_ends_the_role():
    doc = make_doc("وأعلن المتحدث باسم الوزارة عن الانسحاب الكامل للقوات.\n"
                   "وقال النائب عن الحزب كريم ناصر إن الحكومة ستسقط.", PEOPLE)
    assert rows(doc)[0][1] == "الانسحاب الكامل للقوات"
    assert rows(doc)[1][2] == "كريم ناصر"


@pytest.mark.shared
def test_dev_floors_with_the_full_pipeline(shared, dev_chain_docs):
    """The whole chain (tagger, entities, times, quotes). Measured 0.955 F1, attribution 0.978,
    end-to-end 0.933 (rasd analyze + score.py); the issue asks 0.92 and 0.85 of the last two."""
    from rasd.eval.gold import evaluate_docs, load_gold
    names, docs = dev_chain_docs
    if "mentions" not in names:
        pytest.skip("the NER tagger cannot run in this checkout")
    res = evaluate_docs(load_gold(shared / "gold" / "dev"), docs)
    assert res["quotes"]["f1"] >= 0.955, res["quotes"]
    assert res["quotes_attribution_accuracy"] >= 0.96, res["quotes_attribution_accuracy"]
    assert res["quotes_end_to_end"]["f1"] >= 0.935, res["quotes_end_to_end"]


def test_feminine_noun_after_masculine_verb_is_the_object_not_the_speaker():
    # اتهم (masculine) cannot take الحكومة (feminine) for subject: the speaker is the previous one
    doc = make_doc("وقال النائب سالم حداد إن الاتفاق سيئ. واتهم الحكومة بتقديم تنازلات كبيرة للشركات.",
                   {"سالم حداد": ("PER",)})
    assert rows(doc)[1] == ("واتهم", "الحكومة بتقديم تنازلات كبيرة للشركات", "سالم حداد", "indirect")
    # a feminine verb keeps the noun as its subject
    doc = make_doc("وقال النائب سالم حداد إن الاتفاق سيئ. واتهمت الحكومة المعارضة بإثارة الفوضى.",
                   {"سالم حداد": ("PER",)})
    assert rows(doc)[1][2] != "سالم حداد"


def test_shed_light_on_takes_what_follows_ala():
    doc = make_doc("وسلط الوزير أحمد كريم الضوء على أزمة المياه في المدينة.", {"أحمد كريم": ("PER",)})
    assert [r[1:3] for r in rows(doc)] == [("أزمة المياه في المدينة", "أحمد كريم")]


def test_a_verb_mid_sentence_followed_only_by_adverbials_then_an_opener_reports():
    # the lecture's speaker is named in the long phrase before the verb; من خلالها only says where
    doc = make_doc("ونظم المركز محاضرة للمؤرخ سامي خليل أستاذ تاريخ المنطقة أكد من خلالها أن القضية عادلة.",
                   PEOPLE)
    got = rows(doc)
    assert [r[:2] for r in got] == [("أكد", "القضية عادلة")], got


def test_an_untagged_name_before_a_comma_and_a_role_is_the_speaker_written_before_the_verb():
    from rasd.pipeline import Pipeline
    text = ("وقالت نيوزيلندا إن التصويت مقرر غدا. إلا أن فاسيلي نيبنزيا، سفير روسيا في الأمم المتحدة "
            "قال أمس إن «المسودة لا تعالج ما يهمنا».")
    doc = Pipeline()(Document(text=text, id="t"))
    assert rows(doc)[-1][:3] == ("قال", "المسودة لا تعالج ما يهمنا", "فاسيلي نيبنزيا"), rows(doc)


def test_an_implicit_speaker_with_no_statement_before_is_the_person_the_paragraph_names_last():
    doc = make_doc("فترة الدراسة بالنسبة لكريم ناصر كانت فترة تألقه. ويقول إن الفن حياته.", PEOPLE)
    assert rows(doc)[-1][:3] == ("ويقول", "الفن حياته", "كريم ناصر"), rows(doc)
    # a feminine verb does not continue a man
    doc = make_doc("وكانت الدراسة بالنسبة لكريم ناصر فترة تألق. وتقول إن الفن حياة.", PEOPLE)
    assert rows(doc)[-1][2] is None, rows(doc)


def test_a_consequence_the_narrator_draws_is_not_what_a_verb_reports():
    doc = make_doc("ونشرت الصحيفة خبرا، وذكر فيه بعض المعلومات الخاطئة، وعليه فإن وزارة الصحة توضح الآلية.", PEOPLE)
    assert not [r for r in rows(doc) if r[0] == "وذكر"], rows(doc)


def test_an_unknown_word_between_a_verb_of_saying_and_its_complementizer_is_the_speakers_name():
    from rasd.pipeline import Pipeline
    doc = Pipeline()(Document(text="وقالت مسويا إن الأخبار المروعة تكشف الأهوال. وأكدت مسويا على ضرورة وقف القصف."))
    got = rows(doc)
    assert [(r[1], r[2]) for r in got] == [("الأخبار المروعة تكشف الأهوال", "مسويا"), ("ضرورة وقف القصف", "مسويا")]
    # a word the lexicon knows (مصدر) is no name
    doc = Pipeline()(Document(text="وقال مصدر إن الوضع خطير."))
    assert [e.label for e in doc.entities] == []


def test_a_name_after_a_role_closed_by_the_cues_particle_is_the_speaker():
    # حذر … من: the role's complement may hold a genitive pair (في قطاع الإسكان), the name then من
    from rasd.pipeline import Pipeline
    doc = Pipeline()(Document(text="حذر رئيس جمعية المستثمرين في قطاع الإسكان كمال عواملة من استمرار عرقلة نشاط القطاع."))
    assert [(r[1], r[2]) for r in rows(doc)] == [("استمرار عرقلة نشاط القطاع", "كمال عواملة")]


def test_a_plural_noun_after_a_definite_unnamed_source_is_what_it_described():
    doc = make_doc("ووصف أحد المصادر المعلومات بأنها أولية.", PEOPLE)
    assert [r[1] for r in rows(doc)] == ["المعلومات بأنها أولية"]
    doc = make_doc("وقالت المصادر المطلعة إن الاجتماع تأجل.", PEOPLE)     # an adjective stays in the phrase
    assert [r[1] for r in rows(doc)] == ["الاجتماع تأجل"]


def test_a_report_inside_what_was_said_is_part_of_it():
    doc = make_doc("وقال سامي خليل إن التحقيقات كشفت أن الطائرة كانت على ارتفاع منخفض، "
                   "وتحدث عن الضحايا وأعرب عن أمله في نتائج سريعة.", PEOPLE)
    got = rows(doc)
    assert got[0][:3] == ("وقال", "التحقيقات كشفت أن الطائرة كانت على ارتفاع منخفض", "سامي خليل"), got
    assert [r[0] for r in got] == ["وقال", "وتحدث عن", "وأعرب عن"], got    # (joined by و: his next words)


def test_a_relative_clause_after_the_speaker_keeps_its_own_that():
    doc = make_doc("وقال سامي خليل، الذي سبق له أن زار المدينة، إن الهدنة صامدة.", PEOPLE)
    assert rows(doc) == [("وقال", "الهدنة صامدة", "سامي خليل", "indirect")], rows(doc)


def test_a_statement_in_a_relative_clause_inside_what_was_said_does_not_cut_it():
    names = dict(PEOPLE, **{"الجيش": ("ORG",)})
    doc = make_doc("وقال سامي خليل إن الجيش، الذي أكد أن الهدنة صامدة، انسحب من المدينة.", names)
    got = rows(doc)
    assert got[0][:3] == ("وقال", "الجيش، الذي أكد أن الهدنة صامدة، انسحب من المدينة", "سامي خليل"), got
    assert ("أكد", "الهدنة صامدة", "الجيش", "indirect") in got, got       # the army's own words
