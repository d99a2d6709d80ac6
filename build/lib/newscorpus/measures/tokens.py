"""The theme tokeniser: words as the themes chapter counts them, with names kept whole.

General tokenisers (and wordcloud's own) break the names these articles turn on: "al-Sham"
becomes "al" and "Sham", "U.S." becomes "U" and "S", and lower-casing before the stop list turns
"IS" (the group) into "is". The rules here, in order:

1. a multi-word name from ``data/themes/names.txt`` ("Islamic State", "Deir ez-Zour") is one
   token, spelt as in the list;
2. an abbreviation with full stops ("U.S.", "a.k.a.") is one token, written without the stops;
3. a name joined to the Arabic article ("al-Sham", "Al-Baghdadi", even "Al- Baaj") is one token,
   with the article written "al-";
4. other words split at hyphens ("post-Mosul" is "post" and "Mosul"); a final "'s" is dropped.

Each token has a *key*: words written in capitals (two letters or more: "IS", "ISIS", "US") and
names keep their case; every other word is lower-cased. Counting, stop words and the theme
dictionary all work on keys. Hand-written rather than a library tokeniser because no general one
keeps these names whole, and one compiled regex keeps it fast (a 1,000-word article in about a
millisecond).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from wordcloud import STOPWORDS

from ..paths import DATA_DIR

THEMES_DATA = DATA_DIR / "themes"


def read_list(name: str) -> list[str]:
    """Lines of a data file in ``data/themes``, without comments and blank lines."""
    lines = (THEMES_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


NAMES = read_list("names.txt")
CANONICAL_NAME = {name.lower(): name for name in NAMES}
STOP_WORDS = frozenset(w.lower() for w in STOPWORDS) | frozenset(read_list("stopwords.txt"))

_LETTER = r"[^\W\d_]"
_NAME = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True))
TOKEN = re.compile(
    rf"(?P<name>(?<![\w-])(?:{_NAME})(?![\w-]))"
    rf"|(?P<abbrev>(?<!\w)(?:{_LETTER}\.){{2,}}(?!\w))"
    rf"|(?P<particle>(?<![\w-])[Aa]l-\s?(?:{_LETTER}+['’])?{_LETTER}+)"
    rf"|(?P<word>{_LETTER}+(?:['’]{_LETTER}+)*|\d+(?:[.,]\d+)*)",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    key: str  # what is counted
    form: str  # as written, for display


def token_key(form: str, kind: str) -> str:
    """The counting key of a token of this kind (see the module notes)."""
    if kind == "name":
        return CANONICAL_NAME[" ".join(form.split()).lower()]
    if kind == "abbrev":
        bare = form.replace(".", "")
        return bare if bare.isupper() else bare.lower()
    if kind == "particle":
        return "al-" + form[3:].lstrip()
    return form if len(form) > 1 and form.isupper() else form.lower()


def _token(kind: str, form: str) -> Token:
    """The token of one match of ``TOKEN``: its group's name and the text it matched."""
    if kind == "word":
        form = POSSESSIVE.sub("", form)
    elif kind == "particle":
        form = POSSESSIVE.sub("", " ".join(form.split()).replace("- ", "-"))
    form = form.replace("’", "'")
    return Token(token_key(form, kind), form)


KINDS = tuple(TOKEN.groupindex)  # the groups of TOKEN in order: exactly one matches
# Words recur across articles, so each distinct match becomes a Token once per process (Tokens
# are immutable and shared): the per-word work is one dict look-up. Keyed by ``findall``'s
# tuple of groups, which names the kind and the text. Bounded: emptied past this many matches.
_TOKEN_CACHE: dict[tuple[str, ...], Token] = {}
_TOKEN_CACHE_LIMIT = 500_000


def _new_token(groups: tuple[str, ...]) -> Token:
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_LIMIT:
        _TOKEN_CACHE.clear()
    kind = next(k for k, g in zip(KINDS, groups) if g)
    token = _TOKEN_CACHE[groups] = _token(kind, groups[KINDS.index(kind)])
    return token


@lru_cache(maxsize=256)
def _paragraph_tokens(text: str) -> tuple[Token, ...]:
    # Kept for the last few hundred paragraphs: themes and places read the same article's tokens.
    cache = _TOKEN_CACHE
    return tuple(cache.get(groups) or _new_token(groups) for groups in TOKEN.findall(text))


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` in order."""
    return list(_paragraph_tokens(text))


def keys(paragraphs: list[str]) -> list[str]:
    """The token keys of an article, paragraph after paragraph."""
    return [t.key for p in paragraphs for t in tokens(p)]


def is_content_word(key: str) -> bool:
    """Worth a place in a word cloud: has a letter, more than one character, not a stop word
    (stop words are lower-case, so "IS" and "US" are never stopped)."""
    return len(key) > 1 and key not in STOP_WORDS and any(c.isalpha() for c in key)


def content_counts(paragraphs: list[str]) -> tuple[Counter, dict[str, str], int]:
    """Counts of content words by key, the form each key is most often written in, and the
    number of words (tokens with a letter, stop words included): one pass over the article."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    words = 0
    for p in paragraphs:
        for t in tokens(p):
            if not any(c.isalpha() for c in t.key):
                continue
            words += 1
            if len(t.key) > 1 and t.key not in STOP_WORDS:
                counts[t.key] += 1
                forms.setdefault(t.key, Counter())[t.form] += 1
    return counts, {k: display_form(f) for k, f in forms.items()}, words


def display_form(forms: Counter) -> str:
    """The usual written form: a word capitalised only at sentence starts is shown lower-case."""
    lower = [f for f, _ in forms.most_common() if not f[:1].isupper()]
    return lower[0] if lower else forms.most_common(1)[0][0]
