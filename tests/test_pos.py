"""Part of speech where the lexicons need it (issue #17): the tagger's input (the units and the
tokens it was trained on), and the grammar rules after it, on sentences written
for these tests (none is taken from the treebank the tagger is scored on)."""

from __future__ import annotations

import pytest

from newscorpus.layer import pos
from newscorpus.layer.tagging import upos_at
from newscorpus.layer.words import words
from newscorpus.measures.framing import scan_paragraph


def tagged(sentence: str) -> list[tuple[str, str]]:
    """The layer's words of ``sentence`` with their tags, as the book tags them."""
    forms = [sentence[a:b] for a, b, _ in words(sentence)]
    return list(zip(forms, pos.tag_upos(forms)))


def tag_of(sentence: str, word: str, nth: int = 0) -> str:
    return [t for w, t in tagged(sentence) if w == word][nth]


@pytest.mark.parametrize("sentence, word, nth, expected", [
    ("Prices may rise next year.", "may", 0, "AUX"),
    ("Prices may not rise this year.", "may", 0, "AUX"),
    ("Talks may resume in May.", "may", 0, "AUX"),
    ("Talks may resume in May.", "May", 0, "PROPN"),
    ("The city fell in May 2010.", "May", 0, "PROPN"),
    ("The talks resumed on 5 May and ended in May.", "May", 0, "PROPN"),
    ("The talks resumed on 5 May and ended in May.", "May", 1, "PROPN"),
    ("May I ask a question?", "May", 0, "AUX"),
    ("The state said it would act.", "state", 0, "NOUN"),
    ("He spoke of a single state for all.", "state", 0, "NOUN"),
    ("It cited a report of the magazine.", "report", 0, "NOUN"),
    ("There were conflicting reports about it.", "reports", 0, "NOUN"),
    ("Residents will report the plans of the group.", "report", 0, "VERB"),
    ("They can't report the figures.", "report", 0, "VERB"),
    ("They can't report the figures.", "can't", 0, "AUX"),
    ("He couldn't say whether it was true.", "couldn't", 0, "AUX"),
    ("He couldn't say whether it was true.", "say", 0, "VERB"),
    ("It is certain that they left.", "certain", 0, "ADJ"),
    ("Iraq's army retook the town.", "Iraq's", 0, "PROPN"),
    # a verb of saying between its subject and a that-clause; the nouns stay nouns
    ("Officials report that the town fell.", "report", 0, "VERB"),
    ("The ministers state that the plan works.", "state", 0, "VERB"),
    ("Mr. Smith notes that rates are low.", "notes", 0, "VERB"),
    ("There were reports that he died.", "reports", 0, "NOUN"),
    ("The claims that he made were false.", "claims", 0, "NOUN"),
    ("The agency's reports that the army left were wrong.", "reports", 0, "NOUN"),
    ("The police reports that were filed vanished.", "reports", 0, "NOUN"),
])
def test_lexicon_words_get_the_part_of_speech_they_have_here(sentence, word, nth, expected):
    assert tag_of(sentence, word, nth) == expected


@pytest.mark.parametrize("word, units", [
    ("couldn't", ("could", "n't")),
    ("can't", ("ca", "n't")),
    ("won't", ("wo", "n't")),
    ("Iraq's", ("Iraq", "'s")),
    ("they\u2019re", ("they", "'re")),
    ("n't", ("n't",)),
    ("'s", ("'s",)),
    ("O'Brien", ("O'Brien",)),
    ("state", ("state",)),
])
def test_words_are_given_to_the_model_as_the_treebank_writes_them(word, units):
    assert pos.model_units(word) == units


def test_a_fused_word_takes_its_hosts_tag():
    fused = pos.tag_upos(["They", "can't", "report", "it"])
    split = pos.tag_upos(["They", "ca", "n't", "report", "it"])
    assert fused == [split[0], split[1], split[3], split[4]]


def test_numbers_are_context_for_the_model_and_come_back_num():
    assert pos.tag_upos(["The", "vote", "was", "in", "May", "2010"])[-2:] == ["PROPN", "NUM"]
    assert pos.tag_upos(["They", "won", "40,000", "votes", ",", "&", "more"])[2:6] == ["NUM", "NOUN", "PUNCT", "CCONJ"]


@pytest.mark.parametrize("forms, labels, i, expected", [
    # the month, whatever the model said
    (["fell", "in", "May"], [("VERB", "Fin"), ("ADP", "-"), ("AUX", "Fin")], 2, "PROPN"),
    (["May", "2010"], [("AUX", "Fin"), ("NUM", "-")], 0, "PROPN"),
    (["on", "5", "May"], [("ADP", "-"), ("NUM", "-"), ("AUX", "Fin")], 2, "PROPN"),
    (["last", "May"], [("ADJ", "-"), ("AUX", "Fin")], 1, "PROPN"),
    # lower-case may outside a date is the modal
    (["prices", "may", "rise"], [("NOUN", "-"), ("PROPN", "-"), ("VERB", "Inf")], 1, "AUX"),
    # not a date: a capitalised May starting a question is left to the model
    (["May", "I", "ask"], [("AUX", "Fin"), ("PRON", "-"), ("VERB", "Inf")], 0, "AUX"),
    # after a modal or infinitival to: the base form is a verb
    (["officials", "will", "report"], [("NOUN", "-"), ("AUX", "Fin"), ("NOUN", "-")], 2, "VERB"),
    (["they", "ca", "n't", "report"], [("PRON", "-"), ("AUX", "Fin"), ("PART", "-"), ("NOUN", "-")], 3, "VERB"),
    (["plans", "to", "report"], [("NOUN", "-"), ("PART", "-"), ("NOUN", "-")], 2, "VERB"),
    (["went", "to", "school"], [("VERB", "Fin"), ("ADP", "-"), ("NOUN", "-")], 2, "NOUN"),  # to the preposition
    (["will", "power"], [("NOUN", "-"), ("NOUN", "-")], 1, "NOUN"),  # will the noun
    # after an article or a possessive: the noun
    (["the", "state", "said"], [("DET", "-"), ("VERB", "Fin"), ("VERB", "Fin")], 1, "NOUN"),
    (["a", "report", "said"], [("DET", "-"), ("VERB", "Inf"), ("VERB", "Fin")], 1, "NOUN"),
    (["their", "claims", "failed"], [("PRON", "-"), ("VERB", "Fin"), ("VERB", "Fin")], 1, "NOUN"),
    (["these", "look", "fine"], [("PRON", "-"), ("VERB", "Fin"), ("ADJ", "-")], 1, "VERB"),  # a pronoun subject
    (["the", "reported", "attack"], [("DET", "-"), ("VERB", "Part"), ("NOUN", "-")], 1, "VERB"),  # a participle
    # between a subject it agrees with and a that-clause: a verb
    (["officials", "report", "that", "it", "fell"],
     [("NOUN", "-"), ("NOUN", "-"), ("PRON", "-"), ("PRON", "-"), ("VERB", "Fin")], 1, "VERB"),
    (["officials", "report", "that", "it", "fell"],
     [("NOUN", "-"), ("NOUN", "-"), ("PRON", "-"), ("PRON", "-"), ("VERB", "Fin")], 2, "SCONJ"),
    (["Smith", "reports", "that", "it", "fell"],
     [("PROPN", "-"), ("NOUN", "-"), ("SCONJ", "-"), ("PRON", "-"), ("VERB", "Fin")], 1, "VERB"),
    (["officials", "reports", "that", "it", "fell"],  # no agreement: left as tagged
     [("NOUN", "-"), ("NOUN", "-"), ("SCONJ", "-"), ("PRON", "-"), ("VERB", "Fin")], 1, "NOUN"),
    (["police", "reports", "that", "were", "filed"],  # a relative clause: no subject of its own
     [("NOUN", "-"), ("NOUN", "-"), ("PRON", "-"), ("AUX", "Fin"), ("VERB", "Part")], 1, "NOUN"),
])
def test_grammar_rules(forms, labels, i, expected):
    assert pos.grammar_rules(forms, labels)[i][0] == expected


def lexicon_hits(text: str) -> set[tuple[str, str]]:
    return {(text[h[3]:h[4]], h[1]) for h in scan_paragraph(text) if h[0] == "lexicon"}


@pytest.mark.parametrize("text, hit, counted", [
    ("Prices may not rise this year.", ("may", "hedges"), True),
    ("The vote was held on 5 May 2010.", ("May", "hedges"), False),
    ("Since May the state has said little.", ("May", "hedges"), False),
    ("Since May the state has said little.", ("state", "assertives"), False),
    ("They can't report the figures yet.", ("report", "assertives"), True),
    ("He couldn't say whether it was true.", ("couldn't", "hedges"), True),
])
def test_lexicon_counts_follow_the_tags(text, hit, counted):
    assert (hit in lexicon_hits(text)) == counted


def test_the_window_and_the_sentence_agree_next_to_numbers():
    paragraph = "In May 2010 the ministry said prices may rise by 5 per cent in May and June."
    for start, _end, kind in words(paragraph):
        if kind == "word":
            assert upos_at(paragraph, start) == upos_at(paragraph, start, whole_sentence=True)


def test_the_static_feature_rows_looked_up_per_word_are_the_features_rows():
    """``FastTagger.static_rows`` (rows kept per word form and per neighbour) against the rows of
    the package's features built in full, on words of every shape: capitals, digits, hyphens,
    clitics, one letter, words never seen, at every position of sentences of one to nine words."""
    tagger = pos.fast_tagger()
    vocabulary = ["The", "the", "May", "may", "2010", "ISIS", "al-Baghdadi", "couldn't", "n't", "'s", "a", "I",
                  "reports", "Reports", "state", "x7", "Zqxwv", "über", "&", "well-known", "U.S.", "forces"]
    checked = 0
    for length in range(1, 10):
        for shift in range(len(vocabulary)):
            sentence = [vocabulary[(shift + 5 * k) % len(vocabulary)] for k in range(length)]
            context = [w.lower() for w in sentence]
            for i in range(length):
                assert tagger.static_rows(i, sentence, context) == tagger.static_rows_reference(i, sentence, context)
                checked += 1
    assert checked > 900


def test_tag_upos_tags_numbers_and_symbols_by_their_characters_and_words_by_the_model():
    tokens = ["In", "May", "2010", ",", "Smith", "&", "Co.", "paid", "$", "5", "%", "#", "@", "...", "3.5bn"]
    tags = pos.tag_upos(tokens)
    assert len(tags) == len(tokens)
    assert tags[tokens.index("2010")] == "NUM" and tags[tokens.index("5")] == "NUM"
    assert tags[tokens.index(",")] == "PUNCT" and tags[tokens.index("...")] == "PUNCT"
    assert tags[tokens.index("%")] == "SYM" and tags[tokens.index("$")] == "SYM"
    assert tags[tokens.index("&")] == "CCONJ"
    assert tags[tokens.index("May")] == "PROPN"
    # the model's tags for the words are those it gives the sentence without the other tokens
    fed = [t for t in tokens if any(ch.isalnum() for ch in t) or t == "&"]
    by_model = dict(zip(fed, pos._tag_tuple(tuple(fed))))
    for token, tag in zip(tokens, tags):
        if any(ch.isalpha() for ch in token) or token == "&":
            assert tag == by_model[token], token
