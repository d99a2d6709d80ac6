"""The faster forms the framing row uses find what the plain forms they replace find: the cue
verbs (``find_cues`` for the cue regex), the word before a cue (``word_before`` for
``WORD_BEFORE``), the searches started or skipped where no match can be, and the lexicon scan
with each entry's checks worked out in advance."""

from __future__ import annotations

import pytest

from newscorpus.measures import lexicons
from newscorpus.measures.attribution import (POSSESSIVE_CUE, POSSESSIVE_CUE_NEEDS, WORD_BEFORE, cue_pattern,
                                             find_cues, word_before)
from newscorpus.measures.framing import scan_paragraph
from newscorpus.measures.sentences import sentence_spans

from conftest import CUE_EDGE_CASES

# Edges written for the rules: apostrophes and hyphens before and after a form, underscores,
# capitals, digits, "Al- Name" written with a space, line ends, a form inside a longer word.
EDGE_CASES = CUE_EDGE_CASES + [
    "U.S.The end. He claims that the U.S. said so.", "the ministry's assertion that the plan works",
    "His claims: it is over. Their view is that, in Mr. Smith's view, it is",
]


@pytest.fixture(scope="module")
def paragraphs(seed_paragraphs) -> list[str]:
    return EDGE_CASES + seed_paragraphs


def test_find_cues_finds_what_the_cue_pattern_finds(paragraphs):
    for p in paragraphs:
        expected = [(m.start(), m.end(), m.group(0)) for m in cue_pattern().finditer(p)]
        assert [(m.start(), m.end(), m.group(0)) for m in find_cues(p)] == expected, p


def test_word_before_gives_the_groups_of_word_before_pattern(paragraphs):
    for p in paragraphs:
        for end in range(len(p) + 1):
            for start in {0, max(0, end - 1), max(0, end - 3), max(0, end - 40)}:
                m = WORD_BEFORE.search(p, start, end)
                assert word_before(p, start, end) == (m.groups() if m else None), (p[start:end], start, end)


def test_possessive_cues_are_searched_wherever_one_is(paragraphs):
    for p in paragraphs:
        for start, end in sentence_spans(p):
            if any(True for _ in POSSESSIVE_CUE.finditer(p, start, end)):
                assert POSSESSIVE_CUE_NEEDS.search(p, start, end), p[start:end]


def _plain_scan_entries(paragraph: str) -> list[tuple]:
    """Every entry the plain automaton finds at word edges that passes its checks, each check
    called as the scan called it before the checks were worked out in advance."""
    text = lexicons.lowered(paragraph)
    kept = []
    for end_index, (length, entries) in lexicons.automaton().iter(text):
        start, end = end_index - length + 1, end_index + 1
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        for entry in entries:
            if entry.case_sensitive and paragraph[start:end] != entry.form:
                continue
            if entry.name == "hedges" and not lexicons.counts_as_hedge(entry.lemma, paragraph, end):
                continue
            if entry.family == lexicons.LEXICON and not lexicons.has_meant_pos(entry.name, entry.lemma, paragraph, start, end):
                continue
            if entry.name in lexicons.member_noun_labels() and entry.family == lexicons.LABEL \
                    and not lexicons.counts_as_member_noun(entry.form, paragraph, end):
                continue
            kept.append((entry.family, entry.name, entry.lemma, start, end))
    return kept


def test_scan_keeps_the_entries_the_plain_checks_keep(paragraphs):
    texts = paragraphs + ["In May the state said prices may rise; a single state reports about 40 terrorists.",
                          "Terrorist attacks, the terrorist ISIS and the Islamic State: certain areas, it is certain that"]
    for p in texts:
        plain = _plain_scan_entries(p)
        found = scan_paragraph(p)
        # the scan drops some of them afterwards (names, overlaps, titles): what it keeps is plain's
        assert {h[:5] for h in found} <= set(plain), p
        assert len(plain) >= len(found)


def test_subject_boundaries_on_lower_case_text_are_the_boundaries(paragraphs):
    from newscorpus.measures.attribution import CASE_FOLDS_APART, SUBJECT_BOUNDARY, SUBJECT_BOUNDARY_LOWER

    texts = paragraphs + ["AND THEN, WHICH THE officials And BUT", "Which The Kasich — who -- x - y '' z"]
    for p in texts:
        for start, end in sentence_spans(p) or [(0, len(p))]:
            left = p[start:end]
            assert CASE_FOLDS_APART.isdisjoint(left), left  # otherwise the plain pattern runs
            expected = [(m.span(), m.group(0).lower()) for m in SUBJECT_BOUNDARY.finditer(left)]
            found = [(m.span(), m.group(0)) for m in SUBJECT_BOUNDARY_LOWER.finditer(lexicons.lowered(left))]
            assert found == expected, left


def test_sentence_patterns_are_skipped_only_where_no_sentence_has_a_match(paragraphs):
    from newscorpus.measures.attribution import (ACCORDING, NOUN_CUE_WORD, NOUN_CUE_WORDS, POSSESSIVE_GATE, THERE_IS,
                                                 _sentence_patterns_possible, paragraph_words)

    assert all(w.isalpha() and w.islower() for w in NOUN_CUE_WORDS)
    texts = paragraphs + ["ACCORDING TO officials. THERE IS INFORMATION THAT it fell.", "In The View Of Smith, no.",
                          "accordİng to them, it is so.", "His claimsX. Their view."]
    for p in texts:
        sentences = sentence_spans(p)
        lowered = p.lower()
        according, nouns = _sentence_patterns_possible(p, sentences, paragraph_words(p)[1], lowered)
        for start, end in sentences:
            if ACCORDING.search(p, start, end) or THERE_IS.search(p, start, end):
                assert according, p
            if NOUN_CUE_WORD.search(p, start, end) and POSSESSIVE_GATE.search(lowered, start, end):
                assert nouns, p


def test_verb_group_and_compound_searches_start_where_a_match_can(paragraphs):
    from newscorpus.measures.attribution import COMPOUND_BEFORE, VERB_GROUP_BEFORE, compound_before, verb_group_before

    def same(a, b):
        return (a.span(), a.group(0)) == (b.span(), b.group(0)) if a and b else a is b is None

    texts = paragraphs + ["It has also not  ", "officials 's ", "He cannot\n", "Both Syria and Iraq and\n", "X and",
                          "Iran and  ", "US and\u2003", "ALSO has "]
    for p in texts:
        for start, end in sentence_spans(p) + [(0, len(p))]:
            for cut in range(start, end + 1, 3):
                assert same(verb_group_before(p[start:cut]), VERB_GROUP_BEFORE.search(p[start:cut])), p[start:cut]
                assert same(compound_before(p, start, cut), COMPOUND_BEFORE.search(p, start, cut)), p[start:cut]


def test_spaces_are_what_the_space_class_matches():
    import re

    from newscorpus.measures.attribution import SPACES

    assert set(SPACES) == {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}
