"""Evidence tables a reader can search, sort and download, in the static book and offline.

itables' DataTables makes each table sortable and searchable; every cell is escaped as text. ``interactive_tables()`` puts itables' JavaScript bundle into the page itself (its
offline mode): no CDN, nothing fetched when a reader opens the book. The bundle costs about
0.97 MB of every page that has an evidence table (measured on the built pages), once per page.

Page size is kept in hand at archive size (no page over 5 MB for 922 articles):

- an evidence table of more than ``INLINE_ROWS`` rows, or whose rows would take more than
  ``INLINE_BYTES`` as CSV, shows a round number of its rows (1, 2 or 5 times a power of ten: 500,
  not 509) and links to the whole table as a CSV file. The rows shown are spread over the table's
  articles (and outlets, where it has an outlet column): every article's first row before any
  article's second, the articles in a fixed shuffled order, so an archive's table shows every
  outlet and every period rather than its first few weeks (``spread_rows``); a table with no
  article or outlet column shows its first rows. The caption says which;
- ``download_link`` carries a small table (up to ``INLINE_BYTES`` as CSV) inside the page as a data
  URI, as before; a bigger one is written as a file and linked.

A file is written, while the notebook executes, to ``_build/.newscorpus_tables/`` (beside the
execution cache, so it lives as long as the cached outputs that link to it), and the
``newscorpus.book.tables`` extension copies each file a page links to into ``_build/html/tables/``
at the end of the build. The page links to it relatively (``../tables/framing.csv``). Outside a
book (no ``_config.yml`` above the working directory) the link is a data URI, as before.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
import os
import zlib
from pathlib import Path

import pandas as pd
from IPython.display import HTML

PAGE_LENGTH = 10
INLINE_ROWS = 1000
INLINE_BYTES = 120_000  # CSV bytes of the rows a table or a link carries inside the page (a page of the
# framing chapter holds about 18 evidence tables: 18 x 0.12 MB + 0.97 MB of itables stays well under 5 MB)
TABLES_STORE = Path("_build") / ".newscorpus_tables"  # under the book's root
TABLES_URL = "tables"  # under the HTML output folder


def interactive_tables() -> None:
    """Call once per notebook, before the first evidence table (in a hidden cell)."""
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)


def evidence_table(frame: pd.DataFrame, *, formats: dict | None = None, caption: str | None = None,
                   page_length: int = PAGE_LENGTH, spread_over: list[str] | None = None) -> HTML:
    """``frame`` as a searchable, sortable table (``page_length`` rows to a page): every row when
    they fit the page budget (``inline_rows``), else a round number of rows spread over the
    articles or outlets (``spread_over``: the columns to spread over, outer first; by default
    those of ``STRATA`` the frame has), the caption saying so, and a link to the whole table as a
    CSV file.

    Cells are formatted to text here (``formats``: column -> format string or function) and
    itables escapes them; without JavaScript the page shows itables' static preview of the first
    rows, and the download link beside it gives them all. (A Styler would keep every row in
    the page, but itables 2.9.1 then writes its placeholder and that copy under one id and
    DataTables builds on both, so sorting breaks.)"""
    from itables import to_html_datatable
    from ..safe_csv import to_csv_text

    link = ""
    if inline_rows(frame) < len(frame):
        full = frame
        shown, strata = cut_size(frame), strata_columns(frame, spread_over)
        frame = spread_rows(frame, shown, strata)
        while shown > 1 and inline_rows(frame) < len(frame):  # the spread rows are longer than the first ones
            shown = round_down(shown - 1)
            frame = spread_rows(full, shown, strata)
        table_id = "evidence_" + hashlib.sha256(full.to_csv().encode()).hexdigest()[:12]
        href = _stored(to_csv_text(full), f"{table_id}.csv")
        note = cut_note(len(full), shown, strata, one_per_group=bool(strata) and not full[strata[-1]].duplicated().any())
        caption = f"{caption} ({note}; the CSV file below has them all)" if caption else \
            f"{note[0].upper()}{note[1:]}; the CSV file below has them all"
        if href is None:
            link = download_link(full, f"{table_id}.csv").data
        else:
            link = (f'<p class="newscorpus-download"><a download="{table_id}.csv" href="{href}">Download all '
                    f'{len(full):,} rows as CSV ({table_id}.csv)</a></p>')
    table = frame.copy()
    for column, fmt in (formats or {}).items():
        table[column] = table[column].map(fmt.format if isinstance(fmt, str) else fmt)
    # Derived from the content, so a rebuild writes the same page.
    table_id = "evidence_" + hashlib.sha256(frame.to_csv().encode()).hexdigest()[:12]
    html = to_html_datatable(table, table_id=table_id, connected=False, showIndex=False,
                             pageLength=page_length, lengthMenu=[10, 25, 100, -1], maxBytes=0,
                             classes="display compact")
    # The caption as a paragraph above the table: inside a table that scrolls sideways a
    # <caption> is as wide as the table and is clipped with it (seen on the findings table).
    above = (f'<p class="newscorpus-table-caption" id="{table_id}-caption">{escape(caption)}</p>'
             if caption else "")
    return HTML(above + html + link)


# Columns a cut table's rows are spread over, outer first, when it has them.
STRATA = (("Outlet", "outlet"), ("Article", "article", "file"))
ROUND_STEPS = (1, 2, 5)


def round_down(n: int) -> int:
    """The largest of 1, 2, 5, 10, 20, 50, 100 … not above ``n`` (at least 1)."""
    if n < 1:
        return 1
    scale = 10 ** (len(str(int(n))) - 1)
    return max(step * scale for step in ROUND_STEPS if step * scale <= n)


def cut_size(frame: pd.DataFrame, max_rows: int = INLINE_ROWS, max_bytes: int = INLINE_BYTES) -> int:
    """How many rows a cut table shows: ``inline_rows``, rounded down to a round number."""
    return round_down(inline_rows(frame, max_rows, max_bytes))


def strata_columns(frame: pd.DataFrame, spread_over: list[str] | None = None) -> list[str]:
    """The columns a cut table's rows are spread over: ``spread_over``, or the first of each
    group of ``STRATA`` that the frame has (outlet, then article)."""
    if spread_over is not None:
        return [c for c in spread_over if c in frame.columns]
    found = []
    for names in STRATA:
        column = next((c for c in names if c in frame.columns), None)
        if column is not None:
            found.append(column)
    return found


def _shuffled_rank(keys: pd.Series) -> pd.Series:
    """Each key's place in a fixed shuffled order (by CRC-32 of its text, ties by text): the same
    for every build and every machine, and unrelated to date or name."""
    distinct = sorted({str(k) for k in keys}, key=lambda k: (zlib.crc32(k.encode("utf-8")), k))
    order = {k: i for i, k in enumerate(distinct)}
    return keys.astype(str).map(order)


def spread_rows(frame: pd.DataFrame, n: int, strata: list[str] | None = None) -> pd.DataFrame:
    """``n`` rows of ``frame``, in its own order, spread over ``strata`` (outer first): every
    innermost group's first row before any group's second, and within a round the groups taken
    in turn from each outer group, groups in a fixed shuffled order. Without strata, the first
    ``n`` rows."""
    if n >= len(frame):
        return frame
    strata = [c for c in (strata or []) if c in frame.columns]
    if not strata:
        return frame.head(n)
    work = frame.reset_index(drop=True)
    inner = strata[-1]
    keys = pd.DataFrame({"position": range(len(work)),
                         "round": work.groupby(strata, sort=False, dropna=False).cumcount(),
                         "inner": _shuffled_rank(work[inner])})
    order = ["round"]
    if len(strata) > 1:
        outer = work[strata[:-1]].astype(str).agg(" / ".join, axis=1)
        keys["outer"] = _shuffled_rank(outer)
        # an inner group's turn within its outer group: the outer groups take turns
        firsts = keys.assign(o=outer).drop_duplicates(["o", "inner"]).sort_values(["outer", "inner"])
        firsts["turn"] = firsts.groupby("o", sort=False).cumcount()
        keys["turn"] = keys.assign(o=outer).merge(firsts[["o", "inner", "turn"]], on=["o", "inner"], how="left")["turn"].to_numpy()
        order += ["turn", "outer"]
    else:
        order += ["inner"]
    chosen = keys.sort_values([*order, "position"], kind="stable").head(n)["position"].sort_values()
    return frame.iloc[chosen.to_numpy()]


def cut_note(total: int, shown: int, strata: list[str], one_per_group: bool = False) -> str:
    """The caption's words for a cut table: how many rows of how many, and which. With
    ``one_per_group`` (a row per article, say), there is no "first row before second" to speak
    of: the rows are the groups, drawn in a fixed shuffled order (in turn from each outer group)."""
    if not strata:
        return f"the first {shown:,} of {total:,} rows"
    noun = {"outlet": "outlet", "article": "article", "file": "article"}.get(strata[-1].lower(), strata[-1].lower())
    if one_per_group:
        outer = ", taken in turn from each outlet" if len(strata) > 1 else ""
        return f"{shown:,} of {total:,} rows (one per {noun}), drawn in a fixed shuffled order{outer}"
    over = f"each outlet and, within it, each {noun}" if len(strata) > 1 else f"each {noun}"
    return (f"{shown:,} of {total:,} rows, taken in turn from {over} (every {noun}'s first row before any "
            f"{noun}'s second, in a fixed shuffled order)")


def inline_rows(frame: pd.DataFrame, max_rows: int = INLINE_ROWS, max_bytes: int = INLINE_BYTES) -> int:
    """How many of ``frame``'s first rows a page carries: all when they fit both budgets."""
    if len(frame) == 0:
        return 0
    rows = min(len(frame), max_rows)
    sizes = frame.head(rows).astype(str).apply(lambda column: column.str.len() + 3).sum(axis=1).cumsum()
    return int(max(1, min(rows, (sizes <= max_bytes).sum())))


def book_root(start: Path | None = None) -> Path | None:
    """The book's root (the folder with ``_config.yml``) at or above ``start`` (the working
    directory: a notebook's kernel runs in the notebook's folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / "_toc.yml").is_file():
            return folder
    return None


def _stored(text: str, filename: str) -> str | None:
    """Write ``text`` as ``filename`` in the book's table store; the page's relative link to its
    copy in ``_build/html/tables/``, or None outside a book."""
    root = book_root()
    if root is None:
        return None
    store = root / TABLES_STORE
    store.mkdir(parents=True, exist_ok=True)
    target = store / filename
    temporary = store / f".{filename}.tmp{os.getpid()}"
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
    page_dir = Path.cwd().resolve().relative_to(root)
    return Path(os.path.relpath(Path(TABLES_URL) / filename, page_dir if str(page_dir) != "." else ".")).as_posix()


def download_link(frame: pd.DataFrame, filename: str) -> HTML:
    """A link that saves ``frame`` as ``filename`` (CSV, UTF-8, ``file`` first, no index; formula
    cells quoted as in every CSV the project writes, ``safe_csv``)."""
    from ..safe_csv import to_csv_text

    text = to_csv_text(frame)
    from ..prose import count_noun

    label = f"Download {filename} ({count_noun(len(frame), 'row')})"
    href = _stored(text, filename) if len(text.encode("utf-8")) > INLINE_BYTES else None
    if href is None:
        href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
    return HTML(f'<p class="newscorpus-download"><a download="{filename}" href="{href}">{label}</a></p>')


def download_links(tables: dict[str, pd.DataFrame]) -> HTML:
    """One download link per table (``{filename: frame}``), as ``python -m newscorpus export``
    names them."""
    return HTML("".join(download_link(frame, name).data for name, frame in tables.items()))
