"""The attribution extractor scored on PolNeAR (Newell, Margolin & Ruths 2018), news nobody on
this project wrote.

PolNeAR annotates every attribution of 1,008 articles on the 2016 US election as source, cue and
content spans (BRAT stand-off, character offsets into the article's ``.txt``, paragraphs separated
by newlines). ``score`` reads the ``dev`` split of ``<data_dir>/polnear``: the rules were written
on ``train`` only, ``dev`` is only measured. Some articles carry two annotators' files
(``<stem>_<annotator>.ann``); the gold is the file whose annotator code sorts first, so every
article counts once and the choice does not depend on the extractor.

How a cue is matched, as the Gender Gap Tracker scores quotes (Asr et al. 2021, their
``evaluate_quotes.py``): for each gold attribution in turn, the unmatched extracted one whose cue
covers the largest share of the gold cue's tokens, if that share exceeds the threshold (0.3 or
0.8); one to one. Tokens are words and single punctuation marks (a colon can be a cue). Among the
cues matched at 0.3: the source counts as found when the extracted source span shares a token
with the gold source (the Tracker's speaker match; gold attributions without a source are left
out), and the content when the token Jaccard of the two content spans is at least 0.3.

Rows: numbers and ids only (article stem, outlet, gold and extracted indices, overlaps), never
text: PolNeAR states no licence.
"""

from __future__ import annotations

import math
import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from typing import Callable

import pandas as pd

DEFAULT_DATA_DIR = Path("/work/shared/evaluation")
THRESHOLDS = (0.3, 0.8)
CONTENT_JACCARD = 0.3
SPLIT = "dev"
TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
WORD = re.compile(r"\w+(?:['’]\w+)*")
# Verbs of saying (any inflection) and "according to": the cues the extractor must not miss.
# Written for this scorer from general English, independent of the extractor's cue list.
SPEECH_LEMMAS = ("say tell add ask write tweet state announce explain note claim argue insist declare "
                 "warn reply respond acknowledge admit deny comment remark report testify confirm recall "
                 "stress emphasize emphasise predict repeat complain contend assert").split()
ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass
class GoldAttribution:
    index: int                      # the E number of the .ann file
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Article:
    stem: str
    outlet: str
    text: str
    gold: list[GoldAttribution]


def _spans(field_: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in field_.split(";")]


def parse_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT file: each E line with its cue, source and content spans."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue  # a continuation line of a span text that holds a newline
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = _spans(offsets)
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append((int(parts[0][1:]), parts[1].split()))
    gold = []
    for number, roles in events:
        found: dict[str, list[tuple[int, int]]] = {"Cue": [], "Source": [], "Content": []}
        for role in roles[1:]:
            name, _, ref = role.partition(":")
            name = "Content" if name.startswith("Content") else name
            if name in found and ref in spans:
                found[name] += spans[ref]
        if found["Cue"]:
            gold.append(GoldAttribution(number, found["Cue"], found["Source"], found["Content"]))
    return gold


def load_split(data_dir: Path, split: str = SPLIT) -> list[Article]:
    """Every article of a PolNeAR split with its gold (the first annotator's file)."""
    root = Path(data_dir) / "polnear" / split
    if not (root / "text").is_dir():
        raise FileNotFoundError(f"{root / 'text'}: no PolNeAR {split} split here")
    files: dict[str, list[Path]] = {}
    for ann in (root / "attributions").glob("*.ann"):
        m = ANN_NAME.match(ann.name)
        if m:
            files.setdefault(m["stem"], []).append(ann)
    articles = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted(files.get(txt.stem, []))
        if not anns:
            continue
        articles.append(Article(txt.stem, txt.stem.split("_")[0], txt.read_text(encoding="utf-8"),
                                parse_ann(anns[0])))
    return articles


def paragraphs_of(text: str) -> tuple[list[str], list[int]]:
    """PolNeAR's paragraphs (lines) and the offset where each starts."""
    paragraphs, starts, cursor = [], [], 0
    for line in text.split("\n"):
        paragraphs.append(line)
        starts.append(cursor)
        cursor += len(line) + 1
    return paragraphs, starts


def extract_article(text: str) -> list[dict]:
    """The book's extractor on one PolNeAR article: records with cue, source and content spans
    as offsets into the whole text (-1 where a span is missing)."""
    from ..measures.attribution import attributions

    paragraphs, starts = paragraphs_of(text)
    out = []
    for record in attributions("polnear", paragraphs):
        base = starts[record["paragraph"]]
        spans = {}
        for part in ("cue", "source", "content"):
            s, e = record[f"{part}_start"], record[f"{part}_end"]
            spans[part] = [(base + s, base + e)] if s >= 0 and e > s else []
        out.append(spans)
    return out


class Tokens:
    """Token positions of one text, to turn character spans into token index sets."""

    def __init__(self, text: str):
        found = [m.span() for m in TOKEN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def of(self, spans: list[tuple[int, int]]) -> frozenset[int]:
        out: set[int] = set()
        for s, e in spans:
            # tokens that overlap [s, e)
            first = bisect_right(self.ends, s)
            last = bisect_left(self.starts, e)
            out.update(range(first, last))
        return frozenset(out)


def is_speech_cue(tokens: list[str]) -> bool:
    lowered = [t.lower() for t in tokens]
    if "according" in lowered:
        return True
    forms = _speech_forms()
    return any(t in forms for t in lowered)


_SPEECH_FORMS: set[str] = set()


def _speech_forms() -> set[str]:
    if not _SPEECH_FORMS:
        from ..measures.lexicons import inflections

        for lemma in SPEECH_LEMMAS:
            _SPEECH_FORMS.update(inflections(lemma))
    return _SPEECH_FORMS


def _match(gold_sets: list[frozenset], pred_sets: list[frozenset], threshold: float) -> dict[int, tuple[int, float]]:
    """gold index -> (extracted index, share of the gold cue covered), greedily, one to one."""
    free = set(range(len(pred_sets)))
    matched = {}
    for g, gold in enumerate(gold_sets):
        best, best_score = None, 0.0
        for p in free:
            if not gold:
                continue
            score = len(gold & pred_sets[p]) / len(gold)
            if score > threshold and score > best_score:
                best, best_score = p, score
        if best is not None:
            matched[g] = (best, best_score)
            free.discard(best)
    return matched


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else float("nan")


def wilson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    if n == 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    return p, r, f


def score_articles(articles: list[Article], extract: Callable[[str], list[dict]] = extract_article
                   ) -> tuple[pd.DataFrame, dict]:
    """Rows (one per gold attribution and per unmatched extracted one, at each threshold) and
    the summary; ``extract`` maps an article's text to records of cue/source/content spans."""
    extract("Warm-up: officials said the lists load once.")  # lexicons load outside the timing
    rows = []
    words = 0
    seconds = 0.0
    for article in articles:
        started = time.process_time()
        found = extract(article.text)
        seconds += time.process_time() - started
        words += len(WORD.findall(article.text))
        tokens = Tokens(article.text)
        gold_cues = [tokens.of(g.cue) for g in article.gold]
        pred_cues = [tokens.of(p["cue"]) for p in found]
        for threshold in THRESHOLDS:
            matched = _match(gold_cues, pred_cues, threshold)
            for g, gold in enumerate(article.gold):
                p, share = matched.get(g, (None, 0.0))
                row = {"article": article.stem, "outlet": article.outlet, "threshold": threshold,
                       "gold": gold.index, "pred": -1 if p is None else p, "outcome": "missed" if p is None else "match",
                       "cue_share": share,
                       "speech_cue": is_speech_cue([article.text[s:e] for s, e in (
                           (tokens.starts[i], tokens.ends[i]) for i in sorted(gold_cues[g]))]),
                       "has_gold_source": bool(gold.source), "source_overlap": float("nan"),
                       "content_jaccard": float("nan")}
                if p is not None:
                    if gold.source:
                        row["source_overlap"] = float(bool(tokens.of(gold.source) & tokens.of(found[p]["source"])))
                    if gold.content:
                        row["content_jaccard"] = _jaccard(tokens.of(gold.content), tokens.of(found[p]["content"]))
                rows.append(row)
            taken = {p for p, _ in matched.values()}
            for p in range(len(found)):
                if p not in taken:
                    rows.append({"article": article.stem, "outlet": article.outlet, "threshold": threshold,
                                 "gold": -1, "pred": p, "outcome": "spurious", "cue_share": 0.0,
                                 "speech_cue": False, "has_gold_source": False,
                                 "source_overlap": float("nan"), "content_jaccard": float("nan")})
    table = pd.DataFrame(rows)
    summary: dict = {"articles": len(articles), "words": words,
                     "gold_attributions": int(((table["threshold"] == THRESHOLDS[0]) & (table["gold"] >= 0)).sum())}
    for threshold in THRESHOLDS:
        t = table[table["threshold"] == threshold]
        tp, fp, fn = (int((t["outcome"] == o).sum()) for o in ("match", "spurious", "missed"))
        p, r, f = _prf(tp, fp, fn)
        tag = f"{threshold:.1f}".replace(".", "")
        summary.update({f"cue_precision_{tag}": p, f"cue_recall_{tag}": r, f"cue_f1_{tag}": f,
                        f"tp_{tag}": tp, f"fp_{tag}": fp, f"fn_{tag}": fn})
    t = table[table["threshold"] == THRESHOLDS[0]]
    speech = t[t["speech_cue"]]
    summary["speech_cues"] = len(speech)
    summary["speech_cue_recall"] = float((speech["outcome"] == "match").mean()) if len(speech) else float("nan")
    matched = t[t["outcome"] == "match"]
    with_source = matched[matched["has_gold_source"]]
    summary["source_overlap_rate"] = float(with_source["source_overlap"].mean()) if len(with_source) else float("nan")
    contents = matched["content_jaccard"].dropna()
    summary["content_match_rate"] = float((contents >= CONTENT_JACCARD).mean()) if len(contents) else float("nan")
    for outlet, group in t.groupby("outlet"):
        tp, fp, fn = (int((group["outcome"] == o).sum()) for o in ("match", "spurious", "missed"))
        p, r, _ = _prf(tp, fp, fn)
        summary[f"{outlet}_precision"] = p
        summary[f"{outlet}_precision_low"], summary[f"{outlet}_precision_high"] = wilson(tp, tp + fp)
        summary[f"{outlet}_recall"] = r
        summary[f"{outlet}_recall_low"], summary[f"{outlet}_recall_high"] = wilson(tp, tp + fn)
    # CPU time of this process (time.process_time), not wall time: on a shared machine wall time
    # counts the waits for a core as well
    summary["ms_per_1000_words"] = 1000 * seconds / words * 1000 if words else float("nan")
    return table, summary


def score(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[pd.DataFrame, dict]:
    """Per-item rows and summary figures of the extractor on PolNeAR's dev split."""
    return score_articles(load_split(Path(data_dir), SPLIT))
