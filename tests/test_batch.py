"""Corpus ingest: re-ingest no-op, failures for corrupt inputs, kill -9 safety, process pool,
Dask LocalCluster and Parquet round trip."""
from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.batch import ingest, load
from rasd.store import Store, queries

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
FAST = ["sentences", "tokens"]          # enough to exercise the machinery, whatever stages exist
N_EXAMPLES = 7


def _article(i: int) -> dict:
    return {"id": f"a{i}", "title": f"خبر رقم {i}", "published": "2021-08-10",
            "text": f"قال المتحدث باسم الوزارة إن الاجتماع رقم {i} انتهى. وأضاف أن الانسحاب سيبدأ غدا."}


def test_ingest_examples_and_reingest_is_a_no_op(tmp_path):
    db = tmp_path / "x.db"
    seen = []
    report = ingest([EXAMPLES], db=db, stages=FAST, progress=seen.append)
    assert (report.read, report.added, report.failed) == (N_EXAMPLES, N_EXAMPLES, 0)
    assert seen and seen[-1]["read"] == N_EXAMPLES and seen[-1]["total"] == N_EXAMPLES
    again = ingest([EXAMPLES], db=db, stages=FAST)
    assert (again.added, again.skipped) == (0, N_EXAMPLES)
    with Store(db) as store:
        assert store.count() == N_EXAMPLES
        hits = {x["doc_id"] for x in queries.search(store, "انسحاب", limit=50)["items"]}
        assert {"iraq-withdrawal", "briefs-lebanon", "sudan-talks"} <= hits
        doc = queries.document(store, "yemen-prisoners")
        assert doc["meta"]["published"] == "2021-04-12"
        assert "أخبار ذات صلة" not in doc["text"] and "الرئيسية" not in doc["text"]
        runs = store.conn.execute("SELECT added, skipped FROM runs ORDER BY id").fetchall()
        assert [tuple(r) for r in runs] == [(N_EXAMPLES, 0), (0, N_EXAMPLES)]


def test_changed_article_becomes_a_new_version(tmp_path):
    db = tmp_path / "v.db"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(_article(1), ensure_ascii=False) + "\n", encoding="utf-8")
    ingest([src], db=db, stages=FAST)
    changed = _article(1)
    changed["text"] += " وتابع أن الوفد سيعود."
    src.write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    assert ingest([src], db=db, stages=FAST).added == 1
    with Store(db) as store:
        assert store.count() == 1 and store.count(latest=False) == 2
        assert queries.document(store, "a1")["store"]["version"] == 2


def test_corrupt_inputs_are_recorded_and_the_rest_ingest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("عنوان الخبر\n\n" + _article(0)["text"], encoding="utf-8")
    lines = "".join(json.dumps(_article(i), ensure_ascii=False) + "\n" for i in range(1, 40))
    packed = gzip.compress(lines.encode("utf-8"))
    (corpus / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (corpus / "mixed.jsonl").write_text(
        json.dumps(_article(50), ensure_ascii=False) + "\n{not json\n"
        + json.dumps(_article(51), ensure_ascii=False) + "\n", encoding="utf-8")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus / "menu.html").write_text(
        "<html><body><nav><a href='/'>الرئيسية</a> <a href='/x'>سياسة</a></nav>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>", encoding="utf-8")
    (corpus / "page.html").write_bytes((EXAMPLES / "yemen-prisoners.html").read_bytes())
    db = tmp_path / "f.db"
    report = ingest([corpus], db=db, stages=FAST)
    with Store(db) as store:
        fails = queries.failures(store)["items"]
        by_file = {Path(f["path"].split(":")[0]).name: f for f in fails}
        assert set(by_file) == {"cut.jsonl.gz", "mixed.jsonl", "photo.txt", "menu.html"}, fails
        assert by_file["cut.jsonl.gz"]["code"] == "R105" and "gzip" in by_file["cut.jsonl.gz"]["message"]
        assert by_file["mixed.jsonl"]["path"].endswith(":2")
        assert by_file["photo.txt"]["code"] == "R102"
        assert "no article" in by_file["menu.html"]["message"]
        ids = {r[0] for r in store.conn.execute("SELECT doc_id FROM documents")}
    assert {"good", "a50", "a51", "page"} <= ids
    assert any(i.startswith("a") and i not in ("a50", "a51") for i in ids)   # records before the cut
    assert report.failed == 4


def test_a_stage_that_crashes_is_a_failure_not_a_crash(tmp_path, monkeypatch):
    from rasd.batch import work
    from rasd.pipeline import Pipeline
    pipeline = Pipeline(FAST)
    original = pipeline.__class__.__call__

    def flaky(self, doc):
        if doc.id == "a2":
            raise ZeroDivisionError("boom")
        return original(self, doc)

    monkeypatch.setattr(pipeline.__class__, "__call__", flaky)
    monkeypatch.setitem(work._PIPELINES, tuple(FAST), pipeline)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(_article(i), ensure_ascii=False) + "\n" for i in range(4)),
                   encoding="utf-8")
    report = ingest([src], db=tmp_path / "c.db", stages=FAST)
    assert (report.added, report.failed) == (3, 1)
    assert "ZeroDivisionError" in report.failures[0]["message"]
    assert report.failures[0]["path"].endswith(":3")


def test_process_pool_gives_the_same_store(tmp_path):
    one = ingest([EXAMPLES], db=tmp_path / "1.db", stages=FAST, batch_size=2)
    two = ingest([EXAMPLES], db=tmp_path / "2.db", stages=FAST, batch_size=2, workers=2)
    assert one.added == two.added == N_EXAMPLES and two.executor == "processes"
    rows = []
    for name in ("1.db", "2.db"):
        with Store(tmp_path / name) as s:
            rows.append(s.conn.execute("SELECT doc_id, version, doc_hash FROM documents ORDER BY key").fetchall())
    assert [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]]


def test_kill_9_mid_ingest_loses_nothing_committed_and_rerun_completes(tmp_path):
    n, batch = 4000, 20
    src = tmp_path / "big.jsonl"
    src.write_text("".join(json.dumps(_article(i), ensure_ascii=False) + "\n" for i in range(n)),
                   encoding="utf-8")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "rasd", "ingest", str(src), "--db", str(db), "--stages",
           ",".join(FAST), "--batch-size", str(batch), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = 0
    deadline = time.time() + 120
    try:
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as c:
                        committed = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    continue
                if committed >= 5 * batch:
                    break
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()!r}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = store.count()
        assert stored >= committed and stored < n
        assert stored % batch == 0                   # whole batches only
        fts = store.conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0]
        assert fts == stored                         # nothing half-written
        ids = {r[0] for r in store.conn.execute("SELECT doc_id FROM documents")}
        assert ids == {f"a{i}" for i in range(stored)}  # the committed prefix, in order
    report = ingest([src], db=db, stages=FAST)
    assert report.skipped == stored and report.added == n - stored
    with Store(db) as store:
        assert store.count() == n
        assert queries.search(store, "الانسحاب")["total"] == n


def test_dask_local_cluster_writes_parquet_that_load_reads(tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "pq"
    report = ingest([EXAMPLES], db=None, parquet=out, dask="local", workers=2, stages=FAST,
                    batch_size=3)
    assert report.executor == "dask:local" and report.added == N_EXAMPLES
    import pyarrow.dataset as ds
    docs = ds.dataset(out / "documents", format="parquet").to_table()
    assert docs.num_rows == N_EXAMPLES
    assert sorted(docs.column("doc_id").to_pylist())[0] == "briefs-egypt"
    for table in ("quotes", "events", "entities", "mentions", "times", "places", "failures"):
        ds.dataset(out / table, format="parquet").to_table()     # every dataset is readable
    again = ingest([EXAMPLES], db=None, parquet=out, dask="local", workers=2, stages=FAST)
    assert (again.added, again.skipped) == (0, N_EXAMPLES)
    db = tmp_path / "loaded.db"
    assert load(out, db)["added"] == N_EXAMPLES
    assert load(out, db)["added"] == 0
    local = tmp_path / "local.db"
    ingest([EXAMPLES], db=local, stages=FAST)
    with Store(db) as a, Store(local) as b:
        q = "SELECT doc_id, doc_hash, text, json FROM documents ORDER BY doc_id"
        assert [tuple(r) for r in a.conn.execute(q)] == [tuple(r) for r in b.conn.execute(q)]
        assert queries.search(a, "انسحاب")["total"] == queries.search(b, "انسحاب")["total"] > 0
