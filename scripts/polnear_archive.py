"""Build a development archive from PolNeAR's texts, outside the repository.

    python scripts/polnear_archive.py ../shared/evaluation/polnear OUTDIR [--articles N] [--outlets K]
        [--with-seeds]

PolNeAR (Newell, Margolin & Ruths 2018) holds 1,008 US-election news articles from seven
outlets; its ``train/`` and ``dev/`` folders (924 here) name each file
``<outlet>_<YYYY-MM-DD>_<slug>.txt``. This script copies them into OUTDIR with a ``sources.csv``
the book's ``check`` accepts: outlet and date from the file name, the title from the first line;
and a ``corpus.toml`` with ``clean = false``, since PolNeAR's texts are article text, not scraped
pages (the book keeps every paragraph; it still takes out markup tags and datelines).
The texts stay where the licence allows them (evaluation and development only): never commit
OUTDIR.

``--articles N`` takes N articles spread evenly over the outlets (the same N always gives the same
files); ``--outlets K`` keeps the first K outlets; ``--with-seeds SEEDS`` adds the articles of a
seeds folder (the original five), for a corpus that mixes the two.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

# The file-name prefixes PolNeAR uses, and the outlets' own names.
OUTLETS = {
    "breitbart": ("Breitbart", "partisan news site"),
    "huff-post": ("HuffPost", "online newspaper"),
    "nyt": ("The New York Times", "newspaper"),
    "politico": ("Politico", "political news site"),
    "usa-today": ("USA Today", "newspaper"),
    "wash-post": ("The Washington Post", "newspaper"),
    "west-journal": ("Western Journalism", "partisan news site"),
}
NAME_RE = re.compile(r"^(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)\.txt$")
# PolNeAR's texts are the articles' text, with no page furniture: the book reads them as they are.
SETTINGS_FILE = "corpus.toml"
SETTINGS = "# How the book reads this corpus (see the README).\n# The texts are article text, not scraped pages: no boilerplate removal.\nclean = false\n"
COLUMNS = ["file", "title", "outlet", "author", "published", "date_precision", "date_basis", "url",
           "outlet_type", "origin"]


def polnear_files(polnear: Path) -> list[Path]:
    """Every annotated text of train/ and dev/, one per article (a second annotator's copy of
    the same text has the same name in text/, so nothing is counted twice)."""
    files = sorted({path.name: path for split in ("train", "dev")
                    for path in (polnear / split / "text").glob("*.txt")}.values(),
                   key=lambda path: path.name)
    if not files:
        raise SystemExit(f"error: {polnear}: no PolNeAR texts under train/text or dev/text")
    return files


def choose(files: list[Path], articles: int | None, outlets: int | None) -> list[Path]:
    """The first K outlets (alphabetical by prefix), then N articles taken round-robin over
    them in date order, so every outlet is represented as evenly as N allows."""
    by_outlet: dict[str, list[Path]] = {}
    for path in files:
        match = NAME_RE.match(path.name)
        if match and match["outlet"] in OUTLETS:
            by_outlet.setdefault(match["outlet"], []).append(path)
    kept = sorted(by_outlet)[:outlets] if outlets else sorted(by_outlet)
    queues = [sorted(by_outlet[name]) for name in kept]
    if articles is None:
        return sorted(path for queue in queues for path in queue)
    chosen: list[Path] = []
    while len(chosen) < articles and any(queues):
        for queue in queues:
            if queue and len(chosen) < articles:
                chosen.append(queue.pop(0))
    return sorted(chosen)


def title_of(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:200]


def write_archive(files: list[Path], target: Path, seeds: Path | None = None) -> int:
    target.mkdir(parents=True, exist_ok=True)
    rows = []
    if seeds is not None:
        with (seeds / "sources.csv").open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                shutil.copyfile(seeds / row["file"], target / row["file"])
                rows.append({column: row.get(column, "") for column in COLUMNS})
    for path in files:
        match = NAME_RE.match(path.name)
        outlet, outlet_type = OUTLETS[match["outlet"]]
        text = path.read_text(encoding="utf-8")
        shutil.copyfile(path, target / path.name)
        rows.append({"file": path.name, "title": title_of(text), "outlet": outlet, "author": "",
                     "published": match["date"], "date_precision": "day",
                     "date_basis": "PolNeAR file name", "url": "", "outlet_type": outlet_type,
                     "origin": "original reporting (PolNeAR corpus)"})
    with (target / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    if seeds is None:  # with the original five (scraped pages) the corpus is cleaned as usual
        (target / SETTINGS_FILE).write_text(SETTINGS, encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="PolNeAR folder with train/ and dev/")
    parser.add_argument("outdir", type=Path, help="where to write the corpus (outside the repository)")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--outlets", type=int, default=None)
    parser.add_argument("--with-seeds", type=Path, default=None, metavar="SEEDS")
    args = parser.parse_args(argv)
    if args.outdir.exists() and any(args.outdir.iterdir()):
        print(f"error: {args.outdir}: not empty; give a new folder", file=sys.stderr)
        return 2
    files = choose(polnear_files(args.polnear), args.articles, args.outlets)
    count = write_archive(files, args.outdir, args.with_seeds)
    count -= drop_refused(args.outdir)
    print(f"ok: {count} articles in {args.outdir}")
    return 0


def drop_refused(target: Path) -> int:
    """Remove what the book's check refuses (a second copy of a text, a page with no body left
    after cleaning), saying which and why, so the archive builds as it is; returns how many."""
    from newscorpus.check import check_corpus

    _, problems = check_corpus(target)
    refused = {Path(problem.path).name: problem.problem for problem in problems}
    for name, why in sorted(refused.items()):
        print(f"skipped: {name}: {why}", file=sys.stderr)
        (target / name).unlink(missing_ok=True)
    path = target / "sources.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["file"] not in refused]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(refused)


if __name__ == "__main__":
    sys.exit(main())
