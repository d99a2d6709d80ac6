"""The faster forms the attribution extractor uses find what the plain forms they replace find:
one automaton pass for the cue verbs and the words the sentence patterns need (``scan_words``
for ``find_cues`` and ``paragraph_words``), and the paragraphs skipped before segmenting."""

from __future__ import annotations

import pytest

from newscorpus.measures.attribution import (ACCORDING, ACCORDING_WORD, ACCORDING_WORDS, CASE_FOLDS_APART,
                                             CUE_FORM, NOUN_CUE_WORD_BIT, NOUN_CUE_WORDS, THERE_IS, _cue_unions,
                                             _lowered_cues, find_cues, paragraph_words, scan_words)
from newscorpus.measures.lexicons import lowered
from newscorpus.measures.sentences import sentence_spans

from conftest import CUE_EDGE_CASES

# Edges: apostrophes, hyphens and underscores around a form, capitals, digits, a form inside a
# longer word or overlapping another ("says"/"say", "claims"/"claim"), letters whose lower case
# is longer ("İ"), line ends, the words of the sentence patterns in and out of words.
EDGE_CASES = CUE_EDGE_CASES + [
    "İstanbul said claims claim claimsclaim; According to them, in the VIEW of X, there is talk that",
    "accordingly, thereby, viewed, opinions, eyesight: none; views’ claim’s its_view",
    "His claimsX. Their view. Ministry's assertion that warned-off believes”said“ 2said said2",
]


@pytest.fixture(scope="module")
def paragraphs(seed_paragraphs) -> list[str]:
    return EDGE_CASES + seed_paragraphs


def test_scan_words_finds_the_cues_and_words_the_plain_forms_find(paragraphs):
    for p in paragraphs:
        cues, bits = scan_words(p, lowered(p))
        assert [(m.start(), m.end(), m.group(0)) for m in cues] == \
            [(m.start(), m.end(), m.group(0)) for m in find_cues(p)], p
        distinct = paragraph_words(p)[1]
        assert bool(bits & ACCORDING_WORD) == (not distinct.isdisjoint(ACCORDING_WORDS)), p
        assert bool(bits & NOUN_CUE_WORD_BIT) == (not distinct.isdisjoint(NOUN_CUE_WORDS)), p
        assert bool(bits & CUE_FORM) >= bool(cues), p


def test_paragraphs_skipped_before_segmenting_have_no_according_match(paragraphs):
    for p in paragraphs:
        _, bits = scan_words(p, lowered(p))
        if bits & ACCORDING_WORD or not CASE_FOLDS_APART.isdisjoint(p):
            continue
        for start, end in sentence_spans(p) or [(0, len(p))]:
            assert not ACCORDING.search(p, start, end) and not THERE_IS.search(p, start, end), p


def test_cue_unions_are_the_unions_of_the_cue_sets():
    cues = _lowered_cues()
    not_names, person_or_institution, titles_or_places, speakers = _cue_unions()
    assert not_names == cues["title"] | cues["institution"] | cues["person"] | cues["place"]
    assert person_or_institution == cues["person"] | cues["institution"]
    assert titles_or_places == cues["title"] | cues["place"]
    assert "he" in speakers and cues["publication"] <= speakers


def test_possessive_cues_are_the_matches_of_the_whole_sentence(paragraphs):
    from newscorpus.measures.attribution import POSSESSIVE_CUE, possessive_cues

    texts = paragraphs + [
        "Despite the Iraqi Ministry of Defense's assertion that it won, Smith's view is that: no.",
        "(Jesus' claim that) his plan to go, \"their hope that\" this call to act; its warning: go",
        "the U.S.-led coalition’s claims that, Mr. Smith and the Party of God's plan to win; Her plans to x",
        "A’s s claim that; thehis call for; \u2003his\u2003fear that; O'Neill's  new  proposal:",
    ]
    for p in texts:
        for start, end in (sentence_spans(p) or []) + [(0, len(p))]:
            expected = [(m.span("src"), m.span("cue")) for m in POSSESSIVE_CUE.finditer(p, start, end)]
            assert [(m.span("src"), m.span("cue")) for m in possessive_cues(p, start, end)] == expected, p[start:end]


def test_subject_boundaries_from_a_word_end_are_those_of_the_whole_search(paragraphs):
    from newscorpus.measures.attribution import SUBJECT_BOUNDARY, SUBJECT_BOUNDARY_LOWER, SUBJECT_TAIL

    texts = paragraphs + ["x '''''' y ''' z - - - - w -- v — u and'' which the and, but", "Which The AND  ,BUT x"]
    for p in texts:
        for text, boundary in ((lowered(p), SUBJECT_BOUNDARY_LOWER), (p, SUBJECT_BOUNDARY)):
            whole = [(m.span(), m.group(0)) for m in boundary.finditer(text)]
            for tail in SUBJECT_TAIL.finditer(text):
                cut = tail.end()
                assert [(m.span(), m.group(0)) for m in boundary.finditer(text, cut)] == \
                    [w for w in whole if w[0][0] >= cut], (text, cut)


def test_according_sentences_hold_an_according_word(paragraphs):
    from newscorpus.measures.attribution import _according_words_in, folds_apart

    texts = paragraphs + ["ACCORDING TO officials. THERE IS INFORMATION THAT it fell.", "In The View Of Smith, no.",
                          "In the EYES of \u212aurds, there\tis talk that", "accordİng to them", "ſo there is ſpeculation that"]
    for p in texts:
        assert folds_apart(p) == (not CASE_FOLDS_APART.isdisjoint(p))
        if folds_apart(p):
            continue
        low = p.lower()
        for start, end in sentence_spans(p) or [(0, len(p))]:
            if ACCORDING.search(p, start, end) or THERE_IS.search(p, start, end):
                assert _according_words_in(low, start, end), p[start:end]
