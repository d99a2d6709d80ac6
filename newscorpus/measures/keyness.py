"""Keyness: the words that set one article apart from the others.

Each article is compared with the rest of the corpus pooled, from a count table alone (``file``,
``term``, ``count``: one row per article and term), so the statistic knows nothing of how words
were counted and runs unchanged on counts mapped over many articles. The counts are the framing
chapter's terms (``log_odds.word_counts``), so keyness and the log-odds lists read the same keys.

Per word, beside the raw counts:

* the **log ratio** (Hardie 2014), an effect size: log2 of (share of the article's words) / (share
  of the rest's words); 1 means twice as frequent in the article. A zero count is taken as 0.5 so
  the ratio stays finite (Hardie's convention);
* its **confidence interval**, from the usual standard error of a log rate ratio,
  sqrt(1/a + 1/b) for counts a and b (zeros as 0.5). Words are ranked by the interval's **lower
  bound**: a word seen four times here and never elsewhere has a large ratio but a wide interval,
  so it no longer ties at the top with every other such word, while a word used 32 times against
  8 keeps a high bound;
* **log-likelihood G²** (Dunning 1993; Rayson and Garside 2000), the significance filter:
  2 × Σ observed × ln(observed / expected). 6.63 is p < 0.01 for one test.

A word is *key* when it occurs at least ``MIN_FREQ`` times in the article, its interval lies wholly
above 0 (more frequent in the article, beyond the noise of the counts), and G² passes the threshold.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import pandas as pd

from ..cleaning.cleaned import MIN_ARTICLES_FOR_REPEAT
from .tokens import THEMES_DATA, content_counts

MIN_FREQ = 3
G2_THRESHOLD = 6.63  # p < 0.01 for one test
ZERO_COUNT = 0.5
CONFIDENCE = 0.95
COLUMNS = ["file", "term", "count", "rest_count", "article_words", "rest_words", "log_ratio", "ci_low",
           "ci_high", "g2", "key"]


def article_term_counts(file: str, paragraphs: list[str]) -> list[dict]:
    """The theme tokeniser's content-word counts of one article (for the chapter's frequency bars
    and its table of the group's names, not for keyness): ``file``, ``term`` (key), ``form`` (as
    usually written), ``count``, ``article_words`` (all tokens with a letter)."""
    counts, forms, size = content_counts(paragraphs)
    return [{"file": file, "term": t, "form": forms[t], "count": n, "article_words": size}
            for t, n in counts.most_common()]


def term_counts_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """``article_term_counts`` for every article."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_term_counts(f, p)]
    return pd.DataFrame(rows, columns=["file", "term", "form", "count", "article_words"])


def count_table(per_article: list[dict]) -> pd.DataFrame:
    """The count table of ``log_odds.word_counts`` rows (``{"file", "counts"}``): ``file``,
    ``term``, ``count``, one row per article and term it uses."""
    rows = [(row["file"], term, n) for row in per_article for term, n in row["counts"].items() if n > 0]
    table = pd.DataFrame(rows, columns=["file", "term", "count"])
    if any("concentrated" in row for row in per_article):  # outlets pooled: which words one article carries
        pairs = concentrated_pairs(per_article)
        table["concentrated"] = [(f, t) in pairs for f, t in zip(table["file"], table["term"])]
    return table


def log_likelihood(a, b, c, d):
    """G² for a word seen ``a`` times in ``c`` words and ``b`` times in ``d`` words."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * (a + b) / (c + d)
        e2 = d * (a + b) / (c + d)
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def _nonzero(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return np.where(x == 0, ZERO_COUNT, x)


def log_ratio(a, b, c, d):
    """log2 of the relative frequency in the article over that in the rest (zeros as 0.5); NaN
    when either side has no words (a corpus of one article has no rest)."""
    a, b = _nonzero(a), _nonzero(b)
    c, d = (np.asarray(x, dtype=float) for x in (c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((c > 0) & (d > 0), np.log2((a / c) / (b / d)), np.nan)


def log_ratio_interval(a, b, c, d, confidence: float = CONFIDENCE):
    """The log ratio's interval, ``(low, high)`` in log2 units: log ratio ± z × sqrt(1/a + 1/b)
    / ln 2, the standard error of a log rate ratio with zeros taken as 0.5."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    half = z * np.sqrt(1 / _nonzero(a) + 1 / _nonzero(b)) / np.log(2)
    ratio = log_ratio(a, b, c, d)
    return ratio - half, ratio + half


def keyness_table(counts: pd.DataFrame, min_freq: int = MIN_FREQ, threshold: float = G2_THRESHOLD,
                  confidence: float = CONFIDENCE) -> pd.DataFrame:
    """Every word of every article against the rest, from a count table (``file``, ``term``,
    ``count``) and nothing else: ``file``, ``term``, ``count`` (in the article), ``rest_count``,
    ``article_words`` and ``rest_words`` (the sums of the table's counts), ``log_ratio``,
    ``ci_low``, ``ci_high``, ``g2``, ``key``. Sorted by file, key words first, then by the lower
    bound (ties by count, then term)."""
    if counts.empty:
        return pd.DataFrame(columns=COLUMNS)
    sizes = counts.groupby("file")["count"].sum()
    totals = counts.groupby("term")["count"].sum()
    table = counts[["file", "term", "count"]].copy()
    table["rest_count"] = table["term"].map(totals).to_numpy() - table["count"]
    table["article_words"] = table["file"].map(sizes).to_numpy()
    table["rest_words"] = sizes.sum() - table["article_words"]
    args = (table["count"], table["rest_count"], table["article_words"], table["rest_words"])
    table["log_ratio"] = log_ratio(*args)
    table["ci_low"], table["ci_high"] = log_ratio_interval(*args, confidence=confidence)
    table["g2"] = log_likelihood(*args)
    table["key"] = (table["count"] >= min_freq) & (table["ci_low"] > 0) & (table["g2"] >= threshold)
    extra = ["concentrated"] if "concentrated" in counts.columns else []  # carried along, never scored
    if extra:
        table["concentrated"] = counts["concentrated"].astype(bool).to_numpy()
    return table.sort_values(["file", "key", "ci_low", "count", "term"], ascending=[True, False, False, False, True],
                             ignore_index=True)[COLUMNS + extra]


def key_terms(keyness: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The ``top`` key words of each article by the lower bound of the log ratio, key words only."""
    key = keyness[keyness["key"].astype(bool)]
    return key.groupby("file", sort=False).head(top).reset_index(drop=True)


def display_forms(term_counts: pd.DataFrame) -> dict[str, str]:
    """Each term key's usual written form (``term_counts_table``'s ``form``), for display only:
    the form written most often across the articles, so *daesh* shows as *Daesh*; an abbreviation
    written with full stops shows as its key, without them (*U.S.* as *US*)."""
    if term_counts.empty:
        return {}
    totals = term_counts.groupby(["term", "form"], as_index=False)["count"].sum()
    best = totals.sort_values(["term", "count", "form"], ascending=[True, False, True]).drop_duplicates("term")
    from ..layer.words import POSSESSIVE  # the key drops a final "'s"; so does the form shown

    # an abbreviation with full stops is shown as it is counted, without them ("U.S." as US), the
    # one form the themes chapter says it is written in
    return {term: term if "." in form and form.replace(".", "") == term else POSSESSIVE.sub("", form)
            for term, form in zip(best["term"], best["form"])}


def as_written(table: pd.DataFrame, forms: dict[str, str], column: str = "term") -> pd.DataFrame:
    """A copy of ``table`` whose ``column`` of term keys shows each key's written form (keys with no
    form stay as they are). For tables that are shown, never for tables that are counted."""
    return table.assign(**{column: [forms.get(t, t) for t in table[column]]})


def pooled_by_outlet(per_article: list[dict], articles: pd.DataFrame) -> list[dict]:
    """``log_odds.word_counts`` rows (``{"file", "counts"}``) summed over each outlet's articles,
    with the outlet as ``file``: keyness and log-odds then compare outlets, each against the
    others pooled, when the chapter's unit is the outlet (``newscorpus.units``). Each row also
    carries ``concentrated``: the outlet's words whose uses are not spread over its articles
    (``spread_over_articles``), counted but never listed as the outlet's distinctive words."""
    from collections import Counter

    outlet_of = dict(zip(articles["file"], articles["outlet"]))
    pooled: dict[str, Counter] = {}
    in_articles: dict[str, Counter] = {}  # outlet -> term -> articles using it
    largest: dict[str, Counter] = {}  # outlet -> term -> uses in the article using it most
    for row in per_article:
        outlet = outlet_of[row["file"]]
        pooled.setdefault(outlet, Counter()).update(row["counts"])
        used, top = in_articles.setdefault(outlet, Counter()), largest.setdefault(outlet, Counter())
        for term, n in row["counts"].items():
            if n > 0:
                used[term] += 1
                top[term] = max(top[term], n)
    return [{"file": outlet, "counts": counts,
             "concentrated": frozenset(t for t, n in counts.items()
                                       if n > 0 and not spread_over_articles(in_articles[outlet][t], top=largest[outlet][t], total=n))}
            for outlet, counts in sorted(pooled.items())]


# --- an outlet's word must be spread over its articles (referee 2, item 4) ---------------------------
#
# When outlets are compared, a word that one article repeats (a name at the heart of one story) would
# otherwise stand for the whole outlet. A word is listed as an outlet's distinctive word only if at
# least MIN_SPREAD_ARTICLES of the outlet's articles use it and no single article holds more than
# MAX_ONE_ARTICLE_SHARE of its uses there. The scores are computed as before (every other word's
# score is unchanged); only the lists drop such words.

MIN_SPREAD_ARTICLES = 2
MAX_ONE_ARTICLE_SHARE = 0.5


def spread_over_articles(articles_using: int, top: int, total: int) -> bool:
    """Whether a word's ``total`` uses in an outlet are spread over its articles: used in at least
    ``MIN_SPREAD_ARTICLES`` articles, and the article using it most (``top`` uses) holds no more
    than ``MAX_ONE_ARTICLE_SHARE`` of them."""
    return articles_using >= MIN_SPREAD_ARTICLES and total > 0 and top <= MAX_ONE_ARTICLE_SHARE * total


def concentrated_pairs(per_text: list[dict]) -> set[tuple[str, str]]:
    """``(text, term)`` for the words ``pooled_by_outlet`` marks as resting on one article (empty for
    rows of single articles), for a log-odds ``leave_out`` too."""
    return {(row["file"], term) for row in per_text for term in row.get("concentrated", ())}


# --- what the distinctive-word lists leave out (#22) ------------------------------------------------
#
# Counted, but never listed as what sets a text apart: an outlet's own name (it signs its stories
# and credits itself: "told POLITICO", "a USA TODAY investigation", "Breitbart News") and courtesy
# titles (a house style: one newspaper writes "Mr. Trump", the others "Trump"). Neither says what a
# text is about. The statistics are computed with them (leaving them out changes no other word's
# score); only the lists drop them.

HONORIFICS = frozenset({"mr", "mrs", "ms", "messrs", "mx"})  # term keys of courtesy titles
OUTLET_NAMES_FILE = "outlet_names.csv"  # data/themes: other names an outlet writes itself by
_NAME_WORD = re.compile(r"[^\W_]+")


def _name_words(text: str) -> list[str]:
    words = [w.casefold() for w in _NAME_WORD.findall(text)]
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


@lru_cache(maxsize=1)
def outlet_aliases() -> dict[str, tuple[str, ...]]:
    """Other names an outlet writes itself by (``data/themes/outlet_names.csv``: outlet, name),
    for names the rule cannot derive from the outlet's name (HuffPost, written Huffington Post)."""
    with (THEMES_DATA / OUTLET_NAMES_FILE).open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    aliases: dict[str, list[str]] = {}
    for row in rows:
        aliases.setdefault(row["outlet"].strip().casefold(), []).append(row["name"].strip())
    return {o: tuple(names) for o, names in aliases.items()}


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def own_name(term: str, outlet: str) -> bool:
    """Whether ``term`` (a term key) is the outlet's own name: the name's words in a run inside the
    term, case and a leading *The* aside (*Breitbart News*, *Washington Post*, *POLITICO New York*),
    the name written as one word (*huffpost*), or one word of the name written in capitals, as a
    masthead writes it (*USA* and *TODAY* of *USA TODAY*). Other names the outlet goes by are in
    ``outlet_names.csv``."""
    words = _name_words(term)
    if not words or not isinstance(outlet, str):
        return False
    for name in (outlet, *outlet_aliases().get(outlet.strip().casefold(), ())):
        parts = _name_words(name)
        if not parts:
            continue
        if _contains_run(words, parts) or "".join(words) == "".join(parts):
            return True
        if len(words) == 1 and term.isupper() and len(term) > 1 and words[0] in parts:
            return True
    return False


# Words of the telling, not of the subject: kept off the distinctive-word lists (still counted)
# because they mark how a text is written (a transcript's "I'm", a caption's "c"), not what it is about.
TELLING_WORDS = frozenset({"says", "said", "say", "saying", "told", "tells"})
_CONTRACTION = re.compile(r"(?:i|you|we|they|he|she|it|that|there|what|who|let)['’](?:m|re|ve|ll|d|s)", re.IGNORECASE)


def telling_word(term: str) -> bool:
    """A verb of saying, a pronoun's contraction ("I'm", "you're") or a single letter ("c")."""
    folded = term.casefold()
    return folded in TELLING_WORDS or len(folded) == 1 or bool(_CONTRACTION.fullmatch(folded))


# A party-and-state label ("Sanders (I-Vt.)", "Cruz (R-Texas)") and a place with an abbreviated title
# ("Maryland Gov. Larry Hogan" gives the name "Maryland Gov") are a house style, like courtesy titles.
# The name finder ends a name before such a title (layer/names.py), so the title alone ("Sen") is one too.
_HOUSE_STYLE = re.compile(r"[rdi]-(?!day)[a-z.]{2,14}|(?:.+ )?(?:gov|sen|rep|lt|gen|atty)", re.IGNORECASE)


def house_style(term: str) -> bool:
    """A party-and-state label (*R-Texas*, *I-Vt*), an abbreviated title (*Sen*, *Gov*) or a name
    ending in one (*Maryland Gov*, *Arizona Sen*)."""
    return bool(_HOUSE_STYLE.fullmatch(term.rstrip(".")))


def left_out(term: str, outlet: str | None) -> bool:
    """Whether a term is left out of a text's distinctive-word lists (and of the frequency bars):
    a courtesy title, a word of the telling (``telling_word``), a stop-like word of the word charts'
    stop list (``tokens.STOP_WORDS``: *going*, *think*), or the text's outlet's own name
    (``own_name``)."""
    from .tokens import STOP_WORDS  # the word charts' stop list: a stop-like word is no subject either

    return (term.casefold().rstrip(".") in HONORIFICS or house_style(term) or telling_word(term) or term in STOP_WORDS
            or (outlet is not None and own_name(term, outlet)))


def without_left_out(table: pd.DataFrame, outlet_of: dict[str, str], column: str = "term") -> pd.DataFrame:
    """``table`` (a row per text and term, the text in ``file``) without the rows ``left_out``
    drops; ``outlet_of`` maps a file to its outlet (a text that is an outlet's articles pooled has
    the outlet as its ``file`` and maps to itself)."""
    if table.empty:
        return table
    drop = _dropped(table, outlet_of, column)
    return table[~pd.Series(drop, index=table.index, dtype=bool)].reset_index(drop=True)


def _dropped(table: pd.DataFrame, outlet_of: dict[str, str], column: str = "term") -> list[bool]:
    spread = (~table["concentrated"].astype(bool)) if "concentrated" in table.columns else [True] * len(table)
    return [left_out(t, outlet_of.get(f, f)) or not ok for f, t, ok in zip(table["file"], table[column], spread)]


def left_out_key_terms(keyness: pd.DataFrame, outlet_of: dict[str, str]) -> pd.DataFrame:
    """The key words (``keyness_table``) that ``without_left_out`` drops: file and term."""
    key = keyness[keyness["key"].astype(bool)] if len(keyness) else keyness
    outlets = "concentrated" in key.columns
    if key.empty:
        return pd.DataFrame(columns=["file", "term"] + (["concentrated"] if outlets else []))
    drop = _dropped(key, outlet_of)
    return key.loc[drop, ["file", "term"] + (["concentrated"] if outlets else [])].reset_index(drop=True)


def left_out_text(dropped: pd.DataFrame, names: dict[str, str] | None = None,
                  forms: dict[str, str] | None = None, among: str = "key words", outlets: bool | None = None) -> str:
    """One sentence for a chapter: what the lists leave out, and which key words of this corpus
    that kept off them (``left_out_key_terms``; ``names`` maps a file to how the text is named,
    ``forms`` a term to how it is written; ``among``: what the lists hold; ``outlets``: whether
    outlets are compared, so the spread rule applies, by default read from ``dropped`` having a
    ``concentrated`` column)."""
    from ..prose import english_list

    rule = ("The lists leave out three kinds of term, though every statistic counts them: a text's own outlet's name "
            "as it writes it (a masthead word in capitals, such as USA TODAY's, included), courtesy titles (Mr, "
            "Mrs, Ms) and party labels (R-Texas), a house style rather than a subject, and words of the telling (a contraction such as I'm, a "
            "single letter; verbs of saying, every form of the book's report-verb list that can only be a verb, such as "
            "remarked, admits or said, and talk such as going, are stop words, never counted)")
    if outlets or (outlets is None and "concentrated" in dropped.columns):  # outlets compared: the spread rule
        rule = (rule.replace("three kinds of term", "four kinds of term").replace(", and words of the telling", ", words of the telling")
                + f", and a word of an outlet that fewer than {MIN_SPREAD_ARTICLES:,d} of its articles use or that one "
                  f"article holds more than {MAX_ONE_ARTICLE_SHARE:.0%} of, so that no outlet's word rests on a single "
                  "article")
    if dropped.empty:
        return rule + f"; no text of this corpus has one among its {among}."
    names, forms = names or {}, forms or {}
    shown = {t: t.capitalize() for t in HONORIFICS} | forms  # a courtesy title as written: Mr
    found = [f"{shown.get(t, t)} ({names.get(f, f)})" for f, t in zip(dropped["file"], dropped["term"])]
    listed = found[:5] + ([f"{len(found) - 5:,d} more"] if len(found) > 5 else [])
    return rule + f"; here that keeps {english_list(listed)} off the lists."


# --- credits and sign-offs are not what a text is about (referee round 2, F9) -----------------------
#
# A sign-off ("Follow Pam Key on Twitter @pamkeyNEN"), a photo credit ("Scott Olson via Getty
# Images"), a wire signature ("(Reporting by …; Editing by …)") and a Twitter handle say who wrote or
# photographed a story, not what it says; an outlet that prints them under many stories would have
# its reporters' names and handles as its "distinctive" words. So the word counts of the themes
# chapter (frequency bars, keyness, log-odds) skip them: every paragraph an outlet repeats word for
# word in MIN_ARTICLES_FOR_REPEAT or more of its articles (``cleaning.cleaned.repeated_lines``), and,
# anywhere, a credit phrase or a handle (CREDIT_PATTERNS). The rest of each paragraph is counted.

CREDIT_PATTERNS = (
    # a wire signature, in brackets anywhere or as a paragraph of its own; a contributors' line
    re.compile(r"\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b[^()]*\)", re.IGNORECASE),
    re.compile(r"^\W*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\W*contributing\s*:.*$", re.IGNORECASE | re.DOTALL),
    # a sign-off, a newsletter prompt, an editor's note that the story was updated
    re.compile(r"^\W*follow\b[^.]{0,80}?\bon\s+(?:twitter|facebook|instagram|x)\b.*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"\bsign\s+up\s+for\s+our\s+newsletters?\b", re.IGNORECASE),
    re.compile(r"^.*\bclick\s+here\b.*$|^.*\b(?:airs|listen|tune\s+in)\b[^.]{0,40}\bSiriusXM\b.*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\W*(?:this|the)\s+(?:story|post|article|piece)\s+(?:has\s+been|was|is\s+being)\s+updated\b.*$",
               re.IGNORECASE | re.DOTALL),
    # a photo credit, a dateline in capitals at a paragraph's start, an embedded post's link, a handle
    re.compile(r"(?:\bvia\s+|/)?\bGetty\s+Images\b|\b(?:AP|AFP|Reuters)\s+Photo\b"),
    re.compile(r"^\W*[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*\s*(?:\([^)]{1,40}\)\s*)?(?:[—–―]|--)\s*"),
    re.compile(r"\[[A-Z][\w.&'’ -]{0,30}\.\]"),  # a source credited in brackets: "[NYT.]"
    re.compile(r"\b(?:https?://|pic\.twitter\.com/|www\.)\S+", re.IGNORECASE),
    re.compile(r"(?<![\w.])@\w{2,}"),
    # a hat tip to the outlet a story was found at ("h/t TheBlaze."), to its sentence's end
    re.compile(r"\b[Hh]/[Tt]\b[^.\n]{0,60}\.?"),
    # a party-and-state label after a name ("Sen. Ted Cruz (R-Tex.)", "(Tex.)", "(D-N.Y.)"), which would
    # otherwise leave a state's abbreviation ("Tex") among an outlet's distinctive words
    re.compile(r"\((?:[RDI]-[A-Z][A-Za-z. ]{0,14}|" + "|".join(re.escape(a) for a in (
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.",
        "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.",
        "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Va.", "Vt.",
        "Wash.", "W.Va.", "Wis.", "Wyo.")) + r")\)"),
)


def agency_name(term: str) -> bool:
    """Whether ``term`` is a news agency's name as ``data/wire_agencies.csv`` lists it (AP, Reuters,
    Associated Press): a credit or a source, not what a story is about (a name in capitals matches
    in capitals only, the others in any case)."""
    from .republication import wire_agencies

    for _, credits, _ in wire_agencies():
        for credit in credits:
            if term == credit if credit.isupper() else term.casefold() == credit.casefold():
                return True
    return False


def without_agency_names(table: pd.DataFrame, column: str = "term") -> pd.DataFrame:
    """``table`` without the rows whose ``column`` is a news agency's name (``agency_name``): the
    dispersion plot places subjects, not whom a story credits."""
    if table.empty:
        return table
    return table[[not agency_name(t) for t in table[column]]].reset_index(drop=True)


def without_credits_text(paragraph: str) -> str:
    """``paragraph`` with its credit phrases and handles (``CREDIT_PATTERNS``) taken out."""
    for pattern in CREDIT_PATTERNS:
        paragraph = pattern.sub(" ", paragraph)
    return paragraph.strip()


def credit_free(cleaned: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``cleaned`` (``file``, ``paragraphs``) whose paragraphs leave out what an outlet
    repeats word for word in several of its articles (``repeated_lines``) and credit phrases and
    handles (``without_credits_text``): the paragraphs the themes chapter's word counts read.
    ``articles`` gives each file's outlet. Empty paragraphs are dropped."""
    from ..cleaning.cleaned import repeated_lines
    from ..cleaning.cleaner import normalise

    outlet_of = dict(zip(articles["file"], articles["outlet"]))
    outlets = [outlet_of.get(f, f) for f in cleaned["file"]]
    paragraphs = [list(p) for p in cleaned["paragraphs"]]
    repeated = repeated_lines(outlets, paragraphs)
    skip = {(o, normalise(t)) for o, t in zip(repeated["outlet"], repeated["text"])}
    kept = []
    for outlet, article in zip(outlets, paragraphs):
        out = [without_credits_text(p) for p in article if (outlet, normalise(p)) not in skip]
        kept.append([p for p in out if p])
    return cleaned.assign(paragraphs=kept)


def credits_left_out(cleaned: pd.DataFrame, counted: pd.DataFrame) -> tuple[int, int]:
    """How many paragraphs ``credit_free`` dropped whole and how many articles it changed, for the page."""
    dropped = changed = 0
    for before, after in zip(cleaned["paragraphs"], counted["paragraphs"]):
        before, after = list(before), list(after)
        dropped += len(before) - len(after)
        changed += before != after
    return dropped, changed


def credits_text(dropped: int, changed: int, n_articles: int) -> str:
    """One sentence for the chapter: the rule of ``credit_free`` and what it took out of this
    corpus (``credits_left_out``'s paragraphs dropped whole and articles changed)."""
    from ..prose import count_noun

    rule = (f"Credits are not counted as words: a paragraph an outlet prints word for word in "
            f"{MIN_ARTICLES_FOR_REPEAT:,d} or more of its articles (a sign-off such as “Follow … on Twitter”), a wire "
            "signature (“(Reporting by …; Editing by …)”, “Contributing: …”), a photo credit (“via Getty Images”), a "
            "dateline in capitals, a source credited in brackets (“[NYT.]”), a note that the story was updated, a "
            "newsletter or show prompt (“click here”), a hat tip (“h/t …”), a party-and-state label after a name "
            "(“(R-Tex.)”), a link and a handle (@name) are left out of the frequent words, the key words of both methods and the dispersion words")
    if not changed:
        return rule + "; no article of this corpus has one."
    whole = f" ({count_noun(dropped, 'paragraph')} left out whole)" if dropped else ""
    return rule + f"; here that changes {changed:,d} of the {count_noun(n_articles, 'article')}{whole}."
