"""End-to-end browser tests of the web UI: headless Debian chromium driven by Playwright.

Never runs `playwright install`: the browser is /usr/bin/chromium (`.ci/run` installs it). The tests
skip when chromium or playwright is missing. Screenshots go to test-artifacts/ (gitignored).
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

import _service_data as sd

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SEED_SPEAKER = "يحيى رسول"


def _require_browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    return pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn serving `create_app(db)` on 127.0.0.1 in a thread."""

    def __init__(self, db: Path):
        import uvicorn

        from rasd.service import create_app
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser():
    sync_api = _require_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    _require_browser()
    db = sd.make_db(tmp_path_factory.mktemp("ui") / "rasd.db")
    with Server(db) as server:
        yield server


def shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_open_article_quote_and_speaker(example_server, page):
    """The team-written example: search, open the article, click a quote, open the speaker."""
    page.goto(example_server.url + "/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.fill("input[name=q]", "وبالانسحاب")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".result")
    assert page.locator(".result mark").count() >= 3
    shot(page, "ui-example-1-search")
    page.click(f".result a.title:text-is('{sd.TITLE}')")
    page.wait_for_selector("#text")
    assert page.locator("#text .q-content").count() >= 2
    assert page.locator("#text .q-cue").count() == 2
    assert page.locator("#text .ent-per").count() >= 2 and page.locator("#text .ev").count() == 1
    assert page.get_attribute("#text .tx", "title") == "2024-03-10"
    page.click("#text .q-content >> nth=0")
    detail = page.locator("#quote-detail")
    assert detail.is_visible()
    assert sd.SPEAKER in detail.locator(".q-speaker").inner_text()
    assert detail.locator(".q-date").inner_text() == "2024-03-10"
    assert page.locator("#text .active").count() >= 1
    shot(page, "ui-example-2-article-quote")
    detail.locator(".q-speaker a").click()
    page.wait_for_selector(".speaker-name")
    assert page.inner_text(".speaker-name") == sd.SPEAKER
    assert page.locator(".timeline .statement").count() == 6
    assert page.locator(".timeline .day-date").all_inner_texts() == ["2024-03-10", "2024-03-11", "2024-03-12"]
    shot(page, "ui-example-3-speaker")
    assert page.dialogs == []


def test_events_page_map_and_chart(example_server, page):
    page.goto(example_server.url + "/events?type=RETREAT&country=IRQ")
    assert page.locator("table.events-table tbody tr").count() == 3
    assert page.locator("svg.world-map path.land").count() > 150
    assert page.locator("svg.world-map circle.place").count() == 1
    assert page.locator("svg.world-map path.land.l4").count() == 1        # Iraq, shaded
    assert page.locator("svg.day-chart rect.bar").count() == 3
    shot(page, "ui-example-4-events")


def test_markup_in_articles_is_shown_as_text(example_server, page):
    page.goto(example_server.url + "/documents/evil")
    assert sd.EVIL in page.inner_text("#text")
    assert sd.EVIL_TITLE in page.inner_text("h1.doc-title")
    assert page.locator("#text script, #text img, .doc-title img").count() == 0
    assert page.evaluate("document.scripts.length") == 1          # only /static/app.js
    page.click("#text .q-content")
    assert sd.EVIL in page.inner_text("#quote-detail")
    assert page.dialogs == []
    shot(page, "ui-example-5-markup-as-text")


def test_analyze_page(example_server, page):
    page.goto(example_server.url + "/analyze")
    page.fill("input[name=published]", "2024-05-01")
    page.fill("textarea[name=text]", "قال وزير المالية إن الميزانية ستقدم إلى البرلمان غدا.\n\nوأضاف أن العجز سينخفض.")
    page.click("form.analyze button")
    page.wait_for_selector("#text")
    assert "الميزانية" in page.inner_text("#text")
    assert page.locator(".note").count() == 1            # not stored
    shot(page, "ui-example-6-analyze")


# -- the seed article (needs ../shared) -----------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_server(tmp_path_factory, seed_path):
    _require_browser()
    from rasd.batch import ingest
    db = tmp_path_factory.mktemp("seed") / "rasd.db"
    report = ingest([seed_path], db=db)
    assert report.added == 1, report.failures
    with Server(db) as server:
        server.layers = set(report.stages)
        yield server


def test_seed_article_quotes_and_speaker(seed_server, page):
    page.goto(seed_server.url + "/")
    page.fill("input[name=q]", "انسحاب")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".result")
    shot(page, "ui-seed-1-search")
    page.click(".result a.title:has-text('الجيش العراقي')")
    page.wait_for_selector("#text")
    assert "يحيى رسول" in page.inner_text("#text")
    assert page.locator("#text .tx").count() >= 3            # the times stage has landed
    shot(page, "ui-seed-2-article")
    if not {"quotes", "entities"} <= seed_server.layers:
        pytest.skip("PENDING: the quotes/entities stages have not landed; the speaker check waits for them")
    assert page.locator("#text .q-content").count() >= 5 and page.locator("#text .q-cue").count() >= 5
    items = page.locator(".quote-item", has=page.locator(f".q-speaker a:text-is('{SEED_SPEAKER}')"))
    if items.count() == 0:
        named = sorted(set(page.locator(".quote-item .q-speaker a").all_inner_texts()))
        pytest.xfail(f"PENDING (entities/NER): no quote is attributed to {SEED_SPEAKER}; speakers found: {named}")
    quote_id = items.first.get_attribute("data-quote")
    page.click(f"#text [data-quote='{quote_id}'] >> nth=0")
    assert SEED_SPEAKER in page.inner_text("#quote-detail .q-speaker")
    assert page.inner_text("#quote-detail .q-date").startswith("2021-")
    shot(page, "ui-seed-3-quote")
    page.click("#quote-detail .q-speaker a")
    page.wait_for_selector(".speaker-name")
    assert page.inner_text(".speaker-name") == SEED_SPEAKER
    assert page.locator(".timeline .statement").count() >= 1
    shot(page, "ui-seed-4-speaker")
