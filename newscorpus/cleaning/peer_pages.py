"""The cleaner on real news pages that a peer project publishes with their expected text.

The newspaper4k project (an article extractor) ships, in its source distribution on PyPI, the
HTML of real news pages (CNN, Time, Wired, Fox 13, cleveland.com, ...) with the article text its
own tests expect. ``make bench`` fetches that distribution through pip into ``_build/`` (nothing
of it enters the repository), and for every English page:

1. turns the HTML into full-page text, every visible line as a browser copy gives it
   (``page_text.py``): menus, teasers, captions, comments and footers included;
2. runs the cleaner on it as on a reader's file (no title or author hints);
3. scores the body the cleaner kept against the expected text by **token overlap**: both texts
   are lower-cased and split into word tokens (runs of letters and digits); the tokens they
   share are counted as a multiset (a word twice in both counts twice). Precision is shared
   tokens over the cleaner's tokens, recall shared tokens over the expected tokens, F1 their
   harmonic mean. Word order is ignored, as in the article-extraction benchmarks that compare
   readability, goose3 and trafilatura this way.

The scores (numbers only) are written to ``newscorpus/data/evaluation/peer_pages_scores.csv`` with the
version and date, so the book, built offline, can show them.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..paths import DATA_DIR
from .cleaner import clean_text
from .language import detect_language
from .page_text import page_text

PEER_PROJECT, PEER_VERSION = "newspaper4k", "0.9.6"
# The archive pip downloads is checked against this digest: the figures are for these pages only.
PEER_SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
SCORES_FILE, FIRST_RUN_FILE = "peer_pages_scores.csv", "peer_pages_first_run.csv"
# The SHA-256 of each scored page's HTML (numbers only): which articles of a corpus are these pages.
DIGESTS_FILE = "peer_pages_digests.csv"
# The same pages and measure for an extractor that reads the HTML itself (trafilatura, defaults).
HTML_EXTRACTOR_FILE = "peer_pages_trafilatura.csv"
# The same pages and measure for the path the book itself runs on a saved page: trafilatura extracts
# the text (``cleaner.article_text``, recall favoured), then the cleaner sets aside what is left.
BOOK_PATH_FILE = "peer_pages_book_path.csv"
TOKEN_RE = re.compile(r"\w+")
# The goal set for the cleaner on real full pages (issue 13): as good as HTML extractors such as
# readability and goose3 are on such pages, without giving up the article's own text.
GOAL_F1, GOAL_RECALL = 0.92, 0.95
# The fixtures' language codes, as the names detect_language gives.
# Resampling the pages: how much the pooled F1 could move with another draw of pages like these.
PAGE_RESAMPLES, RESAMPLE_SEED = 10_000, 20261121
FIXTURE_LANGUAGES = {"en": "English", "es": "Spanish", "ar": "Arabic", "zh": "Chinese",
                     "ja": "Japanese", "ko": "Korean", "th": "Thai", "lv": "Latvian", "my": "Burmese"}


@dataclass(frozen=True)
class PeerPage:
    name: str
    language: str  # ISO 639-1 code from the fixture's metadata, "" if it has none
    html: bytes
    expected: str


class PeerArchiveMismatch(CorpusError):
    """The downloaded archive is not the pinned one. Not a download failure: ``make bench`` stops
    on it (one line, through the CLI's bad-input path) instead of skipping the peer pages."""


def fetch_sdist(cache: Path) -> Path:
    """The pinned source distribution, downloaded by pip into ``cache`` unless already there.
    An archive with another digest is deleted (so the next run downloads it afresh rather than
    failing on the same file) and ``PeerArchiveMismatch`` is raised."""
    target = cache / f"{PEER_PROJECT}-{PEER_VERSION}.tar.gz"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                        "--no-deps", "--no-binary", ":all:", f"{PEER_PROJECT}=={PEER_VERSION}",
                        "-d", str(cache)], check=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != PEER_SHA256:
        target.unlink()
        raise PeerArchiveMismatch(target, f"SHA-256 {digest}, not the pinned {PEER_SHA256}; deleted,"
                                          " so the next `make bench` downloads it again")
    return target


def read_pages(sdist: Path) -> list[PeerPage]:
    """Pages with both HTML and expected text, read from the archive without unpacking it.
    A page whose HTML repeats an earlier one's byte for byte is counted once."""
    with tarfile.open(sdist) as archive:
        files = {Path(m.name).relative_to(Path(m.name).parts[0]).as_posix(): m
                 for m in archive.getmembers() if m.isfile()}

        def read(path: str) -> bytes | None:
            member = files.get(path)
            return archive.extractfile(member).read() if member else None

        pages, seen = [], set()
        for path in sorted(p for p in files if p.startswith("tests/data/html/")):
            name = Path(path).stem
            html, expected = read(path), read(f"tests/data/txt/{name}.txt")
            if expected is None or hashlib.sha256(html).hexdigest() in seen:
                continue
            seen.add(hashlib.sha256(html).hexdigest())
            meta = read(f"tests/data/metadata/{name}.json")
            language = json.loads(meta).get("language", "") if meta else ""
            pages.append(PeerPage(name, language, html, expected.decode("utf-8")))
    return pages


def token_scores(kept: str, expected: str) -> dict[str, float]:
    """Bag-of-words overlap of the kept text with the expected text (see the module's notes)."""
    kept_tokens = Counter(TOKEN_RE.findall(kept.lower()))
    expected_tokens = Counter(TOKEN_RE.findall(expected.lower()))
    shared = sum((kept_tokens & expected_tokens).values())
    n_kept, n_expected = sum(kept_tokens.values()), sum(expected_tokens.values())
    precision = shared / n_kept if n_kept else 0.0
    recall = shared / n_expected if n_expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "tokens_expected": n_expected, "tokens_kept": n_kept, "tokens_shared": shared}


def evaluate_pages(pages: list[PeerPage]) -> pd.DataFrame:
    """One row per page: its language (the fixture's, and the cleaner's verdict), page lines,
    and for English pages the body scores."""
    rows = []
    for page in pages:
        text = page_text(page.html)
        article = clean_text(text)
        row = {"page": page.name, "language": page.language, "detected": detect_language(text),
               "page_lines": len(text.splitlines())}
        if page.language == "en":
            row.update(token_scores(article.text, page.expected))
        rows.append(row)
    counts = ["tokens_expected", "tokens_kept", "tokens_shared"]
    return pd.DataFrame(rows).astype({c: "Int64" for c in counts})


def html_extractor_scores(pages: list[PeerPage]) -> pd.DataFrame:
    """The English pages scored the same way for trafilatura reading their HTML, with its default
    settings: what an extractor that sees the markup achieves, beside the cleaner that sees text."""
    import trafilatura  # imported here: slow to import, and only the bench needs it

    # The bytes as saved: trafilatura detects the encoding itself, as it would for a fetched page.
    rows = [{"page": page.name, "language": page.language,
             **token_scores(trafilatura.extract(page.html) or "", page.expected)}
            for page in pages if page.language == "en"]
    counts = ["tokens_expected", "tokens_kept", "tokens_shared"]
    return pd.DataFrame(rows).astype({c: "Int64" for c in counts})


def book_path_scores(pages: list[PeerPage]) -> pd.DataFrame:
    """The English pages scored the same way for what the book does with a saved page in a corpus:
    ``article_text`` (trafilatura, recall favoured, the page's title first), then the cleaner
    with the title and author the page declares. This, not the cleaner on full-page text, is
    what a corpus of saved pages is measured on."""
    from .cleaner import article_text

    rows = []
    for page in pages:
        if page.language != "en":
            continue
        text, meta = article_text(f"{page.name}.html", page.html.decode("utf-8", "replace"))
        article = clean_text(text, title=meta["title"], author=meta["author"])
        rows.append({"page": page.name, "language": page.language, **token_scores(article.text, page.expected)})
    counts = ["tokens_expected", "tokens_kept", "tokens_shared"]
    return pd.DataFrame(rows).astype({c: "Int64" for c in counts})


def pooled_scores(scores: pd.DataFrame) -> dict[str, float]:
    """Over all English pages: token counts summed (pooled), and the mean of the per-page rates."""
    english = scores[scores["language"] == "en"]
    shared, kept, expected = (int(english[k].sum()) for k in ("tokens_shared", "tokens_kept", "tokens_expected"))
    precision, recall = shared / kept, shared / expected
    return {"pages": len(english), "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall),
            **{f"mean_{k}": float(english[k].mean()) for k in ("precision", "recall", "f1")}}


def _pooled_f1(english: pd.DataFrame, draws: np.ndarray) -> np.ndarray:
    """Pooled F1 of each resample of pages (rows of ``draws`` index ``english``'s rows)."""
    shared, kept, expected = (english[k].to_numpy(float)[draws].sum(axis=1)
                              for k in ("tokens_shared", "tokens_kept", "tokens_expected"))
    return 2 * shared / (kept + expected)  # the harmonic mean of shared/kept and shared/expected


def f1_intervals(baseline: pd.DataFrame, other: pd.DataFrame, n: int = PAGE_RESAMPLES) -> dict[str, np.ndarray]:
    """Percentile intervals of the pooled F1 of two score tables on the same pages (two runs of
    the cleaner, or the cleaner and another tool), and of their difference ``other`` minus
    ``baseline``. The English pages are resampled with replacement, the same draw for both: the
    difference is paired."""
    from ..measures.readability import percentile_interval

    tables = [table[table["language"] == "en"].set_index("page").sort_index() for table in (baseline, other)]
    if not tables[0].index.equals(tables[1].index):
        raise ValueError("the two tables scored different pages")
    draws = np.random.default_rng(RESAMPLE_SEED).integers(0, len(tables[1]), size=(n, len(tables[1])))
    baseline_f1, other_f1 = (_pooled_f1(table, draws) for table in tables)
    return {"baseline": percentile_interval(baseline_f1), "other": percentile_interval(other_f1),
            "difference": percentile_interval(other_f1 - baseline_f1)}


def write_scores(scores: pd.DataFrame, path: Path, *, run: str, tool: str = "Cleaner",
                 reads: str = "full-page text") -> None:
    """The scores as CSV under a header naming the tool, what it reads, the peer version, the
    date and the run."""
    header = (f"# {tool} on the English test pages of {PEER_PROJECT} {PEER_VERSION} (PyPI sdist),"
              f" {reads}, token overlap; written by `make bench` on {date.today().isoformat()}."
              f" Run: {run}\n# Numbers only: the pages themselves are not in this repository.\n")
    body = scores.to_csv(index=False, float_format="%.4f", lineterminator="\n")
    path.write_text(header + body, encoding="utf-8")


def write_digests(pages: list[PeerPage], path: Path) -> None:
    """The SHA-256 of every English page's HTML, by page: the pages themselves stay out."""
    rows = [{"page": page.name, "sha256": hashlib.sha256(page.html).hexdigest()}
            for page in pages if page.language == "en"]
    header = (f"# SHA-256 of the HTML of the English test pages of {PEER_PROJECT} {PEER_VERSION}, as `make bench`"
              " scores them: tells which articles of a corpus are these pages.\n")
    path.write_text(header + pd.DataFrame(rows).to_csv(index=False, lineterminator="\n"), encoding="utf-8")


def pages_in_corpus(articles: pd.DataFrame, directory: Path | None = None) -> list[str]:
    """The corpus's files that are scored peer pages, byte for byte (their HTML's SHA-256 is one
    of the pages'): on such a corpus the peer-page scores are in-sample, the cleaner having been
    revised while looking at those pages. Files that cannot be read are not counted."""
    from .evaluation import evaluation_dir

    path = (directory or evaluation_dir()) / DIGESTS_FILE
    if not path.is_file() or articles.empty:
        return []
    digests = set(pd.read_csv(path, comment="#")["sha256"])
    folder = Path(articles.attrs.get("corpus_dir") or ".")
    found = []
    for file in articles["file"]:
        try:
            if hashlib.sha256((folder / file).read_bytes()).hexdigest() in digests:
                found.append(file)
        except OSError:
            continue
    return found


def read_scores(path: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """A scores file and its header: the table, and ``{"version", "date", "run"}``."""
    text = path.read_text(encoding="utf-8")
    comments = " ".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    found = re.search(rf"{PEER_PROJECT} (\S+) .*? on (\d{{4}}-\d{{2}}-\d{{2}})\. Run: ([^#]*?)(?: Numbers only|$)", comments)
    meta = {"version": found.group(1), "date": found.group(2), "run": found.group(3).strip()} if found else {}
    body = "".join(line + "\n" for line in text.splitlines() if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), keep_default_na=False, na_values=[""]), meta


def run_peer_evaluation(root: Path) -> dict[str, float]:
    """``make bench``'s part: fetch, evaluate, write ``newscorpus/data/evaluation/peer_pages_scores.csv``,
    and return the pooled figures. Without the network the peer pages are skipped (said in one
    line); an archive that is not the pinned one raises ``PeerArchiveMismatch``."""
    try:
        sdist = fetch_sdist(root / "_build" / "peer_pages")
    except (subprocess.CalledProcessError, OSError) as exc:  # pip could not download it
        print(f"peer pages skipped: could not fetch {PEER_PROJECT}=={PEER_VERSION} ({exc})")
        return {}
    pages = read_pages(sdist)
    scores = evaluate_pages(pages)
    write_scores(scores, DATA_DIR / "evaluation" / SCORES_FILE, run="current cleaner")
    write_digests(pages, DATA_DIR / "evaluation" / DIGESTS_FILE)
    extractor = html_extractor_scores(pages)
    write_scores(extractor, DATA_DIR / "evaluation" / HTML_EXTRACTOR_FILE,
                 run=f"trafilatura {version('trafilatura')}, default settings", tool="trafilatura", reads="the HTML")
    book_path = book_path_scores(pages)
    write_scores(book_path, DATA_DIR / "evaluation" / BOOK_PATH_FILE,
                 run=f"trafilatura {version('trafilatura')} (recall favoured), then the cleaner",
                 tool="The book's reading of a saved page", reads="the HTML")
    pooled = pooled_scores(scores)
    pooled["trafilatura_f1"] = pooled_scores(extractor)["f1"]
    pooled["book_path_f1"] = pooled_scores(book_path)["f1"]
    others = other_languages(scores)
    pooled["non_english_flagged"], pooled["non_english_pages"] = others["named"], others["pages"]
    print(f"peer pages ({PEER_PROJECT} {PEER_VERSION}): {pooled['pages']} English pages, body precision "
          f"{pooled['precision']:.3f}, recall {pooled['recall']:.3f}, F1 {pooled['f1']:.3f}; "
          f"{pooled['non_english_flagged']} of {pooled['non_english_pages']} other pages named not English; "
          f"trafilatura on the HTML: F1 {pooled['trafilatura_f1']:.3f}; trafilatura then the cleaner (the book's "
          f"path for a saved page): F1 {pooled['book_path_f1']:.3f}")
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in pooled.items()}


def other_languages(scores: pd.DataFrame) -> dict:
    """The pages not in English: how many, how many the cleaner named as not English, and the
    languages it named."""
    others = scores[scores["language"] != "en"]
    return {"pages": len(others), "named": int((others["detected"] != "English").sum()),
            "languages": sorted(set(others["detected"]) - {"English", "unknown"})}


def goal_reached(pooled: dict) -> bool:
    """The issue's goal for the cleaner on full pages: F1 and recall both at least their floors."""
    return pooled["f1"] >= GOAL_F1 and pooled["recall"] >= GOAL_RECALL


def committed_scores(directory: Path | None = None) -> dict[str, tuple[pd.DataFrame, dict[str, str]]]:
    """The first run, the latest ``make bench`` run, trafilatura's scores and the book's own path
    for a saved page (trafilatura, then the cleaner: ``book_path``) on the same pages, as written in
    ``newscorpus/data/evaluation``."""
    from .evaluation import evaluation_dir  # here: evaluation imports the cleaner too

    directory = directory or evaluation_dir()
    return {run: read_scores(directory / name)
            for run, name in (("first", FIRST_RUN_FILE), ("current", SCORES_FILE),
                              ("html_extractor", HTML_EXTRACTOR_FILE), ("book_path", BOOK_PATH_FILE))}


def reader_table(first: pd.DataFrame, current: pd.DataFrame):
    """English pages, first run beside the current one, rates as percentages (a pandas Styler)."""
    rates = {"precision": "Precision", "recall": "Recall", "f1": "F1"}
    columns = {}
    for label, table in (("First run", first), ("Now", current)):
        english = table[table["language"] == "en"].set_index("page")
        for key, heading in rates.items():
            columns[(label, heading)] = english[key]
    joined = pd.DataFrame(columns)
    words = current[current["language"] == "en"].set_index("page")["tokens_expected"].astype(int)
    joined.insert(0, ("", "Article words"), words)
    joined.columns = pd.MultiIndex.from_tuples(joined.columns)
    joined.index.name = f"Test page (its id in {PEER_PROJECT})"
    return joined.style.format("{:.1%}", subset=[c for c in joined.columns if c[0]]).format(
        "{:,d}", subset=[("", "Article words")])
