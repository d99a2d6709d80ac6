"""Who is quoted or paraphrased, and how: a rule-based attribution extractor (no model).

Per sentence (the book's segmenter, ``sentences.sentence_spans``), in the outlet's narrative only (a verb inside a quotation is the
source's, not the outlet's), it finds:

- report verbs, from ``data/framing/report_verbs.csv`` expanded to their inflections with
  lemminflect. Speech verbs ("said", "warned") count when their content follows (that, a colon,
  a comma, a quotation, a nearby "that"), when they tag a quotation or a clause (", officials
  said."), or for say and tell, always. Cognition verbs ("believe", "estimate") count only with a
  that-clause. Evidence verbs ("data show", "this indicates") never count: they fire falsely as
  speech. Passives ("is believed to") have no source and do not count.
- sourcing formulas: "according to X", "in the opinion of X", "there is information that", where
  X names a source (a name, a person noun, an institution or a document), not "according to plan".

The speaker is the noun phrase before the verb, the one after it when the verb follows a
quotation ("... ," said Hanna), the name in an appositive ("Rasool, spokesman for ..., said"),
the previous source for a coordinated verb ("and stressed that"), and the previous source in the
article for a pronoun. Each source is classified as named, unnamed or institution, and by kind
from the cues in ``data/framing/source_cues.csv``.
"""

from __future__ import annotations

import io
import math
import re
from functools import lru_cache
from statistics import NormalDist

import pandas as pd

from .lexicons import inflections, read_csv
from .quotes import NARRATIVE, WORD, voices_of
from .sentences import sentence_spans

KIND_ORDER = ("the_group", "media", "analysts", "united_states", "iraqi_government", "other")
COLUMNS = ["file", "paragraph", "speaker", "as_written", "source_type", "kind", "verb", "verb_class",
           "mode", "text"]

CONJUNCTIONS = {"and", "but", "while", "as", "so", "yet", "then"}
SKIPPED_BEFORE_VERB = {"keep", "keeps", "kept", "also", "quietly", "specifically", "still", "had",
                       "has", "have", "would", "will", "did", "do", "does", "not", "can", "could",
                       "may", "might", "then", "further", "previously", "again", "repeatedly"}
NOT_A_SUBJECT_END = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
                     "to", "of", "for", "in", "on", "at", "by", "with", "from", "which", "who",
                     "there", "were", "was", "is", "are"}
FIRST_PERSON = {"we", "We", "I", "us", "our", "Our"}  # case-sensitive: "US" is a country
PARTICLES = re.compile(r"^(?:al|el|bin|ibn|abu|abd)-|^(?:bin|ibn|al|el|de|van|von)$")
MAX_SUBJECT_WORDS = 14

PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:now|also|still|not|widely|often|"
                     r"generally|[a-z]+ly)\s+)?$", re.IGNORECASE)
QUOTE_JUST_BEFORE = re.compile(r"(?:[”\"]\s*[,.]?|[,.]\s*[”\"])\s*$")
CONTENT_AFTER = re.compile(r"^\s*(?:,|:|that\b|[“\"”]|[.;]|$)")
THAT_NEARBY = re.compile(r"^(?:\s+[^\s,.;:]+){0,6}?,?\s+that\b")
THAT_NEXT = re.compile(r"^\s*,?\s*that\b")
OF_NEXT = re.compile(r"^\s+of\b")
BOUNDARY = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
FORMULA_GATE = re.compile(r"ccording|opinion|view|there", re.IGNORECASE)  # skip the slow regex
FORMULA = re.compile(
    r"\b(?P<formula>according to|in the opinion of|in the view of)\s+(?P<np>[^,.;:“”\"()\[\]—–-]+)"
    r"|\b(?P<there>there (?:is|are|was|were) (?P<what>information|reports?)) that\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def verb_table() -> dict[str, tuple[str, str, str]]:
    """Inflected form -> (lemma, class, particle) for every report verb."""
    forms: dict[str, tuple[str, str, str]] = {}
    for row in read_csv("framing", "report_verbs.csv"):
        for form in inflections(row["lemma"]):
            forms.setdefault(form, (row["lemma"], row["class"], row["particle"]))
    return forms


def report_verbs(paragraph: str, start: int, end: int):
    """(start, end, lemma, class) of each report verb in paragraph[start:end]: a dictionary look-up
    per word, much faster than one regex with hundreds of alternatives (a speed goal)."""
    forms = verb_table()
    words = list(WORD.finditer(paragraph, start, end))
    for i, m in enumerate(words):
        found = forms.get(m.group(0).lower())
        if not found:
            continue
        lemma, verb_class, particle = found
        stop = m.end()
        if particle:
            if i + 1 >= len(words) or words[i + 1].group(0).lower() != particle:
                continue
            lemma, stop = f"{lemma} {particle}", words[i + 1].end()
        yield m.start(), stop, lemma, verb_class


@lru_cache(maxsize=1)
def source_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {}
    for row in read_csv("framing", "source_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["cue"])
    return cues


@lru_cache(maxsize=1)
def _kind_patterns() -> list[tuple[str, re.Pattern]]:
    cues = source_cues()
    return [
        (kind, re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues.get(f"kind:{kind}", ()))) + r")\b"))
        for kind in KIND_ORDER if cues.get(f"kind:{kind}")
    ]


def _words(text: str) -> list[str]:
    return text.split()


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _name_tokens(text: str) -> list[str]:
    """Capitalised words that are not titles, determiners, states or institutions."""
    cues = source_cues()
    not_names = cues.get("title", set()) | cues.get("institution", set()) | cues.get("person", set())
    not_names_lower = {w.lower() for w in cues.get("institution", set()) | cues.get("person", set())}
    return [w for w in WORD.findall(text) if w[0].isupper() and w not in not_names and w.lower() not in not_names_lower]


def name_like(chunk: str) -> bool:
    """A short chunk made of capitalised words and name particles: "Abu Mohammad al-Adnani"."""
    words = chunk.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() or PARTICLES.match(w) for w in words) and bool(_name_tokens(chunk))


def source_type(speaker: str, sentence: str = "") -> str:
    """named, unnamed, institution, or unknown (an unresolved pronoun)."""
    cues = source_cues()
    words = _lower_words(speaker)
    if any(c in sentence.lower() for c in cues.get("anonymous", ())):
        return "unnamed"
    person = bool(words & {c.lower() for c in cues.get("person", ())})
    names = _name_tokens(speaker)
    if person and not names:
        return "unnamed"
    if words & {c.lower() for c in cues.get("institution", ())}:
        return "institution"
    if names:
        return "named" if not (words & {c.lower() for c in cues.get("person", ())}) else "unnamed"
    return "unnamed" if person else "unknown"


def source_kind(text: str) -> str:
    """The first kind whose cue occurs in the source and its description, or unknown."""
    lowered = text.lower()
    for kind, pattern in _kind_patterns():
        if pattern.search(lowered):
            return kind
    return "unknown"


def _clean_subject(chunk: str) -> str:
    words = chunk.split()
    while words and words[0].lower() in CONJUNCTIONS | {"that", "which", "who", "in", "of"}:
        words.pop(0)
    while words and (words[-1].lower() in SKIPPED_BEFORE_VERB or (words[-1].lower().endswith("ly") and len(words) > 1)):
        words.pop()
    return " ".join(words)


def _subject_before(left: str) -> tuple[str, str, bool]:
    """(speaker, description, coordinated) from the text before a verb in its sentence."""
    chunks = BOUNDARY.split(left)
    last = chunks[-1].strip()
    coordinated = last.lower() in CONJUNCTIONS
    subject = _clean_subject(last)
    if subject:
        return subject, "", False
    if coordinated:
        return "", "", True
    # "Name, description, said" or "description, Name, said": the nearest name-like chunk.
    earlier = [c.strip() for c in chunks[:-1]]
    for back in range(1, min(4, len(earlier)) + 1):
        chunk = earlier[-back]
        if name_like(chunk):
            description = " ".join(earlier[-back - 1:-back] + earlier[len(earlier) - back + 1:])
            return chunk, description, False
    return "", "", False


def _subject_after(right: str) -> tuple[str, str]:
    """(speaker, description) after an inverted verb: '..." said Hanna, an analyst.'"""
    text = right.strip().rstrip(".")
    speaker, _, description = text.partition(",")
    return _clean_subject(speaker), description.strip()


def _acceptable_subject(subject: str) -> bool:
    words = subject.split()
    return (
        0 < len(words) <= MAX_SUBJECT_WORDS
        and words[-1].lower() not in NOT_A_SUBJECT_END
        and not (set(WORD.findall(subject)) & FIRST_PERSON)
    )


def _is_direct(quote_words: list[tuple[int, int, int]], start: int, end: int) -> bool:
    """A quotation of at least three words (not a scare quote) overlaps the sentence."""
    return any(min(e, end) > max(s, start) and n >= 3 for s, e, n in quote_words)


def attributions(file: str, paragraphs: list[str]) -> list[dict]:
    """Every attribution in one article, one dict per attribution (columns ``COLUMNS``)."""
    # framing.csv counts the same attributions that attributions.csv lists: the last few
    # articles' results are kept, so the pipeline extracts them once per article (fresh copies,
    # so a caller may change its rows).
    return [dict(row) for row in _article_attributions(file, tuple(paragraphs))]


@lru_cache(maxsize=4)
def _article_attributions(file: str, paragraphs: tuple[str, ...]) -> tuple[dict, ...]:
    found: list[dict] = []
    for number, paragraph in enumerate(paragraphs):
        voices = voices_of(paragraph)
        quote_words = [(s, e, len(WORD.findall(paragraph[s:e]))) for s, e in voices.quotes]
        for start, end in sentence_spans(paragraph):
            sentence = paragraph[start:end]
            direct = _is_direct(quote_words, start, end)
            candidates = []
            for v_start, v_end, lemma, verb_class in report_verbs(paragraph, start, end):
                if verb_class == "evidence" or voices.at(v_start) != NARRATIVE:
                    continue
                if paragraph[v_start].isupper() and paragraph[start:v_start].strip():
                    continue  # a capitalised word mid-sentence is a name ("the Report"), not a verb
                left, right = paragraph[start:v_start], paragraph[v_end:end]
                if PASSIVE.search(left):
                    continue
                if QUOTE_JUST_BEFORE.search(left) and verb_class == "speech":
                    speaker, description = _subject_after(right)
                    coordinated = False
                else:
                    if verb_class == "cognition":
                        ok = bool(THAT_NEXT.match(right))
                    else:
                        ok = (
                            lemma in ("say", "tell")
                            or bool(CONTENT_AFTER.match(right) or THAT_NEARBY.match(right))
                            or (lemma == "warn" and bool(OF_NEXT.match(right)))
                            or any(start <= s < v_start for s, _ in voices.quotes)
                        )
                    if not ok:
                        continue
                    speaker, description, coordinated = _subject_before(left)
                candidates.append((v_start, lemma, verb_class, speaker, description, coordinated))
            for m in (FORMULA.finditer(paragraph, start, end) if FORMULA_GATE.search(sentence) else ()):
                if voices.at(m.start()) != NARRATIVE:
                    continue
                if m.group("formula"):
                    np_ = _clean_subject(m.group("np").strip())
                    words = _lower_words(np_)
                    cues = source_cues()
                    sourcey = words & {c.lower() for c in cues.get("institution", set()) | cues.get("person", set())}
                    if not (sourcey or _name_tokens(np_)):
                        continue
                    candidates.append((m.start(), m.group("formula").lower(), "formula", np_, "", False))
                else:
                    candidates.append((m.start(), "there is information that", "formula", m.group("what"), "", False))
            for position, lemma, verb_class, speaker, description, coordinated in sorted(candidates):
                as_written = speaker
                previous_here = [a for a in found if a["paragraph"] == number and a["_start"] >= start]
                if coordinated:
                    if not previous_here:
                        continue
                    as_written, resolved, kind, kind_text = "(and)", previous_here[-1]["speaker"], previous_here[-1]["kind"], ""
                    stype = previous_here[-1]["source_type"]
                else:
                    if not _acceptable_subject(speaker) and speaker.lower() not in ("he", "she", "they", "it"):
                        continue
                    resolved, stype, kind = _resolve(speaker, description, sentence, paragraph[start:position], found)
                found.append({
                    "file": file, "paragraph": number, "speaker": resolved, "as_written": as_written,
                    "source_type": stype, "kind": kind, "verb": lemma, "verb_class": verb_class,
                    "mode": "direct" if direct else "reported", "text": sentence.strip(), "_start": position,
                })
    for row in found:
        row.pop("_start")
    return tuple(found)


def _resolve(speaker: str, description: str, sentence: str, left: str, found: list[dict]) -> tuple[str, str, str]:
    """(speaker, source_type, kind): pronouns and bare "the officials" take the previous source."""
    pronoun = speaker.lower()
    if pronoun == "it":
        # "In a report published in X magazine, it said": the document named earlier in the sentence.
        for chunk in reversed(BOUNDARY.split(left)[:-1]):
            chunk = _clean_subject(chunk.strip())
            if _lower_words(chunk) & {c.lower() for c in source_cues().get("institution", ())}:
                return chunk, "institution", source_kind(chunk)
        earlier = [a for a in found if a["source_type"] == "institution"]
    elif pronoun in ("he", "she"):
        earlier = [a for a in found if a["source_type"] in ("named", "unnamed") and a["verb_class"] != "formula"
                   and not a["speaker"].lower().endswith("s")]
    elif pronoun == "they":
        earlier = [a for a in found if a["source_type"] != "unknown"]
    else:
        stype = source_type(speaker, sentence)
        kind = source_kind(f"{speaker} {description}")
        if kind == "unknown":  # "the officials": the kind of the last source with the same head noun
            head = speaker.split()[-1].lower()
            same = [a for a in found if a["speaker"].split() and a["speaker"].split()[-1].lower() == head]
            if same:
                kind = same[-1]["kind"]
        return speaker, stype, kind
    if not earlier:
        return speaker, "unknown", "unknown"
    return earlier[-1]["speaker"], earlier[-1]["source_type"], earlier[-1]["kind"]


def gold_attributions(directory=None) -> pd.DataFrame:
    """The hand annotation, ``tests/evaluation/attributions_gold.csv``."""
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
