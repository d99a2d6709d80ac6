"""The input fingerprint that makes the execution cache notice changed articles and code."""

from __future__ import annotations

from newscorpus.book.freshness import inputs_fingerprint

from conftest import copy_book


def test_fingerprint_changes_with_seeds_and_package_but_not_with_build_output(tmp_path):
    root = copy_book(tmp_path / "repo")
    first = inputs_fingerprint(root)
    assert inputs_fingerprint(root) == first  # stable

    (root / "_build").mkdir()
    (root / "_build" / "anything.html").write_text("output")
    (root / "newscorpus" / "__pycache__").mkdir(exist_ok=True)
    (root / "newscorpus" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert inputs_fingerprint(root) == first

    article = root / "seeds" / "004_36699c77de50e06f.txt"
    article.write_text(article.read_text() + "\nOne more line.\n")
    after_seed = inputs_fingerprint(root)
    assert after_seed != first

    module = root / "newscorpus" / "text.py"
    module.write_text(module.read_text() + "\n# a change\n")
    after_module = inputs_fingerprint(root)
    assert after_module != after_seed

    # the cleaning chapter scores the cleaner on the hand labels: a new held-out page counts too
    (root / "newscorpus" / "data" / "evaluation" / "heldout" / "new_page.txt").write_text("X|navigation|Home\n")
    assert inputs_fingerprint(root) != after_module


def test_fingerprint_follows_a_corpus_outside_the_book(tmp_path, monkeypatch):
    """`NEWSCORPUS_SEEDS=~/archive make book`: editing that archive, or switching to another,
    must re-execute the notebooks, although the book's own seeds/ did not change."""
    root = tmp_path / "book"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text("seed")
    archive, other = tmp_path / "archive", tmp_path / "other"
    for folder in (archive, other):
        folder.mkdir()
        (folder / "x.txt").write_text("one")
    monkeypatch.delenv("NEWSCORPUS_SEEDS", raising=False)
    own = inputs_fingerprint(root)
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(archive))
    first = inputs_fingerprint(root)
    assert first != own
    (archive / "x.txt").write_text("two")
    edited = inputs_fingerprint(root)
    assert edited != first
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(other))
    assert inputs_fingerprint(root) not in (first, edited)
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(root / "seeds"))  # the book's own seeds, named
    assert inputs_fingerprint(root) == own
