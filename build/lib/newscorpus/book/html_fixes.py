"""Sphinx extension: the fixes the built pages need so that they work for every reader, in one
place. Each says where the problem starts and when the fix can go; ``tests/test_browser.py``
finds each problem again if its fix is removed.

1. Scripts written twice: Sphinx 7.4 writes a script that an extension (sphinx-thebe) adds after
   the builder started into every page twice, so the browser reports "Identifier
   'THEBE_JS_URL' has already been declared". Fixed upstream in Sphinx 8.2.2, which Jupyter
   Book 1 does not allow; until then each page's script list is de-duplicated here.
2. No theme mode: pydata-sphinx-theme warns "Got invalid theme mode" on a reader's first visit
   when the ``default_mode`` of ``html_context`` is unset; it is set to ``auto`` (follow the reader's system).
3. No icon: browsers ask for ``/favicon.ico``, a 404; the book declares its own icon.
4. Accessible names that do not match the visible text (axe "label-content-name-mismatch"):
   the search button (named "Search", shows "Search Ctrl+K") and the colour-mode button (its
   icons carried names of their own) come from pydata-sphinx-theme 0.17.1's components,
   overridden in ``templates/``; myst-nb 1.4.0's hidden-cell toggle is named "Toggle
   hidden content" while it shows "Show code cell source", so its label is dropped and it is
   named by what it shows. Remove each override when the pinned theme or myst-nb fixes it.
5. Bibliography entries: docutils (0.21, pinned by Jupyter Book 1) writes each citation with the
   deprecated ``doc-biblioentry`` role inside a ``role="list"`` container, which then has no list
   items (axe "aria-required-children", critical); they are written as list items here.
6. Dark mode: links and tables inside notebook outputs keep light-mode colours; ``static/
   newscorpus.css`` gives them the theme's own colours in both modes.
7. Formulas offline: Sphinx loads MathJax from a CDN on every page with math, which fails for a
   reader without a network (and in the browser test). MathJax 3.2.2 comes from the pinned
   ``django-static-mathjax`` package instead and is copied into the book's ``_static/mathjax``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

HERE = Path(__file__).resolve().parent
MYST_NB_TOGGLE_LABEL = '<summary aria-label="Toggle hidden content">'


# What MathJax's tex-chtml needs at run time: the script, its fonts, the TeX extensions it
# autoloads, and the accessibility menu's components.
MATHJAX_PARTS = ["tex-chtml.js", "input", "output/chtml", "a11y", "ui", "sre"]


def _mathjax_source() -> Path:
    import mathjax  # django-static-mathjax: only its static files are used, not Django

    return Path(mathjax.__file__).resolve().parent / "static" / "mathjax" / "es5"


def _copy_mathjax(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "mathjax"
    if (target / "tex-chtml.js").is_file():
        return
    source = _mathjax_source()
    for part in MATHJAX_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, dirs_exist_ok=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target / part)


def _on_config_inited(app: Sphinx, config: Config) -> None:
    config.mathjax_path = "mathjax/tex-chtml.js"  # relative to _static
    config.html_context = {"default_mode": "auto", **config.html_context}
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    if not config.html_favicon:
        config.html_favicon = str(HERE / "static" / "favicon.png")


def _on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for script in scripts:
            # The second copy differs only in its file name, None instead of "" (the Sphinx bug).
            key = (getattr(script, "filename", script) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
            if key not in seen:
                seen.add(key)
                unique.append(script)
        scripts[:] = unique
    if "body" in context:
        context["body"] = context["body"].replace(MYST_NB_TOGGLE_LABEL, "<summary>")


def visit_citation_as_list_item(self, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx) -> dict:
    from sphinx.writers.html5 import HTML5Translator

    # The theme's translator subclasses Sphinx's, so the citation fix reaches it too.
    HTML5Translator.visit_citation = visit_citation_as_list_item
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _copy_mathjax)
    # Last of all html-page-context handlers: other extensions add their scripts there too.
    app.connect("html-page-context", _on_html_page_context, priority=999)
    app.add_css_file("newscorpus.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
