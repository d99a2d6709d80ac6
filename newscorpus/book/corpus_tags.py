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
extension re-reads every page when the corpus changes, so the tag is never stale.) Glued values
used inside such a block must still exist for any corpus: glue is resolved before the blocks are
dropped. So are cross-references (Sphinx resolves them before it drops the blocks), but a label
cited only inside a block this build hides may be missing (a figure with nothing to draw for this
corpus: ``newscorpus.book.figures``): such a reference resolves to its own text, without a
warning, since no reader sees it. Where the block is shown, a missing label still fails the build.
"""

from __future__ import annotations

from sphinx.application import Sphinx

ORIGINAL = "original_corpus"
OWN = "own_corpus"
ORIGINAL_TITLE = "Framing ISIS in Iraq: five articles, read closely"
# The framing chapter's title names its subject for the original five ("the group" is ISIS).
FRAMING_TITLES = {True: "Framing: how each article defines the conflict, names the group and lets it act",
                  False: "Framing: how each article defines its subject, whom it quotes and in what words"}


def corpus_title(original: bool) -> str:
    """The book's title: the original one for the original five, else one that names the corpus
    by its size (read from ``sources.csv``, so a broken corpus still gets a title)."""
    if original:
        return ORIGINAL_TITLE
    from ..corpus import outlet_counts_on_disk

    counts = outlet_counts_on_disk()
    articles, outlets = sum(counts.values()), len(counts)
    if not articles:
        return "News articles, read closely"
    return (f"{articles:,d} news article{'s' * (articles != 1)} from {outlets:,d} "
            f"outlet{'s' * (outlets != 1)}, read closely")


def _on_config_inited(app: Sphinx, config) -> None:
    from ..findings import is_original_corpus

    original = is_original_corpus()
    for tag in (ORIGINAL, OWN):
        if app.tags.has(tag):
            app.tags.remove(tag)
    app.tags.add(ORIGINAL if original else OWN)
    # the intro's heading and the pages' title say what the corpus is (``{{ corpus_title }}``), and
    # the framing chapter's heading its subject (``{{ framing_title }}``)
    title = corpus_title(original)
    config.myst_substitutions = {**(config.myst_substitutions or {}), "corpus_title": title,
                                 "framing_title": FRAMING_TITLES[original]}
    config.html_title = title
    config.project = title


def _hidden(app: Sphinx, node) -> bool:
    """Whether ``node`` lies inside an ``{only}`` block that this build's tags hide."""
    from sphinx import addnodes

    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.only):
            try:
                if not app.builder.tags.eval_condition(parent["expr"]):
                    return True
            except Exception:  # a malformed expression: let Sphinx report the reference as usual
                return False
        parent = parent.parent
    return False


def _on_missing_reference(app: Sphinx, env, node, contnode):
    """A reference to a missing label inside a hidden ``{only}`` block: resolved to its own text
    (the block is dropped after references are resolved, so no reader sees it)."""
    return contnode if _hidden(app, node) else None


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _on_config_inited)
    app.connect("missing-reference", _on_missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
