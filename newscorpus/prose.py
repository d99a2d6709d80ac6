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


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def small_number(n: int) -> str:
    """A count as a sentence says it: "one" to "nine" in words, larger counts as figures ("1,204")."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,d}"


def tied_list(items: Iterable[str], *, k: int = 1, noun: str = "article", plural: str | None = None,
              rest: str = "see the table", bracketed: bool = False) -> str:
    """Items that tie (at an end of a range), as the subject or object of a sentence: all of them
    when there are at most ``k + 1`` (two tied articles are both named, never "A and 1 more");
    else the first ``k`` and how many others, in words with the noun: "A and two other articles
    (see the table)". ``bracketed``: the list stands inside brackets already, so the pointer to
    the table follows a semicolon instead of a bracket of its own ("(A and two other articles; see
    the table)"). A verb after it takes :func:`agrees` with the number of items ("A and one
    other article have the fewest"). ``""`` for no items."""
    items, k = list(items), max(1, k)  # "and two other articles": one at least is named
    if len(items) <= k + 1:
        return english_list(items)
    others = len(items) - k  # two or more
    noun = plural or noun + "s"
    pointer = f"; {rest}" if bracketed else f" ({rest})"
    return english_list([*items[:k], f"{small_number(others)} other {noun}"]) + (pointer if rest else "")


def agrees(n: int, singular: str, plural: str) -> str:
    """The verb form for a subject of ``n`` items: ``singular`` for one, ``plural`` otherwise
    ("carries"/"carry", "is"/"are")."""
    return singular if n == 1 else plural
