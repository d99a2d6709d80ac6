"""A chart with nothing to draw is no figure: no number, no caption, no alt text describing a chart,
only a note in the text; and a page that cites such a figure still builds strictly and reads right.

The myst-nb behaviour this rests on (myst-nb 1.4.0) is pinned by a real Sphinx build of a tiny
project below: a cell with ``mystnb.figure`` metadata wraps whatever it displays (a PNG of a
sentence, or a displayed Markdown note alike) in a numbered figure, and makes no figure, and no
label, when it displays nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from newscorpus.book import figures

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


# --- the helpers ------------------------------------------------------------------------------------


def test_a_note_is_a_note_box_and_no_note_is_nothing():
    note = figures.no_chart("No map: no place named in this corpus could be placed.")
    assert note.data.startswith(":::{note}\n") and "No map: no place" in note.data and note.data.rstrip().endswith(":::")
    assert figures.no_chart("") is None and figures.no_chart("  ") is None


# --- the notebooks ----------------------------------------------------------------------------------


def _figure_cells(path: Path):
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] == "code" and "figure" in cell.get("metadata", {}).get("mystnb", {}):
            yield cell["metadata"]["mystnb"], "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_figure_cell_draws_or_displays_a_note(path):
    # whatever a figure cell displays becomes a numbered figure: a note must be shown by another cell
    for options, source in _figure_cells(path):
        name = options["figure"].get("name")
        assert not re.search(r"(?<![\w.])(nothing_found|display|Markdown|print)\(", source), (path.name, name)
        assert "line of text" not in options.get("image", {}).get("alt", ""), (path.name, name)  # alt text of a chart


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name != "04_framing.ipynb"], ids=lambda p: p.name)
def test_no_chart_is_a_picture_of_a_sentence(path):
    # 04_framing.ipynb is checked by the figure-cell test above (another helper owns the notebook)
    source = "".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])
    assert "nothing_found(" not in source, path.name


# --- the behaviour of myst-nb and Sphinx these rest on: a real build -------------------------------


def _notebook(path: Path) -> None:
    figure = lambda name: {"mystnb": {"figure": {"caption": f"Caption of {name}.", "name": name},
                                      "image": {"alt": f"Alt text of {name}."}}}
    silent = nbformat.v4.new_code_cell("fig = None", metadata=figure("fig-nothing"))
    note = nbformat.v4.new_code_cell("display(Markdown('*a note*'))", metadata=figure("fig-note"))
    note.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "*a note*", "text/plain": "note"})]
    chart = nbformat.v4.new_code_cell("fig", metadata=figure("fig-chart"))
    chart.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "<Figure>", "image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"})]
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Chapter\n\n(sec-chapter)=\n## Section"),
                                          silent, note, chart])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, path)


def _build(root: Path, index: str) -> tuple[str, str]:
    from sphinx.cmd.build import build_main

    (root / "conf.py").write_text(
        "extensions = ['myst_nb', 'newscorpus.book.corpus_tags']\nnb_execution_mode = 'off'\nnumfig = True\n"
        "exclude_patterns = ['_build']\n")
    (root / "index.md").write_text("# Index\n\n```{toctree}\nchapter\n```\n\n" + index)
    _notebook(root / "chapter.ipynb")
    warnings = root / "warnings.txt"
    build_main(["-b", "html", "-q", "-w", str(warnings), str(root), str(root / "_build")])
    return warnings.read_text(), (root / "_build" / "chapter.html").read_text()


def test_myst_nb_makes_a_figure_of_what_a_figure_cell_displays_and_none_of_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(REPO / "seeds"))  # corpus_tags reads the corpus for its tag
    warnings, chapter = _build(tmp_path, "{numref}`fig-note`, {numref}`fig-chart`, {ref}`x <fig-nothing>`\n")
    ids = re.findall(r'<figure[^>]*id="([^"]+)"', chapter)
    assert ids == ["fig-note", "fig-chart"]               # a displayed note is a figure; nothing is none
    assert "Caption of fig-nothing" not in chapter and "Alt text of fig-nothing" not in chapter
    assert "undefined label: 'fig-nothing'" in warnings  # so a page may cite it only when it is drawn


def test_a_missing_label_cited_only_inside_a_hidden_block_does_not_fail_the_build(tmp_path, monkeypatch):
    from newscorpus.book.corpus_tags import ORIGINAL, OWN
    from newscorpus.findings import is_original_corpus

    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(REPO / "seeds"))
    hidden, shown = (OWN, ORIGINAL) if is_original_corpus() else (ORIGINAL, OWN)
    warnings, _ = _build(tmp_path, f"```{{only}} {hidden}\nHidden: {{ref}}`x <fig-nothing>`.\n```\n\n"
                                   f"```{{only}} {shown}\nShown: {{ref}}`y <fig-missing-too>`.\n```\n")
    assert "fig-nothing" not in warnings                   # no reader sees the block
    assert "undefined label: 'fig-missing-too'" in warnings  # where the block is shown, it still fails


# --- the pages that cite a figure that may not be drawn ----------------------------------------------


def _conditional_figures() -> set[str]:
    """Labels of the figure cells that visibly leave ``fig`` unset or None for some input."""
    labels = set()
    for path in NOTEBOOKS:
        for options, source in _figure_cells(path):
            code = [line for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
            branches = [line for line in code if line.startswith(("if ", "elif "))]
            always = any(line.startswith("fig = ") and not re.search(r"\belse None\b", line) for line in code)
            if not always and (re.search(r"\belse None\b", source) or "is None" in source
                               or (branches and not any(line.startswith("else:") for line in code))):
                labels.add(options["figure"]["name"])
    return labels


def test_every_figure_that_may_draw_nothing_is_known():
    names = {options["figure"]["name"] for path in NOTEBOOKS for options, _ in _figure_cells(path)}
    assert set(figures.MAY_BE_EMPTY) <= names
    assert _conditional_figures() <= set(figures.MAY_BE_EMPTY)


def test_a_figure_that_may_not_be_drawn_is_cited_only_where_the_original_five_are_read():
    # a page may cite such a figure only inside an {only} original_corpus block (the original five draw
    # every chart); elsewhere it cites the section that holds the chart or its note
    optional = set(figures.MAY_BE_EMPTY)
    pages = sorted((REPO / "book").glob("*.md")) + NOTEBOOKS
    for page in pages:
        text = page.read_text()
        if page.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"])
        shown = re.sub(r"(`{3,})\{only\} original_corpus\n.*?\n\1\n", "", text, flags=re.S)
        for label in re.findall(r"\{(?:ref|numref)\}`(?:[^`<]*<)?([\w-]+)>?`", shown):
            assert label not in optional, (page.name, label)


def figures_without_a_picture(html_dir: Path) -> list[tuple[str, str]]:
    """(page, figure id) of every figure on the built pages that holds no image: a note made a figure."""
    found = []
    for page in sorted(html_dir.rglob("*.html")):
        for figure in re.finditer(r'<figure[^>]*id="([^"]+)".*?</figure>', page.read_text(), re.S):
            if "<img" not in figure.group(0):
                found.append((str(page.relative_to(html_dir)), figure.group(1)))
    return found


def test_the_original_five_draw_every_chart_and_every_figure_is_a_picture(built_book):
    root, result = built_book
    assert result.returncode == 0
    html = root / "_build" / "html"
    assert figures_without_a_picture(html) == []
    assert_cited_figures_drawn(html)


def assert_cited_figures_drawn(html: Path) -> None:
    """Every figure that may draw nothing and that a page cites (in its original_corpus blocks) is
    on the built pages of the original five."""
    built = "".join(p.read_text() for p in html.rglob("*.html"))
    cited = {label for page in (REPO / "book").glob("*.md")
             for label in re.findall(r"\{(?:ref|numref)\}`(?:[^`<]*<)?([\w-]+)>?`", page.read_text())}
    assert cited & set(figures.MAY_BE_EMPTY)  # the pages do cite some
    for label in cited & set(figures.MAY_BE_EMPTY):
        assert f'id="{label}"' in built, label
