"""rasd.text.dates: month/weekday/number tables and standalone date parsing."""
from __future__ import annotations

import pytest

from rasd.text.dates import month_of, month_table, number_table, parse_date, unit_table, weekday_table


@pytest.mark.parametrize("text, expected", [
    ("10 اغسطس 2021", ("2021-08-10", "day")),
    ("الثلاثاء 10 أغسطس 2021", ("2021-08-10", "day")),
    ("2021-08-10", ("2021-08-10", "day")),
    ("2021/08/10", ("2021-08-10", "day")),
    ("10/8/2021", ("2021-08-10", "day")),
    ("10-08-2021", ("2021-08-10", "day")),
    ("نشر في: 10/8/2021 - 14:05", ("2021-08-10", "day")),
    ("بتاريخ 3 آذار 2019", ("2019-03-03", "day")),
    ("١٠ آب ٢٠٢١", ("2021-08-10", "day")),
    ("10 كانون الثاني 2021", ("2021-01-10", "day")),
    ("1 تشرين الأول 2020", ("2020-10-01", "day")),
    ("10 جانفي 2021", ("2021-01-10", "day")),
    ("12 غشت 2019", ("2019-08-12", "day")),
    ("5 دجنبر 2018", ("2018-12-05", "day")),
    ("20 يوليوز 2017", ("2017-07-20", "day")),
    ("14 جويلية 2022", ("2022-07-14", "day")),
    ("3 أوت 2020", ("2020-08-03", "day")),
    ("السادس من آب/أغسطس 2021", ("2021-08-06", "day")),
    ("الأول من أكتوبر/ تشرين الأول 2022", ("2022-10-01", "day")),
    ("25 شوال 1436 هـ", ("2015-08-10", "day")),
    ("15 رمضان 1442هـ", ("2021-04-27", "day")),
    ("2 محرم 1443 هـ الموافق 10 أغسطس 2021 م", ("2021-08-10", "day")),
    ("آب/أغسطس 2021", ("2021-08", "month")),
    ("حزيران 2014", ("2014-06", "month")),
    ("8/25/2021", ("2021-08-25", "day")),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "كلام عادي بلا تاريخ", "31/2/2021", "2021", "قبل يومين"])
def test_parse_date_none(text):
    assert parse_date(text) is None


def test_every_naming_system_has_twelve_months():
    table = month_table()
    for forms in (["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                   "أكتوبر", "نوفمبر", "ديسمبر"],
                  ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                   "تشرين الأول", "تشرين الثاني", "كانون الأول"],
                  ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
                   "أكتوبر", "نوفمبر", "ديسمبر"],
                  ["محرم", "صفر", "ربيع الأول", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة", "رجب",
                   "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]):
        assert [month_of(f).number for f in forms] == list(range(1, 13))
    assert month_of("اغسطس") == month_of("أغسطس")
    assert month_of("ذي الحجة").calendar == "hijri"
    assert month_of("مارس").bound and not month_of("أكتوبر").bound
    assert len(table) > 60


def test_weekdays_numbers_units():
    days = weekday_table()
    assert days["السبت"] == 6 and days["الاثنين"] == days["الاثنين"] == 1 and days["الاحد"] == 7
    numbers = number_table()
    assert numbers["ثلاثه"] == (3, "cardinal")
    assert numbers["السابع"] == (7, "ordinal") and numbers["سابع"] == (7, "ordinal")
    assert numbers["الحادي والعشرين"] == (21, "ordinal")
    units = unit_table()
    assert units["يومين"] == ("day", 2) and units["ايام"] == ("day", None)
