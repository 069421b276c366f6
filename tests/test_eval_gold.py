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
