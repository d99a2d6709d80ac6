"""The per-article cache (newscorpus/article_cache.py): the chapters' tables are the same with it and
without it; it is read when the article and the code are unchanged, and missed when either changed;
``prefill`` (what ``newscorpus build`` runs on every core) leaves nothing for the chapters to compute."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import SEEDS
from newscorpus import article_cache, load
from newscorpus.cleaning import clean_corpus


def chapter_tables(cleaned: pd.DataFrame, articles: pd.DataFrame) -> dict[str, object]:
    """Every table the chapters build from per-article functions, called as the notebooks call them."""
    from newscorpus.measures import agency, diversity, framing, headlines, keyness, log_odds, places, readability, themes
    from newscorpus.report import framing_study

    paragraphs = dict(zip(cleaned["file"], cleaned["paragraphs"]))
    scores, sentences = readability.readability_tables(cleaned)
    terms = themes.theme_terms_table(cleaned)
    return {
        "readability": scores, "sentences": sentences,
        "diversity": diversity.diversity_table(cleaned),
        "framing": framing.framing_table(cleaned), "hits": framing.hits_table(cleaned),
        "attributions": framing.attributions_table(cleaned),
        "agency": agency.agency_table(cleaned),
        "group_tone": framing_study.group_tone_table(cleaned),
        "loaded": framing_study.loaded_model_rows(paragraphs),
        "headlines": headlines.headline_table(cleaned, articles),
        "term_counts": keyness.term_counts_table(cleaned),
        "word_counts": [log_odds.word_counts(f, list(p)) for f, p in paragraphs.items()],
        "theme_rates": themes.theme_rates(cleaned),
        "intervals": themes.rate_intervals_table(cleaned),
        "terms": terms,
        "shared": themes.shared_term_intervals(cleaned, terms),
        "positions": themes.positions_table(cleaned),
        "places": places.places_table(cleaned),
    }


def assert_same(left: dict, right: dict) -> None:
    assert left.keys() == right.keys()
    for name in left:
        if isinstance(left[name], pd.DataFrame):
            pd.testing.assert_frame_equal(left[name], right[name], check_exact=True, obj=name)
        else:
            assert left[name] == right[name], name


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def cache_on(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(article_cache.CACHE_VARIABLE, str(folder))
    article_cache.install()
    return folder


def run(corpus_dir) -> tuple[dict, dict]:
    """(the tables, hits and misses while computing them)."""
    articles = load(corpus_dir)
    before = article_cache.stats()
    tables = chapter_tables(clean_corpus(articles), articles)
    after = article_cache.stats()
    return tables, {k: after[k] - before[k] for k in after}


def test_tables_are_identical_with_and_without_the_cache_and_a_second_run_reads_it(corpus, tmp_path, monkeypatch):
    article_cache.install()  # installed but off: the wrappers compute
    monkeypatch.delenv(article_cache.CACHE_VARIABLE, raising=False)
    without, counted = run(corpus)
    assert counted == {"hits": 0, "misses": 0, "uncached": 0}

    monkeypatch.setenv(article_cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    filling, filled = run(corpus)
    assert filled["hits"] == 0 and filled["misses"] > 0
    assert_same(without, filling)

    reading, counted = run(corpus)
    assert counted["misses"] == 0 and counted["hits"] == filled["misses"]
    assert_same(without, reading)


def test_a_changed_article_is_computed_again_and_only_it(corpus, cache_on):
    files = sorted(p.name for p in corpus.glob("*.txt"))
    run(corpus)
    _, cold = run(corpus)
    assert cold["misses"] == 0
    # one article of an outlet with no other article here (no shared site template to change)
    sources = pd.read_csv(corpus / "sources.csv", dtype=str, keep_default_na=False)
    alone = sources.groupby("outlet")["file"].transform("size") == 1
    changed = sources.loc[alone, "file"].iloc[0]
    with (corpus / changed).open("a", encoding="utf-8") as handle:
        handle.write("\nOfficials said on Monday that the talks would resume in the capital next week, "
                     "after a pause of several months.\n")
    after, counted = run(corpus)
    assert counted["misses"] > 0
    # as many misses as one article alone asks for (shared_term_intervals' exclusions aside,
    # which depend on every article): computed afresh in an empty cache for comparison
    articles = load(corpus)
    one = clean_corpus(articles)
    one = one[one["file"] == changed]
    fresh_dir = cache_on.parent / "fresh"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(article_cache.CACHE_VARIABLE, str(fresh_dir))
        before = article_cache.stats()
        chapter_tables(one, articles[articles["file"] == changed])
        single = article_cache.stats()["misses"] - before["misses"]
    shared_calls = len(files)  # rate_intervals with the corpus's exclusions, one per article
    assert single - 1 <= counted["misses"] <= single + shared_calls
    # and the tables are those computed without the cache
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(article_cache.CACHE_VARIABLE)
        plain = chapter_tables(clean_corpus(articles), articles)
    assert_same(plain, after)


def test_a_changed_package_file_changes_every_key(corpus, cache_on, tmp_path, monkeypatch):
    package = tmp_path / "package"
    shutil.copytree(article_cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(article_cache, "PACKAGE_DIR", package)
    article_cache.code_fingerprint.cache_clear()
    try:
        first = article_cache.code_fingerprint()
        run(corpus)
        _, warm = run(corpus)
        assert warm["misses"] == 0 and warm["hits"] > 0
        data_file = sorted((package / "data").rglob("*.csv"))[0]
        data_file.write_text(data_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        article_cache.code_fingerprint.cache_clear()
        assert article_cache.code_fingerprint() != first
        _, changed = run(corpus)
        assert changed["hits"] == 0 and changed["misses"] == warm["hits"]
    finally:
        monkeypatch.undo()
        article_cache.code_fingerprint.cache_clear()


def test_a_damaged_entry_is_computed_again(corpus, cache_on):
    reference, _ = run(corpus)
    entries = sorted(cache_on.rglob("*.pkl"))
    entries[0].write_bytes(b"not a pickle")
    again, counted = run(corpus)
    assert counted["misses"] == 1
    assert_same(reference, again)


def test_prefill_leaves_nothing_for_the_chapters_to_compute(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "filled"
    done = article_cache.prefill(corpus, folder, workers=2)
    assert done["articles"] == 5
    monkeypatch.setenv(article_cache.CACHE_VARIABLE, str(folder))
    _, counted = run(corpus)
    assert counted["misses"] == 0 and counted["hits"] > 0
