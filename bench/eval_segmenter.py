"""Measure the clitic segmenter where the NER corpora show the answer.

1. Split clitics: ANERcorp and Wojood sometimes write a proclitic as its own token ("و في",
   "ب الحرب"). Joining it to the next word gives a word whose correct first cut is known.
2. Whole names: single-token PERS/LOC/ORG names of the ANERcorp *test* split that begin with a
   clitic letter (و ف ب ل ك) while what follows that letter is never a word of the training
   corpora (بغداد, لبنان, فلسطين): the segmenter must leave them whole.

usage: python bench/eval_segmenter.py [SHARED_DIR]
"""
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rasd.text.clitics import known, segment  # noqa: E402
from rasd.text.normalize import normalize  # noqa: E402

shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared"
CLITICS = {"و", "ف", "ب", "ل", "ك", "ال", "لل"}
files = [shared / "data/ner/anercorp/train.txt", shared / "data/ner/anercorp/test.txt",
         shared / "data/ner/wojood-sample/train.txt", shared / "data/ner/wojood-sample/val.txt",
         shared / "data/ner/wojood-sample/test.txt"]

ok = total = 0
misses = Counter()
for f in files:
    rows = [line.split(" ") for line in f.read_text(encoding="utf-8").splitlines()]
    for a, b in zip(rows, rows[1:]):
        if len(a) < 2 or len(b) < 2 or a[0] not in CLITICS:
            continue
        nxt = normalize(b[0], "bare")
        if not nxt or not ("\u0621" <= nxt[0] <= "\u064A") or len(nxt) < 2:
            continue
        joined = a[0] + nxt
        cuts = {end for kind, _, end in segment(joined) if kind == "proclitic"}
        total += 1
        if len(a[0]) in cuts:
            ok += 1
        else:
            misses[joined] += 1
print(f"1. corpus-split clitics re-joined: {ok}/{total} split at the right place "
      f"({100 * ok / max(total, 1):.1f}%)")
print("   most frequent misses:", ", ".join(f"{w} ({n})" for w, n in misses.most_common(8)))

whole = kept = 0
broken = Counter()
rows = [line.split(" ") for line in (shared / "data/ner/anercorp/test.txt").read_text(encoding="utf-8").splitlines()]
for i, r in enumerate(rows):
    if len(r) < 2 or not r[1].startswith("B-"):
        continue
    if i + 1 < len(rows) and len(rows[i + 1]) > 1 and rows[i + 1][1].startswith("I-"):
        continue                      # single-token names only
    w = normalize(r[0], "bare")
    if len(w) < 4 or not all("\u0621" <= c <= "\u064A" for c in w) or w[0] not in "وفبلك" or known(w[1:]) or w[1:].startswith(("ال", "ل")):
        continue
    whole += 1
    if len(segment(w)) == 1:
        kept += 1
    else:
        broken[w] += 1
print(f"2. single-token test-split names starting with a clitic letter, rest unattested: "
      f"{kept}/{whole} left whole ({100 * kept / max(whole, 1):.1f}%)")
print("   split by mistake:", ", ".join(f"{w} ({n})" for w, n in broken.most_common(8)))
