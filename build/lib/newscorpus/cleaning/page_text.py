"""A saved web page as the text a reader gets from it: every visible line, as a browser's
"select all, copy" gives it (the ``innerText`` of the page's body), menus and comments included.

This is how the peer-page evaluation (``peer_pages.py``) turns a page into the kind of input
the cleaner is meant for. It follows the HTML standard's ``innerText`` rules with the browser's
default styles and no scripts: the ``<head>``, scripts, styles, ``<noscript>``, templates and
elements marked hidden (the ``hidden`` attribute or an inline ``display: none``) are not shown;
block elements (paragraphs, headings, list items, divisions, table rows) start a new line, ``<br>``
breaks one, table cells on a row are separated by a tab, and runs of spaces inside a line collapse
to one. The page's own style sheets are not applied (they are separate files, not in the saved
page), so a block that a site hides with CSS is shown, as it is in a text-only scrape.

Written here, on lxml, because the maintained converters do something else: trafilatura and
jusText keep only what they judge to be the article (the very job being measured), html2text
writes Markdown, and BeautifulSoup's ``get_text`` has no notion of block and inline elements,
so it breaks sentences at every link.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

NOT_SHOWN = {
    "head", "script", "style", "noscript", "template", "title", "meta", "link", "iframe",
    "object", "embed", "svg", "canvas", "select", "option", "datalist", "textarea", "input",
    "audio", "video", "source", "track", "map", "param",
}
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
    "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "caption", "tr", "ul", "xmp",
}
CELLS = {"td", "th"}
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES_RE = re.compile(r"[\s\u00a0\u200b]+")
BREAK, TAB = "\x1e", "\x1f"  # stand-ins: newlines in the HTML source are only spaces


def _hidden(element) -> bool:
    return element.get("hidden") is not None or bool(HIDDEN_STYLE_RE.search(element.get("style") or ""))


def _walk(element, out: list[str], pre: bool = False) -> None:
    tail = (element.tail or "").replace("\n", BREAK) if pre else (element.tail or "")
    tag = element.tag.lower().rpartition("}")[2] if isinstance(element.tag, str) else None
    if tag is None or tag in NOT_SHOWN or _hidden(element):  # comments too: only the tail shows
        out.append(tail)
        return
    inner_pre = pre or tag in {"pre", "listing", "plaintext", "xmp"}
    block = tag in BLOCKS
    if block or tag == "br":
        out.append(BREAK)
    elif tag in CELLS:
        out.append(TAB)
    text = element.text or ""
    out.append(text.replace("\n", BREAK) if inner_pre else text)
    for child in element:
        _walk(child, out, inner_pre)
    if block:
        out.append(BREAK)
    out.append(tail)


def decode(html: bytes) -> str:
    """UTF-8 if the bytes are valid UTF-8 (whatever the page declares: saved pages are often
    re-encoded), else Windows-1252, the browsers' fallback for unlabelled Western pages."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp1252", errors="replace")


def page_text(html: bytes | str) -> str:
    """Every visible line of an HTML page's body, one per line, blank lines dropped."""
    if isinstance(html, bytes):
        html = decode(html)
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses a str with an XML declaration
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    out: list[str] = []
    _walk(body if body is not None else root, out)
    lines = ("\t".join(SPACES_RE.sub(" ", cell).strip() for cell in line.split(TAB)).strip()
             for line in "".join(out).split(BREAK))
    return "\n".join(line for line in lines if line)
