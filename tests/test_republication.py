"""Republication audit: pairs found by MinHash + LSH Ensemble, edits listed by category.

Republications are made here from the seed articles by known edits, applied by this file's own
code (regular expressions and word lists written for the test, not the module's rules), so the
module's findings are scored against edits it did not make: precision and recall per category
over several hundred generated edits with a fixed seed. Unrelated texts (the seeds against each
other, their words shuffled, a thousand Markov-chain articles) must give no pair.
"""

from __future__ import annotations

import pickle
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newscorpus.cleaning import clean_file
from newscorpus.measures import republication as rp
from newscorpus.measures.quotes import quote_spans
from newscorpus.measures.sentences import sentence_spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
RANDOM_SEED = 20
VARIANTS_PER_SEED = 30
EDITS_PER_VARIANT = 12
REQUIRED = 0.9  # precision and recall of the edits found, over all generated edits and per category

# The test's own word lists (the module reads labels.csv and the hedges lexicon instead).
NAMES = ["Islamic State", "ISIS", "ISIL", "IS", "Daesh"]
NAME_RE = re.compile(r"(?<![\w'’-])(?:Islamic State|ISIS|ISIL|IS|Daesh)(?![\w-])")
HEDGES = ["may", "might", "could", "would", "should", "likely", "possibly", "perhaps", "probably",
          "apparently", "largely", "mainly", "often", "usually", "generally", "almost", "mostly",
          "relatively", "somewhat", "seems", "appears", "suggests"]
HEDGE_RE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b", re.IGNORECASE)
INSERTED_HEDGES = ["possibly", "apparently", "perhaps", "probably"]
SOURCE_RE = re.compile(r"\b(?:said|says|told|tells|added|adds|according to)\b")
SOURCE_SENTENCES = ["A local official told reporters that the situation remained tense.",
                    "The ministry said the operation would continue."]
TITLE_RE = re.compile(r"\b(?:Prime Minister|President|Secretary|Minister|General|Sheikh|Colonel)(?= [A-Z])")
NEW_TITLE = {"Prime Minister": "Premier", "President": "Leader", "Secretary": "Chief",
             "Minister": "Secretary", "General": "Commander", "Sheikh": "Imam", "Colonel": "Major"}
GLOSSES = ["Arabic acronym for ISIS", "former", "the Iraqi capital", "July-August 2013"]
QUOTE_WORDS = ["grave", "certain", "large", "real", "fresh"]
WORDING = ["considerable", "notable", "fresh", "broad", "steady"]
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
BLOCKED_WORDS = set(HEDGES) | {"said", "says", "told", "added", "according", "about", "around"} | {
    w.lower() for t in NEW_TITLE for w in t.split()} | {"president", "minister", "secretary", "general", "commander",
                                                       "spokesman", "leader", "chief", "deputy", "head"}


@dataclass(frozen=True)
class Known:
    category: str
    start: int  # characters into the base's paragraphs joined by blank lines
    end: int


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[str]]:
    return {p.name: clean_file(p).paragraphs for p in sorted(SEEDS.glob("*.txt"))}


# --- making republications by known edits ----------------------------------------------------------

def _outside_quotes(paragraph: str, start: int, end: int) -> bool:
    """Neither inside a quotation nor inside an editor's square brackets."""
    spans = quote_spans(paragraph) + [m.span() for m in re.finditer(r"\[[^\]]*\]", paragraph)]
    return not any(s <= start and end <= e for s, e in spans)


def _narrative_words(paragraph: str, lower: bool = True):
    """Words of the outlet's own voice that are safe to edit: lower-case, not a name, hedge, report
    verb or title, with lower-case words on both sides (nothing that a title or a name would explain)."""
    found = list(WORD_RE.finditer(paragraph))
    for k in range(1, len(found) - 1):
        m = found[k]
        w = m.group(0)
        if (lower and not w.islower()) or len(w) < 4 or w.lower() in BLOCKED_WORDS:
            continue
        if not (found[k - 1].group(0).islower() and found[k + 1].group(0).islower()):
            continue
        if _outside_quotes(paragraph, m.start(), m.end()):
            yield m


# Each kind of edit lists its candidates in one paragraph of the base, as (category, start, end,
# replacement, known start, known end): the characters start..end of the paragraph become the
# replacement, and the known span is what a reader would point at (an insertion's is its point).

def rename(p):
    for m in NAME_RE.finditer(p):
        if _outside_quotes(p, m.start(), m.end()):
            for new in NAMES:
                if new != m.group(0):
                    yield "name", m.start(), m.end(), new, m.start(), m.end()


def drop_source(p):
    sentences = sentence_spans(p)
    if len(sentences) < 2:
        return
    for s, e in sentences:
        if SOURCE_RE.search(p, s, e):
            cut_end = e + len(p[e:]) - len(p[e:].lstrip())
            yield "source", s, cut_end, "", s, e


def add_source(p):
    for s, _ in sentence_spans(p):
        for sentence in SOURCE_SENTENCES:
            yield "source", s, s, sentence + " ", s, s


def drop_hedge(p):
    for m in HEDGE_RE.finditer(p):
        if _outside_quotes(p, m.start(), m.end()):
            end = m.end() + (1 if p[m.end():m.end() + 1] == " " else 0)
            yield "hedge", m.start(), end, "", m.start(), m.end()


def add_hedge(p):
    for m in _narrative_words(p):
        for hedge in INSERTED_HEDGES:
            yield "hedge", m.start(), m.start(), hedge + " ", m.start(), m.start()


def change_in_quotation(p):
    for s, e in quote_spans(p):
        for m in list(WORD_RE.finditer(p, s, e))[2:-2]:
            if m.group(0).islower() and len(m.group(0)) >= 3:
                for new in QUOTE_WORDS:
                    if new != m.group(0):
                        yield "quotation", m.start(), m.end(), new, m.start(), m.end()


def change_title(p):
    for m in TITLE_RE.finditer(p):
        if _outside_quotes(p, m.start(), m.end()):
            yield "title", m.start(), m.end(), NEW_TITLE[m.group(0)], m.start(), m.end()


def add_gloss(p):
    for m in _narrative_words(p, lower=False):
        for gloss in GLOSSES:
            yield "gloss", m.end(), m.end(), " [" + gloss + "]", m.end(), m.end()


def drop_clause(p):
    """A stretch from a comma to the next comma or the sentence's end, of 4 to 25 words, with no
    name, hedge or title in it (those edits are named for what they remove)."""
    comma = re.compile(r",(?=\s)")
    for s, e in sentence_spans(p):
        for c in comma.finditer(p, s, e):
            start = c.start()
            following = comma.search(p, start + 1, e)
            end = following.start() if following else start + len(p[start:e].rstrip(".!?”\"’' "))
            clause = p[start:end]
            found = list(WORD_RE.finditer(p, start, end))
            if 4 <= len(found) <= 25 and not NAME_RE.search(clause) and not HEDGE_RE.search(clause) \
                    and not TITLE_RE.search(clause) and _outside_quotes(p, start, end):
                yield "clause", start, end, "", found[0].start(), found[-1].end()


def change_wording(p):
    for m in _narrative_words(p):
        for new in WORDING:
            if new != m.group(0):
                yield "wording", m.start(), m.end(), new, m.start(), m.end()


PARAGRAPH_EDITS = [rename, drop_source, add_source, drop_hedge, add_hedge, change_in_quotation,
                   change_title, add_gloss, drop_clause, change_wording]
MARGIN = 12  # characters kept unchanged between two edits: closer ones are one edit to a reader


def make_republication(base: list[str], rng: random.Random, donor: list[str]) -> tuple[list[str], list[Known]]:
    """Apply EDITS_PER_VARIANT known edits to ``base`` (several may fall in one paragraph, none
    within MARGIN characters of another): edits inside paragraphs, a paragraph dropped, a
    paragraph from ``donor`` added."""
    text = "\n\n".join(base)
    offsets = np.cumsum([0] + [len(p) + 2 for p in base]).tolist()
    chosen: list[tuple[int, int, str, Known]] = []

    def free(start: int, end: int) -> bool:
        return all(end + MARGIN <= s or e + MARGIN <= start for s, e, _, _ in chosen)

    for kind in rng.choices(PARAGRAPH_EDITS + ["drop_paragraph", "add_paragraph"], k=EDITS_PER_VARIANT):
        if kind == "drop_paragraph":
            candidates = [("paragraph", offsets[i], offsets[i + 1], "", offsets[i], offsets[i] + len(base[i]))
                          for i in range(1, len(base))]
        elif kind == "add_paragraph":
            candidates = [("paragraph", offsets[i], offsets[i], rng.choice(donor) + "\n\n", offsets[i], offsets[i])
                          for i in range(1, len(base))]
        else:
            candidates = [(c, offsets[i] + s, offsets[i] + e, new, offsets[i] + ks, offsets[i] + ke)
                          for i, p in enumerate(base) for c, s, e, new, ks, ke in kind(p)]
        rng.shuffle(candidates)
        for category, s, e, new, ks, ke in candidates:
            if free(s, e):
                chosen.append((s, e, new, Known(category, ks, ke)))
                break
    for s, e, new, _ in sorted(chosen, key=lambda c: c[0], reverse=True):
        text = text[:s] + new + text[e:]
    return text.split("\n\n"), [k for _, _, _, k in chosen]


def _overlap(edit, known: Known) -> bool:
    return edit.base_start <= known.end and known.start <= edit.base_end


def score(found: pd.DataFrame, known: list[Known]) -> pd.DataFrame:
    """Per category: known edits, edits found, and how many of each match one of the other (same
    category, overlapping base spans; an insertion's span is its gap)."""
    rows = []
    edits = list(found.itertuples(index=False))
    for category in rp.CATEGORIES:
        k = [x for x in known if x.category == category]
        f = [e for e in edits if e.category == category]
        rows.append({"category": category, "known": len(k), "found": len(f),
                     "known_found": sum(any(_overlap(e, x) for e in f) for x in k),
                     "found_true": sum(any(_overlap(e, x) for x in k) for e in f)})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def generated(seeds):
    """VARIANTS_PER_SEED republications of every seed, with their known edits."""
    rng = random.Random(RANDOM_SEED)
    # Added paragraphs come from no seed, so that each republication has one source only (a
    # paragraph of another seed would make a real, if partial, overlap with it).
    donors = [text + "." for _, text in _markov_articles(seeds, 50, rng, (40, 120))]
    names = sorted(seeds)
    out = []
    for name in names:
        for v in range(VARIANTS_PER_SEED):
            paragraphs, known = make_republication(seeds[name], rng, donors)
            out.append((name, f"{name}~{v}", paragraphs, known))
    return out


# --- edits ---------------------------------------------------------------------------------------

def test_edits_found_by_category(seeds, generated):
    found, known = [], []
    for name, key, paragraphs, k in generated:
        edits = rp.list_edits(seeds[name], paragraphs, name, key)
        found.append(score(edits, k))
        known += k
    table = pd.concat(found).groupby("category", sort=False).sum().reset_index()
    table["recall"] = table.known_found / table.known
    table["precision"] = table.found_true / table.found
    total = table[["known", "found", "known_found", "found_true"]].sum()
    print("\n" + table.to_string(index=False))
    print(f"all: recall {total.known_found / total.known:.3f}, precision {total.found_true / total.found:.3f}, "
          f"{int(total.known)} known edits")
    assert total.known >= 500  # enough edits for the figures to mean something
    assert total.known_found / total.known >= REQUIRED
    assert total.found_true / total.found >= REQUIRED
    for row in table.itertuples():
        if row.known >= 20:  # every category the generator could make often enough
            assert row.recall >= REQUIRED, row
            assert row.precision >= REQUIRED, row


def test_ap_style_edits_are_named():
    """Edits of the kinds documented for the AP story and its Al-Ahed republication (ap_edits.csv),
    written afresh here: each is found, once, under its own category."""
    ap = ["Iraq prepares for a new fight against the Islamic State group after Mosul, officials say.",
          "US Defense Secretary Ash Carter said the coalition would keep up its support.",
          "\"We will face a different Islamic State,\" said Hisham al-Hashimi, an analyst.",
          "Stability can return if the border with Syria is secured and the government in Baghdad "
          "addresses longtime grievances of the Sunni minority.",
          "The militants may regroup in the desert, an officer told reporters."]
    edited = ["Iraq prepares for a new fight against Daesh [Arabic acronym for ISIS] after Mosul, officials say.",
              "US War Secretary Ash Carter said the coalition would keep up its support.",
              "\"We will face a different ISIS,\" said Hisham al-Hashimi, an analyst.",
              "Stability can return if the border with Syria is secured.",
              "The militants regroup in the desert, an officer told reporters."]
    edits = rp.list_edits(ap, edited)
    assert edits.category.tolist() == ["name", "gloss", "title", "quotation", "clause", "hedge"]
    assert edits.change.tolist() == ["replaced", "added", "replaced", "replaced", "removed", "removed"]
    first = edits.iloc[0]
    assert (first.before, first.after) == ("the Islamic State group", "Daesh")
    # spans point into the texts as joined by blank lines
    base_text, other_text = "\n\n".join(ap), "\n\n".join(edited)
    for row in edits.itertuples():
        assert base_text[row.base_start:row.base_end] == row.before or not row.before
        assert other_text[row.other_start:row.other_end] == row.after or not row.after


def test_source_sentence_and_paragraph(seeds):
    """A dropped sentence with a report verb is a source; a whole paragraph is a paragraph,
    wherever the aligner first put the run of identical words."""
    base = ["The army advanced on the town. The commander said the road was open. The army held it.",
            "A second paragraph on the siege of the town.", "A third paragraph."]
    other = ["The army advanced on the town. The army held it.", "A third paragraph."]
    edits = rp.list_edits(base, other)
    assert edits.category.tolist() == ["source", "paragraph"]
    assert edits.before.tolist() == ["The commander said the road was open", "A second paragraph on the siege of the town"]
    assert rp.list_edits(other, base).change.tolist() == ["added", "added"]
    assert rp.list_edits(base, base).empty


# --- pairs ---------------------------------------------------------------------------------------

def _shuffled(paragraphs: list[str], rng: random.Random) -> str:
    tokens = " ".join(paragraphs).split()
    rng.shuffle(tokens)
    return " ".join(tokens)


def _markov_articles(seeds: dict[str, list[str]], n: int, rng: random.Random,
                     length: tuple[int, int] = (400, 1200)) -> list[tuple[str, str]]:
    """``n`` texts of 400 to 1,200 words (``length``) from a word-bigram chain over all seeds: the
    seeds' vocabulary and local phrasing, but no story of theirs."""
    tokens = " ".join(p for ps in seeds.values() for p in ps).split()
    following: dict[str, list[str]] = {}
    for a, b in zip(tokens, tokens[1:]):
        following.setdefault(a, []).append(b)
    articles = []
    for i in range(n):
        word, out = rng.choice(tokens), []
        for _ in range(rng.randint(*length)):
            out.append(word)
            word = rng.choice(following.get(word) or tokens)
        articles.append((f"markov_{i:04d}", " ".join(out)))
    return articles


def test_pairs_found_and_no_unrelated_pair(seeds, generated):
    rng = random.Random(RANDOM_SEED)
    family = {name: name for name in seeds}
    texts = {name: "\n\n".join(ps) for name, ps in seeds.items()}
    for name, key, paragraphs, _ in generated[::3]:
        texts[key], family[key] = "\n\n".join(paragraphs), name
    for name, ps in seeds.items():
        half = ps[:max(1, len(ps) // 2)]  # a trimmed republication: the first half
        texts[f"{name}~half"], family[f"{name}~half"] = "\n\n".join(half), name
        texts[f"{name}~shuffled"], family[f"{name}~shuffled"] = _shuffled(ps, rng), f"{name}~shuffled"
    for key, text in _markov_articles(seeds, 200, rng):
        texts[key], family[key] = text, key
    sigs = [rp.article_signature(k, t) for k, t in texts.items()]
    pairs = rp.find_republications(sigs)
    found = {frozenset((r.base, r.other)) for r in pairs.itertuples()}
    keys = sorted(texts)
    expected = {frozenset((x, y)) for i, x in enumerate(keys) for y in keys[i + 1:] if family[x] == family[y]}
    assert found == expected
    assert pairs.containment.min() >= rp.CONTAINMENT_THRESHOLD
    # the trimmed copy is contained in its seed; the seed is the base, being longer
    half = pairs[pairs.other.str.endswith("~half") & ~pairs.base.str.contains("~")]
    assert len(half) == len(seeds) and (half.containment > 0.95).all()
    assert (half.base + "~half" == half.other).all()
    # deterministic and ordered
    again = rp.find_republications([rp.article_signature(k, texts[k]) for k in reversed(list(texts))])
    pd.testing.assert_frame_equal(pairs, again)
    assert list(pairs.itertuples(index=False)) == sorted(pairs.itertuples(index=False), key=lambda r: (r.base, r.other))


def test_unrelated_articles_share_almost_nothing(seeds):
    """The calibration's low end: the five seeds, all on ISIS in Iraq, overlap far below the threshold."""
    sigs = [rp.article_signature(k, "\n\n".join(ps)) for k, ps in seeds.items()]
    worst = max(rp.similarity(a, b)["containment"] for i, a in enumerate(sigs) for b in sigs[i + 1:])
    print(f"\nhighest containment between two seeds: {worst:.4f}")
    assert worst < rp.CONTAINMENT_THRESHOLD / 5
    assert rp.find_republications(sigs).empty


def test_published_date_picks_the_base(seeds):
    name = sorted(seeds)[0]
    ps = seeds[name]
    sigs = [rp.article_signature("long", "\n\n".join(ps)), rp.article_signature("short", "\n\n".join(ps[:-1]))]
    assert rp.find_republications(sigs).base.tolist() == ["long"]
    dated = rp.find_republications(sigs, published={"long": "2016-12-05", "short": "2016-12-01"})
    assert dated.base.tolist() == ["short"]


def test_signature_is_picklable_and_deterministic(seeds):
    text = "\n\n".join(next(iter(seeds.values())))
    sig = rp.article_signature("a", text)
    back = pickle.loads(pickle.dumps(sig))
    assert back.key == "a" and back.words == sig.words
    assert np.array_equal(back.shingles, sig.shingles)
    assert np.array_equal(back.minhash.hashvalues, rp.article_signature("a", text).minhash.hashvalues)
    # MinHash's estimate of a text against itself, and the exact score, are both 1
    assert back.minhash.jaccard(sig.minhash) == 1.0 and rp.similarity(sig, back)["jaccard"] == 1.0


def test_short_and_empty_texts():
    sigs = [rp.article_signature("empty", ""), rp.article_signature("short", "Three words only"),
            rp.article_signature("short2", "Three words only")]
    assert sigs[0].size == 0 and sigs[1].size == 1
    # identical but too short to be a republished story
    assert rp.find_republications(sigs).empty
    with pytest.raises(ValueError, match="share the key"):
        rp.candidate_pairs([sigs[1], sigs[1]])


def test_signature_speed(seeds):
    """Signatures of 1,000 synthetic articles: measured and printed, not asserted (a shared machine)."""
    articles = _markov_articles(seeds, 1000, random.Random(RANDOM_SEED))
    words = sum(len(t.split()) for _, t in articles)
    started = time.perf_counter()
    sigs = [rp.article_signature(k, t) for k, t in articles]
    signed = time.perf_counter() - started
    started = time.perf_counter()
    pairs = rp.find_republications(sigs)
    searched = time.perf_counter() - started
    print(f"\n1,000 articles ({words:,} words): signatures {signed:.2f} s, index + verify {searched:.2f} s, "
          f"{len(pairs)} pairs")
    assert pairs.empty


def test_edits_for_every_pair(seeds, generated):
    """The corpus step end to end: pairs found among seeds and republications, their edits listed
    with the base as base, and counted per category."""
    chosen = [g for g in generated if g[0] == sorted(seeds)[1]][:2]
    paragraphs = dict(seeds)
    for _, key, ps, _ in chosen:
        paragraphs[key] = ps
    sigs = [rp.article_signature(k, "\n\n".join(ps)) for k, ps in paragraphs.items()]
    pairs = rp.find_republications(sigs)
    assert len(pairs) == 3  # the seed with each republication, and the two republications
    edits = rp.republication_edits(pairs, paragraphs)
    assert list(edits.columns) == rp.EDIT_COLUMNS
    assert set(zip(edits.base, edits.other)) == set(zip(pairs.base, pairs.other))
    counts = rp.edit_counts(edits)
    assert list(counts.columns) == list(rp.CATEGORIES)
    assert counts.to_numpy().sum() == len(edits)
    seed_name = sorted(seeds)[1]
    for _, key, _, known in chosen:
        row = pairs[(pairs.base == seed_name) & (pairs.other == key)]
        if len(row):  # the seed is the base when it is the longer version
            assert len(edits[(edits.base == seed_name) & (edits.other == key)]) >= len(known) - 1
    assert rp.republication_edits(pairs.iloc[0:0], paragraphs).empty
