"""Who is quoted, paraphrased or credited with a belief, and how: a rule-based attribution
extractor (no model), on the definitions of PolNeAR (Newell, Margolin & Ruths 2018).

An attribution is a source, a cue and a content, each a span of character offsets into its
paragraph: statements (direct, indirect and mixed quotation), "according to X", beliefs
("officials believe"), intentions ("wants to"), attitudes ("criticized the plan") and findings
("a report found"). Per sentence (``sentences.sentence_spans``), in the outlet's narrative only (a
verb inside a quotation belongs to the quoted source), it finds:

- cue verbs from ``data/framing/report_verbs.csv`` (inflected with lemminflect), each class with
  the context it needs: a verb of saying with a subject or as a tag (", officials said"); a belief
  with a clause ("believe that", "think the"); an intention with a to-infinitive or an object;
  an attitude with an object; a finding with a clause. A word after a determiner or a possessive
  is a noun ("the claims"), not a cue. The cue is the verb group: auxiliaries, negation and
  adverbs before the verb ("has also said"), a particle ("call for"), a colon, and "in a
  statement" after it;
- "according to X" and the colon that introduces a quotation ("Trump: "...");
- the source: the noun phrase before the verb group (skipping a relative clause: "Kasich, who
  ..., said"), the one after an inverted tag ('"...," said Hanna'), the first source for a second
  verb ("and said"), or none for a passive ("is expected to") unless a by-phrase names it;
- the content: the clause or quotation after the cue, or before a tag, extended to the end of a
  quotation that runs on; an attribution inside another's content is not counted (PolNeAR
  annotates only the outermost), unless a clause boundary (", and", ";") separates them.

Across the article (``attributions``), a pronoun or a role noun ("he", "they", "the official") is
resolved to the nearest compatible named mention before it (``resolve_sources``), and each source
is classified (named person, named institution, unnamed, the group itself) and by kind from
``data/framing/source_cues.csv``. Titles of publications ("Foreign Policy magazine", "the
Washington Examiner") are media, never the country they name.
"""

from __future__ import annotations

import io
import math
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import takewhile
from statistics import NormalDist

import ahocorasick
import pandas as pd

from .lexicons import inflections, lowered, read_csv
from .quotes import NARRATIVE, WORD, voices_of
from .sentences import sentence_spans

KIND_ORDER = ("the_group", "media", "analysts", "united_states", "iraqi_government", "other")
SPAN_COLUMNS = ["cue", "cue_start", "cue_end", "source_start", "source_end", "content_start", "content_end"]
COLUMNS = ["file", "paragraph", "speaker", "as_written", "source_type", "source_class", "kind", "verb",
           "verb_class", "mode", "form", *SPAN_COLUMNS, "text"]
SOURCE_CLASSES = ("named_person", "named_institution", "unnamed", "the_group", "unresolved")

DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "these", "those",
               "this", "some", "any", "no", "every", "each", "such", "many", "several", "both", "of",
               "whose", "first", "own", "new", "public", "private", "recent", "latest", "previous"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which"}
PRONOUNS_AND_POSSESSIVES = frozenset(PRONOUNS | {"his", "her", "their", "its"})
RECIPIENT_VERBS = {"tell", "ask", "warn", "urge", "inform", "assure", "remind", "call on", "promise"}
# Words that end the subject noun phrase before a verb, searching back from it.
SUBJECT_BOUNDARY = re.compile(
    r"[,;:()\[\]“”\"—–]|''|\s-\s|\b(?:and|but|that|because|while|whereas|as|if|when|after|before|since|"
    r"although|though|so|or|where|whom|than|then)\b|\bwhich(?=\s+(?:the|a|an|he|she|they|it|this)\b)", re.IGNORECASE)
# SUBJECT_BOUNDARY without IGNORECASE, for lower-cased text: twice as fast (a speed goal). The
# same matches, except where IGNORECASE pairs a letter with one that lower() leaves alone
# ("İ" and "ı" with i, "ſ" with s): text with those is searched with SUBJECT_BOUNDARY itself.
SUBJECT_BOUNDARY_LOWER = re.compile(SUBJECT_BOUNDARY.pattern)
CASE_FOLDS_APART = frozenset("İıſ")


def folds_apart(text: str) -> bool:
    """``not CASE_FOLDS_APART.isdisjoint(text)``, by three substring searches (a speed goal:
    isdisjoint makes a string of every character)."""
    return "İ" in text or "ı" in text or "ſ" in text
VERB_GROUP_BEFORE = re.compile(
    r"(?:\b(?:has|have|had|having|is|are|was|were|be|been|being|will|would|could|should|can|may|might|"
    r"must|shall|do|does|did|not|never|also|just|once|already|still|even|then|later|again|often|always|"
    r"first|now|further|only|long|too|keep|keeps|kept|[a-z]+ly|[a-z]+n['’]t|cannot)\s+|['’](?:s|ve|d|ll|re)\s+)+$")
SPACES = "\x09\x0a\x0b\x0c\x0d\x1c\x1d\x1e\x1f\x20\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # what \s matches: every str.isspace() character
VERB_GROUP_CHARACTERS = "abcdefghijklmnopqrstuvwxyz'’" + SPACES


def verb_group_before(before: str) -> re.Match | None:
    """``VERB_GROUP_BEFORE.search(before)``, started where a match can start (a speed goal:
    the search tries every position of the sentence). Every character of a match is a
    lower-case letter, an apostrophe or a space, so no match starts before the last other
    character; ``\b`` still reads the character before where the search starts."""
    return VERB_GROUP_BEFORE.search(before, len(before.rstrip(VERB_GROUP_CHARACTERS)))


def compound_before(paragraph: str, start: int, end: int) -> re.Match | None:
    """``COMPOUND_BEFORE.search(paragraph, start, end)``, searched only when the text ends with
    "and" and a space, as every match does (a speed goal)."""
    text = paragraph[start:end]
    bare = text.rstrip(SPACES)
    if len(bare) == len(text) or not bare.endswith("and"):
        return None
    return COMPOUND_BEFORE.search(paragraph, start, end)


BE_FORM = re.compile(r"\b(?:is|are|was|were|be|been|being|['’]s|['’]re)\b", re.IGNORECASE)
PAST_PARTICIPLE = re.compile(r"(?:ed|en|said|told|known|thought|seen|written|heard|found|shown|felt|taught|held)$")
AFTER_CUE = re.compile(r"^(?:\s*in\s+(?:a|an|his|her|their|its|the)\s+(?:\w+\s+){0,2}?"
                       r"(?:statement|interview|tweet|email|e-mail|letter|post|speech|op-ed|memo|release)\b)?(?:\s*:)?")
CLAUSE_START = re.compile(r"^\s*(?:,\s*)?(?:that|whether|if|how|why|what|when|where|who|which)\b|^\s*[:“\"‘]",
                          re.IGNORECASE)
SETTING_BEFORE_THAT = re.compile(r"^\s*,?\s*(?:in|on|during|at|after|before|with|from|through|via|last|this|on)\b"
                                r"[^,.;:“”\"]{0,60}?\s(?=that\b)")
NOT_AN_OBJECT = {"in", "at", "on", "with", "by", "from", "for", "up", "down", "out", "off", "over", "into", "and",
                 "or", "but", "as", "after", "before", "during", "since", "until", "while", "because", "so",
                 "than", "then", "there", "here", "back", "away", "around", "through", "again", "later",
                 "earlier", "too", "very", "is", "was", "are", "were", "be", "been", "has", "had", "have"}
NOT_A_SOURCE = {"plan", "plans", "schedule", "law", "laws", "rule", "rules", "script", "tradition", "custom",
                "design", "needs", "vision", "principles", "interests", "protocol", "procedure", "procedures", "standard", "standards", "pattern", "expectations"}
PERCEPTION = {"hear", "watch", "learn", "know", "remember"}
OBJECT_THEN_TO = re.compile(r"^\s+(?!(?:and|or|but|as|in|at|on|with|by|from)\b)(?:[\w’'\-.]+\s+){1,5}?to\s+[a-z]")
PREPOSITION_CONTENT = re.compile(r"^\s+(?:of|about|against|on)\s+\w")
TO_INFINITIVE = re.compile(r"^\s+(?:not\s+)?to\s+[a-z]")
OBJECT_START = re.compile(r"^\s+(?:[“\"‘]|(?:the|a|an|his|her|their|its|this|these|those|that|him|them|it|me|us|"
                          r"you|her|any|all|some|no|every|each|both|more|what|whatever|anything|nothing|"
                          r"everything|something|such|[A-Z][\w’'\-.]*)\b)")
BARE_CLAUSE = re.compile(r"^\s+(?:he|she|they|we|i|it|there|you|the|a|an|this|these|those|his|her|their|"
                         r"[A-Z][\w’'\-.]*)\b\s*[\w’'\-]*\s*(?:[\w’'\-]+\s+)?(?:is|are|was|were|will|would|"
                         r"could|can|should|may|might|must|has|have|had|did|does|do|[a-z]+n[’']t|[a-z]+(?:ed|es|s))\b")
TAG_END = re.compile(r"^\s*(?:(?:in|during)\s+(?:an?|the|his|her|their|its)?\s*(?:[\w\-]+\s+){0,2}?(?:interviews?|"
                     r"statements?|speech|call|e-?mail|tweets?|post|letter|remarks|conversation|briefing)"
                     r"|last\s+\w+|this\s+(?:week|month|year)|earlier|later|recently|yesterday|today)?\s*(?:[.!?;]|,|\s*$)")
ACCORDING = re.compile(r"\baccording\s+to\b|\bin\s+the\s+(?:opinion|view|eyes)\s+of\b", re.IGNORECASE)
THERE_IS = re.compile(r"\bthere\s+(?:is|are|was|were)\s+(?:information|reports?|speculation|talk)\s+that\b", re.IGNORECASE)
COLON = re.compile(r":(?=\s)")
TIME_OR_NUMBER = re.compile(r"\d|\b(?:a\.m|p\.m|update|updated|note|editor|watch|listen|read|via|photo|video)\b", re.IGNORECASE)
SENTENCE_FINAL = ".!?;"
CLOSING = "”\"’)"
SPLIT_BOUNDARY = re.compile(r",\s*(?:and|but|while|whereas|however)\s|;\s|\s(?:and|but|while|whereas)\s+(?=\w+\s*$)")
MAX_SOURCE_WORDS = 16
FIRST_WORD = re.compile(r"^\s+(?:([“\"‘$£€\d])|([^\W_]+))")
WORD_BEFORE = re.compile(r"([^\W_]+(?:['’\-][^\W_]+)*)([^\w]*)$")
WORD_JOINERS = frozenset("'’-")


def word_before(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``WORD_BEFORE.search(text, start, end)``'s two groups: the word before ``end`` and what
    lies between (a speed goal: the search tries every position of the window; this reads back
    from the end). The match ends its word at the last word character; a word ends with a
    letter or digit (not "_") and runs back over letters and digits joined by single
    apostrophes or hyphens."""
    k = end
    while k > start and not (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    if k == start or not text[k - 1].isalnum():
        return None
    i = k - 1
    while True:
        while i > start and text[i - 1].isalnum():
            i -= 1
        if i - 2 >= start and text[i - 1] in WORD_JOINERS and text[i - 2].isalnum():
            i -= 2
            continue
        return text[i:k], text[k:end]
# Cue verbs that are also common nouns: their bare and -s forms need a subject-like word before.
NOUN_LIKE = {"support", "call", "plan", "claim", "report", "note", "attack", "back", "state", "tweet", "post",
             "comment", "answer", "question", "offer", "promise", "pledge", "fear", "hope", "doubt", "praise",
             "blame", "demand", "want", "vow", "threaten", "show", "find", "estimate", "counter", "remark",
             "reply", "respond", "defend", "reject", "welcome", "favor", "favour", "like", "love", "hate",
             "guess", "aim", "wish", "quip", "joke", "boast", "lament", "muse", "worry", "stress", "cite"}
NOT_A_SUBJECT_END = {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "to", "of", "for",
                     "in", "on", "at", "by", "with", "from", "there", "were", "was", "is", "are", "be", "been",
                     "moreover", "however", "furthermore", "meanwhile", "also", "therefore", "thus"}
FIRST_PERSON = {"we", "i", "us", "our"}
NAMING = {"call", "name", "dub", "label", "term"}
CONTRACTED = {"he", "she", "it", "that", "who", "what", "there", "here", "where", "one"}
PLURAL_NOUN_LIKE = {"state", "plan", "call", "attack", "support", "report", "post", "comment", "question", "answer",
                    "tweet", "remark", "note", "claim", "offer", "promise", "pledge", "fear", "hope", "doubt",
                    "demand", "estimate", "show", "back"}
SUBJECT_BEFORE = {"he", "she", "they", "we", "i", "you", "who", "it", "that", "which", "also", "not", "never",
                  "still", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does",
                  "did", "don’t", "don't", "didn’t", "didn't", "doesn’t", "doesn't", "now", "often", "really"}
ABBREVIATION_STOP = r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!Sen)(?<!Rep)(?<!Gov)(?<!Gen)(?<!St)(?<!Jr)(?<!Sr)(?<!Lt)(?<!Col)(?<!Capt)\."
INVERTED_NP = re.compile(r"^\s+(?!(?:he|she|they|it|we|i|you|that|this|there)\b)(?![^,.;!?“”\"]*\b(?:had|has|have|is|are|"
                         r"was|were|will|would|could|can|should|may|might|must|did|does|do)\b)[^,.;!?“”\"]{1,90}?(?:[.;!?]|,|$)")
AFTER_SOURCE_END = re.compile(ABBREVIATION_STOP + r"|[;!?]|,\s*(?:[“\"]|''|[a-z]+ing\b|and\b|but\b)|\s(?:and|but|who|which)\s")
ACCORDING_SOURCE_END = re.compile(ABBREVIATION_STOP + r"|[,;!?:“”\"—–]|\s(?:that|who|which)\s"
                                  r"|-(?=(?:will|would|is|are|was|were|has|have|had)\b)")
QUOTE_TAG_BEFORE = re.compile(r"(?:[,?!—–-]\s*(?:”|\"|'')|(?:”|\"|'')\s*,)$")
PARENTHETICAL = re.compile(r"\([^()]*\)|\s(?:--|—|–)\s[^—–]*?\s(?:--|—|–)\s")
RELATIVE_BEFORE = re.compile(r",\s+(?:who|which|whose)\b[^;:“”\"]*,\s*$")


@lru_cache(maxsize=1)
def verb_table() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Inflected form -> ((lemma, particle, class), ...) for every cue verb, particle entries first."""
    forms: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_csv("framing", "report_verbs.csv"):
        for form in inflections(row["lemma"]):
            entries = forms.setdefault(form, [])
            entry = (row["lemma"], row["particle"], row["class"])
            if entry not in entries:
                entries.append(entry)
    return {form: tuple(sorted(entries, key=lambda e: e[1] == "")) for form, entries in forms.items()}


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, shared prefixes factored out (a trie), so that
    finding every cue in a paragraph is one scan in C rather than a look-up per word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern:
    """Every inflected cue verb as a whole word, case-insensitive."""
    return re.compile(r"(?<![\w'’\-])" + _trie_pattern(sorted(verb_table())) + r"(?![\w]|['’\-]\w)", re.IGNORECASE)


class CueMatch:
    """A cue verb found in a paragraph, read as its ``re.Match`` was: start(), end(), group(0)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, _group: int = 0) -> str:
        return self._text


WORD_RUN = re.compile(r"\w+")
_CUE_BEFORE = frozenset("_'’-")
_CUE_JOINER = frozenset("'’-")


def paragraph_words(paragraph: str) -> tuple[str, frozenset[str]]:
    """The paragraph lower-cased (same offsets) and its distinct runs of word characters."""
    low = lowered(paragraph)
    return low, frozenset(WORD_RUN.findall(low))


def find_cues(paragraph: str, words: tuple[str, frozenset[str]] | None = None) -> list[CueMatch]:
    """What ``cue_pattern().finditer(paragraph)`` finds, in order, faster (a speed goal: it is
    read on every paragraph). Every cue form is letters only, so a match is a whole run of word
    characters that is a form (case aside), not after an apostrophe or hyphen and not before one
    that joins a word: the paragraph's distinct words are checked against the forms, and only
    the forms it has are looked for, with ``str.find``."""
    low, distinct = words or paragraph_words(paragraph)
    present = _cue_forms().intersection(distinct)
    if not present:
        return []
    size = len(low)
    found = []
    for form in present:
        length = len(form)
        i = low.find(form)
        while i >= 0:
            e = i + length
            before, after = low[i - 1] if i else " ", low[e] if e < size else " "
            if not (before.isalnum() or before in _CUE_BEFORE) and not (after.isalnum() or after == "_") \
                    and not (after in _CUE_JOINER and e + 1 < size and (low[e + 1].isalnum() or low[e + 1] == "_")):
                found.append(CueMatch(i, e, paragraph[i:e]))
            i = low.find(form, i + 1)
    found.sort(key=CueMatch.start)
    return found


# What a paragraph's words say, as bits (``scan_words``): a cue form, one of ACCORDING_WORDS, one
# of NOUN_CUE_WORDS.
CUE_FORM, ACCORDING_WORD, NOUN_CUE_WORD_BIT = 1, 2, 4


@lru_cache(maxsize=1)
def _word_automaton() -> ahocorasick.Automaton:
    """Every cue form, ACCORDING_WORDS and NOUN_CUE_WORDS (lower-case letters only) with its
    length and bits, for one Aho-Corasick pass over a paragraph."""
    bits: dict[str, int] = {}
    for words, bit in ((_cue_forms(), CUE_FORM), (ACCORDING_WORDS, ACCORDING_WORD), (NOUN_CUE_WORDS, NOUN_CUE_WORD_BIT)):
        for w in words:
            bits[w] = bits.get(w, 0) | bit
    if not all(w.isalpha() and w == w.lower() for w in bits):
        raise ValueError("scan_words needs words of lower-case letters only")
    automaton = ahocorasick.Automaton()
    for w, bit in bits.items():
        automaton.add_word(w, (len(w), bit))
    automaton.make_automaton()
    return automaton


def scan_words(paragraph: str, low: str) -> tuple[list[CueMatch], int]:
    """``find_cues(paragraph)``, and the bits of every word of ACCORDING_WORDS and NOUN_CUE_WORDS
    that is a whole run of word characters of ``low`` (``lowered(paragraph)``): what
    ``paragraph_words`` and ``find_cues`` give, from one automaton pass instead of a set of
    every word of the paragraph and a search per form found (a speed goal: it runs on every
    paragraph). The automaton reports every occurrence of every word, inside longer words too;
    an occurrence counts when neither side is a word character (a whole run, as in
    ``paragraph_words``), and is a cue under ``find_cues``'s further rules on apostrophes and
    hyphens."""
    size = len(low)
    found = []
    bits = 0
    for last, (length, bit) in _word_automaton().iter(low):
        i, e = last + 1 - length, last + 1
        before, after = low[i - 1] if i else " ", low[e] if e < size else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        bits |= bit
        if bit & CUE_FORM and before not in _CUE_JOINER \
                and not (after in _CUE_JOINER and e + 1 < size and (low[e + 1].isalnum() or low[e + 1] == "_")):
            found.append(CueMatch(i, e, paragraph[i:e]))
    found.sort(key=CueMatch.start)
    return found, bits


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    forms = frozenset(verb_table())
    if not all(form.isalpha() and form == form.lower() for form in forms):
        raise ValueError("find_cues needs cue forms of lower-case letters only")  # report_verbs.csv changed
    return forms


@lru_cache(maxsize=1)
def source_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {}
    for row in read_csv("framing", "source_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["cue"])
    return cues


@lru_cache(maxsize=1)
def _lowered_cues() -> dict[str, set[str]]:
    return {role: {c.lower() for c in cues} for role, cues in source_cues().items()}


@lru_cache(maxsize=1)
def _kind_patterns() -> list[tuple[str, re.Pattern]]:
    cues = _lowered_cues()
    return [
        (kind, re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues[f"kind:{kind}"], key=len, reverse=True)) + r")\b"))
        for kind in KIND_ORDER if cues.get(f"kind:{kind}")
    ]


@lru_cache(maxsize=1)
def _publication_pattern() -> re.Pattern:
    """A publication's title: a listed title, or capitalised words before magazine/newspaper."""
    titles = sorted(source_cues().get("publication", ()), key=len, reverse=True)
    listed = "|".join(re.escape(t) for t in titles) or r"(?!x)x"
    return re.compile(r"\b(?:" + listed + r")\b|\b(?:[A-Z][\w.’'\-]*\s+){1,4}(?:magazine|newspaper|Magazine|Newspaper)\b")


def publication_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every publication title in ``text``: the "US" of "US Foreign Policy
    magazine" and the "Washington" of "the Washington Examiner" are not the United States."""
    return [m.span() for m in _publication_pattern().finditer(text)]


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


PARTICLES = re.compile(r"^(?:al|el|bin|ibn|abu|abd|de|van|von|la|le|da|di|du)(?:-|$)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_unions() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The unions of lowered cue sets that the source readers test words against: not a name
    (title, institution, person, place), a person or institution, a title or place, and what can
    speak (institution, person, publication, pronoun). Built once, not on every call (a speed
    goal: a union of the cue sets costs more than the test itself)."""
    cues = _lowered_cues()

    def union(*roles: str) -> frozenset[str]:
        return frozenset().union(*(cues.get(role, set()) for role in roles))

    return (union("title", "institution", "person", "place"), union("person", "institution"),
            union("title", "place"), union("institution", "person", "publication") | PRONOUNS)


def _name_tokens(text: str) -> list[str]:
    """Capitalised words that are not titles, determiners, places, institutions or role nouns."""
    not_names = _cue_unions()[0]
    return [w for w in WORD.findall(text) if w[0].isupper() and w.lower() not in not_names]


def name_like(chunk: str) -> bool:
    """A short chunk made of capitalised words and name particles: "Abu Mohammad al-Adnani"."""
    words = chunk.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or PARTICLES.match(w) for w in words) and bool(_name_tokens(chunk))


def source_kind(text: str) -> str:
    """The first kind whose cue occurs in the source and its description, or unknown."""
    lowered = text.lower()
    for kind, pattern in _kind_patterns():
        if pattern.search(lowered):
            return kind
    return "unknown"


@lru_cache(maxsize=4096)
def _phrase_kind(phrase: str) -> str:
    # ``source_kind`` of a source as written, kept per phrase (as ``_speaker_type``), a speed goal
    return source_kind(phrase)


def source_type(speaker: str, sentence: str = "") -> str:
    """named (a person by name), institution (an organisation, a state, a document, a
    publication), unnamed (officials, experts, sources) or unknown (an unresolved pronoun)."""
    anonymous = _lowered_cues().get("anonymous", ())
    if anonymous and any(c in sentence.lower() for c in anonymous):
        return "unnamed"
    return _speaker_type(speaker)


@lru_cache(maxsize=4096)
def _speaker_type(speaker: str) -> str:
    # ``source_type`` without the sentence: kept per source as written (a short phrase, "he",
    # "officials", a name; the same ones recur through an article and its persons' mentions),
    # a speed goal.
    cues = _lowered_cues()
    words = _lower_words(speaker)
    if not words or words <= PRONOUNS_AND_POSSESSIVES:
        return "unknown"
    head = speaker.split(",")[0].strip()
    if "," in speaker and name_like(head) and not _lower_words(head) & _cue_unions()[1]:
        return "named"  # "Hanna, a Middle East expert"; "Rasool, spokesman for the command"
    person = bool(words & cues.get("person", set()))
    names = _name_tokens(speaker)
    if person and not names and not publication_spans(speaker):
        return "unnamed"  # "officials in Baghdad", "security officials and experts in Iraq"
    if publication_spans(speaker) or words & cues.get("institution", set()):
        return "institution"
    if names and not person:
        return "named"
    if names and person and name_like(" ".join(speaker.split()[-2:])):
        return "named"  # "the official Hoshyar Zebari"
    if person:
        return "unnamed"
    if words & cues.get("place", set()):
        return "institution"
    return "named" if names else "unnamed"


def source_class(stype: str, kind: str) -> str:
    """named_person, named_institution, unnamed, the_group (the group speaking for itself, however
    named) or unresolved."""
    if kind == "the_group":
        return "the_group"
    return {"named": "named_person", "institution": "named_institution", "unnamed": "unnamed"}.get(stype, "unresolved")


# ---------------------------------------------------------------------------------------------
# One paragraph: candidates with their spans


def _strip_span(text: str, start: int, end: int, chars: str = " \t,;:.") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# The patterns the per-cue readers below match, compiled once (a speed goal: ``re.match(pattern,
# text)`` looks its pattern up in re's cache on every call).
OPENING_NAME = re.compile(r"\s*([^,;:“”\"]+),")
HEAD_BEFORE_COMMA = re.compile(r"(?:^|[,;:(“”\"—–])\s*([^,;:(“”\"—–]+),$")
AND_WORD_BEFORE = re.compile(r"\band\s+\S+\s*$")
HAS_BEEN_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\s*$")
COMMA_QUOTE_AFTER = re.compile(r"^\s*,\s*[“\"]")
CONJUNCTION_END = re.compile(r"(?:^|[\s,])(?:and|but|or)$")
BY_AGENT = re.compile(r"^\s*by\s+((?:[\w’'\-.]+\s*){1,6})")
RECIPIENT_BEFORE_CONTENT = re.compile(r"^\s+(?:[\w’'\-.]+\s+){0,5}?(?=that\b|to\b|[“\"]|:)")
TO_OR_BY_AFTER = re.compile(r"^\s+(?:to|by)\b")
DASH_AFTER = re.compile(r"^\s*[—–-]\s*\w")
INFORMATION_WORD = re.compile(r"information|reports?|speculation|talk", re.IGNORECASE)
LEADING_PREPOSITION = re.compile(r"(?:Despite|After|Before|With|Given|Under|Following|Amid)\s+")
IS_AFTER_CUE = re.compile(r"\s+(?:is\s+|was\s+)?")
QUOTE_OPENS = re.compile(r"\s*[“\"‘']")
APPOSITIVE_AFTER = re.compile(r"\s*,\s*(?:a|an|the|who|[a-z])")


# Where a search for SUBJECT_BOUNDARY can start as if it had started at the start of the text:
# after a word character and before a space, no match covers the place (a match that runs over
# it would hold a word character followed by a space: none does), so a search from the start
# tries there too; ``\b`` reads the word character before it either way. From there on, both
# searches find the same boundaries.
SUBJECT_TAIL = re.compile(r"\w(?=\s)")
SUBJECT_TAIL_CHARACTERS = 48


def _walk_boundaries(left: str, cuts: list[re.Match], whole: bool = False) -> tuple[int, int] | tuple[()] | None:
    """The walk of ``_subject_span`` back from the verb over the boundaries ``cuts`` of
    ``left``: (start, stop) of the subject's chunk in ``left``, () for none, or None when the
    walk gets past the first of ``cuts`` and they are not the ``whole`` list."""
    stop = len(left)
    for m in reversed(cuts):
        chunk = left[m.end():stop]
        if chunk.strip():
            head = chunk.split()[0].lower()
            if head in ("who", "which", "whose") and m.group(0) == "," and len(chunk.split()) > 1:
                stop = m.start()  # "Kasich, who has the hardest path, said": skip the clause
                continue
            return m.end(), stop
        if m.group(0) in ",—–(" and stop == len(left):
            stop = m.start()  # an appositive ends just before the verb: "Morris, a spokeswoman, said"
            continue
        if m.group(0) not in ",":
            return ()
        stop = m.start()
    if not whole:
        return None
    return (0, stop) if left[:stop].strip() else ()


def _subject_span(paragraph: str, sent_start: int, end: int) -> tuple[int, int]:
    """The noun phrase that ends at ``end`` (the start of the verb group): back to the nearest
    boundary, skipping a relative clause set off by commas. (-1, -1) when there is none."""
    left = paragraph[sent_start:end]
    if "(" in left or "—" in left or "–" in left or "--" in left:  # what every PARENTHETICAL match holds
        left = PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), left)  # "Sanders (I-Vt.) said"
    left = left[:len(left.rstrip())]
    relative = RELATIVE_BEFORE.search(left)
    if relative:
        left = left[:relative.start()]  # "Kasich, who has the hardest path, said": skip the clause
    # the same boundaries (see SUBJECT_BOUNDARY_LOWER)
    text, boundary = (lowered(left), SUBJECT_BOUNDARY_LOWER) if not folds_apart(left) \
        else (left, SUBJECT_BOUNDARY)
    # The walk back from the verb mostly ends at the last boundary or two: the boundaries of the
    # last few words are found first, and all of them only when the walk gets past those (a
    # speed goal: a long sentence was searched from its start for every cue).
    tail = SUBJECT_TAIL.search(text, len(text) - SUBJECT_TAIL_CHARACTERS) if len(text) > SUBJECT_TAIL_CHARACTERS else None
    if tail:
        cut = tail.end()
        last = list(boundary.finditer(text, cut))
        walked = _walk_boundaries(left, last)
        if walked is None:  # the boundaries before the cut, then those after it: all of them
            walked = _walk_boundaries(left, [*takewhile(lambda m: m.start() < cut, boundary.finditer(text)), *last],
                                      whole=True)
    else:
        walked = _walk_boundaries(left, list(boundary.finditer(text)), whole=True)
    if not walked:
        return -1, -1
    start, stop = sent_start + walked[0], walked[1]
    s, e = _strip_span(paragraph, start, sent_start + stop, " \t,;:")
    compound = compound_before(paragraph, sent_start, s)
    if compound and paragraph[s:s + 1].isupper():
        s = compound.start()  # "Both Syria and Iraq fear": the whole compound subject
    words = paragraph[s:e].split()
    if not words:
        return -1, -1
    opening = OPENING_NAME.match(paragraph[sent_start:end])
    if opening and not name_like(paragraph[s:e]) and name_like(opening.group(1).strip()) \
            and not opening.group(1).strip().endswith("ly") \
            and paragraph[sent_start:end].rstrip().endswith(",") and len(paragraph[sent_start:end].split()) <= 25:
        return _strip_span(paragraph, sent_start + opening.start(1), end, " \t,")  # the name and its description
    before = paragraph[sent_start:s].rstrip()
    if before.endswith(",") and not name_like(paragraph[s:e]):
        # "Brigadier Yahya Rasool, spokesman for the command, said": the name and its appositive
        head = HEAD_BEFORE_COMMA.search(before)
        if head and name_like(head.group(1).strip()) and len(head.group(1).split()) >= 2:
            s = sent_start + head.start(1)
            e = max(e, sent_start + stop) if paragraph[e:sent_start + stop].strip(" ,") == "" else e
    if len(words) > MAX_SOURCE_WORDS:
        return -1, -1
    return s, e


def _acceptable_source(paragraph: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The subject span, cut to its last word when that is a pronoun ("invasions it called"), or
    None for the author's own voice ("we", "It is important to") and chunks that end mid-phrase."""
    if span[0] < 0:
        return span
    text = paragraph[span[0]:span[1]]
    words = text.split()
    last = words[-1].lower().strip("’'")
    if last in NOT_A_SUBJECT_END or last in FIRST_PERSON or (words[0].lower() in ("it", "there") and len(words) > 1):
        return None
    if len(words) > 1 and last in PRONOUNS and words[-2].lower() not in ("and", "or"):
        return span[1] - len(words[-1]), span[1]
    issued = ISSUED.search(text)
    if issued:  # "Qahtani issued a statement apologizing": the one who issued it
        return _strip_span(paragraph, span[0] + (text.rfind(" ", 0, max(0, issued.start() - 1)) + 1
                                                 if _name_tokens(text[:issued.start()]) else 0), span[0] + issued.start())
    return span


def _after_span(paragraph: str, start: int, sent_end: int) -> tuple[int, int]:
    """The noun phrase after an inverted verb ('..." said Hanna, an analyst'), to its end."""
    m = AFTER_SOURCE_END.search(paragraph, start, sent_end)
    end = m.start() if m else sent_end
    return _strip_span(paragraph, start, end)


def _sentence_content_end(paragraph: str, sent_end: int, voices) -> int:
    """Where forward content ends: the sentence end, less its full stop, or the end of a quotation
    that runs past the sentence."""
    end = sent_end
    if end and paragraph[end - 1] in SENTENCE_FINAL:
        end -= 1
    for qs, qe in voices.quotes:
        if qs < sent_end <= qe or (qs < end and qe > sent_end):
            end = max(end, qe)
    return end


class Candidate:
    __slots__ = ("lemma", "klass", "cue", "source", "content", "forward", "coordinated", "sentence")

    def __init__(self, lemma, klass, cue, source, content, forward, coordinated, sentence):
        self.lemma, self.klass, self.cue, self.source = lemma, klass, cue, source
        self.content, self.forward, self.coordinated, self.sentence = content, forward, coordinated, sentence


def _verb_candidate(paragraph, m, sent, voices, found_entry, next_word):
    lemma, particle, klass = found_entry
    sent_start, sent_end = sent
    v_start, v_end = m.start(), m.end()
    if particle:
        v_end = next_word.end()
        lemma = f"{lemma} {particle}"
    word = m.group(0)
    if word[0].isupper() and paragraph[sent_start:v_start].strip(" “\"‘(—–-"):
        return None  # a capitalised word mid-sentence is a name ("the Post", "Hope"), not a verb
    p = word_before(paragraph, max(sent_start, v_start - 40), v_start)  # WORD_BEFORE's groups
    prev_word = p[0] if p else ""
    prev = prev_word.lower()
    between = p[1] if p else ""
    if prev in DETERMINERS and not between.strip() or (prev and between.strip() in ("’s", "'s")) \
            or between.strip() in ("’s", "'s", "-"):
        return None  # a noun: "the claims", "Trump's call"
    lower = word.lower()
    if prev == "to" and not between.strip() and not TRIED_TO.search(paragraph, max(0, v_start - 25), v_start):
        return None  # "too soon to say", "on condition of anonymity to discuss": not a report
    if base_next_is_noun(paragraph, v_end, lemma):
        return None  # "think tank", "call center", "report card"
    if paragraph[max(0, v_start - 2):v_start].endswith(("<", "</")):
        return None  # markup: <tweet ...>
    if prev.endswith(("’s", "'s")) and prev[:-2] not in CONTRACTED and not between.strip():
        return None  # "Trump’s tweet", "Rubio's showing": a noun after a possessive
    if klass == "attitude" and word.lower().endswith("ing") and not between.strip() \
            and prev not in SUBJECT_BEFORE and not BE_FORM.fullmatch(prev or "x"):
        return None  # "a super PAC supporting Clinton": a modifier, not a stance reported  # "too soon to say", "pushed them to say": an infinitive, not a report
    base = lemma.split()[0]
    if lower == base and prev_word[:1].isupper() and not prev_word.endswith("s") and prev not in SUBJECT_BEFORE \
            and prev != "i" and not between.strip() \
            and not AND_WORD_BEFORE.search(paragraph[max(sent_start, v_start - 30):v_start]):
        return None  # "Washington state", "Trump call": a bare form after a singular name is a noun
    plural_noun = lower == base + "s" and base in PLURAL_NOUN_LIKE and not (
        prev and not prev.endswith("s") and BARE_CLAUSE.match(paragraph[v_end:v_end + 80]))  # "the government claims Gulen runs"
    if (lower == base or plural_noun) and base in NOUN_LIKE and prev \
            and not between.strip() and prev not in SUBJECT_BEFORE and not prev_word[0].isupper() \
            and not (lower == base and prev.endswith("s")) and not prev.isdigit():
        return None  # "evangelical support", "campaign plan": a noun after a modifier
    # the verb group: auxiliaries, negation and adverbs before it
    before = paragraph[sent_start:v_start]
    g = verb_group_before(before)
    cue_start = sent_start + g.start() if g else v_start
    group = paragraph[cue_start:v_start]
    after = paragraph[v_end:sent_end]
    extra = AFTER_CUE.match(after)
    cue_end = v_end + (extra.end() if extra else 0)
    passive = bool(BE_FORM.search(group)) and bool(PAST_PARTICIPLE.search(word.lower())) \
        and not HAS_BEEN_BEFORE.search(group)
    if BE_FORM.search(group) and word.lower().endswith("ing"):
        passive = False  # "is saying": progressive
    after_cue = paragraph[cue_end:sent_end]
    if passive and AUTHOR_PASSIVE.search(paragraph, max(sent_start, cue_start - 30), v_start):
        return None  # "It should be pointed out that": the author's own voice
    ends_sentence = bool(TAG_END.match(after_cue))
    left = paragraph[sent_start:cue_start].rstrip()
    participle = word.lower().endswith("ing")
    if not left and word[0].islower() and not participle and paragraph[:sent_start].rstrip().endswith(("”", "\"", "''")):
        quote = next((q for q in reversed(voices.quotes) if q[1] <= sent_start), None)
        source = _after_span(paragraph, cue_end, sent_end)
        if quote and source[1] > source[0] and len(paragraph[source[0]:source[1]].split(",")[0].split()) <= 7:
            return Candidate(lemma, klass, (cue_start, cue_end), source, quote, False, False, sent)
    if lower in ("asked", "told") and (prev in ("when", "if", "after", "once", "before", "while") or
                                      (not prev and word[0].isupper())):
        # "When asked whether ...", "Asked by Matt Lauer whether ...": the question put, no source
        rest = paragraph[cue_end:sent_end]
        c_start, _ = _strip_span(paragraph, cue_end, sent_end, " \t,:")
        stop = paragraph.find(",", c_start, sent_end)
        c_end = stop if stop > 0 else _sentence_content_end(paragraph, sent_end, voices)
        if c_end > c_start:
            return Candidate(lemma, klass, (cue_start, cue_end), (-1, -1), (c_start, c_end), True, False, sent)
    if not passive and left_reduced_passive(paragraph, sent_start, cue_start, word, after_cue):
        passive = True  # "suicide bombers, believed to come from sleeper cells": nobody named believes
    quote_before = left.endswith(("”", "\"", "''", "’"))
    inverted = not passive and not participle and klass in ("say", "speech", "tag") and (
        quote_before or (left.endswith(",") and not RELATIVE_BEFORE.search(left) and bool(INVERTED_NP.match(after_cue))
                         and len(paragraph[slice(*_after_span(paragraph, cue_end, sent_end))].split(",")[0].split()) <= 7))
    # content after or before?
    source = (-1, -1)
    coordinated = False
    if inverted:
        source = _after_span(paragraph, cue_end, sent_end)
        if len(paragraph[source[0]:source[1]].split()) > MAX_SOURCE_WORDS:
            comma = paragraph.find(",", source[0], source[1])  # keep the name, drop a long description
            source = (source[0], comma) if comma > 0 else source
        if source[0] >= source[1] or len(paragraph[source[0]:source[1]].split()) > MAX_SOURCE_WORDS:
            return None
        content = _tag_content(paragraph, sent_start, cue_start, voices)
        after_source = paragraph[source[1]:sent_end]
        forward = False
        if content is None:
            return None
        if COMMA_QUOTE_AFTER.match(after_source):
            content = (content[0], _sentence_content_end(paragraph, sent_end, voices))
        return Candidate(lemma, klass, (cue_start, cue_end), source, content, forward, coordinated, sent)
    if participle and left.endswith(","):
        coordinated = True  # ", saying that", ", adding that": the source of the verb before
    elif not passive:
        source = _acceptable_source(paragraph, _subject_span(paragraph, sent_start, cue_start))
        if source is None:
            return None  # "It is important to mention", "Today we can see": the author's own voice
        if source[0] < 0:
            tail = paragraph[sent_start:cue_start].rstrip().lower()
            if CONJUNCTION_END.search(tail) or (participle and tail.endswith(",")):
                coordinated = True  # "and said", ", saying that": the source of the verb before
            else:
                return None  # no source and no verb before to share one with
    else:
        by = BY_AGENT.match(after_cue)
        if by:
            source = _strip_span(paragraph, cue_end + by.start(1), cue_end + by.end(1))
    if ends_sentence and not passive and not coordinated:
        # a tag at the end of its sentence: the whole chunk after the last comma or quote is the
        # source (", intelligence and counterterrorism officials said.")
        cut = max(left.rfind(","), left.rfind("”"), left.rfind("''"), left.rfind("\""))
        if cut > 0 and len(left[cut + 1:].split()) <= MAX_SOURCE_WORDS // 2:
            source = _strip_span(paragraph, sent_start + cut + 1, cue_start, " \t,;:'”\"")
    # a tag after its content: ", officials said." / "..., he said, adding"
    if not passive and source[0] >= 0 and source[0] > sent_start + 2:
        before_source = paragraph[sent_start:source[0]].rstrip()
        quoted_before = bool(QUOTE_TAG_BEFORE.search(before_source)) or (
            ends_sentence and before_source.endswith(("”", "\"", "''")))
        if quoted_before or (before_source.endswith(",") and (ends_sentence or after_cue.lstrip().startswith(","))):
            content = _tag_content(paragraph, sent_start, source[0], voices)
            if content is None:
                return None
            return Candidate(lemma, klass, (cue_start, cue_end), source, content, False, coordinated, sent)
    if ends_sentence and source[0] >= 0 and not paragraph[sent_start:source[0]].strip(" “\"‘'"):
        # '“... missing.” Trump said.': the quotation closed the sentence before
        quote = next((q for q in reversed(voices.quotes) if q[1] <= sent_start
                      and not paragraph[q[1]:sent_start].strip(" .,")), None)
        if quote:
            return Candidate(lemma, klass, (cue_start, cue_end), source, quote, False, coordinated, sent)
    if ends_sentence and klass != "say" and not (klass == "speech" and COMMA_CONTENT.match(after_cue)):
        return None
    # forward content: the verb's class says what it needs
    rest = paragraph[cue_end:sent_end]
    if klass == "say":
        ok = True
    elif klass == "speech":
        ok = bool(CLAUSE_START.match(rest) or PREPOSITION_CONTENT.match(rest) or COMMA_CONTENT.match(rest) or TO_INFINITIVE.match(rest)
                  or _object_follows(rest) or particle)
    elif klass == "cognition":
        ok = bool(CLAUSE_START.match(rest) or BARE_CLAUSE.match(rest) or TO_INFINITIVE.match(rest)
                  or OBJECT_THEN_TO.match(rest) or (base in PERCEPTION and _object_follows(rest)))
    elif klass == "evidence":
        ok = bool(CLAUSE_START.match(rest) or BARE_CLAUSE.match(rest) or (base == "show" and _object_follows(rest)))
    elif klass in ("intention", "attitude"):
        ok = bool(TO_INFINITIVE.match(rest) or CLAUSE_START.match(rest) or _object_follows(rest)
                  or (klass == "attitude" and PREPOSITION_CONTENT.match(rest)))
    else:
        ok = False
    if not ok:
        return None
    c_start = cue_end
    if lemma in RECIPIENT_VERBS:
        r = RECIPIENT_BEFORE_CONTENT.match(rest)
        if r:
            c_start = cue_end + r.end()
    else:
        r = SETTING_BEFORE_THAT.match(rest)
        if r:
            c_start = cue_end + r.end()  # "said in videotaped testimony that ...": the content is the clause
    c_start, _ = _strip_span(paragraph, c_start, sent_end, " \t,:")
    c_end = _sentence_content_end(paragraph, sent_end, voices)
    if base in NAMING and NAME_ONLY.match(paragraph, c_start, c_end):
        return None  # "invasions it called “Enter through the Door”": a name, not a statement
    if source[0] >= 0 and paragraph[source[0]:source[1]].lower() in ("who", "which") \
            and paragraph[sent_start:source[0]].rstrip().endswith(","):
        close = paragraph.find(",", c_start, c_end)
        if close > 0:
            c_end = close  # "Leenders, who estimated that ..., said": the clause ends at its comma
    if c_end <= c_start:
        return None
    return Candidate(lemma, klass, (cue_start, cue_end), source, (c_start, c_end), True, coordinated, sent)


NAME_ONLY = re.compile(r"(?:the\s+|a\s+|an\s+|it\s+|them\s+|him\s+|her\s+)?[“\"‘'][^“”\"]{1,60}[”\"’']\s*(?:[.,;]|in\b|$)")
AUTHOR_PASSIVE = re.compile(r"\bit\s+(?:should|must|can|could|may|might|has\s+to|is\s+worth)\b", re.IGNORECASE)
TRIED_TO = re.compile(r"\b(?:try|tries|tried|trying|attempt(?:s|ed|ing)?)\s+to\s*$", re.IGNORECASE)
SENTENCE_SUBJECT = re.compile(r"[“\"]?(?!(?:It|There|This|That|These|Those)\b)((?:He|She|They)\b|(?:(?:The|A|An)\s+)?(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'\-]*)"
                              r"(?=\s+(?:[a-z]+ly\s+|also\s+|has\s+|had\s+|was\s+|is\s+)?[a-z]+(?:ed|s)?\b)")
COMMA_CONTENT = re.compile(r"^\s*,\s*(?:[“\"]|the\b|that\b)")  # 'noted, “The danger', 'warned, the seriousness'
CLAUSE_BOUNDARY = re.compile(r",\s*(?:however|but|and|while|whereas|which|who)\s|;\s|\s(?:however|but)\s")
NAMED_BEFORE = re.compile(r"\b(?:called|dubbed|named|known\s+as|titled|entitled|operation|Operation|so-called)\s*$")
ISSUED = re.compile(r"\s(?:issued|released|posted|published|sent|gave)\s+(?:a|an|the)\s+(?:\w+\s+)?"
                    r"(?:statement|letter|message|video|recording|speech)$")
COMPOUND_BEFORE = re.compile(r"(?:Both\s+)?(?:[A-Z][\w’'\-]*\s+)+and\s+$")
COMPOUND_NOUNS = re.compile(r"\s+(?:tanks?|centers?|card|logs?|sheet|lists?|signs?|line)\b", re.IGNORECASE)


def base_next_is_noun(paragraph: str, end: int, lemma: str) -> bool:
    """A cue verb that is the first half of a compound noun: "think tank", "call center"."""
    return bool(COMPOUND_NOUNS.match(paragraph, end, end + 12))


def _object_follows(rest: str) -> bool:
    """A noun phrase, clause or quotation follows: not a preposition, a particle or the end."""
    m = FIRST_WORD.match(rest)
    if not m:
        return False
    return m.group(1) is not None or m.group(2).lower() not in NOT_AN_OBJECT


def left_reduced_passive(paragraph: str, sent_start: int, cue_start: int, word: str, after: str) -> bool:
    """A past participle right after a comma and before "to" or "by": a reduced passive."""
    return word.lower().endswith(("ed", "en")) and paragraph[sent_start:cue_start].rstrip().endswith(",") \
        and bool(TO_OR_BY_AFTER.match(after))


def _tag_content(paragraph: str, sent_start: int, end: int, voices) -> tuple[int, int] | None:
    """Content before a tag: from the sentence start (or the start of the quotation that ends
    there, which may begin in an earlier sentence) to the comma before the tag."""
    s, e = _strip_span(paragraph, sent_start, end, " \t,;:")
    for qs, qe in voices.quotes:
        if qs < s < qe or (qs < e <= qe + 1 and qs < s + 1):
            s = min(s, qs)
    if e <= s:
        return None
    return s, e


def _according_candidates(paragraph, sent, voices):
    sent_start, sent_end = sent
    for m in ACCORDING.finditer(paragraph, sent_start, sent_end):
        if voices.at(m.start()) != NARRATIVE:
            continue
        stop = ACCORDING_SOURCE_END.search(paragraph, m.end(), sent_end)
        source = _strip_span(paragraph, m.end(), stop.start() if stop else sent_end)
        if source[0] >= source[1] or paragraph[source[0]:source[1]].split()[-1].lower().strip(".") in NOT_A_SOURCE:
            continue  # "according to plan", "according to premeditated plans"
        before = paragraph[sent_start:m.start()]
        if before.strip(" ,“\"‘—–-"):
            clause = None
            for clause in CLAUSE_BOUNDARY.finditer(paragraph, sent_start, m.start()):
                pass
            # after the boundary's punctuation: "which stood at 263" and "however the right side" stay whole
            content = _strip_span(paragraph, clause.start() + 1 if clause else sent_start, m.start(), " \t,;:—–-")
            after = paragraph[source[1]:sent_end]
            if DASH_AFTER.match(after):  # "the right side -according to X- will be harder"
                content = (content[0], _sentence_content_end(paragraph, sent_end, voices))
        else:
            content = _strip_span(paragraph, source[1], _sentence_content_end(paragraph, sent_end, voices), " \t,;:")
        if content[1] <= content[0]:
            continue
        lemma = re.sub(r"\s+", " ", m.group(0).lower())
        yield Candidate(lemma, "according", m.span(), source, content, content[0] > m.start(), False, sent)
    for m in THERE_IS.finditer(paragraph, sent_start, sent_end):
        if voices.at(m.start()) != NARRATIVE:
            continue
        content = (m.end() - 4, _sentence_content_end(paragraph, sent_end, voices))
        # no source is named: the information itself stands as the (unnamed) source
        word = INFORMATION_WORD.search(m.group(0))
        yield Candidate("there is information that", "according", (m.start(), m.end() - 5),
                        (m.start() + word.start(), m.start() + word.end()), content, True, False, sent)


NOUN_CUES = ("assertion|assertions|claim|claims|statement|view|views|belief|warning|insistence|argument|contention|"
             "announcement|position|denial|admission|promise|pledge|call|demand|proposal|conclusion|assessment|"
             "concern|fear|hope|plan|criticism|remarks|comments|message|vow|threat|suggestion|accusation|"
             "allegation|opinion|decision|response|answer|advice|words|argument|complaint|explanation|prediction")
POSSESSOR = r"(?:(?:[A-Z][\w.\-]*\s+(?:(?:of|for|and|the)\s+)*){0,5}[A-Z][\w.\-]*['’]s?|(?:the\s+)?(?:[a-z]+\s+){0,2}[a-z]+['’]s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
POSSESSIVE_CUE = re.compile(r"(?P<src>" + POSSESSOR + r")\s+(?:[a-z]+\s+)?(?P<cue>" + NOUN_CUES + r")"
                            r"(?=\s+(?:that|to\s+[a-z]|is\s+that|was\s+that)\b|:)")
# What every POSSESSIVE_CUE match contains: a noun cue after a space, before what it needs.
# POSSESSOR backtracks at every capital letter of a sentence, so it runs only where this
# cheap scan finds such a cue (a speed goal; the matches are the same).
POSSESSIVE_CUE_NEEDS = re.compile(r"(?<=\s)(?:" + NOUN_CUES + r")(?=\s+(?:that|to\s+[a-z]|is\s+that|was\s+that)\b|:)")
# Stricter than POSSESSIVE_CUE_NEEDS: the end of every POSSESSIVE_CUE match, from the last piece
# of its possessor (the apostrophe, or "his", "her", "their", "its") on. Every character of a
# match before its cue is a word character, a space, ".", "-" or an apostrophe, so no match
# starts before the last other character ahead of the first such end: the search starts after
# it (a speed goal: POSSESSOR backtracks at every word of the sentence).
POSSESSIVE_CUE_END = re.compile(r"(?:['’]s?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z]+\s+)?(?:" + NOUN_CUES + r")"
                                r"(?=\s+(?:that|to\s+[a-z]|is\s+that|was\s+that)\b|:)")
NOT_IN_POSSESSIVE_CUE = re.compile(r"(?s:.*)[^\w\s.\-'’]")  # to the last character no match can hold
IN_VIEW = re.compile(r"\b(?P<cue>in\s+(?P<src>" + POSSESSOR + r")\s+(?:view|opinion|words|estimation|assessment))\b")


POSSESSIVE_GATE = re.compile(r"['’]s\s|\b(?:his|her|their|its)\s")
NOUN_CUE_WORD = re.compile(r"\b(?:" + NOUN_CUES + r"|view|opinion|estimation)\b")
NOUN_CUE_WORDS = frozenset(NOUN_CUES.split("|")) | {"view", "opinion", "estimation"}
ACCORDING_WORDS = frozenset({"according", "opinion", "view", "eyes", "there"})  # ACCORDING's and THERE_IS's
NOUN_LEMMAS = {"assertion": "assert", "assertions": "assert", "claims": "claim", "statement": "state", "warning": "warn",
               "denial": "deny", "admission": "admit", "announcement": "announce", "prediction": "predict",
               "accusation": "accuse", "allegation": "allege", "suggestion": "suggest", "explanation": "explain",
               "complaint": "complain", "decision": "decide", "criticism": "criticize", "belief": "believe",
               "insistence": "insist", "contention": "contend", "proposal": "propose", "conclusion": "conclude",
               "remarks": "remark", "comments": "comment", "views": "view"}


def possessive_cues(paragraph: str, start: int, end: int):
    """``POSSESSIVE_CUE.finditer(paragraph, start, end)``, started where a match can start (see
    POSSESSIVE_CUE_END), and not at all where none can."""
    tail = POSSESSIVE_CUE_END.search(paragraph, start, end)
    if not tail:
        return ()
    barrier = NOT_IN_POSSESSIVE_CUE.match(paragraph, start, tail.start())
    return POSSESSIVE_CUE.finditer(paragraph, barrier.end() if barrier else start, end)


def _noun_candidates(paragraph, sent, voices, taken):
    """Noun cues with their owner: "the Ministry of Defense's assertion that ...", "his concern is
    that ...", "in Mr. Connolly's view"."""
    sent_start, sent_end = sent
    for m in possessive_cues(paragraph, sent_start, sent_end):
        if voices.at(m.start("cue")) != NARRATIVE or any(c.cue[0] <= m.start("cue") < c.cue[1] for c in taken):
            continue
        src = m.group("src")
        src_end = m.start("src") + len(src.rstrip("’'s")) if src.endswith(("’s", "'s")) else m.end("src")
        lead = LEADING_PREPOSITION.match(src)
        src_start = m.start("src") + (lead.end() if lead else 0)
        after = IS_AFTER_CUE.match(paragraph[m.end("cue"):sent_end])
        c_start = m.end("cue") + (after.end() if after else 0)
        c_end = _sentence_content_end(paragraph, sent_end, voices)
        comma = paragraph.find(",", c_start, c_end)
        if comma > 0 and voices.at(comma) == NARRATIVE:
            c_end = comma  # "Despite the ministry's assertion that A, it emphasizes B": the clause
        content = _strip_span(paragraph, c_start, c_end, " \t,:")
        if content[1] > content[0]:
            yield Candidate(NOUN_LEMMAS.get(m.group("cue").lower(), m.group("cue").lower()), "noun", m.span("cue"), (src_start, src_end), content, True, False, sent)
    for m in IN_VIEW.finditer(paragraph, sent_start, sent_end):
        if voices.at(m.start()) != NARRATIVE:
            continue
        before = _strip_span(paragraph, sent_start, m.start(), " \t,;:")
        after = _strip_span(paragraph, m.end(), _sentence_content_end(paragraph, sent_end, voices), " \t,;:")
        content = before if before[1] - before[0] > after[1] - after[0] else after
        src = m.group("src")
        src_end = m.start("src") + len(src.rstrip("’'s")) if src.endswith(("’s", "'s")) else m.end("src")
        if content[1] > content[0]:
            yield Candidate("in the view of", "according", m.span("cue"), (m.start("src"), src_end),
                            content, content[0] > m.start(), False, sent)


def _colon_candidates(paragraph, sent, voices, taken):
    """'Trump: "..."', 'Her answer: "..."' and the headline form 'Graham: Trump Is Destroying the
    Party': a colon after a short source at the start of a sentence, when no cue verb already
    introduces what follows."""
    sent_start, sent_end = sent
    for m in COLON.finditer(paragraph, sent_start, sent_end):
        if voices.at(m.start()) != NARRATIVE or any(c.cue[0] <= m.start() <= c.cue[1] + 1 for c in taken):
            continue
        head = paragraph[sent_start:m.start()]
        quoted = bool(QUOTE_OPENS.match(paragraph[m.end():m.end() + 3]))
        if len(head.split()) > (8 if quoted else 6) or TIME_OR_NUMBER.search(head) or not head.strip():
            continue
        if not quoted and not (name_like(head.strip()) or head.strip().lower() in ("poll", "report", "study", "survey")):
            continue  # the headline form needs a bare name: "Marco Rubio: I'm Not Interested"
        source = _strip_span(paragraph, sent_start, m.start())
        content = _strip_span(paragraph, m.end(), _sentence_content_end(paragraph, sent_end, voices))
        if content[1] > content[0]:
            yield Candidate(":", "colon", (m.start(), m.start() + 1), source, content, True, False, sent)
        break


def _source_like(text: str) -> bool:
    """A name, a pronoun, a person, an institution or a document: something that can speak."""
    return bool(_lower_words(text) & _cue_unions()[3] or _name_tokens(text))


def _inside(position: int, span: tuple[int, int]) -> bool:
    return span[0] <= position < span[1]


def _resolve_nesting(candidates: list[Candidate], paragraph: str) -> list[Candidate]:
    """Only the outermost attribution counts; a clause boundary before the inner one's source
    splits the outer content instead ("X said A, and Y said B")."""
    kept = []
    for c in sorted(candidates, key=lambda c: c.cue[0]):
        outer = next((o for o in candidates if o is not c and _inside(c.cue[0], o.content)), None)
        if outer is not None and _inside(outer.cue[0], c.content) and not c.forward and outer.forward:
            outer = None  # each inside the other: the tag ("..., officials said") is the outer one
        if outer is None:
            kept.append(c)
            continue
        own_start = min(x for x in (c.source[0], c.content[0], c.cue[0]) if x >= 0)
        if outer.forward and own_start > outer.content[0]:
            m = None
            for m in SPLIT_BOUNDARY.finditer(paragraph, outer.content[0], own_start + 1):
                pass
            if m is None:
                head = paragraph[outer.content[0]:own_start].rstrip()
                if head.endswith(",") and (c.coordinated or c.klass == "according"):
                    # ", Mrs. Schlafly replied" / ", saying that": the inner verb starts its own clause
                    outer.content = _strip_span(paragraph, outer.content[0], outer.content[0] + len(head), " \t,;")
                    kept.append(c)
                    continue
            if m is not None:
                outer.content = _strip_span(paragraph, outer.content[0], m.start(), " \t,;")
                kept.append(c)
                continue
    # a kept outer content may still hold a dropped cue: fine; two kept must not overlap
    return kept


def _sentence_patterns_possible(paragraph: str, sentences, distinct: frozenset[str], lowered: str) -> tuple[bool, bool]:
    """Whether any sentence can hold a match of ACCORDING or THERE_IS, and of NOUN_CUE_WORD
    with POSSESSIVE_GATE (False only where none can)."""
    return _patterns_possible(paragraph, sentences, not distinct.isdisjoint(ACCORDING_WORDS),
                              not distinct.isdisjoint(NOUN_CUE_WORDS), lowered)


def _according_words_in(lowered_text: str, start: int, end: int) -> bool:
    """Whether the lower-cased sentence holds a word that every match of ACCORDING or THERE_IS
    holds (according; opinion, view or eyes; there). For text without CASE_FOLDS_APART, whose
    lower case has the offsets of the text and where IGNORECASE matches what lower() gives."""
    return any(lowered_text.find(w, start, end) >= 0 for w in ("according", "there", "view", "opinion", "eyes"))


def _patterns_possible(paragraph: str, sentences, according_word: bool, noun_word: bool, lowered: str) -> tuple[bool, bool]:
    """``_sentence_patterns_possible``, told whether the paragraph's distinct words include one
    of ACCORDING_WORDS and one of NOUN_CUE_WORDS."""
    according = according_word or folds_apart(paragraph)
    if not noun_word:
        size = len(paragraph)
        noun_word = not all(e == size or not (paragraph[e].isalnum() or paragraph[e] == "_") for _, e in sentences)
    nouns = noun_word and bool(POSSESSIVE_GATE.search(lowered))
    return according, nouns


@lru_cache(maxsize=512)
def paragraph_candidates(paragraph: str) -> tuple[Candidate, ...]:
    """Every attribution of one paragraph, before sources are resolved across the article."""
    forms = verb_table()
    low = lowered(paragraph)
    cues, word_bits = scan_words(paragraph, low)  # cue_pattern().finditer(paragraph), faster
    lowered_text = paragraph.lower()
    # No sentence holds a match of ACCORDING or THERE_IS unless ``according`` below is true
    # (see there): its test stands for the search for "according", " of " and "there ".
    folds = folds_apart(paragraph)
    according_possible = bool(word_bits & ACCORDING_WORD) or folds
    if not cues and ":" not in paragraph and not according_possible \
            and not (NOUN_CUE_WORD.search(paragraph) and POSSESSIVE_GATE.search(lowered_text)):
        return ()  # most of the cost is segmenting: skip paragraphs that cannot hold a cue
    voices = voices_of(paragraph)
    sentences = sentence_spans(paragraph)
    if not sentences:
        return ()
    sent_starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[Candidate]] = {}
    for m in cues:
        if voices.at(m.start()) != NARRATIVE:
            continue
        entries = forms[m.group(0).lower()]
        k = bisect_right(sent_starts, m.start()) - 1
        if k < 0:
            continue
        sent = sentences[k]
        if any(c.cue[0] <= m.start() < c.cue[1] for c in by_sentence.get(k, ())):
            continue
        next_word = WORD.search(paragraph, m.end(), m.end() + 30) if entries[0][1] else None
        for entry in entries:
            if entry[1] and (next_word is None or next_word.group(0).lower() != entry[1]
                             or paragraph[m.end():next_word.start()].strip()):
                continue
            found = _verb_candidate(paragraph, m, sent, voices, entry, next_word)
            if found is not None:
                by_sentence.setdefault(k, []).append(found)
            break
    # A sentence holds a match of these patterns only if the paragraph holds one, when no
    # sentence ends inside a word (there, the end of a sentence is a word edge that the
    # paragraph does not have): the paragraph is searched once before its sentences are (a
    # speed goal; most paragraphs have no "according to" and no possessive noun cue).
    # POSSESSIVE_GATE ends with a space, so no sentence end can make a match of it.
    # Every word these patterns need (according, opinion, view, eyes, there; a noun cue) is a
    # whole run of word characters: without one among the paragraph's words, no sentence has a
    # match. Checked on the paragraph's distinct words (read once for the cue verbs), not by a
    # search. IGNORECASE pairs "İ", "ı" and "ſ" with i and s where lower() does not: a
    # paragraph with those is searched sentence by sentence, as before.
    according, nouns = _patterns_possible(paragraph, sentences, bool(word_bits & ACCORDING_WORD),
                                          bool(word_bits & NOUN_CUE_WORD_BIT), lowered_text)
    colon = ":" in paragraph
    for k, (s0, s1) in enumerate(sentences):
        sent = sentences[k]
        # str.find within the sentence: "x" in text[s0:s1], without the slices
        if according and (lowered_text.find("according", s0, s1) >= 0 or lowered_text.find(" of ", s0, s1) >= 0
                          or lowered_text.find("there ", s0, s1) >= 0) and (folds or _according_words_in(lowered_text, s0, s1)):
            by_sentence.setdefault(k, []).extend(_according_candidates(paragraph, sent, voices))
        if nouns and NOUN_CUE_WORD.search(paragraph, s0, s1) and POSSESSIVE_GATE.search(lowered_text, s0, s1):
            by_sentence.setdefault(k, []).extend(_noun_candidates(paragraph, sent, voices, by_sentence.get(k, [])))
        if colon and paragraph.find(":", s0, s1) >= 0:
            by_sentence.setdefault(k, []).extend(_colon_candidates(paragraph, sent, voices, by_sentence.get(k, [])))
    out: list[Candidate] = []
    for k in sorted(by_sentence):
        out.extend(_resolve_nesting(by_sentence[k], paragraph))
    # a second verb without its own subject ("and said") shares the source before it
    shared = []
    for j, c in enumerate(out):
        if c.coordinated:
            if j and out[j - 1].sentence == c.sentence:
                c.source = out[j - 1].source
            else:
                # "Trump lashed out at the press, saying ...": the subject of the sentence; a verb
                # after "and" whose first verb was no attribution is none either
                m = SENTENCE_SUBJECT.match(paragraph, c.sentence[0], c.cue[0])
                if m:
                    c.source = m.span(1)
                elif shared and paragraph[c.sentence[0]:c.cue[0]].lstrip().startswith(("“", "\"", "''")):
                    c.source = shared[-1].source  # '"...," adding, "...": the speaker of the quotation before
                else:
                    continue
        shared.append(c)
    return tuple(shared)


# ---------------------------------------------------------------------------------------------
# One article: sources resolved and classified

NAME = re.compile(r"\b(?:(?:Abu|Abd|Umm|al-|el-)?[A-Z][\w’'\-]+|[A-Z]\.)(?:\s+(?:(?:al-|el-|bin\s|ibn\s|abu\s|de\s|van\s)?"
                  r"[A-Z][\w’'\-]+|[A-Z]\.))+")
SINGULAR = {"he", "she", "him", "his", "her"}
ROLE_NOUN = re.compile(r"^(?:the|this|that)\s+(?:[a-z\-]+\s+){0,3}(?P<head>[a-z]+)$", re.IGNORECASE)
VERB_CLASS = {"say": "speech", "speech": "speech", "according": "formula", "colon": "formula", "noun": "noun"}


@lru_cache(maxsize=1024)
def _persons_in(paragraph: str) -> tuple[tuple[int, str], ...]:
    """(start, name) of each name-like mention of a person in a paragraph, publications left out."""
    blocked = publication_spans(paragraph)
    out = []
    for m in NAME.finditer(paragraph):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        trimmed = _person_name(m.group(0))
        if trimmed:
            out.append((m.start(), trimmed))
    return tuple(out)


@lru_cache(maxsize=4096)
def _person_name(mention: str) -> str:
    """The mention without its titles, if that names a person, else "" (kept per mention, a
    speed goal: the same names recur through an article)."""
    trimmed = _trim_titles(mention)
    return trimmed if trimmed and source_type(trimmed) == "named" else ""


def _persons_before(paragraphs: list[str], number: int, position: int):
    """Name-like mentions of people before a position, nearest first: (paragraph, start, name)."""
    for k in range(number, -1, -1):
        for start, name in reversed(_persons_in(paragraphs[k])):
            if k < number or start < position:
                yield k, start, name


def _subject_person_before(paragraphs: list[str], number: int, position: int):
    """The nearest person named before a pronoun, preferring one that opens its sentence (the
    subject: "Abu Dhar al-Iraqi, the emir, was captured by Jabhat al-Nusra ... He said")."""
    nearest = None
    for k, start, name in _persons_before(paragraphs, number, position):
        nearest = nearest or (k, start, name)
        head = paragraphs[k][:start].rstrip()
        if not head or head.endswith((".", "!", "?", "”", "\"")):
            return k, start, name
        if k < number - 1:
            break
    return nearest


INSTITUTION_MENTION = re.compile(r"\b(?:the\s+)?(?:[A-Z][\w’'\-]*\s+)*(?:Ministry|Committee|Council|Agency|Department|"
                                 r"Command|Government|Office|Party|Army|Court|Commission|Front)(?:\s+(?:of|for)\s+"
                                 r"(?:the\s+)?(?:[A-Z][\w’'\-]*\s*)+)?")


def _institution_before(paragraph: str, position: int) -> str:
    """The nearest named institution before "it" in its paragraph ("the Iraqi Ministry of
    Defense's assertion ..., but it emphasizes"), or ""."""
    found = list(INSTITUTION_MENTION.finditer(paragraph, 0, position))
    return found[-1].group(0).strip().removesuffix("’s").removesuffix("'s") if found else ""


def _trim_titles(name: str) -> str:
    """'US War Secretary Ash Carter' -> 'Ash Carter': leading titles and capitalised determiners."""
    titles = _cue_unions()[2]
    words = name.split()
    while words and (words[0].lower() in titles or words[0].lower().rstrip(".") in titles):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 or (words and PARTICLES.match(words[0])) else ""


def resolve_sources(rows: list[dict], paragraphs: list[str]) -> None:
    """Link pronouns and role nouns to what they stand for (in place): "he"/"she" to the nearest
    named person before it (a named source or a name in the text), "they" to the nearest plural
    or collective source, "it" to the nearest institution or document, "the official(s)" to the
    nearest source with the same head noun, "who" to the name before it."""
    for j, row in enumerate(rows):
        written = row["as_written"]
        lowered = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(written.lower(), written.lower())
        earlier = rows[:j]
        if row["verb_class"] == "coordinated":
            continue
        if lowered in ("he", "she"):
            named_sources = [(a["paragraph"], a["source_start"], a["speaker"], a) for a in earlier
                             if a["source_type"] == "named"]
            mention = _subject_person_before(paragraphs, row["paragraph"], row["source_start"])
            singular = [a for a in earlier if a["paragraph"] >= row["paragraph"] - 3 and a["verb_class"] != "formula"
                        and (a["source_type"] == "named" or (a["source_type"] == "unnamed" and a["speaker"]
                             and not a["speaker"].split()[-1].lower().endswith("s")))]
            if singular:
                a = singular[-1]
                row["speaker"], row["source_type"], row["kind"] = a["speaker"], a["source_type"], a["kind"]
                row["source_class"] = source_class(row["source_type"], row["kind"])
                continue
            best = named_sources[-1] if named_sources else None
            if mention and (best is None or (mention[0], mention[1]) > (best[0], best[1])):
                row["speaker"], row["source_type"] = mention[2], "named"
                row["kind"] = _kind_for(mention[2], earlier, paragraphs, mention)
            elif best:
                row["speaker"], row["source_type"], row["kind"] = best[3]["speaker"], "named", best[3]["kind"]
        elif lowered == "they":
            plural = [a for a in earlier if a["source_type"] in ("unnamed", "institution")
                      and a["as_written"].lower() not in PRONOUNS]
            if plural:
                row["speaker"], row["source_type"], row["kind"] = plural[-1]["speaker"], plural[-1]["source_type"], plural[-1]["kind"]
        elif lowered == "it":
            inst = [a for a in earlier if a["source_type"] == "institution"]
            here = _institution_before(paragraphs[row["paragraph"]], row["source_start"])
            if here:
                row["speaker"], row["source_type"], row["kind"] = here, "institution", source_kind(here)
            elif inst:
                row["speaker"], row["source_type"], row["kind"] = inst[-1]["speaker"], "institution", inst[-1]["kind"]
        elif lowered in ("who", "which"):
            left = paragraphs[row["paragraph"]][:row["source_start"]].rstrip(" ,")
            m = list(NAME.finditer(left))
            if m and m[-1].end() == len(left):
                row["speaker"] = _trim_titles(m[-1].group(0)) or m[-1].group(0)
                row["source_type"] = source_type(row["speaker"])
                row["kind"] = source_kind(row["speaker"])
        else:
            role = ROLE_NOUN.match(written)
            if role and not _name_tokens(written):
                head = role["head"].lower()
                same = [a for a in earlier if a["speaker"].split() and a["speaker"].split()[-1].lower() == head
                        and a is not row]
                if same:
                    row["speaker"], row["source_type"] = same[-1]["speaker"], same[-1]["source_type"]
                    if row["kind"] == "unknown":
                        row["kind"] = same[-1]["kind"]
        row["source_class"] = source_class(row["source_type"], row["kind"])


def _kind_for(name: str, earlier: list[dict], paragraphs: list[str], mention) -> str:
    """The kind of a person found in the text: from an earlier source of the same name, else from
    the words around the mention."""
    surname = name.split()[-1]
    for a in reversed(earlier):
        if surname in a["speaker"]:
            return a["kind"]
    k, start, _ = mention
    return source_kind(paragraphs[k][max(0, start - 60):start + len(name) + 80])


def _describe_kind(paragraph: str, c: Candidate, written: str, earlier: list[dict]) -> str:
    """The kind of a source: from its words and description ("Hanna, a Middle East expert at the
    Century Foundation"), else from an earlier source of the same surname."""
    if not written:
        return "unknown"
    kind = _phrase_kind(written)
    if kind == "unknown" and c.source[1] < c.sentence[1]:
        tail = paragraph[c.source[1]:c.sentence[1]]
        if APPOSITIVE_AFTER.match(tail):  # an appositive after the name
            kind = source_kind(written + " " + tail[:120])
    if kind == "unknown" and c.forward and c.source[0] > c.sentence[0] and name_like(written):
        head = paragraph[c.sentence[0]:c.source[0]].rstrip()
        if head.endswith(","):  # "ISIS's official spokesman, Abu Mohammad al-Adnani, announced"
            kind = source_kind(head[-80:] + " " + written)
    if kind == "unknown" and name_like(written):
        surname = written.split()[-1]
        for a in reversed(earlier):
            if a["speaker"] and a["speaker"].split()[-1] == surname and a["kind"] != "unknown":
                return a["kind"]
    return kind


def _form(paragraph: str, content: tuple[int, int], voices) -> str:
    """direct (the content is a quotation), mixed (quotation and paraphrase) or indirect."""
    s, e = content
    quoted = [(max(qs, s), min(qe, e)) for qs, qe in voices.quotes if qs < e and s < qe
              and not NAMED_BEFORE.search(paragraph, max(0, qs - 25), qs)]
    quoted_words = sum(len(WORD.findall(paragraph, a, b)) for a, b in quoted)
    if not quoted_words:
        return "indirect"
    total = len(WORD.findall(paragraph, s, e))
    return "direct" if quoted_words >= total - 1 else "mixed"


def attributions(file: str, paragraphs: list[str]) -> list[dict]:
    """Every attribution in one article, one dict per attribution (columns ``COLUMNS``): the
    source as written and resolved, its type, class and kind, the cue's lemma and class, the
    mode, the cue, source and content spans (offsets in the paragraph; -1 for a missing source),
    and the sentence."""
    # framing.csv counts the same attributions that attributions.csv lists: the last few
    # articles' results are kept, so the pipeline extracts them once per article (fresh copies,
    # so a caller may change its rows).
    return [dict(row) for row in _article_attributions(file, tuple(paragraphs))]


@lru_cache(maxsize=4)
def _article_attributions(file: str, paragraphs: tuple[str, ...]) -> tuple[dict, ...]:
    rows: list[dict] = []
    for number, paragraph in enumerate(paragraphs):
        candidates = paragraph_candidates(paragraph)
        voices = voices_of(paragraph) if candidates else None  # only read for a candidate's form
        for c in candidates:
            s_start, s_end = c.source
            written = paragraph[s_start:s_end] if s_start >= 0 else ""
            if written and not any(ch.isalpha() for ch in written):
                continue  # a number is no source: "Day 1, note 1." is a date and a noun
            sentence = paragraph[c.sentence[0]:c.sentence[1]]
            form = _form(paragraph, c.content, voices)
            stype = source_type(written, sentence) if written else "unknown"
            head = written.split(",")[0].strip()
            speaker = head if "," in written and name_like(head) else written  # "Hanna, an analyst"
            rows.append({
                "file": file, "paragraph": number, "speaker": speaker, "as_written": speaker,
                "source_type": stype, "source_class": "", "kind": _describe_kind(paragraph, c, written, rows),
                "verb": c.lemma, "verb_class": "coordinated" if c.coordinated else VERB_CLASS.get(c.klass, c.klass),
                "mode": "reported" if form == "indirect" else "direct", "form": form,
                "cue": paragraph[c.cue[0]:c.cue[1]], "cue_start": c.cue[0], "cue_end": c.cue[1],
                "source_start": s_start, "source_end": s_end,
                "content_start": c.content[0], "content_end": c.content[1], "text": sentence,
            })
    for j, row in enumerate(rows):
        if row["verb_class"] == "coordinated":
            before = [a for a in rows[:j] if a["paragraph"] == row["paragraph"]]
            if before:
                row.update(speaker=before[-1]["speaker"], source_type=before[-1]["source_type"],
                           kind=before[-1]["kind"], as_written="(and)")
            row["verb_class"] = VERB_CLASS.get(_class_of(row["verb"]), _class_of(row["verb"]))
    resolve_sources(rows, list(paragraphs))
    for row in rows:
        row["source_class"] = source_class(row["source_type"], row["kind"])
    return tuple(rows)


@lru_cache(maxsize=1024)
def _class_of(lemma: str) -> str:
    # cached: the verb table is read once per process and a lemma's class never changes
    for entries in verb_table().values():
        for entry_lemma, particle, klass in entries:
            if (f"{entry_lemma} {particle}" if particle else entry_lemma) == lemma:
                return klass
    return "speech"


def gold_attributions(directory=None) -> pd.DataFrame:
    """The hand annotation, ``newscorpus/data/evaluation/attributions_gold.csv``."""
    from ..cleaning.evaluation import evaluation_dir

    path = (directory or evaluation_dir()) / "attributions_gold.csv"
    with path.open(encoding="utf-8") as handle:
        return pd.read_csv(io.StringIO("".join(l for l in handle if not l.startswith("#"))))


def annotated_articles(extracted: pd.DataFrame, gold: pd.DataFrame, files) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The extracted and the hand-annotated rows of the articles among ``files`` that have a hand
    annotation, so that a corpus with articles added or removed is scored on like with like."""
    annotated = set(gold["file"]) & set(files)
    return extracted[extracted["file"].isin(annotated)], gold[gold["file"].isin(annotated)]


PAIR_COLUMNS = ["file", "paragraph", "verb", "outcome",
                *(f"gold_{c}" for c in ("resolved", "source_type", "kind", "mode")),
                *(f"found_{c}" for c in ("speaker", "source_type", "kind", "mode"))]


def match_attributions(extracted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pairs each extracted attribution with a gold one of the same file, paragraph and verb
    (one to one, in order). Columns: file, paragraph, verb, outcome (match, missed or spurious),
    and the two readings of speaker, source_type, kind and mode."""
    rows = []
    keys = ["file", "paragraph", "verb"]
    for key, gold_group in gold.groupby(keys, sort=False):
        mask = (extracted["file"] == key[0]) & (extracted["paragraph"] == key[1]) & (extracted["verb"] == key[2])
        got = extracted[mask].to_dict("records")
        for i, g in enumerate(gold_group.to_dict("records")):
            e = got[i] if i < len(got) else None
            rows.append({**dict(zip(keys, key)), "outcome": "match" if e else "missed",
                         **{f"gold_{c}": g[c] for c in ("resolved", "source_type", "kind", "mode")},
                         **{f"found_{c}": (e[c] if e else None) for c in ("speaker", "source_type", "kind", "mode")}})
    gold_keys = {tuple(k) for k in gold[keys].itertuples(index=False)}
    counts: dict = {}
    for e in extracted.to_dict("records"):
        key = (e["file"], e["paragraph"], e["verb"])
        counts[key] = counts.get(key, 0) + 1
        if key not in gold_keys or counts[key] > int(((gold["file"] == key[0]) & (gold["paragraph"] == key[1]) & (gold["verb"] == key[2])).sum()):
            rows.append({"file": key[0], "paragraph": key[1], "verb": key[2], "outcome": "spurious",
                         **{f"found_{c}": e[c] for c in ("speaker", "source_type", "kind", "mode")}})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


COMPARED = {"source_type": "source type", "kind": "kind", "mode": "mode"}


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """Every pair of ``match_attributions`` where the extractor and the hand annotation differ:
    missed and spurious attributions, and matched ones read differently. Adds ``differs``:
    "missed", "spurious", or the readings that differ on a match ("source type, kind")."""
    def what_differs(row) -> str:
        if row["outcome"] != "match":
            return row["outcome"]
        return ", ".join(name for column, name in COMPARED.items() if row[f"gold_{column}"] != row[f"found_{column}"])

    if pairs.empty:
        return pairs.assign(differs=pd.Series(dtype=str))
    out = pairs.assign(differs=pairs.apply(what_differs, axis=1))
    return out[out["differs"] != ""].reset_index(drop=True)


WILSON_CONFIDENCE = 0.95


def wilson_interval(k: int, n: int, confidence: float = WILSON_CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n. Hand-written: the book pins no statistics
    library, and the formula is short (Wilson 1927)."""
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def score_attributions(extracted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Precision, recall and F1 of the extractor against the hand annotation, and, over the
    matched pairs, how often it agrees on source type, kind and mode."""
    pairs = match_attributions(extracted, gold)
    tp = int((pairs["outcome"] == "match").sum())
    fn = int((pairs["outcome"] == "missed").sum())
    fp = int((pairs["outcome"] == "spurious").sum())
    matched = pairs[pairs["outcome"] == "match"]
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    scores = {"gold": tp + fn, "found": tp + fp, "tp": tp, "fp": fp, "fn": fn,
              "precision": precision, "recall": recall,
              "f1": 2 * precision * recall / (precision + recall) if precision + recall else float("nan")}
    scores["precision_low"], scores["precision_high"] = wilson_interval(tp, tp + fp)
    scores["recall_low"], scores["recall_high"] = wilson_interval(tp, tp + fn)
    for column in ("source_type", "kind", "mode"):
        scores[f"{column}_agreement"] = float((matched[f"gold_{column}"] == matched[f"found_{column}"]).mean()) if tp else float("nan")
    return scores
