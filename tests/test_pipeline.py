"""The pipeline for big corpora: the same tables as the book, identical on every backend,
streamed to disk, and a bad article reported without stopping the rest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, SEEDS
from newscorpus import load
from newscorpus.cleaning import audit, clean_corpus
from newscorpus.export import export_tables
from newscorpus.overview import article_overview
from newscorpus.measures import diversity, framing, places, readability, themes
from newscorpus.pipeline import analyse_corpus, analyse_to_folder
from newscorpus.safe_csv import to_csv_text
from newscorpus.scale_bench import synthetic_corpus


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """Twelve synthetic articles (variations of the seeds), so chunks and templates matter."""
    return synthetic_corpus(SEEDS, tmp_path_factory.mktemp("synthetic") / "corpus", 12)


@pytest.fixture(scope="module")
def serial_tables(small_corpus):
    return analyse_corpus(small_corpus, chunk=5)


def test_one_article_at_a_time_gives_the_tables_the_chapters_compute_on_the_whole_corpus():
    """The notebooks call each table function on the whole cleaned corpus; the pipeline calls it
    on one article at a time. Every table must come out the same."""
    articles = load(SEEDS)
    cleaned = clean_corpus(articles)
    whole = {"articles.csv": article_overview(articles, cleaned), "cleaning_audit.csv": audit(cleaned),
             "readability.csv": readability.readability_table(cleaned),
             "diversity.csv": diversity.diversity_table(cleaned),
             "framing.csv": framing.framing_csv(framing.framing_table(cleaned)),
             "attributions.csv": framing.attributions_table(cleaned),
             "themes.csv": themes.theme_rates(cleaned),
             "places.csv": places.places_csv(cleaned)}  # what the chapters call
    piped = analyse_corpus(SEEDS)
    assert set(piped) == set(whole)
    for name, table in whole.items():
        assert len(table), name
        pd.testing.assert_frame_equal(piped[name].reset_index(drop=True), table.reset_index(drop=True),
                                      check_dtype=False, obj=name)


def test_export_writes_the_pipelines_tables(tmp_path):
    written = export_tables(tmp_path, SEEDS)
    assert sorted(p.name for p in written) == sorted(["articles.csv", "cleaning_audit.csv", "readability.csv",
                                                          "diversity.csv", "framing.csv", "attributions.csv",
                                                          "themes.csv", "places.csv"])
    for path in written:
        assert pd.read_csv(path).columns[0] == "file", path.name


@pytest.mark.parametrize("backend", ["processes", "dask"])
def test_every_backend_gives_identical_tables(small_corpus, serial_tables, backend):
    other = analyse_corpus(small_corpus, backend=backend, chunk=5)
    assert set(other) == set(serial_tables)
    for name in serial_tables:
        pd.testing.assert_frame_equal(other[name], serial_tables[name], obj=f"{backend}: {name}")


def test_templates_are_learnt_across_an_outlets_articles(serial_tables):
    audit = serial_tables["cleaning_audit.csv"]
    # Each seed outlet's furniture repeats in its copies: the pipeline finds it as templates.
    assert (audit["reason"] == "site template").any()
    # ... and no body line of a copy is taken for one (every copy's body is varied).
    articles = serial_tables["articles.csv"]
    assert (articles["clean_words"] > 0).all()


def test_streamed_csv_equals_the_in_memory_tables(small_corpus, serial_tables, tmp_path):
    written = analyse_to_folder(small_corpus, tmp_path / "out", chunk=5, progress=False)
    assert not (tmp_path / "out" / ".parts").exists()
    for name, table in serial_tables.items():
        on_disk = pd.read_csv(written[name], keep_default_na=False)
        # written as every CSV of the project is: formula-like text cells quoted (safe_csv)
        expected = pd.read_csv(pd.io.common.StringIO(to_csv_text(table)), keep_default_na=False)
        pd.testing.assert_frame_equal(on_disk, expected, obj=name)
    assert pd.read_csv(written["errors.csv"]).empty


def test_a_bad_article_is_reported_and_the_others_complete(small_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    (corpus / "000003_003_0de244d715e8d948.txt").write_bytes(b"Caf\xe9 au lait\n")
    (corpus / "000004_004_36699c77de50e06f.txt").unlink()
    result = subprocess.run([sys.executable, "-m", "newscorpus", "analyze", str(corpus), str(tmp_path / "out"),
                             "--backend", "processes", "--quiet"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert sorted(Path(f).name for f in errors["file"]) == ["000003_003_0de244d715e8d948.txt",
                                                            "000004_004_36699c77de50e06f.txt"]
    assert "not valid UTF-8" in " ".join(errors["problem"])
    assert len(result.stderr.strip().splitlines()) == 2 and "Traceback" not in result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert len(articles) == 10


def test_a_folder_without_sources_csv(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    produced = analyse_corpus(tmp_path)
    assert list(produced["articles.csv"]["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert (produced["articles.csv"]["clean_words"] > 0).all()


def test_the_synthetic_corpus_is_deterministic_and_never_repeats_a_body_line(tmp_path):
    a = synthetic_corpus(SEEDS, tmp_path / "a", 10)
    b = synthetic_corpus(SEEDS, tmp_path / "b", 10)
    assert [p.read_bytes() for p in sorted(a.iterdir())] == [p.read_bytes() for p in sorted(b.iterdir())]
    first, sixth = (a / "000000_000_c201e67ac8fcfc8b.txt").read_text(), (a / "000005_000_c201e67ac8fcfc8b.txt").read_text()
    assert first != sixth and "(Report 5.)" in sixth


def test_the_process_pool_keeps_only_a_few_chunks_in_flight():
    """A finished chunk's rows stay in memory while its future is referenced: submitting every
    chunk at once held a whole 100,000-article run in memory. Two chunks per worker at most."""
    from newscorpus.pipeline import Backend
    from newscorpus.scale_bench import textstat_seven

    with Backend("processes", workers=2) as engine:
        submitted = []
        submit = engine._pool.submit
        engine._pool.submit = lambda *args, **kwargs: submitted.append(1) or submit(*args, **kwargs)
        received = 0
        for counted in engine.map(textstat_seven, [(n, ["The cat sat on the mat."]) for n in range(30)]):
            received += counted
            assert len(submitted) - received <= 2 * 2
    assert received == 30 and len(submitted) == 30
