"""Separate an article's own text from the page furniture a scrape leaves in it.

The method works on plain text, one line (or one hard-wrapped paragraph) at a time, and
combines general signals rather than patterns for known sites:

1. **Phrase lexicon** (``data/boilerplate_phrases.csv``): notices that read like prose (cookie
   banners, paywalls, newsletter prompts) and headers of page sections (Related, Comments, Tags,
   Share). Each row has a category, which becomes the reason in the audit (``phrases.py``).
2. **Shape**: dates, bullets, name-like lines (bylines, signatures), photo credits.
3. **Length and stop-word density** (the jusText classes of Pomikálek 2011, with jusText's own
   whitespace word count): long lines full of function words are prose; short lines are
   undecided; long lines with few are lists or menus, unless they read as a full sentence of
   prose (``is_prose_sentence``: news prose full of names has few function words), which are
   undecided instead.
4. **Neighbours**: undecided lines take the class of the nearest decided lines around them
   (the page edges count as boilerplate), as in jusText's context-sensitive stage; a short
   sentence between the body and a removed line sides with the body.
5. **Position**: title, standfirst and byline come before the body; signatures, related links
   and comments after it. A comments header after most of the body ends the article.
6. **Repetition**: the title repeated as a caption, a line repeated inside the article, and lines
   repeated across articles of the same outlet (site templates).
7. **What full pages add after the article** (``tail.py``): teaser blocks, comment threads,
   author bios, a section header far down the page, islands of text below the article.
8. **Language**: these signals are English ones; a page in another language (``language.py``)
   is not cleaned but named, every line removed with the reason "not English".

9. **Markup and datelines**: angle-bracket tags left in a plain text (``markup.py``) are blanked
   with as many spaces, so offsets into the text do not move; a dateline opening the first
   paragraph ("WASHINGTON (AP) —") is taken off it. Both are listed with their line numbers.

A corpus declared clean (``corpus.toml``: ``clean = false``) is read by ``as_is`` instead:
no boilerplate removal, only the title line, markup, a dateline and lines that are never prose.

Nothing is thrown away: every non-blank line is either a body paragraph or a removed line with
its 1-based line number and reason (a markup tag or a dateline names a part of a line).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import justext

from ..corpus import read_text
from ..errors import CorpusError
from .language import UNKNOWN, detect_language
from .markup import MARKUP, neutralise
from .phrases import lexicon_category
from . import tail

# jusText's defaults (Pomikálek 2011), on characters per line.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
# A full sentence of prose (is_prose_sentence): this many words at least, and this share of its
# content words (not the small words headlines leave in lower case) starting in lower case.
PROSE_MIN_WORDS, PROSE_LOWER_SHARE = 6, 0.3
# A comments header ends the article only once this share of the body (in characters) is behind it.
COMMENTS_AFTER_SHARE = 0.6
COMMENTS_HEADER_WORDS = 20  # '3 thoughts on "<the article's title>"'
TITLE_SEARCH_UNITS, TITLE_MAX_WORDS = 12, 30
WRAP_WIDTH = 100
# A long feature has a few hundred paragraphs, a saved page's extracted text a few thousand lines;
# the cleaner takes about 30 microseconds a line, so this bounds one article to a second or two.
MAX_ARTICLE_LINES = 50_000
# A wrapped line this full was broken by the wrapper, not by the writer: the paragraph goes on.
FULL_LINE = 0.8
# Reasons that a following undecided line inherits: the bullets under a paywall prompt,
# the headlines under "Related", the list under "Topics covered".
SECTION_REASONS = {
    "paywall", "newsletter", "cookie notice", "related links", "comments", "tags",
    "navigation", "share bar", "advertisement",
}
# English text is a third or more English function words; a menu-heavy English page still
# a fifth (measured: 0.31-0.55 on the seeds, held-out and peer pages, under 0.1 on others).
# Below this share, detect_language names the language; a page in another one is not cleaned.
ENGLISH_SHARE = 0.2
ENGLISH, NOT_ENGLISH = "English", "not English"
# What sets a standfirst apart from the body: the article's own metadata block. Not a caption,
# which can stand between any two paragraphs.
TAGS = "tags"
METADATA_REASONS = {"date line", "byline", TAGS}

STOPWORDS = frozenset(w.lower() for w in justext.get_stoplist("English"))
KEY_WORD_RE = re.compile(r"\w+")
LETTER_RE = re.compile(r"[^\W\d_]")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_START_RE = re.compile(r"^[\"'“‘(\[]{0,3}[A-Z0-9]")  # NYT-style '' quotes open with two
BULLET_RE = re.compile(r"^(?:[•·▪►●◦‣∙*]|[-–—]\s|\d{1,2}[.)]\s)")
MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
DATE_RE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?<!\d)\d+\s*(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)\s+ago\b",
    re.IGNORECASE,
)
# A dateline opening the first paragraph: a place in capitals ("WASHINGTON", "ST. LOUIS"), perhaps
# its state or country ("MANCHESTER, N.H.", "DECATUR, Ill."), perhaps a date ("LONDON, June 10"),
# perhaps the agency in brackets ("(AP)", "(Reuters)"), then a dash. It says where the story was
# filed; its capitals are no word of the article's own.
DATELINE = "dateline"
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
DATELINE_RE = re.compile(
    rf"^[A-Z][A-Z.'’-]{{2,}}(?:\s+{_CAPS_WORD}){{0,3}}"
    r"(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
    rf"(?:,?\s+(?i:{MONTHS})\.?\s+\d{{1,2}})?"
    r"(?:\s*\([A-Z][\w .&/-]{0,30}\))?\s*(?:—|–|--|-)\s+(?=\S)"
)
# Names: capitalised words, initials and the particles names and institutions use.
NAME_PARTICLES = {"of", "for", "and", "the", "al", "bin", "ibn", "de", "van", "von", "la", "el", "&"}
PROSE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:al|el)-[A-Z][\w'’-]*)$")


@dataclass(slots=True)
class _Unit:
    """A line, or hard-wrapped lines joined back into their paragraph."""

    numbers: list[int]
    lines: list[str]
    text: str
    key: str
    n_words: int
    stop_density: float
    sentence: bool
    bullet: bool
    category: str | None
    role: str = ""  # body, or the reason the unit is not body
    jclass: str = ""  # jusText class: good, neargood, short, bad


@dataclass
class RemovedLine:
    line: int
    text: str
    reason: str


@dataclass
class CleanedArticle:
    """An article parsed into its parts. ``paragraphs`` is the text every measure reads."""

    title: str = ""
    standfirst: str = ""
    byline: str = ""
    date: str = ""
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    body_lines: list[int] = field(default_factory=list)
    # "English", another language as language.detect_language names it, or "unknown"
    language: str = UNKNOWN

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("body_lines")
        return data


# normalise, without a regex where it can (a speed goal: it reads every line twice, in both
# passes). In ASCII, \w is [A-Za-z0-9_] and lower() only maps A-Z: one byte table lowers the
# word characters and blanks the rest, and split() finds the same runs as KEY_WORD_RE.
_ASCII_KEY = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(256)
)
# The same as a str table, plus the punctuation news text uses beyond ASCII: non-word
# characters that lower() leaves alone (checked below), so a line made only of ASCII and these
# has the same key blanking them. Any other character takes the regex.
_KEY_TABLE = {c: _ASCII_KEY[c] for c in range(128)} | {ord(c): 32 for c in "‘’“”—–…•·«»′″‐‑‒―©"}
assert all(not (chr(c).isalnum() or chr(c) == "_") and chr(c).lower() == chr(c)
           for c in _KEY_TABLE if c > 127)


def normalise(text: str) -> str:
    """A line's identity for repetition: case, punctuation and spacing ignored."""
    if text.isascii():
        return b" ".join(text.encode("ascii").translate(_ASCII_KEY).split()).decode("ascii")
    return _normalise_lowered(text.lower())


def _normalise_lowered(lowered: str) -> str:
    """``normalise`` of a text already lower-cased."""
    if lowered.isascii():
        return b" ".join(lowered.encode("ascii").translate(_ASCII_KEY).split()).decode("ascii")
    blanked = lowered.translate(_KEY_TABLE)
    if blanked.isascii():
        return " ".join(blanked.split())
    return " ".join(KEY_WORD_RE.findall(lowered))


def ends_sentence(text: str) -> bool:
    # Only the tail can hold the match; searching all of a long paragraph for it is wasted work.
    return SENTENCE_END_RE.search(text[-16:]) is not None


def is_name_like(text: str) -> bool:
    """``Local Editor``, ``Iraqi Studies Unit``: a short run of capitalised words, no sentence."""
    tokens = text.replace(",", " ").split()
    if not 1 <= len(tokens) <= 8 or ends_sentence(text) or text.endswith(":"):
        return False
    capitals = sum(bool(NAME_TOKEN_RE.match(t)) for t in tokens)
    particles = sum(t.lower() in NAME_PARTICLES for t in tokens)
    return capitals >= 1 and capitals + particles == len(tokens)


def _make_unit(numbers: list[int], lines: list[str]) -> _Unit:
    text = " ".join(lines)
    lowered = text.lower()
    # Words and stop words as jusText counts them: whitespace-separated tokens.
    words = lowered.split()
    n_words = len(words)
    stops = sum(map(STOPWORDS.__contains__, words))
    category = lexicon_category(lowered, n_words)
    if category is None and n_words <= 10 and DATE_RE.search(text):
        category = "date line"
    return _Unit(
        numbers=numbers,
        lines=lines,
        text=text,
        key=_normalise_lowered(lowered),
        n_words=n_words,
        stop_density=stops / n_words if n_words else 0.0,
        sentence=ends_sentence(text),
        bullet=bool(BULLET_RE.match(text)),
        category=category,
    )


def wrap_width(lines: list[str]) -> int | None:
    """The width of text wrapped at a fixed width (e-mail, PDF text, some archives), or None.
    Nine lines in ten fit within the width; scraped web text puts each paragraph on one line,
    so its long lines exceed any such width."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 5:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= WRAP_WIDTH else None


def split_units(text: str) -> list[_Unit]:
    """Non-blank lines as units. In hard-wrapped text, a line joins the paragraph above it when
    it goes on with a sentence the line above left open, in lower case; or when the line above
    fills the width (the wrapper broke it there) and this one reads as more of a paragraph:
    full itself, or ending a sentence. (A short line with no full stop under a full one is a
    byline or a label under a long title, not the end of its paragraph.)"""
    return [_make_unit(numbers, lines) for numbers, lines in _unit_lines(text)]


def unit_keys(text: str) -> set[str]:
    """The keys of ``split_units(text)`` (what site-template learning counts), without the rest of
    each unit's reading (its lexicon category, stop words, ...): the first pass over an archive
    needs only these (a speed goal)."""
    return {normalise(" ".join(lines)) for _, lines in _unit_lines(text)}


def _unit_lines(text: str) -> list[tuple[list[int], list[str]]]:
    """The line numbers and lines of each unit of ``split_units``."""
    raw_lines = [" ".join(raw.split()) for raw in neutralise(text)[0].splitlines()]
    width = wrap_width(raw_lines)
    units: list[tuple[list[int], list[str]]] = []
    previous_blank = True
    for number, line in enumerate(raw_lines, start=1):
        if not line:
            previous_blank = True
            continue
        above = units[-1][1][-1] if units else ""
        continues = (
            width is not None
            and not previous_blank
            and not BULLET_RE.match(line)
            and (
                (line[0].islower() and not ends_sentence(above))
                or (len(above) >= FULL_LINE * width
                    and (len(line) >= FULL_LINE * width or ends_sentence(line)))
            )
        )
        if continues:
            units[-1][0].append(number)
            units[-1][1].append(line)
        else:
            units.append(([number], [line]))
        previous_blank = False
    return units


def _find_title(units: list[_Unit], title_hint: str | None) -> int | None:
    if title_hint:
        key = normalise(title_hint)
        for i, unit in enumerate(units):
            if unit.key == key:
                return i
    for i, unit in enumerate(units[:TITLE_SEARCH_UNITS]):
        if unit.n_words > TITLE_MAX_WORDS:
            break  # the body has started: this article has no title line
        if unit.category is None and unit.n_words >= 2 and not unit.bullet and not (
            unit.text.endswith(".") and unit.n_words > 12
        ):
            return i
    return None


def is_prose_sentence(unit: _Unit) -> bool:
    """A full sentence of prose: several words, opening as a sentence does and ending in
    sentence punctuation, its content words mostly in lower case (not a headline's title case
    nor a list of names). News prose full of names has fewer function words than jusText's
    threshold ("Inside many Iowa churches, Carson enjoys exalted status."), so the share of
    stop words alone is not evidence enough to remove such a line."""
    if unit.n_words < PROSE_MIN_WORDS or not unit.sentence or unit.bullet or SENTENCE_START_RE.match(unit.text) is None:
        return False
    text = DATELINE_RE.sub("", unit.text, count=1)  # "NEW YORK (AP) — " is no headline's title case
    content = [w for w in PROSE_WORD_RE.findall(text) if w.lower() not in tail.SMALL_WORDS]
    lower = sum(w[0].islower() for w in content)
    return lower >= PROSE_LOWER_SHARE * len(content)


def is_short_sentence(unit: _Unit) -> bool:
    """A sentence too short for jusText to judge ("Pure propaganda.", "He's back."): two words or
    more, opening and ending as a sentence does, with a content word in lower case (not a name
    or a label such as "ABSTRACT." or "Getty Images.")."""
    if unit.n_words < 2 or not unit.sentence or unit.bullet or SENTENCE_START_RE.match(unit.text) is None:
        return False
    return any(w[0].islower() and w.lower() not in tail.SMALL_WORDS for w in PROSE_WORD_RE.findall(unit.text))


def _justext_class(unit: _Unit) -> str:
    length = len(unit.text)
    if unit.bullet and unit.n_words <= 12:
        return "short"
    if length < LENGTH_LOW:
        sentence_shaped = (
            unit.sentence and unit.n_words >= 4 and unit.stop_density > 0
            and SENTENCE_START_RE.match(unit.text) is not None
        )
        return "neargood" if sentence_shaped else "short"
    if unit.stop_density >= STOPWORDS_HIGH and (length > LENGTH_HIGH or unit.sentence):
        return "good"
    if unit.stop_density >= STOPWORDS_LOW or is_prose_sentence(unit):
        return "neargood"  # a sentence of prose: its neighbours decide, as for near-good lines
    return "bad"


def _nearest(classes: list[str], step: int, skip: set[str], edge: str = "bad") -> list[str]:
    """For every position, the nearest class not in ``skip`` in the direction ``step`` (the
    page edge counts as boilerplate, or as ``edge``): one pass, so a page of many short lines
    stays linear."""
    nearest = [edge] * len(classes)
    last = edge
    order = range(len(classes)) if step > 0 else range(len(classes) - 1, -1, -1)
    for i in order:
        nearest[i] = last  # the nearest strictly before i in this direction
        if classes[i] not in skip:
            last = classes[i]
    return nearest


def _smooth(classes: list[str], is_sentence=lambda i: False) -> list[str]:
    """jusText's context-sensitive stage: near-good lines are good unless boilerplate surrounds
    them; short lines follow their neighbours, and near-good neighbours tip a split decision.
    So does being a sentence (``is_sentence(i)``, asked only on a split: "Pure propaganda."
    between the body and a removed line is the body's), unless the split is with the page's edge
    (a last "Follow us." line)."""
    original = list(classes)
    decided = list(classes)
    undecided = {"short", "neargood"}
    before, after = _nearest(original, 1, undecided), _nearest(original, -1, undecided)
    for i, cls in enumerate(original):
        if cls == "neargood":
            decided[i] = "bad" if before[i] == after[i] == "bad" else "good"
    result = list(decided)
    before, after = _nearest(decided, 1, {"short"}), _nearest(decided, -1, {"short"})
    near_before, near_after = _nearest(original, 1, {"short"}), _nearest(original, -1, {"short"})
    edge_before, edge_after = _nearest(original, 1, set(), "edge"), _nearest(original, -1, set(), "edge")
    for i, cls in enumerate(original):
        if cls != "short":
            continue
        if before[i] == after[i]:
            result[i] = before[i]
        elif "neargood" in (near_before[i], near_after[i]):
            result[i] = "good"
        else:
            inside = "edge" not in (edge_before[i], edge_after[i])
            result[i] = "good" if inside and is_sentence(i) else "bad"
    return result


def clean_text(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    template_keys: frozenset[str] = frozenset(),
) -> CleanedArticle:
    """Parse a scraped article into title, standfirst, byline, date, captions, body paragraphs
    and removed lines. ``title`` and ``author`` are optional hints from metadata;
    ``template_keys`` are normalised lines known to repeat across the outlet's pages.
    Markup tags are blanked first (``markup.py``) and listed in ``removed``: a part of a line,
    where the other reasons name whole lines; so is a dateline taken off the first paragraph."""
    text, tags = neutralise(text)
    units = split_units(text)
    if not units:
        return _with_spans(CleanedArticle(), tags)
    language = _language(units, text)
    if language not in (ENGLISH, UNKNOWN):
        # The signals below are English ones: on another language they would empty the page
        # silently. Say which language it is instead, on every line.
        for unit in units:
            unit.role = NOT_ENGLISH
        return _with_spans(_assemble(units, language), tags)

    title_at = _find_title(units, title)
    title_key = units[title_at].key if title_at is not None else None
    author_key = normalise(author.split("(")[0]) if author else None

    # Decided lines: lexicon and shape signals, the title and its repeats, site templates.
    classes = []
    for i, unit in enumerate(units):
        if i == title_at:
            unit.role = "title"
        elif title_key and unit.key == title_key:
            unit.role = "repeated title"
        elif unit.category:
            unit.role = unit.category
        unit.jclass = "bad" if unit.role else _justext_class(unit)
        if unit.jclass != "good" and unit.key in template_keys and not unit.role:
            unit.role, unit.jclass = "site template", "bad"
        classes.append(unit.jclass)
    _keep_list_items(units, classes)
    classes = _smooth(classes, lambda i: is_short_sentence(units[i]))

    # A comments header after most of the body: everything below it is readers' comments.
    body_chars = [len(u.text) if c == "good" else 0 for u, c in zip(units, classes)]
    total = sum(body_chars) or 1
    seen = 0
    for i, unit in enumerate(units):
        if unit.category == "comments" and unit.n_words <= COMMENTS_HEADER_WORDS and seen >= COMMENTS_AFTER_SHARE * total:
            for later in units[i + 1:]:
                later.role = later.role or "comments"
            classes[i + 1:] = ["bad"] * (len(units) - i - 1)
            break
        seen += body_chars[i]

    for unit, cls in zip(units, classes):
        if cls == "good" and not unit.role:
            unit.role = "body" if LETTER_RE.search(unit.text) else "navigation"  # "1", "<<", "|"
    # What full pages put after the article (tail.py): teasers, comments, bios, site sections.
    tail.mark_tail(units, is_name_like)
    _keep_subheadings(units)
    _name_the_rest(units, author_key)
    _find_standfirst(units)
    _mark_repeated_body(units)
    return _with_spans(_assemble(units, language), tags, take_dateline=True)


# What as_is takes out of a text declared clean: the reasons, and the longest label in capitals.
NO_WORDS, LABEL, LABEL_MAX_WORDS = "no words", "label", 4


def as_is(text: str, *, title: str | None = None) -> CleanedArticle:
    """An article whose corpus is declared clean (``corpus.toml``: ``clean = false``): no
    boilerplate removal. Every line (or hard-wrapped paragraph) is body, except what is never
    prose: the title line (the one ``title`` names), lines with no letters ("___", "* * *"), a
    label in capitals of a few words ("ABSTRACT.", "FULL TEXT.", a masthead), and, as in
    ``clean_text``, markup tags and a dateline opening the first paragraph."""
    text, tags = neutralise(text)
    units = split_units(text)
    if not units:
        return _with_spans(CleanedArticle(), tags)
    title_key = normalise(title) if title else None
    titled = False
    for unit in units:
        if title_key and not titled and unit.key == title_key:
            unit.role, titled = "title", True
        elif not LETTER_RE.search(unit.text):
            unit.role = NO_WORDS
        elif unit.n_words <= LABEL_MAX_WORDS and not any(c.islower() for c in unit.text):
            unit.role = LABEL
        else:
            unit.role = "body"
    return _with_spans(_assemble(units, _language(units, text)), tags, take_dateline=True)


def _with_spans(article: CleanedArticle, tags: list[tuple[int, str]], take_dateline: bool = False) -> CleanedArticle:
    """The article with its markup tags, and the dateline opening its first paragraph, in the
    audit (in line order: a span sorts with the whole lines around it)."""
    spans = [RemovedLine(line, tag, MARKUP) for line, tag in tags]
    if take_dateline and article.paragraphs:
        match = DATELINE_RE.match(article.paragraphs[0])
        if match and len(match.group()) < len(article.paragraphs[0]):
            article.paragraphs[0] = article.paragraphs[0][match.end():]
            spans.append(RemovedLine(article.body_lines[0], match.group().strip(), DATELINE))
    if spans:
        article.removed = sorted(article.removed + spans, key=lambda r: r.line)
    return article


def _language(units: list[_Unit], text: str) -> str:
    """English when English function words are common enough (the cheap test every article
    passes); otherwise the language the stop-word lists name."""
    words = sum(u.n_words for u in units)
    stops = sum(u.stop_density * u.n_words for u in units)
    if words and stops / words >= ENGLISH_SHARE:
        return ENGLISH
    return detect_language(text)


def _list_neighbour(units: list[_Unit], classes: list[str], i: int, step: int) -> bool:
    """Whether the nearest item of the same list in direction ``step`` (past short items) is prose."""
    j = i + step
    while 0 <= j < len(units) and units[j].bullet and classes[j] == "short":
        j += step
    return 0 <= j < len(units) and units[j].bullet and classes[j] in ("good", "neargood")


def _keep_list_items(units: list[_Unit], classes: list[str]) -> None:
    """An item of a bulleted list whose other items are prose, itself a full sentence, is one of
    them, though it has few function words ("- Our favourite ways to eat eggs are: 1) Deviled,
    2) Scotch ..."): near-good, so its neighbours decide, not boilerplate outright."""
    for i, unit in enumerate(units):
        if (classes[i] == "bad" and not unit.role and unit.bullet and unit.sentence
                and _list_neighbour(units, classes, i, -1) and _list_neighbour(units, classes, i, 1)):
            classes[i] = "neargood"


def _keep_subheadings(units: list[_Unit]) -> None:
    """A short line that opens a body paragraph, inside the body, is the article's own
    subheading, even where page furniture stands above it (a PDF's running header) and
    smoothing took it for more furniture. It must read like a heading: a phrase, not a name
    (those are bylines and signatures), with no full stop. So is a phrase that a short
    header pattern took for a tag line ("In fair Verona", like "in Releases") when it stands
    between two of the article's paragraphs and has no list in it (no comma or colon)."""
    seen_body = False
    for above, unit, below in zip([None, *units], units, units[1:]):
        between_paragraphs = (unit.category == TAGS and unit.role == TAGS and above is not None
                              and above.role == "body" and not re.search(r"[,:;|]", unit.text))
        if (
            seen_body and (between_paragraphs or (not unit.role and unit.jclass == "short")) and below.role == "body"
            and 2 <= unit.n_words <= 12 and not unit.bullet
            and (not unit.sentence or unit.text.endswith("?"))
            and SENTENCE_START_RE.match(unit.text) and not is_name_like(unit.text)
        ):
            unit.role = "body"
        seen_body = seen_body or unit.role == "body"


def _name_the_rest(units: list[_Unit], author_key: str | None) -> None:
    """Give every non-body line without a reason one, from its position and its neighbours."""
    body = [i for i, u in enumerate(units) if u.role == "body"]
    first, last = (body[0], body[-1]) if body else (len(units), -1)
    for i, unit in enumerate(units):
        if unit.role:
            continue
        head, tail = i < first, i > last
        previous = units[i - 1].role if i else ""
        if author_key and unit.key == author_key:
            unit.role = "signature" if tail else "byline"
        elif head and is_name_like(unit.text) and all(u.role for u in units[i + 1:first]):
            unit.role = "byline"  # the last undecided line before the body, and name-like
        elif previous in SECTION_REASONS:
            unit.role = previous
        elif tail and is_name_like(unit.text):
            unit.role = "signature"
    # Runs of three or more short, sentence-less lines with no other reason: a menu.
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and not units[j].role and units[j].n_words <= 5 and not units[j].sentence:
            j += 1
        for unit in units[i:j]:
            unit.role = "navigation" if j - i >= 3 else ""
        i = max(j, i + 1)
    for unit in units:
        unit.role = unit.role or "site chrome"


def _find_standfirst(units: list[_Unit]) -> None:
    """The summary under a "Summary" label, or a short first run of body lines that the
    article's metadata (date, byline, tags) separates from the rest of the body."""
    for i, unit in enumerate(units[:-1]):
        if unit.role == "summary label" and units[i + 1].role == "body":
            units[i + 1].role = "standfirst"
            return
    body = [i for i, u in enumerate(units) if u.role == "body"]
    if len(body) < 3:
        return
    run_end = 0
    while run_end + 1 < len(body) and body[run_end + 1] == body[run_end] + 1:
        run_end += 1
    if run_end >= 2 or run_end + 1 >= len(body):
        return
    between = {u.role for u in units[body[run_end] + 1: body[run_end + 1]]}
    if between & METADATA_REASONS:
        for i in body[: run_end + 1]:
            units[i].role = "standfirst"


def _mark_repeated_body(units: list[_Unit]) -> None:
    """A body line that repeats an earlier one word for word is a pull quote, not new text."""
    seen: set[str] = set()
    for unit in units:
        if unit.role == "body":
            if unit.key in seen:
                unit.role = "repeated line"
            seen.add(unit.key)


def _assemble(units: list[_Unit], language: str) -> CleanedArticle:
    article = CleanedArticle(language=language)
    standfirst, bylines = [], []
    for unit in units:
        if unit.role == "body":
            article.paragraphs.append(unit.text)
            article.body_lines.extend(unit.numbers)
            continue
        if unit.role == "title" and not article.title:
            article.title = unit.text
        elif unit.role == "standfirst":
            standfirst.append(unit.text)
        elif unit.role == "byline":
            bylines.append(unit.text)
        elif unit.role == "date line" and not article.date:
            article.date = unit.text
        elif unit.role == "caption":
            article.captions.append(unit.text)
        article.removed.extend(RemovedLine(n, line, unit.role) for n, line in zip(unit.numbers, unit.lines))
    article.standfirst = " ".join(standfirst)
    article.byline = "; ".join(bylines)
    return article


def html_to_text(html: str) -> tuple[str, dict]:
    """Article text from a saved web page, by trafilatura, with its title on the first line
    so the cleaner sees the page as it sees a scraped text; and the page's metadata."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True,
                                           include_comments=False, include_tables=False)
    if document is None or not (document.text or "").strip():
        raise ValueError("no article text found in the HTML")
    lines = [document.title] if document.title else []
    return "\n\n".join([*lines, document.text]), {"title": document.title, "author": document.author}


def article_text(name: str | Path, raw: str) -> tuple[str, dict]:
    """The text the cleaner reads from a file's content: HTML is extracted first, plain text
    is used as it is. Also any title and author the page declares. CorpusError names the file,
    also when the text has more lines than any article (``MAX_ARTICLE_LINES``)."""
    if Path(name).suffix.lower() not in {".html", ".htm"}:
        text, meta = raw, {"title": None, "author": None}
    else:
        try:
            text, meta = html_to_text(raw)
        except ValueError as exc:
            raise CorpusError(name, str(exc)) from None
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MAX_ARTICLE_LINES:
        raise CorpusError(name, f"has {lines:,} non-blank lines, more than any article ({MAX_ARTICLE_LINES:,} at most): "
                          "is it a list, a log or many articles in one file? Split it into one file per article")
    return text, meta


def clean_file(path: Path, *, title: str | None = None, author: str | None = None,
               template_keys: frozenset[str] = frozenset()) -> CleanedArticle:
    """Clean one ``.txt`` or ``.html`` file; a CorpusError names the file if it cannot be read."""
    text, meta = article_text(path, read_text(Path(path)))
    return clean_text(text, title=title or meta["title"], author=author or meta["author"],
                      template_keys=template_keys)
