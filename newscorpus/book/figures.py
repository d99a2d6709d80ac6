"""Figures that exist only when there is something to draw.

A chart of nothing (no text to contrast, no theme matched, no place placed, nothing cleaned) is
not drawn as a figure with a text note inside it: a notebook cell that carries ``mystnb.figure``
metadata turns *everything* it displays into a numbered figure with that caption and alt text
(a PNG of a sentence, or a displayed Markdown note alike), and a cell that displays nothing makes
no figure and no label (myst-nb 1.4.0; ``tests/test_no_chart_figures.py`` checks it with a real
Sphinx build). So, where there is nothing to draw:

- the figure cell displays nothing (``fig = None``): no number, no caption, no alt text;
- the next cell, without figure metadata, shows the note (``no_chart``), or the glued sentence
  that follows already says there is no chart;
- a page that cites the figure cites it only where it is sure to exist: inside an
  ``{only} original_corpus`` block (the original five draw every chart; for any other corpus the
  block is hidden and ``corpus_tags`` lets its references go), else the section that holds the
  chart or its note, with a glued phrase that is true whether or not the chart is drawn.
"""

from __future__ import annotations

from IPython.display import Markdown


def no_chart(text: str) -> Markdown | None:
    """The note shown in the text where a chart would stand with nothing to draw: a MyST note box
    (displayed Markdown is parsed as MyST, ``nb_render_markdown_format``); ``None`` when ``text``
    is empty."""
    text = (text or "").strip()
    if not text:
        return None
    return Markdown(":::{note}\n" + text + "\n:::\n")



# The figures that some corpora give nothing to draw, and when. None of them may be cited outside an
# ``{only} original_corpus`` block (tests/test_no_chart_figures.py checks the pages).
MAY_BE_EMPTY = {
    "fig-cleaning-reasons": "the corpus says its texts are already clean (corpus.toml: clean = false)",
    "fig-cleaning-words": "the corpus says its texts are already clean (corpus.toml: clean = false)",
    "fig-framing-names-chart": ("no article uses a name of the group, or it is named in fewer than "
                                "MIN_GROUP_ARTICLE_SHARE of the articles (04_framing)"),
    "fig-framing-agency-chart": ("no sentence mentions the group, or it is named in fewer than "
                                 "MIN_GROUP_ARTICLE_SHARE of the articles (04_framing)"),
    "fig-framing-sources": "the extractor finds no attribution in any article (04_framing)",
    "fig-framing-outlets": "the chapter compares articles, not outlets (04_framing)",
    "fig-rd-pairs": "fewer than two articles can be ranked, when the chapter compares articles",
    "fig-themes-keyness": "one text (an article, or an outlet) to compare, or no word of any text is key",
    "fig-themes-table": "no term of the theme dictionary occurs, or the corpus is mostly not news of armed conflict",
    "fig-themes-map": "no place named in the corpus can be placed",
    "fig-themes-dispersion": "no word to place",
}
