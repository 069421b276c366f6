"""Speed of the NER tagger and of the mentions stage, beside the tokenizer alone.

Reads the articles of a JSON Lines file (default ../shared/corpus/articles.jsonl), runs the
sentence and token stages once, then times, over all articles (best of --repeat runs):
- tokens: the token stage alone (`rasd.text.tokenize` + Token records);
- tagger: `NerTagger.tag` on the sentences' token strings (features + CRF), warm caches;
- tagger, cold: the same with empty word caches (a fresh process on new text);
- mentions: the whole mentions stage (tagger with marginal scores + Mention records).
Prints tokens/s, articles/s, ms per article and the ratio of each to the tokenizer's time.
`--engine crfsuite` times the tagger decoding with crfsuite instead of `rasd.ner.decode`;
`--model FILE` times another model file than the packaged one.

usage: python bench/bench_ner.py [ARTICLES.jsonl] [--repeat N] [--engine auto|fast|crfsuite] [--model FILE]
"""
import json
import sys
import time
from bisect import bisect_left
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.model import Document  # noqa: E402
from rasd.ner import NerTagger, default_tagger  # noqa: E402
from rasd.stages import create  # noqa: E402

path = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else \
    Path(__file__).resolve().parents[2] / "shared/corpus/articles.jsonl"
repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
engine = sys.argv[sys.argv.index("--engine") + 1] if "--engine" in sys.argv else "auto"
model = sys.argv[sys.argv.index("--model") + 1] if "--model" in sys.argv else None
texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]

t0 = time.perf_counter()
tagger = default_tagger() if engine == "auto" and model is None else NerTagger(model, engine=engine)
load = time.perf_counter() - t0

sentences, tokens = create("sentences"), create("tokens")
mentions = create("mentions")
mentions.tagger = tagger
docs = []
for t in texts:
    d = Document(text=t)
    sentences(d)
    tokens(d)
    docs.append(d)
n_tokens = sum(len(d.tokens) for d in docs)
batches = []
for d in docs:
    starts = [t.start for t in d.tokens]
    for s in d.sentences:
        i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
        if i < j:
            batches.append([d.text[t.start:t.end] for t in d.tokens[i:j]])


def best(fn) -> float:
    out = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - start)
    return out


def cold() -> None:
    tagger.features._cache.clear()
    if tagger.decoder is not None:
        tagger.decoder.clear()
    for b in batches:
        tagger.tag(b)


def run_tokens() -> None:
    for d in docs:
        tokens(d)


def run_mentions() -> None:
    for d in docs:
        mentions(d)


timing = {
    "tokens": best(run_tokens),
    "tagger, cold": best(cold),
    "tagger": best(lambda: [tagger.tag(b) for b in batches]),
    "mentions": best(run_mentions),
}
print(f"{len(docs)} articles, {len(batches)} sentences, {n_tokens} tokens; engine {tagger.engine}; "
      f"model load {load:.3f} s")
base = timing["tokens"]
for name, s in timing.items():
    print(f"{name:13s} {s:7.3f} s {n_tokens / s:10,.0f} tokens/s {len(docs) / s:8,.0f} articles/s "
          f"{s / len(docs) * 1e3:6.2f} ms/article x{s / base:6.2f} of tokens")
