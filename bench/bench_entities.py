"""Throughput of the gazetteer-backed stages (entities, places) on the shared corpus, beside the
sentence + token stages they run after (and the tagger's mentions stage when it is available).

usage: python bench/bench_entities.py [ARTICLES.jsonl] [--repeat N]
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.model import Document  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.stages import available, create  # noqa: E402

path = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else \
    Path(__file__).resolve().parents[2] / "shared/corpus/articles.jsonl"
repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]

names = ["sentences", "tokens"] + (["mentions"] if "mentions" in available() else [])
stages = {n: create(n) for n in names + ["entities", "places"]}
timing = {n: 0.0 for n in stages}
tokens = 0

# warm up: load the gazetteers and the model once
warm = Document(text=texts[0])
Pipeline(names)(warm)
for n in ("entities", "places"):
    stages[n](warm)

for _ in range(repeat):
    for t in texts:
        doc = Document(text=t)
        if "mentions" not in names:
            doc.mentions = []
        for n, stage in stages.items():
            start = time.perf_counter()
            stage(doc)
            timing[n] += time.perf_counter() - start
        tokens += len(doc.tokens)

docs = len(texts) * repeat
base = timing["sentences"] + timing["tokens"]
print(f"{docs} documents, {tokens} tokens")
for n, s in timing.items():
    print(f"{n:10s} {s:7.3f} s  {tokens / s:12,.0f} tokens/s  {docs / s:9,.0f} docs/s  "
          f"x{s / base:5.2f} of sentences+tokens")
