"""Agency: in a sentence that mentions the group, is the group the one acting (agent), the one
acted upon (patient), or neither (Fowler 1991; van Leeuwen 2008: activation and passivation)?

The rule reads the text layer's words and parts of speech (with the tagger's verb form, which
tells a passive participle from a finite verb), not a dependency parse, so it is transparent and
fast, and it is checked against a hand-labelled sample (``data/framing/agency_gold.csv``,
labelled with ``data/framing/AGENCY.md``): precision and recall per label are in the framing
chapter. In order:

1. the mention is the group's first label in the sentence (a name, a descriptor, or a member
   noun: ``data/framing/labels.csv``); a member phrase ("ISIS fighters", "its cells", "elements of
   the organization") takes the place of its head noun; any other noun after the name ("ISIS
   territory") makes it a mention inside a noun phrase: neither;
2. after a preposition, the mention is inside a prepositional phrase (neither), except after
   "by" following a participle, which is a passive's agent;
3. right after a verb, the mention is its object: patient (after "expect", "want", "believe" and
   the like with "to" following, the group is the subject of the infinitive: agent);
4. otherwise it is a subject: the first verb after it decides (a parenthetical between commas is
   skipped): be/get + participle is a passive (patient), unless the participle names a state
   ("based", "known"); a linking verb with no verb after it is a copula (neither); any other
   verb: agent. No verb: neither.

Pronouns are not resolved (the sample's pronoun mentions count as misses).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..layer.pos import tag_with_verb_form
from ..layer.tokenize import paragraph_sentences, paragraph_tokens
from . import lexicons
from .lexicons import LABEL

AGENT, PATIENT, NEITHER = "agent", "patient", "neither"
ROLES = (AGENT, PATIENT, NEITHER)
MEMBER_HEADS = frozenset("""fighters fighter militants militant jihadists members member elements cells cell units
gunmen emirs commanders commander leader leaders remnants operatives insurgents forces loyalists""".split())
# "thousands of ISIS fighters", "most of the militants": the phrase is the group's
QUANTITIES = frozenset("""thousands hundreds dozens scores some many most few several all remnants elements
members cells units rest""".split())
BE_GET = frozenset("be is are was were been being am 's get gets got gotten getting".split())
LINKING = BE_GET | frozenset("become becomes became remain remains remained seem seems seemed appear appears "
                             "appeared".split())
STATIVE_PARTICIPLES = frozenset("based located known linked affiliated divided composed determined interested "
                                "called named believed thought estimated said".split())
ATTITUDE_VERBS = frozenset("expect expects expected believe believes believed want wants wanted consider "
                           "considers considered report reports reported".split())
# verbs that report or fear: a mention after them opens the reported clause ("said ISIS had ...")
REPORTING = frozenset("""say says said tell tells told believe believes believed think thinks thought know knows
knew warn warns warned fear fears feared expect expects expected claim claims claimed report reports reported
stress stresses stressed insist insists insisted add adds added note notes noted show shows showed
suggest suggests suggested indicate indicates indicated assert asserts asserted""".split())
PREPOSITIONS = frozenset("of against from by with on in about for to at into toward towards over under after "
                         "before without within across through".split())
NOMINAL = frozenset({"NOUN", "PROPN"})
DETERMINERS = frozenset({"DET", "ADJ", "NUM"})
BOUNDARY = re.compile(r"[,:;()\[\]\"“”—–]")


@lru_cache(maxsize=1)
def group_label_names() -> frozenset[str]:
    return frozenset(lexicons.label_names())


def _tagged(paragraph: str, start: int, end: int):
    """The sentence's tokens (the layer's: a multi-word name is one token) with (UPOS, VerbForm)."""
    tokens = [t for t in paragraph_tokens(paragraph) if start <= t.start < end]
    spans = [(t.start, t.end, t.kind) for t in tokens]
    forms = [t.form for t in tokens]
    # numbers are given to the tagger too, as the layer's tagging does: the model was trained with
    # them in its sentences; they come back NUM
    tagged = [t.form for t in tokens if t.kind in ("word", "abbrev", "particle", "number")]
    tags = iter(tag_with_verb_form(tagged))
    labels = []
    for t in tokens:
        if t.kind == "name":
            labels.append(("PROPN", "-"))
        else:
            label = next(tags)
            labels.append(("NUM", "-") if t.kind == "number" else label)
    return spans, forms, labels


def _boundary_after(paragraph: str, spans, i: int) -> bool:
    """Punctuation between token i and the next (a comma, colon, bracket, quote mark or dash)."""
    return i + 1 < len(spans) and bool(BOUNDARY.search(paragraph[spans[i][1]:spans[i + 1][0]]))


def _possessive(paragraph: str, spans, i: int) -> bool:
    form = paragraph[spans[i][0]:spans[i][1]]
    after = paragraph[spans[i][1]:spans[i][1] + 1]
    return form.endswith(("'s", "’s")) or after in ("'", "’")


def _np_end(labels, lower, i: int) -> int:
    """Index of the last token of the noun phrase that starts at ``i`` (determiners, adjectives,
    nouns), for skipping "of the organization" after a member noun."""
    j = i
    while j + 1 < len(labels) and (labels[j + 1][0] in DETERMINERS | NOMINAL):
        j += 1
    return j


def role_in_sentence(paragraph: str, start: int, end: int, mention: tuple[int, int]) -> str:
    """The group's role in one sentence (``paragraph[start:end]``) for the mention at
    ``mention`` (character offsets of the label match). See the module notes."""
    spans, forms, labels = _tagged(paragraph, start, end)
    lower = [f.lower() for f in forms]
    inside = [i for i, (s, e, _) in enumerate(spans) if s < mention[1] and e > mention[0]]
    if not inside:
        return NEITHER
    first, head = inside[0], inside[-1]
    if "(" in paragraph[spans[head][1]:spans[head + 1][0] if head + 1 < len(spans) else end]:
        close = paragraph.find(")", spans[head][1], end)  # "Islamic State (ISIS)": skip the gloss
        while close >= 0 and head + 1 < len(spans) and spans[head + 1][0] < close:
            head += 1
    if _possessive(paragraph, spans, head):
        if head + 1 < len(spans) and lower[head + 1] in MEMBER_HEADS:
            head += 1  # "its cells", "Daesh's militants": a member phrase
        else:
            return NEITHER  # "Daesh's fall", "ISIS' back": inside a noun phrase
    # a member phrase takes its head noun's place; another noun after the name: inside a noun phrase
    elif head + 1 < len(spans) and labels[head + 1][0] in NOMINAL and not _boundary_after(paragraph, spans, head):
        if lower[head + 1] in MEMBER_HEADS:
            head += 1
        else:
            return NEITHER
    np_start = first
    # "elements of the organization", "thousands of ISIS fighters": the phrase starts before "of"
    if np_start >= 2 and lower[np_start - 1] == "of" and (lower[np_start - 2] in MEMBER_HEADS | QUANTITIES):
        np_start -= 2
    while np_start > 0 and not _boundary_after(paragraph, spans, np_start - 1) and (
            labels[np_start - 1][0] in DETERMINERS and lower[np_start - 1] != "that"
            or (labels[np_start - 1][0] == "VERB" and np_start >= 2 and labels[np_start - 2][0] in {"DET", "ADP"})):
        np_start -= 1  # determiners, adjectives and participles used as adjectives ("a decentralized")
    following = head + 1
    while following < len(spans) and labels[following][0] in ("ADV", "PART"):
        following += 1
    verb_follows = following < len(spans) and labels[following][0] in ("AUX", "VERB") \
        and not _boundary_after(paragraph, spans, head)
    before = np_start - 1
    if before >= 0 and not _boundary_after(paragraph, spans, before):
        upos, form = labels[before][0], lower[before]
        if upos == "ADP" or form in PREPOSITIONS:
            previous = before - 1
            while previous >= 0 and labels[previous][0] == "ADV":
                previous -= 1
            by_agent = form == "by" and previous >= 0 and labels[previous] == ("VERB", "Part") \
                and not lower[previous].endswith("ing")
            return AGENT if by_agent else NEITHER
        if upos == "VERB" and not (form in REPORTING and verb_follows):
            if form in ATTITUDE_VERBS and following + 1 < len(spans) and lower[following] == "to":
                return AGENT
            return PATIENT
    # a subject: the first verb after it decides
    i = head + 1
    if _boundary_after(paragraph, spans, head):  # skip ", officials say," or ", which ...,"
        j = i
        while j < len(spans) and not _boundary_after(paragraph, spans, j):
            j += 1
        if j + 1 < len(spans) and j - i < 12:
            i = j + 1
    elif i < len(spans) and lower[i] == "of":  # "elements of the organization launched"
        i = _np_end(labels, lower, i) + 1
    linking = passive_aux = False
    for k in range(i, min(len(spans), i + 8)):
        upos, verb_form = labels[k]
        if upos == "AUX" or (lower[k] in LINKING and upos == "VERB"):
            linking = linking or lower[k] in LINKING
            passive_aux = passive_aux or lower[k] in BE_GET
            if upos == "VERB" and k + 1 < len(spans) and labels[k + 1][0] in ("ADJ", "DET", "NOUN", "ADP", "PRON", "NUM"):
                return NEITHER  # "remains dangerous": a linking verb with its complement
            continue
        if upos == "VERB":
            if passive_aux and verb_form == "Part" and not lower[k].endswith("ing"):  # UD's Part covers -ing too
                return NEITHER if lower[k] in STATIVE_PARTICIPLES else PATIENT
            return AGENT
        if upos in ("ADV", "PART"):
            continue
        return NEITHER
    return NEITHER


def group_mentions(paragraph: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every label match of the group in a paragraph, in order."""
    from .framing import scan_paragraph

    names = group_label_names()
    return [(h[3], h[4], h[1]) for h in scan_paragraph(paragraph) if h[0] == LABEL and h[1] in names]


def group_sentences(paragraphs: list[str]):
    """(paragraph index, paragraph, sentence start, end, first mention) for every sentence of
    the body that mentions the group: the unit of the agency and tone-toward-the-group measures."""
    for index, paragraph in enumerate(paragraphs):
        mentions = group_mentions(paragraph)
        if not mentions:
            continue
        for start, end in paragraph_sentences(paragraph):
            inside = [m for m in mentions if start <= m[0] < end]
            if inside:
                yield index, paragraph, start, end, inside[0]


def agency_rows(file: str, paragraphs: list[str]) -> list[dict]:
    """One row per sentence that mentions the group: its first mention, the role, the sentence."""
    return [{"file": file, "paragraph": index, "start": start, "end": end,
             "mention": paragraph[first[0]:first[1]], "label": first[2],
             "role": role_in_sentence(paragraph, start, end, first[:2]),
             "sentence": " ".join(paragraph[start:end].split())}
            for index, paragraph, start, end, first in group_sentences(paragraphs)]


AGENCY_COLUMNS = ["file", "paragraph", "start", "end", "mention", "label", "role", "sentence"]


def agency_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """``agency_rows`` for every article, keyed by ``file``."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in agency_rows(f, list(p))]
    return pd.DataFrame(rows, columns=AGENCY_COLUMNS)


def agency_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Per article: sentences mentioning the group by role, and the agent share."""
    counts = table.pivot_table(index="file", columns="role", values="sentence", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=list(ROLES), fill_value=0)
    counts["sentences"] = counts.sum(axis=1)
    counts["agent_share"] = counts[AGENT] / counts["sentences"].where(counts["sentences"] > 0)
    return counts.reset_index()
