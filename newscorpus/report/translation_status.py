"""Whether each article is a translation, from what its text and page show.

``data/framing/translation_status.csv`` records, for the original five, a status and the evidence
for it (a translator's credit, a translator's bracketed insertions, a republisher's credit line).
Any other article falls back to its ``origin`` column in ``sources.csv``, so a reader's corpus is
described by what its collector recorded. The corpus chapter and the framing chapter both read this
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
}
TRANSLATED = frozenset({"translated_credited", "translated_inferred", "recorded_translation"})
PROBABLY_TRANSLATED = frozenset({"probably_translated"})


def _recorded(origin: str) -> tuple[str, str]:
    origin = origin if isinstance(origin, str) else ""
    status = "recorded_translation" if "translation" in origin.lower() else "recorded_original"
    return status, f"The corpus's sources.csv records the origin as “{origin}”." if origin else "No origin recorded."


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
        rows.append({"file": article["file"], "status": status, "status_words": STATUS_WORDS[status],
                     "evidence": evidence})
    return pd.DataFrame(rows, columns=["file", "status", "status_words", "evidence"])


def count_translated(status: pd.DataFrame) -> tuple[int, int]:
    """(translations established, probable translations) in a ``translation_status`` table."""
    return int(status["status"].isin(TRANSLATED).sum()), int(status["status"].isin(PROBABLY_TRANSLATED).sum())
