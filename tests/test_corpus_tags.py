"""The Sphinx tag and titles that keep passages about the original five out of another corpus's book."""

from types import SimpleNamespace

from sphinx.util.tags import Tags

from conftest import REPO
from newscorpus.book import corpus_tags


def configure(monkeypatch, folder) -> tuple[Tags, SimpleNamespace]:
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(folder))
    app = SimpleNamespace(tags=Tags())
    config = SimpleNamespace(myst_substitutions={}, html_title="", project="")
    corpus_tags._on_config_inited(app, config)
    return app.tags, config


def test_the_original_five_get_their_title_and_tag(monkeypatch):
    tags, config = configure(monkeypatch, REPO / "seeds")
    assert tags.has(corpus_tags.ORIGINAL) and not tags.has(corpus_tags.OWN)
    assert config.html_title == corpus_tags.ORIGINAL_TITLE
    assert "the group" in config.myst_substitutions["framing_title"]


def test_another_corpus_is_named_by_its_size(monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "sources.csv").write_text(
        "file,title,outlet\na.txt,A,Outlet One\nb.txt,B,Outlet One\nc.txt,C,Outlet Two\n")
    tags, config = configure(monkeypatch, tmp_path)
    assert tags.has(corpus_tags.OWN) and not tags.has(corpus_tags.ORIGINAL)
    assert config.myst_substitutions["corpus_title"] == "3 news articles from 2 outlets, read closely"
    assert "ISIS" not in config.html_title and "the group" not in config.myst_substitutions["framing_title"]


def test_one_article_reads_in_the_singular(monkeypatch, tmp_path):
    (tmp_path / "sources.csv").write_text("file,title,outlet\na.txt,A,Outlet One\n")
    _, config = configure(monkeypatch, tmp_path)
    assert config.html_title == "1 news article from 1 outlet, read closely"


def test_a_broken_sources_file_still_gets_a_title(monkeypatch, tmp_path):
    (tmp_path / "sources.csv").write_bytes(b"\xff\xfe\x00broken")
    _, config = configure(monkeypatch, tmp_path)
    assert config.html_title == "News articles, read closely"


def test_a_book_without_a_corpus_folder_builds_as_another_corpus(monkeypatch, tmp_path):
    tags, config = configure(monkeypatch, tmp_path / "no-such-folder")
    assert tags.has(corpus_tags.OWN)
    assert config.html_title == "News articles, read closely"
