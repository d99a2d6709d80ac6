"""``python -m newscorpus check [CORPUS_DIR]``: every problem with a corpus, before a build.

``load`` stops at the first problem; the check lists them all, one line each, naming the file
and what to do. Beyond what ``load`` validates (rows and files, encodings, sizes, dates, links)
it looks at the content: two files with the same text, an article with no body left after
cleaning, an article that is not English (every measure in the book is English-only).
"""

from __future__ import annotations

import hashlib
import os

import pandas as pd

from .corpus import COLUMNS, scan
from .errors import CorpusError
from .paths import find_seeds_dir


def _fingerprint(text: str) -> str:
    """Same text up to white space and case: a re-saved copy is still a duplicate."""
    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()


def duplicate_problems(articles: pd.DataFrame, folder) -> list[CorpusError]:
    first: dict[str, str] = {}
    problems = []
    for row in articles.itertuples():
        key = _fingerprint(row.raw_text)
        if key in first:
            problems.append(CorpusError(folder / row.file, f"same text as {first[key]}: remove one of the two "
                                        "files and its row"))
        else:
            first[key] = row.file
    return problems


def content_problems(articles: pd.DataFrame, folder) -> list[CorpusError]:
    """Articles the measures cannot use: not English, or nothing left after cleaning."""
    from .cleaning import clean_corpus
    from .cleaning.language import UNKNOWN, detect_language

    problems = []
    cleaned = clean_corpus(articles).set_index("file")
    for row in articles.itertuples():
        language = detect_language(cleaned.at[row.file, "source_text"])
        if language not in ("English", UNKNOWN):  # too short to tell is not refused
            problems.append(CorpusError(folder / row.file, f"looks like {language}, not English: every measure in "
                                        "this book is English-only; add an English translation instead"))
        elif not cleaned.at[row.file, "paragraphs"]:
            problems.append(CorpusError(folder / row.file, "no article text left after cleaning (every line read as "
                                        "page furniture): run `python -m newscorpus clean` on it to see why"))
    return problems


def check_corpus(seeds_dir: str | os.PathLike | None = None) -> tuple[pd.DataFrame, list[CorpusError]]:
    """The articles that load, and every problem, in the order a reader should fix them."""
    folder = find_seeds_dir(seeds_dir)
    records, problems = scan(folder)
    columns = [*COLUMNS, "published", "date_label", "raw_text"]
    articles = pd.DataFrame.from_records(records, columns=columns).sort_values("file", ignore_index=True)
    problems += duplicate_problems(articles, folder)
    if len(articles):
        problems += content_problems(articles, folder)
    return articles, problems
