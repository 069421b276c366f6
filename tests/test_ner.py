"""NER: features, CoNLL reading/writing and scoring, `rasd tag`, the model and its quality floor."""
from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stdout

import pytest

from rasd.cli import main
from rasd.model import Document
from rasd.ner import MODEL_PATH, NerTagger, default_tagger, evaluate_file, tag_lines
from rasd.ner.conll import chunks, read_conll, read_lines, score, write_conll
from rasd.ner.features import FeatureExtractor, model_attributes, sentence_features, word_info
from rasd.ner.train import WOJOOD_LABELS, _flatten, holdout_split, read_training
from rasd.stages import create
from rasd.stages.mentions import MentionStage, mention_start

# Micro F1 of the packaged model on ANERcorp test.txt (rasd eval ner), minus a 0.5 margin.
ANERCORP_TEST_F1_FLOOR = 73.8


# --- features ----------------------------------------------------------------------------------

def test_word_features_use_clitic_segments_and_stem():
    info = word_info("وبالعراق")
    assert info.norm == "وبالعراق" and info.stem == "عراق"
    assert "p=و+ب+ال" in info.own and "al" in info.own and "s=عراق" in info.own
    assert "s3=راق" in info.own and "p2=عر" in info.own
    assert "-1s=عراق" in info.context[-1] and "1w=وبالعراق" in info.context[1]


def test_bare_form_keeps_alef_maqsura_apart():
    # على (on) and علي (Ali) share a match form but not their bare form.
    assert word_info("على").norm == word_info("علي").norm
    assert "x=على" in word_info("على").own and "x=على" not in word_info("علي").own


def test_a_family_name_with_the_article_is_not_a_preposition():
    # in match form العلي is ال + علي, and علي is also على: the article tells them apart
    assert word_info("العلي").stem == "العلي"
    assert word_info("على").stem == word_info("علي").stem == "علي"
    tagger = default_tagger()
    assert tagger.tag("وقال السفير سامي العلي إن الوضع مستقر .".split())[2:4] == ["B-PERS", "I-PERS"]


def test_sentence_features_window_cues_and_gazetteer():
    feats = sentence_features(["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس"])
    assert len(feats) == 7
    assert "first" in feats[0] and "-1w=<s>" in feats[0] and "-2w=<s>" in feats[0]
    assert "-1c=SAY" in feats[1] and "c=TITLE" in feats[1]
    assert "-2s=" + word_info("الرئيس").stem in feats[3] and "1w=ماكرون" in feats[3]
    assert "ww=الفرنسي|" + word_info("إيمانويل").norm in feats[3]
    assert any(f.startswith("g=") for f in feats[6])            # باريس is in the gazetteers
    assert "2w=</s>" in feats[6] and "1w=</s>" in feats[6]


def test_non_word_tokens_get_a_shape():
    info = word_info("2021")
    assert info.kind == "number" and "sh=d" in info.own
    assert word_info("(د").kind == "mixed"


def test_known_attributes_filter_features():
    full = FeatureExtractor().sentence(["زار", "الرئيس", "بغداد"])
    known = frozenset(["b", "w=بغداد", "-1w=" + word_info("الرئيس").norm])
    kept = FeatureExtractor(known=known).sentence(["زار", "الرئيس", "بغداد"])
    assert kept[2] == [f for f in full[2] if f in known]
    assert set(kept[2]) == known


def test_document_evidence_lends_clues_to_other_mentions():
    doc = [["وقال", "الرئيس", "جورج", "بوش", "إن"], ["وأضاف", "بوش", "في", "بغداد"], [], ["بوش", "زار", "بغداد"]]
    feats = FeatureExtractor().document(doc)
    bare = [f for f in feats[3][0] if f.startswith("D")]      # بوش, alone at the start
    assert "D-1g=PER_FIRST" in bare and "Dt3" in bare and "D-1c=SAY" in bare
    assert "D-1g=PER_FIRST" not in feats[0][3]               # its own clue is not evidence
    assert "D-1c=SAY" in feats[0][3]                         # but that of another mention is
    assert not [f for f in feats[1][2] if f.startswith("D")]  # في: a function word
    assert not [f for f in feats[0][1] if f.startswith("D")]  # الرئيس: said once
    assert "Dg=B-CAPITAL" in feats[3][2]
    # within a window of two sentences, the last mention sees the second one, not the first
    near = FeatureExtractor().document(doc, window=2)
    assert "D-1g=PER_FIRST" not in near[3][0] and "D-1c=SAY" in near[3][0]
    assert FeatureExtractor().document(doc[:1]) == [FeatureExtractor().sentence(doc[0])]   # no repeats
    assert FeatureExtractor().document([[], ["بغداد"]]) == [[], FeatureExtractor().sentence(["بغداد"])]


def test_document_evidence_keeps_ala_apart_from_ali():
    # على (on) is a function word; علي (Ali) shares its match form but not its key
    assert word_info("على").key is None and word_info("وعلى").key is None
    assert word_info("علي").key == word_info("وعلي").key is not None
    doc = [["التقى", "الرئيس", "علي", "صالح", "بالوفد"], ["وأكد", "علي", "على", "الموقف"]]
    feats = FeatureExtractor().document(doc)
    assert "Dt3" not in feats[1][2] and "D-1c=TITLE" in feats[1][1]


# --- CoNLL ---------------------------------------------------------------------------------------

CONLL = """قال O
الرئيس O
جورج B-PERS
بوش I-PERS
في O
واشنطن B-LOC

وأعلنت O
الأمم B-ORG
المتحدة I-ORG
"""


def test_conll_round_trip(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text(CONLL, encoding="utf-8")
    sents = read_conll(path)
    assert [len(s.tokens) for s in sents] == [6, 3]
    assert sents[0].tags[2:4] == ["B-PERS", "I-PERS"]
    text = "".join(write_conll((s.tokens, s.tags) for s in sents))
    assert text == CONLL + "\n"
    assert [s.tokens for s in read_lines(text.splitlines())] == [s.tokens for s in sents]


def test_chunks_follow_conlleval():
    assert chunks(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        ("PERS", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)]
    assert chunks(["B-LOC", "I-PERS"]) == [("LOC", 0, 1), ("PERS", 1, 2)]
    assert chunks(["O", None, "O"]) == []


def test_score_arithmetic():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O", "B-LOC"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O", "O", "B-LOC"]]
    s = score(gold, pred)
    # gold: PERS, LOC, ORG, LOC (4); predicted: PERS, ORG, ORG, LOC (4); correct: PERS, LOC (2)
    assert (sum(s.gold.values()), sum(s.pred.values()), sum(s.tp.values())) == (4, 4, 2)
    assert s.micro() == (50.0, 50.0, 50.0)
    assert s.per_type("PERS") == (100.0, 100.0, 100.0)
    assert s.per_type("ORG") == (0.0, 0.0, 0.0)
    p, r, f = s.per_type("LOC")
    assert (p, r) == (100.0, 50.0) and f == pytest.approx(200 / 3)
    d = s.to_dict()
    assert d["micro"]["f1"] == 50.0 and d["types"]["LOC"]["gold"] == 2


def test_score_rejects_misaligned_sentences():
    from rasd.errors import EvalError
    with pytest.raises(EvalError):
        score([["O", "O"]], [["O"]])


def test_wojood_layers_are_mapped_and_flattened():
    tokens = ["سكرتير", "اللجنة", "القومية", "في", "نابلس"]
    outer = ["B-OCC", "I-OCC", "I-OCC", "I-OCC", "I-OCC"]
    inner = ["O", "B-ORG", "I-ORG", "O", "B-GPE"]
    assert _flatten(tokens, [outer, inner], WOJOOD_LABELS) == ["O", "B-ORG", "I-ORG", "O", "B-LOC"]


def test_read_training_keeps_anercorp_tags_and_maps_wojood(tmp_path):
    a = tmp_path / "a.conll"
    a.write_text(CONLL, encoding="utf-8")
    assert read_training(a)[1].tags == ["O", "B-ORG", "I-ORG"]
    w = tmp_path / "w.conll"
    w.write_text("زار O\nوفد B-NORP\nمصري I-NORP B-GPE\nالقاهرة B-GPE\n", encoding="utf-8")
    assert read_training(w)[0].tags == ["O", "O", "B-LOC", "B-LOC"]


def test_holdout_split_takes_every_tenth_block():
    from rasd.ner.conll import Sentence
    sents = [Sentence([str(i)], ["O"]) for i in range(1000)]
    train, held = holdout_split(sents)
    assert len(held) == 100 and len(train) == 900
    assert held[0].tokens == ["450"] and held[-1].tokens == ["999"]


# --- the packaged model and the commands ---------------------------------------------------------

def test_model_loads_once_and_tags():
    t0 = time.perf_counter()
    tagger = default_tagger()
    loaded = time.perf_counter() - t0
    assert default_tagger() is tagger
    assert MODEL_PATH.stat().st_size < 8_000_000
    assert loaded >= 0                         # reported by bench/bench_ner.py, not asserted
    assert set(tagger.labels()) >= {"O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "B-MISC"}
    words = ["وقال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "إن", "الأمم", "المتحدة"]
    tags = tagger.tag(words)
    assert len(tags) == len(words)
    assert tags[3:5] == ["B-PERS", "I-PERS"] and tags[6] == "B-LOC"
    tags2, probs = tagger.tag_scored(words)
    assert tags2 == tags and all(0.0 < p <= 1.0 for p in probs)
    assert tagger.tag([]) == []


def test_tag_document_only_adds_consistent_names():
    tagger = default_tagger()
    doc = [["وقال", "الأمين", "العام", "للأمم", "المتحدة", "كوفي", "أنان", "إن", "المنظمة", "مستعدة"],
           [],
           ["وأضاف", "أنان", "في", "نيويورك", "أن", "الوضع", "خطير"],
           ["والتقى", "أنان", "وزير", "الخارجية", "الفرنسي"]]
    plain = [tagger.tag(s) for s in doc]
    tags, probs = tagger.tag_document(doc, source=1.01)        # nothing confident enough to spread
    assert tags == plain
    tags, probs = tagger.tag_document(doc, source=0.0, target=0.0)
    assert [len(t) for t in tags] == [len(s) for s in doc] == [len(p) for p in probs]
    for before, after in zip(plain, tags):
        assert all(b == a for b, a in zip(before, after) if b != "O")
    # every confident name of the first sentence is also a name where its words recur untagged
    first = {tuple(doc[0][a:b]) for _, a, b in chunks(tags[0])}
    for k in (2, 3):
        names = {tuple(doc[k][a:b]) for _, a, b in chunks(tags[k])}
        assert all(n in names for n in first if n in {tuple(doc[k][i:i + len(n)]) for i in range(len(doc[k]))})


def test_attributes_of_the_model_file():
    attrs = model_attributes(MODEL_PATH)
    assert "b" in attrs and len(attrs) > 1000


def test_tag_keeps_every_line(tmp_path):
    text = "قال O\nالرئيس\nجورج x y\nبوش\n\n\nفي\nبغداد\n\n"
    lines = list(tag_lines(io.StringIO(text)))
    out = "".join(lines)
    assert out.count("\n") == text.count("\n")
    rows = out.split("\n")
    assert [r.split(" ")[0] for r in rows] == [r.split(" ")[0] if r else "" for r in text.split("\n")]
    assert all(len(r.split(" ")) == 2 for r in rows if r)
    path = tmp_path / "in.conll"
    path.write_text(text, encoding="utf-8")
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["tag", str(path)]) == 0
    assert buf.getvalue() == out


def test_eval_command_on_a_handmade_file(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = evaluate_file(path)
    assert sum(result.gold.values()) == 3 and result.sentences == 2
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["eval", "ner", str(path), "--json"]) == 0
    d = json.loads(buf.getvalue())
    assert d["gold"] == 3 and set(d["micro"]) == {"precision", "recall", "f1"}


def test_commands_report_missing_files(tmp_path, capsys):
    assert main(["eval", "ner", str(tmp_path / "none.conll")]) == 1
    assert main(["tag", str(tmp_path / "none.conll")]) == 1
    assert "none.conll" in capsys.readouterr().err


def test_train_is_reproducible(tmp_path):
    from rasd.ner.train import train
    data = tmp_path / "t.conll"
    data.write_text((CONLL + "\n") * 5, encoding="utf-8")
    a, b = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    info = train([data], a, seed=3, max_iterations=20)
    train([data], b, seed=3, max_iterations=20)
    assert a.read_bytes() == b.read_bytes()
    assert info["sentences"] == 10 and json.loads((tmp_path / "a.crfsuite.json").read_text())["seed"] == 3
    assert NerTagger(a).tag(["في", "واشنطن"])[0] == "O"


# --- the mentions stage --------------------------------------------------------------------------

def _tokenized(text: str) -> Document:
    doc = Document(text)
    for name in ("sentences", "tokens"):
        create(name)(doc)
    return doc


def test_mention_spans_leave_out_conjunctions_and_prepositions():
    text = "وصل الرئيس جورج بوش إلى بغداد وزار وبالعراق للعراق الأمم المتحدة"
    doc = _tokenized(text)
    by_text = {text[t.start:t.end]: t for t in doc.tokens}
    assert text[mention_start(by_text["وبالعراق"], text):by_text["وبالعراق"].end] == "العراق"
    assert text[mention_start(by_text["للعراق"], text):by_text["للعراق"].end] == "لعراق"
    assert mention_start(by_text["بغداد"], text) == by_text["بغداد"].start


def test_mention_stage_finds_people_and_places():
    text = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة ستجتمع.\nوزار بوش وبغداد أمس."
    doc = _tokenized(text)
    stage = MentionStage()
    stage(doc)
    assert "mentions" in doc.done
    found = {(text[m.start:m.end], m.label) for m in doc.mentions}
    assert ("جورج بوش", "PER") in found and ("واشنطن", "LOC") in found
    assert [m.id for m in doc.mentions] == [f"m{i + 1}" for i in range(len(doc.mentions))]
    assert all(0 < m.score <= 1 and m.source == "model" for m in doc.mentions)
    assert all(m.label in ("PER", "LOC", "ORG", "MISC") for m in doc.mentions)


# --- quality floor (needs ../shared) ---------------------------------------------------------------

def test_anercorp_test_f1_floor(shared):
    path = shared / "data" / "ner" / "anercorp" / "test.txt"
    if not path.is_file():
        pytest.skip("ANERcorp test split not present")
    result = evaluate_file(path)
    assert result.micro()[2] >= ANERCORP_TEST_F1_FLOOR
