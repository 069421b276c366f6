import gzip
import json

from rasd.errors import RasdError
from rasd.io.readers import read_path
from rasd.model import Document

ARTICLE = "قال رئيس البلدية إن أعمال الصيانة ستنتهي قبل نهاية الشهر الجاري.\nوأضاف أن الطرق ستفتح تباعا."


def run(path, **kw):
    return list(read_path(path, **kw))


def test_jsonl_streams_records_and_reports_bad_lines(tmp_path):
    f = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "x1", "title": "عنوان", "published": "2024-03-12", "text": ARTICLE,
                         "outlet": "صحيفة", "lang": "ar"}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "x2", "text": ""}),
             json.dumps({"id": "x3", "published": "2024-03-12T10:00:00Z", "text": ARTICLE}, ensure_ascii=False)]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run(f)
    assert [type(i).__name__ for i in items] == ["Document", "FormatError", "FormatError", "Document"]
    doc = items[0]
    assert doc.id == "x1" and doc.meta.published == "2024-03-12" and doc.meta.outlet == "صحيفة"
    assert doc.meta.extra == {"lang": "ar"} and doc.text.startswith("عنوان\n\n")
    assert f"{f}:2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert items[3].meta.published == "2024-03-12"


def test_folder_with_mixed_files(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    with gzip.open(tmp_path / "more.jsonl.gz", "wt", encoding="utf-8") as g:
        g.write(json.dumps({"id": "g1", "text": ARTICLE}, ensure_ascii=False) + "\n")
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:20])
    items = run(tmp_path) + run(tmp_path / "image.png")   # folders skip unknown extensions
    by_source = {}
    for i in items:
        key = i.meta.source if isinstance(i, Document) else i.path
        by_source[key.split("/")[-1]] = i
    assert isinstance(by_source["good.txt"], Document)
    assert by_source["legacy.txt"].text.startswith("قال رئيس البلدية")
    assert by_source["empty.txt"].code == "R101"
    assert by_source["image.png"].code == "R102"
    assert by_source["broken.txt.gz"].code == "R105"
    assert "notes.md" not in by_source and len(items) == 6
    assert any(isinstance(i, Document) and i.id == "g1" for i in items)


def test_published_override_and_missing_path(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (doc,) = run(f, published="2020-01-02")
    assert doc.meta.published == "2020-01-02" and doc.meta.published_source == "option"
    (err,) = run(tmp_path / "nope.txt")
    assert isinstance(err, RasdError) and err.code == "R106"


def test_too_large_text_file_is_refused(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.write(("كلمة " * 2_000_000).encode())
    (err,) = run(f)
    assert err.code == "R104" and "MB" in str(err)
