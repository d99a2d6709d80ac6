"""Every page of the built book in a real browser: headless Chromium (Debian's) driven by
Playwright, with axe-core (from npm, in tests/browser/) checking accessibility.

Skipped, with a message saying how to enable it, where Chromium or axe-core is missing; `.ci/run`
installs both, so in CI this test always runs.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml

from conftest import REPO

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The flags this machine needs: no sandbox as root, and no background calls to Google's hosts
# (the network is closed; each refused connection would be a console error).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and AXE.is_file()),
    reason="browser test needs Debian's Chromium and axe-core: `apt-get install chromium` and "
           "`npm ci --prefix tests/browser` (what .ci/run does)",
)


def book_pages(root: Path) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{f}.html" for f in files] + ["search.html", "genindex.html"]


@pytest.fixture(scope="module")
def site(built_book):
    """The built HTML served on a loopback port, as a reader's browser would get it."""
    root, result = built_book
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    html = root / "_build" / "html"
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, html, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output for failures
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def visit(browser, url: str):
    """A fresh context (a first-time reader: no stored theme mode), the page, its console errors."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def test_every_page_loads_without_console_errors_and_with_every_image(site, browser):
    root, _, base = site
    problems = []
    for name in book_pages(root):
        context, page, errors = visit(browser, base + name)
        broken = page.evaluate("""() => [...document.images]
            .filter(img => !img.complete || img.naturalWidth === 0).map(img => img.src)""")
        problems += [f"{name}: console: {e}" for e in errors] + [f"{name}: image not loaded: {s}" for s in broken]
        context.close()
    assert not problems, "\n".join(problems)


def test_internal_links_resolve(site, browser):
    root, html, base = site
    missing = []
    for name in book_pages(root):
        context, page, _ = visit(browser, base + name)
        hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        for href in hrefs:
            target = urlparse(urljoin(base + name, href))
            if not target.netloc.startswith("127.0.0.1"):
                continue  # external links are the articles' sources; this machine has no network
            path = html / unquote(target.path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                missing.append(f"{name}: {href}")
            elif target.fragment and f'id="{target.fragment}"' not in path.read_text(errors="replace"):
                missing.append(f"{name}: {href} (no such anchor)")
        context.close()
    assert not missing, "\n".join(missing)


def test_search_finds_mosul(site, browser):
    _, _, base = site
    context, page, errors = visit(browser, base + "search.html?q=Mosul")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    results = page.locator("#search-results ul.search li").count()
    context.close()
    assert results >= 2 and not errors, (results, errors)


def test_evidence_tables_sort_and_filter(site, browser):
    """The long evidence tables are interactive (sortable, searchable) in the static HTML."""
    from playwright.sync_api import expect

    root, _, base = site
    checked = []
    for name in book_pages(root):
        context, page, _ = visit(browser, base + name)
        containers = page.locator(".dt-container")
        for i in range(containers.count()):
            box = containers.nth(i)
            # itables shows a table that fits on one page without search or paging: nothing to filter
            if not box.is_visible() or box.locator("input[type=search]").count() == 0:
                continue
            info, search = box.locator(".dt-info"), box.locator("input[type=search]")
            # itables lets readers select header text, so a column sorts from its arrow icon
            column = box.locator("table.dataTable thead th").last
            header = column.locator(".dt-column-order")
            first_row = box.locator("table.dataTable tbody tr").first
            where = f"{name}: table {i}"
            shown = info.inner_text()
            # DataTables redraws after the click returns (the header's class changes first), so
            # each step waits for what a reader would see rather than reading the rows at once
            header.click()
            expect(column, f"{where} does not sort").to_have_class(re.compile(r"dt-ordering-asc"))
            page.wait_for_timeout(250)
            ascending = first_row.inner_text()
            header.click()
            expect(column, f"{where} does not sort").to_have_class(re.compile(r"dt-ordering-desc"))
            if "of 1 entries" not in shown:
                expect(first_row, f"{where} does not sort").not_to_have_text(ascending)
            search.fill("zzzz-no-such-text")
            expect(info, f"{where} does not filter").to_contain_text("0 to 0 of 0")
            search.fill("")
            expect(info, f"{where} does not clear its filter").to_have_text(shown)
            checked.append(name)
        context.close()
    # cleaning audit, attributions, keyword-in-context, places
    assert {"notebooks/02_cleaning.html", "notebooks/04_framing.html", "notebooks/05_themes.html"} <= set(checked), checked


def test_no_serious_or_critical_accessibility_violations(site, browser):
    root, _, base = site
    axe = AXE.read_text()
    found = []
    for name in book_pages(root):
        for mode in ("light", "dark"):
            context, page, _ = visit(browser, base + name)
            page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
            # the theme's colours fade in over 0.15 s (Bootstrap's transitions); a reader who
            # chose a mode gets it before the first paint, so measure once nothing is moving
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
            page.add_script_tag(content=axe)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [n["target"] for n in violation["nodes"]][:3]
                    found.append(f"{name} ({mode}): {violation['id']} ({violation['impact']}): {targets}")
            context.close()
    assert not found, "\n".join(found)
