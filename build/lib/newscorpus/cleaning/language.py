"""Which language a text is in, from jusText's stop-word lists (no model, no new dependency).

The cleaner reads English: its prose signal is the density of English function words, so a page
in another language would come out empty with no word of why. ``detect_language`` names the
language instead, so the cleaner can say so and the corpus check can refuse the file.

Method: jusText ships stop-word lists (the most frequent words of Wikipedia) for 100 languages.
Function words make up a third or more of running text in any language with spaces between
words, and they differ between languages, so the list that covers the largest share of a text's
words names its language. Two precautions, because the lists are mined from Wikipedia and some
hold English words (the Marathi and Sundanese lists cover almost as much English text as the
English list does): a list keeps only the words in its own majority script (Latin or not), and
a word held by several lists gives each of them an equal part of one vote, so the words only
English uses decide between English and a list that borrowed its commonest words. Writing
systems without spaces between words (Chinese, Japanese, Thai, Burmese) have no words to count;
they are named by their script, counted by character range. A language with no list (Sorani
Kurdish, Amharic) in a script English is not written in is named by that script ("a language in
Arabic script"), not called unknown: unknown is cleaned as English, and would be emptied without
a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

import justext

# Fewer words than this and a share of function words says little: "unknown".
MIN_WORDS = 20
# The winning list's votes must reach this share of the words, or the answer is "unknown".
MIN_SHARE = 0.03
# Share of characters in a script without spaces that names the text by its script.
SCRIPT_SHARE = 0.3
# Words sampled: enough for a stable share, few enough to keep a long page cheap.
SAMPLE_WORDS = 3000
UNKNOWN = "unknown"
# Lists for the same language under two names, and lists too short to be a fair contender
# (Cebuano's and Waray-Waray's hold about ten words).
SAME_AS = {"Simple_English": "English", "Norwegian_Nynorsk": "Norwegian_Bokmal"}
MIN_LIST_WORDS = 60

# Scripts written without spaces (or where jusText has no list), by Unicode block.
SCRIPTS = (
    ("Japanese", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese even among Chinese characters
    ("Korean", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("Chinese", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("Thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("Burmese", re.compile(r"[\u1000-\u109f]")),
    ("Khmer", re.compile(r"[\u1780-\u17ff]")),
    ("Lao", re.compile(r"[\u0e80-\u0eff]")),
)
LETTER_RE = re.compile(r"[^\W\d_]")
# Share of letters in one script that names an unlisted language by it.
MAJORITY_SCRIPT_SHARE = 0.5
WORD_STRIP = "\"'“”‘’()[]{}«».,;:!?¿¡…-–—/|*"


@cache
def _stop_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Language names, and for each stop word the languages whose list holds it."""
    names = sorted(n for n in justext.get_stoplists() if n not in SAME_AS)
    owners: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        words = {w.lower() for w in justext.get_stoplist(name)}
        for alias, target in SAME_AS.items():
            if target == name:
                words |= {w.lower() for w in justext.get_stoplist(alias)}
        latin = {w for w in words if w.isascii()}
        words = latin if len(latin) * 2 >= len(words) else words - latin
        if len(words) < MIN_LIST_WORDS:
            continue
        for word in words:
            owners.setdefault(word.lower(), []).append(index)
    return tuple(names), {w: tuple(ix) for w, ix in owners.items()}


def _script_language(text: str) -> str | None:
    sample = text[: 20 * SAMPLE_WORDS]
    letters = len(LETTER_RE.findall(sample))
    if not letters:
        return None
    for name, pattern in SCRIPTS:
        if len(pattern.findall(sample)) >= SCRIPT_SHARE * letters:
            return name
    return None


def _unlisted_language(text: str) -> str:
    """Named "a language in <script> script" when most letters are in one script other than Latin,
    else unknown (a Latin-script text with no list's words may be a list of names or codes)."""
    sample = text[: 20 * SAMPLE_WORDS]
    # the first word of a letter's Unicode name is its script: ARABIC LETTER ..., ETHIOPIC SYLLABLE ...
    scripts = Counter(unicodedata.name(ch, "").partition(" ")[0] for ch in LETTER_RE.findall(sample))
    if not scripts:
        return UNKNOWN
    script, count = scripts.most_common(1)[0]
    if script in ("", "LATIN") or count < MAJORITY_SCRIPT_SHARE * sum(scripts.values()):
        return UNKNOWN
    return f"a language in {script.title()} script"


def language_shares(text: str) -> dict[str, float]:
    """For each language, the share of the text's words (up to a sample) on its stop list,
    a word on k lists counting 1/k for each."""
    names, owners = _stop_index()
    words = [w.strip(WORD_STRIP) for w in text.lower().split()[:SAMPLE_WORDS]]
    words = [w for w in words if w]
    if not words:
        return {}
    counts = [0.0] * len(names)
    for word in words:
        holders = owners.get(word, ())
        for index in holders:
            counts[index] += 1 / len(holders)
    return {name: n / len(words) for name, n in zip(names, counts) if n}


def detect_language(text: str) -> str:
    """The language of ``text`` as jusText names it (``"English"``, ``"French"``, ``"Arabic"``,
    ...), or a script's language (``"Chinese"``, ``"Japanese"``, ``"Thai"``), or ``"a language in
    Ethiopic script"`` when no list covers enough of a text in a script other than Latin;
    ``"unknown"`` when the text is too short, or is in Latin script and no list covers enough of it."""
    by_script = _script_language(text)
    if by_script:
        return by_script
    if len(text.split()) < MIN_WORDS:
        return UNKNOWN
    shares = language_shares(text)
    best = max(shares, key=shares.get) if shares else None
    return best if best and shares[best] >= MIN_SHARE else _unlisted_language(text)
