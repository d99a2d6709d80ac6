"""The themes chapter's words: the text layer's tokens (:mod:`newscorpus.layer.tokenize`), with the
stop list that word charts and keyness leave out.

The layer keeps the names these articles turn on whole, from the text itself (a run of capitalised
words: "Islamic State", "Deir ez-Zour", "Breaking the Walls"), writes "U.S." as one word "US",
joins a name to the Arabic article ("al-Sham", "al-Baghdadi"), drops a final "'s", and keeps the
capitals of acronyms, so "IS" (the group) is never the stop word "is". Other words are lower-cased.
This module adds only what the word charts need: which keys are content words, and the form each
key is usually written in.

The stop list is jusText's English list (the cleaner's) plus ``data/themes/stopwords.txt``, reporting
and discourse words, plus every inflected form of the verbs of saying in
``data/framing/report_verbs.csv`` (``saying_verb_forms``); chapter 4's log-odds and the keyness counts (``log_odds.word_counts``) use the
same list, so the two chapters leave out the same words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import justext

from ..layer.tokenize import paragraph_sentences, paragraph_tokens
from ..layer.words import POSSESSIVE, words as layer_words
from ..paths import DATA_DIR

THEMES_DATA = DATA_DIR / "themes"


def read_list(name: str) -> list[str]:
    """Lines of a data file in ``data/themes``, without comments and blank lines."""
    lines = (THEMES_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# The classes of ``data/framing/report_verbs.csv`` (the attribution extractor's cue verbs) that are
# verbs of saying: speech verbs, other verbs of saying and writing, and tag verbs.
SAYING_CLASSES = ("say", "speech", "tag")


def saying_verb_forms() -> frozenset[str]:
    """Every inflected form of the book's verbs of saying (``data/framing/report_verbs.csv``, the
    classes in ``SAYING_CLASSES``, verbs listed without a particle) that can only be a verb:
    *said*, *remarked*, *remarking*, *admits*, *stated*. A form that is also a noun (lemminflect
    knows a noun reading: *state*, *reports*, *claims*, *talks*, *ruling*) stays
    countable, since in these texts the noun is usually the subject ("the reports")."""
    from lemminflect import getAllLemmas

    from .lexicons import inflections, read_csv

    forms: set[str] = set()
    for row in read_csv("framing", "report_verbs.csv"):
        if row["class"] not in SAYING_CLASSES or row["particle"]:
            continue
        forms.update(f for f in inflections(row["lemma"].lower())
                     if f.isalpha() and "NOUN" not in getAllLemmas(f))
    return frozenset(forms)


STOP_WORDS = (frozenset(w.lower() for w in justext.get_stoplist("English")) | frozenset(read_list("stopwords.txt"))
              | saying_verb_forms())


@dataclass(frozen=True, slots=True)
class Token:
    key: str  # what is counted
    form: str  # as written, for display


@lru_cache(maxsize=4096)
def _paragraph(text: str) -> tuple[Token, ...]:
    return tuple(Token(t.key, t.form.replace("’", "'")) for t in paragraph_tokens(text))


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` (one paragraph) in order."""
    return list(_paragraph(text))


def keys(paragraphs: list[str]) -> list[str]:
    """The token keys of an article, paragraph after paragraph."""
    return [t.key for p in paragraphs for t in paragraph_tokens(p)]


def plain_words(paragraph: str) -> list[tuple[int, int, str]] | None:
    """The paragraph's words (``layer.words.words``) where the text layer's tokens are provably
    these words with some runs joined into names, else None (then read the tokens).

    ``layer.tokenize.paragraph_tokens`` reads each sentence's words and joins a name's words into
    one token. Where every sentence's words are the paragraph's words that fall in it (no sentence
    edge cuts a word; the usual case) and no word is an "al- X" particle written with a space, a
    token that is no name is the word at the same offsets (its key ``word_key(form, kind)``), and a
    name's words are the paragraph's words between its offsets: every other kind of word is
    followed by no letter or digit, so ``words(paragraph, name.start, name.end)`` reads the
    paragraph's own words there. Themes and places use this to skip the name finder where they can
    show that names change nothing of theirs (a speed goal: most of what tokens cost is names)."""
    if "l- " in paragraph or "l-\t" in paragraph:  # maybe a particle ("Al- Baaj": a space inside)
        return None
    found = layer_words(paragraph)
    at = 0
    for start, end in paragraph_sentences(paragraph):
        part = layer_words(paragraph, start, end)
        if found[at:at + len(part)] != part:
            return None
        at += len(part)
    return found if at == len(found) else None


def is_content_word(key: str) -> bool:
    """Worth a place in a word chart: has a letter, more than one character, not a stop word
    (stop words are lower-case, so "IS" and "US" are never stopped)."""
    return len(key) > 1 and key not in STOP_WORDS and any(c.isalpha() for c in key)


def content_counts(paragraphs: list[str]) -> tuple[Counter, dict[str, str], int]:
    """Counts of content words by key, the form each key is most often written in, and the
    number of words (tokens with a letter, stop words included): one pass over the article."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    words = 0
    for p in paragraphs:
        for t in paragraph_tokens(p):
            if t.kind == "number" or not any(c.isalpha() for c in t.key):
                continue
            words += 1
            if is_content_word(t.key):
                counts[t.key] += 1
                # shown as counted: the key drops a final possessive "'s", so the label does too
                forms.setdefault(t.key, Counter())[POSSESSIVE.sub("", t.form.replace("’", "'"))] += 1
    return counts, {k: display_form(f) for k, f in forms.items()}, words


def display_form(forms: Counter) -> str:
    """The usual written form: the form written most often, a lower-case form winning a tie (so a
    word capitalised at sentence starts only is shown lower-case, and *Turkey*, the country, is not
    shown as *turkey* because a text once writes the bird)."""
    return min(forms.items(), key=lambda item: (-item[1], item[0][:1].isupper(), item[0]))[0]
