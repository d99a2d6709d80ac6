"""A failing chapter in one line a reader can act on: the chapter, the cell, the exception.

When a notebook fails while ``parallel_execution`` runs it, the failure is recorded here
(``_build/newscorpus-failures.json``, the full traceback in ``_build/reports/``) and the build
stops at once, rather than letting myst-nb execute the notebook a second time to report it with
a traceback and Sphinx's request to report the error to Sphinx. ``newscorpus build`` then ends
its output with one line per failure::

    error: chapter 05_themes.ipynb (Themes), cell 14 line 3 "glue("th_cells_most", int(...))": ValueError: cannot convert float NaN to integer

and, when the book failed for another reason (a warning the strict build makes fatal, an
exception inside Sphinx), with Sphinx's own warning or exception lines, one each, naming the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FAILURES_FILE = "newscorpus-failures.json"
REPORTS_DIR = "reports"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# IPython's traceback: the cell's frame, "Cell In[3], line 12", then its lines, the failing one
# marked "----> 12 code".
CELL_FRAME = re.compile(r"^Cell In\[\d*\], line (\d+)")
ARROW = re.compile(r"^-+> ?(\d+)\s?(.*)$")
MAX_SOURCE = 80


def plain(text: str) -> str:
    return ANSI.sub("", text or "")


def shorten(text: str, limit: int = MAX_SOURCE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def notebook_title(notebook) -> str:
    """The notebook's first Markdown heading, without its #s."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _failing_cell(notebook, message: str = "") -> tuple[int | None, object | None]:
    """(1-based position among the notebook's cells, cell) of the cell that failed: the one with an
    error output; else (a timeout, whose message quotes the cell) the cell it quotes; else the last
    code cell that started."""
    cells = [(number, cell) for number, cell in enumerate(notebook.cells, 1) if cell.cell_type == "code"]
    for number, cell in cells:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number, cell
    quoted = [(number, cell) for number, cell in cells if cell.source.strip() and cell.source.strip() in message]
    if not quoted:  # a long cell is quoted by its first and last lines, as a list
        quoted = [(number, cell) for number, cell in cells
                  if cell.source.strip() and repr(cell.source.strip().split("\n")[0]) in message]
    if quoted:
        return quoted[-1]
    started = [(number, cell) for number, cell in cells if cell.get("execution_count") is not None]
    if started:
        return started[-1]
    return next(((n, c) for n, c in cells if c.source.strip()), (None, None))


def _failing_line(traceback_text: str) -> tuple[int | None, str]:
    """The line of the cell that raised, from IPython's traceback: (line number, code)."""
    in_cell = False
    found: tuple[int | None, str] = (None, "")
    for line in plain(traceback_text).splitlines():
        if CELL_FRAME.match(line):
            in_cell = True
            continue
        if in_cell:
            arrow = ARROW.match(line.strip())
            if arrow:
                found = (int(arrow.group(1)), arrow.group(2).strip())
            elif line.startswith(("File ", "Cell In")) or not line.strip():
                if found[0] is not None:
                    break
    return found


def describe(path: Path, notebook, error: BaseException, exc_string: str | None = None) -> dict:
    """What went wrong in an executed notebook, as a record (JSON-able)."""
    number, cell = _failing_cell(notebook, str(error))
    name = getattr(error, "ename", None) or type(error).__name__
    value = getattr(error, "evalue", None)
    if value is None:
        value = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if "timed out" in str(error) or isinstance(error, TimeoutError):
            name, value = "Timeout", str(error).strip().splitlines()[0] if str(error).strip() else "cell timed out"
    traceback_text = plain(getattr(error, "traceback", None) or exc_string or str(error))
    if cell is not None:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                traceback_text = plain("\n".join(output.get("traceback", []))) or traceback_text
    line_number, code = _failing_line(traceback_text)
    first_line = next((ln for ln in (cell.source.splitlines() if cell is not None else []) if ln.strip()), "")
    return {"notebook": path.name, "path": str(path), "title": notebook_title(notebook), "cell": number,
            "first_line": first_line.strip(), "line": line_number, "code": code, "exception": name,
            "message": plain(str(value)).strip(), "traceback": traceback_text}


def one_line(record: dict) -> str:
    """``error: chapter X (Title), cell N line L "code": Exception: message``."""
    chapter = record["notebook"] + (f" ({record['title']})" if record.get("title") else "")
    where = f"chapter {chapter}"
    if record.get("cell"):
        where += f", cell {record['cell']}"
        if record.get("line") and record.get("code"):
            where += f' line {record["line"]} "{shorten(record["code"])}"'
        elif record.get("first_line"):
            where += f' "{shorten(record["first_line"])}"'
    message = " ".join(str(record.get("message", "")).split())
    return f"error: {where}: {record['exception']}{': ' + shorten(message, 200) if message else ''}"


def write(build_dir: Path, records: list[dict]) -> Path:
    """The records, and each full traceback as ``reports/<notebook>.err.log``."""
    reports = build_dir / REPORTS_DIR
    reports.mkdir(parents=True, exist_ok=True)
    for record in records:
        log = reports / (Path(record["notebook"]).stem + ".err.log")
        log.write_text(record["traceback"] + "\n", encoding="utf-8")
        record["log"] = str(log)
    target = build_dir / FAILURES_FILE
    target.write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    return target


def read(build_dir: Path) -> list[dict]:
    target = build_dir / FAILURES_FILE
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def clear(build_dir: Path) -> None:
    (build_dir / FAILURES_FILE).unlink(missing_ok=True)


# Sphinx's own lines: "path:line: WARNING: message [type]" and "ERROR: ...".
SPHINX_PROBLEM = re.compile(r"^(?P<where>\S.*?):(?:\d+:)? (?P<level>WARNING|ERROR|CRITICAL): (?P<message>.*)$")
EXCEPTION_LINE = re.compile(r"^(?P<name>[A-Za-z_][\w.]*(?:Error|Exception|Timeout)): (?P<message>.+)$")


def summary_lines(build_dir: Path, output: str, root: Path) -> list[str]:
    """The last lines ``newscorpus build`` prints after a failed build."""
    records = read(build_dir)
    if records:
        lines = [one_line(r) for r in records]
        logs = [Path(r["log"]).relative_to(root).as_posix() if Path(r["log"]).is_relative_to(root) else r["log"]
                for r in records if r.get("log")]
        if logs:
            lines.append(f"note: the full traceback is in {', '.join(logs)}; fix the data or the chapter, then run the "
                         "build again (the chapters that built are kept)")
        return lines
    lines, seen = [], set()
    text = plain(output)
    for raw in text.splitlines():
        match = SPHINX_PROBLEM.match(raw.strip())
        if match:
            where = match.group("where")
            try:
                where = Path(where).resolve().relative_to(root.resolve()).as_posix()
            except (ValueError, OSError):
                pass
            line = f"error: {where}: {shorten(match.group('message'), 240)}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
    if lines:
        return lines
    exceptions = [m for m in (EXCEPTION_LINE.match(raw.strip()) for raw in text.splitlines()) if m]
    if exceptions:
        last = exceptions[-1]
        return [f"error: the book build stopped: {last.group('name')}: {shorten(last.group('message'), 240)}"]
    return ["error: the book build failed; the lines above say where"]
