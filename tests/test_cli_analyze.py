import json
import subprocess
import sys

from rasd.cli import main
from rasd.serialize import validate

ARTICLE = "قال رئيس البلدية إن أعمال الصيانة ستنتهي قبل نهاية الشهر الجاري.\nوأضاف أن الطرق ستفتح تباعا."


def test_analyze_file_to_json(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(f), "--published", "2024-03-12"]) == 0
    data = json.loads(capsys.readouterr().out)
    validate(data)
    assert data["meta"]["published"] == "2024-03-12" and data["meta"]["published_source"] == "option"


def test_bad_inputs_do_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(empty), str(good), str(png), str(tmp_path / "missing.txt"),
                 "--format", "jsonl", "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert [line.split("]")[0] for line in err[:3]] == ["rasd: [R101", "rasd: [R102", "rasd: [R106"]
    assert all(str(tmp_path) in line for line in err[:3])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "good"


def test_layers_option_and_stdin(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "rasd", "analyze", "-", "--layers", "sentences",
                           "--format", "jsonl"], input=ARTICLE.encode(), capture_output=True, check=True)
    data = json.loads(proc.stdout)
    assert "sentences" in data and "tokens" not in data and len(data["sentences"]) == 2


def test_help_on_every_command(capsys):
    import pytest

    from rasd.cli import COMMANDS
    for name in COMMANDS:
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
        assert "usage: rasd " + name in capsys.readouterr().out


def test_version(capsys):
    import pytest
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("rasd ")
