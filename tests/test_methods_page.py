"""The methods appendix, the conclusions' sentences and the reproducibility page say what is true of
the corpus at hand (referee round 2: A5, A10, A12, P5, P6, P8, O2, O3, B4, 6.5)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from newscorpus import findings, units
from newscorpus.book.input_digest import LIST_COMMAND, inputs_summary, list_digest, shown_rows
from newscorpus.methods_page import corpus_facts, outlet_intervals_text
from newscorpus.report.translation_status import in_sample_sentence

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CELL = re.compile(r"```\{code-cell\} ipython3\n(?::tags:[^\n]*\n)?(.*?)\n```", re.S)


# --- the methods page, executed on chosen facts ----------------------------------------------

def methods_text(facts: dict) -> str:
    """Every Markdown paragraph the methods page's cells display, for ``facts``, with the static
    text around them (the setup cell, which reads the corpus, is replaced by ``facts``)."""
    page = (ROOT / "book" / "methods.md").read_text(encoding="utf-8")
    shown = []
    namespace = {"display": lambda *items: shown.extend(getattr(i, "data", str(i)) for i in items)}
    cells = CELL.findall(page)
    assert "corpus_facts(" in cells[0]  # the setup cell
    exec("from IPython.display import Markdown\nfrom newscorpus import units\n"
         "from newscorpus.methods_page import outlet_intervals_text", namespace)
    namespace.update(facts=facts, original=facts["original"])
    for code in cells[1:]:
        exec(code, namespace)
    dropped = "own_corpus" if facts["original"] else "original_corpus"  # as the corpus_tags extension does
    page = re.sub(r"```\{only\} " + dropped + r"\n.*?\n```", "", page, flags=re.S)
    return CELL.sub("", page) + "\n".join(shown)


FACTS = {"original": False, "unit": units.ARTICLE, "articles": 12, "outlets": 9, "hand_labels": 0,
         "hand_attributions": 0, "polnear": 0, "in_sample": ""}


def test_outlet_corpora_are_described_by_the_cluster_bootstrap_not_bonferroni():
    said = methods_text({**FACTS, "unit": units.OUTLET, "articles": 923, "outlets": 7})
    assert "cluster bootstrap" in said and "do not overlap" in said
    assert "Bonferroni" not in said and "Pairs of\narticles are compared" not in said
    assert "rd_n_pairs:,d` pairs of outlets" in said
    # article pairs, with the correction, only where articles are compared
    assert "(Bonferroni)" in methods_text(FACTS)
    assert "Bonferroni" not in methods_text({**FACTS, "articles": 1})
    assert "no correction" in methods_text({**FACTS, "articles": 2})


def test_no_hand_annotation_is_one_sentence_not_zero_of_zero():
    said = methods_text(FACTS)
    assert "fr_label_cells" not in said and "fr_attr_precision_text" not in said
    assert "Not scored on this corpus: no article of it has a hand annotation." in said
    assert "Wilson" not in said  # no intervals promised that do not exist
    original = methods_text({**FACTS, "original": True, "hand_labels": 5, "hand_attributions": 5})
    assert "fr_label_cells_agree" in original and "(the original five:" in original


def test_war_wording_and_five_article_caveats_only_for_the_original_five():
    own = methods_text(FACTS)
    for phrase in ("war\nreporting", "for this conflict", "fr_vader_missing", "hand-picked", "were written for these texts",
                   "bleed Moscow", "not war reporting", "al-Sham", "Haider al-Abadi", "Islamic State*"):
        assert phrase not in own, phrase
    assert "significance test about outlets" in own
    original = methods_text({**FACTS, "original": True, "hand_labels": 5, "hand_attributions": 5})
    for phrase in ("war\nreporting", "for this conflict", "fr_vader_missing", "hand-picked", "were written for these texts"):
        assert phrase in original, phrase


def test_the_theme_check_is_in_sample_where_the_corpus_is_polnear():
    said = methods_text({**FACTS, "polnear": 923, "in_sample": "This corpus overlaps data ..."})
    assert "in-sample here" in said and "th_check_share" in said
    assert "in-sample here" not in methods_text(FACTS)
    # and the in-sample note the other pages print names the check
    polnear = pd.DataFrame({"file": ["a.txt"], "origin": ["original reporting (PolNeAR corpus)"]})
    assert "theme dictionary's check" in in_sample_sentence(polnear)


def test_corpus_facts_on_the_seeds_and_on_a_polnear_corpus(tmp_path, monkeypatch):
    import newscorpus

    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(SEEDS))
    facts = corpus_facts(newscorpus.load(SEEDS))
    assert facts["original"] and facts["unit"] == units.ARTICLE
    assert facts["hand_labels"] == facts["hand_attributions"] == 5 and facts["polnear"] == 0
    articles = pd.DataFrame({"file": [f"p{i}.txt" for i in range(6)], "outlet": ["A", "A", "A", "B", "B", "B"],
                             "origin": ["original reporting (PolNeAR corpus)"] * 6})
    facts = corpus_facts(articles)
    assert facts["unit"] == units.OUTLET and facts["polnear"] == 6 and facts["hand_attributions"] == 0
    assert "in-sample" in facts["in_sample"]
    assert "Bonferroni" not in outlet_intervals_text(facts)


# --- the conclusions' sentences ----------------------------------------------------------------

def test_a_transcript_is_recognised_by_its_speaker_turns():
    interview = ["JAKE TAPPER: Welcome back.", "FALLIN: Thank you.", "TAPPER: And the polls?",
                 "FALLIN: Well, I think so.", "A line of narrative."]
    assert findings.transcript_turns(interview) == 4
    # a single editor's note, or one speaker quoted twice, is no transcript
    assert findings.transcript_turns(["EDITOR'S NOTE: x", "Text.", "More text."]) == 0
    assert findings.transcript_turns(["TRUMP: a", "TRUMP: b", "TRUMP: c"]) == 0
    assert findings.transcript_turns(["Washington said: no.", "He said: yes.", "They: maybe."]) == 0


def test_poisson_interval_of_a_small_count_matches_the_published_table():
    # exact (Garwood) 95% limits for a count of 6 are 2.202 and 13.06 (e.g. Ulm 1990, Table 1)
    low, high = findings.poisson_rate_interval(6, 1000.0)
    assert low == pytest.approx(2.202, abs=0.002) and high == pytest.approx(13.06, abs=0.01)
    assert findings.poisson_rate_interval(0, 500.0)[0] == 0.0


def _superlative_table(turns=(0, 0, 0), translation=("", "", "")):
    files = ["a", "b", "c"]
    overview = pd.DataFrame({"file": files, "outlet": ["Alpha", "Beta", "Gamma"], "date_label": ["2016"] * 3,
                             "published": pd.to_datetime(["2016-01-01"] * 3), "clean_words": [320, 1000, 1000]})
    table = pd.DataFrame({"file": files, "kincaid_grade": [10.0, 11.0, 12.0], "daesh_share": [float("nan")] * 3,
                          "sources_named": [4, 10, 10], "sources_unnamed": [6, 2, 1], "quotations": [7, 3, 2],
                          "wire_agency": [""] * 3, "speaker_turns": list(turns), "translation": list(translation),
                          "top_theme_clear": [False] * 3})
    table.attrs.update(conflict_news=False, conflict_articles=0)
    return table, overview


def test_a_superlative_on_a_few_events_carries_its_interval_and_translation_status():
    table, overview = _superlative_table(translation=("possibly a translation", "", ""))
    said = " ".join(findings.findings_sentences(table, overview))
    assert "Alpha, 2016 (possibly a translation) carries the most unnamed sources" in said
    assert "95% interval" in said and "from a count of 6" in said


def test_a_transcript_is_not_ranked_on_sources():
    table, overview = _superlative_table(turns=(5, 0, 0))
    said = " ".join(findings.findings_sentences(table, overview))
    assert "Alpha, 2016 is a transcript" in said and "not transcripts" in said
    assert "Alpha, 2016 carries" not in said and "Beta, 2016 carries the most unnamed sources" in said


def test_a_theme_rate_on_a_word_or_two_is_said_to_be_one():
    rates = pd.DataFrame({"file": ["a", "b"], "battles": [3.1, 0.0], "protests": [3.1, 0.5]})
    terms = pd.DataFrame({"file": ["a", "a", "b"], "theme": ["battles", "protests", "protests"],
                          "term": ["regain*", "protest*", "protest*"], "count": [1, 1, 1]})
    few = findings.few_match_conflict(rates.rename(columns={"protests": "demonstrations"}), terms)
    assert few == {"a": ["protest", "regain"]}
    t = pd.DataFrame({"file": ["a", "b"]})
    t.attrs.update(conflict_articles=1, conflict_few_matches=few, conflict_few_counts={"a": 2})
    said = findings._no_theme_sentence(t)
    assert "on 2 matched words (protest and regain)" in said and "the one article that does" not in said


def test_the_sampling_caveat_states_the_corpus_span():
    overview = pd.DataFrame({"file": list("abcdef"), "outlet": ["A"] * 3 + ["B"] * 3,
                             "published": pd.to_datetime(["2015-11-08", "2016-01-01", "2016-03-01",
                                                          "2016-05-01", "2016-07-01", "2016-10-07"]),
                             "date_precision": ["day"] * 6})
    assert findings.sample_span(overview) == "3 articles from each outlet, published from November 2015 to October 2016"
    one = overview.iloc[:4].assign(outlet=["A", "B", "C", "C"])
    assert findings.sample_span(one).startswith("at most 2 articles from one outlet (C), published from November 2015")
    page = (ROOT / "book" / "conclusions.md").read_text(encoding="utf-8")
    assert "handful" not in page and "few weeks" not in page


# --- the reproducibility page ------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils' sha256sum")
def test_the_list_digest_is_what_the_shell_command_prints(tmp_path):
    from newscorpus.book.environment import input_hashes

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in {"b.txt": "two", "A.txt": "one", "a_b.txt": "three", "Z-1.html": "<p>four</p>"}.items():
        (seeds / name).write_text(text, encoding="utf-8")
    hashes = input_hashes(seeds)
    printed = subprocess.run(["bash", "-c", LIST_COMMAND], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert printed.stdout.split()[0] == list_digest(hashes)
    assert list_digest(hashes) in inputs_summary(hashes)
    many = pd.DataFrame({"file": [f"{i:04d}.txt" for i in range(925)], "bytes": 1, "sha256": "0" * 64})
    assert len(shown_rows(many)) < 25 and len(shown_rows(hashes)) == 4


def test_no_removed_cell_of_a_book_page_displays_anything():
    # `remove-cell` drops a cell's output with its input: a cell that displays a paragraph must be
    # `remove-input`, or the page loses the paragraph (methods' Cleaning section once did)
    for page in sorted((Path(__file__).resolve().parents[1] / "book").glob("*.md")):
        for cell in re.findall(r"```\{code-cell\}[^\n]*\n(:tags: \[[^\]]*\]\n)?(.*?)```", page.read_text(), re.S):
            tags, body = cell
            if "remove-cell" in tags:
                assert not re.search(r"(?<![\w.])display\(", body), (page.name, body[:200])
