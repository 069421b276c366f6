"""Throughput of the text layer (normalization + tokenization + sentence splitting) on the shared
corpus, as a ratio to a baseline measured in the same run: `str.split` plus one regex pass.

usage: python bench/bench_text.py [ARTICLES.jsonl] [--repeat N]
"""
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.text.normalize import normalize_with_offsets  # noqa: E402
from rasd.text.sentences import split_sentences  # noqa: E402
from rasd.text.tokenize import _ANALYSES, analyze_word, scan  # noqa: E402

path = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else \
    Path(__file__).resolve().parents[2] / "shared/corpus/articles.jsonl"
repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 20
texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
chars = sum(map(len, texts)) * repeat
n = len(texts) * repeat
baseline_re = re.compile(r"[.!?؟]\s")


def baseline():
    for _ in range(repeat):
        for t in texts:
            t.split()
            baseline_re.findall(t)


def text_layer():
    for _ in range(repeat):
        for t in texts:
            normalize_with_offsets(t, "match")
            scan(t)
            split_sentences(t)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


analyze_word.cache_clear()
_ANALYSES.clear()
cold = timed(lambda: [scan(t) for t in texts])
b = min(timed(baseline) for _ in range(3))
r = min(timed(text_layer) for _ in range(3))
print(f"corpus: {len(texts)} articles x {repeat} = {n} articles, {chars / 1e6:.1f} M chars")
print(f"baseline (str.split + 1 regex): {chars / b / 1e6:8.2f} M chars/s  {n / b:10.0f} articles/s")
print(f"text layer (norm+tok+sent):     {chars / r / 1e6:8.2f} M chars/s  {n / r:10.0f} articles/s")
print(f"ratio text layer / baseline time: {r / b:.1f}x slower; first pass with cold word cache "
      f"{len(texts) / cold:.0f} articles/s")
