"""Framing measures: voices, labels against a hand count, lexicons, tone, log-odds, tables."""

from __future__ import annotations

import math
import pickle
import subprocess
import sys
from collections import Counter

import numpy as np
import pandas as pd
import pytest

import newscorpus
import newscorpus.labels
from newscorpus.cleaning import clean_corpus
from newscorpus.measures import framing, lexicons, log_odds, tone
from newscorpus.measures.kwic import kwic, kwic_pattern
from newscorpus.measures.quotes import GLOSS, NARRATIVE, QUOTED, Voices, quote_spans
from newscorpus.measures.sentences import split_sentences

from conftest import REPO

AL_AHED = "003_0de244d715e8d948.txt"


@pytest.fixture(scope="module")
def cleaned():
    return clean_corpus(newscorpus.load())


@pytest.fixture(scope="module")
def table(cleaned):
    return framing.framing_table(cleaned)


@pytest.fixture(scope="module")
def hits(cleaned):
    return framing.hits_table(cleaned)


# --- whose words: narrative, quoted, gloss -------------------------------------------------------

def test_curly_and_straight_quotes_pair_up():
    text = 'He said “one two” and then "three four" again.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["“one two”", '"three four"']


def test_unbalanced_mark_runs_to_the_end_of_the_paragraph():
    text = "And he noted, “The danger lies in the west. It is open."
    (start, end), = quote_spans(text)
    assert text[start:end] == "“The danger lies in the west. It is open."
    voices = Voices(text)
    assert voices.at(text.index("open")) == QUOTED and voices.at(text.index("noted")) == NARRATIVE


def test_wrong_way_marks_still_pair_in_order():
    text = "and he noted ,” but its cells hide” said Rasul"
    voices = Voices(text)
    assert voices.at(text.index("cells")) == QUOTED and voices.at(text.index("Rasul")) == NARRATIVE


def test_brackets_win_over_quote_marks():
    text = 'With Daesh\'s [Arabic acronym for "ISIS" / "ISIL"] "caliphate" nearing'
    voices = Voices(text)
    assert voices.at(text.index("ISIS")) == GLOSS
    assert voices.at(text.index("caliphate")) == QUOTED
    assert voices.at(text.index("Daesh")) == NARRATIVE


def test_unbalanced_marks_in_the_seeds(cleaned):
    """The Rawabet seed has paragraphs with an odd number of quote marks: a continued quotation
    ("And he noted, “The danger ...") and a lone wrong-way mark ("he noted ,” but its ...")."""
    paragraphs = cleaned.set_index("file").loc["002_34c7e98329047369.txt", "paragraphs"]
    odd = [i for i, p in enumerate(paragraphs) if len(quote_spans(p)) and sum(p.count(m) for m in "\"“”") % 2]
    assert len(odd) >= 2, odd
    continued, lone = paragraphs[8], paragraphs[14]
    assert Voices(continued).at(continued.index("danger lies")) == QUOTED
    assert Voices(continued).at(continued.index("said Mohammad Reza")) == NARRATIVE
    assert Voices(lone).at(lone.index("dormant cells")) == QUOTED
    assert Voices(lone).at(lone.index("noted")) == NARRATIVE


def test_word_counts_by_voice_add_up(cleaned):
    from newscorpus.text import word_count

    for paragraphs in cleaned["paragraphs"]:
        for p in paragraphs:
            counts = framing.words_by_voice(p)
            assert sum(counts.values()) == word_count(p)
            assert min(counts.values()) >= 0
    assert framing.words_by_voice('a b "c d [e] f" g') == {NARRATIVE: 3, QUOTED: 3, GLOSS: 1}


# --- labels -------------------------------------------------------------------------------------

def labels_in(text: str) -> Counter:
    return Counter(name for family, name, *_ in framing.scan_paragraph(text) if family == "label")


def test_is_is_case_sensitive():
    assert labels_in("IS fighters said it is over")["IS"] == 1
    assert labels_in("this is what it is")["IS"] == 0
    assert labels_in("isis")["ISIS"] == 0


def test_is_in_text_written_in_capitals_is_the_verb_not_the_name():
    # headlines and shouted lines: case tells nothing there
    assert labels_in("7. WHICH PARTY IS STILL AHEAD IN THE POLLS.")["IS"] == 0
    assert labels_in('The mayor posted one line: "WE IS READY, SO BRING IT ON."')["IS"] == 0
    assert labels_in("DEAL IS DONE: Senate Passes the Budget at Last")["IS"] == 0
    assert labels_in("GOVERNOR IS RUNNING AGAIN Voters in the state were told on Monday that")["IS"] == 0
    # the name in prose, even among acronyms, in a list of names, or alone, is still the name
    assert labels_in("NATO and EU ministers said IS fighters had left the town.")["IS"] == 1
    assert labels_in("The group, known as ISIS, ISIL, IS or Daesh, denied it.")["IS"] == 1
    assert labels_in("Raids on IS. Then the ALL-CAPS BANNER READ: DONE")["IS"] == 1
    assert labels_in("IS")["IS"] == 1
    # only a name whose lower case is an English word loses its count: ISIS is never the verb
    assert labels_in("ISIS STRIKES AGAIN IN THE NIGHT")["ISIS"] == 1


def test_text_in_capitals_is_judged_by_the_words_next_to_the_match():
    text = "Officials said IS was weak. THE BOARD SAYS IT IS OVER NOW"
    first, second = (m.start() for m in __import__("re").finditer(r"\bIS\b", text))
    assert not lexicons.written_in_capitals(text, first, first + 2)
    assert lexicons.written_in_capitals(text, second, second + 2)
    assert not lexicons.written_in_capitals(text, second, second + 2, share=1.01)  # the share is the rule's
    assert lexicons.is_english_word("IS") and not lexicons.is_english_word("ISIS")


def test_daesh_spellings_and_whole_words():
    found = labels_in("Daesh, Da’ash, Da'ash and Daash; DAESH; Daeshite")
    assert found["Daesh"] == 5
    assert labels_in("counterterrorism officials")["terrorists"] == 0
    assert labels_in("militants and a militant")["militants"] == 2


def test_member_nouns_count_the_noun_not_the_adjective():
    """Known failure mode of a form list: "terrorist" is more often an adjective than a noun."""
    for adjective in ("planning terrorist attacks", "a terrorist group", "jihadist factions",
                      "extremist Islamist factions", "returned to insurgent tactics"):
        found = labels_in(adjective)
        assert not any(found[m] for m in lexicons.member_noun_labels()), adjective
    assert labels_in("a terrorist, they said; the terrorist who fled")["terrorists"] == 2
    assert labels_in("terrorists attack and militants fight")["terrorists"] == 1
    assert labels_in("the militant was killed")["militants"] == 1


def test_member_nouns_inside_another_label_are_not_counted_again():
    found = labels_in("the terrorist ISIS and the terrorist organization")
    assert found["terrorist ISIS"] == 1 and found["terrorist organization"] == 1
    assert found["terrorists"] == 0 and found["ISIS"] == 1  # names stay counted inside descriptors
    # the rule on its own, whatever follows: a member noun inside any other label's match is dropped
    inside = [("label", "terrorist organization", "x", 4, 26), ("label", "terrorists", "x", 4, 13),
              ("label", "terrorists", "x", 30, 40), ("label", "ISIS", "x", 4, 8), ("label", "terrorist ISIS", "x", 0, 8)]
    kept = framing._members_outside_other_labels(inside)
    assert [(h[1], h[3]) for h in kept] == [("terrorist organization", 4), ("terrorists", 30), ("ISIS", 4),
                                            ("terrorist ISIS", 0)]


def test_label_counts_match_the_hand_count(table):
    gold = pd.read_csv(REPO / "newscorpus" / "data" / "evaluation" / "label_counts_gold.csv", comment="#")
    found = framing.label_counts(table).set_index(["file", "label"])
    assert set(gold["label"]) <= set(lexicons.label_names())
    expected = gold.set_index(["file", "label"])[["narrative", "quoted", "gloss"]]
    full = expected.reindex(found.index, fill_value=0)  # labels not in the hand count were counted as zero
    mismatches = (full != found[["narrative", "quoted", "gloss"]]).any(axis=1)
    assert not mismatches.any(), full[mismatches].join(found, rsuffix="_found")


def test_al_ahed_narrative_says_daesh_and_quotes_isis(table):
    row = table.set_index("file").loc[AL_AHED]
    assert row["label_isis_narrative"] == 0 and row["label_isil_narrative"] == 0
    assert row["label_isis_quoted"] + row["label_isis_gloss"] > 0
    assert row["label_daesh_narrative"] > 0


def test_every_count_has_its_lines(cleaned, table, hits):
    paragraphs = dict(zip(cleaned["file"], cleaned["paragraphs"]))
    lines = kwic(paragraphs, hits[hits["name"] == "the organization"])
    assert list(lines.columns[:5]) == ["file", "paragraph", "left", "match", "right"]
    assert (lines["match"].str.lower() == "the organization").all()
    per_file = lines.groupby("file").size()
    for file, n in per_file.items():
        row = table.set_index("file").loc[file]
        assert n == sum(row[f"label_the_organization_{v}"] for v in ("narrative", "quoted", "gloss"))
    pattern = kwic_pattern(paragraphs, r"\bmartyr\w*")
    assert (pattern["file"] == AL_AHED).all() and len(pattern) >= 1


# --- lexicons -----------------------------------------------------------------------------------

def test_lemmas_are_expanded_to_inflections():
    forms = lexicons.lexicon_forms()
    assert forms["liberating"][1] == "liberate"
    assert forms["martyring"][0] == "loaded"
    assert lexicons.inflections("say") >= {"say", "says", "said", "saying"}


def test_each_form_belongs_to_one_list_only():
    owners = {}
    for entry in lexicons.entries():
        if entry.family == "lexicon":
            assert owners.setdefault(entry.form, entry.name) == entry.name
    overlaps = lexicons.lexicon_overlaps()
    assert len(overlaps) > 0  # the source lists do overlap
    for row in overlaps.itertuples():
        assert lexicons.lexicon_forms()[row.form][0] == row.kept_in


def test_recasens_list_fires_on_neutral_words():
    """Known failure mode: the NPOV list is not a bias detector."""
    found = framing.scan_paragraph("The organization said the operation")
    assert [h[2] for h in found if h[1] == "recasens"] == ["organization", "operation"]
    assert [h[2] for h in found if h[1] == "assertives"] == ["say"]


def test_names_are_not_lexicon_words():
    # "state" is matched only as the verb (the assertive) and never inside the name
    found = framing.scan_paragraph("officials state that the Islamic State is weak")
    assert [h[3] for h in found if h[2] == "state"] == [len("officials ")]


def test_lexicon_counts_do_not_double_count_phrases():
    found = [h for h in framing.scan_paragraph("in general, it is about") if h[0] == "lexicon"]
    spans = [(h[3], h[4]) for h in found]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_about_and_around_are_hedges_only_before_a_quantity():
    """Known failure mode of Hyland's list: its approximators are also prepositions."""
    def hedges(text):
        return [h[2] for h in framing.scan_paragraph(text) if h[1] == "hedges"]
    for preposition in ("That raises serious questions about the strength of ISIS",
                        "There were conflicting reports about the number of prisoners",
                        "the US administration maneuvers around an agreement", "it is about"):
        assert hedges(preposition) == [], preposition
    for approximator, word in (("For about six months", "about"), ("about 40 fighters", "about"),
                               ("about a third of them", "about"), ("around 2,000 men", "around"),
                               ("about half", "about"), ("around a dozen", "around")):
        assert hedges(approximator) == [word], approximator


def test_approximators_left_out_counts_the_prepositions():
    # counted by hand: "about the strength" and "Around an agreement" are prepositions; "about six
    # months" and "around 2,000" are hedges; "roundabout" and "abouts" are not the words
    paragraphs = ["Questions about the strength. For about six months, a roundabout.",
                  "Around an agreement, around 2,000 men", "whereabouts and abouts"]
    assert lexicons.approximators_left_out(paragraphs) == 2
    # the same reading as the scanner's: every about or around it does not count as a hedge
    for paragraph in paragraphs:
        words = len(lexicons.APPROXIMATOR.findall(paragraph))
        hedged = sum(1 for h in framing.scan_paragraph(paragraph) if h[1] == "hedges" and h[2] in lexicons.APPROXIMATORS)
        assert lexicons.approximators_left_out([paragraph]) == words - hedged, paragraph


def test_stance_is_narrative_only():
    row = framing.framing_row("x", ['He may be right. "It may perhaps possibly be so," she said.'])
    assert row["lex_hedges_narrative"] == 1 and row["lex_hedges_quoted"] >= 2


# --- tone ---------------------------------------------------------------------------------------

def test_vader_has_no_entry_for_the_words_of_this_war():
    assert tone.missing_from_lexicon(["martyr", "martyring", "militant", "jihadist", "extremist", "liberate"]) == [
        "martyr", "martyring", "militant", "jihadist", "extremist", "liberate"]
    assert tone.missing_from_lexicon(["killing"]) == []


def test_martyring_scores_milder_than_killing(cleaned):
    sentence = tone.MARTYRING_EXAMPLE
    assert sentence in " ".join(cleaned.set_index("file").loc[AL_AHED, "paragraphs"])
    swap = tone.swap_word(sentence, "martyring", "killing")
    assert swap["compound_as_written"] > swap["compound_with_killing"]


def test_tone_reads_the_books_sentences(cleaned, table):
    # blingfire alone never ends a sentence before a number; the book's segmenter does
    assert [s for _, s in tone.sentences(["They fled into Syria. 40,000 men stayed."])] == [
        "They fled into Syria.", "40,000 men stayed."]
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        book = [s for _, s in split_sentences(list(paragraphs))]
        assert [s for _, s in tone.sentences(list(paragraphs))] == book
        assert table.set_index("file").loc[file, "sentences"] == len(book)


def test_vader_import_is_silent_and_offline():
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network used')\n"
            "socket.socket.connect = refuse\n"
            "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer\n"
            "SentimentIntensityAnalyzer().polarity_scores('fine')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""


# --- distinctive words --------------------------------------------------------------------------

def test_log_odds_matches_a_hand_worked_value():
    # prior strength 4 over pooled counts a:4, b:4 -> alpha 2 each; target a:3 b:1 (n=4), rest a:1 b:3 (n=4)
    table = log_odds.log_odds(Counter(a=3, b=1), Counter(a=1, b=3), {"a": 2.0, "b": 2.0}, 4.0)
    a = table.set_index("word").loc["a"]
    delta = math.log(5 / 3) - math.log(3 / 5)
    assert a["delta"] == pytest.approx(delta)
    assert a["z"] == pytest.approx(delta / math.sqrt(1 / 5 + 1 / 3))
    assert table.set_index("word").loc["b", "z"] == pytest.approx(-a["z"])


def test_multi_word_names_are_one_term():
    # the text layer's tokens: a name found in the text is one term, written as in the text
    found = log_odds.terms("The Islamic State and Hashd al-Shaabi fought the state in Deir ez-Zour.")
    assert found == ["the", "Islamic State", "and", "Hashd al-Shaabi", "fought", "the", "state", "in", "Deir ez-Zour"]
    assert log_odds.terms("the Ministry of Defense and the Breaking the Walls plan of the army") == [
        "the", "Ministry of Defense", "and", "the", "Breaking the Walls", "plan", "of", "the", "army"]
    assert log_odds.terms("Iraq’s Sunnis met Daesh's men") == ["iraq", "sunnis", "met", "daesh", "men"]
    counts = log_odds.word_counts("x", ["US forces let us go; the Islamic State group fled."])["counts"]
    assert counts["US"] == 1 and "us" not in counts  # the country, not the stop word
    assert counts["Islamic State"] == 1 and "islamic" not in counts
    # prefixes do not make a name; a name particle joins one
    assert log_odds.terms("pro-Iranian Hashd and non-Iraqi Arab ex-Baathist Officers met Osama bin-Laden") == [
        "pro-iranian", "hashd", "and", "non-iraqi", "arab", "ex-baathist", "officers", "met", "Osama bin-Laden"]
    # an acronym (or a compound led by one) keeps its capitals and does not start a name
    assert log_odds.terms("US Foreign Policy") == ["US", "Foreign Policy"]
    assert log_odds.terms("the US-backed Iraqi forces") == ["the", "US-backed", "iraqi", "forces"]
    carter = log_odds.terms("US War Secretary Ash Carter said")
    assert carter[0] == "US" and "Ash Carter" in carter and not any(t.lower().startswith("us ") for t in carter)


def test_seed_names_are_not_split(cleaned):
    rows = {f: log_odds.word_counts(f, list(p))["counts"] for f, p in zip(cleaned["file"], cleaned["paragraphs"])}
    pooled = sum(rows.values(), Counter())
    assert pooled["Ansar al-Islam"] >= 3 and pooled["ansar"] == 0 and pooled["al-islam"] == 0
    assert pooled["Breaking the Walls"] >= 3 and pooled["walls"] == 0
    assert sum(n for k, n in pooled.items() if k.startswith("Islamic State")) >= 3 and pooled["islamic"] <= 1


def test_identical_articles_have_nothing_distinctive():
    rows = [log_odds.word_counts(f, ["militants fled Mosul, militants"]) for f in ("x", "y")]
    table = log_odds.log_odds_table(rows, min_count=1)
    assert len(table) == 6 and (table["z"].abs() < 1e-12).all()  # three words, two articles


# --- tables and the per-article contract -----------------------------------------------------------

def test_per_article_function_is_pure_and_picklable(cleaned):
    pickle.dumps(framing.framing_row)
    file, paragraphs = cleaned["file"][0], list(cleaned["paragraphs"][0])
    assert framing.framing_row(file, paragraphs) == framing.framing_row(file, paragraphs)
    empty = framing.framing_row("empty.txt", [])
    assert empty["words"] == 0 and empty["attributions"] == 0


def test_framing_csv_has_the_columns_the_issue_lists(table):
    out = framing.framing_csv(table)
    assert out.columns[0] == "file"
    for label in lexicons.label_names():
        assert f"label_{framing.slug(label)}_narrative" in out and f"label_{framing.slug(label)}_quoted" in out
    for column in ("lex_recasens_narrative_per_1000", "lex_hedges_narrative_per_1000", "lex_loaded_narrative_per_1000",
                   "sources_named", "sources_unnamed", "sources_institution", "quotations", "vader_compound_mean"):
        assert column in out


def test_actor_counts_are_split_by_voice(table):
    for actor in lexicons.actor_names():
        column = f"actor_{framing.slug(actor)}"
        assert (table[column] == sum(table[f"{column}_{v}"] for v in ("narrative", "quoted", "gloss"))).all()
    row = framing.framing_row("x", ['The US left. "Russia will stay," he said.'])
    assert row["actor_united_states_narrative"] == 1 and row["actor_russia_quoted"] == 1 and row["actor_russia_narrative"] == 0


def test_profile_leaves_say_out_of_the_boosters(table):
    counts, _ = framing.framing_profile(table)
    stance = framing.stance_table(table).set_index("file")
    assert (counts["factives + assertives (without say)"] == stance["boosters_without_say"]).all()
    assert (stance["of_which_say"] > 0).any()  # so the test can tell the two apart


def test_reader_tables_show_words_not_codes(cleaned, table):
    from newscorpus.measures import framing_report as report
    from newscorpus.overview import article_overview

    overview = article_overview(newscorpus.load(), cleaned)
    found = framing.attributions_table(cleaned)
    names = dict(zip(overview["file"], newscorpus.labels.article_names(overview["file"], overview)))
    shown = report.attributions_frame(found, names)
    codes = set(found["kind"]) | set(found["source_class"]) | set(found["form"])
    assert {"iraqi_government", "unknown", "named_person", "direct"} <= codes  # the codes the tables must translate
    assert not (set(shown["Kind"]) | set(shown["Class"]) | set(shown["Form"])) & codes - {
        "unnamed", "unresolved", "media", "analysts", "other", "indirect"}  # codes that are already words
    sources = report.sources_table(found, table, overview)
    headings = {c.split(": ", 1)[-1] for c in sources.columns}
    assert not headings & {"iraqi_government", "the_group", "united_states", "unknown", "named_person", "direct"}
    assert "_" not in "".join(shown["Article"])  # articles by outlet and date, not file names


def test_sources_table_is_long_and_sums_to_the_attributions(cleaned, table):
    from newscorpus.measures import framing_report as report
    from newscorpus.overview import article_overview

    overview = article_overview(newscorpus.load(), cleaned)
    found = framing.attributions_table(cleaned)
    sources = report.sources_table(found, table, overview)
    assert len(sources) == len(table)  # one row per article: it grows down, not across
    expected = found["file"].value_counts().reindex(table["file"], fill_value=0).to_numpy()
    assert (sources["Attributions"].to_numpy() == expected).all()
    for prefix in ("Source: ", "Kind: ", "Form: "):  # each breakdown accounts for every attribution
        part = sources[[c for c in sources.columns if c.startswith(prefix)]]
        assert (part.sum(axis=1).to_numpy() == expected).all(), prefix


def test_quotation_kinds_count_only_speech_as_quotations(cleaned, table):
    from newscorpus.measures import framing_report as report

    found = framing.attributions_table(cleaned)
    kinds = report.quotation_kind_counts(dict(zip(cleaned["file"], cleaned["paragraphs"])), found)
    merged = kinds.merge(table[["file", "quotations"]], on="file")
    assert (merged["speech"] == merged["quotations"]).all()  # the table's column is speech only
    assert merged["name"].sum() > 0  # names and scare quotes exist in the seeds and are not counted
    paragraphs = {"x.txt": ['The group launched "Breaking the Walls".', '"We will win," the spokesman said.',
                            'An article in Foreign Policy magazine "The Long War" argued it.']}
    made = framing.attributions_table(pd.DataFrame({"file": ["x.txt"], "paragraphs": [paragraphs["x.txt"]]}))
    row = report.quotation_kind_counts(paragraphs, made).iloc[0]
    assert (row["speech"], row["name"], row["title"]) == (1, 1, 1)


def test_polnear_outlets_read_every_outlet_lowest_recall_first():
    from newscorpus.measures import framing_report as report

    found = {"cue_precision_03": 0.9, "cue_recall_03": 0.5}
    for outlet, (p, r) in {"nyt": (0.8, 0.6), "breitbart": (0.9, 0.4), "new-outlet": (0.7, 0.5)}.items():
        found.update({f"{outlet}_precision": p, f"{outlet}_precision_low": p - 0.1, f"{outlet}_precision_high": p + 0.05,
                      f"{outlet}_recall": r, f"{outlet}_recall_low": r - 0.1, f"{outlet}_recall_high": r + 0.1})
    outlets = report.polnear_outlets(found)
    assert list(outlets["Outlet"]) == ["Breitbart", "new-outlet", "New York Times"]  # unknown codes shown as written
    shown = report.polnear_outlet_table(outlets)
    assert shown.iloc[0, 1] == "0.40 (0.30 to 0.50)"


def test_attributions_csv_columns(cleaned):
    out = framing.attributions_table(cleaned)
    assert {"file", "paragraph", "speaker", "kind", "verb", "mode", "text"} <= set(out.columns)
    assert set(out["mode"]) <= {"direct", "reported"}


def test_profile_counts_the_narrative_per_narrative_word(table):
    counts, rates = framing.framing_profile(table)
    assert list(counts.index) == list(table["file"])
    row = table.set_index("file").loc[AL_AHED]
    assert counts.loc[AL_AHED, "Daesh"] == row["label_daesh_narrative"]
    assert rates.loc[AL_AHED, "Daesh"] == pytest.approx(1000 * row["label_daesh_narrative"] / row["words_narrative"])


def test_ap_edits_show_in_the_al_ahed_text(cleaned):
    edits = pd.read_csv(REPO / "newscorpus" / "data" / "framing" / "ap_edits.csv", comment="#")
    row = cleaned.set_index("file").loc[AL_AHED]
    text = row["title_line"] + "\n" + "\n".join(row["paragraphs"])
    for wording in edits["al_ahed_wording"]:
        assert wording.strip(". ").replace("... ", "") in text, wording
    for wording in edits["ap_wording"]:
        if not wording.startswith("("):
            assert wording.split(";")[0].strip(". ").replace("... ", "") not in text.replace("post-Mosul Daesh", ""), wording


def test_outlet_context_covers_every_outlet():
    context = pd.read_csv(REPO / "newscorpus" / "data" / "framing" / "outlet_context.csv", comment="#")
    sources = pd.read_csv(REPO / "seeds" / "sources.csv")
    assert set(sources["outlet"]) <= set(context["outlet"])


def test_profile_chart_lays_out_fifty_articles(table, cleaned):
    import matplotlib.pyplot as plt
    from newscorpus.plots.framing import profile_heatmap

    many = pd.concat([table.assign(file=[f"{i}_{f}" for f in table["file"]]) for i in range(10)], ignore_index=True)
    overview = pd.DataFrame({"file": many["file"], "outlet": [f"Outlet {i % 7}" for i in range(len(many))],
                             "date_label": "2016"})
    counts, rates = framing.framing_profile(many)
    fig = profile_heatmap(rates, counts, overview)
    assert fig.get_size_inches()[1] > 15
    plt.close(fig)


def test_profile_colour_encodes_the_printed_rate_on_one_scale(table, cleaned):
    import matplotlib.pyplot as plt
    from newscorpus.overview import article_overview
    from newscorpus.plots.framing import profile_heatmap

    overview = article_overview(newscorpus.load(), cleaned)
    counts, rates = framing.framing_profile(table)
    fig = profile_heatmap(rates, counts, overview)
    image = fig.axes[0].images[0]
    colour = image.norm(image.get_array())  # the drawn array through the chart's own colour scale
    printed = [float(t.get_text().split("\n")[0]) for t in fig.axes[0].texts]
    assert len(printed) == rates.size
    printed = np.array(printed).reshape(rates.shape)
    drawn = ~np.ma.getmaskarray(colour)
    assert (printed[~drawn] == 0).all()  # a zero is not coloured (white)
    # one scale for every cell: across columns too, a higher printed rate is never lighter
    flat = sorted(zip(printed[drawn], colour[drawn]))
    assert all(c1 <= c2 + 1e-9 for (r1, c1), (r2, c2) in zip(flat, flat[1:]) if r2 > r1 + 0.05)
    plt.close(fig)


def test_profile_one_mention_is_not_the_darkest_cell():
    # a column whose highest rate is one mention in a long text stays pale (#22: each column was
    # scaled to its own maximum, so one mention was darkest)
    import matplotlib.pyplot as plt
    from newscorpus.plots.framing import profile_heatmap

    files = ["a.txt", "b.txt"]
    rates = pd.DataFrame({"names": [0.3, 0.0], "quoted words": [250.0, 400.0]}, index=files)
    counts = pd.DataFrame({"names": [1, 0], "quoted words": [800, 1200]}, index=files)
    overview = pd.DataFrame({"file": files, "outlet": ["A", "B"], "date_label": ["2016", "2016"]})
    fig = profile_heatmap(rates, counts, overview)
    image = fig.axes[0].images[0]
    colour = image.norm(image.get_array())
    assert colour[0, 0] < 0.4 < colour[0, 1] < colour[1, 1]
    plt.close(fig)


def test_awakenings_are_not_counted_as_sunni_tribes(table):
    # the 10 June piece's "Awakenings" are the group's word for Syrian rebel factions
    row = table.set_index("file").loc["001_a92967235dabab54.txt"]
    assert row["actor_sunni_tribes"] == 0
    assert row["actor_awakenings_the_group_s_word_quoted"] == 3


def test_actors_most_mentioned_in_one_article_share_one_clause():
    from newscorpus.measures import framing_report

    table = pd.DataFrame({"file": ["a", "b"], "actor_russia": [5, 1], "actor_united_states": [7, 2], "actor_iran": [0, 0]})
    names = {"a": "Magnier, 2016", "b": "AP, 2016"}
    shared = framing_report.most_mentioned_text(table, {"Russia": "Russia", "United States": "the United States"}, names)
    assert shared == "Russia (5 times) and the United States (7 times) are both mentioned most in Magnier, 2016."
    assert shared.count("Magnier") == 1
    table["actor_russia"] = [1, 3]
    apart = framing_report.most_mentioned_text(table, {"Russia": "Russia", "Iran": "Iran"}, names)
    assert apart == "Russia (3 times) is mentioned most in AP, 2016; Iran is never mentioned."


def test_overlap_examples_do_not_nest_parentheses():
    from newscorpus.measures import framing_report

    text = framing_report.overlap_examples_text(lexicons.lexicon_overlaps())
    assert text and "(" not in text and ")" not in text and " is kept in " in text
