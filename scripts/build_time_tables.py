"""Build src/rasd/resources/time/months.tsv and weekdays.tsv.

Gregorian month names come from babel's CLDR data for the Arabic locales of each naming system
(Egyptian/Gulf, Levantine/Iraqi, Moroccan, Algerian/Tunisian, Mauritanian); weekday names from
babel's ``ar`` locale; Hijri month names from hijridate. Spelling variants that CLDR does not list
(اغسطس without hamza, يونيه, تشرين أول, ذي الحجة …) are written by hand below.

usage: python scripts/build_time_tables.py
"""
from pathlib import Path

from babel.dates import get_day_names, get_month_names
from hijridate import Hijri

OUT = Path(__file__).resolve().parents[1] / "src/rasd/resources/time"

SYSTEMS = {  # naming system -> CLDR locale
    "egyptian": "ar_EG",
    "levantine": "ar_IQ",
    "moroccan": "ar_MA",
    "algerian": "ar_DZ",
    "mauritanian": "ar_MR",
}

# Hand-written spelling variants, by month number: (form, system).
GREGORIAN_VARIANTS = {
    1: [("كانون ثاني", "levantine"), ("جانفييه", "algerian")],
    2: [("فبرير", "moroccan"), ("فيفرييه", "algerian")],
    3: [("اذار", "levantine")],
    4: [("ابريل", "egyptian"), ("إبريل", "egyptian"), ("أبريل", "egyptian"), ("افريل", "algerian")],
    5: [("ايار", "levantine")],
    6: [("يونيه", "egyptian"), ("يونيوز", "moroccan")],
    7: [("يوليه", "egyptian"), ("جويليه", "algerian")],
    8: [("اغسطس", "egyptian"), ("أغسطس", "egyptian"), ("اغشت", "mauritanian"), ("غشت", "moroccan"),
        ("اوت", "algerian"), ("اب", "levantine")],
    9: [("ايلول", "levantine"), ("سبتمبر", "egyptian"), ("شتنبر", "moroccan")],
    10: [("اكتوبر", "egyptian"), ("أوكتوبر", "egyptian"), ("تشرين أول", "levantine")],
    11: [("نوفمبر", "egyptian"), ("نونبر", "moroccan"), ("تشرين ثاني", "levantine")],
    12: [("دسمبر", "egyptian"), ("دجنبر", "moroccan"), ("دجمبر", "mauritanian"), ("كانون أول", "levantine")],
}

HIJRI_VARIANTS = {
    1: ["المحرم", "محرّم"],
    3: ["ربيع أول"],
    4: ["ربيع الآخر", "ربيع الاخر", "ربيع ثاني"],
    5: ["جمادى الأول", "جمادي الأولى", "جمادى أولى"],
    6: ["جمادى الثانية", "جمادى الثاني", "جمادى الآخر", "جمادي الآخرة", "جمادى الاخرة"],
    11: ["ذي القعدة", "ذو القعده", "ذي القعده"],
    12: ["ذي الحجة", "ذو الحجه", "ذي الحجه"],
}

# Forms that are also common words or names: they count as a month only next to a day number,
# a year, the word شهر or a qualifier such as الماضي.
BOUND = {"مارس", "ماي", "اوت", "أوت", "اب", "آب", "نيسان", "تموز", "شباط", "جوان", "محرم", "المحرم",
         "محرّم", "صفر", "رجب", "شعبان", "رمضان", "شوال", "غشت"}

# Only the forms with the article: without it, أحد, اثنين, جمعة and خميس are ordinary words or names.
WEEKDAY_VARIANTS = {1: ["الإثنين", "الأثنين"], 3: ["الاربعاء"], 7: ["الاحد"]}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    seen = set()

    def add(form, calendar, month, system):
        key = (form, calendar, month)
        if key in seen:
            return
        seen.add(key)
        rows.append((form, calendar, month, system, "bound" if form in BOUND else "free"))

    for system, locale in SYSTEMS.items():
        for month, name in get_month_names("wide", locale=locale).items():
            add(name, "gregorian", month, system)
    for month, forms in GREGORIAN_VARIANTS.items():
        for form, system in forms:
            add(form, "gregorian", month, system)
    for month in range(1, 13):
        add(Hijri(1440, month, 1).month_name("ar"), "hijri", month, "hijri")
        for form in HIJRI_VARIANTS.get(month, []):
            add(form, "hijri", month, "hijri")
    with (OUT / "months.tsv").open("w", encoding="utf-8") as f:
        f.write("# Arabic month names: form, calendar, month number, naming system, free|bound.\n")
        f.write("# Gregorian names from babel CLDR (BSD-3-Clause; locales ar_EG ar_IQ ar_MA ar_DZ ar_MR),\n")
        f.write("# Hijri names from hijridate (MIT); spelling variants hand-written (Apache-2.0, rasd).\n")
        f.write("# 'bound' forms are also ordinary words or names: a month only beside a day, a year,\n")
        f.write("# the word شهر or a qualifier. Built by scripts/build_time_tables.py.\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")

    names = get_day_names("wide", locale="ar")   # babel: 0 = Monday
    with (OUT / "weekdays.tsv").open("w", encoding="utf-8") as f:
        f.write("# Arabic weekday names: form, ISO weekday (1 = Monday … 7 = Sunday).\n")
        f.write("# From babel CLDR (BSD-3-Clause, locale ar) plus hand-written variants (Apache-2.0, rasd).\n")
        f.write("# Built by scripts/build_time_tables.py.\n")
        for i in range(7):
            iso = i + 1
            forms = [names[i]] + [v for v in WEEKDAY_VARIANTS.get(iso, []) if v != names[i]]
            for form in forms:
                f.write(f"{form}\t{iso}\n")
    print(f"{len(rows)} month forms -> {OUT / 'months.tsv'}")


if __name__ == "__main__":
    main()
