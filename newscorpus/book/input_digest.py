"""The reproducibility page's inputs: every corpus file's SHA-256, summarised for a page.

A corpus of a thousand files gives a table of a thousand digests (124,000 characters for 925
files), which nobody reads on a page. The page shows a few rows, a download of the full list, and
one digest *of* the list, which a reader reproduces with a shell command: if it matches, every file
matches.
"""

from __future__ import annotations

import hashlib

import pandas as pd

# Up to this many files the page lists every digest; beyond, the first rows and a CSV file.
MAX_LISTED_FILES = 25
SHOWN_FILES = 10
# The shell command whose output's SHA-256 is the list digest: ``sha256sum`` prints
# "<digest>  <name>" per file; C collation sorts names as Python does (byte order).
LIST_COMMAND = "cd seeds && LC_ALL=C sha256sum -- * | sha256sum"


def list_digest(hashes: pd.DataFrame) -> str:
    """SHA-256 of the lines ``sha256sum`` prints for the files of ``hashes`` (``file``,
    ``sha256``), in byte order of the names: the digest ``LIST_COMMAND`` prints."""
    ordered = sorted(zip(hashes["file"].astype(str), hashes["sha256"].astype(str)),
                     key=lambda row: row[0].encode("utf-8"))
    text = "".join(f"{digest}  {name}\n" for name, digest in ordered)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inputs_summary(hashes: pd.DataFrame) -> str:
    """One paragraph (Markdown) for the page: how many files, how many bytes, the list digest and
    how to reproduce it."""
    n, size = len(hashes), int(hashes["bytes"].sum()) if len(hashes) else 0
    if not n:
        return "The corpus folder holds no files."
    return (f"The corpus folder holds {n:,d} file{'s' * (n != 1)} ({size:,d} bytes). The SHA-256 of the list of "
            f"their digests is `{list_digest(hashes)}`: `{LIST_COMMAND}` prints it for a copy of the "
            "same folder, and if it matches, every file matches byte for byte.")


def shown_rows(hashes: pd.DataFrame) -> pd.DataFrame:
    """Every row for a small corpus; the first ``SHOWN_FILES`` (by name) beyond
    ``MAX_LISTED_FILES``."""
    return hashes if len(hashes) <= MAX_LISTED_FILES else hashes.head(SHOWN_FILES)


def download(hashes: pd.DataFrame, filename: str = "input_sha256.csv"):
    """A link to the full list as a CSV file, always stored beside the book (a list of a thousand
    digests inlined in the link would weigh as much as the table it replaces); inlined only
    outside a book."""
    from IPython.display import HTML

    from ..prose import count_noun
    from ..safe_csv import to_csv_text
    from .evidence import _stored, download_link

    href = _stored(to_csv_text(hashes), filename)
    if href is None:
        return download_link(hashes, filename)
    return HTML(f'<p class="newscorpus-download"><a download="{filename}" href="{href}">'
                f"Download {filename} ({count_noun(len(hashes), 'row')})</a></p>")
