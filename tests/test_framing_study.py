"""The framing chapter's study tables: translation status from evidence, the codings laid out,
member nouns tied to the group's name, epithets in headlines, the agency check, tone toward the
group and the narrative-only profile."""

from __future__ import annotations

import json
import math
import re
import shutil

import pandas as pd
import pytest

import newscorpus
from newscorpus import framing_codebook
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import framing
from newscorpus.measures.framing import scan_paragraph
from newscorpus.report import framing_study as study
from newscorpus.report.translation_status import count_translated, translation_status

from conftest import REPO

SEEDS = REPO / "seeds"
AL_AHED = "003_0de244d715e8d948.txt"
MAGNIER = "004_36699c77de50e06f.txt"
RAWABET = "002_34c7e98329047369.txt"


@pytest.fixture(scope="module")
def articles():
    return newscorpus.load()


@pytest.fixture(scope="module")
def cleaned(articles):
    return clean_corpus(articles)


@pytest.fixture(scope="module")
def table(cleaned):
    return framing.framing_table(cleaned)


# --- translation status -----------------------------------------------------------------------------


def test_translation_status_rows_match_the_corpus_and_their_evidence_is_in_the_texts(articles):
    status = translation_status(articles).set_index("file")
    text = {f: (SEEDS / f).read_text(encoding="utf-8") for f in articles["file"]}
    brackets = re.findall(r"\[[^\]]+\]", status.loc["000_c201e67ac8fcfc8b.txt", "evidence"])
    assert len(brackets) == 6 and all(b in text["000_c201e67ac8fcfc8b.txt"] for b in brackets)
    for file, row in status.iterrows():  # every quoted credit line is on the page
        for quoted in re.findall(r'"([^"]{12,})"', row["evidence"]):
            assert quoted in " ".join(text[file].split()), (file, quoted)
    assert status.loc[MAGNIER, "status"] == "translated_credited"
    assert status.loc[AL_AHED, "status"] == "republished_wire"


def test_translation_status_falls_back_to_the_recorded_origin():
    mine = pd.DataFrame({"file": ["000_c201e67ac8fcfc8b.txt", "mine.txt", "theirs.txt"],
                         "title": ["Another title", "x", "y"],
                         "origin": ["original reporting", "English translation", "original reporting"]})
    status = translation_status(mine)
    # a known file name with another title is not taken for the seed
    assert list(status["status"]) == ["recorded_original", "recorded_translation", "recorded_original"]
    assert count_translated(status) == (1, 0)


def test_original_five_count_two_translations_and_one_probable(articles):
    assert count_translated(translation_status(articles)) == (2, 1)


# --- the codings ------------------------------------------------------------------------------------


def test_coded_files_need_the_very_text_that_was_coded(tmp_path, articles):
    assert sorted(study.coded_files(articles["file"])) == sorted(articles["file"])
    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    changed = tmp_path / MAGNIER
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert MAGNIER not in study.coded_files(articles["file"], tmp_path)
    assert AL_AHED in study.coded_files(articles["file"], tmp_path)


def test_agreement_table_reads_each_scope():
    scopes = [{"scope": "all items", "items": 2, "units": 10, "agreed": 7, "percent": 70.0, "alpha": 0.4,
               "alpha_low": 0.1, "alpha_high": 0.65}]
    shown = study.agreement_table(scopes)
    assert shown.loc["all items", "Percent agreement"] == pytest.approx(0.7)
    assert shown.loc["all items", "Alpha, 95% bootstrap interval"] == "0.10 to 0.65"


def test_disagreement_frame_lists_every_disagreement_and_nothing_else(articles):
    rows = study.coded_rows(study.coded_files(articles["file"]))
    shown = study.disagreement_frame(rows, {})
    assert len(shown) == len(framing_codebook.disagreements())
    assert (shown["Coder A"] != shown["Coder B"]).all()


def test_frame_summary_reads_the_settled_answers(articles):
    rows = study.coded_rows(study.coded_files(articles["file"]))
    summary = study.frame_summary(rows, {})
    assert summary.loc[MAGNIER, "Cause"] == "foreign power (united states)"
    assert summary.loc[RAWABET, "Fixed epithet"] == "yes"
    assert summary.loc[AL_AHED, "Name in headline"] == "daesh"
    frames = study.generic_frames(rows)
    assert all(sum(n for _, n in f.values()) == 20 for f in frames.values())  # twenty questions each


def test_every_evidence_line_shown_is_in_its_article(articles):
    rows = study.coded_rows(study.coded_files(articles["file"]))
    names = {f: f for f in articles["file"]}
    shown = study.evidence_frame(rows, names)
    text = {f: " ".join((SEEDS / f).read_text(encoding="utf-8").split()) for f in articles["file"]}
    quoted = 0
    for file, cell in zip(shown["Article"], shown["Evidence (verbatim)"]):
        for quote in re.findall(r"“(.+?)”(?: / |$)", cell):
            assert " ".join(quote.split()) in text[file], quote
            quoted += 1
    assert quoted > 100


# --- member nouns and epithets ----------------------------------------------------------------------


def _hits(file: str, paragraphs: list[str]) -> pd.DataFrame:
    rows = [{"file": file, "paragraph": i, "family": family, "name": name, "lemma": lemma, "voice": voice,
             "start": start, "end": end}
            for i, p in enumerate(paragraphs) for family, name, lemma, start, end, voice in scan_paragraph(p)]
    return pd.DataFrame(rows)


def test_member_nouns_after_the_name_are_the_groups():
    paragraphs = ["ISIS fighters fled the city. The Jihadists of al-Nusra stayed.",
                  "ISIS and the Jihadists will remain. Officials reported ISIS members and fighters in the desert."]
    lines = study.member_noun_lines(_hits("x", paragraphs), {"x": paragraphs})
    assert list(lines["after_name"]) == [True, False, False, True]


def test_magnier_member_nouns_are_mostly_other_groups(cleaned):
    paragraphs = dict(zip(cleaned["file"], cleaned["paragraphs"]))
    lines = study.member_noun_lines(framing.hits_table(cleaned), paragraphs)
    magnier = lines[lines["file"] == MAGNIER]
    assert magnier["after_name"].sum() < len(magnier) / 2


def test_epithets_before_the_name():
    caption = "clashes between Iraqi security forces and the al-Qaeda-linked Islamic State in Iraq (ISIS)"
    assert study.epithets_before_name(caption) == ["al-Qaeda-linked"]
    assert study.epithets_before_name("the so-called Islamic State") == ["so-called"]
    assert study.epithets_before_name("Iran-backed militias fought ISIS") == []


def test_headline_naming_counts_the_caption_epithet(cleaned, articles):
    from newscorpus.measures import headlines

    parts = headlines.headline_table(cleaned, articles)
    naming = study.headline_naming(parts, articles["file"]).set_index("file")
    assert naming.loc["001_a92967235dabab54.txt", "described"] == 1  # the caption's al-Qaeda-linked
    assert naming.loc[RAWABET, "described"] == 1  # the terrorist ISIS


# --- agency -----------------------------------------------------------------------------------------


def test_agency_check_scores_a_known_sample():
    compared = pd.DataFrame({"file": "x", "label": ["agent", "agent", "patient", "neither", "not_group"],
                             "role": ["agent", "neither", "patient", "neither", "agent"]})
    shown = study.agency_check_table({"seeds": compared}).droplevel(0)
    assert shown.loc["agent", "Precision"] == 1.0 and shown.loc["agent", "Recall"] == 0.5
    assert shown.loc["neither", "Precision"] == 0.5
    assert shown.loc["agent", "Accuracy (all labels)"] == 0.75  # not_group left out
    assert shown.loc["agent", "Majority baseline"] == 0.5


def test_agency_check_says_whether_the_held_out_sample_is_there():
    compared = pd.DataFrame({"file": "x", "label": ["agent"], "role": ["agent"]})
    assert "absent" in study.agency_check_text({"seeds": compared})
    assert "held-out sample of 1 sentences" in study.agency_check_text({"seeds": compared, "heldout": compared})
    present = (REPO / "newscorpus" / "data" / "framing" / "agency_heldout.csv").exists()
    assert ("heldout" in study.agency_samples()) == present


def test_hand_agency_shares_count_the_hand_labels(articles):
    sample = pd.read_csv(REPO / "newscorpus" / "data" / "framing" / "agency_gold.csv", comment="#",
                         dtype={"paragraph": str}, keep_default_na=False)
    compared = study.agency_samples()["seeds"]
    shares = study.hand_agency_shares(compared, articles["file"]).set_index("file")
    mine = sample[(sample["file"] == AL_AHED) & (sample["label"] != "not_group")]
    assert shares.loc[AL_AHED, "sentences"] == len(mine)
    assert shares.loc[AL_AHED, "agent"] == (mine["label"] == "agent").sum()
    assert shares.loc[AL_AHED, "agent_share_low"] < shares.loc[AL_AHED, "agent_share"] < shares.loc[AL_AHED, "agent_share_high"]


# --- tone and profile -------------------------------------------------------------------------------


def test_group_tone_summary_shows_the_extreme_lines(cleaned, articles):
    rows = study.group_tone_table(cleaned)
    summary = study.group_tone_summary(rows, articles["file"], {})
    mine = rows[rows["file"] == RAWABET]
    low = mine.loc[mine["compound"].idxmin()]
    assert summary.loc[RAWABET, "Most negative"] == f"{low['compound']:+.2f}: {low['sentence']}"
    assert summary.loc[RAWABET, "Mean compound"] == pytest.approx(mine["compound"].mean())
    empty = study.group_tone_summary(rows.iloc[0:0], ["nothing.txt"], {})
    assert empty.loc["nothing.txt", "Sentences"] == 0


def test_profile_counts_the_narrative_only(table):
    counts, rates = framing.framing_profile(table)
    row = table.set_index("file").loc[AL_AHED]
    assert row["label_isis_quoted"] + row["label_isis_gloss"] > 0  # ISIS is there, but not in its own voice
    assert counts.loc[AL_AHED, "ISIS / ISIL / IS"] == 0
    assert rates.loc[AL_AHED, "Daesh"] == pytest.approx(1000 * row["label_daesh_narrative"] / row["words_narrative"])


# --- the book ---------------------------------------------------------------------------------------


def test_a_republished_storys_unnamed_sources_are_said_to_be_its_originals(cleaned, articles):
    from newscorpus import findings
    from newscorpus.overview import article_overview

    overview = article_overview(articles, cleaned)
    sentences = " ".join(findings.findings_sentences(findings.findings_table(cleaned, overview), overview))
    assert "leans most on unnamed sources" not in sentences
    assert "the sourcing of the story it republishes" in sentences


def test_chapters_one_and_four_read_the_same_translation_status():
    for name in ("01_corpus.ipynb", "04_framing.ipynb"):
        source = "".join("".join(c["source"]) for c in json.loads((REPO / "notebooks" / name).read_text())["cells"])
        assert "translation_status(articles)" in source, name
    four = "".join("".join(c["source"]) for c in json.loads((REPO / "notebooks" / "04_framing.ipynb").read_text())["cells"])
    assert 'articles["origin"].str.contains("translation"' not in four


def test_book_pages_glue_only_keys_the_framing_chapter_makes():
    source = "".join("".join(c["source"]) for c in
                     json.loads((REPO / "notebooks" / "04_framing.ipynb").read_text())["cells"])
    made = set(re.findall(r'glue\(f?"([a-z_0-9{}]+)"', source))
    made |= {m.replace("{key}", k) for m in made if "{key}" in m
             for k in ("isis_narrative", "daesh_narrative")}
    for page in (REPO / "book").glob("*.md"):
        for key in re.findall(r"04_framing\.ipynb::([a-z_0-9]+)", page.read_text(encoding="utf-8")):
            expanded = {m for m in made if "{" not in m}
            patterns = [re.compile("^" + re.sub(r"\{[a-z]+\}", "[a-z_0-9]+", m) + "$") for m in made if "{" in m]
            assert key in expanded or any(p.match(key) for p in patterns), (page.name, key)


def test_per_article_tables_page_a_long_corpus():
    small = pd.DataFrame({"Sentences": [3, 4]}, index=pd.Index(["a", "b"], name="Article"))
    assert hasattr(study.per_article(small), "to_html")  # a Styler: every row on the page
    long = pd.DataFrame({"Sentences": range(1000)}, index=pd.Index([f"a{i}" for i in range(1000)], name="Article"))
    shown = study.per_article(long)
    assert "datatable" in shown.data.lower() or "dt" in shown.data.lower()


def test_loaded_model_rows_cover_every_sentence_and_keep_the_weights():
    from newscorpus.measures import tone
    from newscorpus.measures.loaded import loaded_sentence

    paragraphs = {"a.txt": ["The radical extremists slammed the shameful, bizarre deal. Officials met on Monday."],
                  "b.txt": []}
    rows = study.loaded_model_rows(paragraphs)
    sentences = tone.sentences(paragraphs["a.txt"])
    assert list(rows["sentence"]) == [s for _, s in sentences]  # every sentence, none of the empty article
    for row in rows.itertuples():
        verdict = loaded_sentence(row.sentence)
        assert row.loaded == verdict.loaded and row.score == pytest.approx(verdict.score)
        assert row.hits == [(w, p) for _s, _e, w, p in verdict.hits]
        assert row.loaded or not row.hits  # a sentence not flagged has no words driving it


def test_loaded_model_summary_counts_shares_and_driving_words():
    rows = pd.DataFrame([
        {"file": "a", "paragraph": 0, "sentence": "s1", "loaded": True, "score": 0.8, "hits": [("Slammed", 0.6), ("radical", 0.4)]},
        {"file": "a", "paragraph": 0, "sentence": "s2", "loaded": True, "score": 0.7, "hits": [("slammed", 0.5)]},
        {"file": "a", "paragraph": 1, "sentence": "s3", "loaded": False, "score": 0.2, "hits": []},
        {"file": "a", "paragraph": 1, "sentence": "s4", "loaded": False, "score": 0.1, "hits": []},
    ])
    summary = study.loaded_model_summary(rows, ["a", "b"], {"a": "Article A"})
    a = summary.loc["Article A"]
    assert (a["Sentences"], a["Flagged as loaded"], a["Share flagged"]) == (4, 2, 0.5)
    assert a["Words that drive it (times, mean weight)"] == "slammed ×2 (0.55), radical (0.40)"
    b = summary.loc["b"]  # an article with no sentences: zero, no share, no words
    assert b["Sentences"] == 0 and math.isnan(b["Share flagged"]) and b["Words that drive it (times, mean weight)"] == "—"
    lines = study.loaded_model_lines(rows, {"a": "Article A"})
    assert list(lines["Sentence"]) == ["s1", "s2"]  # only the flagged sentences, with their words
    assert lines.iloc[0]["Words (weight)"] == "Slammed (0.60), radical (0.40)"


# --- ties and quotable lines ------------------------------------------------------------------------


def test_tied_names_names_every_article_at_the_printed_extreme():
    values = pd.Series({"a": -0.2028, "b": -0.1951, "c": 0.07})
    names = {"a": "Rawabet Center, 2020", "b": "Al-Ahed News, December 2016", "c": "Al-Monitor, June 2014"}
    assert study.tied_names(values, names, "+.2f", lowest=True) == "Rawabet Center, 2020 and Al-Ahed News, December 2016"
    assert study.tied_names(values, names, "+.3f", lowest=True) == "Rawabet Center, 2020"  # no tie at three places
    assert study.tied_names(values, names, "+.2f", lowest=False) == "Al-Monitor, June 2014"


def test_a_piece_cut_by_the_split_is_not_a_sentence_start():
    assert study.starts_a_sentence("The group renewed its attacks.")
    assert study.starts_a_sentence("“Tough days await,” said an analyst.")
    assert study.starts_a_sentence("2,000 fighters joined.")
    assert not study.starts_a_sentence("and he noted ,” but its dormant cells are hiding.")


def test_group_tone_extremes_skip_pieces_cut_by_the_split():
    rows = pd.DataFrame({"file": "x", "paragraph": [0, 1, 2], "mention": "ISIS",
                         "compound": [0.9, 0.4, -0.5],
                         "sentence": ["and he noted ,” but it is strong.", "ISIS found support.", "ISIS attacked."]})
    shown = study.group_tone_summary(rows, ["x"], {})
    assert shown.loc["x", "Most positive"] == "+0.40: ISIS found support."
    assert shown.loc["x", "Mean compound"] == pytest.approx(rows["compound"].mean())  # the piece still counts
    only_pieces = study.group_tone_summary(rows.iloc[:1], ["x"], {})
    assert only_pieces.loc["x", "Most positive"].endswith("(a piece cut by the sentence split)")


def test_no_settlement_reason_cites_an_article_id():
    for row in framing_codebook.read_sheet("reconciled"):
        assert not re.search(r"\barticle \d{3}\b|\b\d{3}_[0-9a-f]{16}\b", row["resolution"]), row["resolution"]


# --- one article, equal values, the group only where it is named (referee items 3 to 6, 13) -------

def test_a_missing_tone_is_a_dash_not_nan():
    fmt = study.value_or_dash("+.2f")
    assert fmt(float("nan")) == "—" and fmt(None) == "—"
    assert fmt(-0.256) == "-0.26"


def test_spread_sentences_read_for_one_article_equal_values_and_a_spread():
    kw = dict(one="one {value} ({name})", equal="all {value}", spread="{low} ({low_name}) to {high} ({high_name})")
    assert study.spread_text(pd.Series({"a": 0.05}), ".0%", names={"a": "A"}, **kw) == "one 5% (A)"
    assert study.spread_text(pd.Series({"a": 6, "b": 6}), ",d", **kw) == "all 6"
    assert study.spread_text(pd.Series({"a": 2, "b": 6}), ",d", names={"a": "A", "b": "B"}, **kw) == "2 (A) to 6 (B)"
    # equal as printed: 5.1% and 4.9% both print 5%
    assert study.spread_text(pd.Series({"a": 0.051, "b": 0.049}), ".0%", **kw) == "all 5%"


def test_npov_and_loaded_model_sentences_never_give_a_range_of_one_value():
    one = study.recasens_rate_text(pd.Series({"a": 125.0}), "say")
    assert "125 of every 1,000 narrative words of the article, about one word in 8," in one and " to " not in one
    spread = study.recasens_rate_text(pd.Series({"a": 125.0, "b": 40.0}), "say")
    assert "40 to 125 of every 1,000" in spread and "one word in 8 to 25" in spread
    assert study.recasens_rate_text(pd.Series({"a": 0.0}), "") == "The NPOV list fires on no narrative word of this corpus."
    assert study.flagged_text(1, 7, pd.Series({"a": 1 / 7})) == "The model flags 1 of the 7 sentences (14%)."
    assert study.flagged_text(2, 14, pd.Series({"a": 1 / 7, "b": 1 / 7})).endswith("14% of every article's.")
    assert "from 10% to 50%" in study.flagged_text(3, 12, pd.Series({"a": 0.1, "b": 0.5}))


def test_headline_sentence_for_one_part_and_for_no_name():
    one = study.headline_text(pd.DataFrame({"parts": [1], "named": [0], "described": [0]}), original=False)
    assert one.startswith("The only display part does not name") and " 0 " not in one
    none = study.headline_text(pd.DataFrame({"parts": [3, 2], "named": [0, 0], "described": [0, 0]}), original=False)
    assert none.startswith("No display part (5 in all) names") and "0 articles" not in none
    some = study.headline_text(pd.DataFrame({"parts": [3, 2], "named": [2, 1], "described": [1, 0]}), original=True)
    assert some.startswith("Of the 5 display parts, 3 name the group and 1 attaches a descriptor or an epithet to it, in 1 article.")


def test_the_group_counts_only_in_articles_that_name_it():
    counts = pd.DataFrame({"file": ["a", "a", "b", "b"], "label": ["ISIS", "the group", "ISIS", "the group"],
                           "narrative": [0, 3, 0, 2], "quoted": [1, 0, 0, 0], "gloss": [0, 0, 0, 0]})
    assert study.naming_files(counts) == ["a"]  # b says "the group" but never names it
    rows = pd.DataFrame({"file": ["a", "a", "b", "b"], "sentence": ["w", "x", "y", "z"],
                         "mention": ["ISIS", "The group", "the group", "ISIS"]})
    # another corpus: only articles that name the group, and there only the sentences that name it
    assert list(study.group_rows(rows, counts, original=False)["sentence"]) == ["w"]
    assert len(study.group_rows(rows, counts, original=True)) == 4  # the original five: every sentence
    assert "ISIS" not in study.group_absent_text(12) and study.group_absent_text(1).startswith("The article does not name")


def test_no_end_of_a_range_rests_on_fewer_than_the_minimum_of_sentences():
    minimum = study.MIN_GROUP_SENTENCES
    shares = pd.Series({"a": 1.0, "b": 0.25, "c": 0.5})
    sentences = pd.Series({"a": minimum - 1, "b": minimum, "c": minimum + 5})
    stated = study.enough_sentences(shares, sentences)
    assert list(stated.index) == ["b", "c"]  # a's 100% rests on one sentence fewer than the minimum
    text = study.range_text(stated, {"b": "B", "c": "C"}, ".0%", "the agent share")
    assert "100%" not in text and "(B)" in text and "(C)" in text
    rule = study.extremes_rule_text(shares, sentences)
    assert f"at least {minimum:,d} of its sentences" in rule and "1 article with fewer is in the table" in rule
    assert "with fewer" not in study.extremes_rule_text(shares[["b", "c"]], sentences)
    assert study.extremes_rule_text(pd.Series(dtype=float), sentences) == ""
    assert "singled out" in study.few_sentences_text(3, "share") and f"{minimum:,d} or more" in study.few_sentences_text(3, "share")
    assert "No sentence" in study.few_sentences_text(0, "tone")


def test_the_group_sections_need_the_group_named_in_a_share_of_the_articles():
    share = study.MIN_GROUP_ARTICLE_SHARE
    assert 0 < share < 1
    n = 923
    at = math.ceil(share * n)
    assert study.group_is_subject(at, n) and not study.group_is_subject(at - 1, n)
    assert study.group_is_subject(5, 5)  # the original five: every article names the group
    assert not study.group_is_subject(87, 923)  # an election corpus that mentions it in passing
    assert not study.group_is_subject(0, 0) and not study.group_is_subject(0, 1)
    note = study.group_sections_note(87, 923, 253)
    assert "87 of the 923 articles (9%)" in note and "253 sentences" in note and f"{share:.0%}" in note
    assert "corpora about the group" in note and "\n" not in note
    tone_note = study.group_sections_note(87, 923, 253, section="tone")
    assert "87 of the 923 articles" in tone_note and "corpora about the group" in tone_note
    one = study.group_sections_note(0, 1, 0)
    assert "is not named in the article, and this section" in one and f"at least {share:.0%} of the articles" in one
    assert "The article's mean tone" in study.group_sections_note(0, 1, 0, section="tone")
    assert "is not named in any of the 12 articles, and" in study.group_sections_note(0, 12, 0)


def _check(**over):
    base = {"pair_texts": 265, "pair_republications": 50, "unrelated_texts": 205, "pairs_expected": 330,
            "pairs_correct": 330, "false_pairs": 0, "false_pairs_with_unrelated": 0, "seeds": 5}
    return {**base, **over}


def test_republication_pair_figures_are_not_validation_when_the_negatives_are_copies():
    good = study.republication_check_pairs_text(_check())
    assert "It found 330 of the 330 pairs of versions of one story and 0 pairs of different texts." in good
    assert "misses" not in good
    bad = study.republication_check_pairs_text(_check(pair_texts=213, unrelated_texts=201, pairs_expected=66,
                                                      pairs_correct=63, false_pairs=15872,
                                                      false_pairs_with_unrelated=15872, seeds=1))
    assert "not given as a check" in bad and "It found" not in bad and "one article" in bad
    low = study.republication_check_pairs_text(_check(pairs_correct=261, false_pairs=1, false_pairs_with_unrelated=1))
    assert "1 pair of different texts" in low and "It misses 21%" in low


def test_a_stub_is_never_named_as_an_end_of_a_range():
    tones = pd.Series({"stub": -0.76, "a": -0.10, "b": 0.30, "c": 0.05})
    words = pd.Series({"stub": 17, "a": 400, "b": study.MIN_WORDS_FOR_EXTREME, "c": 250})
    names = {"stub": "HuffPost stub", "a": "A", "b": "B", "c": "C"}
    text = study.range_text(tones, names, "+.2f", "the mean compound score", words=words)
    assert text.startswith("The mean compound score runs from -0.10 (A) to +0.30 (B)")
    assert "stub" not in text and "1 shorter article" in text and f"{study.MIN_WORDS_FOR_EXTREME:,d} words" in text
    # without word counts the range is as before; with no long article nothing is ranked
    assert "HuffPost stub" in study.range_text(tones, names, "+.2f", "the mean compound score")
    none = study.range_text(tones, names, "+.2f", "the mean compound score", words=words * 0)
    assert "not ranked" in none and "stub" not in none
    # every article long enough: the sentence is the plain one
    assert study.range_text(tones, names, "+.2f", "x", words=words + 1000) == study.range_text(tones, names, "+.2f", "x")
