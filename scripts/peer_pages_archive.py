"""Build a small archive of real saved news pages, outside the repository.

    python scripts/peer_pages_archive.py OUTDIR [--cache DIR]

The newspaper4k project ships, in its source distribution on PyPI, the HTML of real news pages
(CNN, Time, Wired, Fox 13, cleveland.com, Yonhap, ...), the same pages ``make bench`` scores the
cleaner on (``newscorpus/cleaning/peer_pages.py``). This script fetches that archive with pip
(pinned by version and SHA-256), and writes its English pages into OUTDIR as ``.html`` files with
a ``sources.csv`` the book's ``check`` accepts: the outlet as the page names itself, its address, the title from
its ``<title>``, and its date: from the page's own publication metadata when it has any
(``article:published_time``, ``datePublished``), else the date printed under its headline, else
the date htmldate (a dependency of trafilatura) finds in the page, which ``date_basis`` then says
may be the day the page was saved rather than published (a site header's "today").
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
# The page's own publication date, in the order trusted: meta tags, then JSON-LD / microdata.
META_DATE_RES = [
    ("article:published_time", re.compile(rb"<meta[^>]+(?:property|name)=[\"']article:published_time[\"'][^>]*>", re.I)),
    ("datePublished", re.compile(rb"\"datePublished\"\s*:\s*\"[^\"]+\"|<meta[^>]+itemprop=[\"']datePublished[\"'][^>]*>", re.I)),
    ("pub_date", re.compile(rb"(?:\"|&quot;)pub_date(?:\"|&quot;)\s*:\s*(?:\"|&quot;)[^\"&]+", re.I)),
]
ISO_DAY_RE = re.compile(rb"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
H1_END_RE = re.compile(rb"</h1\s*>", re.I)
TAG_RE = re.compile(r"<[^>]+>")
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], start=1)}
# "Thu, 14 May 2020", "14 May 2020", "May 14, 2020", "2020-05-14" printed under a headline
PRINTED_DATE_RE = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8})\.? ((?:19|20)\d\d)\b|\b([A-Z][a-z]{2,8})\.? (\d{1,2}), "
                             r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
HEADER_CHARS = 200  # how much text after the headline counts as its byline and date line
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


def metadata_date(html: bytes) -> tuple[str, str] | None:
    """The publication day the page declares for itself, as ``(YYYY-MM-DD, where)``: its
    ``article:published_time`` meta tag, else a ``datePublished`` (JSON-LD or microdata), else a
    Parse.ly ``pub_date``; None if it declares none."""
    for where, pattern in META_DATE_RES:
        for tag in pattern.finditer(html):
            day = ISO_DAY_RE.search(tag.group(0))
            if day:
                return b"-".join(day.groups()).decode(), where
    return None


def printed_date(html: bytes) -> str | None:
    """The first full date printed in the text just under the page's first headline (``<h1>``),
    where a byline's date line stands ("Max Blumenthal, Thu, 14 May 2020"); None if there is none."""
    from datetime import date

    end = H1_END_RE.search(html)
    if not end:
        return None
    text = " ".join(html_lib.unescape(TAG_RE.sub(" ", html[end.end():end.end() + 20 * HEADER_CHARS]
                                                 .decode("utf-8", "replace"))).split())[:HEADER_CHARS]
    for found in PRINTED_DATE_RE.finditer(text):
        day, month, year, month2, day2, year2, iso_year, iso_month, iso_day = found.groups()
        try:
            if iso_year:
                return date(int(iso_year), int(iso_month), int(iso_day)).isoformat()
            number = MONTHS.get((month or month2)[:3].lower())
            if number:
                return date(int(year or year2), number, int(day or day2)).isoformat()
        except ValueError:
            continue
    return None


def publication_date(html: bytes) -> tuple[str, str, str]:
    """``(published, date_precision, date_basis)`` for a saved page: its own metadata first, then
    the date printed under its headline, then htmldate's guess (said to be a guess: on a page
    without metadata it can be a site header's date of the day the page was saved)."""
    declared = metadata_date(html)
    if declared:
        return declared[0], "day", f"the page's publication metadata ({declared[1]})"
    printed = printed_date(html)
    if printed:
        return printed, "day", "printed under the headline (the page has no publication metadata)"
    from htmldate import find_date

    found = find_date(html.decode("utf-8", "replace"), extensive_search=True, original_date=True)
    if found:
        return found, "day", "found in the page by htmldate; may be the day the page was saved, not published"
    return "2020", "year", "unknown (placeholder)"


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
        published, precision, basis = publication_date(page.html)
        rows.append({"file": name, "title": headline_of(title)[:200] or page.name,
                     "outlet": outlet_of(page.name, page.html, title), "author": "",
                     "published": published, "date_precision": precision, "date_basis": basis,
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
