"""rasd.eval.gold: the port of shared/gold/score.py gives the reference scorer's numbers."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.shared
def test_gold_port_matches_score_py_on_every_layer(shared, tmp_path):
    """rasd.eval.gold scores quotes, entities and events exactly as score.py (system built from
    the gold itself, with some items dropped, renamed or retyped)."""
    from rasd.eval.gold import evaluate, load_gold
    gold_dir = shared / "gold" / "dev"
    lines = []
    for n, (doc_id, g) in enumerate(sorted(load_gold(gold_dir).items())):
        ents = [{"id": f"e{i}", "name": e["name"] if i % 4 else e["name"].split()[0], "label": e["type"]}
                for i, e in enumerate(g["entities"]) if i % 5 != 3]
        by_name = {e["name"]: e["id"] for e in ents}
        quotes = [{"content": {"text": q["content"] if i % 3 else " ".join(q["content"].split()[:3])},
                   "cue": {"text": q["cue"]}, "speaker": by_name.get(q["speaker"], q["speaker"])}
                  for i, q in enumerate(g["quotes"]) if i % 6 != 5]
        events = [{"type": v["type"] if i % 4 else "AGREE", "trigger": {"text": v["trigger"]},
                   "actor": by_name.get(v["actor"], v["actor"]), "recipient": None}
                  for i, v in enumerate(g["events"])]
        times_ = [{"text": t["text"], "value": t["value"] if i % 2 else None} for i, t in enumerate(g["times"])]
        if n % 7 == 3:
            continue                      # a missing document
        lines.append(json.dumps({"id": doc_id, "entities": ents, "quotes": quotes, "events": events,
                                 "times": times_}, ensure_ascii=False))
    out = tmp_path / "system.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(shared / "gold" / "score.py"), str(gold_dir), str(out),
                                     "--json"], capture_output=True, text=True, check=True).stdout)
    ours = evaluate(gold_dir, out)
    assert ours == ref
    assert 0 < ref["quotes"]["f1"] < 1 and 0 < ref["entities"]["f1"] < 1 and 0 < ref["events"]["f1"] < 1


# --- bad gold and system files: an error naming the file and the problem --------------------------

def _gold_dir(tmp_path, content: str | bytes, name: str = "a.json"):
    d = tmp_path / "gold"
    d.mkdir(exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (d / name).write_bytes(data)
    return d


@pytest.mark.parametrize("content, says", [
    ('{"foo": 1}', 'no "id"'),
    ('[1, 2]', "one JSON object"),
    ('{"id": "x", "qoutes": []}', 'did you mean "quotes"'),
    ('{"id": "x",\n "quotes": [{"speaker": "a"]}', "not valid JSON"),
    ('{"id": "x", "quotes": {"content": "c"}}', '"quotes" must be a list'),
    ('{"id": "x", "quotes": [{"speaker": "أحمد"}]}', 'quotes[0] has no "content"'),
    ('{"id": "x", "events": [{"type": "ASSAULT"}]}', 'events[0] has no "trigger"'),
    ("\ufeff{}".encode("cp1256", errors="replace") + b"\xe3\xe4", "not UTF-8"),
])
def test_bad_gold_file_is_an_eval_error_naming_it(tmp_path, content, says):
    from rasd.errors import EvalError
    from rasd.eval.gold import load_gold
    d = _gold_dir(tmp_path, content)
    with pytest.raises(EvalError) as err:
        load_gold(d)
    assert says in str(err.value) and str(d / "a.json") in str(err.value)


def test_gold_with_other_keys_and_two_files_of_one_id(tmp_path):
    from rasd.errors import EvalError
    from rasd.eval.gold import load_gold
    d = _gold_dir(tmp_path, '{"id": "x", "title": "t", "published": "2021-08-09", "quotes": []}')
    assert list(load_gold(d)) == ["x"]                  # keys not close to a layer name are fine
    _gold_dir(tmp_path, '{"id": "x"}', "b.json")
    with pytest.raises(EvalError, match="also the id of a.json"):
        load_gold(d)
    with pytest.raises(EvalError, match="no such gold folder"):
        load_gold(tmp_path / "missing")


def test_bad_system_line_names_file_and_line(tmp_path):
    from rasd.errors import EvalError
    from rasd.eval.gold import load_system
    p = tmp_path / "out.jsonl"
    p.write_text('{"id": "a"}\n{"id": "b"\n', encoding="utf-8")
    with pytest.raises(EvalError, match="line 2 is not valid JSON"):
        load_system(p)


def test_cli_eval_on_a_bad_gold_folder_says_why(tmp_path):
    d = _gold_dir(tmp_path, '{"foo": 1}')
    r = subprocess.run([sys.executable, "-m", "rasd", "eval", "quotes", str(d)],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "[R500]" in r.stderr and "a.json" in r.stderr and "Traceback" not in r.stderr
