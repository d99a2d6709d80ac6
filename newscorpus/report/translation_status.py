"""Whether each article is a translation, from what its text and page show.

``data/framing/translation_status.csv`` records, for the original five, a status and the evidence
for it (a translator's credit, a translator's bracketed insertions, a republisher's credit line).
Any other article falls back to its ``origin`` column in ``sources.csv``, so a reader's corpus is
described by what its collector recorded. Where the collector recorded nothing about translation,
one documented heuristic marks a text as *possibly* a translation (never more): its site's address
(the ``url``, or an outlet named like an address, ``yna_co_kr``) ends in the country code of a
country whose press writes mainly in another language (``NON_ENGLISH_PRESS``). An English page of
Yonhap (.kr) or of a Lebanese site (.lb) is often translated; nothing on the page says so, so the
status says "possibly", and it is not counted among the translations.

``development_overlap`` answers the reverse question for the methods: whether this corpus
overlaps the data a method was developed or calibrated on (``DEVELOPMENT_DATA``), so a score the
book quotes for that method is in-sample here. The corpus chapter and the framing chapter both read this
one function, so the book says the same thing about each text everywhere.
"""

from __future__ import annotations

import pandas as pd

from ..measures.lexicons import read_csv

STATUS_WORDS = {
    "translated_credited": "translation (translator credited)",
    "translated_inferred": "translation (not credited; shown by the page and the language)",
    "probably_translated": "probably a translation (not credited; a translator's insertions)",
    "not_established": "not established from the text",
    "republished_wire": "English wire story, republished with edits",
    "recorded_translation": "translation (as recorded in sources.csv)",
    "recorded_original": "as recorded in sources.csv",
    "possibly_translated": "possibly a translation (not established; the site's country)",
}
TRANSLATED = frozenset({"translated_credited", "translated_inferred", "recorded_translation"})
PROBABLY_TRANSLATED = frozenset({"probably_translated"})
POSSIBLY_TRANSLATED = frozenset({"possibly_translated"})

# Country codes of countries whose press writes mainly in a language other than English: an
# English page from a site there is possibly a translation (a heuristic, said as one).
NON_ENGLISH_PRESS = {
    "ae": "the United Arab Emirates", "ar": "Argentina", "br": "Brazil", "cn": "China", "de": "Germany",
    "eg": "Egypt", "es": "Spain", "fr": "France", "id": "Indonesia", "iq": "Iraq", "ir": "Iran", "it": "Italy",
    "jo": "Jordan", "jp": "Japan", "kr": "South Korea", "kw": "Kuwait", "lb": "Lebanon", "mx": "Mexico",
    "nl": "the Netherlands", "pl": "Poland", "qa": "Qatar", "ru": "Russia", "sa": "Saudi Arabia", "sy": "Syria",
    "th": "Thailand", "tr": "Turkey", "tw": "Taiwan", "ua": "Ukraine", "vn": "Vietnam",
}
# second-level labels that make an outlet written with underscores an address ("yna_co_kr")
_SECOND_LEVEL = {"co", "com", "net", "org", "ac", "gov", "ne", "or", "go", "news"}


def _recorded(origin: str) -> tuple[str, str]:
    origin = origin if isinstance(origin, str) else ""
    status = "recorded_translation" if "translation" in origin.lower() else "recorded_original"
    return status, f"The corpus's sources.csv records the origin as “{origin}”." if origin else "No origin recorded."


def site_country(article: dict) -> tuple[str, str] | None:
    """(country code, the address it was read from) when the article's site address ends in a
    code of ``NON_ENGLISH_PRESS``: the ``url``'s host, else an outlet written as an address
    ("yna.co.kr", or "yna_co_kr" with a second-level label such as ``co``)."""
    from urllib.parse import urlparse

    url = article.get("url") if isinstance(article.get("url"), str) else ""
    host = urlparse(url).hostname or "" if url.startswith(("http://", "https://")) else ""
    if not host:
        outlet = article.get("outlet") if isinstance(article.get("outlet"), str) else ""
        labels = outlet.strip().lower().replace("_", ".").split(".")
        if "." in outlet.strip() and " " not in outlet.strip():
            host = outlet.strip().lower()
        elif len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and " " not in outlet:
            host = ".".join(labels)
    code = host.rsplit(".", 1)[-1] if "." in host else ""
    return (code, host) if code in NON_ENGLISH_PRESS else None


def translation_status(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article, ``file`` first: status (a code of ``STATUS_WORDS``), status_words
    and evidence. A row of the data file applies only where both file and title match."""
    recorded = {(r["file"], r["title"]): r for r in read_csv("framing", "translation_status.csv")}
    rows = []
    for article in articles.to_dict("records"):
        row = recorded.get((article["file"], article.get("title", "")))
        if row and row["status"] in STATUS_WORDS:
            status, evidence = row["status"], row["evidence"]
        else:
            status, evidence = _recorded(article.get("origin", ""))
            found = site_country(article) if status == "recorded_original" else None
            if found:
                code, host = found
                status = "possibly_translated"
                evidence = (f"Not established: the site's address ({host}) is in {NON_ENGLISH_PRESS[code]} (.{code}), "
                            "where English-language news is often translated from the local language; the page "
                            "credits no translator and sources.csv records none.")
        rows.append({"file": article["file"], "status": status, "status_words": STATUS_WORDS[status],
                     "evidence": evidence})
    return pd.DataFrame(rows, columns=["file", "status", "status_words", "evidence"])


def count_translated(status: pd.DataFrame) -> tuple[int, int]:
    """(translations established, probable translations) in a ``translation_status`` table."""
    return int(status["status"].isin(TRANSLATED).sum()), int(status["status"].isin(PROBABLY_TRANSLATED).sum())


# --- in-sample scores: the corpus overlaps the data a method was developed on -------------------
# A name that marks a data set in sources.csv's ``origin`` column -> what was developed or
# calibrated on it (what the book quotes as a score for that method, and where). Data sets only
# *scored* on (held out) are not here: a score on them is out of sample unless the article itself
# is among the scored items (``scored_articles``).
DEVELOPMENT_DATA = {
    "PolNeAR": ["the attribution extractor's rules were written on its training split",
                "the republication threshold was set on its 924 stories",
                "the theme dictionary's sense check drew its matches from its stories"],
}


def scored_articles() -> set[str]:
    """The article names (file names without ``.txt``) the committed attribution validation scored."""
    from ..validation.report import items

    try:
        return set(items("attribution")["article"].astype(str))
    except (FileNotFoundError, KeyError):
        return set()


def development_overlap(articles: pd.DataFrame) -> dict:
    """Whether the corpus overlaps the data the book's methods were developed or scored on:
    ``{"datasets": {name: articles recorded as from it}, "notes": [what that makes in-sample],
    "scored": articles that are themselves among the attribution validation's scored items,
    "articles": corpus size}``. Read from sources.csv's ``origin`` and the file names, so it holds
    for any corpus; empty when there is no overlap."""
    origin = articles.get("origin", pd.Series("", index=articles.index)).fillna("").astype(str)
    datasets = {name: int(origin.str.contains(name, case=False, regex=False).sum()) for name in DEVELOPMENT_DATA}
    datasets = {name: n for name, n in datasets.items() if n}
    stems = articles["file"].astype(str).str.replace(r"\.(txt|html?)$", "", regex=True)
    scored = int(stems.isin(scored_articles()).sum())
    notes = [note for name in datasets for note in DEVELOPMENT_DATA[name]]
    return {"datasets": datasets, "notes": notes, "scored": scored, "articles": len(articles)}


def in_sample_sentence(articles: pd.DataFrame) -> str:
    """One or two sentences for the pages that quote the methods' scores: ``""`` when the corpus
    does not overlap their development data, else which data, how many articles, and what was
    tuned on them."""
    from ..prose import english_list

    found = development_overlap(articles)
    if not found["datasets"] and not found["scored"]:
        return ""
    out = []
    for name, n in found["datasets"].items():
        whose = ("its one article is" if found["articles"] == 1 else
                 f"all of its {found['articles']:,d} articles are" if n == found["articles"] else
                 f"{n:,d} of its {found['articles']:,d} articles {'is' if n == 1 else 'are'}")
        out.append(f"This corpus overlaps data the book's methods were developed on: {whose} from {name} (by sources.csv's origin), "
                   f"and {english_list(DEVELOPMENT_DATA[name])}, so on these texts the methods were tuned in-sample "
                   "and may do better than on other news.")
    if found["scored"]:
        k = found["scored"]
        who = ("It is" if found["articles"] == 1 else f"{k:,d} of the articles {'is' if k == 1 else 'are'}")
        out.append(f"{who} among those the attribution extractor's "
                   "quoted precision and recall were measured on: there those scores describe these texts, not new ones.")
    return " ".join(out)
