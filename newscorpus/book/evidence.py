"""Evidence tables a reader can search, sort and download, in the static book and offline.

itables' DataTables makes each table sortable and searchable; every cell is escaped as text. ``interactive_tables()`` puts itables' JavaScript bundle into the page itself (its
offline mode): no CDN, nothing fetched when a reader opens the book. ``download_link`` offers
the same table as CSV, carried inside the page as a data URI so it survives the execution cache.
"""

from __future__ import annotations

import base64
import hashlib

import pandas as pd
from IPython.display import HTML

PAGE_LENGTH = 10


def interactive_tables() -> None:
    """Call once per notebook, before the first evidence table (in a hidden cell)."""
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)


def evidence_table(frame: pd.DataFrame, *, formats: dict | None = None, caption: str | None = None,
                   page_length: int = PAGE_LENGTH) -> HTML:
    """``frame`` as a searchable, sortable table (all rows, ``page_length`` to a page).

    Cells are formatted to text here (``formats``: column -> format string or function) and
    itables escapes them; without JavaScript the page shows itables' static preview of the first
    rows, and the download link beside it gives them all. (A Styler would keep every row in
    the page, but itables 2.9.1 then writes its placeholder and that copy under one id and
    DataTables builds on both, so sorting breaks.)"""
    from itables import to_html_datatable

    table = frame.copy()
    for column, fmt in (formats or {}).items():
        table[column] = table[column].map(fmt.format if isinstance(fmt, str) else fmt)
    # Derived from the content, so a rebuild writes the same page.
    table_id = "evidence_" + hashlib.sha256(frame.to_csv().encode()).hexdigest()[:12]
    html = to_html_datatable(table, table_id=table_id, caption=caption, connected=False, showIndex=False,
                             pageLength=page_length, lengthMenu=[10, 25, 100, -1], maxBytes=0,
                             classes="display compact")
    return HTML(html)


def download_link(frame: pd.DataFrame, filename: str) -> HTML:
    """A link that saves ``frame`` as ``filename`` (CSV, UTF-8, ``file`` first, no index; formula
    cells quoted as in every CSV the project writes, ``safe_csv``)."""
    from ..safe_csv import to_csv_text

    data = base64.b64encode(to_csv_text(frame).encode("utf-8")).decode("ascii")
    label = f"Download {filename} ({len(frame):,} rows)"
    return HTML(f'<p class="newscorpus-download"><a download="{filename}" '
                f'href="data:text/csv;charset=utf-8;base64,{data}">{label}</a></p>')


def download_links(tables: dict[str, pd.DataFrame]) -> HTML:
    """One download link per table (``{filename: frame}``), as ``python -m newscorpus export``
    names them."""
    return HTML("".join(download_link(frame, name).data for name, frame in tables.items()))
