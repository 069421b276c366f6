"""The times stage: detection and resolution of Arabic time expressions."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document, Meta
from rasd.pipeline import Pipeline
from rasd.stages.times import TimeStage, page_date
from rasd.text.normalize import normalize
from rasd.text.timeres import resolve_times

PUB = "2021-08-10"     # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["sentences", "tokens", "times"])


def times(nlp, text, published=PUB, **stage):
    if stage:
        nlp = Pipeline(["sentences", "tokens", TimeStage(**stage)])
    doc = nlp(Document(text, meta=Meta(published=published)))
    return [(doc.text[t.start:t.end], t.value) for t in doc.times], doc


def one(nlp, text, published=PUB):
    found, _ = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, span, value", [
    # absolute dates, every month-name system, double forms, Arabic-Indic digits
    ("وصل الوفد في 10 اغسطس 2021 إلى بغداد.", "10 اغسطس 2021", "2021-08-10"),
    ("عقد الاجتماع الثلاثاء 10 أغسطس 2021 في القاهرة.", "الثلاثاء 10 أغسطس 2021", "2021-08-10"),
    ("بدأت الحرب في 5 حزيران 1967 على عدة جبهات.", "5 حزيران 1967", "1967-06-05"),
    ("وقع الاتفاق في 3 كانون الثاني 2020 في دمشق.", "3 كانون الثاني 2020", "2020-01-03"),
    ("انطلقت المسيرة يوم 12 جانفي 2019 في العاصمة.", "يوم 12 جانفي 2019", "2019-01-12"),
    ("أجريت الانتخابات في 7 أكتوبر/ تشرين الأول 2016 في المغرب.", "7 أكتوبر/ تشرين الأول 2016", "2016-10-07"),
    ("أعلن في 14 آب/أغسطس 2020 عن الخطة.", "14 آب/أغسطس 2020", "2020-08-14"),
    ("جرت الحادثة في ١٥ آب ٢٠٢٠ قرب المطار.", "١٥ آب ٢٠٢٠", "2020-08-15"),
    ("تسلم منصبه في 20 غشت 2018 خلفا لسلفه.", "20 غشت 2018", "2018-08-20"),
    ("وصل الرئيس في السابع من أكتوبر 2023 إلى المدينة.", "السابع من أكتوبر 2023", "2023-10-07"),
    ("سقطت الطائرة في يوليو (تموز) 2014 فوق البلاد.", "يوليو (تموز) 2014", "2014-07"),
    # numeric and Hijri dates
    ("صدر القرار بتاريخ 10/8/2021 عن الوزارة.", "10/8/2021", "2021-08-10"),
    ("نشر التقرير في 2021-08-10 على الموقع.", "2021-08-10", "2021-08-10"),
    ("يبدأ التسجيل في 25 شوال 1436 هـ في جميع الفروع.", "25 شوال 1436 هـ", "2015-08-10"),
    ("افتتح المعرض في 15 رمضان 1442 هـ بحضور الوزير.", "15 رمضان 1442 هـ", "2021-04-27"),
    ("يستمر العمل حتى 5 /10 /1436هـ في المسلخ.", "5 /10 /1436هـ", "2015-07-21"),
    # years
    ("شارك المنتخب في البطولة عام 2014 للمرة الأولى.", "عام 2014", "2014"),
    ("تأسست الشركة في العام 1925م على يد رجل أعمال.", "العام 1925م", "1925"),
    ("تضاعف العدد بين عامي 2014 و2017 في المدينة.", "بين عامي 2014 و2017", "2014"),
    ("تأسست الجمعية سنة 1436 هـ في الرياض.", "سنة 1436 هـ", "2015"),
    # relative days
    ("وقال الوزير أمس إن المحادثات مستمرة.", "أمس", "2021-08-09"),
    ("وصل الوفد اليوم إلى العاصمة.", "اليوم", "2021-08-10"),
    ("قال المتحدث أول من أمس الأحد إن الاتفاق صامد.", "أول من أمس الأحد", "2021-08-08"),
    ("وكان قد صرح أول أمس بأن الموعد قريب.", "أول أمس", "2021-08-08"),
    ("يصل الوفد غدا إلى بيروت.", "غدا", "2021-08-11"),
    ("تبدأ الجولة بعد غد في عمّان.", "بعد غد", "2021-08-12"),
    ("وأعلنت الوزارة مساء أمس عن إجراءات جديدة.", "مساء أمس", "2021-08-09"),
    ("تقام الأمسية الليلة في المسرح الوطني.", "الليلة", "2021-08-10"),
    # weekdays
    ("وقع الهجوم السبت الماضي على الحدود.", "السبت الماضي", "2021-08-07"),
    ("أعلن الجيش مساء الاثنين عن انسحاب القوات.", "مساء الاثنين", "2021-08-09"),
    ("التقى الرئيس نظيره يوم الأحد في القصر.", "يوم الأحد", "2021-08-08"),
    ("يعقد المجلس جلسة طارئة يوم الخميس المقبل.", "يوم الخميس المقبل", "2021-08-12"),
    ("سيصوت البرلمان يوم الخميس على مشروع القانون.", "يوم الخميس", "2021-08-12"),
    # weeks, months, years relative to publication
    ("ارتفعت الأسعار الشهر الماضي بنسبة كبيرة.", "الشهر الماضي", "2021-07"),
    ("تعقد القمة الشهر المقبل في الرياض.", "الشهر المقبل", "2021-09"),
    ("انخفضت الصادرات العام الماضي إلى النصف.", "العام الماضي", "2020"),
    ("تنتهي الأشغال قبل نهاية العام الحالي وفق الخطة.", "قبل نهاية العام الحالي", "2021"),
    ("نما الاقتصاد هذا العام بوتيرة أسرع.", "هذا العام", "2021"),
    ("تراجع الإنتاج في مطلع الشهر الجاري بسبب الأعطال.", "مطلع الشهر الجاري", "2021-08"),
    ("جرت الانتخابات في أبريل الماضي وسط إقبال ضعيف.", "أبريل الماضي", "2021-04"),
    ("تنطلق البطولة في 20 أغسطس الحالي بمشاركة عشرة فرق.", "20 أغسطس الحالي", "2021-08-20"),
    ("يصل الوزير في الخامس من سبتمبر المقبل إلى الجزائر.", "الخامس من سبتمبر المقبل", "2021-09-05"),
    # قبل/منذ/بعد N
    ("اقتحم الجيش المستشفى قبل يومين وسط إطلاق نار.", "قبل يومين", "2021-08-08"),
    ("اعتقل الناشط منذ ثلاثة أيام دون تهمة.", "منذ ثلاثة أيام", "2021-08-07"),
    ("ظهر لأول مرة قبل نحو الأربع سنوات في مهرجان محلي.", "قبل نحو الأربع سنوات", "2017"),
    ("وقعت الاتفاقية قبل 3 أسابيع في جنيف.", "قبل 3 أسابيع", "2021-07-20"),
    ("تولى المنصب قبل عام في ظروف صعبة.", "قبل عام", "2020"),
    ("يعود الوفد بعد أسبوع إلى القاهرة.", "بعد أسبوع", "2021-08-17"),
    # Hijri month names alone
    ("استعد الفريق قبل شهر رمضان بمعسكر في الطائف.", "شهر رمضان", "2021-04"),
    ("عرض المسلسل في رمضان 2020 على عدة قنوات.", "رمضان 2020", "2020-04"),
    # a day of this, the last or the next month; a weekday with الموافق; Hijri year first
    ("تنطلق الدورة في 20 الجاري بمشاركة واسعة.", "20 الجاري", "2021-08-20"),
    ("يعقد المؤتمر في العاشر من الشهر المقبل في تونس.", "العاشر من الشهر المقبل", "2021-09-10"),
    ("يقام الحفل يوم الخميس الموافق 12 أغسطس 2021 في الرياض.", "يوم الخميس الموافق 12 أغسطس 2021", "2021-08-12"),
    ("صدر القرار بتاريخ 1436/10/25هـ عن الوزارة.", "1436/10/25هـ", "2015-08-10"),
    ("التقى الوزير نظيره الخميس قبل الماضي في باريس.", "الخميس قبل الماضي", "2021-07-29"),
    ("ذكرت الوكالة أن الاجتماع سيعقد الأحد في جنيف.", "الأحد", "2021-08-15"),
    ("قال الوزير إن القوات ستنسحب، وأعلن الأحد عن الخطة.", "الأحد", "2021-08-08"),
    ("يواصل الجيش عملياته منذ الأحد في المدينة.", "الأحد", "2021-08-08"),
    ("يصادف اليوم الذكرى العاشرة لرحيله.", "اليوم", "2021-08-10"),
    # a date after publication, in a sentence telling of what happened on it: the year before
    ("كانوا جزءا من الهجوم الذي وقع في 7 أكتوبر/تشرين الأول.", "7 أكتوبر/تشرين الأول", "2020-10-07"),
    ("أعلن الوزير أن الاجتماع في 7 أكتوبر.", "7 أكتوبر", "2021-10-07"),
])
def test_expression(nlp, text, span, value):
    assert one(nlp, text) == (span, value)


@pytest.mark.parametrize("text", [
    "قال الأمين العام الحالي للمنظمة إن الوضع خطير.",   # العام = general
    "يحتاج السكان إلى المساعدات في أمس الحاجة إليها.",   # أمس = most
    "يشهد اليوم الأول من المؤتمر جلسات مفتوحة.",         # the first day
    "احتفلت المدارس باليوم العالمي للمعلم.",             # a named day
    "قال مراسل صحيفة «اليوم» إن الحريق أخمد.",            # a newspaper
    "يمارس الشباب الرياضة في الحدائق العامة.",           # يمارس / مارس
    "أمضى في السجن ثلاث سنوات قبل أن يفرج عنه.",         # a duration
    "غادر الوفد قبل أيام إلى جنيف.",                     # vague
    "وصل عدد المتطوعين إلى 1500 شخصا في المدينة.",       # a count
    "أدى المصلون صلاة الجمعة في المسجد الكبير.",         # a weekly prayer
    "اعتقل منذ ثلاثة أعوام دون محاكمة.",                 # a duration since
    "قال رمضان عبد الله إن الحوار مستمر.",              # a name, not the month
    "يزداد الوضع سوءا يوما بعد يوم في المدينة.",         # day after day
    "ولدت الفنانة في مثل هذا اليوم قبل قرن.",            # an anniversary
    "تصرف الحوافز في ٣٠ رجب من كل عام.",                # a yearly date
    "وصلت الخرطوم بعد سبع سنوات من الانتظار.",          # after another event
])
def test_not_a_time(nlp, text):
    found, _ = times(nlp, text)
    assert found == []


def test_weeks_only_on_request(nlp):
    text = "وفي وقت سابق من هذا الأسبوع، أكد التحالف انسحاب قواته، وستعقد جولة الأسبوع المقبل."
    assert times(nlp, text)[0] == []
    found, doc = times(nlp, text, weeks=True)
    assert found == [("في وقت سابق من هذا الأسبوع", "2021-W32"), ("الأسبوع المقبل", "2021-W33")]
    assert [t.grain for t in doc.times] == ["week", "week"]


def test_record_fields(nlp):
    _, doc = times(nlp, "قال أمس الثلاثاء إن العمل استؤنف في 3 مارس 2020 بعد توقف.")
    first, second = doc.times
    assert first.id == "t1" and second.id == "t2"
    # 2021-08-09 is a Monday: the named weekday wins and the note says so
    assert first.value == "2021-08-03" and first.grain == "day"
    assert first.anchor == "published:2021-08-10" and "الثلاثاء" in first.note
    assert second.value == "2020-03-03" and second.anchor == "absolute" and second.note is None


def test_weekday_disagreeing_with_date_is_noted(nlp):
    _, doc = times(nlp, "عقد الاجتماع يوم الأربعاء 10 أغسطس 2021 في المقر.")
    (t,) = doc.times
    assert t.value == "2021-08-10" and "الأربعاء" in t.note


def test_hijri_calendar_and_anaphora(nlp):
    _, doc = times(nlp, "بدأ الهجوم في الخامس من أكتوبر الجاري، وفي اليوم التالي توسعت العمليات.")
    a, b = doc.times
    assert a.value == "2021-10-05" or a.value == "2021-08-05"
    assert b.value == (dt.date.fromisoformat(a.value) + dt.timedelta(days=1)).isoformat()
    assert b.anchor == "t1"
    _, doc = times(nlp, "يبدأ الدوام في 1 محرم 1443 هـ.")
    assert doc.times[0].calendar == "hijri" and doc.times[0].value == "2021-08-09"


def test_no_publication_date_keeps_spans(nlp):
    found, doc = times(nlp, "قال الوزير أمس إن الشهر الماضي شهد تحسنا منذ عام 2014.", published=None)
    assert found == [("أمس", None), ("الشهر الماضي", None), ("عام 2014", "2014")]
    assert doc.meta.published is None


def test_publication_date_from_the_page(nlp):
    text = "عنوان الخبر\n\nنشر في: 10 أغسطس 2021 - 14:05\n\nقال الوزير أمس إن العمل مستمر."
    found, doc = times(nlp, text, published=None)
    assert doc.meta.published == "2021-08-10" and doc.meta.published_source == "page"
    assert ("أمس", "2021-08-09") in found
    # a date given by the input is never replaced
    _, doc = times(nlp, text, published="2021-08-12")
    assert doc.meta.published == "2021-08-12" and doc.meta.published_source is None


@pytest.mark.parametrize("page, expected", [
    ("الجيش يعلن انسحابا\n\n10 اغسطس 2021\nقال المتحدث إن القوات غادرت.", "2021-08-10"),
    ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nأعلن المعهد البرنامج.", "2015-08-10"),
    ("عنوان\n\n19 أكتوبر/ تشرين الأول 2024 آخر تحديث 20 أكتوبر/ تشرين الأول 2024\n\nنص.", "2024-10-20"),
    ("عنوان\nقال الوزير إن الاتفاق سيوقع في 10 أغسطس 2021 بعد مفاوضات طويلة وشاقة بين الطرفين في جنيف.", None),
])
def test_page_date(page, expected):
    assert page_date(Document(page)) == expected


# ---------------------------------------------------------------------------------------------
# properties

ARABIC = st.lists(st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى0123456789/-.،«»\n")
                                  + ["أمس ", "اليوم ", "الماضي ", "عام ", "2021 ", "أغسطس ", "قبل ", "يومين ",
                                     "الأحد ", "رمضان ", "هـ ", "نهاية ", "شوال 1436 ", "30/2/", "التالي "]),
                  max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(ARABIC, st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31)) | st.none())
def test_resolution_never_crashes(text, anchor):
    for r in resolve_times(normalize(text, "match"), anchor):
        assert r.start < r.end
        assert r.value is None or r.value[:4].isdigit()


DAYS = {"السبت": 6, "الأحد": 7, "الاثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الخميس": 4, "الجمعة": 5}


def _value(text: str, anchor: dt.date) -> str | None:
    (r,) = resolve_times(normalize(text, "match"), anchor)
    return r.value


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 31)), st.sampled_from(sorted(DAYS)))
def test_relative_expressions_are_consistent_across_anchors(anchor, day):
    assert _value("قال أمس", anchor) == (anchor - dt.timedelta(days=1)).isoformat()
    assert _value("قال أول من أمس", anchor) == (anchor - dt.timedelta(days=2)).isoformat()
    assert _value("يصل غدا", anchor) == (anchor + dt.timedelta(days=1)).isoformat()
    past = dt.date.fromisoformat(_value(f"وقع {day} الماضي", anchor))
    assert past.isoweekday() == DAYS[day] and 1 <= (anchor - past).days <= 7
    nxt = dt.date.fromisoformat(_value(f"يقع {day} المقبل", anchor))
    assert nxt.isoweekday() == DAYS[day] and 1 <= (nxt - anchor).days <= 7
    bare = dt.date.fromisoformat(_value(f"وقع الحادث {day} في المدينة", anchor))
    assert bare.isoweekday() == DAYS[day] and 0 <= (anchor - bare).days <= 6
    month = _value("ارتفع الشهر الماضي", anchor)
    assert month == (anchor.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    assert _value("تراجع العام المقبل", anchor) == str(anchor.year + 1)


# ---------------------------------------------------------------------------------------------
# gold (../shared)

SEED_EXPECTED = {"السبت الماضي": "2021-08-07", "أول من أمس الأحد": "2021-08-08",
                 "مساء الاثنين": "2021-08-09", "الشهر الماضي": "2021-07", "10 اغسطس 2021": "2021-08-10"}


def _dev_docs(shared):
    from rasd.api import analyze_path
    nlp = Pipeline(["sentences", "tokens", "times"])
    return {d.id: d for d in analyze_path(shared / "gold" / "dev" / "input.jsonl", pipeline=nlp)}


@pytest.mark.shared
def test_seed_acceptance(shared):
    seed = _dev_docs(shared)["seed"]
    assert seed.meta.published == "2021-08-10"
    got = {seed.text[t.start:t.end]: t.value for t in seed.times}
    for text, value in SEED_EXPECTED.items():
        assert got.get(text) == value, (text, got)


@pytest.mark.shared
def test_eval_agrees_with_score_py_and_floor(shared, tmp_path):
    from rasd.eval.gold import evaluate
    docs = _dev_docs(shared)
    out = tmp_path / "dev.jsonl"
    out.write_text("\n".join(d.to_json() for d in docs.values()) + "\n", encoding="utf-8")
    gold = shared / "gold" / "dev"
    ours = evaluate(gold, out)
    ref = json.loads(subprocess.run([sys.executable, str(shared / "gold" / "score.py"), str(gold), str(out),
                                     "--json"], capture_output=True, text=True, check=True).stdout)
    assert ours == ref
    # measured 0.993 end-to-end when written; the issue asks for at least 0.85
    assert ours["times_end_to_end"]["f1"] >= 0.95
    assert ours["times"]["f1"] >= 0.97
