"""Sphinx extension: the CSV files the pages link to, copied into ``_build/html/tables/``.

An evidence table or a download too big to carry inside its page (``evidence.py``) is written,
while its notebook executes, to ``_build/.newscorpus_tables/`` and linked as ``../tables/NAME``.
When the build has written the pages, this copies every file a page links to into the output
folder, and only those (a file left from an earlier corpus is not published). A link whose file
is missing (the store deleted while the execution cache was kept) is a warning, fatal in the
strict build: ``make clean`` and build again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .evidence import TABLES_STORE, TABLES_URL

logger = logging.getLogger(__name__)
LINK = re.compile(r'href="(?:\.\./)*' + re.escape(TABLES_URL) + r'/([^"/]+\.csv)"')


def linked_tables(html_dir: Path) -> dict[str, list[Path]]:
    """File name -> the pages that link to it."""
    found: dict[str, list[Path]] = {}
    for page in html_dir.rglob("*.html"):
        for name in LINK.findall(page.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(name, []).append(page)
    return found


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    html_dir, store = Path(app.outdir), Path(app.srcdir) / TABLES_STORE
    target = html_dir / TABLES_URL
    shutil.rmtree(target, ignore_errors=True)
    for name, pages in sorted(linked_tables(html_dir).items()):
        source = store / name
        if not source.is_file():
            logger.warning(f"{pages[0].relative_to(html_dir)} links to tables/{name}, which the build no longer has: "
                           "run `make clean` and build again")
            continue
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
