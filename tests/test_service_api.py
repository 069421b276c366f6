"""The HTTP API in process (FastAPI TestClient): every endpoint, the one error shape, the guards."""
from __future__ import annotations

import json
import re
import sqlite3
import warnings

import pytest

pytest.importorskip("httpx")
with warnings.catch_warnings():     # starlette's notice about httpx vs httpx2
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

import _service_data as sd  # noqa: E402
from rasd.errors import NotFoundError  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.serialize import validate  # noqa: E402
from rasd.service import create_app  # noqa: E402
from rasd.service.api import MAX_PAGE  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LIGHT = Pipeline(["sentences", "tokens"])
ARTICLE = "قالت وزيرة الصحة ليلى منصور إن حملة التطعيم ستبدأ الأسبوع المقبل.\n\nوأضافت أن المراكز ستفتح يوميا."
SHAPE = {"ok", "status", "code", "message", "remedy", "errors"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return sd.make_db(tmp_path_factory.mktemp("svc") / "rasd.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, pipeline=LIGHT), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def writer(tmp_path):
    app = create_app(tmp_path / "new.db", allow_ingest=True, pipeline=LIGHT, max_body_bytes=20_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == SHAPE, body
    assert body["ok"] is False and body["status"] == status
    assert re.fullmatch(r"R\d{3}", body["code"]), body
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["remedy"], str) and isinstance(body["errors"], list)
    if code:
        assert body["code"] == code, body
    return body


# -- analyze -------------------------------------------------------------------------------------
def test_analyze_text_with_the_default_pipeline(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.post("/api/analyze?published=2024-05-01&title=عنوان", content=ARTICLE.encode(),
                   headers={"Content-Type": "text/plain; charset=utf-8"})
    assert r.status_code == 200, r.text
    data = r.json()
    validate(data)
    assert "قالت وزيرة الصحة" in data["text"] and data["meta"]["published"] == "2024-05-01"
    assert data["meta"]["title"] == "عنوان" and "sentences" in data["layers"]


def test_analyze_json_html_and_layers(client):
    r = client.post("/api/analyze?layers=sentences", json={"id": "x1", "text": ARTICLE, "published": "2024-05-02"})
    data = r.json()
    assert r.status_code == 200 and data["id"] == "x1" and data["meta"]["published"] == "2024-05-02"
    assert "sentences" in data and "tokens" not in data
    page = f"<html><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1>" \
           f"<p>{ARTICLE.replace(chr(10), '</p><p>')}</p></article></body></html>"
    r = client.post("/api/analyze", content=page.encode(), headers={"Content-Type": "text/html"})
    assert r.status_code == 200, r.text
    assert "حملة التطعيم" in r.json()["text"]


def test_analyze_errors(client):
    assert_error(client.post("/api/analyze", content=b"   ", headers={"Content-Type": "text/plain"}), 400, "R101")
    assert_error(client.post("/api/analyze", content=b"\x89PNG\r\n\x1a\n" + bytes(64),
                             headers={"Content-Type": "image/png"}), 415, "R604")
    assert_error(client.post("/api/analyze", content=b'{"text": ', headers={"Content-Type": "application/json"}),
                 400, "R105")
    assert_error(client.post("/api/analyze?layers=nope", content=ARTICLE.encode()), 400, "R100")
    assert_error(client.post("/api/analyze", json=[{"text": ARTICLE}, {"text": ARTICLE}]), 400, "R100")
    assert_error(client.post("/api/analyze?published=10/08/2021", content=ARTICLE.encode()), 422, "R600")


# -- the store -----------------------------------------------------------------------------------
def test_documents_paginated(client):
    r = client.get("/api/documents?limit=2")
    page = r.json()
    assert r.status_code == 200 and page["total"] == 4 and page["limit"] == 2 and len(page["items"]) == 2
    second = client.get("/api/documents?limit=2&offset=2").json()
    ids = [d["doc_id"] for d in page["items"] + second["items"]]
    assert len(set(ids)) == 4 and "evil" in ids
    assert client.get("/api/documents?since=2024-03-11&until=2024-03").json()["total"] == 2
    assert_error(client.get(f"/api/documents?limit={MAX_PAGE + 1}"), 422, "R600")
    assert_error(client.get("/api/documents?offset=-1"), 422, "R600")
    assert_error(client.get("/api/documents?since=yesterday"), 422, "R600")


def test_one_document(client):
    data = client.get("/api/documents/sample-0").json()
    assert data["id"] == "sample-0" and data["schema"] == "rasd.document/1"
    assert [q["id"] for q in data["quotes"]] == ["q1", "q2"] and data["store"]["version"] == 1
    body = assert_error(client.get("/api/documents/no-such-doc"), 404, "R106")
    assert "no-such-doc" in body["message"]


def test_search(client):
    page = client.get("/api/search", params={"q": "وبالانسحاب"}).json()
    assert page["total"] == 3 and {i["doc_id"] for i in page["items"]} == {"sample-0", "sample-1", "sample-2"}
    assert all("[" in i["snippet"] and i["highlights"] for i in page["items"])
    assert client.get("/api/search", params={"q": "انسحاب", "limit": 1}).json()["items"][0]["doc_id"]
    assert client.get("/api/search", params={"q": "كلمةغيرموجودة"}).json()["total"] == 0
    assert_error(client.get("/api/search"), 422, "R600")
    assert_error(client.get("/api/search", params={"q": "!!!"}), 400, "R100")
    assert_error(client.get("/api/search", params={"q": "x" * 501}), 422, "R600")


def test_quotes(client):
    page = client.get("/api/quotes", params={"speaker": "حداد"}).json()
    assert page["total"] == 6 and {q["speaker"] for q in page["items"]} == {sd.SPEAKER}
    assert client.get("/api/quotes", params={"speaker": "حداد", "since": "2024-03-11",
                                             "until": "2024-03-11"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"kind": "direct", "limit": 2}).json()["limit"] == 2
    assert client.get("/api/quotes", params={"speaker": "لا أحد"}).json()["total"] == 0
    assert_error(client.get("/api/quotes", params={"kind": "shouted"}), 422, "R600")


def test_events(client):
    page = client.get("/api/events", params={"type": "retreat", "country": "irq"}).json()
    assert page["total"] == 3 and page["items"][0]["type"] == "RETREAT" and page["items"][0]["place"] == "الموصل"
    assert client.get("/api/events", params={"type": "ASSAULT"}).json()["total"] == 0
    assert client.get("/api/events", params={"country": "FRA"}).json()["total"] == 0
    assert_error(client.get("/api/events", params={"country": "IRAQ"}), 422, "R600")


def test_entities(client):
    page = client.get("/api/entities", params={"label": "PER"}).json()
    names = [e["name"] for e in page["items"]]
    assert sd.SPEAKER in names
    ent = client.get(f"/api/entities/{sd.SPEAKER}", params={"quotes": 2}).json()
    assert ent["name"] == sd.SPEAKER and ent["label"] == "PER" and ent["documents"] == 3
    assert ent["quotes"] == 6 and ent["first"] == "2024-03-10" and ent["last"] == "2024-03-12"
    assert "حداد" in ent["aliases"] and len(ent["statements"]) == 2
    assert client.get("/api/entities/حداد").json()["name"] == sd.SPEAKER      # by alias
    assert client.get("/api/entities/الامم المتحده").json()["label"] == "ORG"   # any spelling
    assert_error(client.get("/api/entities/لا أحد"), 404, "R106")


def test_stats_and_openapi(client):
    assert client.get("/api/stats").json()["documents"] == 4
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/analyze", "/api/ingest", "/api/documents", "/api/documents/{doc_id}", "/api/search",
                 "/api/quotes", "/api/events", "/api/entities", "/api/entities/{entity_id}"):
        assert path in spec["paths"], path
    assert not any(p.startswith(("/static", "/documents", "/speakers")) for p in spec["paths"])
    assert client.get("/docs").status_code == 404        # Swagger UI would load from a CDN: not served


# -- ingest and the database mode ------------------------------------------------------------------
def test_ingest_is_disabled_by_default(client, db):
    assert_error(client.post("/api/ingest", content=ARTICLE.encode()), 403, "R603")
    store = client.app.state.db.reader()
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM documents")
    assert client.get("/api/stats").json()["documents"] == 4


def test_missing_database_is_an_error_unless_ingest(tmp_path):
    with pytest.raises(NotFoundError):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    create_app(tmp_path / "created.db", allow_ingest=True)
    assert (tmp_path / "created.db").exists()


def test_ingest_then_query(writer):
    r = writer.post("/api/ingest?published=2024-06-01", content=ARTICLE.encode())
    out = r.json()
    assert r.status_code == 200 and out["added"] == 1 and out["failed"] == 0, out
    doc_id = out["ids"][0]
    assert writer.post("/api/ingest?published=2024-06-01", content=ARTICLE.encode()).json()["skipped"] == 1
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": ARTICLE + f" رقم {i}", "published": "2024-06-02"},
                                 ensure_ascii=False) for i in range(3))
    r = writer.post("/api/ingest", content=lines.encode(), headers={"Content-Type": "application/x-ndjson"})
    assert r.json()["added"] == 3 and r.json()["ids"] == ["n0", "n1", "n2"]
    assert writer.get("/api/documents").json()["total"] == 4
    assert writer.get(f"/api/documents/{doc_id}").json()["meta"]["published"] == "2024-06-01"
    assert writer.get("/api/search", params={"q": "التطعيم"}).json()["total"] == 4


def test_ingested_markup_is_shown_as_text(writer):
    text = f"قال المتحدث {sd.EVIL} إن الوضع هادئ <b onmouseover=alert(2)>جدا</b>."
    r = writer.post("/api/ingest", json={"id": "evil-2", "title": sd.EVIL_TITLE, "text": text,
                                         "url": "javascript:alert(3)"})
    assert r.json()["added"] == 1, r.text
    page = writer.get("/documents/evil-2", headers={"Accept": "text/html"}).text
    assert "&lt;script&gt;alert(" in page and "&lt;b onmouseover=alert(2)&gt;" in page
    assert "<script>alert" not in page and "<b onmouseover" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page
    assert "<script" not in page.replace('<script src="/static/app.js" defer></script>', "")


# -- limits, errors, static files -------------------------------------------------------------------
def test_body_size_limit(writer):
    big = ("كلمة " * 5000).encode()          # 50 kB > the 20 kB limit of this app
    body = assert_error(writer.post("/api/analyze", content=big), 413, "R104")
    assert "20,000" in body["message"]

    def chunks():                            # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield big[:5000]
    assert_error(writer.post("/api/ingest", content=chunks()), 413, "R104")
    assert writer.get("/api/documents").json()["total"] == 0


class Boom:
    names = ["boom"]

    def __call__(self, doc):
        raise RuntimeError("boom")


@pytest.mark.parametrize("method,url,kwargs,status,code", [
    ("get", "/api/nothing-here", {}, 404, "R601"),
    ("get", "/nothing-here", {}, 404, "R601"),
    ("delete", "/api/documents", {}, 405, "R602"),
    ("get", "/api/analyze", {}, 405, "R602"),
    ("get", "/api/search?q=", {}, 422, "R600"),
    ("get", "/api/documents?limit=abc", {}, 422, "R600"),
    ("get", "/api/documents/nope", {}, 404, "R106"),
    ("get", "/api/entities/nope", {}, 404, "R106"),
    ("post", "/api/ingest", {"content": b"x"}, 403, "R603"),
    ("post", "/api/analyze", {"content": b"x", "headers": {"Content-Type": "application/pdf"}}, 415, "R604"),
    ("post", "/api/analyze", {"content": b"", "headers": {"Content-Type": "text/plain"}}, 400, "R101"),
    ("post", "/api/analyze", {"content": b"x" * 6_000_000}, 413, "R104"),
    ("get", "/static/../app.py", {}, 404, None),
    ("get", "/static/%2e%2e/app.py", {}, 404, None),
    ("get", "/static/nothing.css", {}, 404, None),
    ("get", "/documents/nope", {}, 404, "R106"),
])
def test_one_error_shape(client, method, url, kwargs, status, code):
    assert_error(getattr(client, method)(url, **kwargs), status, code)


def test_unexpected_errors_have_the_shape_too(db):
    with TestClient(create_app(db, pipeline=Boom()), raise_server_exceptions=False) as c:
        body = assert_error(c.post("/api/analyze", content=ARTICLE.encode()), 500, "R699")
    assert "RuntimeError" in body["message"] and "boom" not in body["message"]


def test_pages_answer_errors_as_html_to_browsers(client):
    r = client.get("/documents/nope", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "R106" in r.text and 'dir="rtl"' in r.text
    assert client.get("/api/documents/nope", headers={"Accept": "text/html"}).headers[
        "content-type"].startswith("application/json")


def test_security_headers_and_local_assets(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for page in ("/", "/documents/sample-0", "/speakers/" + sd.SPEAKER, "/events", "/entities", "/analyze",
                 "/documents", "/api", "/?q=انسحاب",
                 # forms send empty fields
                 "/?q=انسحاب&since=&until=", "/events?type=&country=&actor=&since=&until=",
                 "/entities?label=&name=", "/documents?since=&until=", "/speakers/حداد?since=&until="):
        r = client.get(page)
        html = r.text
        assert r.status_code == 200 and '<html lang="ar" dir="rtl">' in html, page
        for ref in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert ref.startswith(("/", "#")) or ref == "https://example.org/a/0", (page, ref)
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Noto Naskh Arabic" in css.text
    assert "url(" not in css.text and "@import" not in css.text
    assert client.get("/static/app.js").status_code == 200


def test_serve_command_refuses_a_missing_database(tmp_path, capsys):
    from rasd.cli import main
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsys.readouterr().err
    assert "[R106]" in err and "--allow-ingest" in err
