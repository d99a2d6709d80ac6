"""Sphinx extension: passages about the original five articles appear only when they are the corpus.

The book's interpretive prose about ISIS, Iraq and the five texts it was written about is true of
those texts only. This extension sets the Sphinx tag ``original_corpus`` when the corpus folder
holds exactly those five (``findings.is_original_corpus``) and ``own_corpus`` otherwise, so a page
or a notebook's Markdown cell can say::

    ```{only} original_corpus
    The Al-Ahed text says *Daesh* ...
    ```

    ```{only} own_corpus
    A sentence true of any corpus ...
    ```

and a reader's own archive never gets sentences about texts it does not hold. (The freshness
extension re-reads every page when the corpus changes, so the tag is never stale.) Glued values and
labels used inside such a block must still exist for any corpus: glue is resolved before the
blocks are dropped.
"""

from __future__ import annotations

from sphinx.application import Sphinx

ORIGINAL = "original_corpus"
OWN = "own_corpus"


def _on_config_inited(app: Sphinx, config) -> None:
    from ..findings import is_original_corpus

    original = is_original_corpus()
    for tag in (ORIGINAL, OWN):
        if app.tags.has(tag):
            app.tags.remove(tag)
    app.tags.add(ORIGINAL if original else OWN)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _on_config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
