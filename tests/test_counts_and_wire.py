"""Two referee findings on the 923-article book (#22): counts of one thing that disagree between
chapters without a word why (a pattern's matches against the token counts), and wire copy pooled
into an outlet's word lists in the themes chapter while the other chapters leave it out."""

import re

import pandas as pd

from newscorpus import units
from newscorpus.measures import keyness, log_odds
from newscorpus.measures.keyness import term_counts_table
from newscorpus.plots import themes as theme_plots
from newscorpus.report import counting

PARAGRAPHS = ["Bernie Sanders spoke in Iowa on Monday. Sanders said no.",
              "Asked again, Sanders left; the pro-Sanders crowd stayed. SANDERS!"]


def counts_of(paragraphs_by_file: dict[str, list[str]]) -> pd.DataFrame:
    return term_counts_table(pd.DataFrame({"file": list(paragraphs_by_file), "paragraphs": list(paragraphs_by_file.values())}))


def test_token_counts_split_the_word_on_its_own_from_the_names_that_hold_it():
    terms = counts_of({"a.txt": PARAGRAPHS})
    whole, longer = counting.token_counts(terms, r"\bSanders\b")
    assert whole.to_dict() == {"Sanders": 2}  # "Sanders said", "again, Sanders left"
    assert longer.to_dict() == {"Bernie Sanders": 1, "pro-Sanders": 1}
    whole_any_case, _ = counting.token_counts(terms, r"\bSanders\b", re.IGNORECASE)
    assert whole_any_case.to_dict() == {"Sanders": 2, "SANDERS": 1}  # capitals keep their case: another word


def test_the_fork_pages_note_gives_both_numbers_and_why():
    terms = counts_of({"a.txt": PARAGRAPHS})
    matches = len(re.findall(r"\bSanders\b", " ".join(PARAGRAPHS), re.IGNORECASE))
    assert matches == 5
    note = counting.pattern_note(terms, r"\bSanders\b", "Sanders", matches, re.IGNORECASE)
    assert "in any case" in note and "inside longer names" in note
    assert "2 times as “Sanders” and 1 time as “SANDERS”" in note
    assert "“Bernie Sanders” (1)" in note and "“pro-Sanders” (1)" in note
    # a word never inside a longer name, in one case: the two counts agree and the note says so
    same = counting.pattern_note(terms, r"\bcrowd\b", "crowd", 1)
    assert "give the same number" in same


def test_a_place_counted_by_mention_says_what_the_word_counts_give():
    terms = counts_of({"a.txt": ["Voters in Florida waited.", "Florida Sen. Marco Rubio spoke; Rubio of Florida left."]})
    alone = int(counting.token_counts(terms, "Florida")[0].sum())
    note = counting.mention_note(terms, "Florida", 3)
    assert alone < 3 and f"on its own {alone:,d} time" in note and "every mention" in note
    assert counting.mention_note(terms, "Florida", alone) == ""


def test_the_chapters_example_is_a_word_this_corpus_also_writes_inside_names():
    terms = counts_of({"a.txt": PARAGRAPHS, "b.txt": ["Iowa voted. Iowa counted."]})
    text = counting.token_example_text(terms)
    assert text.startswith("So a count here is of the word as written on its own: in this corpus “Sanders” counts 2 times")
    assert "“Bernie Sanders” (1)" in text
    assert counting.token_example_text(counts_of({"a.txt": ["Iowa voted. Iowa counted."]})) == ""


def corpus():
    """Two outlets of three articles; one of A's is wire copy that alone writes 'agencyword'."""
    files = [f"{o}{k}.txt" for o in "ab" for k in range(3)]
    articles = pd.DataFrame({"file": files, "outlet": ["A"] * 3 + ["B"] * 3,
                             "published": pd.to_datetime(["2016-01-0%d" % (k + 1) for k in range(6)]),
                             "date_label": [f"{k + 1} January 2016" for k in range(6)], "date_precision": "day"})
    text = {f: ["The senator spoke about taxes and roads today."] for f in files}
    text["a0.txt"] = ["Agencyword agencyword agencyword agencyword agencyword agencyword."] * 3
    wire = pd.DataFrame({"file": files, "wire": [f == "a0.txt" for f in files]})
    return articles, text, wire


def test_outlets_are_compared_on_their_own_writing():
    articles, text, wire = corpus()
    own = theme_plots.own_writing(articles, wire, units.OUTLET)
    assert list(own["file"]) == ["a1.txt", "a2.txt", "b0.txt", "b1.txt", "b2.txt"]
    per_article = [log_odds.word_counts(f, text[f]) for f in own["file"]]
    key = keyness.keyness_table(keyness.count_table(keyness.pooled_by_outlet(per_article, own)))
    assert "agencyword" not in set(key["term"])
    # with the wire story pooled in, the agency's word would have been A's most distinctive
    pooled_all = [log_odds.word_counts(f, text[f]) for f in articles["file"]]
    key_all = keyness.keyness_table(keyness.count_table(keyness.pooled_by_outlet(pooled_all, articles)))
    assert key_all[key_all["file"] == "A"].iloc[0]["term"] == "agencyword"
    # comparing articles, every article stays (the chapter names wire copy where it stands)
    assert theme_plots.own_writing(articles, wire, units.ARTICLE) is articles


def test_one_sentence_says_how_many_articles_the_comparisons_leave_out():
    articles, _, wire = corpus()
    own = theme_plots.own_writing(articles, wire, units.OUTLET)
    sentence = theme_plots.wire_left_out(articles, own, units.OUTLET)
    assert sentence.startswith("1 of the 6 articles is wire copy by its credits")
    assert "leave it out" in sentence and "keep it." in sentence
    assert theme_plots.wire_left_out(articles, articles, units.OUTLET) == ""
    assert theme_plots.wire_left_out(articles, own, units.ARTICLE) == ""
    only_wire = wire.assign(wire=wire["file"].str.startswith("a"))
    own = theme_plots.own_writing(articles, only_wire, units.OUTLET)
    assert "A publishes only wire copy here, so it is not compared." in theme_plots.wire_left_out(articles, own, units.OUTLET)
