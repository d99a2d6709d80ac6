"""Framing: how each article names the group, whom it quotes, which loaded or stance words it
uses, its tone and the actors it mentions, split by voice (the outlet's narrative, quoted text,
an editor's bracketed gloss).

``framing_row(file, paragraphs)`` is the pure per-article function (one row of ``framing.csv``);
``framing_hits`` and ``attributions`` return the evidence behind it. The per-article work is one
Aho-Corasick pass per paragraph for labels, actors and lexicons, one regex pass for report verbs,
and VADER per sentence. ``framing_table`` maps it over the corpus; ``framing_profile`` is the
corpus-level step (rates), reading only the per-article counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import pandas as pd

from . import attribution, lexicons, tone
from .lexicons import ACTOR, LABEL, LEXICON
from ..layer.words import words as layer_words
from .quotes import GLOSS, NARRATIVE, QUOTED, SPEECH, VOICES, quote_kinds, voices_of

HIT_COLUMNS = ["file", "paragraph", "family", "name", "lemma", "voice", "start", "end", "match"]
SOURCE_TYPES = ("named", "unnamed", "institution", "unknown")


def slug(name: str) -> str:
    """A column-name form of a label, actor or lexicon: "the organization" -> "the_organization"."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def _longest_first(hits: list[tuple]) -> list[tuple]:
    """Within one family, overlapping matches keep the longest ("Iraqi security forces", not also
    "security forces"); labels are exempt: "terrorist ISIS" is also an "ISIS"."""
    kept, taken_until = [], -1
    for hit in sorted(hits, key=lambda h: (h[3], -(h[4] - h[3]))):
        if hit[3] >= taken_until:
            kept.append(hit)
            taken_until = hit[4]
    return kept


def _members_outside_other_labels(labels: list[tuple]) -> list[tuple]:
    """Label hits without the member nouns that lie inside another label's match: the "terrorist"
    of "terrorist organization" is counted once, as that descriptor."""
    members = lexicons.member_noun_labels()

    def inside_another(hit: tuple) -> bool:
        return any(o[3] <= hit[3] and hit[4] <= o[4] and (o[3], o[4]) != (hit[3], hit[4]) for o in labels)

    return [h for h in labels if h[1] not in members or not inside_another(h)]


def scan_paragraph(paragraph: str) -> list[tuple]:
    """(family, name, lemma, start, end, voice) for every label, actor and lexicon entry found,
    in one pass of the automaton over the paragraph."""
    text = lexicons.lowered(paragraph)
    length_of_text = len(text)
    voices = voices_of(paragraph)
    by_family: dict[str, list[tuple]] = {LABEL: [], ACTOR: [], LEXICON: []}
    # Each entry's checks were worked out when the automaton was built (``scan_automaton``): an
    # entry with none (most matches) is appended without a call, and the word-edge test is
    # written out here; the checks run in the order they always did (a speed goal).
    for end_index, (length, found, plain) in lexicons.scan_automaton().iter(text):
        end = end_index + 1
        start = end - length
        if (start and text[start - 1].isalnum()) or (end < length_of_text and text[end].isalnum()):
            continue  # not a whole word
        if plain is not None:  # no entry of this form has a check (most matches): kept as they are
            for family, name, lemma in plain:
                by_family[family].append((family, name, lemma, start, end))
            continue
        for family, name, lemma, form, checks in found:
            if checks:
                if checks & lexicons.CHECK_CASE and paragraph[start:end] != form:
                    continue
                if checks & lexicons.CHECK_CAPITALS and lexicons.written_in_capitals(paragraph, start, end):
                    continue  # "THIS IS NOT OK": in a line of capitals, "IS" is the verb as often as the name
                if checks & lexicons.CHECK_HEDGE and not lexicons.counts_as_hedge(lemma, paragraph, end):
                    continue  # "questions about the strength": a preposition, not an approximator
                if checks & lexicons.CHECK_POS and not lexicons.has_meant_pos(name, lemma, paragraph, start, end):
                    continue  # "in May", "a single state", "certain areas": not what the list means
                if checks & lexicons.CHECK_MEMBER and not lexicons.counts_as_member_noun(form, paragraph, end):
                    continue  # "terrorist attacks": an adjective, not a noun for the group's members
            by_family[family].append((family, name, lemma, start, end))
    by_family[LABEL] = _members_outside_other_labels(by_family[LABEL])
    if by_family[ACTOR]:  # "US Foreign Policy magazine" is not the US
        titles = attribution.publication_spans(paragraph)
        if titles:  # most paragraphs name no publication: nothing to drop (a speed goal)
            by_family[ACTOR] = [h for h in by_family[ACTOR] if not any(s <= h[3] < e for s, e in titles)]
    names = [(h[3], h[4]) for h in by_family[LABEL] if h[1] in lexicons.name_labels()]
    if names:
        # a word that starts before the first name or ends after the last lies inside none: only
        # the others are compared with each name (a speed goal; the same words are kept)
        first, last = min(s for s, _ in names), max(e for _, e in names)
        words = [h for h in by_family[LEXICON]
                 if h[3] < first or h[4] > last or not any(s <= h[3] and h[4] <= e for s, e in names)]
    else:
        words = by_family[LEXICON]
    hits = by_family[LABEL] + _longest_first(by_family[ACTOR]) + _longest_first(words)
    if voices.all_narrative:
        return [(*h, NARRATIVE) for h in sorted(hits, key=lambda h: (h[3], h[4]))]
    return [(*h, voices.at(h[3])) for h in sorted(hits, key=lambda h: (h[3], h[4]))]


def words_by_voice(paragraph: str) -> dict[str, int]:
    """The paragraph's words (the book's one definition, :mod:`newscorpus.layer.words`) by the
    voice each starts in: narrative, quoted or gloss."""
    voices = voices_of(paragraph)
    counts = dict.fromkeys(VOICES, 0)
    found = layer_words(paragraph)
    if voices.all_narrative:  # most paragraphs: no voice to look up word by word (a speed goal)
        counts[NARRATIVE] = len(found)
        return counts
    # The words that start inside each span, by binary search, rather than the voice of every
    # word looked up (a speed goal): a gloss wins over a quotation, as in ``Voices.at``; the
    # spans of each kind are ordered and do not overlap.
    def inside(spans: list[tuple[int, int]]) -> set[int]:
        indices: set[int] = set()
        for s, e in spans:
            indices.update(range(bisect_left(found, s, key=_start), bisect_left(found, e, key=_start)))
        return indices

    gloss = inside(voices.glosses)
    quoted = inside(voices.quotes) - gloss
    counts[GLOSS], counts[QUOTED] = len(gloss), len(quoted)
    counts[NARRATIVE] = len(found) - len(gloss) - len(quoted)
    return counts


def _start(word: tuple) -> int:
    return word[0]


def framing_hits(file: str, paragraphs: list[str]) -> list[dict]:
    """Evidence: every label, actor and lexicon match of one article with its voice and offsets."""
    return [
        dict(zip(HIT_COLUMNS, (file, i, family, name, lemma, voice, start, end, p[start:end])))
        for i, p in enumerate(paragraphs)
        for family, name, lemma, start, end, voice in scan_paragraph(p)
    ]


@lru_cache(maxsize=1)
def _row_names() -> tuple[tuple, tuple, tuple]:
    """Every count column's name, in the row's order, with what it counts: labels (label, its
    columns by voice, its rate's column), lexicons (name, narrative, quoted and rate columns) and
    actors (actor, total column, columns by voice). Read and formatted once per process, not
    per article (a speed goal)."""
    labels = tuple((label, tuple((v, f"label_{slug(label)}_{v}") for v in VOICES), f"label_{slug(label)}_per_1000")
                   for label in lexicons.label_names())
    lexicon_columns = tuple((name, f"lex_{name}_narrative", f"lex_{name}_quoted", f"lex_{name}_narrative_per_1000")
                            for name in lexicons.LEXICON_ORDER)
    actors = tuple((actor, f"actor_{slug(actor)}", tuple((v, f"actor_{slug(actor)}_{v}") for v in VOICES))
                   for actor in lexicons.actor_names())
    return labels, lexicon_columns, actors


def framing_row(file: str, paragraphs: list[str]) -> dict:
    """One row of ``framing.csv``: counts by voice and rates per 1,000 words for every label and
    lexicon, actor mentions (all voices, then by voice), sources by type, quotations, and mean
    VADER compound."""
    words = dict.fromkeys(VOICES, 0)
    counts: dict[tuple[str, str, str], int] = {}
    quotations = said = 0
    attributed = attribution.attributions(file, paragraphs)
    # each paragraph's attribution contents, in the attributions' order, gathered in one pass
    # rather than all attributions filtered for every paragraph (a speed goal: long articles)
    contents_of: dict[int, list[tuple[int, int]]] = {}
    for a in attributed:
        contents_of.setdefault(a["paragraph"], []).append((a["content_start"], a["content_end"]))
    for number, p in enumerate(paragraphs):
        for voice, n in words_by_voice(p).items():
            words[voice] += n
        # a quotation is someone's words (inside an attribution's content), not a name or a title
        contents = contents_of.get(number, [])
        quotations += sum(kind == SPEECH for _s, _e, kind in quote_kinds(p, contents))
        for family, name, lemma, _s, _e, voice in scan_paragraph(p):
            counts[family, name, voice] = counts.get((family, name, voice), 0) + 1
            if name == "assertives" and lemma == "say" and voice == NARRATIVE:
                said += 1
    total_words = sum(words.values())
    row: dict = {"file": file, "words": total_words, **{f"words_{v}": words[v] for v in VOICES}}

    def per_1000(n: int, denominator: int) -> float:
        return 1000 * n / denominator if denominator else float("nan")

    labels, lexicon_columns, actors = _row_names()
    get = counts.get
    for label, by_voice, rate in labels:
        found = 0
        for v, column in by_voice:
            row[column] = n = get((LABEL, label, v), 0)
            found += n
        row[rate] = per_1000(found, total_words)
    for name, narrative_column, quoted_column, rate in lexicon_columns:
        narrative, quoted = get((LEXICON, name, NARRATIVE), 0), get((LEXICON, name, QUOTED), 0)
        row[narrative_column], row[quoted_column] = narrative, quoted
        row[rate] = per_1000(narrative, words[NARRATIVE])
    row["lex_assertives_say_narrative"] = said  # "say" is on Hooper's assertive list: shown apart
    for actor, total_column, by_voice in actors:
        found = [get((ACTOR, actor, v), 0) for v, _ in by_voice]
        row[total_column] = sum(found)
        for (_v, column), n in zip(by_voice, found):
            row[column] = n
    row.update({f"sources_{t}": sum(a["source_type"] == t for a in attributed) for t in SOURCE_TYPES})
    row["attributions"] = len(attributed)
    row["attributions_direct"] = sum(a["mode"] == "direct" for a in attributed)
    row["quotations"] = quotations
    row["vader_compound_mean"], row["sentences"] = tone.mean_compound(paragraphs)
    return row


def _paragraph_frames(cleaned: pd.DataFrame):
    return zip(cleaned["file"], cleaned["paragraphs"])


def framing_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """``framing_row`` for every article, keyed by ``file``."""
    return pd.DataFrame([framing_row(f, list(p)) for f, p in _paragraph_frames(cleaned)])


def hits_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([h for f, p in _paragraph_frames(cleaned) for h in framing_hits(f, list(p))],
                        columns=HIT_COLUMNS)


def attributions_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """One row per attribution: file, paragraph, speaker, kind, verb, mode (direct or reported), text."""
    return pd.DataFrame([a for f, p in _paragraph_frames(cleaned) for a in attribution.attributions(f, list(p))],
                        columns=attribution.COLUMNS)


def label_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Long form of the label columns of ``framing_table``: file, label, narrative, quoted, gloss."""
    rows = []
    for row in table.to_dict("records"):
        for label in lexicons.label_names():
            counts = {v: row[f"label_{slug(label)}_{v}"] for v in VOICES}
            rows.append({"file": row["file"], "label": label, **counts})
    return pd.DataFrame(rows, columns=["file", "label", *VOICES])


def profile_measures() -> dict[str, tuple[list[str], str]]:
    """heading -> (count columns of framing.csv, denominator column). Names, descriptors and
    member nouns count the outlet's narrative only, per 1,000 narrative words: the framing
    chapter's point is the outlet's own choice against what it quotes, which has its own column."""
    members = [label for label in lexicons.label_names() if label in lexicons.member_noun_labels()]

    def narrative(labels):
        return [f"label_{slug(label)}_narrative" for label in labels]

    return {
        "ISIS / ISIL / IS": (narrative(["ISIS", "ISIL", "IS"]), "words_narrative"),
        "Islamic State": (narrative(["Islamic State"]), "words_narrative"),
        "Daesh": (narrative(["Daesh"]), "words_narrative"),
        "the organization / the group": (narrative(["the organization", "the group"]), "words_narrative"),
        "member nouns": (narrative(members), "words_narrative"),
        "hedges": (["lex_hedges_narrative"], "words_narrative"),
        # "say" is a report verb in news: left out here as in the stance table
        "factives + assertives (without say)": (["lex_factives_narrative", "lex_assertives_narrative",
                                                 "-lex_assertives_say_narrative"], "words_narrative"),
        "attributions": (["attributions"], "words"),
        "unnamed sources": (["sources_unnamed"], "words"),
        "quoted words": (["words_quoted"], "words"),
    }


def framing_profile(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus-level step over per-article counts: (counts, rates per 1,000 words of each
    measure's denominator), indexed by file, one column per measure. Per-article counts only, so
    it scales; no standardisation against the other articles (a z-score among five hand-picked
    texts says where a text stands among them, not how far it is from anything)."""
    counts, rates = {}, {}
    for heading, (columns, denominator) in profile_measures().items():
        total = pd.Series(0, index=table.index, dtype=float)
        for column in columns:
            total = total - table[column[1:]] if column.startswith("-") else total + table[column]
        counts[heading] = total
        rates[heading] = 1000 * total / table[denominator].where(table[denominator] > 0)
    counts, rates = pd.DataFrame(counts), pd.DataFrame(rates).fillna(0.0)
    counts.index = rates.index = table["file"]
    return counts.astype(int), rates


def lexicon_drivers(hits: pd.DataFrame, lexicon: str, top: int = 8) -> pd.DataFrame:
    """The lemmas behind a lexicon's counts, per file: lemma, count, share of the lexicon's hits."""
    found = hits[(hits["family"] == LEXICON) & (hits["name"] == lexicon)]
    table = found.groupby(["file", "lemma"]).size().rename("count").reset_index()
    table["share"] = table["count"] / table.groupby("file")["count"].transform("sum")
    return table.sort_values(["file", "count", "lemma"], ascending=[True, False, True]).groupby("file").head(top)


def stance_table(table: pd.DataFrame) -> pd.DataFrame:
    """Epistemic stance, narrative only: hedges against factives and assertives (boosters)."""
    out = pd.DataFrame({
        "file": table["file"],
        "hedges": table["lex_hedges_narrative"],
        "boosters": table["lex_factives_narrative"] + table["lex_assertives_narrative"],
        "of_which_say": table["lex_assertives_say_narrative"],
        "narrative_words": table["words_narrative"],
    })
    out["boosters_without_say"] = out["boosters"] - out["of_which_say"]
    out["hedges_per_1000"] = 1000 * out["hedges"] / out["narrative_words"]
    out["boosters_per_1000"] = 1000 * out["boosters"] / out["narrative_words"]
    out["boosters_without_say_per_1000"] = 1000 * out["boosters_without_say"] / out["narrative_words"]
    out["hedge_share"] = out["hedges"] / (out["hedges"] + out["boosters_without_say"])
    return out


def framing_csv(table: pd.DataFrame) -> pd.DataFrame:
    """``framing.csv``: the per-article table, ``file`` first (all counts, rates and tone)."""
    return table[["file"] + [c for c in table.columns if c != "file"]]
