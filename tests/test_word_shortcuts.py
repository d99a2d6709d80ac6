"""Themes and places read a paragraph's words instead of its name-joining tokens where names
provably change nothing (a speed goal): each shortcut against the plain path, on the seed
articles and on sentences written to trip it (names holding theme words, phrases across a name's
edge or a paragraph's, aliases of several words, particles written with a space, apostrophes)."""

from __future__ import annotations

import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.layer.tokenize import paragraph_tokens
from newscorpus.layer.words import words
from newscorpus.measures import places, themes
from newscorpus.measures.tokens import keys, plain_words

TRICKY = [
    "Suicide Bombers Brigade claimed the suicide bombing; an IED hit the convoy near Mosul.",
    "The Air Strike Command ordered air strikes. Air strikes hit Raqqa, and the Violence Against "
    "Civilians Unit counted the dead.",
    "They met in New York. The New York Times said New York City and New Hampshire voted.",
    "Fighters of Al- Baaj shelled Deir ez-Zour and Deir Ezzor; al- Sham's fighters retreated.",
    "Protests in Abu Ghraib turned to riots; Protesters of the Arab Spring Movement looted shops.",
    "The U.S.-led coalition's drone strikes on ISIS's bases, said Sen. John McCain of Arizona.",
    "Rhode Island police said the police’s report on O’Brien’s arrest of 40,000 protesters was late.",
    "Battle of Mosul: battles raged as the Islamic State of Iraq and Syria lost territory in Iraq.",
    "Chemical Weapons Convention inspectors found chemical weapons at the Air Base Headquarters.",
    "He said: air", "strikes followed, and Strikes By Air Force units hit the South Carolina "
    "town; North Dakota and West Virginia sent troops.",
    "e.g.the riot police (2.5 km away) fired 1,000 rounds at the mob at Tal Afar's gate.",
    "ACLED counts Explosions/Remote violence; Abu Bakr al-Baghdadi's Sexual Violence campaign.",
    "",
    "   ",
    "Mosul",
]


@pytest.fixture(scope="module")
def seed_paragraphs():
    cleaned = clean_corpus(newscorpus.load())
    return [list(p) for p in cleaned["paragraphs"]]


def articles(seed_paragraphs):
    return [*seed_paragraphs, TRICKY, *([p] for p in TRICKY), TRICKY[::-1]]


def test_plain_words_are_the_tokens_with_names_split_back(seed_paragraphs):
    read = 0
    for article in articles(seed_paragraphs):
        for p in article:
            found = plain_words(p)
            if found is None:
                continue
            read += 1
            tokens = paragraph_tokens(p)
            assert [w for t in tokens for w in words(p, t.start, t.end)] == list(found)
            for t in tokens:
                if t.kind != "name":
                    assert (t.start, t.end, t.kind) in found
    assert read > 50  # the shortcut is taken on most paragraphs
    assert plain_words("Fighters of Al- Baaj left.") is None  # a particle written with a space


def test_theme_matches_are_those_of_the_tokens(seed_paragraphs):
    for article in articles(seed_paragraphs):
        plain = [(theme, term) for _, _, theme, term in themes.match_terms(keys(article))]
        assert themes.matched_terms(article) == plain
    # the tricky sentences do hold matches inside names, and across a paragraph's edge
    assert ("remote_violence", "air strikes") in themes.matched_terms(["He said: air", "strikes followed"])
    assert themes.matched_terms(TRICKY)


def test_place_spans_and_lower_case_words_are_those_of_the_tokens(seed_paragraphs, monkeypatch):
    paragraphs = [p for article in articles(seed_paragraphs) for p in article]
    fast = [(places._spans.__wrapped__(p), places._lower_forms.__wrapped__(p)) for p in paragraphs]
    assert sum(places._word_spans(p) is not None for p in paragraphs) > 50
    assert places._word_spans("They met in New York.") is None  # maybe an alias of two words
    monkeypatch.setattr(places, "_WORDS_SUFFICE", False)  # the tokens' path
    plain = [(places._spans.__wrapped__(p), places._lower_forms.__wrapped__(p)) for p in paragraphs]
    assert fast == plain


def test_lower_case_words_are_looked_up_as_the_union(seed_paragraphs):
    for article in articles(seed_paragraphs):
        union = set().union(*(places._lower_forms(p) for p in article))
        lazy = places._LowerWords(article)
        for word in [*union, "police", "police's", "o'brien", "mosul", "new york", "nowhere", "40,000"]:
            assert (word in lazy) == (word in union), word


def test_place_mentions_are_those_of_the_tokens(seed_paragraphs, monkeypatch):
    def mentions():
        for cached in (places._spans, places._lower_forms, places.name_key):
            cached.cache_clear()
        return [places.article_places_located(str(n), a) for n, a in enumerate(articles(seed_paragraphs))]

    fast = mentions()
    monkeypatch.setattr(places, "_WORDS_SUFFICE", False)
    plain = mentions()
    assert fast == plain
    assert any(fast)


def test_a_paragraph_without_a_term_word_is_skipped_and_one_with_one_is_not(seed_paragraphs):
    for p in [q for article in articles(seed_paragraphs) for q in article]:
        if not themes._may_match(p):  # then no token's key is a term's word or starts with a prefix
            for t in paragraph_tokens(p):
                assert not any(t.key in words for words in themes.THEME_MATCHER.exact)
                assert not (t.key.islower() and themes.THEME_MATCHER.prefix.match(t.key))
    assert themes._may_match("the I.E.D.s went off") and themes._may_match("Air-Strikes")
    assert not themes._may_match("He said the talks went well.")
