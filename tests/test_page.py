from rasd.io.page import is_debris, read_page

PAGE = """وزير المالية: الموازنة الجديدة تدعم الاستثمار

وزير المالية: الموازنة الجديدة تدعم الاستثمار

12 مارس 2024
الوزير خلال المؤتمر الصحفي في العاصمة (وكالة الأنباء)
+ الخط -
شارك عبر: فيسبوك تويتر واتساب

قال وزير المالية سامي الراشد، أمس، إن الموازنة الجديدة تخصص مبالغ أكبر لدعم الاستثمار في القطاع الخاص.

وأضاف أن الحكومة ستعلن تفاصيل الخطة خلال الأسبوع المقبل بعد موافقة البرلمان عليها.

الراشد: لا ضرائب جديدة

وأكد الوزير أنه لن تفرض ضرائب جديدة على المواطنين هذا العام رغم ارتفاع العجز.
اقرأ أيضا: تراجع أسعار النفط
جميع الحقوق محفوظة 2024
"""


def test_raw_page_zones():
    doc = read_page(PAGE, doc_id="p")
    kinds = [s.kind for s in doc.sections]
    assert kinds == ["title", "dateline", "caption", "credit", "body", "body", "subheading", "body"]
    assert doc.meta.title == "وزير المالية: الموازنة الجديدة تدعم الاستثمار"
    assert doc.text.count("الموازنة الجديدة تدعم الاستثمار") == 1
    assert doc.meta.credits == ["وكالة الأنباء"]
    assert doc.meta.caption == "الوزير خلال المؤتمر الصحفي في العاصمة"
    assert doc.meta.subheadings == ["الراشد: لا ضرائب جديدة"]
    assert doc.meta.dateline == "12 مارس 2024"
    for junk in ("+ الخط -", "فيسبوك", "اقرأ أيضا", "الحقوق محفوظة"):
        assert junk not in doc.text
    for s in doc.sections:
        piece = doc.text[s.start:s.end]
        assert piece == piece.strip() and piece


def test_known_title_is_not_repeated():
    doc = read_page("عنوان الخبر هنا\n\nنص الخبر الأول طويل بما يكفي ليكون فقرة من فقرات الخبر الكاملة.",
                    title="عنوان الخبر هنا")
    assert doc.text.count("عنوان الخبر هنا") == 1
    assert doc.sections[0].kind == "title"


def test_long_first_line_is_not_a_title():
    body = "قال مسؤول حكومي رفيع اليوم إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين كاملين بسبب الخلافات حول بنود الاتفاق."
    doc = read_page(body + "\nوأضاف أن الوفدين سيلتقيان مجددا.")
    assert doc.meta.title is None and doc.sections[0].kind == "body"


def test_debris():
    assert is_debris("+ الخط -")
    assert is_debris("طباعة")
    assert is_debris("// انتهى //")
    assert not is_debris("قال الوزير إن الخطة جاهزة")


def test_a_place_and_its_agency_in_the_header_is_a_dateline():
    page = ("الاحتلال يقصف مدرسة في خان يونس\n\nغزة - الأناضول\n\n"
            "قتل 15 فلسطينيا على الأقل اليوم في قصف استهدف مدرسة تؤوي نازحين في المدينة.\n")
    doc = read_page(page, doc_id="p")
    assert [s.kind for s in doc.sections] == ["title", "dateline", "body"]
    assert doc.meta.dateline == "غزة - الأناضول"
    # a byline (a writer and an outlet) is no place
    doc = read_page(page.replace("غزة - الأناضول", "سامي حسن - الأناضول"), doc_id="p")
    assert [s.kind for s in doc.sections] == ["title", "body", "body"]
