"""Markup in a plain-text article: angle-bracket tags are not prose.

Text exported from a content system or an annotation tool can keep the tags of embedded items
(``<tweet id="..." author="...">``, ``</a>``, ``<br/>``, ``<!-- ... -->``). Read as words, their
names and attribute values ("tweet", "author", an account name, a number) would be counted as the
article's own. :func:`neutralise` blanks every tag with spaces of the same length, so that every
other character keeps its offset in the text as read (the text layer's offsets index it,
``layer/document.py``), and returns each tag with its 1-based line number for the audit. The text
between an opening and a closing tag (an embedded tweet's words) is kept: it is quoted text.

Only what is unmistakably markup is blanked: ``<`` followed at once by a tag name (or ``/`` and a
name, or ``!--``), then attributes of the form ``name``, ``name="value"``, ``name='value'`` or
``name=value``, then ``>`` or ``/>``. "a < b", "<http://example.org>" or "<john@example.org>" are
left alone. Nothing here knows any tag's name.
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z][\w:.-]*"
_ATTRIBUTE = rf"""\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?"""
TAG_RE = re.compile(rf"<!--.*?-->|</{_NAME}\s*>|<{_NAME}(?:{_ATTRIBUTE})*\s*/?>", re.DOTALL)
MARKUP = "markup"


def neutralise(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with every markup tag replaced by as many spaces (line breaks inside a tag are
    kept, so line numbers do not move either), and the tags as (line, tag) pairs in order."""
    if "<" not in text:
        return text, []
    found: list[tuple[int, str]] = []
    pieces: list[str] = []
    last, line = 0, 1
    for match in TAG_RE.finditer(text):
        line += text.count("\n", last, match.start())
        tag = match.group()
        found.append((line, " ".join(tag.split())))
        pieces.append(text[last:match.start()])
        pieces.append(re.sub(r"[^\n]", " ", tag))
        line += tag.count("\n")
        last = match.end()
    if not found:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), found
