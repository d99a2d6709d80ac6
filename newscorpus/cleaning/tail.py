"""What a full page puts after the article: teasers, reader comments, the author's bio, site
sections. Each reads like prose, so length and stop words keep it; these signals are about its
structure and its position after the main run of body text, not about any site's wording.

- **Teaser blocks**: a headline-like line with a one-sentence summary, an author's name or a date,
  repeated; or a run of title-case headlines. One such block can be a subheading and its
  paragraph; several in a row with bylines, dates or title case are a list of other stories.
- **Comment threads**: short prose paragraphs with their own name or date lines, repeated; the
  thread starts at the first of them, or at the paragraph just above it when that paragraph
  addresses someone ("Hi Sarah", "Thanks for ...", "I ...", "you"). A thread ends the page's
  text: a run with prose right below it, or whose shape (a short name-like line under a
  paragraph) already stands between the article's paragraphs higher up, is the article's own
  (sections under headings such as "Gender Equality.", letters over their writers' names).
- **Headline lists**: three or more bulleted title-case headlines after the body's middle, with
  no prose below them ("More Must-Reads From ...", "- The Best Inventions of 2023").
- **Author bio**: a sentence near the end that says who a named person is ("Jane Doe is a
  senior fellow at ..."), or that opens with the byline's name ("Layla Hassan reports on ...").
- **End of the article**: a *Related* header once nine tenths of the body text is behind it, or
  an *About us* header once six tenths is, ends the article; prose below it belongs to the page.
  (A comments header already ends it in the cleaner, as before.)
- **Islands**: a little body text (a tenth or less) far below the article, across ten or more
  lines of furniture.

All work on the cleaner's units after the body has been chosen (``cleaner.clean_text``) and only
ever take lines out of the body.
"""

from __future__ import annotations

import re

# Where the article's tail begins: this share of the body's characters is above the line.
TAIL_SHARE = 0.5
# A section header past this share of the body ends the article: a list of links can sit inside
# an article's last part, the site's "about us" cannot (comments headers: the cleaner's own rule).
END_HEADER_SHARE = {"related links": 0.9, "about us": 0.6}
END_HEADER_WORDS = 6
# A bio is a sentence about a person in the body's last part.
BIO_SHARE = 0.6
# An island: body text after this many non-body lines in a row, past this share, this small.
ISLAND_GAP, ISLAND_SHARE, ISLAND_MAX_SHARE = 10, 0.8, 0.1
# Teasers: headline length, summary length, blocks needed.
HEADLINE_WORDS, SUMMARY_WORDS = (2, 16), (5, 45)
MIN_TEASER_BLOCKS, MIN_HEADLINE_RUN = 2, 3
LINK_ITEM_WORDS = (2, 20)  # a bulleted headline in a list of other stories
# Comments: name or date lines that recur, with at most this many paragraphs between them.
MAX_COMMENT_PARAGRAPHS = 3
MIN_COMMENT_SIGNATURES = 2
SIGNATURE_WORDS = 12  # the longest byline or date line the lexicon knows
MIN_COMMENT_WORDS = 5  # a comment is prose; menu items between name-like links are not
# A line of a thread's shape this far into the article (paragraphs above it) is the article's own.
MIN_BODY_ABOVE_SIBLING = 2

ATTRIBUTION_REASONS = {"date line", "byline", "signature"}
ADDRESS_RE = re.compile(
    r"^(hi|hello|hey|dear|thanks|thank you|great|nice|excellent|well said|i|i'm|i've|i'd|my)\b"
    r"|\byou(r|'re|'ve)?\b",
    re.IGNORECASE,
)
BIO_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s){1,3}(?:is|was|has been)\s(?:an?|the)\s(?:[\w-]+,?\s){0,4}?"
    r"(?:reporter|writer|journalist|correspondent|fellow|editor|professor|author|analyst|"
    r"researcher|contributor|columnist|producer|lecturer|scholar|freelancer)\b"
)
BYLINE_PREFIX_RE = re.compile(r"^(by|written by|words by|reported by|story by)\s*:?\s+", re.IGNORECASE)
ARTICLES = {"The", "A", "An"}
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on",
               "or", "the", "to", "vs", "with", "is", "are", "its", "it", "up"}
TITLE_WORD_RE = re.compile(r"[\w'’-]+")


def _body_shares(units) -> list[float]:
    """For each unit, the share of the body's characters above it."""
    total = sum(len(u.text) for u in units if u.role == "body") or 1
    shares, seen = [], 0
    for unit in units:
        shares.append(seen / total)
        if unit.role == "body":
            seen += len(unit.text)
    return shares


def is_title_case(text: str) -> bool:
    """Most words capitalised, as headlines are and sentences are not."""
    words = [w for w in TITLE_WORD_RE.findall(text) if w.lower() not in SMALL_WORDS and w[0].isalpha()]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_like(unit) -> bool:
    low, high = HEADLINE_WORDS
    return (low <= unit.n_words <= high and not unit.bullet
            and not unit.text.rstrip("\"'”’").endswith((".", "!", ":", ","))
            and (unit.text[0].isupper() or unit.text[0].isdigit() or unit.text[0] in "\"'“‘#"))


def _summary_like(unit) -> bool:
    low, high = SUMMARY_WORDS
    return low <= unit.n_words <= high and unit.sentence


def _attribution(unit, is_name_like) -> bool:
    return (unit.role in ATTRIBUTION_REASONS or unit.category == "date line"
            or (unit.n_words <= 4 and is_name_like(unit.text.rstrip("."))))  # "Daniel R."


def _teaser_block(units, i: int, is_name_like) -> tuple[int, bool, bool] | None:
    """A block starting at ``i``: its length, whether it has a name or date, whether its
    headline is in title case. None if no block starts there."""
    if not _headline_like(units[i]):
        return None
    j, summary, attributed = i + 1, False, False
    while j < len(units) and j - i <= 4:
        if _attribution(units[j], is_name_like):
            attributed = True
        elif not summary and _summary_like(units[j]):
            summary = True
        else:
            break
        j += 1
    if not summary:
        return None
    return j - i, attributed, is_title_case(units[i].text)


def mark_tail(units, is_name_like) -> None:
    """All of this module's signals, in order; the body's shares are recounted only after a
    signal took something out (most articles have no tail: one count, four cheap scans)."""
    shares = _body_shares(units)
    for mark in (mark_teasers, mark_comments, mark_bio, mark_end):
        if mark(units, shares, is_name_like):
            shares = _body_shares(units)


def _linked_headline(unit) -> bool:
    """An item of a list of other stories' headlines: a bulleted line in title case, no sentence
    of prose ("- The Best Inventions of 2023")."""
    low, high = LINK_ITEM_WORDS
    return unit.bullet and low <= unit.n_words <= high and is_title_case(unit.text)


def _prose(unit) -> bool:
    """A paragraph of the body's prose (no list item)."""
    return unit.role == "body" and unit.sentence and unit.n_words >= MIN_COMMENT_WORDS and not unit.bullet


def _prose_below(units, end: int) -> bool:
    """Whether a paragraph of the body's prose stands below ``units[end]``."""
    return any(_prose(u) for u in units[end + 1:])


def mark_teasers(units, shares, is_name_like) -> bool:
    """Runs of teaser blocks, and runs of title-case headlines, after the body has begun; and a
    bulleted list of headlines that ends the body."""
    taken = False
    i = 0
    while i < len(units):
        if shares[i] >= TAIL_SHARE and _linked_headline(units[i]):
            k = i
            while k < len(units) and _linked_headline(units[k]):
                k += 1
            if k - i >= MIN_HEADLINE_RUN and not _prose_below(units, k - 1):
                start = i - 1 if i and _headline_like(units[i - 1]) and units[i - 1].role == "body" else i
                _take(units[start:k], "teasers")  # with the list's own header, if kept
                taken, i = True, k
                continue
        if shares[i] < TAIL_SHARE or not _headline_like(units[i]):
            i += 1  # neither kind of run can start here (most lines: paragraphs)
            continue
        # consecutive blocks, each marked as another story's: its own name or date line, or a
        # title-case headline
        blocks, j = 0, i
        while j < len(units) and (block := _teaser_block(units, j, is_name_like)) and (block[1] or block[2]):
            blocks += 1
            j += block[0]
        if blocks >= MIN_TEASER_BLOCKS:
            _take(units[i:j], "teasers")
            taken, i = True, j
            continue
        k = i
        while k < len(units) and _headline_like(units[k]) and is_title_case(units[k].text):
            k += 1
        if k - i >= MIN_HEADLINE_RUN:
            start = i - 1 if i and _headline_like(units[i - 1]) and units[i - 1].role == "body" else i
            _take(units[start:k], "teasers")  # with the run's own header ("More Must-Reads")
            taken, i = True, k
            continue
        i += 1
    return taken


def mark_comments(units, shares, is_name_like) -> bool:
    """A thread: name or date lines that recur with a few paragraphs between them."""
    taken = False
    signatures = [i for i, u in enumerate(units)  # (no name or date line is a long paragraph)
                  if u.n_words <= SIGNATURE_WORDS and shares[i] >= TAIL_SHARE and u.role != "title"
                  and _attribution(u, is_name_like)]
    # group adjacent signature lines ("Daniel R." over "March 4, 2019 at 9:12 am")
    groups: list[list[int]] = []
    for i in signatures:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    run: list[list[int]] = []
    for group in groups + [None]:
        if group is not None and run:
            between = units[run[-1][-1] + 1: group[0]]
            if 1 <= len(between) <= MAX_COMMENT_PARAGRAPHS and all(
                    u.role == "body" and u.n_words >= MIN_COMMENT_WORDS for u in between):
                run.append(group)
                continue
        if len(run) >= MIN_COMMENT_SIGNATURES and not _inside_article(units, run, is_name_like):
            _mark_thread(units, run)
            taken = True
        run = [group] if group is not None else []
    return taken


def _inside_article(units, run: list[list[int]], is_name_like) -> bool:
    """Whether a run of name lines over paragraphs is the article's own structure, not a thread.
    A thread ends the page's text, after the article: a paragraph of prose right below its last
    comment means the run stands in the middle of the body (sections under short headings,
    "Gender Equality."). And a line of the same shape higher up, right below one of the
    article's paragraphs and with more of them below it, means the whole body is built that way
    (sections from the first, or letters each over its writer's name)."""
    start, end = _thread_span(units, run)
    if end + 1 < len(units) and _prose(units[end + 1]):
        return True
    body_above = 0
    for i in range(1, start):
        unit = units[i]
        body_above += _prose(units[i - 1])
        if (body_above >= MIN_BODY_ABOVE_SIBLING and units[i - 1].role == "body" and unit.role != "title"
                and unit.n_words <= SIGNATURE_WORDS and _attribution(unit, is_name_like)
                and any(u.role == "body" for u in units[i + 1:run[0][0]])):
            return True
    return False


def _thread_span(units, run: list[list[int]]) -> tuple[int, int]:
    """The thread's first and last unit: from its first signature (or the comment above it,
    when that addresses someone) to its last signature and the paragraphs that follow it."""
    start, end = run[0][0], run[-1][-1]
    above = start - 1
    if above >= 0 and units[above].role == "body" and ADDRESS_RE.search(units[above].text):
        return above, end  # the comment above its own signature
    # signatures head their comments: the last one's text follows it
    while end + 1 < len(units) and units[end + 1].role == "body" and end - run[-1][-1] < MAX_COMMENT_PARAGRAPHS:
        end += 1
    return start, end


def _mark_thread(units, run: list[list[int]]) -> None:
    start, end = _thread_span(units, run)
    _take(units[start: end + 1], "comments")


def _byline_names(units, is_name_like) -> tuple[str, ...]:
    """Names above the body: "By Layla Hassan", or a name standing alone before the first paragraph."""
    names = []
    for unit in units:
        if unit.role == "body":
            break
        if unit.n_words > SIGNATURE_WORDS:
            continue
        name = BYLINE_PREFIX_RE.sub("", unit.text).strip()
        if (unit.category == "byline" or unit.n_words <= 4) and 2 <= len(name.split()) <= 4 \
                and is_name_like(name) and name.split()[0] not in ARTICLES:
            names.append(name + " ")
    return tuple(names)


def mark_bio(units, shares, is_name_like) -> bool:
    """A sentence about a person near the end: "<name> is a senior fellow ...", or any sentence
    that opens with the name in the byline ("Layla Hassan reports on Iraq ...")."""
    taken = False
    names = None
    for i, unit in enumerate(units):
        if unit.role != "body" or shares[i] < BIO_SHARE or not unit.text[:1].isupper():
            continue
        if BIO_RE.match(unit.text):
            unit.role, taken = "author bio", True
            continue
        if names is None:
            names = _byline_names(units, is_name_like)
        if names and unit.text.startswith(names):
            unit.role, taken = "author bio", True
    return taken


def mark_end(units, shares, _is_name_like=None) -> bool:
    """A section header far down the body ends the article; an island of body text far below
    it, across a long stretch of furniture, is the page's, not the article's."""
    for i, unit in enumerate(units):
        if (unit.category in END_HEADER_SHARE and shares[i] >= END_HEADER_SHARE[unit.category]
                and unit.n_words <= END_HEADER_WORDS):
            _take(units[i + 1:], "after the article")
            return True
    gap = 0
    for i, unit in enumerate(units):
        if unit.role != "body":
            gap += 1
            continue
        if gap >= ISLAND_GAP and shares[i] >= ISLAND_SHARE and 1 - shares[i] <= ISLAND_MAX_SHARE:
            _take(units[i:], "after the article")
            return True
        gap = 0
    return False


def _take(units, reason: str) -> None:
    for unit in units:
        if unit.role == "body":
            unit.role = reason
        elif not unit.role:
            unit.role = reason
