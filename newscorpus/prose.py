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


# A generated sentence names at most this many items; the rest are counted and left to the table.
TOP_K = 5


def top_k_list(items: Iterable[str], *, k: int = TOP_K, rest: str = "see the table") -> str:
    """The first ``k`` items as an English list, then how many more ("a, b, c and 12 more (see
    the table)"), so no sentence grows with the corpus; ``""`` for no items."""
    items = list(items)
    if len(items) <= k:
        return english_list(items)
    more = len(items) - k
    return english_list([*items[:k], f"{more:,d} more ({rest})"])


def count_noun(n: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "2 articles", "1,204 articles"."""
    return f"{n:,d} {noun if n == 1 else (plural or noun + 's')}"


def number_or(value, spec: str, missing: str = "no value") -> str:
    """``value`` formatted with ``spec``, or ``missing`` for None or NaN: no "nan" in the prose."""
    try:
        if value is None or value != value:
            return missing
    except (TypeError, ValueError):
        return missing
    return format(value, spec)
