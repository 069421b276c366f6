"""The store commands end to end: ingest, search, quotes, events, entities, show, failures,
export, load; and the table printer's Arabic-aware widths."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.cli._output import display_width, render_table, truncate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = str(ROOT / "examples" / "corpus")
FAST = "sentences,tokens"


@pytest.fixture
def db(tmp_path, capsys):
    path = str(tmp_path / "cli.db")
    assert main(["ingest", EXAMPLES, "--db", path, "--stages", FAST, "-q"]) == 0
    capsys.readouterr()
    return path


def test_ingest_twice_reports_nothing_new(db, capsys):
    assert main(["ingest", EXAMPLES, "--db", db, "--stages", FAST, "-q"]) == 0
    err = capsys.readouterr().err
    assert "added 0, already stored 7, failed 0" in err


def test_progress_bar_on_stderr(tmp_path, capsys):
    assert main(["ingest", EXAMPLES, "--db", str(tmp_path / "p.db"), "--stages", FAST,
                 "--batch-size", "2"]) == 0
    err = capsys.readouterr().err
    assert "articles/s" in err and "ETA" in err


def test_search_table_json_csv(db, capsys):
    assert main(["search", "انسحاب", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "iraq-withdrawal" in out and "[انسحاب]" in out
    assert main(["search", "وبالانسحاب", "--db", db, "--format", "json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["total"] >= 3 and {"doc_id", "snippet", "highlights", "score"} <= set(page["items"][0])
    assert main(["search", "الأمم المتحدة", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["doc_id"] for r in rows] == ["yemen-prisoners"]


def test_query_commands_run(db, capsys):
    for argv in (["quotes", "--speaker", "الخطيب"], ["quotes", "--since", "2022", "--format", "json"],
                 ["events", "--type", "RETREAT", "--country", "IRQ"], ["entities", "--top", "5"],
                 ["entities", "--label", "PER", "--format", "csv"], ["failures"]):
        assert main(argv + ["--db", db]) == 0, argv
    capsys.readouterr()
    assert main(["quotes", "--since", "not-a-date", "--db", db]) == 1
    assert "YYYY" in capsys.readouterr().err


def test_show(db, capsys):
    assert main(["show", "yemen-prisoners", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "اليمن: اتفاق على تبادل الأسرى" in out and "2021-04-12" in out
    assert main(["show", "yemen-prisoners", "--db", db, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "rasd.document/1" and doc["store"]["version"] == 1
    assert main(["show", "missing", "--db", db]) == 1
    assert "R106" in capsys.readouterr().err


def test_missing_db_is_an_error_not_a_new_file(tmp_path, capsys):
    path = tmp_path / "none.db"
    assert main(["search", "انسحاب", "--db", str(path)]) == 1
    assert not path.exists()
    assert "rasd ingest" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_documents(db, tmp_path, fmt, capsys):
    out = tmp_path / f"docs.{fmt}"
    assert main(["export", "documents", "--format", fmt, "-o", str(out), "--db", db]) == 0
    assert "wrote 7 documents" in capsys.readouterr().err
    assert out.stat().st_size > 0


def test_export_to_stdout_and_plover(db, capsys):
    assert main(["export", "quotes", "--format", "jsonl", "--db", db]) == 0
    capsys.readouterr()
    assert main(["export", "events", "--format", "plover", "--db", db]) == 0
    assert main(["export", "quotes", "--format", "plover", "--db", db]) == 1


def test_failures_listed(tmp_path, capsys):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "x.jsonl").write_text('{"id": "ok", "text": "قال الوزير إن الاجتماع انتهى."}\n{broken\n',
                                 encoding="utf-8")
    path = str(tmp_path / "f.db")
    assert main(["ingest", str(bad), "--db", path, "--stages", FAST, "-q"]) == 0
    assert main(["ingest", str(bad), "--db", path, "--stages", FAST, "-q", "--strict"]) == 1
    capsys.readouterr()
    assert main(["failures", "--db", path, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and rows[0]["code"] == "R105" and rows[0]["path"].endswith("x.jsonl:2")
    assert rows[0]["count"] == "2"


def test_dask_ingest_and_load(tmp_path, capsys):
    pytest.importorskip("distributed")
    out = tmp_path / "pq"
    assert main(["ingest", EXAMPLES, "--dask", "local", "--workers", "2", "--parquet", str(out),
                 "--stages", FAST, "-q"]) == 0
    assert (out / "documents").is_dir() and not (tmp_path / "rasd.db").exists()
    path = str(tmp_path / "l.db")
    assert main(["load", str(out), "--db", path]) == 0
    assert "added 7" in capsys.readouterr().err
    assert main(["search", "انسحاب", "--db", path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 3


def test_display_width_and_alignment():
    assert display_width("قَالَ") == 3                # diacritics take no column
    assert display_width("abc") == 3 and display_width("中文") == 4
    assert truncate("الانسحاب الكامل", 6) == "الانس…"
    table = render_table([{"name": "سامر الخطيب", "n": 3}, {"name": "كريم", "n": 12}], ["name", "n"])
    lines = table.splitlines()
    assert lines[2].startswith("سامر الخطيب") and lines[3].startswith("       كريم")   # right-aligned
    assert {display_width(line) for line in lines} == {display_width(lines[0])}
