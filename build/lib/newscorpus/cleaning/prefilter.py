"""Substrings a regular expression cannot match without, so most lines skip the regex entirely.

``required_substrings(r"continue reading (this|the) (article|story)")`` is
``{"continue reading this article", "continue reading the article", ...}``: any text the pattern
matches contains at least one of them, so a line that contains none of them cannot match, and a
plain ``in`` test (far cheaper than a regex search over a long paragraph) rules it out.

This is the "prefilter" idea of RE2 and of code-search engines. No maintained Python library
offers it for Python's own regex syntax (``google-re2`` and ``hyperscan`` use other dialects, in
which ``\\w`` and ``\\b`` are ASCII-only), so it is written here on the parser of the ``re``
module itself. The reasoning is conservative: whatever cannot be reasoned about (a character
class, ``.``, an unbounded repeat) simply imposes no requirement, so the filter may let a line
through needlessly but never rejects one the pattern would match. ``tests/test_prefilter.py``
checks that on every lexicon row and on generated strings.
"""

from __future__ import annotations

try:  # Python 3.11+ names the parser module like this; sre_parse is its deprecated alias.
    from re import _constants as sre, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Past this many alternatives a set of exact strings stops being a cheap test.
MAX_STRINGS = 64
# A character class this small ([$£€]) is kept as alternatives; a larger one imposes nothing.
MAX_CLASS = 8

# Each node is summarised as (exact, required):
# - exact: the complete set of strings the node can match, or None if it is not small and finite;
# - required: a set of strings, one of which occurs in anything the node matches, or None.
_Summary = tuple[frozenset[str] | None, frozenset[str] | None]
_NOTHING: _Summary = (frozenset({""}), None)  # zero-width: anchors, \b, lookarounds


def required_substrings(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one; None if the pattern
    imposes no such requirement (then every line must be searched)."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None  # literals would match in any case: the filter would be wrong
    exact, required = _sequence(parsed)
    return _better(required, exact)


def _useful(strings: frozenset[str] | None) -> bool:
    return bool(strings) and "" not in strings and len(strings) <= MAX_STRINGS


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two requirements, the more selective: longer shortest string, then fewer strings."""
    candidates = [s for s in (a, b) if _useful(s)]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _cross(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items) -> _Summary:
    """Concatenation: exact strings multiply out; where that chain breaks, what it had so far
    becomes one candidate requirement, and the most selective candidate wins."""
    run = frozenset({""})  # the exact strings of the current unbroken chain
    whole = True  # the chain has not broken: ``run`` is the sequence's exact set
    best: frozenset[str] | None = None
    for op, av in items:
        item_exact, item_required = _node(op, av)
        if item_exact is not None:
            joined = _cross(run, item_exact)
            if joined is not None:
                run = joined
                continue
        best = _better(_better(best, run), item_required)
        whole = False
        run = item_exact if item_exact is not None else frozenset({""})
    return (run if whole else None), _better(best, run)


def _node(op, av) -> _Summary:
    if op is sre.LITERAL:
        return frozenset({chr(av)}), None
    if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            return None, None  # (?i:...): its literals match in any case
        return _sequence(items)
    if op is sre.BRANCH:
        summaries = [_sequence(alternative) for alternative in av[1]]
        exact = None
        if all(e is not None for e, _ in summaries):
            exact = frozenset().union(*(e for e, _ in summaries))
            exact = exact if len(exact) <= MAX_STRINGS else None
        # One alternative matches, so one of the alternatives' own requirements is met.
        requirements = [_better(r, e) for e, r in summaries]
        required = None
        if all(r is not None for r in requirements):
            required = frozenset().union(*requirements)
        return exact, required if _useful(required) else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, item = av
        item_exact, item_required = _sequence(item)
        if low == 0 and high == 1 and item_exact is not None:
            return item_exact | {""}, None  # optional: (web)?site is "site" or "website"
        if low >= 1:
            return (item_exact if low == high == 1 else None), _better(item_required, item_exact)
        return None, None
    if op is sre.IN:
        chars = [chr(value) for kind, value in av if kind is sre.LITERAL]
        if len(chars) == len(av) and 0 < len(chars) <= MAX_CLASS:
            return frozenset(chars), None
        return None, None
    return None, None  # ., \s, \w, negated literals, backreferences: no requirement known
