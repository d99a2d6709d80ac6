"""Places the articles name: found per article, read as places or as governments, and placed
with GeoNames coordinates that ship with the package (nothing is looked up at run time).

**Finding.** Each paragraph's tokens (the theme tokeniser's) are looked up

1. in the alias table (``data/themes/place_aliases.csv``): the places of the seed articles in the
   spellings they use, each with the reason it is that place and its GeoNames record copied in.
   A place counts only when whole tokens are one of its spellings, so "Baghdad" never hits inside
   "al-Baghdadi", and in the case it is written ("Mosul", not "mosul");
2. in a compact GeoNames gazetteer (``data/gazetteer/cities15000.tsv.gz``: the populated places
   of 15,000 people or more, with their English-usable spellings), so a reader's corpus about other
   places is mapped too. City names are also words and people's names ("Nice", "Obama", the
   "Washington Examiner"), so a gazetteer name is taken with care: written with a capital; not a
   stop word, a familiar English word or a country; not run together with another capitalised
   word; and, for the article to count it as a place, used at least once right after a locative
   word ("in Tikrit") -- one sense per discourse (Gale, Church and Yarowsky 1992). A name several
   places share is the most populous of them, unless one lies in a US state the article names
   ("Burlington, Vermont", "Selma, Ala.") or in a country it names; a small town whose name other
   towns of its country share, none dominating ("Clinton"), needs its state (US) or country named;
   a middling city abroad needs its country named ("at Dartmouth" is the college); a one-word name
   the article gives a person ("Sen. Edward M. Kennedy", "Marco Rubio") is that person throughout.
   A spelling goes to a place whose own name it is, never to one GeoNames lists it for only among
   other names ("Chelsea" is a Chelsea, not Norwich, Connecticut); a spelling that is no place's
   own name counts only where the article supports the place: writes its own name, or, abroad,
   names its country ("Rangoon, Myanmar"; "Google" is not Topeka, nor "Newtown, Connecticut"
   Hartford: a US state is no support, ``_settle_alternates``). A US state written right after the
   name ("Concord, N.H.") makes it that state's town of the name, whatever the size of its
   namesakes; where the extract has none there ("Hudson, New Hampshire"), the name is left out.

**Reading.** A capital often stands for its government: "bleed Moscow and Tehran", "Damascus had
quietly given permission", "Washington decided". Such a mention is counted as an actor
(``as_actor``), not drawn as a place. The rule (cues in ``data/themes/capital_cues.csv``): a
capital right after a locative word ("in Damascus", "the city of Damascus") is a place; otherwise
it is an actor when it owns a policy ("Moscow's policy"), is the object of a verb aimed at an
agent ("bleed Moscow") or the aim of a policy noun ("support for Damascus"), or is the subject of
a verb of saying, deciding or wanting ("Damascus had quietly given"). It is an actor too right after
"from", "with" or "between" when a word of talks, transfer, pressure or alliance comes a few words
before ("talks with Washington", "pressure from Washington", "regain control of its troops from
Washington", "ties between Washington and Moscow"), unless a word of travel comes nearer ("flew
from Washington to Paris"). A list joined by "and" or commas ("Moscow and Tehran") is read as one.
Anything else is a place.

**Validation.** The rules were written on the original five articles and tested on sentences
written for the purpose; no corpus's place mentions have been scored against a hand marking, so
for any other corpus the counts are description (``validation_note``).

**States.** A US state named ("Iowa", "New Hampshire") is counted as a place of kind ``state`` and
drawn at the centre of its area (``data/gazetteer/us_states.tsv``: its GeoNames ADM1 id and the
centroid of its US Census counties), with a marker of its own, not as a city. A state's name run
into the name of a paper, a university or a team ("New York Times", "Iowa State University") is
not the state. "New York" and "Washington" are the city unless the context makes them the state
(``state_cue``): "New York state", "upstate New York", "the New York primary", "won New York",
"a senator from New York", "New York Gov. Andrew Cuomo", "Buffalo, New York", or a list of states
("California, New York and Illinois"); for Washington, the capital, only "Washington state",
"state of Washington", a town before it or a list of states. "Georgia" is the state by New York's
cues, or in an article that names another US state where no other country is named beside it
("invasions of Georgia and Ukraine" is the country; countries are not places here).

Provinces, regions, mountains, and towns and villages missing from the GeoNames extract stay in the
table without coordinates, so a chart can list them instead of dropping them.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..paths import DATA_DIR
from ..prose import english_list
from ..layer.tokenize import paragraph_tokens
from ..layer.words import _KEYS, POSSESSIVE, word_key, words as layer_words
from .tokens import STOP_WORDS, THEMES_DATA, Token, plain_words

GAZETTEER_DIR = DATA_DIR / "gazetteer"
GAZETTEER_FILE = GAZETTEER_DIR / "cities15000.tsv.gz"
PLACE_COLUMNS = ["file", "place", "country", "count", "as_actor", "lat", "lon", "geonameid", "kind"]
TABLE_COLUMNS = [*PLACE_COLUMNS, "written"]  # places_table: places.csv's columns, kind and the article's spelling
MENTION_COLUMNS = ["file", "paragraph", "start", "end", "text", "place", "country", "reading", "cue", "source"]
MAX_NAME_TOKENS = 4  # "Rio de Janeiro", "Ras al Ayn": longer gazetteer names are not looked for


def read_csv_with_comments(path) -> pd.DataFrame:
    """A CSV data file whose header lines start with "#", every column as text."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pd.DataFrame(list(csv.DictReader(io.StringIO(body)))).fillna("")


def read_aliases() -> pd.DataFrame:
    """The alias table: ``mention``, ``place``, ``country``, ``kind``, ``feature_class``,
    ``capital``, ``geonames_name``, ``geonameid``, ``lat``, ``lon``, ``source``."""
    return read_csv_with_comments(THEMES_DATA / "place_aliases.csv")


def _alias_record(row: dict) -> dict:
    placed = row["geonameid"] != ""
    return {"place": row["place"], "country": row["country"], "kind": row["kind"],
            "lat": float(row["lat"]) if placed else None, "lon": float(row["lon"]) if placed else None,
            "geonameid": int(row["geonameid"]) if placed else None, "capital": row["capital"] == "1"}


ALIASES = read_aliases()
ALIAS_PLACES = {row["mention"]: _alias_record(row) for row in ALIASES.to_dict("records")}
MENTIONS = {m: (p["place"], p["country"]) for m, p in ALIAS_PLACES.items()}
ALIAS_NAMES = frozenset(MENTIONS.values())  # (place, country): names the book chose (``shown_name``)


def place_key(token) -> str:
    """What the alias table and gazetteer are matched against: names and "al-" names as the
    tokeniser spells them, other words as written (so "Mosul" is a place and "mosul" would not be)."""
    return token.form if token.key == token.form.lower() else token.key


# --- the gazetteer ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def gazetteer_cities() -> pd.DataFrame:
    """The committed GeoNames extract: ``geonameid``, ``name``, ``country``, ``lat``, ``lon``,
    ``population``, ``capital``, ``names`` (spellings joined by "|")."""
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8") as f:
        return pd.read_csv(f, sep="\t", keep_default_na=False, quoting=csv.QUOTE_NONE,
                           dtype={"name": str, "country": str, "names": str, "admin1": str})


@lru_cache(maxsize=1)
def countries() -> pd.DataFrame:
    """GeoNames' country table: ``iso``, ``name``, ``capital``."""
    return pd.read_csv(GAZETTEER_DIR / "countries.tsv", sep="\t", keep_default_na=False, dtype=str)


def _first_letters(names) -> str:
    """A look-ahead for the letters the names begin with: the same matches as the alternation
    alone, found several times faster (the regex engine then skips every other position)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({n[0] for n in names})) + "])"


@lru_cache(maxsize=1)
def _state_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """The US states' names (``data/gazetteer/us_states.tsv``) as one pattern, and name -> code."""
    states = pd.read_csv(GAZETTEER_DIR / "us_states.tsv", sep="\t", keep_default_na=False, dtype=str)
    codes = {name: code for name, code in zip(states["name"], states["code"]) if name not in AMBIGUOUS_STATES}
    names = sorted(codes, key=len, reverse=True)
    return re.compile(_first_letters(names) + r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"), codes


@lru_cache(maxsize=1)
def us_states() -> pd.DataFrame:
    """``data/gazetteer/us_states.tsv``: ``code``, ``name``, ``fips``, ``geonameid`` (GeoNames' ADM1
    record), ``lat``, ``lon`` (the centre of the state's area) and ``point`` (how that was found)."""
    return pd.read_csv(GAZETTEER_DIR / "us_states.tsv", sep="\t", keep_default_na=False,
                       dtype={"code": str, "name": str, "fips": str, "point": str})


# Names that are a city's (and a capital's) as well as a state's: the city unless the context makes
# them the state (``state_cue``). The state is then shown as "New York (state)".
STATE_OR_CITY = {"New York": "NY", "Washington": "WA"}


@lru_cache(maxsize=None)
def state_record(code: str) -> dict:
    """A US state as a place record (kind ``state``), from ``us_states``."""
    row = us_states().set_index("code").loc[code]
    name = row["name"] + (" (state)" if row["name"] in STATE_OR_CITY else "")
    return {"place": name, "country": "US", "kind": "state", "lat": float(row["lat"]), "lon": float(row["lon"]),
            "geonameid": int(row["geonameid"]), "capital": False}


# The cues that make "New York" or "Washington" the state. Before it: a word of region or of
# winning a state ("upstate New York", "won New York"); or a noun and preposition ("the primary in
# New York", "a senator from New York", "the state of New York"). After it (possibly after "'s" and
# a word such as "junior" or a number): "state", or for New York, a word of its politics ("the New
# York primary", "New York Gov.", "New York's 95 delegates"). Washington, the capital, takes only
# "state" after it, a region word or a verb of winning before it: "Washington Democrats" and "a
# senator from Washington" are more often the capital's.
STATE_BEFORE = frozenset({"upstate", "downstate", "western", "northern", "central", "southern", "eastern", "rural",
                          "won", "win", "wins", "winning", "carry", "carries", "carried", "carrying", "lost", "lose",
                          "loses", "losing", "swept", "sweep", "sweeps"})
STATE_BEFORE_PAIRS = {
    "in": frozenset({"primary", "primaries", "caucus", "caucuses", "win", "wins", "victory", "victories", "loss",
                     "losses", "defeat", "delegates", "voters", "poll", "polls", "polling", "race", "lead",
                     "county", "counties", "district", "districts", "legislature"}),
    "from": frozenset({"senator", "senators", "sen.", "representative", "congressman", "congresswoman", "democrat",
                       "republican", "lawmaker", "lawmakers", "delegate", "delegates", "delegation"}),
    "of": frozenset({"state", "governor", "general", "voters", "senator", "senators", "democrat", "republican",
                     "district"}),  # "attorney general of", "Democrat of New York", "Eastern District of"
}
STATE_AFTER = frozenset({"state", "primary", "primaries", "caucus", "caucuses", "delegates", "delegation", "voters",
                         "legislature", "assembly", "senate", "governor", "gov", "lt", "lieutenant", "senator",
                         "senators", "sen", "rep", "congressman", "congresswoman", "representative", "attorney",
                         "democrat", "democrats", "republicans", "democratic", "republican", "gop", "comptroller",
                         "electorate"})
STATE_AFTER_SKIP = frozenset({"junior", "senior", "former", "then", "u.s.", "us", "two", "top", "own", "many"})
# A state's name followed by one of these, written with a capital, is part of a longer name (a
# paper, a university, a team): "New York Times", "Iowa State University", "New Hampshire Union
# Leader". "State" makes a university of a state ("Ohio State") but not of New York ("New York
# State" is the state, unless a capitalised word follows: "New York State Thruway").
LONGER_NAME_HEADS = frozenset({"times", "post", "daily", "magazine", "tribune", "register", "journal", "herald",
                               "globe", "review", "observer", "gazette", "star", "bee", "sun", "press", "union",
                               "university", "college", "stock", "yankees", "mets", "giants", "jets", "knicks",
                               "rangers", "islanders", "nets", "liberty", "public", "radio", "state", "city",
                               "school", "tech", "southern"})
LONGER_NAME_BEFORE = frozenset({"University", "College", "School", "Bank"})  # "University of North Carolina"


# The AP's abbreviations of state names, as news writes them after a town or a party ("Selma, Ala.",
# "Sanders, I-Vt."): read only there, after a comma or a hyphen, so "Mo." or "Pa." alone is not a state.
# (The look-ahead: as in _first_letters, the same matches found faster.)
AP_STATES = {"Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
             "Fla.": "FL", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
             "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
             "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
             "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
             "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY"}
_AP_STATE = re.compile(r"(?=[,DRI])(?:,\s*|\b[DRI]-)("
                       + "|".join(re.escape(a) for a in sorted(AP_STATES, key=len, reverse=True)) + r")(?!\w)")


_LIST_AFTER = re.compile(r"\s*,?\s*(?:and|or)\b")


@lru_cache(maxsize=1)
def _state_after_pattern() -> re.Pattern:
    """A comma and a US state's name or AP abbreviation: "Hudson, New Hampshire", "Carthage, Ill."."""
    _pattern, codes = _state_pattern()
    names = sorted([*codes, *AP_STATES], key=len, reverse=True)
    return re.compile(r",[ \t]*(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def _state_after(paragraph: str, end: int) -> str | None:
    """The postal code of the US state written right after a name ending at ``end`` ("Hudson,
    New Hampshire" -> NH), or None. The town is then that state's (one sense per discourse): a
    gazetteer place of that name in another state is another town, the one the article means
    missing from the extract."""
    found = _state_after_pattern().match(paragraph, end)
    if found is None or _LIST_AFTER.match(paragraph, found.end()):
        return None  # "to Houston, New York, and New Jersey": a list of places, not a town's state
    name = found.group(1)
    return AP_STATES.get(name) or _state_pattern()[1][name]


def named_states(paragraph: str) -> set[str]:
    """Postal codes of the US states the paragraph names ("Vermont" -> VT; "Selma, Ala." -> AL)."""
    pattern, codes = _state_pattern()
    found = {codes[m.group(0)] for m in pattern.finditer(paragraph)}
    return found | {AP_STATES[m.group(1)] for m in _AP_STATE.finditer(paragraph)}


def _ambiguous(text: str, candidates, country: str) -> bool:
    """Whether several places of ``country`` bear the name written (``text``) as their own and
    none dominates: the second at least half as populous as the first (Clinton, Maryland, and
    Clinton, Iowa; not Flint, Michigan, against Flint in Wales, nor Portland, Oregon, and Maine)."""
    own = sorted((c["population"] for c in candidates if c["country"] == country and _own_name(text, c["place"])),
                 reverse=True)
    return len(own) >= 2 and own[1] * 2 > own[0]


AMBIGUOUS_STATES = frozenset({"Washington", "Georgia"})  # the capital's name, a country's: as in the alias table


def country_name(code: str) -> str:
    """A country's name for a reader; the code itself where GeoNames has no such country."""
    return dict(zip(countries()["iso"], countries()["name"])).get(code, code)


@lru_cache(maxsize=None)
def name_key(name: str) -> tuple[str, ...]:
    """A place name as the tokeniser would see it in a text: the keys ``place_key`` gives."""
    return tuple(place_key(t) for t in _spans(name))


@lru_cache(maxsize=1)
def _spellings():
    """An Aho–Corasick automaton of every gazetteer spelling, as written (and with a lower-case
    "al-" too, as the articles write it), to its ``(spelling, row)`` pairs: one pass over an
    article finds the few spellings it contains, so only those are tokenised (tokenising all
    120,000 up front would cost seconds in every worker)."""
    import ahocorasick

    by_spelling: dict[str, list[tuple[str, int]]] = {}
    for row, names in enumerate(gazetteer_cities()["names"]):
        for spelling in names.split("|"):
            forms = {spelling, "al" + spelling[2:]} if spelling[:3] in ("Al-", "Al ") else {spelling}
            for form in forms:
                by_spelling.setdefault(form, []).append((spelling, row))
    automaton = ahocorasick.Automaton()
    for form, pairs in by_spelling.items():
        automaton.add_word(form, (len(form), tuple(pairs)))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _columns() -> tuple[list, ...]:
    """The gazetteer's columns as Python lists: a row is then a few list look-ups, not pandas'."""
    cities = gazetteer_cities()
    return tuple(cities[c].tolist() for c in ("name", "country", "lat", "lon", "geonameid", "capital", "population",
                                              "admin1"))


def _city(row: int) -> dict:
    name, country, lat, lon, geonameid, capital, population, admin1 = (column[row] for column in _columns())
    return {"place": name, "country": country, "kind": "city", "lat": float(lat), "lon": float(lon),
            "geonameid": int(geonameid), "capital": capital == 1, "population": int(population), "admin1": admin1}


def gazetteer_index(paragraphs: list[str]) -> dict[tuple[str, ...], dict]:
    """The gazetteer places whose spellings occur in ``paragraphs`` (whole words, written with a
    capital or "al-"), by the spelling's token keys; where several places share a spelling, the
    most populous of those whose own name it is (``_own_name``: "Chelsea" is Chelsea's, not
    Norwich's, which GeoNames also lists as "Chelsea"), or where it is no place's own name, the
    most populous that has it as another name ("Rangoon" for Yangon). ``place_mentions`` then
    weighs the others, and lets an alternate name count only where the article supports it
    (``_alternate_supported``)."""
    text = "\n".join(paragraphs)
    found: dict[tuple[str, ...], dict] = {}
    candidates: dict[tuple[str, ...], dict[int, dict]] = {}
    for end, (length, pairs) in _spellings().iter(text):
        start = end - length + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < len(text) and text[end + 1].isalnum()):
            continue
        for spelling, row in pairs:
            key = name_key(spelling)
            if not 0 < len(key) <= MAX_NAME_TOKENS:
                continue
            city = _city(row)
            seen = candidates.setdefault(key, {}).get(city["geonameid"])
            # "_own": the spelling is the place's own name ("Al-X" and "al-X" are one key: either)
            city["_own"] = (seen is not None and seen["_own"]) or _own_name(spelling, city["place"])
            candidates[key][city["geonameid"]] = city
            if key not in found or (city["_own"], city["population"], -city["geonameid"]) > (
                    found[key]["_own"], found[key]["population"], -found[key]["geonameid"]):
                found[key] = city
    # every place of that name, most populous first: the article's own countries may pick another
    # ("Birmingham" in a US article is Alabama's, not England's)
    for key, city in found.items():
        others = sorted(candidates[key].values(), key=lambda c: (-c["population"], c["geonameid"]))
        found[key] = {**city, "_alternatives": tuple(others)}
    return found


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Lower-case words a gazetteer name may not be: stop words and countries ("Of" is a town in
    Turkey, "Jordan" one in the Philippines). Ordinary words a city is also called ("Police",
    "Split") are caught where the article writes them in lower case, or by the locative test."""
    return STOP_WORDS | frozenset(n.lower() for n in countries()["name"])


# --- cues of the metonymy rule ----------------------------------------------------------------


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The rule's words by role, verbs and nouns with every inflection (lemminflect)."""
    from lemminflect import getAllInflections

    table = read_csv_with_comments(THEMES_DATA / "capital_cues.csv")
    out: dict[str, set[str]] = {}
    for role, word in zip(table["role"], table["word"]):
        forms = {word}
        if role in ("subject_verb", "object_verb", "government", "motion"):
            forms.update(f for fs in getAllInflections(word, upos="VERB").values() for f in fs)
        if role in ("policy_noun", "government", "motion"):
            forms.update(f for fs in getAllInflections(word, upos="NOUN").values() for f in fs)
        out.setdefault(role, set()).update(forms)
    return {role: frozenset(words) for role, words in out.items()}


POLICY_PREPOSITIONS = frozenset({"for", "to", "against", "with", "on"})  # "support for Damascus"
# After these, a capital is its government where a word of talks, transfer, pressure or alliance
# comes at most GOVERNMENT_REACH words before them in the same clause, with no word of travel
# between ("talks with Washington", "regain control of its troops from Washington"; not "flew
# from Washington to Paris"): ``_government_cue``.
GOVERNMENT_PREPOSITIONS = frozenset({"from", "with", "between"})
GOVERNMENT_REACH = 6
PLACE_NOUNS = frozenset({"city", "capital", "town", "outskirts", "streets", "centre", "center", "suburbs",
                         "countryside", "province", "governorate", "heart", "gates"})  # "the city of Damascus"
NOT_LOCATIVE = frozenset({("to", "according"), ("to", "due"), ("to", "thanks"), ("to", "owing")})  # "according to Reza"
_LIST_JOIN = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?")  # "Moscow and Tehran", "Moscow, Tehran"
_SENTENCE_GAP = re.compile(r"\s*")  # words read together only with nothing but space between


class Span(NamedTuple):
    """A token of the paragraph for places, with its offsets. A named tuple, not a (frozen)
    dataclass: thousands are made per article, and a tuple is several times cheaper to build."""
    key: str  # what is counted (the token's key)
    form: str  # as written, without a possessive
    start: int
    end: int
    raw: str  # as matched, with any possessive "'s"

    @property
    def token(self) -> Token:
        return Token(self.key, self.form)

    @property
    def word(self) -> str:
        return self.key.lower()


def _plain(form: str) -> str:
    """The form without a possessive and with a straight apostrophe (``POSSESSIVE.sub`` and a
    replace, skipped where the form has no apostrophe: most words)."""
    return POSSESSIVE.sub("", form).replace("’", "'") if ("'" in form or "’" in form) else form


def _alias_names_plain() -> tuple[frozenset[str], bool]:
    """The first words of the aliases of several words, and whether the shortcuts of ``_spans``
    and ``_lower_forms`` hold for this alias table: each such alias is plain words (no initial
    "J.", no "Al-" written with a space, no apostrophe), so each word of a name that is an alias is
    written in the alias as the word's form or its key (the name's key only drops a final "'s",
    as both do, and writes "Al-" as "al-", as the key does); and none is in small letters (a
    connector: "Ras al Ayn"), so an alias kept whole hides no word ``_lower_forms`` would find."""
    names = [m.split(" ") for m in ALIAS_PLACES if " " in m]
    plain = all(re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", w) and not w.islower() for words in names for w in words)
    return frozenset(words[0] for words in names), plain


ALIAS_HEADS, _WORDS_SUFFICE = _alias_names_plain()


def _word_spans(paragraph: str) -> tuple[Span, ...] | None:
    """``_spans`` from the paragraph's words where that is provably the same, else None: the
    tokens are the words with some runs joined into names (``tokens.plain_words``), and ``_spans``
    splits every name back into its words but one the alias table lists; a name is consecutive
    words, so where no run of words spells an alias of several words, each word by its form or its
    key (``_alias_names_plain``), no name is one. A speed goal: the name finder is skipped."""
    found = plain_words(paragraph) if _WORDS_SUFFICE else None
    if found is None:
        return None
    spans, heads, keys_get, new = [], [], _KEYS.get, tuple.__new__
    append, first_words = spans.append, ALIAS_HEADS
    for start, end, kind in found:
        raw = paragraph[start:end]
        key = keys_get((raw, kind))
        if key is None:
            key = word_key(raw, kind)
        form = _plain(raw) if ("'" in raw or "’" in raw) else raw
        if form in first_words or key in first_words:
            heads.append(len(spans))
        append(new(Span, (key, form, start, end, raw)))
    if heads:
        aliases = _multiword_aliases()
        for i in heads:
            for name in (*aliases.get(spans[i].form, ()), *aliases.get(spans[i].key, ())):
                if i + len(name) <= len(spans) and all(
                        w in (spans[i + j].form, spans[i + j].key) for j, w in enumerate(name)):
                    return None  # maybe a name the alias table lists: read the tokens
    return tuple(spans)


@lru_cache(maxsize=4096)
def _spans(paragraph: str) -> tuple[Span, ...]:
    fast = _word_spans(paragraph)
    if fast is not None:
        return fast
    found = []
    append = found.append
    # Spans built with tuple.__new__ (what the named tuple's constructor calls, without its
    # Python frame) and _plain's test inlined: a speed goal, as in layer.tokenize.paragraph_tokens
    # (most of the time places spent was building spans).
    new = tuple.__new__
    for start, end, form, key, kind, _sentence in paragraph_tokens(paragraph):
        if kind != "name" or key in ALIAS_PLACES:
            if kind != "name" and ("'" in form or "’" in form):
                form = _plain(form)
            append(new(Span, (key, form, start, end, paragraph[start:end])))
            continue
        # a name that is not an alias ("Mosul Dam", "Washington Examiner") is read word by word,
        # so the gazetteer sees its parts and can tell a place inside a longer name
        for start, end, kind in layer_words(paragraph, start, end):
            form = paragraph[start:end]
            append(new(Span, (word_key(form, kind), _plain(form), start, end, form)))
    return tuple(found)


@lru_cache(maxsize=4096)
def _lower_forms(paragraph: str) -> frozenset[str]:
    """``{t.form for t in tokens(paragraph) if t.form.islower()}``, without building the spans
    (hand-optimised for the speed goal: most paragraphs name no place, so their spans are
    never needed; ``_spans`` gives each form the same way)."""
    words = plain_words(paragraph) if _WORDS_SUFFICE else None
    if words is not None:
        # every word's form: a name is all words, and a name kept whole (an alias) has no word
        # in small letters (``_alias_names_plain``), nor has its own form (a name has a capital)
        found = set()
        for start, end, _kind in words:
            form = paragraph[start:end]
            if "'" in form or "’" in form:
                form = _plain(form)
            if form.islower():
                found.add(form)
        return frozenset(found)
    found = set()
    for t in paragraph_tokens(paragraph):
        if t.kind != "name" or t.key in ALIAS_PLACES:
            form = _plain(t.form) if t.kind != "name" else t.form
            if form.islower():
                found.add(form)
            continue
        for start, end, _kind in layer_words(paragraph, t.start, t.end):
            form = _plain(paragraph[start:end])
            if form.islower():
                found.add(form)
    return frozenset(found)


def spans(paragraph: str) -> list[Span]:
    """The text layer's tokens with their character offsets in ``paragraph``, for places: a
    multi-word name the alias table lists ("Deir ez-Zour") is one token, any other name is split
    into its words."""
    return list(_spans(paragraph))


def tokens(paragraph: str) -> list[Token]:
    """The tokens places are matched on (see ``spans``)."""
    return [s.token for s in _spans(paragraph)]


def _joined(text: str, left: Span, right: Span) -> bool:
    return _SENTENCE_GAP.fullmatch(text, left.end, right.start) is not None


def _initial(text: str, left: Span, right: Span) -> bool:
    """``left`` is a person's initial right before ``right`` ("Edward M. Kennedy")."""
    return len(left.form) == 1 and left.form.isupper() and text[left.end:right.start] in (". ", ".")


def _capitalised(span: Span) -> bool:
    return span.form[:1].isupper() or span.key.startswith("al-")


@dataclass
class Mention:
    first: int  # index of its first and one-past-last span
    last: int
    place: dict
    source: str  # "alias" or "gazetteer"
    key: tuple[str, ...]  # the name's token keys
    reading: str = "place"
    cue: str = ""


def _gazetteer_match(text: str, ss: list[Span], i: int, index: dict) -> tuple[int, dict | None]:
    """The longest gazetteer name starting at span ``i``: its length in spans and its place, or
    None for a name run together with another capitalised word (part of a longer name such as
    the "Washington Examiner" or "Mohammad Reza"); (0, None) where no name starts here."""
    not_names = _not_names()
    for n in range(min(MAX_NAME_TOKENS, len(ss) - i), 0, -1):
        window = ss[i:i + n]
        if not (_capitalised(window[0]) and _capitalised(window[-1])):
            continue
        if any(text[a.end:b.start] not in ("", " ", "-") for a, b in zip(window, window[1:])):
            continue
        place = index.get(tuple(place_key(s) for s in window))
        if place is None or " ".join(s.word for s in window) in not_names:
            continue
        before = ss[i - 1] if i else None
        after = ss[i + n] if i + n < len(ss) else None
        if (after and _capitalised(after) and _joined(text, window[-1], after) and not POSSESSIVE.search(window[-1].raw)
                or before and _capitalised(before) and (_joined(text, before, window[0]) or _initial(text, before, window[0]))
                and before.word not in STOP_WORDS):
            return n, None
        return n, place
    return 0, None


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    """Any alias as written, in any case: a paragraph without one (and without a gazetteer
    spelling) cannot name a place, so its tokens need not be built."""
    names = sorted((m.replace("al-", "") for m in ALIAS_PLACES), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)


@lru_cache(maxsize=1)
def _alias_automaton():
    """``_alias_pattern`` as an Aho–Corasick automaton over case-folded text: one pass finds
    whether a paragraph holds any alias, several times faster than the regular expression."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in {m.replace("al-", "").casefold() for m in ALIAS_PLACES}:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _has_alias(paragraph: str) -> bool:
    """Whether the paragraph holds an alias in any case (``_alias_pattern().search``)."""
    for _ in _alias_automaton().iter(paragraph.casefold()):
        return True
    return False


@lru_cache(maxsize=1)
def _multiword_aliases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Aliases of several words by their first word ("New" -> ("New", "York", "City"), ("New",
    "York"), ...), longest first: a longer name the tokeniser split into words ("New York Gov",
    "New Hampshire Union Leader") is looked at word by word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for mention in ALIAS_PLACES:
        words = tuple(mention.split(" "))
        if len(words) > 1:
            by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in by_first.items()}


def _alias_match(text: str, ss: list[Span], keys: list[str], i: int) -> tuple[int, str]:
    """The alias starting at span ``i``: its length in spans and its table key, or (0, "").
    One span that is an alias, or several words that spell one ("New" "York"); a US state's name
    followed by the head of a longer name ("Times", "University": ``LONGER_NAME_HEADS``) is not
    the state."""
    key = keys[i]
    if key in ALIAS_PLACES:
        n, name = 1, key
    else:
        for words in _multiword_aliases().get(key, ()):
            window = ss[i:i + len(words)]
            if tuple(keys[i:i + len(words)]) == words and all(
                    text[a.end:b.start] == " " for a, b in zip(window, window[1:])):
                n, name = len(words), " ".join(words)
                break
        else:
            return 0, ""
    if ALIAS_PLACES[name]["kind"] == "state" or name in STATE_OR_CITY:
        if i >= 2 and ss[i - 1].form == "of" and ss[i - 2].form in LONGER_NAME_BEFORE and _joined(
                text, ss[i - 2], ss[i - 1]) and _joined(text, ss[i - 1], ss[i]):
            return 0, ""
        after = ss[i + n] if i + n < len(ss) else None
        if (after is not None and _capitalised(after) and text[ss[i + n - 1].end:after.start] == " "
                and not POSSESSIVE.search(ss[i + n - 1].raw) and after.word in LONGER_NAME_HEADS):
            further = ss[i + n + 1] if i + n + 1 < len(ss) else None
            new_york_state = (name in STATE_OR_CITY and after.word == "state" and not (
                further is not None and _capitalised(further) and _joined(text, after, further)))
            if not new_york_state:
                return 0, ""
    return n, name


_LAST_INDEX: tuple = (None, frozenset(), (), frozenset())


def _index_starts(index: dict) -> tuple[set, tuple, frozenset]:
    """The first keys of ``index``'s names, them in small letters, and every key a mention can
    start with (an alias, the first word of one, a name's first key), kept for the last index
    (an article's paragraphs are all read with one: a speed goal)."""
    global _LAST_INDEX
    last = _LAST_INDEX  # one read: a tuple, whole
    if last[0] is not index:
        starts = {key[0] for key in index}
        last = _LAST_INDEX = (index, starts, tuple({s.lower() for s in starts}),
                              frozenset(ALIAS_PLACES).union(starts, _multiword_aliases()))
    return last[1], last[2], last[3]


def find_mentions(paragraph: str, index: dict | None = None) -> tuple[list[Span], list[Mention], set]:
    """The paragraph's spans, its place mentions (alias first, then gazetteer: ``index``, by
    default the gazetteer places this paragraph spells), unread, and the gazetteer names found
    run together with other names (which the article then never takes as places)."""
    index = gazetteer_index([paragraph]) if index is None else index
    starts, lowered_starts, first_keys = _index_starts(index)
    lowered = paragraph.lower()
    if not any(s in lowered for s in lowered_starts) and not _has_alias(paragraph):
        return [], [], set()  # most paragraphs name no place: their tokens are not built (a speed goal)
    # place_key of each span, inlined (a speed goal: every word of most paragraphs passes here)
    keys = [form if key == form.lower() else key for key, form, _start, _end, _raw in _spans(paragraph)]
    in_names = {tuple(k.split()) for k in keys if " " in k}  # multi-word names: "Mohammad Reza"
    if first_keys.isdisjoint(keys):  # most: no place
        return [], [], in_names
    ss = spans(paragraph)
    found: list[Mention] = []
    i = 0
    while i < len(ss):
        key = keys[i]
        n, name = _alias_match(paragraph, ss, keys, i)
        if n:
            found.append(Mention(i, i + n, ALIAS_PLACES[name], "alias", (name,)))
            i += n
            continue
        n, place = _gazetteer_match(paragraph, ss, i, index) if key in starts and _capitalised(ss[i]) else (0, None)
        if place:
            found.append(Mention(i, i + n, place, "gazetteer", tuple(keys[i:i + n])))
        elif n:
            in_names.add(tuple(place_key(s) for s in ss[i:i + n]))
        i += max(n, 1)
    return ss, found, in_names


def _left_cue(text: str, ss: list[Span], first: int) -> tuple[str, str]:
    """The role and word right before a mention (or list of mentions): ("locative", "in"),
    ("object_verb", "bleed"), ("policy_noun", "support for"), or ("", "")."""
    c = cues()
    if first == 0 or not _joined(text, ss[first - 1], ss[first]):
        return "", ""
    prev = ss[first - 1].word
    prev2 = ss[first - 2].word if first >= 2 and _joined(text, ss[first - 2], ss[first - 1]) else ""
    if prev in POLICY_PREPOSITIONS and prev2 in c["policy_noun"]:
        return "policy_noun", f"{prev2} {prev}"
    government = _government_cue(text, ss, first)
    if government:
        return "government", government
    if prev in c["locative"] and (prev, prev2) not in NOT_LOCATIVE:
        return "locative", prev
    if prev == "of" and prev2 in PLACE_NOUNS:
        return "locative", f"{prev2} of"
    if prev in c["object_verb"]:
        return "object_verb", prev
    return "", ""


def _government_cue(text: str, ss: list[Span], first: int) -> str:
    """For a mention right after "from", "with" or "between" (``GOVERNMENT_PREPOSITIONS``): the
    word of talks, transfer, pressure or alliance that makes it a government, looked for up to
    ``GOVERNMENT_REACH`` words back in the same clause ("talks with", "control … from"); "" where
    there is none, or where a word of travel comes first ("flew from", "returned from")."""
    prev = ss[first - 1].word
    if prev not in GOVERNMENT_PREPOSITIONS:
        return ""
    c = cues()
    j = first - 2
    while j >= 0 and first - 1 - j <= GOVERNMENT_REACH and _joined(text, ss[j], ss[j + 1]):
        word = ss[j].word
        if word in c["motion"]:
            return ""
        if word in c["government"]:
            return f"{word} {prev}" if j == first - 2 else f"{word} … {prev}"
        j -= 1
    return ""


def _right_cue(text: str, ss: list[Span], last: int) -> tuple[str, str]:
    """The role and word after a mention: ("policy_noun", "'s policy") for an owner, or
    ("subject_verb", "given") for the subject of a verb of saying, deciding or wanting,
    skipping up to three auxiliaries and adverbs ("had quietly given"); or ("", "")."""
    c = cues()
    if last >= len(ss) or not _joined(text, ss[last - 1], ss[last]):
        return "", ""
    if POSSESSIVE.search(ss[last - 1].raw):
        return ("policy_noun", f"'s {ss[last].word}") if ss[last].word in c["policy_noun"] else ("", "")
    j = last
    for _ in range(4):
        word = ss[j].word
        if word in c["subject_verb"]:
            return "subject_verb", " ".join(s.word for s in ss[last:j + 1])
        if not (word in c["skip"] or (word.endswith("ly") and len(word) > 3)):
            return "", ""
        if j + 1 >= len(ss) or not _joined(text, ss[j], ss[j + 1]):
            return "", ""
        j += 1
    return "", ""


def _lists(text: str, ss: list[Span], found: list[Mention]) -> list[list[Mention]]:
    """Mentions joined by "and", "or" or commas ("Moscow and Tehran"): read as one."""
    groups: list[list[Mention]] = []
    for m in found:
        if groups:
            prev = groups[-1][-1]
            gap = text[ss[prev.last - 1].end:ss[m.first].start]
            if gap.strip() and _LIST_JOIN.fullmatch(gap) and not POSSESSIVE.search(ss[prev.last - 1].raw):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_TOWN_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*, $")  # "Monsey, " before "New York"
_DC_AFTER = re.compile(r",?\s*D\.?\s?C\b")  # "Washington, D.C.", "Washington DC"
_TOWN_STATE_GAP = re.compile(r",\s*")  # "Washington, Iowa": a comma alone, no "and"
_CLAUSE_AFTER = re.compile(r"\s*(?:$|[,;:.)\]])")  # and nothing after it but the clause's end


def state_cue(text: str, ss: list[Span], group: list[Mention], m: Mention, code: str) -> str:
    """Why a mention of "New York" or "Washington" (``STATE_OR_CITY``) is the state ``code``:
    the words that say so ("list of states", "upstate", "senator from", "primary", "town before
    it"), or "" where nothing does (the city, the default)."""
    name = m.key[0]
    new_york = name != "Washington"
    start, end = ss[m.first].start, ss[m.last - 1].end
    if _DC_AFTER.match(text, end):
        return ""  # "Washington, D.C."
    if len(group) == 2 and group[0] is m and _TOWN_STATE_GAP.fullmatch(text, end, ss[group[1].first].start):
        return ""  # "in Washington, Iowa": a town of that name in the state after it
    if any(o is not m and o.place.get("kind") == "state" for o in group):
        return "list of states"
    if len(group) == 2 and group[1] is m and group[0].place.get("admin1") == code and text[
            ss[group[0].last - 1].end:start] == ", ":
        return "town before it"  # "Buffalo, New York"
    if len(group) == 1 and _TOWN_BEFORE.search(text, 0, start) and _CLAUSE_AFTER.match(text, end) and not (
            POSSESSIVE.search(ss[m.last - 1].raw)):
        return "town before it"  # "Monsey, New York, said"
    if m.first and _joined(text, ss[m.first - 1], ss[m.first]):
        prev = ss[m.first - 1].word
        if prev in STATE_BEFORE:
            return prev
        if m.first >= 2 and _joined(text, ss[m.first - 2], ss[m.first - 1]):
            noun = ss[m.first - 2].word
            if noun in STATE_BEFORE_PAIRS.get(prev, ()) and (new_york or (noun, prev) == ("state", "of")):
                return f"{noun} {prev}"
    j = m.last
    if j < len(ss) and _joined(text, ss[j - 1], ss[j]):
        if POSSESSIVE.search(ss[j - 1].raw):  # "New York's junior senator", "New York's 95 delegates"
            while j < len(ss) - 1 and (ss[j].word in STATE_AFTER_SKIP or ss[j].word.isdigit()) and _joined(
                    text, ss[j], ss[j + 1]):
                j += 1
        word = ss[j].word.rstrip(".")
        if word == "attorney" and not (j + 1 < len(ss) and ss[j + 1].word == "general"):
            return ""  # "New York attorney Eric Levine" is a lawyer in the city; "attorney general", the state's
        if word == "state" or (new_york and word in STATE_AFTER):
            return word
    return ""


def read_mentions(paragraph: str, index: dict | None = None) -> tuple[list[tuple[Mention, Span, Span]], set]:
    """Each mention of the paragraph with its reading ("place" or "actor") and the cue that
    decided it, and its first and last span (for offsets); and the names ``find_mentions``
    found inside longer names. "New York" or "Washington" the context makes a state
    (``state_cue``) becomes that state, with the cue "state: ..."."""
    ss, found, in_names = find_mentions(paragraph, index)
    for group in _lists(paragraph, ss, found):
        left = _left_cue(paragraph, ss, group[0].first)
        right = _right_cue(paragraph, ss, group[-1].last)
        for m in group:
            code = STATE_OR_CITY.get(m.key[0]) if len(m.key) == 1 else None
            cue = state_cue(paragraph, ss, group, m, code) if code else ""
            if cue:
                m.place, m.source, m.cue = state_record(code), "state", f"state: {cue}"
                continue
            if m.key == ("Georgia",):  # the state by the same cues as New York's: "the Georgia primary"
                cue = state_cue(paragraph, ss, group, m, "GA")
                if cue:
                    m.cue = f"state: {cue}"
                    continue
            if left[0] == "locative":
                m.cue = f"locative: {left[1]}"
            elif m.place["capital"] and (left[0] or right[0]):
                role, word = left if left[0] else right
                m.reading, m.cue = "actor", f"{role.replace('_', ' ')}: {word}"
    return [(m, ss[m.first], ss[m.last - 1]) for m in found], in_names


# A one-word name the article also writes after a person's title ("Mrs. Clinton", "Sen. Rubio")
# or as the subject of a verb of saying ("Obama said") is a person's name there: one sense per
# discourse (Gale, Church & Yarowsky 1992), as the longer-name rule below already assumes. A
# capital is left to the metonymy rule ("Washington said" is its government, not a person).
# The name after a title may run over first names and initials ("Sen. Edward M. Kennedy"): its
# first word and its last, the surname, are what the article may later write alone.
PERSON_TITLE = re.compile(  # the look-ahead: as in _first_letters (same matches, found faster)
    r"(?=[MDSGRLCPJA])\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Gov|Rep|Rev|Gen|Col|Lt|Sgt|Capt|President|Senator|Governor|Secretary|"
    r"Minister|Mayor|Judge|Justice|Speaker|Chairman|Chairwoman|Commissioner|Ambassador|Candidate|Professor|"
    r"Prof)\.?\s+([A-Z][\w'’-]*[\w])(?:\s+(?:(?:[A-Z][\w'’-]*[\w]|[A-Z]\.)\s+){0,2}([A-Z][\w'’-]*[\w]))?")
SPEAKER = re.compile(r"\b([A-Z][\w'’-]*[\w])\s+(?:said|says|told|added|argued|wrote|tweeted|asked|stated|"
                     r"claimed|insisted|warned|announced|declared|explained|noted|replied|responded)\b")


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    names = [n for n in sorted(countries()["name"], key=len, reverse=True) if n]
    return re.compile(_first_letters(names) + r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


# Short forms GeoNames' country table does not hold, for the two countries English news most often
# names only so ("U.S. officials", "Britain"); other countries are named by their table name.
COUNTRY_SHORT_FORMS = re.compile(r"(?=[UAB])(?:"  # the look-ahead: as in _first_letters
                                 r"\b(?:U\.S\.|US|U\.S\.A\.|USA|America|American|Americans)(?![\w.])"
                                 r"|(?P<gb>\b(?:U\.K\.|UK|Britain|British)(?![\w.])))")
# A town this small, in a country the article never names while it names others, is another
# place's name read as a town ("Arizona", Honduras, in a US article; "Obama", Japan): left out.
# A city this big is named as itself; an article that names no country keeps its towns.
SMALL_TOWN = 100_000
# ... and a city abroad (outside the countries the article names) below this size is more often a
# college, a firm or a person ("at Dartmouth", Nova Scotia, in a US article) than the city: a city
# the article does not place in its country must be one a reader knows without it.
FOREIGN_CITY = 250_000


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return dict(zip(countries()["name"], countries()["iso"]))


def named_countries(paragraph: str) -> set[str]:
    """ISO codes of the countries the paragraph names ("Colombia" -> CO, "U.S." -> US)."""
    codes = _country_codes()
    found = {codes[m.group(0)] for m in _country_pattern().finditer(paragraph)}
    found |= {"GB" if m.group("gb") else "US" for m in COUNTRY_SHORT_FORMS.finditer(paragraph)}
    return found


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    """Lower case without accents or punctuation: "Tikrīt" and "Tikrit" are one name."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain.lower())


ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|ash|az|ath)[\s'’-]+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _own_name(text: str, place: str) -> bool:
    """Whether the article wrote the place's own name (accents and an Arabic article aside:
    "Fallujah" for "Al Fallūjah"), not another of its names ("Florida" for Floridablanca)."""
    written = _folded(POSSESSIVE.sub("", text))
    return written in (_folded(place), _folded(ARABIC_ARTICLE.sub("", place)))


def person_names(paragraph: str) -> set[str]:
    """One-word names the paragraph writes as a person's (after a title, or saying something)."""
    titled = {name for m in PERSON_TITLE.finditer(paragraph) for name in m.groups() if name}  # first and last name
    return titled | {m.group(1) for m in SPEAKER.finditer(paragraph)}


def _country_near(paragraph: str, start: int, end: int, reach: int = 40) -> bool:
    """Whether a country other than the US is named within ``reach`` characters of a mention."""
    window = paragraph[max(0, start - reach):start] + " \x00 " + paragraph[end:end + reach]
    return bool(named_countries(window) - {"US"})


class _LowerWords:
    """The words an article writes in lower case, ``set().union(*map(_lower_forms, paragraphs))``
    as far as ``in`` goes, each paragraph's read only when a look-up needs it (a speed goal: only
    a gazetteer name is looked up, so most paragraphs' words are never needed). A paragraph that
    does not hold a word as written holds no form equal to it: a form is its word as written
    ("police"), without a final "'s" and with "’" written "'"; so a word without an apostrophe is
    found only in paragraphs that contain it."""

    __slots__ = ("paragraphs",)

    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs

    def __contains__(self, word: str) -> bool:
        return any(word in _lower_forms(p) for p in self.paragraphs if "'" in word or word in p)


def _used_otherwise(key: tuple[str, ...], in_names: set, lower_words: set) -> bool:
    """A gazetteer name the article also uses as part of a longer name ("Mohammad Reza", then
    "According to Reza") or writes in lower case ("police"): not a place there."""
    return (key in in_names or " ".join(key).lower() in lower_words
            or (len(key) == 1 and any(key[0] in name for name in in_names)))


def _written_in(name: str, text: str) -> bool:
    """Whether ``text`` writes a place's own ``name`` (or its form without accents: "Koln" for
    "Köln") as whole words, with its capital."""
    if name not in text and name.isascii():  # most names: not written at all (a substring test is quick)
        return False
    return _own_name_pattern(name).search(text) is not None


@lru_cache(maxsize=4096)
def _own_name_pattern(name: str) -> re.Pattern:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted({name, plain}) if n) + r")(?!\w)")


def _alternate_supported(city: dict, text: str, home: set[str]) -> bool:
    """Whether the article supports reading a spelling as ``city`` that GeoNames lists only among
    its other names ("Rangoon" for Yangon, "Google" for Topeka): it writes the place's own name
    ("Washington D.C." beside "Washington"), or, for a place outside the US, names its country
    (``home``: "Rangoon, Myanmar", Horgos in an article naming China). Not the US: a US paper
    names it in nearly every article, so it supports nothing; nor a US state, whose towns' other
    names are mostly old names of a neighbourhood or a nearby town ("Newtown, Connecticut" is no
    sign of Hartford, which GeoNames also calls Newtown)."""
    return (city["country"] != "US" and city["country"] in home) or _written_in(city["place"], text)


def _settle_alternates(r: dict, text: str, home: set[str], states: set[str], located: set,
                       memo: dict | None = None) -> dict | None:
    """A gazetteer mention with its candidates decided: the places whose own name it is
    (``_own_name``), never one that has it only as another name ("Chelsea" is not Norwich,
    "Southampton" not Hampton, Virginia); where it is no place's own name, the places that have it
    as another name and that the article supports (``_alternate_supported``), or None (left out:
    "Google" is not Topeka). One exception, the rule "Paris, Texas, is not Paris" of
    ``place_mentions``: where every place of that own name is a small town (``SMALL_TOWN``) whose
    state (US) or country the article never names, a supported city the world knows
    (``FOREIGN_CITY``) is the reading ("a user from Hanover" in an article naming Germany is
    Hannover, not Hanover, Maryland). Other mentions are returned as they are. ``memo``: one
    article's, for the same ``text`` and ``home``: a name mentioned again (the same spelling, the
    same candidates) is not weighed again (a speed goal)."""
    if r["source"] != "gazetteer":
        return r
    candidates = r["_record"].get("_alternatives", ())
    weighed = memo.get((r["text"], id(candidates))) if memo is not None else None
    if weighed is None:
        own = [c for c in candidates if _own_name(r["text"], c["place"])]
        others = [c for c in candidates if not _own_name(r["text"], c["place"]) and _alternate_supported(c, text, home)]
        if memo is not None:  # the key's candidates live as long as the memo (the article's rows hold them)
            memo[r["text"], id(candidates)] = own, others
    else:
        own, others = weighed
    unsupported_towns = all(c["population"] < SMALL_TOWN and not (
        c["admin1"] in states if c["country"] == "US" else c["country"] in home) for c in own)
    if own and not (others and others[0]["population"] >= FOREIGN_CITY and unsupported_towns):
        pool = own
    elif others:
        pool = others
    else:
        return None
    first = pool[0]
    if first["geonameid"] == r["_record"]["geonameid"] and len(pool) == len(candidates):
        return r
    if (r["place"], r["country"]) in located:  # the locative test was passed by the name
        located.add((first["place"], first["country"]))
    return {**r, "place": first["place"], "country": first["country"], "_record": {**first, "_alternatives": tuple(pool)}}


def place_mentions(file: str, paragraphs: list[str]) -> list[dict]:
    """Evidence rows, one per mention: ``file``, ``paragraph`` (its index), ``start``, ``end``
    (offsets in the paragraph), ``text``, ``place``, ``country``, ``reading`` ("place" or
    "actor"), ``cue`` (what decided it; empty for the default, a place), ``source`` ("alias" or
    "gazetteer"), and the place's record under ``_record``. A gazetteer name counts only where
    the article never uses it otherwise (``_used_otherwise``), and as a place only where the
    article uses it at least once after a locative word; a capital read as an actor counts
    without that."""
    index = gazetteer_index(paragraphs)
    rows, located, in_names = [], set(), set()
    # the article's persons, countries and states: one pass of each pattern over the whole text
    # (paragraphs joined by a character no pattern reads across, so the matches are each
    # paragraph's)
    text = "\x00".join(paragraphs)
    home, states = named_countries(text), named_states(text)
    persons = None  # person_names(text), read only if a one-word gazetteer name needs it (a speed goal)
    for n, paragraph in enumerate(paragraphs):
        read, names = read_mentions(paragraph, index)
        in_names |= names
        for m, first, last in read:
            rows.append({"file": file, "paragraph": n, "start": first.start, "end": last.end,
                         "text": paragraph[first.start:last.end], "place": m.place["place"],
                         "country": m.place["country"], "reading": m.reading, "cue": m.cue, "source": m.source,
                         "_record": m.place, "_key": m.key})
            if m.cue.startswith("locative") and not (m.cue == "locative: to" and POSSESSIVE.search(first.raw)):
                # "similar to Kennedy's", "47 percent to Clinton's 46": a possessive after "to" is
                # someone's, no evidence of a place
                located.add((m.place["place"], m.place["country"]))
    # words the article writes in lower case ("police"): needed only to judge a gazetteer name
    lower_words = _LowerWords(paragraphs)
    # "Georgia" is the country (and countries are not places here) unless the words around it make it
    # the state ("the Georgia primary", "Atlanta, Georgia", "Georgia and Alabama"), or the article names
    # another US state and no other country stands near it ("invasions of Georgia and Ukraine")
    rows = [r for r in rows if not (r["_key"] == ("Georgia",) and not r["cue"].startswith("state:") and (
        not states or _country_near(paragraphs[r["paragraph"]], r["start"], r["end"])))]
    alias_countries = {r["country"] for r in rows if r["source"] == "alias"}
    home |= alias_countries
    if states:
        home.add("US")
    weighed: dict = {}
    rows = [settled for r in rows if (settled := _settle_alternates(r, text, home, states, located, weighed)) is not None]
    # the US states the article writes right after a gazetteer name ("in Hudson, New Hampshire")
    placed_in: dict[tuple[str, ...], set[str]] = {}
    for r in rows:
        r["_state_after"] = _state_after(paragraphs[r["paragraph"]], r["end"]) if r["source"] == "gazetteer" else None
        if r["_state_after"]:
            placed_in.setdefault(r["_key"], set()).add(r["_state_after"])
    kept = []
    for r in rows:
        alternatives = r["_record"].get("_alternatives", ()) if r["source"] == "gazetteer" else ()
        # a town of the article's own states first ("Burlington, Vermont" is Vermont's, not North
        # Carolina's): of the places that bear the name as their own, the most populous in a state
        # the article names, where the name's first reading is a small town or lies abroad
        in_state = [c for c in alternatives if c["country"] == "US" and c["admin1"] in states
                    and _own_name(r["text"], c["place"])]
        stated = {r["_state_after"]} if r["_state_after"] else placed_in.get(r["_key"]) if alternatives else None
        if stated:
            # the article writes the state right after the name ("Concord, N.H.", "Portland, Maine"):
            # the town of that name in that state, whatever its size (one sense per discourse: the
            # article's other mentions of the name too); where the extract has none there, the
            # article's town is missing from it ("Hudson, New Hampshire": not Hudson, Ohio), and the
            # name is left out, except a capital or a city the world knows written without the state
            # ("Republicans in Washington" beside "Washington, Iowa")
            in_stated = [c for c in in_state if c["admin1"] in stated]
            if in_stated:
                picked = in_stated[0] if in_stated[0]["geonameid"] != r["_record"]["geonameid"] else None
            elif r["_state_after"] or not (r["_record"].get("capital") or r["_record"]["population"] >= FOREIGN_CITY):
                continue
            else:
                picked = None
        elif in_state and in_state[0]["geonameid"] != r["_record"]["geonameid"] and (
                r["country"] != "US" or r["_record"]["admin1"] not in states) and (
                r["country"] not in home or r["_record"]["population"] < SMALL_TOWN):
            picked = in_state[0]
        elif r["source"] == "gazetteer" and r["country"] not in home:
            # the article's own countries next: the most populous place of that name in one of
            # them, where there is one, rather than the most populous in the world; but not a small
            # town, in a state the article never names, against a city the world knows (Paris,
            # Texas, for Paris) or against other towns of its name (Clinton)
            world = r["_record"]["population"]
            local = [c for c in alternatives if c["country"] in home
                     and not (c["population"] < SMALL_TOWN and not (c["country"] == "US" and c["admin1"] in states)
                              and (world >= FOREIGN_CITY or c["country"] == "US" and _ambiguous(r["text"], alternatives, "US")))]
            picked = local[0] if local else None
        else:
            picked = None
        if picked is not None:
            if (r["place"], r["country"]) in located:  # the locative test was passed by the name
                located.add((picked["place"], picked["country"]))
            r = {**r, "place": picked["place"], "country": picked["country"], "_record": picked}
        if r["source"] == "gazetteer" and (_used_otherwise(r["_key"], in_names, lower_words) or (
                r["reading"] == "place" and (r["place"], r["country"]) not in located)):
            continue
        if r["source"] == "gazetteer" and len(r["_key"]) == 1 and persons is None:
            persons = person_names(text)
        if (r["source"] == "gazetteer" and len(r["_key"]) == 1 and POSSESSIVE.sub("", r["text"]) in persons
                and not r["_record"].get("capital")):
            continue  # "Mrs. Clinton" elsewhere in the article: "Clinton" is her, not the town
        if (r["source"] == "gazetteer" and not _own_name(r["text"], r["place"])
                and r["country"] not in home):
            # matched by another of its names ("Florida" for Floridablanca, Colombia): only where
            # the article is about that country at all
            continue
        if (r["source"] == "gazetteer" and not r["_record"].get("capital") and home
                and r["_record"].get("population", FOREIGN_CITY) < FOREIGN_CITY
                and r["country"] not in home):
            continue
        if (r["source"] == "gazetteer" and not r["_record"].get("capital")
                and r["_record"].get("population", SMALL_TOWN) < SMALL_TOWN
                and _ambiguous(r["text"], alternatives, r["country"])
                and not (r["_record"]["admin1"] in states if r["country"] == "US" else r["country"] in home)):
            continue  # a small town of a shared name, its state (US) or country never named: not placed
        kept.append(r)
    return kept


def article_places(file: str, paragraphs: list[str]) -> list[dict]:
    """Per place named: ``file``, ``place``, ``country``, ``count`` (mentions read as the place)
    and ``as_actor`` (mentions of a capital read as its government), most-named first."""
    return [{k: r[k] for k in PLACE_COLUMNS[:5]} for r in article_places_located(file, paragraphs)]


def article_places_located(file: str, paragraphs: list[str]) -> list[dict]:
    """``article_places`` with each place's coordinates, GeoNames id (empty where it cannot be
    placed) and kind: the per-article part of ``places_table``."""
    counts: Counter = Counter()
    records = {}
    forms: dict[tuple[str, str], Counter] = {}
    for r in place_mentions(file, paragraphs):
        key = (r["place"], r["country"])
        counts[key, r["reading"]] += 1
        records[key] = r["_record"]
        # the spelling as a place counts before the spelling as a government
        forms.setdefault(key, Counter())[surface_form(r["text"]), r["reading"] == "place"] += 1
    rows = [{"file": file, "place": place, "country": country, "count": counts[(place, country), "place"],
             "as_actor": counts[(place, country), "actor"],
             **{k: records[place, country][k] for k in ("lat", "lon", "geonameid", "kind")},
             "written": most_written(forms[place, country], place)}
            for place, country in records]
    return sorted(rows, key=lambda r: (-r["count"], -r["as_actor"], r["place"]))


def surface_form(text: str) -> str:
    """A mention as the article writes the place: its words, spaces as one, without a possessive
    ("Moscow's" -> "Moscow")."""
    return POSSESSIVE.sub("", " ".join(text.split()))


def most_written(forms: Counter, place: str) -> str:
    """The article's spelling of a place (``forms``: (spelling, read as a place) -> mentions): the
    spelling of most mentions read as a place (of most mentions, where none is), a spelling in
    capitals ("BAGHDAD" in a dateline) only where it is the only one; ties go to the place's own
    name, then alphabetical order."""
    totals: Counter = Counter()
    for (form, as_place), n in forms.items():
        totals[form] += n * (1 + sum(forms.values())) if as_place else n
    return min(totals, key=lambda form: (form.isupper() and any(not f.isupper() for f in totals),
                                         -totals[form], form != place, form))


def shown_name(place: str, country: str, kind: str) -> bool:
    """Whether a place is shown by its own name rather than the articles' spelling: a US state
    ("New York (state)" for "New York", "Alabama" for "Ala.") and a place of the alias table,
    whose name was chosen for the book with the spellings these articles use
    (``data/themes/place_aliases.csv``: "the name the book shows"). A city found in the GeoNames
    extract by another of its names ("Horgos" for Qarasu) is shown as the articles write it."""
    return kind == "state" or (place, country) in ALIAS_NAMES


def spelled(mentions: pd.DataFrame) -> pd.Series:
    """The name to show for each row's place, aligned with ``mentions`` (rows of ``places_table``,
    e.g. one article's, or a whole corpus's): the place's own name where ``shown_name`` says so,
    else the spelling the rows use most (each article's ``written``, weighted by its mentions;
    ties to the place's own name, then alphabetical). GeoNames' id stays the place's key: the
    name is for the reader. Rows without ``written`` show the place's name."""
    if "written" not in mentions or mentions.empty:
        return mentions["place"].copy() if "place" in mentions else pd.Series(dtype=object)
    keys = [k for k in ("place", "country", "kind", "lat", "lon") if k in mentions]
    written = mentions["written"].where(mentions["written"].fillna("").astype(str) != "", mentions["place"])
    weight = mentions["count"].fillna(0) + (mentions["as_actor"].fillna(0) if "as_actor" in mentions else 0)
    frame = mentions[keys].assign(_written=written, _weight=weight)
    totals = frame.groupby(keys + ["_written"], dropna=False, sort=False)["_weight"].sum().reset_index()
    totals = totals.assign(_own=totals["_written"] != totals["place"])
    best = (totals.sort_values(["_weight", "_own", "_written"], ascending=[False, True, True], kind="stable")
            .drop_duplicates(keys))
    chosen = frame[keys].merge(best[keys + ["_written"]], on=keys, how="left")["_written"].to_numpy()
    kinds = mentions["kind"] if "kind" in mentions else pd.Series("city", index=mentions.index)
    countries = mentions["country"] if "country" in mentions else pd.Series("", index=mentions.index)
    own = [shown_name(p, c, k) for p, c, k in zip(mentions["place"], countries, kinds)]
    return pd.Series([p if keep else w for p, w, keep in zip(mentions["place"], chosen, own)], index=mentions.index)


def validation_note(original: bool) -> str:
    """For the prose of a corpus other than the original five (``original`` false): the place counts
    are description, not a validated measure. "" for the original five, whose every alias was
    checked by hand against its article."""
    if original:
        return ""
    return ("These place counts are description, not a validated measure: the matcher's rules were written on "
            "the original five articles and tested on sentences written for the purpose, but no one has marked "
            "the places of a corpus like this one by hand to score it against, so read a count's mentions in the "
            "table below before relying on it.")


def alias_places() -> pd.DataFrame:
    """Every place in the alias table, once, with its coordinates (empty where it is not placed)."""
    rows = [{"place": p["place"], "country": p["country"], "kind": p["kind"], "lat": p["lat"], "lon": p["lon"],
             "geonameid": p["geonameid"], "capital": p["capital"]} for p in ALIAS_PLACES.values()]
    return pd.DataFrame(rows).drop_duplicates(["place", "country"], ignore_index=True).astype({"geonameid": "Int64"})


def places_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Place mentions per article with coordinates: ``file``, ``place``, ``country``, ``count``
    (read as a place), ``as_actor`` (a capital read as its government: counted, not drawn),
    ``lat``, ``lon``, ``geonameid`` (empty for places that cannot be placed), ``kind``, and
    ``written``: the article's spelling of the place (``most_written``; not in ``places.csv``)."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_places_located(f, p)]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS).astype({"geonameid": "Int64"})


def mentions_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Every place mention with its reading and cue (``MENTION_COLUMNS``): the evidence behind
    ``places_table``, so each count turns back into its words."""
    rows = [{k: r[k] for k in MENTION_COLUMNS} for f, p in zip(cleaned["file"], cleaned["paragraphs"])
            for r in place_mentions(f, list(p))]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def places_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    """What ``places.csv`` holds: ``places_table`` without its ``kind`` and ``written`` columns."""
    return as_places_csv(places_table(cleaned))


def as_places_csv(mentions: pd.DataFrame) -> pd.DataFrame:
    """``places_csv`` from an already computed ``places_table`` (its ``kind`` and ``written`` columns dropped)."""
    return mentions[PLACE_COLUMNS[:-1]]


def as_places(mentions: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``places_table`` with at least one mention read as a place."""
    return mentions[mentions["count"] > 0]


def as_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """Capitals read as their governments: ``place`` and total ``as_actor``, most first."""
    actors = mentions[mentions["as_actor"] > 0].groupby("place", as_index=False)["as_actor"].sum()
    return actors.sort_values(["as_actor", "place"], ascending=[False, True], ignore_index=True)


def unplaceable(places: pd.DataFrame) -> pd.DataFrame:
    """Places named but not on the map, with their kind and total mentions."""
    missing = as_places(places)[as_places(places)["lat"].isna()]
    return (missing.groupby(["place", "kind"], as_index=False)["count"].sum()
            .sort_values(["kind", "count", "place"], ascending=[True, False, True], ignore_index=True))


def mention_years(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """The publication year of each mention's article, aligned with ``mentions``."""
    years = dict(zip(articles["file"], pd.to_datetime(articles["published"]).dt.year))
    return mentions["file"].map(years)


MAX_YEARS = 5  # beyond this many publication years, the prose names the places of the whole corpus


def most_named_by_year(mentions: pd.DataFrame, articles: pd.DataFrame, top: int = 3) -> str:
    """For the prose: each publication year's most-named places, named at least twice, with
    their mentions: the ``top`` first and any tied with the last of them ("2014: Raqqa (4),
    Deir ez-Zor (3), Mosul (3), Samarra (3); 2016: ..."); a year naming no place twice says so.
    A corpus of more than ``MAX_YEARS`` years gets the most-named places of all its years
    instead ("over all 12 years: ..."), so the sentence does not grow with the archive."""
    years = mention_years(mentions, articles)
    if years.nunique() > MAX_YEARS:
        years = pd.Series(f"over all {years.nunique()} years", index=mentions.index)
    # each place as the articles write it ("Horgos", not GeoNames' "Qarasu"): ``spelled``
    totals = (mentions.assign(year=years, place=spelled(mentions).to_numpy() if len(mentions) else [])
              .groupby(["year", "place"], as_index=False)["count"].sum()
              .sort_values(["year", "count", "place"], ascending=[True, False, True]))
    parts = []
    for year, group in totals.groupby("year", sort=True):
        repeated = group[group["count"] >= 2]
        cut = repeated["count"].iloc[min(top, len(repeated)) - 1] if len(repeated) else 0
        named = repeated[repeated["count"] >= cut]
        listed = [f"{r.place} ({r.count})" for r in named.itertuples()]
        more = len(listed) - max(top, 8)  # ties with the last are named, up to a point
        parts.append(f"{year}: " + (", ".join(listed[:max(top, 8)]) + (f" and {more:,d} more (see the table)"
                                                                         if more > 0 else "")
                                    if len(named) else "no place named twice"))
    return "; ".join(parts) if parts else "no place is named"


# How the prose names a group of places of one kind, in this order ("the provinces of Anbar and
# Diyala"); singular where the group has one place. Mountains carry their kind in their name.
KIND_PHRASES = {"city": ("the city of", "the cities of"), "state": ("the state of", "the states of"),
                "town": ("the town of", "the towns of"),
                "village": ("the village of", "the villages of"),
                "province": ("the province of", "the provinces of"), "region": ("the region", "the regions"),
                "feature": ("the", "the")}


def named_in_year(mentions: pd.DataFrame, articles: pd.DataFrame, year: int, kinds: tuple[str, ...] = ()) -> str:
    """For the prose: every place the articles of ``year`` name as places (only those of
    ``kinds``, if given), grouped by kind, each group most-named first: "the cities of Mosul and
    Kirkuk; the provinces of Anbar, Nineveh and Diyala; and the Hamrin mountains". "no place" if none."""
    if "as_actor" in mentions:
        mentions = as_places(mentions)
    named = (mentions[mention_years(mentions, articles) == year]
             .groupby(["kind", "place"], as_index=False)["count"].sum()
             .sort_values(["count", "place"], ascending=[False, True]))
    groups = []
    for kind, (one, several) in KIND_PHRASES.items():
        places = named.loc[named["kind"] == kind, "place"].tolist()
        if places and (not kinds or kind in kinds):
            words = [f"the {p}" for p in places] if kind == "feature" else places
            groups.append(english_list(words) if kind == "feature" else f"{one if len(places) == 1 else several} {english_list(words)}")
    if len(groups) < 3:  # two lists of names read apart with a comma; more need semicolons
        return ", and ".join(groups) or "no place"
    return english_list(groups)
