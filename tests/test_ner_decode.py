"""The fast NER decoder (rasd.ner.decode) against crfsuite, the reference: same tags, same marginals."""
from __future__ import annotations

import json
import pickle
from bisect import bisect_left
from itertools import islice

import pycrfsuite
import pytest

from rasd.model import Document
from rasd.ner import MODEL_PATH, NerTagger
from rasd.ner.conll import read_conll
from rasd.ner.decode import Decoder, available, read_weights
from rasd.stages import create

needs_c = pytest.mark.skipif(not available(), reason="rasd.ner._crf is not built")

SENTENCES = [
    ["وقال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "إن", "الأمم", "المتحدة", "ستجتمع", "."],
    ["والتقى", "وزير", "الخارجية", "الفرنسي", "برنار", "كوشنير", "نظيره", "المصري", "أحمد", "أبو", "الغيط"],
    ["بغداد"],
    ["في", "عمان"],
    ["أعلنت", "وكالة", "الأنباء", "السعودية", "(", "واس", ")", "أن", "2021", "كان", "عاما", "صعبا", "|", "|"],
    ["ذكرت", "رويترز", "أن", "الجيش", "الإسرائيلي", "قصف", "مستشفى", "كمال", "عدوان", "في", "شمال", "غزة"],
]


def _reference(sentences, window=None):
    """crfsuite's tags and marginals (every label) of each sentence, read as one document."""
    tagger = NerTagger(engine="crfsuite")
    crf = tagger._crf()
    labels = tagger.labels()
    out = []
    for s, x in zip(sentences, tagger.features.document(sentences, window)):
        crf.set(x)
        out.append((crf.tag(), [[crf.marginal(y, i) for y in labels] for i in range(len(s))]))
    return out


def _assert_agree(sentences, decoder, window=None):
    got = decoder.decode(sentences, window)
    tags, marg, width = got.tags, got.marginals, got.width
    assert len(tags) == len(got.stems) == sum(len(s) for s in sentences) and width == len(decoder.labels)
    offset = 0
    for s, (ref_tags, ref_marg) in zip(sentences, _reference(sentences, window)):
        assert [decoder.labels[k] for k in tags[offset:offset + len(s)]] == ref_tags, s
        for i, row in enumerate(ref_marg):
            got = marg[(offset + i) * width:(offset + i + 1) * width]
            assert max(abs(a - b) for a, b in zip(got, row)) < 1e-9, (s, i)
        offset += len(s)


def test_weights_are_read_from_the_model_file():
    w = read_weights(MODEL_PATH)
    crf = pycrfsuite.Tagger()
    crf.open(str(MODEL_PATH))
    info = crf.info()
    assert w.labels == crf.labels()
    for (a, b), v in info.transitions.items():          # info() prints six decimals
        assert w.transitions[w.labels.index(a)][w.labels.index(b)] == pytest.approx(v, abs=1e-6)
    got = {(a, w.labels[y]): v for a, row in w.attributes.items() for y, v in enumerate(row) if v}
    assert set(got) == set(info.state_features)
    for key, v in islice(info.state_features.items(), 0, None, 97):
        assert got[key] == pytest.approx(v, abs=1e-6)


@needs_c
def test_decoder_agrees_with_crfsuite():
    tagger = NerTagger(engine="crfsuite")
    decoder = Decoder(MODEL_PATH, tagger.features)
    _assert_agree(SENTENCES, decoder)
    _assert_agree(SENTENCES[::-1], decoder)                # warm word cache, other order
    decoder.clear()
    _assert_agree([SENTENCES[1]], decoder)
    small = Decoder(MODEL_PATH, tagger.features, cache_size=5)   # cleared between documents
    for _ in range(2):
        _assert_agree(SENTENCES, small)
    assert len(small._cache) == sum(len(set(s)) for s in [[w for s in SENTENCES for w in s]])
    assert decoder.decode([]).tags == bytearray() and decoder.decode([[]]).starts == [0]


@needs_c
def test_fast_engine_tags_documents_like_crfsuite():
    fast, slow = NerTagger(engine="fast"), NerTagger(engine="crfsuite")
    assert fast.engine == "fast" and slow.engine == "crfsuite"
    doc = SENTENCES + [[], ["وأضاف", "بوش", "أن", "كوشنير", "زار", "غزة"]]
    for kwargs in ({}, {"window": 2}, {"source": 0.0, "target": 0.0}):
        tags, probs = fast.tag_document(doc, **kwargs)
        ref_tags, ref_probs = slow.tag_document(doc, **kwargs)
        assert tags == ref_tags
        assert [[round(p, 9) for p in ps] for ps in probs] == [[round(p, 9) for p in ps] for ps in ref_probs]
        assert [[n[:3] for n in ns] for ns in fast.names(doc, **kwargs)] == \
               [[n[:3] for n in ns] for ns in slow.names(doc, **kwargs)]
    for s in SENTENCES:
        assert fast.tag(s) == slow.tag(s)
        t, p = fast.tag_scored(s)
        rt, rp = slow.tag_scored(s)
        assert t == rt and all(abs(a - b) < 1e-9 for a, b in zip(p, rp))


def test_crfsuite_engine_can_be_asked_for():
    tagger = NerTagger(engine="crfsuite")
    assert tagger.decoder is None and tagger.tag(["في", "بغداد"])[1] == "B-LOC"
    with pytest.raises(ValueError):
        NerTagger(engine="numpy")


def test_tagger_pickles_as_its_model_and_engine():
    for engine in ("auto", "crfsuite"):
        tagger = pickle.loads(pickle.dumps(NerTagger(engine=engine)))
        assert tagger.engine == NerTagger(engine=engine).engine
        assert tagger.tag(["في", "بغداد"]) == ["O", "B-LOC"]


@needs_c
def test_decoder_agrees_on_anercorp_and_the_corpus(shared):
    path = shared / "data" / "ner" / "anercorp" / "test.txt"
    if not path.is_file():
        pytest.skip("ANERcorp test split not present")
    decoder = Decoder(MODEL_PATH, NerTagger(engine="crfsuite").features)
    sentences = [s.tokens for s in read_conll(path)]
    _assert_agree(sentences[::7][:300], decoder)
    _assert_agree(sentences[:300], decoder, window=20)
    docs = []
    with (shared / "corpus" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in islice(f, 0, 40, 4):
            doc = Document(json.loads(line)["text"])
            create("sentences")(doc)
            create("tokens")(doc)
            starts = [t.start for t in doc.tokens]
            for s in doc.sentences:
                i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
                docs.append([doc.text[t.start:t.end] for t in doc.tokens[i:j]])
    _assert_agree(docs, decoder)
