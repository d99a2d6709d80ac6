"""Build a small archive of real saved news pages, outside the repository.

    python scripts/peer_pages_archive.py OUTDIR [--cache DIR]

The newspaper4k project ships, in its source distribution on PyPI, the HTML of real news pages
(CNN, Time, Wired, Fox 13, cleveland.com, Yonhap, ...), the same pages ``make bench`` scores the
cleaner on (``newscorpus/cleaning/peer_pages.py``). This script fetches that archive with pip
(pinned by version and SHA-256), and writes its English pages into OUTDIR as ``.html`` files with
a ``sources.csv`` the book's ``check`` accepts: the outlet as the page names itself, its address, the title from
its ``<title>``, the date found by htmldate (a dependency of trafilatura) in the page itself.
It is the shape of a reader's own archive (many outlets, one to four pages each, not about ISIS)
for trying the book on; never commit OUTDIR.
"""

from __future__ import annotations

import argparse
import csv
import html as html_lib
import re
import sys
from pathlib import Path

COLUMNS = ["file", "title", "outlet", "author", "published", "date_precision", "date_basis", "url",
           "outlet_type", "origin"]
TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.S | re.I)
SITE_NAME_RE = re.compile(rb"<meta[^>]+property=[\"']og:site_name[\"'][^>]+content=[\"']([^\"']+)", re.I)
URL_RE = re.compile(rb"<meta[^>]+property=[\"']og:url[\"'][^>]*>|<link[^>]+rel=[\"']canonical[\"'][^>]*>", re.I)
HREF_RE = re.compile(rb"(?:content|href)=[\"'](https?://[^\"']+)", re.I)
TITLE_SITE_RE = re.compile(r"\s(?:\||-|–|—)\s*([^|–—-]{2,40})$")  # "Headline | CNN Politics", "Headline - CNN.com"


def url_of(html: bytes) -> str:
    """The page's own address: its og:url, else its canonical link ("" if it gives none)."""
    for tag in URL_RE.finditer(html):
        found = HREF_RE.search(tag.group(0))
        if found:
            return html_lib.unescape(found.group(1).decode("utf-8", "replace")).strip()
    return ""


def outlet_of(name: str, html: bytes, title: str) -> str:
    """The outlet as the page names itself (its og:site_name, else the site after the last "|" or
    dash of its title, else the host of its own address without "www."), else the fixture's file
    name without its number ("cnn_001" -> "cnn")."""
    from urllib.parse import urlparse

    match = SITE_NAME_RE.search(html)
    if match:
        return html_lib.unescape(match.group(1).decode("utf-8", "replace")).strip()
    match = TITLE_SITE_RE.search(title)
    if match:
        return match.group(1).strip()
    host = urlparse(url_of(html)).hostname or ""
    if host:
        return host.removeprefix("www.")
    return re.sub(r"[_\d]+(article|test_nlp)?$|_\d+$|\d+$", "", name).rstrip("_") or name


def merged_outlets(rows: list[dict]) -> None:
    """One name per outlet: names that differ only in case or a final ".com" ("CNN.com", "CNN")
    take the commonest spelling."""
    from collections import Counter

    key = lambda outlet: outlet.lower().removesuffix(".com")
    spellings = Counter(row["outlet"] for row in rows)
    best = {}
    for outlet, n in spellings.most_common():
        best.setdefault(key(outlet), outlet)
    for row in rows:
        row["outlet"] = best[key(row["outlet"])]


def headline_of(title: str) -> str:
    """The title without the site's name after it."""
    return TITLE_SITE_RE.sub("", title).strip() or title


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("_build/peer_pages"))
    args = parser.parse_args(argv)
    if args.outdir.exists() and any(args.outdir.iterdir()):
        print(f"error: {args.outdir}: not empty; give a new folder", file=sys.stderr)
        return 2
    from htmldate import find_date

    from newscorpus.cleaning.peer_pages import fetch_sdist, read_pages

    pages = [page for page in read_pages(fetch_sdist(args.cache)) if page.language == "en"]
    args.outdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for page in pages:
        name = f"{page.name}.html"
        (args.outdir / name).write_bytes(page.html)
        match = TITLE_RE.search(page.html)
        title = html_lib.unescape(match.group(1).decode("utf-8", "replace")).strip() if match else page.name
        title = " ".join(title.split())
        found = find_date(page.html.decode("utf-8", "replace"), extensive_search=True, original_date=True)
        rows.append({"file": name, "title": headline_of(title)[:200] or page.name,
                     "outlet": outlet_of(page.name, page.html, title), "author": "",
                     "published": found or "2020", "date_precision": "day" if found else "year",
                     "date_basis": "date found in the page by htmldate" if found else "unknown (placeholder)",
                     "url": url_of(page.html), "outlet_type": "news site", "origin": "saved web page (newspaper4k test data)"})
    merged_outlets(rows)
    with (args.outdir / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"ok: {len(rows)} pages in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
