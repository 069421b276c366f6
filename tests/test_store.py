"""The SQLite store: round trip, content-hash versions, migrations, Arabic search, queries, exports."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from rasd.errors import InputError, NotFoundError, StoreError
from rasd.model import Document, Entity, Event, Meta, Mention, Place, Quote, Span, TimeExpression
from rasd.serialize import document_to_dict
from rasd.store import Store, content_hash, document_rows, queries, schema
from rasd.store.export import export
from rasd.store.search import index_text, parse_query, snippet

TEXT = ('قال المتحدث باسم الجيش العميد سامر الخطيب إن "الانسحاب جرى بهدوء".\n'
        "وانسحبت القوات من القاعدة يوم الأحد، وطالب النائب كريم الساعدي بالانسحاب الكامل.")


def _span(text: str, piece: str, start: int = 0) -> Span:
    i = text.index(piece, start)
    return Span(i, i + len(piece))


def make_doc(doc_id: str = "d1", text: str = TEXT, published: str = "2021-09-14",
             outlet: str = "وكالة التجربة", title: str | None = None) -> Document:
    """A document with every layer filled by hand (no stage needed)."""
    title = title or ("انسحاب من القاعدة" if text == TEXT else None)
    doc = Document(text=text, id=doc_id, meta=Meta(title=title, published=published,
                                                   outlet=outlet, url=f"https://example.org/{doc_id}",
                                                   source=f"{doc_id}.txt"))
    if "سامر الخطيب" not in text:
        return doc
    s1 = _span(text, "سامر الخطيب")
    s2 = _span(text, "كريم الساعدي")
    s3 = _span(text, "القوات")
    doc.mentions = [Mention("m1", s1.start, s1.end, "PER"), Mention("m2", s2.start, s2.end, "PER"),
                    Mention("m3", s3.start, s3.end, "ORG")]
    doc.entities = [Entity("e1", "PER", "سامر الخطيب", ("m1",), title="العميد", country="IRQ"),
                    Entity("e2", "PER", "كريم الساعدي", ("m2",), country="IRQ"),
                    Entity("e3", "ORG", "القوات", ("m3",), country="USA")]
    t = _span(text, "يوم الأحد")
    doc.times = [TimeExpression("t1", t.start, t.end, "2021-09-12", "day", anchor="published:2021-09-14")]
    doc.quotes = [Quote("q1", _span(text, "قال"), _span(text, '"الانسحاب جرى بهدوء"'), "e1", "direct",
                        time="t1"),
                  Quote("q2", _span(text, "وطالب"), _span(text, "بالانسحاب الكامل"), "e2", "indirect")]
    doc.places = [Place("p1", "e3", "القاعدة", country="IRQ", resolution="unresolved")]
    doc.events = [Event("v1", "RETREAT", _span(text, "وانسحبت"), mode="withdraw", cameo="08",
                        actor="e3", place="p1", time="t1"),
                  Event("v2", "DEMAND", _span(text, "وطالب"), actor="e2", negated=True)]
    doc.done = ["sentences", "tokens", "mentions", "entities", "times", "quotes", "events", "places"]
    return doc


def rows_of(doc: Document) -> dict:
    return document_rows(document_to_dict(doc), content_hash(doc))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def test_round_trip(store):
    doc = make_doc()
    assert store.write([rows_of(doc)]) == (1, 0)
    got = queries.document(store, "d1")
    assert got["text"] == doc.text
    assert got["meta"]["title"] == "انسحاب من القاعدة"
    assert [q["id"] for q in got["quotes"]] == ["q1", "q2"]
    assert got["quotes"][0]["content"]["text"] == '"الانسحاب جرى بهدوء"'
    assert got["events"][0]["type"] == "RETREAT" and got["entities"][0]["name"] == "سامر الخطيب"
    assert "tokens" not in got["layers"]
    from rasd.serialize import document_from_dict
    back = document_from_dict(got)
    assert back.quotes == doc.quotes and back.events == doc.events and back.entities == doc.entities
    assert queries.stats(store) == {"documents": 1, "versions": 1, "entities": 3, "mentions": 3,
                                    "times": 1, "quotes": 2, "events": 2, "places": 1, "failures": 0}


def test_rewrite_is_a_no_op_and_changed_text_is_a_new_version(store):
    doc = make_doc()
    store.write([rows_of(doc)])
    assert store.write([rows_of(make_doc())]) == (0, 1)
    changed = make_doc(text=TEXT + "\nوأضاف أن العمل مستمر.")
    assert store.write([rows_of(changed)]) == (1, 0)
    assert store.count() == 1 and store.count(latest=False) == 2
    got = queries.document(store, "d1")
    assert got["store"]["version"] == 2 and got["store"]["latest"]
    assert got["text"].endswith("مستمر.")
    assert queries.document(store, "d1", version=1)["text"] == TEXT
    # queries see the latest version only
    assert queries.quotes(store)["total"] == 2
    assert queries.search(store, "مستمر")["total"] == 1


def test_content_hash_covers_text_and_identifying_meta():
    a, b = make_doc(), make_doc()
    assert content_hash(a) == content_hash(b)
    b.meta.source = "elsewhere.txt"           # where it was read from does not matter
    assert content_hash(a) == content_hash(b)
    b.meta.published = "2021-09-15"
    assert content_hash(a) != content_hash(b)


def test_schema_version_and_migrations(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert schema.schema_version(conn) == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    extra = (schema.SCHEMA_VERSION + 1, "test column", "ALTER TABLE documents ADD COLUMN note TEXT;")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [extra])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", extra[0])
    with Store(path) as s:
        assert schema.schema_version(s.conn) == extra[0]
        assert "note" in [r[1] for r in s.conn.execute("PRAGMA table_info(documents)")]
    monkeypatch.undo()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(bad)
    with pytest.raises(NotFoundError):
        Store(tmp_path / "missing.db", create=False)


# -- search ----------------------------------------------------------------------------------
FORMS = ["الانسحاب", "انسحاب", "وبالانسحاب", "الإنسحاب", "الانْسِحَاب", "الانســحاب", "للانسحاب"]


@pytest.mark.parametrize("form", FORMS)
def test_search_key_ignores_clitics_hamza_diacritics_tatweel(form):
    assert index_text(form) == "انسحاب"


def test_search_finds_every_form(store):
    for i, form in enumerate(FORMS):
        text = f"أعلنت الحكومة {form} من المنطقة الشمالية بعد مفاوضات طويلة."
        store.write([rows_of(make_doc(f"s{i}", text=text))])
    store.write([rows_of(make_doc("other", text="افتتح الوزير مستشفى جديدا في المدينة."))])
    for form in FORMS:
        page = queries.search(store, form)
        assert page["total"] == len(FORMS), form
    assert queries.search(store, "المسئول")["total"] == 0
    store.write([rows_of(make_doc("h1", text="قال المسؤول إن الاجتماع انتهى."))])
    assert [x["doc_id"] for x in queries.search(store, "المسئول")["items"]] == ["h1"]


def test_search_ranking_snippet_and_highlights(store):
    store.write([rows_of(make_doc("many", text="الانسحاب ثم الانسحاب ثم انسحاب القوات من المدينة."))])
    store.write([rows_of(make_doc("one", text="تحدث الوزير عن الاقتصاد وعن الانسحاب في آخر كلمته اليوم."))])
    page = queries.search(store, "انسحاب")
    assert [x["doc_id"] for x in page["items"]] == ["many", "one"]
    item = page["items"][1]
    assert "[الانسحاب]" in item["snippet"]
    text = queries.document(store, "one")["text"]
    assert [text[a:b] for a, b in item["highlights"]] == ["الانسحاب"]


def test_query_syntax():
    q = parse_query('"التحالف الدولي" OR الكويت -بغداد انسح*')
    assert q.expression == '("تحالف دولي" OR "كويت") AND "انسح"* NOT "بغداد"'
    assert q.hits("انسحاب") and q.hits("كويت") and not q.hits("بغداد")
    with pytest.raises(InputError):
        parse_query(" ؟ ! ")


def test_search_phrase_prefix_exclude_and_filters(store):
    store.write([rows_of(make_doc("a", text="وصل وفد التحالف الدولي إلى الكويت.", published="2021-08-10"))])
    store.write([rows_of(make_doc("b", text="وصل الدولي والتحالف إلى بغداد.", published="2022-01-05",
                                  outlet="صحيفة أخرى"))])
    ids = lambda **kw: sorted(x["doc_id"] for x in queries.search(store, **kw)["items"])  # noqa: E731
    assert ids(query="التحالف الدولي") == ["a", "b"]
    assert ids(query='"التحالف الدولي"') == ["a"]
    assert ids(query="التحالف -بغداد") == ["a"]
    assert ids(query="الكويت OR بغداد") == ["a", "b"]
    assert ids(query="تحال*") == ["a", "b"]
    assert ids(query="التحالف", since="2022") == ["b"]
    assert ids(query="التحالف", until="2021-08") == ["a"]
    assert ids(query="التحالف", outlet="أخرى") == ["b"]
    with pytest.raises(InputError):
        queries.search(store, "التحالف", since="August")


def test_snippet_maps_back_to_original_text():
    text = "قالَ الرئيسُ إن الإنسحابَ سيتم، وأكد أن وبالانسحاب تنتهي المهمة."
    s = snippet(text, parse_query("انسحاب"))
    assert [text[a:b] for a, b in s["highlights"]] == ["الإنسحابَ", "وبالانسحاب"]
    assert "[الإنسحابَ]" in s["snippet"]


# -- queries ---------------------------------------------------------------------------------
def test_quote_queries(store):
    store.write([rows_of(make_doc())])
    store.write([rows_of(make_doc("d2", published="2022-03-01", outlet="صحيفة أخرى"))])
    page = queries.quotes(store, speaker="الخطيب")
    assert page["total"] == 2
    item = page["items"][0]
    assert item["speaker"] == "سامر الخطيب" and item["content"] == '"الانسحاب جرى بهدوء"'
    assert item["date"] == "2021-09-12"   # the quote's own resolved date, not the publication date
    assert queries.quotes(store, speaker="كريم الساعدى")["total"] == 2   # ى = ي
    assert queries.quotes(store, speaker="الساعدي", since="2022")["items"][0]["date"] == "2022-03-01"
    assert queries.quotes(store, outlet="أخرى")["total"] == 2
    assert queries.quotes(store, kind="direct")["total"] == 2
    assert queries.quotes(store, doc_id="d1")["total"] == 2
    p = queries.quotes(store, limit=1, offset=1)
    assert p["total"] == 4 and len(p["items"]) == 1 and p["offset"] == 1


def test_event_and_entity_queries(store):
    store.write([rows_of(make_doc())])
    assert queries.events(store, type="retreat")["items"][0]["actor"] == "القوات"
    assert queries.events(store, country="irq")["total"] == 2      # place country, actor country
    assert queries.events(store, country="USA")["total"] == 1
    assert queries.events(store, actor="الساعدي")["items"][0]["type"] == "DEMAND"
    assert queries.events(store, include_negated=False)["total"] == 1
    assert queries.events(store, since="2021-09-13")["total"] == 1   # v2 has the published date
    top = queries.entities(store)
    assert {x["name"] for x in top["items"]} == {"سامر الخطيب", "كريم الساعدي", "القوات"}
    assert queries.entities(store, label="per")["total"] == 2
    assert queries.entities(store, name="الخطيب")["items"][0]["mentions"] == 1
    with pytest.raises(NotFoundError):
        queries.document(store, "nope")


# -- exports ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,n", [("quotes", 2), ("events", 2), ("entities", 3), ("documents", 1)])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_exports(store, tmp_path, kind, n, fmt):
    store.write([rows_of(make_doc())])
    out = tmp_path / f"out.{fmt}"
    assert export(store, kind, fmt, str(out)) == n
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == n
    if kind == "quotes":
        assert {r["speaker"] for r in rows} == {"سامر الخطيب", "كريم الساعدي"}
    if kind == "documents" and fmt == "jsonl":
        assert rows[0]["schema"] == "rasd.document/1" and rows[0]["text"] == TEXT


def test_plover_export(store, tmp_path):
    store.write([rows_of(make_doc())])
    out = tmp_path / "ev.jsonl"
    assert export(store, "events", "plover", str(out)) >= 1
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(isinstance(r, dict) for r in records)
    with pytest.raises(InputError):
        export(store, "quotes", "plover", str(out))


def test_failures_are_recorded_once_and_cleared_by_success(store):
    from rasd.errors import FormatError
    err = FormatError("invalid JSON", path="d1.txt")
    store.record_failures([err])
    store.record_failures([err])
    page = queries.failures(store)
    assert page["total"] == 1 and page["items"][0]["count"] == 2
    store.write([rows_of(make_doc())])            # d1.txt now reads fine
    assert queries.failures(store)["total"] == 0
