"""Per-article tables as a reader wants them: articles named by outlet and date, plain headings."""

from __future__ import annotations

import html

import pandas as pd

from .prose import count_noun, top_k_list

from .corpus import is_web_address
from .labels import article_names  # one way of naming an article, shared with the charts

OVERVIEW_COLUMNS = [
    "file", "title", "outlet", "author", "date_label", "date_precision", "date_basis",
    "outlet_type", "origin", "url", "raw_words", "clean_words",
]


def article_overview(articles: pd.DataFrame, cleaned: pd.DataFrame) -> pd.DataFrame:
    """One row per article, ``file`` first; ``published`` as ISO date for sorting elsewhere."""
    table = articles.merge(cleaned[["file", "raw_words", "clean_words"]], on="file", validate="1:1")
    table = table[OVERVIEW_COLUMNS + ["published"]].copy()
    table["published"] = pd.to_datetime(table["published"]).dt.strftime("%Y-%m-%d")
    return table


def reader_table(overview: pd.DataFrame):
    """The articles table as a reader wants it: articles named by outlet and date, with outlet
    and date also as columns of their own (to sort and compare by), plain column headings, the
    source as a link; the author column only when some article has one. A pandas Styler, rendered
    as HTML in the book."""
    headings = {"Outlet": "outlet", "Date": "date_label", "Title": "title", "Author": "author",
                "Date precision": "date_precision", "How the date was established": "date_basis",
                "Outlet type": "outlet_type", "Origin": "origin", "Source": "url"}
    if not overview["author"].fillna("").astype(str).str.strip().any():
        del headings["Author"]
    table = by_article_name(overview, overview, headings)
    if "Author" in table:
        table["Author"] = table["Author"].replace("", "—")
    return reader_style(table, {"Source": source_link})


def reader_style(table: pd.DataFrame, formats: dict | None = None):
    """A Styler that shows every cell and heading as text: titles, outlets and file names are
    the user's input, and a Styler (unlike ``DataFrame.to_html``) does not escape by default.
    ``formats`` maps a column to a format string or function (a function must escape itself)."""
    formats = formats or {}
    # a named index (say "Article") would get a header row of its own, empty but for that name:
    # the name goes in the corner of the column headings' row instead
    corner = (table.index.nlevels == 1 and table.index.name is not None and table.columns.nlevels == 1
              and table.columns.name is None)
    if corner:
        table = table.copy()
        table.columns.name = table.index.name
    style = table.style.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    if corner:
        style = style.hide(axis="index", names=True)
    for column in table.columns:
        formatter = formats.get(column)
        # pandas 3 escapes a function's output, which would show its markup (a link) as text
        escape = None if callable(formatter) else "html"
        style = style.format(formatter, subset=[column], escape=escape)
    return style


def source_link(url: str) -> str:
    """An http(s) address as a link; anything else (``javascript:``, ``data:``) as inert text.
    Article metadata is the user's input: every cell of a reader table is HTML-escaped."""
    if not url:
        return "—"
    if not is_web_address(url):
        return html.escape(url)
    return '<a href="' + html.escape(url, quote=True) + '">link</a>'



def by_article_name(frame: pd.DataFrame, overview: pd.DataFrame, headings: dict[str, str]) -> pd.DataFrame:
    """``frame``'s columns under reader headings (heading -> column), one row per article,
    named by outlet and date."""
    table = frame[list(headings.values())].set_axis(list(headings), axis=1)
    return table.set_axis(pd.Index(article_names(frame["file"], overview), name="Article"), axis=0)


def by_article_columns(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """A table indexed by file, turned so that articles (named by outlet and date) are the
    columns: five columns fit a page where twenty reasons would not."""
    return table.set_axis(article_names(table.index, overview), axis=0).T


SHIFT_HEADINGS = {"raw_words": "Words, raw", "clean_words": "Words, cleaned", "words_removed_share": "Share of words removed",
                  "raw_flesch": "Reading ease, raw", "clean_flesch": "Reading ease, cleaned",
                  "flesch_shift": "Change in reading ease"}
SHIFT_FORMATS = {"raw_words": "{:,d}", "clean_words": "{:,d}", "words_removed_share": "{:.0%}", "raw_flesch": "{:.1f}",
                 "clean_flesch": "{:.1f}", "flesch_shift": "{:+.1f}"}


def shift_headings(clean: bool = True) -> dict[str, str]:
    """``readability.raw_vs_clean``'s columns -> headings. With cleaning off (corpus.toml: clean =
    false) nothing was cleaned: the texts as read against the same with titles, labels and markup
    set aside."""
    if clean:
        return dict(SHIFT_HEADINGS)
    return SHIFT_HEADINGS | {"raw_words": "Words, as read", "clean_words": "Words, titles and markup set aside",
                             "words_removed_share": "Share of words set aside", "raw_flesch": "Reading ease, as read",
                             "clean_flesch": "Reading ease, titles and markup set aside"}


def shift_table(shift: pd.DataFrame, overview: pd.DataFrame, clean: bool = True):
    """``readability.raw_vs_clean`` as a reader wants it: articles by name, plain headings
    (``shift_headings``)."""
    headings = shift_headings(clean)
    table = by_article_name(shift, overview, {headings[c]: c for c in SHIFT_HEADINGS})
    return reader_style(table, {headings[c]: spec for c, spec in SHIFT_FORMATS.items()})


def literal_markdown(text: str):
    """Text to glue as Markdown that renders as exactly these characters: every ASCII
    punctuation mark is backslash-escaped (CommonMark allows it for all of them), so an outlet or
    title containing ``*``, ``<script>``, backticks or a ``{glue}`` role stays inert."""
    from IPython.display import Markdown

    return Markdown(escape_markdown(text))


def escape_markdown(text: str) -> str:
    """``text`` with every ASCII punctuation mark backslash-escaped: Markdown that renders as
    exactly these characters (see :func:`literal_markdown`)."""
    return "".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in text)


_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def times(count: int) -> str:
    """A count for prose: "once", "twice", "3 times" (never "1 time(s)")."""
    return {1: "once", 2: "twice"}.get(count, f"{count:,d} times")


# --- the corpus chapter, for any corpus ------------------------------------------------------------
# A reader table (every row in the page) up to this many articles; beyond, a searchable table.
MAX_PAGE_ROWS = 40


def articles_table(overview: pd.DataFrame, max_rows: int = MAX_PAGE_ROWS):
    """The articles table: :func:`reader_table` (sources as links) for a few articles, a
    searchable evidence table (ten rows to a page) for more."""
    if len(overview) <= max_rows:
        return reader_table(overview)
    from .book.evidence import evidence_table
    from .labels import article_names

    # outlet and date have columns of their own, so no "Article" column repeats them with the file
    # name (rows five lines tall, the table wider than the page); the file name is the last column
    table = overview[["outlet", "date_label", "title", "author", "date_precision", "date_basis", "url", "file"]]
    return evidence_table(table.set_axis(["Outlet", "Date", "Title", "Author", "Date precision", "How dated",
                                          "Source", "File"], axis=1))


def _years(published: pd.Series) -> str:
    years = pd.to_datetime(published).dt.year
    first, last = int(years.min()), int(years.max())
    return f"in {first}" if first == last else f"between {first} and {last}"


def _software_dated_sentence(articles: pd.DataFrame) -> str:
    """"" or a sentence on the days found by software in the page (htmldate): they may be the
    day the page was saved, not the day of publication."""
    from .corpus import software_dated

    n, guessed = len(articles), int(software_dated(articles).sum())
    if not guessed:
        return ""
    subject, verb, certain = (("Its day", "was", "it is") if n == 1 else ("Every day", "was", "these days are")
                              if guessed == n else (f"{guessed:,d} of these days", "was" if guessed == 1 else "were",
                                                    "it is" if guessed == 1 else "they are"))
    return (f" {subject} {verb} found in the saved page by software (htmldate): it reads a page's publication "
            "metadata where there is any, but on a page without it can take the day the page was saved, shown in a "
            f"site header, for the day of publication, so {certain} not certain (the table's column on how "
            "the date was established says which).")


def corpus_sentence(articles: pd.DataFrame) -> str:
    """The corpus in two sentences: how many articles from how many outlets, when, and how well
    the dates are known. A day found by software in a saved page (htmldate) is called given, not
    known. Plain text (show it with :func:`literal_markdown`)."""
    from .corpus import software_dated

    n, outlets = len(articles), articles["outlet"].nunique()
    day = int((articles["date_precision"] == "day").sum())
    known = "given" if software_dated(articles).any() else "known"
    inferred = int(articles["date_basis"].fillna("").str.startswith("inferred").sum())
    text = f"The corpus holds {count_noun(n, 'article')} from {count_noun(outlets, 'outlet')}, published {_years(articles['published'])}."
    if day == n:
        text += f" The exact day of publication is {known} for " + ("it." if n == 1 else f"all {n:,d}.")
    elif day == 0:
        text += (" No exact day of publication is known: every date is known only to the month or year, which is "
                 "why the timeline draws each over its whole period instead of at a point.")
    else:
        text += (f" The exact day of publication is {known} for {day:,d} of them; the other {n - day:,d} "
                 "are known only to the month or year, which is why the timeline draws them over their whole "
                 "period instead of at a point.")
    text += _software_dated_sentence(articles)
    if inferred:
        text += (f" For {count_noun(inferred, 'article')} the date is an inference from the text "
                 "(the table's column on how the date was established says so).")
    return text


def events_sentence(events: pd.DataFrame, source: str | None) -> str:
    """Where the timeline's events come from (``source``: the events file's name, or None)."""
    if source is None:
        return ("The corpus folder has no events file, so the timeline shows publication dates only. To set them "
                "against the events the articles write about, put an events.csv in the corpus folder, with the "
                "columns date (YYYY-MM-DD, YYYY-MM or YYYY) and event (a short label), and optionally "
                "date_precision and source.")
    if events.empty:
        return f"The events file ({source}) lists no events, so the timeline shows publication dates only."
    span = _years(pd.Series([pd.Timestamp(d) for d in events["date"]]))
    return (f"The dotted lines are the {count_noun(len(events), 'event')} of the corpus's events file ({source}), "
            f"dated {span}.")


HTML_SUFFIXES = (".html", ".htm")


def html_files(frame: pd.DataFrame) -> int:
    """How many of the articles are saved web pages (``.html``/``.htm``): the book reads those
    through trafilatura (``cleaning.cleaner.article_text``) before it counts or cleans a word."""
    return int(frame["file"].astype(str).str.lower().str.endswith(HTML_SUFFIXES).sum())


def length_label(frame: pd.DataFrame, clean: bool = True) -> str:
    """What the corpus chapter's length measure is, as a chart title: words of the file as
    scraped, as supplied (a corpus declared clean), or as extracted from the HTML by trafilatura."""
    pages, n = html_files(frame), len(frame)
    if pages == n:
        return "Words extracted from each page's HTML by trafilatura, before cleaning"
    if pages:
        return "Words before cleaning (saved web pages: as extracted from the HTML by trafilatura)"
    return "Words in the raw scraped text" if clean else "Words in each text as supplied"


def length_caption(frame: pd.DataFrame, clean: bool = True) -> str:
    """The first sentence of the length figure's caption: what was counted (see :func:`length_label`)."""
    pages, n = html_files(frame), len(frame)
    if pages == n:
        return "Length of each article in words, counted in the text trafilatura extracted from the saved page's HTML, before any cleaning."
    if pages:
        return ("Length of each article in words before any cleaning: every word of a text file, and for the saved "
                "web pages the words of the text trafilatura extracted from the HTML.")
    return ("Length of each raw scraped text in words, before any cleaning." if clean else
            "Length of each text in words as supplied, before the title line, labels and markup are set aside "
            "(the corpus is declared clean).")


def length_note(frame: pd.DataFrame, clean: bool = True) -> str:
    """What the length counts, in a sentence or two (plain text): every word of a scraped text
    file, or of a text declared clean; for a saved web page, the text trafilatura extracted from
    its HTML (with the page's title first), not the page."""
    pages, n = html_files(frame), len(frame)
    rest = ("the cookie notices and paywall prompts that the next chapter removes" if clean else
            "the title line, labels in capitals, markup and datelines, which the next chapter sets aside from the "
            "body: the corpus's corpus.toml says its texts are already clean, so no page furniture is removed")
    if not pages:
        return (f"Raw length counts every word of the {'scraped ' if clean else ''}file, including {rest}.")
    which = ("The article is a saved web page" if n == 1 else "Every article is a saved web page" if pages == n
             else f"{pages:,d} of the {n:,d} articles are saved web pages")
    text = (f"{which} (HTML). The book does not count the page: trafilatura, an article extractor, first takes the "
            "main text out of the markup (with the page's title as its first line), leaving most menus, scripts and "
            "footers behind, and every chapter reads that text (newscorpus.cleaning.cleaner.article_text). For "
            f"{'it' if pages == 1 else 'them'}, length counts the words of the extracted text, before "
            + ("the next chapter's cleaner sets aside what is left of the page (title, byline, captions, notices)."
               if clean else "the next chapter sets aside the title line, labels, markup and datelines."))
    if pages < n:
        text += f" For the other {count_noun(n - pages, 'article')}, it counts every word of the file, including {rest}."
    return text


def length_sentence(overview: pd.DataFrame) -> str:
    """The lengths before cleaning: the range and the total (the shortest and longest named).
    Named for what they count: the raw file, or the text extracted from a saved web page."""
    from .labels import article_names

    words = overview["raw_words"]
    pages = html_files(overview)
    what = ("text extracted from the page" if pages == len(overview) == 1 else "raw file" if len(overview) == 1
            else "texts extracted from the pages" if pages == len(overview) else
            "texts before cleaning (extracted from the HTML for saved pages)" if pages else "raw files")
    if len(overview) == 1:
        return f"The {what} has {words.iloc[0]:,d} words."
    shortest, longest = overview.loc[words.idxmin(), "file"], overview.loc[words.idxmax(), "file"]
    short_name, long_name = article_names([shortest, longest], overview)
    return (f"The {what} run from {words.min():,d} words ({short_name}) to {words.max():,d} ({long_name}), "
            f"{words.sum():,d} in all, a median of {words.median():,.0f}.")


def outlet_sizes(articles: pd.DataFrame, named: int = 3) -> str:
    """How the articles fall among the outlets, ties said as ties (never "the largest" of a tie),
    as a clause to follow the corpus's size: "", ", one from each", ", 132 from each", "; CNN has
    4 articles, the other 8 outlets 1 each", "; 6 outlets have 132 articles each, The Washington
    Post 131". At most ``named`` outlets are named in a group; larger groups are counted."""
    from .prose import english_list

    counts = articles.groupby("outlet")["file"].count()
    if len(counts) == 1:
        return ""
    if counts.nunique() == 1:
        c = int(counts.iloc[0])
        return ", one from each" if c == 1 else f", {c:,d} from each"
    top = int(counts.max())
    leaders = sorted(counts[counts == top].index)
    rest = counts[counts < top]
    if len(leaders) == 1:
        head = f"{leaders[0]} has {count_noun(top, 'article')}"
    elif len(leaders) <= named:
        head = f"{english_list(leaders)} have {top:,d} articles each"
    else:
        head = f"{len(leaders):,d} outlets have {top:,d} articles each"
    if len(rest) == 1:
        tail = f"{rest.index[0]} {int(rest.iloc[0]):,d}"
    elif rest.nunique() == 1:
        tail = f"the other {len(rest):,d} outlets {int(rest.iloc[0]):,d} each"
    else:
        tail = f"the other {len(rest):,d} outlets from {int(rest.max()):,d} down to {int(rest.min()):,d}"
    return f"; {head}, {tail} (the articles table lists them)" if len(leaders) > named or len(rest) > 1 else f"; {head}, {tail}"


def corpus_summary(articles: pd.DataFrame, overview: pd.DataFrame, clean: bool | None = None) -> list[str]:
    """The chapter's summary for any corpus: a few short points (plain text). ``clean``: whether
    the next chapter cleans the texts (None: as the corpus folder's ``corpus.toml`` says)."""
    from .corpus import software_dated

    n, outlets = len(articles), articles["outlet"].nunique()
    points = [f"{count_noun(n, 'article')} from {count_noun(outlets, 'outlet')}, published {_years(articles['published'])}"
              + outlet_sizes(articles) + "."]
    coarse, guessed = int((articles["date_precision"] != "day").sum()), int(software_dated(articles).sum())
    dates = ("Every date is known to the day." if coarse == 0 and not guessed else
             ("The date is" if n == 1 else "Every date is") + " given to the day." if coarse == 0 else
             f"{count_noun(coarse, 'date')} {'is' if coarse == 1 else 'are'} known only to the month or year; "
             "the book says which.")
    if guessed:
        dates += (f" {'The day' if n == 1 else 'Every day' if guessed == n else count_noun(guessed, 'day')} "
                  f"{'was' if guessed == 1 or guessed == n else 'were'} found in the saved page by software (htmldate) "
                  "and may be the day the page was saved, not published.")
    points.append(dates)
    if clean is None:
        from .cleaning.cleaned import cleaning_on

        clean = cleaning_on(articles.attrs.get("corpus_dir"))
    pages = html_files(overview)
    what = ("The raw text holds" if n == 1 and not pages else "The raw texts hold" if not pages else
            f"The text{'s' * (n > 1)} extracted by trafilatura from the saved page{'s' * (n > 1)} hold{'s' * (n == 1)}"
            if pages == n else "The texts (for saved web pages, as extracted from the HTML by trafilatura) hold")
    points.append(f"{what} {int(overview['raw_words'].sum()):,d} words and "
                  + ("may still contain site furniture, which the next chapter removes." if clean else
                     "are declared clean (corpus.toml); the next chapter sets aside only title lines, labels, markup "
                     "and datelines."))
    return points


def translation_table(status: pd.DataFrame, overview: pd.DataFrame, max_rows: int = MAX_PAGE_ROWS):
    """``translation_status`` for the page: a row per article (title, status, evidence) for a few
    articles; for more, a row per status with its count, the full table being searchable below."""
    table = status.merge(overview[["file"]], on="file")
    if len(table) <= max_rows:
        named = table.assign(article=article_names(table["file"], overview))  # "Outlet, date", as every table
        return reader_style(named.set_index("article").rename_axis("Article")[["status_words", "evidence"]]
                            .set_axis(["Translation status", "Evidence"], axis=1))
    counts = (table.groupby("status_words").size().rename("Articles").sort_values(ascending=False, kind="stable")
              .rename_axis("Translation status").reset_index())
    return reader_style(counts, {"Articles": "{:,d}"}).hide(axis="index")


def events_table(events: pd.DataFrame, max_rows: int = MAX_PAGE_ROWS):
    """The timeline's events, numbered as on the chart when it numbers them: date as known, the
    event, its source when the file gives one."""
    table = pd.DataFrame({"#": range(1, len(events) + 1), "Date": events["date_label"], "Event": events["event"]})
    if events["source"].fillna("").astype(str).str.strip().any():
        table["Source"] = events["source"].fillna("")
    if len(table) > max_rows:
        from .book.evidence import evidence_table

        return evidence_table(table)
    return reader_style(table).hide(axis="index")


def outlet_comparison_sentence(summary: pd.DataFrame, measure: str, what: str, fmt: str) -> str:
    """An outlet comparison in words, for any number of outlets: the highest and lowest outlet
    means of ``measure`` (``what`` names it, ``fmt`` formats it), then only the differences whose
    95% intervals are apart (:func:`newscorpus.units.separated_outlets`): at most four pairs
    named, the rest counted. Plain text."""
    from .units import MIN_ARTICLES_FOR_INTERVAL, separated_outlets

    rows = summary[summary["measure"] == measure].dropna(subset=["mean"]).sort_values(["mean", "outlet"],
                                                                                      ascending=[False, True])
    if rows.empty:
        return f"No outlet has a value for {what}."
    top, bottom = rows.iloc[0], rows.iloc[-1]
    if len(rows) == 1:
        return f"{top['outlet']} averages {format(top['mean'], fmt)} for {what} over {count_noun(int(top['articles']), 'article')}."
    text = (f"The outlets' means of {what} run from {format(top['mean'], fmt)} ({top['outlet']}) down to "
            f"{format(bottom['mean'], fmt)} ({bottom['outlet']}).")
    if int(rows["low"].notna().sum()) < 2:
        return text + (f" Fewer than two outlets have the {MIN_ARTICLES_FOR_INTERVAL} articles an interval needs, so "
                       "no difference between outlets is stated.")
    separated = separated_outlets(summary, measure)
    if separated.empty:
        return text + (" No two outlets' 95% intervals are apart: these differences are within what another "
                       "sample of their articles could give.")
    pairs = [f"{a} over {b}" for a, b in zip(separated["higher"], separated["lower"])]
    return text + (f" {count_noun(len(pairs), 'pair')} of outlets differ beyond their 95% intervals (higher first): "
                   f"{top_k_list(pairs, k=4, rest='see the outlets table')}.")


def outlet_table(summary: pd.DataFrame, measure: str, fmt: str, max_rows: int = MAX_PAGE_ROWS):
    """``units.outlet_summary`` for one measure, a row per outlet (highest mean first): articles,
    mean, median, middle half and 95% interval ("—" where an outlet has too few articles)."""
    rows = summary[summary["measure"] == measure].sort_values(["mean", "outlet"], ascending=[False, True])
    show = lambda v: "—" if pd.isna(v) else format(v, fmt)
    table = pd.DataFrame({
        "Outlet": rows["outlet"], "Articles": rows["articles"].astype(int),
        "Mean": rows["mean"].map(show), "Median": rows["median"].map(show),
        "Middle half of its articles": [f"{show(a)} to {show(b)}" if pd.notna(a) else "—" for a, b in zip(rows["q25"], rows["q75"])],
        "95% interval of the mean": [f"{show(a)} to {show(b)}" if pd.notna(a) else "—" for a, b in zip(rows["low"], rows["high"])],
    })
    if len(table) > max_rows:
        from .book.evidence import evidence_table

        return evidence_table(table)
    return reader_style(table).hide(axis="index")
