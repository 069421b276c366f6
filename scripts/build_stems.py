"""Build src/rasd/resources/lexicon/stems.tsv: word types attested in the NER training corpora.

The clitic segmenter splits a proclitic only when what remains is a word people write on its own
(so "وقال" splits but "وزير", "بغداد" and "لبنان" do not). This script counts the word types of
the training files (never the test files) in their ``match`` form.

usage: python scripts/build_stems.py [SHARED_DIR]
"""
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.text.normalize import normalize  # noqa: E402

shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
files = [shared / "data/ner/anercorp/train.txt", shared / "data/ner/wojood-sample/train.txt"]
counts = collections.Counter()
for f in files:
    for line in f.read_text(encoding="utf-8").splitlines():
        tok = line.split(" ")[0]
        w = normalize(tok, "match")
        if len(w) >= 2 and all("\u0621" <= c <= "\u064A" for c in w):
            counts[w] += 1
out = Path(__file__).resolve().parents[1] / "src/rasd/resources/lexicon/stems.tsv"
with out.open("w", encoding="utf-8") as f:
    f.write("# word types (match-normalized) of the training splits of ANERcorp (CC BY-SA 4.0,\n")
    f.write("# Benajiba et al. 2007) and the Wojood sample (MIT, Jarrar et al. 2022), with their counts.\n")
    f.write("# Built by scripts/build_stems.py; used by rasd.text.clitics to decide clitic splits.\n")
    for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        f.write(f"{w}\t{c}\n")
print(f"{len(counts)} types -> {out}")
