"""Issue 23: property-based tests. Hypothesis builds corpus folders with hostile names, encodings,
sizes and contents (and links, FIFOs, folders where files should be); every command keeps the
contract: exit 0 or 2, one `error:` line per problem and nothing else, no traceback, the inputs
unchanged, nothing written outside OUTDIR. Derandomized and bounded, so CI is reproducible."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faults_support import COLUMNS, article_text, digest
from newscorpus.cli import main
from newscorpus.pipeline import table_names

PROFILE = settings(max_examples=15, deadline=None, derandomize=True, database=None, print_blob=False,
                   suppress_health_check=list(HealthCheck))

NAMES = st.sampled_from([
    "plain.txt", "with space.txt", "-starts-with-dash.txt", "=cmd|calc.txt", "new\nline.txt", "caf\u00e9.txt",
    unicodedata.normalize("NFD", "caf\u00e9.txt"), "\u202eevil\u202c.txt", "dollar $x$.txt", "page.html",
    "UPPER.TXT", "tab\there.txt", "x" * 200 + ".txt", "notes.md",
])
TEXT_VALUES = st.sampled_from(["A title", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@HYPERLINK(\"x\")", "-1",
                               "Money $5 and $6 Wire", "$\\x$", "\u202eHidden\u202c", "IS\u200dIS", "", "\t=1"])
DATES = st.sampled_from([("2017-07", "month"), ("2014-06-10", "day"), ("2015", "year"), ("-2014", "year"),
                         ("0000", "year"), ("9999-12-31", "day"), ("2014-6-1", "day"), ("2014-02-30", "day"),
                         ("", "day"), ("2014", "week")])


@st.composite
def contents(draw, k: int) -> bytes | str:
    kind = draw(st.sampled_from(["article", "article", "cp1252", "utf16", "empty", "binary", "long line",
                                 "invisible", "formula lines", "html", "nul"]))
    text = article_text(k)
    return {
        "article": text,
        "cp1252": text.replace("said", "said caf\u00e9").encode("cp1252"),
        "utf16": text.encode("utf-16"),
        "empty": " \n\n",
        "binary": bytes(range(256)) * 4,
        "long line": text + "word " * draw(st.integers(5_000, 30_000)),
        "invisible": text.replace("Mosul", "Mo\u200bsul").replace("army", "ar\u202emy"),
        "formula lines": "=HYPERLINK(\"http://x\",\"y\")\n+1+1\n@SUM(A1)\n-2\n\n" + text,
        "html": f"<html><head><title>T</title></head><body><p>{text}</p><script>x=1</script></body></html>",
        "nul": text.encode() + b"\0\0\0",
    }[kind]


@st.composite
def corpora(draw):
    n = draw(st.integers(1, 4))
    entries, used = [], set()
    for k in range(n):
        name = draw(NAMES)
        if unicodedata.normalize("NFC", name) in used:
            continue
        used.add(unicodedata.normalize("NFC", name))
        published, precision = draw(DATES)
        entries.append({
            "name": name, "content": draw(contents(k)), "listed": draw(st.booleans() | st.just(True)),
            "kind": draw(st.sampled_from(["file", "file", "file", "link out", "fifo", "folder", "missing"])),
            "row": {"title": draw(TEXT_VALUES) or "T", "outlet": draw(TEXT_VALUES) or "O", "author": draw(TEXT_VALUES),
                    "published": published, "date_precision": precision},
        })
    header_twice = draw(st.booleans()) and draw(st.booleans())
    return entries, header_twice


def build(root: Path, entries: list[dict], header_twice: bool) -> Path:
    corpus, outside = root / "corpus", root / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "services").write_text("ssh 22/tcp\nsmtp 25/tcp\n")
    columns = COLUMNS + (["title"] if header_twice else [])
    with (corpus / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for entry in entries:
            if entry["listed"]:
                row = {"file": entry["name"], "date_basis": "test", "url": "", "outlet_type": "x", "origin": "y",
                       **entry["row"]}
                writer.writerow([row[c] for c in COLUMNS] + (["again"] if header_twice else []))
    for entry in entries:
        path = corpus / entry["name"]
        if entry["kind"] == "link out":
            path.symlink_to(outside / "services")
        elif entry["kind"] == "fifo":
            os.mkfifo(path)
        elif entry["kind"] == "folder":
            path.mkdir()
        elif entry["kind"] == "file":
            content = entry["content"]
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return corpus


def run(*args: str) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    stderr = err.getvalue()
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line]
    assert all(line.startswith(("error: ", "note: ")) for line in lines), stderr
    return status, [line for line in lines if line.startswith("error: ")], out.getvalue()


@PROFILE
@given(corpora())
def test_every_command_keeps_the_contract_on_hostile_corpora(spec):
    entries, header_twice = spec
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        corpus = build(root, entries, header_twice)
        before = digest(root)

        status, errors, _ = run("check", str(corpus))
        assert status in (0, 2) and (status == 2) == bool(errors)
        assert len(errors) == len(set(errors))  # one line per problem, none repeated

        out = root / "out"
        status, errors, printed = run("analyze", str(corpus), str(out), "--quiet")
        assert status in (0, 2) and (status == 2) == bool(errors)
        if out.exists():
            names = sorted(p.name for p in out.iterdir())
            assert names in ([], sorted(table_names()))  # every table or none, and no work folder left
            for table in out.glob("*.csv"):
                with table.open(newline="", encoding="utf-8") as handle:
                    for row in list(csv.reader(handle))[1:]:
                        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in row), (table.name, row)

        files = [str(corpus / e["name"]) for e in entries if e["kind"] in ("file", "fifo", "folder")]
        if files:
            status, errors, _ = run("clean", "--json", *files)
            assert status in (0, 2) and len(errors) <= len(files)

        # the inputs unchanged, nothing outside OUTDIR: the whole folder but OUTDIR is as it was
        if out.exists():
            kept = root.parent / (root.name + "-out")
            out.rename(kept)
            try:
                assert digest(root) == before
            finally:
                kept.rename(out)
        else:
            assert digest(root) == before
