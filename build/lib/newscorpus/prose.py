"""Words for the sentences the package writes into the book: one way to list things."""

from __future__ import annotations

from collections.abc import Iterable


def english_list(items: Iterable[str]) -> str:
    """"a", "a and b", "a, b and c"; with semicolons when an item has its own comma, as article
    names do ("Al-Monitor, June 2014; Al-Ahed News, December 2016; and Rawabet Center, 2020")."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    separator = "; " if any("," in item for item in items) else ", "
    serial = ";" if separator == "; " and len(items) > 2 else ""
    return separator.join(items[:-1]) + serial + " and " + items[-1]
