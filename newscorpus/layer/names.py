"""Multi-word names found from the text itself: runs of capitalised words.

A name is two or more capitalised words with only spaces between them ("Haider al-Abadi",
"Deir ez-Zour", "Islamic State"), or an initial and its stop ("Elijah J. Magnier"), which may be
joined by the lower-case connectors of names ("Breaking the Walls", "Islamic State of Iraq",
"Abu Bakr al-Baghdadi"). "and" joins only inside a name that already has "of" ("Islamic State of
Iraq and Syria"), so "Iraq and Syria" stays two names. A run

* does not start with a capitalised function word, month or day ("The", "In", "May"), nor with a
  sentence's first word when the text also writes that word in lower case ("Jihadists of
  al-Nusra" at a sentence's head is no name, "Michael W. Hanna" is);
* ends at a possessive ("Iraq's Sunnis" is not one name) and never ends with a connector;
* ends before a title abbreviated with a stop ("Florida Sen. Marco Rubio" gives "Marco Rubio"
  and no "Florida Sen");
* leaves titles out: the name is what follows the last title ("Iraqi Prime Minister Adel Abdul
  Mahdi" gives the name "Adel Abdul Mahdi");
* never takes in an acronym ("ISIS", "US-backed") or an adjective joined by a hyphen
  ("al-Qaeda-linked"), which stand alone.

No list of names is consulted, so a reader's corpus gets its own names. The rules are tested on
sentences in ``tests/test_layer.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONNECTORS = frozenset({"of", "the", "bin", "ibn", "bint", "al", "el", "ez", "de", "da", "du", "van", "von",
                        "der", "la", "le"})
# Capitalised function words that start sentences, months and days: not the head of a name.
NOT_NAME_HEADS = frozenset("""
a an the and but or nor so yet for if when while after before since as at by in on of to from with
without into onto over under about against between during through until upon within this that these
those there here it its he she they we you i his her their our my your what which who whom whose
where why how all any both each every few many most much no not some such than then thus however
meanwhile also although though because even only just still once later earlier today yesterday
according despite unlike like instead moreover furthermore indeed perhaps
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""".split())
# Titles and offices that stand before a name; the name is what follows them.
TITLES = frozenset("""
president vice prime minister ministers secretary general gen lt lieutenant colonel col major maj
captain capt brigadier commander sergeant admiral marshal sheikh shaikh sheik king queen prince
princess emir caliph ayatollah imam ambassador governor gov senator sen representative rep mayor
spokesman spokeswoman spokesperson chief director chairman deputy judge justice pope cardinal
bishop mr mrs ms dr prof professor sir lord dame
""".split())
# Titles written abbreviated with a stop ("Florida Sen. Marco Rubio", "Ohio Gov. John Kasich"):
# a name run ends before one, so the place or party before it is not joined to the title.
ABBREVIATED_TITLES = frozenset("sen gov rep gen lt col maj capt sgt adm cmdr atty supt dr mr mrs ms prof".split())
_SPACES = re.compile(r"[ \t\u00a0]+")
_INITIAL_GAP = re.compile(r"\.[ \t\u00a0]+")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def is_capitalised(form: str) -> bool:
    """A word that can be part of a name: it starts with a capital ("Mosul", "Post-Mosul"), or is
    a particle joined to one ("al-Sham", "ez-Zour"); not an acronym ("ISIS", "US-backed") nor an
    adjective made with a hyphen ("al-Qaeda-linked")."""
    pieces = form.split("-")
    if len(pieces[0]) > 1 and pieces[0].isupper():
        return False  # an acronym, alone or leading a compound
    if len(pieces) > 1 and not pieces[-1][:1].isupper():
        return False  # "al-Qaeda-linked", "Iraqi-led"
    if form[:1].isupper():
        return True
    return len(pieces) > 1 and pieces[0].lower() in CONNECTORS


def name_runs(text: str, spans: list[tuple[int, int, str]],
              lower_case_words: frozenset[str] = frozenset(), forms: list[str] | None = None) -> list[tuple[int, int]]:
    """(first, last) token indices (inclusive) of each multi-word name among one sentence's word
    spans (as :func:`newscorpus.layer.words.words` returns them). ``lower_case_words``: words
    the text writes in lower case somewhere; such a word at a sentence's head is no name's head.
    ``forms``: the spans' text, when the caller has it already (a speed goal)."""
    if forms is None:
        forms = [text[s:e] for s, e, _ in spans]
    runs: list[tuple[int, int]] = []
    i, n = 0, len(spans)
    # A word neither capitalised nor hyphenated is never capitalised in is_capitalised's sense,
    # so it starts no name: only the other words are tried as heads, found in one pass over the
    # forms (speed goal: most words of a sentence are in small letters).
    for head in [k for k, form in enumerate(forms) if form[:1].isupper() or "-" in form]:
        if head < i:
            continue  # inside the name found before
        i = head
        form = forms[i]
        # the sentence's head is looked up in lower_case_words last: the text layer builds that
        # set only when a sentence's head gets this far (a speed goal)
        if (spans[i][2] not in ("word", "particle") or not is_capitalised(form) or form.lower() in NOT_NAME_HEADS
                or (i == 0 and form.lower() in lower_case_words)):
            continue
        j, last_capital, has_of, after_and = i, i, False, False
        while j + 1 < n and not _POSSESSIVE.search(forms[j]):
            gap = text[spans[j][1]:spans[j + 1][0]]
            initial = len(forms[j]) == 1 and forms[j].isupper() and _INITIAL_GAP.fullmatch(gap)
            if not (_SPACES.fullmatch(gap) or initial):
                break
            nxt = forms[j + 1]
            if nxt.lower() in ABBREVIATED_TITLES and text[spans[j + 1][1]:spans[j + 1][1] + 1] == ".":
                break  # "Florida Sen. Marco Rubio": the title starts the next name
            if spans[j + 1][2] in ("word", "particle") and is_capitalised(nxt):
                j += 1
                last_capital, after_and = j, False
            elif not initial and not after_and and (nxt in CONNECTORS or (nxt == "and" and has_of)):
                has_of = has_of or nxt == "of"
                after_and = nxt == "and"  # "and" is followed by a capitalised word, not "the"
                j += 1
            else:
                break
        first = i
        for k in range(i, last_capital):  # the name starts after the last title
            lower = forms[k].lower().rstrip(".")
            if forms[k][:1].isupper() and (lower in TITLES or lower in NOT_NAME_HEADS):
                first = k + 1
        while first < last_capital and not is_capitalised(forms[first]):
            first += 1  # never start on a connector
        if last_capital > first:
            runs.append((first, last_capital))
        i = last_capital + 1
    return runs
