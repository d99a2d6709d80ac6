"""``python -m newscorpus check [CORPUS_DIR]``: every problem with a corpus, before a build.

``load`` stops at the first problem; the check lists them all, one line each, naming the file
and what to do. Beyond what ``load`` validates (rows and files, encodings, sizes, dates, links)
it looks at the content: two files with the same text, an article with no body left after
cleaning, an article that is not English (every measure in the book is English-only), a line
longer than any paragraph, an article over its time budget.
"""

from __future__ import annotations

import hashlib
import os

import pandas as pd

from .budget import OverBudget, article_budget, over_budget_problem
from .corpus import COLUMNS, LONGEST_PLAUSIBLE_LINE, corpus_settings, scan
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


def content_problems(articles: pd.DataFrame, folder, notes: list[str] | None = None,
                     clean: bool = True) -> list[CorpusError]:
    """Articles the measures cannot use: not English, nothing left after cleaning, a "line" longer
    than any paragraph (a missing line break), or more work than an article's time budget. Each
    article is cleaned as ``clean_corpus`` cleans it (templates learnt per outlet), or read as it
    is when ``clean`` is false (``corpus.toml``)."""
    from .cleaning import clean_text
    from .cleaning.cleaned import template_keys
    from .cleaning.cleaner import as_is
    from .cleaning.cleaner import article_text
    from .cleaning.language import UNKNOWN

    problems = []
    texts = {}
    kept: list[tuple[str, list[str]]] = []  # (outlet, paragraphs) of a corpus declared clean
    for row in articles.itertuples():
        try:
            with article_budget():
                texts[row.file] = article_text(row.file, row.raw_text)[0]
        except CorpusError as exc:
            problems.append(CorpusError(folder / row.file, exc.problem))
        except OverBudget:
            problems.append(CorpusError(folder / row.file, over_budget_problem()))
    usable = articles[articles["file"].isin(texts)]
    templates = {outlet: template_keys([texts[f] for f in group["file"]]) if clean else frozenset()
                 for outlet, group in usable.groupby("outlet")}
    for row in usable.itertuples():
        text = texts[row.file]
        number, longest = max(enumerate(text.splitlines(), start=1), key=lambda pair: len(pair[1]))
        if len(longest) > LONGEST_PLAUSIBLE_LINE:
            problems.append(CorpusError(folder / row.file, f"line {number} is {len(longest):,} characters long, longer "
                                        "than any real paragraph: line breaks are probably missing; put each "
                                        "paragraph on its own line"))
            continue
        try:
            with article_budget():
                cleaned = (clean_text(text, title=row.title, author=row.author or None, template_keys=templates[row.outlet])
                           if clean else as_is(text, title=row.title))
                # the cleaner's reading of the language: English function words first, then the
                # stop-word lists; the lists alone read a short English text as Finnish
                language = cleaned.language
        except OverBudget:
            problems.append(CorpusError(folder / row.file, over_budget_problem()))
            continue
        if language not in ("English", UNKNOWN):  # too short to tell is not refused
            problems.append(CorpusError(folder / row.file, f"looks like {language}, not English: every measure in "
                                        "this book is English-only; add an English translation instead"))
        elif not cleaned.paragraphs:
            problems.append(CorpusError(folder / row.file, "no article text left after cleaning (every line read as "
                                        "page furniture): run `python -m newscorpus clean` on it to see why"
                                        if clean else "no article text (only a title, labels or lines without words)"))
        elif notes is not None:
            if not clean:
                kept.append((row.outlet, cleaned.paragraphs))
            # not refused: the book describes such a page but ranks it nowhere (cleaning chapter)
            from .cleaning.report import article_breaks
            from .errors import display_path

            breaks = article_breaks(row.file, cleaned.paragraphs)
            if breaks["no_breaks"]:
                notes.append(f"{display_path(folder / row.file)}: its text has lost its breaks "
                             f"({breaks['why']}): the book describes it but ranks it nowhere; "
                             "put each paragraph on its own line to have it ranked")
    if kept:
        notes.extend(repeated_lines_notes(folder, kept))
    return problems


def repeated_lines_notes(folder, kept: list[tuple[str, list[str]]]) -> list[str]:
    """A corpus declared clean keeps what its outlets repeat word for word (an editor's note, a
    sign-off): one note saying how much, with the most widespread line, so the reader can decide
    whether to switch cleaning on."""
    from .cleaning.cleaned import MIN_ARTICLES_FOR_REPEAT, repeated_lines
    from .corpus import SETTINGS_FILE
    from .errors import display_path

    repeats = repeated_lines([outlet for outlet, _ in kept], [paragraphs for _, paragraphs in kept])
    if repeats.empty:
        return []
    top = repeats.iloc[0]
    text = " ".join(str(top["text"]).split())
    text = text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"
    n = len(repeats)
    return [f"{display_path(folder / SETTINGS_FILE)}: clean = false keeps {n:,d} "
            f"{'paragraph' if n == 1 else 'paragraphs'} that recur word for word in {MIN_ARTICLES_FOR_REPEAT} or more "
            f"articles of one outlet (most widespread, in {int(top['articles']):,d} {top['outlet']} articles: "
            f"\"{text}\"): every measure counts them; set clean = true to weigh repeated lines as furniture"]


def check_corpus(seeds_dir: str | os.PathLike | None = None,
                 notes: list[str] | None = None) -> tuple[pd.DataFrame, list[CorpusError]]:
    """The articles that load, and every problem, in the order a reader should fix them.
    ``notes`` (if given) receives what was changed on reading: invisible characters removed."""
    folder = find_seeds_dir(seeds_dir)
    records, problems = scan(folder, notes=notes)
    columns = [*COLUMNS, "published", "date_label", "raw_text"]
    articles = pd.DataFrame.from_records(records, columns=columns).sort_values("file", ignore_index=True)
    problems += duplicate_problems(articles, folder)
    clean_problems = settings_file_problems(folder)
    clean = True if clean_problems else corpus_settings(folder).clean
    if not clean and notes is not None:
        from .corpus import SETTINGS_FILE
        from .errors import display_path

        notes.append(f"{display_path(folder / SETTINGS_FILE)}: clean = false: the texts are read as they are, "
                     "without boilerplate removal")
    if len(articles):
        problems += content_problems(articles, folder, notes, clean)
    problems += clean_problems + settings_problems(folder)
    return articles, problems


def settings_file_problems(folder) -> list[CorpusError]:
    """``corpus.toml`` (how the corpus is read: ``clean = false`` for texts already clean), if
    the folder has one: a problem in one line when it is not what the book can read."""
    from pathlib import Path

    from .corpus import SETTINGS_FILE, read_settings

    path = Path(folder) / SETTINGS_FILE
    if not path.exists():
        return []
    try:
        read_settings(path)
    except CorpusError as exc:
        return [exc]
    return []


def settings_problems(folder) -> list[CorpusError]:
    """The corpus folder's optional files, read as the chapters read them: ``events.csv`` (the
    timeline) and ``dispersion_words.txt`` (the themes chapter), so a mistake in one is found here,
    not half-way through the build."""
    from pathlib import Path

    from .events import EVENTS_FILE, load_events
    from .measures.themes import DISPERSION_FILE, read_dispersion_words

    problems = []
    for name, read in ((EVENTS_FILE, load_events), (DISPERSION_FILE, read_dispersion_words)):
        path = Path(folder) / name
        if not path.exists():
            continue
        try:
            read(path)
        except CorpusError as exc:
            problems.append(exc)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            message = " ".join(str(exc).split()).removeprefix(f"{path}: ") or type(exc).__name__
            problems.append(CorpusError(path, message))
    return problems
