"""Issue 2 acceptance on the seed article and the dev input (skipped without ../shared)."""
import json

from rasd.io.readers import read_path
from rasd.pipeline import Pipeline
from rasd.serialize import validate


def test_seed_page(seed_path):
    (doc,) = read_path(seed_path)
    Pipeline(["sentences", "tokens"])(doc)
    title = "الجيش العراقي: الحوار مع واشنطن ساهم بخروج قوة من التحالف إلى الكويت"
    assert doc.meta.title == title and doc.text.count(title) == 1
    assert doc.meta.credits == ["الأناضول"]
    assert doc.meta.caption.startswith("متحدث باسم الجيش")
    assert "+ الخط -" not in doc.text
    assert doc.meta.subheadings == ["رسول: القوات المتبقية تضم مستشارين"]
    assert doc.meta.dateline == "10 اغسطس 2021"
    body = [s for s in doc.sentences if s.section == "body"]
    assert len(body) == 13
    assert doc.text[body[0].start:body[0].end].startswith("قال المتحدث باسم القائد العام")
    assert doc.text[body[-1].start:body[-1].end].endswith('بمقتل قيادات وعناصر في "داعش".')
    for t in doc.tokens:
        assert doc.text[t.start:t.end].strip() == doc.text[t.start:t.end] != ""
        for s in t.segments:
            assert t.start <= s.start < s.end <= t.end


def test_seed_publication_date(seed_path):
    (doc,) = read_path(seed_path)
    assert doc.meta.published == "2021-08-10" and doc.meta.published_source == "page"


def test_dev_input_validates(shared, tmp_path):
    from rasd.cli import main
    out = tmp_path / "dev.jsonl"
    assert main(["analyze", str(shared / "gold/dev/input.jsonl"), "--format", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 38
    for line in lines:
        validate(json.loads(line))
