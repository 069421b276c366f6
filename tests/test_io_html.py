"""HTML pages and WARC archives: body without page furniture, title, dates, caption; failures."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from rasd.errors import FormatError, RasdError
from rasd.io.html import page_dates, read_html
from rasd.io.readers import read_path
from rasd.io.warc import iter_warc

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "corpus" / "yemen-prisoners.html"

BODY = ("<p>أعلنت وزارة الخارجية، اليوم الثلاثاء، أن الوزير سيزور العاصمة الأردنية الأسبوع المقبل "
        "لبحث العلاقات الثنائية وملفات المنطقة.</p><p>وقال المتحدث باسم الوزارة إن الزيارة "
        "\"تأتي في إطار التنسيق المستمر بين البلدين\"، مضيفا أن جدول الأعمال يشمل التجارة والطاقة.</p>")


def _page(head: str = "", date_div: str = "", body: str = BODY) -> bytes:
    return (f"<html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>زيارة مرتقبة</title>{head}"
            f"</head><body><nav><a href='/'>الرئيسية</a> <a href='/a'>محليات</a></nav><article>"
            f"<h1>زيارة مرتقبة</h1>{date_div}{body}</article>"
            f"<aside class='related'><h3>اقرأ أيضا</h3><ul><li><a href='/1'>خبر قديم عن الطقس</a></li>"
            f"</ul></aside><footer>جميع الحقوق محفوظة</footer></body></html>").encode("utf-8")


def test_example_page():
    doc = read_html(PAGE.read_bytes(), str(PAGE))
    assert doc.id == "yemen-prisoners"
    assert doc.meta.title == "اليمن: اتفاق على تبادل الأسرى برعاية الأمم المتحدة"
    assert doc.meta.published == "2021-04-12" and doc.meta.published_source == "page"
    assert doc.meta.caption == "وفدا التفاوض في جنيف قبل توقيع الاتفاق"
    assert doc.meta.url == "https://example.org/news/yemen-prisoners"
    assert doc.meta.outlet == "نشرة رصد التجريبية"
    kinds = [s.kind for s in doc.sections]
    assert kinds[:2] == ["title", "caption"] and kinds.count("body") == 4
    for furniture in ("الرئيسية", "أخبار ذات صلة", "ميناء الحديدة", "جميع الحقوق", "اتصل بنا"):
        assert furniture not in doc.text
    assert "مارتن كلارك" in doc.text
    for s in doc.sections:                       # sections index the text
        assert doc.text[s.start:s.end].strip() == doc.text[s.start:s.end]


def test_levantine_month_date_is_read_by_rasd_not_guessed():
    doc = read_html(_page(date_div="<div class='post-date'>الثلاثاء 10 آب 2021</div>"), "p.html")
    assert doc.meta.published == "2021-08-10"
    assert "اقرأ أيضا" not in doc.text and "خبر قديم" not in doc.text


def test_markup_date_wins_over_page_text():
    head = "<meta property='article:published_time' content='2020-06-03T10:00:00+04:00'>"
    doc = read_html(_page(head=head, date_div="<div class='date'>الثلاثاء 10 آب 2021</div>"), "p.html")
    assert doc.meta.published == "2020-06-03"


def test_no_date_is_none():
    assert read_html(_page(), "p.html").meta.published is None


def test_page_dates_prefer_the_article():
    import lxml.html
    tree = lxml.html.fromstring("<html><body><div class='header-date'>1 يناير 2024</div>"
                                "<span class='post-meta-date'>5 آذار 2023</span></body></html>")
    assert page_dates(tree) == ["5 آذار 2023"]


@pytest.mark.parametrize("data", [
    b"<html><body><nav><a href='/'>\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8a\xd8\xa9</a></nav></body></html>",
    b"<html><head><title>x</title></head><body></body></html>",
])
def test_html_with_no_article(data):
    with pytest.raises(FormatError, match="no article"):
        read_html(data, "empty.html")


def test_html_gz_is_read(tmp_path):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(PAGE.read_bytes()))
    (doc,) = list(read_path(p))
    assert not isinstance(doc, RasdError), doc
    assert doc.meta.title.startswith("اليمن")


def _warc(path: Path, pages: list[tuple[str, bytes]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, payload in pages:
            ctype = "text/html; charset=utf-8" if url.endswith(".html") else "image/png"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


@pytest.mark.parametrize("gz", [True, False])
def test_warc(tmp_path, gz):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _warc(path, [("https://example.org/yemen.html", PAGE.read_bytes()),
                 ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n...."),
                 ("https://example.org/visit.html", _page()),
                 ("https://example.org/menu.html", b"<html><body><nav>x</nav></body></html>")], gz)
    items = list(read_path(path))
    docs = [x for x in items if not isinstance(x, RasdError)]
    errors = [x for x in items if isinstance(x, RasdError)]
    assert [d.id for d in docs] == ["https://example.org/yemen.html", "https://example.org/visit.html"]
    assert docs[0].meta.source.startswith(str(path) + "@")
    assert len(errors) == 1 and "no article" in errors[0].message


def test_truncated_warc_is_a_failure_after_the_pages_before_it(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _warc(path, [("https://example.org/1.html", PAGE.read_bytes()),
                 ("https://example.org/2.html", _page(body=BODY * 40))], True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 600])
    items = list(iter_warc(path))
    assert not isinstance(items[0], RasdError)
    assert isinstance(items[-1], FormatError) and "broken WARC" in items[-1].message


@pytest.mark.shared
def test_shared_raw_pages_title_date_body(shared):
    folder = shared / "corpus" / "html"
    index = {r["id"]: r for r in map(json.loads, (folder / "index.jsonl").read_text(encoding="utf-8").splitlines())}
    checked = 0
    for page in sorted(folder.glob("*.html")):
        gold = index[page.stem]
        doc = read_html(page.read_bytes(), str(page))
        assert doc.meta.title == gold["title"], page.name
        if gold["note"].startswith("gold publication date"):
            assert doc.meta.published == gold["date"], page.name
            checked += 1
        assert len(doc.text) > 300
        for furniture in ("اقرأ أيضا", "اقرأ أيضاً", "الأكثر قراءة", "أخبار ذات صلة", "جميع الحقوق محفوظة"):
            assert furniture not in doc.text, (page.name, furniture)
    assert checked == 6
