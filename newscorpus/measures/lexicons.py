"""Word lists for the framing chapter, loaded once and matched in one Aho-Corasick pass.

Three families of entries share one automaton: naming labels (``data/framing/labels.csv``),
actor aliases (``data/framing/actors.csv``) and lexicon entries (the loaded vocabulary of
``data/framing/loaded_terms.csv`` and the lists in ``data/lexicons/``). Lexicon entries are lemmas:
each is expanded to its inflections with lemminflect, and a form that two lists share is kept only
in the first list in ``LEXICON_ORDER`` so that no word counts twice (``lexicon_overlaps`` lists what
was removed from where).

Hyland's approximators *about* and *around* are prepositions at least as often ("questions about
the strength", "maneuvers around an agreement"): they count as hedges only before a quantity
("about six months", "around 40", "about a third"), see ``counts_as_hedge``. Likewise a
member noun's singular is often an adjective ("terrorist attacks", "jihadist factions"): it counts
as a member noun only when no noun follows it, see ``counts_as_member_noun``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick
from lemminflect import getAllInflections, getAllLemmas, getLemma

LABEL, ACTOR, LEXICON = "label", "actor", "lexicon"

# The domain list first: a form in it and in a general list is read as loaded vocabulary.
LEXICON_FILES = {
    "loaded": None,  # data/framing/loaded_terms.csv
    "hedges": "hedges_hyland2005.txt",
    "factives": "factives_hooper1975.txt",
    "assertives": "assertives_hooper1975.txt",
    "implicatives": "implicatives_karttunen1971.txt",
    "recasens": "npov_lexicon.txt",
}
LEXICON_ORDER = tuple(LEXICON_FILES)

APPROXIMATORS = frozenset({"about", "around"})  # hedges before a number, prepositions otherwise
APPROXIMATOR = re.compile(r"\b(?:" + "|".join(sorted(APPROXIMATORS)) + r")\b", re.IGNORECASE)
QUANTITY_NEXT = re.compile(
    r"\s+(?:(?:a|an)\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|half|thirds?|quarters?|fifths?|tenths?)\b)",
    re.IGNORECASE,
)

# The word right after a match, with nothing but spaces between (a comma or a full stop ends the phrase).
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# Function words lemminflect also lists as nouns ("who", "that", "will"): never a modified noun.
NOT_MODIFIED_NOUNS = frozenset({"who", "whom", "whose", "which", "what", "that", "this", "these", "those",
                                "will", "can", "must", "does", "may"})


@dataclass(frozen=True)
class Entry:
    family: str  # label, actor or lexicon
    name: str  # the label, the actor, or the lexicon's name
    form: str  # the surface form as listed (the expanded inflection for lexicons)
    lemma: str  # the listed entry a form came from
    case_sensitive: bool


def _data(*parts: str):
    return resources.files("newscorpus").joinpath("data", *parts)


def read_csv(*parts: str) -> list[dict[str, str]]:
    """Rows of a data CSV, skipping its '#' header comment."""
    with _data(*parts).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def read_list(name: str) -> list[str]:
    """Entries of a word list in data/lexicons, skipping '#' lines and blanks."""
    text = _data("lexicons", name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def inflections(lemma: str) -> set[str]:
    """The lemma and every inflection lemminflect knows for it (all parts of speech); phrases
    are kept as listed, since lemminflect inflects single words."""
    forms = {lemma}
    if " " not in lemma:
        for variants in getAllInflections(lemma).values():
            forms.update(variants)
    return {f.lower() for f in forms}


@lru_cache(maxsize=1)
def lexicon_lemmas() -> dict[str, list[str]]:
    """The listed entries of each lexicon, lower-cased, in file order."""
    lists = {"loaded": [r["lemma"] for r in read_csv("framing", "loaded_terms.csv")]}
    for name, filename in LEXICON_FILES.items():
        if filename:
            lists[name] = read_list(filename)
    # Single letters ("s", left by the source's tokeniser) would match every "'s".
    return {name: list(dict.fromkeys(w.lower() for w in words if len(w) > 1)) for name, words in lists.items()}


@lru_cache(maxsize=1)
def _lexicon_forms() -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str]]]:
    """form -> (lexicon, lemma) with overlaps removed, and the removed (form, kept_in, dropped_from)."""
    owner: dict[str, tuple[str, str]] = {}
    dropped = []
    for name in LEXICON_ORDER:
        for lemma in lexicon_lemmas()[name]:
            for form in sorted(inflections(lemma)):
                if form in owner:
                    if owner[form][0] != name:
                        dropped.append((form, owner[form][0], name))
                    continue
                owner[form] = (name, lemma)
    return owner, dropped


def lexicon_forms() -> dict[str, tuple[str, str]]:
    """Every matched form of every lexicon: form -> (lexicon, lemma), each form in one list only."""
    return _lexicon_forms()[0]


def lexicon_overlaps():
    """Forms listed in more than one lexicon: where each was kept and where it was removed."""
    import pandas as pd

    return pd.DataFrame(sorted(set(_lexicon_forms()[1])), columns=["form", "kept_in", "removed_from"])


@lru_cache(maxsize=1)
def entries() -> list[Entry]:
    """Every entry the automaton matches."""
    found = [
        Entry(LABEL, r["label"], r["form"], r["form"], r["case_sensitive"] == "1")
        for r in read_csv("framing", "labels.csv")
    ]
    found += [
        Entry(ACTOR, r["actor"], r["form"], r["form"], r["case_sensitive"] == "1")
        for r in read_csv("framing", "actors.csv")
    ]
    found += [Entry(LEXICON, name, form, lemma, False) for form, (name, lemma) in lexicon_forms().items()]
    return found


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    """One automaton over the lower-cased forms of every entry; built once per process."""
    auto = ahocorasick.Automaton()
    by_key: dict[str, list[Entry]] = {}
    for entry in entries():
        by_key.setdefault(entry.form.lower(), []).append(entry)
    for key, found in by_key.items():
        auto.add_word(key, (len(key), tuple(found)))
    auto.make_automaton()
    return auto


def lowered(text: str) -> str:
    """``text.lower()`` with the same offsets: str.lower can change a string's length (e.g.
    "İ"); a character whose lower case is longer stays as it is."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# What ``framing.scan_paragraph`` must check before it counts an entry, bit by bit: the case as
# written, an approximator's quantity, the part of speech, a member noun's use, and for a name told
# from an English word only by its capitals ("IS", the verb "is") whether the text around it is
# written in capitals.
CHECK_CASE, CHECK_HEDGE, CHECK_POS, CHECK_MEMBER, CHECK_CAPITALS = 1, 2, 4, 8, 16

# Text is written in capitals around a match when at least this share of the words next to it (up
# to ``CAPITALS_WINDOW`` on each side, within its sentence, line or quotation) are written in capitals: a
# headline or a shouted line ("WHAT SECTOR OF ECONOMY IS STILL STRONG", "THIS IS NOT OK", "FIX IS IN:
# PBS Moderators..."). There case tells nothing, and a case-sensitive name whose lower case is an
# English word ("IS": "is") is not counted. Prose, even thick with acronyms ("US and UK officials
# said IS fighters had left"), stays far below: its capitals are a few initials among words.
CAPITALS_SHARE = 0.6
CAPITALS_WINDOW = 4
# ... and at least this many such words are there to judge by: a bare "IS" or "IS." is counted.
CAPITALS_MIN_WORDS = 2
# The stretch of text around a match: it ends at a line break, at sentence punctuation, a colon or a
# semicolon before a space, and at a quotation mark ('with one sentence: "THIS IS NOT OK."').
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*\s+|\n|[:;]\s+|(?:^|(?<=\s))[\"“‘]|[\"”’](?=[\s.,;:!?]|$)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_english_word(form: str) -> bool:
    """Whether a form's lower case is an English word lemminflect knows ("is", "us"; not "isis")."""
    return bool(getAllLemmas(form.lower()))


def written_in_capitals(paragraph: str, start: int, end: int, share: float = CAPITALS_SHARE,
                        window: int = CAPITALS_WINDOW, min_words: int = CAPITALS_MIN_WORDS) -> bool:
    """Whether ``paragraph[start:end]`` stands in text written in capitals: of the words next to it
    in its sentence, line, clause before a colon or quotation (up to ``window`` on each side), at least ``share`` have no lower-case
    letter, and there are at least ``min_words`` of them."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(paragraph, 0, start):
        begin = boundary.end()
    after = _SENTENCE_END.search(paragraph, end)
    stop = after.start() if after else len(paragraph)
    near = _WORD.findall(paragraph, begin, start)[-window:] + _WORD.findall(paragraph, end, stop)[:window]
    if len(near) < min_words:
        return False
    return sum(w.upper() == w for w in near) >= share * len(near)


@lru_cache(maxsize=1)
def scan_automaton() -> ahocorasick.Automaton:
    """``automaton()`` with each entry's checks worked out once: key -> (length, ((family, name,
    lemma, form, checks), ...), plain), entries in the same order; ``plain`` is ((family, name,
    lemma), ...) when no entry of the key has a check, else None. Most matches (the NPOV list's
    common words) need no check at all, so the scan appends them without a call or a test (a
    speed goal: the scan runs on every paragraph of an archive)."""
    rules = pos_rules()
    members = member_noun_labels()
    auto = ahocorasick.Automaton()
    by_key: dict[str, list[tuple]] = {}
    for entry in entries():
        checks = ((CHECK_CASE if entry.case_sensitive else 0)
                  | (CHECK_CAPITALS if entry.case_sensitive and entry.form.isupper() and is_english_word(entry.form)
                     else 0)
                  | (CHECK_HEDGE if entry.name == "hedges" and entry.lemma in APPROXIMATORS else 0)
                  | (CHECK_POS if entry.family == LEXICON and (entry.name, entry.lemma) in rules else 0)
                  | (CHECK_MEMBER if entry.family == LABEL and entry.name in members else 0))
        by_key.setdefault(entry.form.lower(), []).append((entry.family, entry.name, entry.lemma, entry.form, checks))
    for key, found in by_key.items():
        plain = None if any(checks for *_, checks in found) else tuple(f[:3] for f in found)
        auto.add_word(key, (len(key), tuple(found), plain))
    auto.make_automaton()
    return auto


def counts_as_hedge(lemma: str, paragraph: str, end: int) -> bool:
    """Whether a hedge-list match ending at ``end`` is a hedge: an approximator (*about*,
    *around*) only when a quantity follows it, every other entry always."""
    return lemma not in APPROXIMATORS or bool(QUANTITY_NEXT.match(paragraph, end))


def approximators_left_out(paragraphs: Iterable[str]) -> int:
    """How many approximators in ``paragraphs`` are not counted as hedges (no quantity follows)."""
    return sum(not counts_as_hedge(m.group(0).lower(), paragraph, m.end())
               for paragraph in paragraphs for m in APPROXIMATOR.finditer(paragraph))


def _is_noun(word: str) -> bool:
    """A capitalised word (a name: "terrorist ISIS") or one lemminflect knows as a noun; without a
    part-of-speech tagger (the book has none), "attacks" in "terrorist attacks" is read as a noun."""
    if word[0].isupper():
        return True
    lemmas = getAllLemmas(word.lower())
    return "NOUN" in lemmas and "AUX" not in lemmas and word.lower() not in NOT_MODIFIED_NOUNS


@lru_cache(maxsize=65536)
def _noun_lemma(word: str) -> str:
    """lemminflect's noun lemma, looked up once per word (a speed goal)."""
    return getLemma(word, upos="NOUN")[0]


def counts_as_member_noun(form: str, paragraph: str, end: int) -> bool:
    """Whether a member-noun match ending at ``end`` is the noun for members: a plural always
    ("terrorists"), a singular only when no noun follows for it to modify ("a terrorist." but not
    "terrorist attacks", "jihadist factions", "terrorist ISIS")."""
    if _noun_lemma(form.lower()) != form.lower():
        return True  # a plural is never an adjective
    following = NEXT_WORD.match(paragraph, end)
    return not (following and _is_noun(following.group(1)))


@lru_cache(maxsize=1)
def pos_rules() -> dict[tuple[str, str], tuple[frozenset[str], bool]]:
    """(lexicon, entry) -> (the parts of speech the entry means, predicative only), from
    ``data/lexicons/parts_of_speech.csv``."""
    return {(r["lexicon"], r["entry"]): (frozenset(r["upos"].split("|")), r["position"] == "predicative")
            for r in read_csv("lexicons", "parts_of_speech.csv")}


NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@lru_cache(maxsize=65536)
def _readings(form: str) -> frozenset[str]:
    """The parts of speech lemminflect knows for a form: looked up once per form (a speed goal;
    the same list words recur in every article)."""
    return frozenset(getAllLemmas(form))


_UPOS_AT = None


def _load_upos_at():
    """``layer.tagging.upos_at``, imported on the first match that needs it (the tagger loads
    only then) and kept: an import statement run on every match cost more than the look-up it
    guards (a speed goal)."""
    global _UPOS_AT
    from ..layer.tagging import upos_at

    _UPOS_AT = upos_at
    return upos_at


def has_meant_pos(lexicon: str, lemma: str, paragraph: str, start: int, end: int) -> bool:
    """Whether a lexicon match is the part of speech its entry means: "prices may rise" but not
    "in May"; "officials stated" but not "a single state"; "it is certain that" but not "certain
    areas". The sentence is tagged only when the form could be something else (a speed goal):
    lower-case "may" or "said" can only be what the hedge and assertive lists mean."""
    rule = pos_rules().get((lexicon, lemma))
    if rule is None:
        return True
    allowed, predicative = rule
    form = paragraph[start:end]
    if not predicative and form.islower():
        readings = _readings(form)
        if readings and readings <= allowed:
            return True
    upos, following = (_UPOS_AT or _load_upos_at())(paragraph, start)
    if upos not in allowed:
        return False
    return not (predicative and following in NOMINAL)


def label_names() -> list[str]:
    """Naming labels in file order."""
    return list(dict.fromkeys(r["label"] for r in read_csv("framing", "labels.csv")))


def actor_names() -> list[str]:
    return list(dict.fromkeys(r["actor"] for r in read_csv("framing", "actors.csv")))


@lru_cache(maxsize=1)
def name_labels() -> frozenset[str]:
    """Labels that are names of the group: lexicon words inside them ("state" in "Islamic State")
    are not counted."""
    return frozenset(r["label"] for r in read_csv("framing", "labels.csv") if r["kind"] == "name")


@lru_cache(maxsize=1)
def member_noun_labels() -> frozenset[str]:
    """Labels that are nouns for the group's members ("militants", "terrorists"): only the noun
    counts, never an adjective or a word already inside another label ("terrorist organization")."""
    return frozenset(r["label"] for r in read_csv("framing", "labels.csv") if r["kind"] == "member noun")


def loaded_categories() -> dict[str, str]:
    return {r["lemma"].lower(): r["category"] for r in read_csv("framing", "loaded_terms.csv")}
