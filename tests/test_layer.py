"""The text layer: one definition of a word, names from the text, offsets into the file as read,
part of speech where a lexicon needs it, the document-feature matrix and ``annotate``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, SEEDS
from newscorpus.corpus import strip_invisible
from newscorpus.layer.annotate import read_document
from newscorpus.layer.dfm import counts_by_file, dfm, document_counts
from newscorpus.layer.tokenize import paragraph_tokens
from newscorpus.layer.words import word_count, word_key, words
from newscorpus.measures.framing import scan_paragraph


def keys(text: str) -> list[str]:
    return [t.key for t in paragraph_tokens(text)]


def names(text: str) -> list[str]:
    return [t.key for t in paragraph_tokens(text) if t.kind == "name"]


@pytest.mark.parametrize("text, expected", [
    ("U.S. forces", ["US", "forces"]),
    ("40,000 fighters", ["40,000", "fighters"]),
    ("al-Sham and post-Mosul plans", ["al-Sham", "and", "post-mosul", "plans"]),
    ("Iraq's army", ["iraq", "army"]),
    ("IS and ISIS, not is", ["IS", "and", "ISIS", "not", "is"]),
    ("Al-Baghdadi spoke", ["al-Baghdadi", "spoke"]),
])
def test_word_keys(text, expected):
    assert keys(text) == expected


def test_one_word_count_for_abbreviations_numbers_and_hyphens():
    assert word_count("The U.S. sent 40,000 troops to al-Sham — post-Mosul.") == 8
    assert [k for _, _, k in words("A.B. 12 cd")] == ["abbrev", "number", "word"]
    assert word_key("Daesh’s") == "daesh"


@pytest.mark.parametrize("sentence, expected", [
    ("Officials met Haider al-Abadi in Baghdad.", ["Haider al-Abadi"]),
    ("Fighters crossed between Iraq and Syria.", []),
    ("He named the Islamic State of Iraq and Syria.", ["Islamic State of Iraq and Syria"]),
    ("The Islamic State retreated.", ["Islamic State"]),
    ("Iraqi Prime Minister Adel Abdul Mahdi said so.", ["Adel Abdul Mahdi"]),
    ("Florida Sen. Marco Rubio met Ohio Gov. John Kasich and Rep. Paul Ryan.", ["Marco Rubio", "John Kasich", "Paul Ryan"]),
    ("Sen Marco Rubio and Florida Senator Bill Nelson spoke.", ["Marco Rubio", "Bill Nelson"]),
    ("They spoke of Iraq's Sunnis at length.", []),
    ("US-backed forces moved.", []),
    ("They fought the al-Qaeda-linked Islamic State there.", ["Islamic State"]),
    ("He cited Elijah J. Magnier on this.", ["Elijah J. Magnier"]),
    ("Operation Breaking the Walls began.", ["Operation Breaking the Walls"]),
    ("In Deir ez-Zour, fighters gathered.", ["Deir ez-Zour"]),
])
def test_names_come_from_the_text(sentence, expected):
    assert names(sentence) == expected


def test_a_sentence_head_that_the_text_writes_in_lower_case_starts_no_name():
    text = "Jihadists of Nusra attacked. Other jihadists left."
    assert names(text) == []
    assert names("Michael Hanna wrote it.") == ["Michael Hanna"]


def test_a_title_case_headline_has_no_names():
    assert [t.kind for t in paragraph_tokens("Iraq Prepares for New Fight against Post-Mosul Daesh", split=False)
            ].count("name") == 0


def test_offsets_index_the_file_as_read(tmp_path):
    raw = ("\ufeffA Title For Testing\n\nThe  Islamic State\nlost ground, officials said.\u200b\n\n"
           "“We will return,” a fighter   told Reuters.\n")
    path = tmp_path / "article.txt"
    path.write_text(raw, encoding="utf-8")
    doc = read_document(path, clean=False)
    text = strip_invisible(raw.lstrip("\ufeff"))[0]  # as the project reads it: no BOM, no zero-width characters
    assert doc.text == text and "\u200b" not in text
    for token in doc.tokens:
        assert text[token.start:token.end].split() == token.text.split()
    assert {t.voice for t in doc.tokens if t.text == "We"} == {"quoted"}
    assert [t.text for t in doc.tokens if t.kind == "name"] == ["Islamic State"]


def test_cleaned_seeds_align_and_count_one_way():
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        body = [p for p in doc.parts if p.kind == "body"]
        assert all(p.aligned for p in body), path.name
        assert doc.word_count() == sum(word_count(p.text) for p in body)
        for token in doc.tokens:
            if doc.parts[token.part].aligned:
                assert doc.text[token.start:token.end].split() == token.text.split()


def lexicon_hits(text: str) -> set[tuple[str, str]]:
    return {(text[h[3]:h[4]], h[1]) for h in scan_paragraph(text) if h[0] == "lexicon"}


@pytest.mark.parametrize("text, wrong", [
    ("The city fell in May and in May 2010 again.", ("May", "hedges")),
    ("He spoke of a single state for all.", ("state", "assertives")),
    ("There were conflicting reports about it.", ("reports", "assertives")),
    ("It cited a report of the magazine.", ("report", "assertives")),
    ("It is not aimed at controlling certain areas.", ("certain", "assertives")),
])
def test_lexicon_misfires_are_gone(text, wrong):
    assert wrong not in lexicon_hits(text)


@pytest.mark.parametrize("text, right", [
    ("Prices may rise next year.", ("may", "hedges")),
    ("Officials stated that the town fell.", ("stated", "assertives")),
    ("It is certain that they left.", ("certain", "assertives")),
    ("They report the plans of the group.", ("report", "assertives")),
    ("Residents will report the plans of the group.", ("report", "assertives")),
])
def test_true_uses_still_match(text, right):
    assert right in lexicon_hits(text)


def test_dfm_counts_every_token_once():
    docs = [read_document(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    matrix = dfm(document_counts(d) for d in docs)
    assert list(matrix.columns) == ["file", "voice", "key", "count"]
    for doc in docs:
        assert matrix.loc[matrix["file"] == doc.file, "count"].sum() == len(doc.tokens)
    body = counts_by_file(matrix)
    assert sum(body[docs[0].file].values()) == len(docs[0].words())


def test_annotate_cli(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    run = subprocess.run([sys.executable, "-m", "newscorpus", "annotate", "--json", str(seed), str(tmp_path / "no.txt")],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"error: {tmp_path / 'no.txt'}: file not found"]
    record = json.loads(run.stdout)
    assert set(record) == {"path", "voices", "sentences", "tokens", "hits", "attributions"}
    text = seed.read_text(encoding="utf-8-sig")
    assert all(text[t["start"]:t["end"]].split() == t["text"].split() for t in record["tokens"])
    assert {t["pos"] for t in record["tokens"]} >= {"NOUN", "VERB", "PROPN", "ADP"}
    assert all(text[h["start"]:h["end"]].lower() for h in record["hits"])
    assert {"headline", "narrative"} <= {v["voice"] for v in record["voices"]}
    assert all(isinstance(s["loaded"], bool) for s in record["sentences"])
    loaded = [h for h in record["hits"] if h["list"] == "loaded"]
    assert all(text[h["start"]:h["end"]] == h["entry"] for h in loaded)


def test_importing_the_layer_and_measures_does_not_load_matplotlib():
    code = ("import sys, newscorpus.layer.document, newscorpus.layer.annotate, newscorpus.measures.framing, "
            "newscorpus.measures.sentences; print('matplotlib' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.strip() == "False", run.stderr


def test_the_fast_tagger_gives_the_packages_own_tags():
    from newscorpus.layer import pos

    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in read_document(path).paragraphs:
            by_sentence: dict[int, list[str]] = {}
            for t in paragraph_tokens(paragraph):
                if t.kind in ("word", "abbrev"):
                    by_sentence.setdefault(t.sentence, []).append(t.form)
            sentences += by_sentence.values()
    assert sum(map(len, sentences)) > 4000
    assert [pos.fast_tagger().tag(s) for s in sentences] == [pos.tagger().tag(s) for s in sentences]


def test_a_window_around_a_word_tags_it_as_its_sentence_does():
    from newscorpus.layer.tagging import upos_at

    checked = agreed = 0
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        for paragraph in read_document(path).paragraphs:
            for start, _end, kind in words(paragraph):
                if kind == "word":
                    checked += 1
                    agreed += upos_at(paragraph, start) == upos_at(paragraph, start, whole_sentence=True)
    assert checked > 1000 and agreed / checked >= 0.995
