"""The text report of `rasd analyze --format text`."""
from __future__ import annotations

import subprocess
import sys

import rasd
from rasd.io.report import document_report

TEXT = ("قال وزير الخارجية سامي حداد أمس الأحد إن المحادثات مع الأردن ستستأنف. "
        "وأضاف حداد: \"نحن مستعدون للحوار\".")


def test_report_lists_quotes_events_times_and_entities_with_offsets():
    doc = rasd.analyze(TEXT, published="2024-05-06")
    report = document_report(doc)
    assert report.endswith("\n") and "published: 2024-05-06" in report
    assert f"quotes ({len(doc.quotes)})" in report and "سامي حداد | قال |" in report
    q = doc.quotes[0]
    assert f"[{q.content.start}:{q.content.end}, {q.kind}]" in report
    assert "أمس الأحد -> 2024-05-05" in report
    assert "PER | سامي حداد" in report and "LOC | الأردن" in report


def test_report_of_an_empty_analysis_has_only_the_header():
    doc = rasd.analyze("نص قصير بلا أسماء.")
    report = document_report(doc)
    assert report.startswith("== ") and "quotes (" not in report and "events (" not in report


def test_cli_text_format_writes_one_report_per_document_and_says_what_failed(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    out = tmp_path / "report.txt"
    r = subprocess.run([sys.executable, "-m", "rasd", "analyze", str(good), str(empty), "--format", "text",
                        "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 1 and "[R101]" in r.stderr
    report = out.read_text(encoding="utf-8")
    assert report.count("== ") == 1 and "سامي حداد" in report
