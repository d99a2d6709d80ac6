"""Issue 23, hostile input: links out of the corpus, devices and FIFOs, dates, invisible
characters, the cleaner's time, misleading or missing messages; one line each, exit 2."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from faults_support import article_text, digest, one_line_errors, small_corpus, write_corpus
from newscorpus.cli import main


def check(capsys, folder) -> tuple[int, list[str], list[str]]:
    status = main(["check", str(folder)])
    captured = capsys.readouterr()
    notes = [line for line in captured.err.splitlines() if line.startswith("note: ")]
    return status, one_line_errors(captured.err), notes


# ---------------------------------------------------------------- case 4: the cleaner's time

def test_case4_the_cleaner_is_linear_in_short_lines():
    """``a\\n\\n`` repeated: 30 kB took 4.9 s and 60 kB 19.5 s (quadratic smoothing)."""
    from newscorpus.cleaning.cleaner import clean_text

    timings = {}
    for n in (10_000, 40_000):
        started = time.perf_counter()
        cleaned = clean_text("a\n\n" * n)
        timings[n] = time.perf_counter() - started
        assert len(cleaned.removed) == n
    assert timings[40_000] < 8 * timings[10_000] + 0.5, timings  # four times the lines, not sixteen times the time
    assert timings[40_000] < 10, timings


def test_case4_a_19_mb_file_of_short_lines_is_done_in_seconds(tmp_path):
    """The issue's file (``a`` and a blank line, 1.9 MB) would have taken hours: it has more lines
    than any article and is refused at once; 1.9 MB of 44-character lines (under the line limit)
    is cleaned, each in under 5 s."""
    from newscorpus.cleaning import clean_file
    from newscorpus.errors import CorpusError

    many = tmp_path / "many.txt"
    many.write_text(("a\n\n" * 640_000)[:1_900_000])
    listing = tmp_path / "list.txt"
    listing.write_text("".join(f"Line {i:06d} of a list that goes on and on.\n\n" for i in range(45_000))[:1_900_000])
    clean_file(Path(__file__).with_name("faults_support.py"))  # warm up: the lexicon and stop words load once
    started = time.perf_counter()
    with pytest.raises(CorpusError, match="has 633,334 non-blank lines, more than any article"):
        clean_file(many)
    refused = time.perf_counter() - started
    started = time.perf_counter()
    cleaned = clean_file(listing)
    took = time.perf_counter() - started
    assert len(cleaned.removed) + len(cleaned.paragraphs) > 40_000
    assert refused < 5 and took < 5, (refused, took)
    print(f"cleaner: 1.9 MB of 'a' lines refused in {refused:.2f} s; 1.9 MB of {len(cleaned.removed) + len(cleaned.paragraphs):,} "
          f"short lines cleaned in {took:.2f} s")


SLOW = "THIS ARTICLE NEVER ENDS"


@pytest.fixture
def an_endless_cleaner(monkeypatch):
    """The cleaner loops for ever on a text with the marker (a stand-in for any pathological
    input), wherever a command calls it; a two-second budget."""
    import newscorpus.cleaning as cleaning
    import newscorpus.cleaning.cleaner as cleaner
    import newscorpus.pipeline as pipeline

    real = cleaner.clean_text

    def endless(text, **kwargs):
        while SLOW in text:
            pass
        return real(text, **kwargs)

    for module in (cleaning, cleaner, pipeline):
        monkeypatch.setattr(module, "clean_text", endless)
    monkeypatch.setenv("NEWSCORPUS_ARTICLE_SECONDS", "2")


def test_case4_a_per_article_time_budget_is_that_articles_error(tmp_path, capsys, an_endless_cleaner):
    """An article that takes longer than NEWSCORPUS_ARTICLE_SECONDS is reported as that article's
    error by every command, and the rest complete."""
    corpus = write_corpus(tmp_path / "corpus", [{"file": "slow.txt"}, {"file": "b.txt"}],
                          {"slow.txt": article_text(0) + SLOW + "\n"})
    from newscorpus.pipeline import analyse_corpus

    # warm up: the first article of a process loads every dictionary and model, which is not its own time
    warm = write_corpus(tmp_path / "warm", [{"file": "w.txt"}])
    analyse_corpus(warm)
    main(["check", str(warm)])
    capsys.readouterr()
    problem = ("took longer than the 2 s allowed for one article and was stopped: is it one article? "
               "(set NEWSCORPUS_ARTICLE_SECONDS to allow more)")
    assert main(["analyze", str(corpus), str(tmp_path / "out"), "--quiet"]) == 2
    assert one_line_errors(capsys.readouterr().err) == [f"error: slow.txt: {problem}"]
    assert list(pd.read_csv(tmp_path / "out" / "articles.csv")["file"]) == ["b.txt"]
    assert main(["clean", str(corpus / "slow.txt"), str(corpus / "b.txt")]) == 2
    captured = capsys.readouterr()
    assert one_line_errors(captured.err) == [f"error: {corpus / 'slow.txt'}: {problem}"] and "report 1" in captured.out
    assert main(["check", str(corpus)]) == 2
    assert one_line_errors(capsys.readouterr().err) == [f"error: {corpus / 'slow.txt'}: {problem}"]


# ---------------------------------------------------------------- case 6 and 13: only regular files

def test_case6_a_link_out_of_the_corpus_is_refused_by_every_command(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 2)
    (corpus / "a01.txt").unlink()
    outside = tmp_path / "services"
    outside.write_text(article_text(7))
    (corpus / "a01.txt").symlink_to(outside)
    expected = (f"error: {corpus}/a01.txt: is a symbolic link to {outside}, outside the corpus folder: copy the "
                "article into the folder instead of linking to it (listed in sources.csv, line 3)")
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [expected]
    status = main(["analyze", str(corpus), str(tmp_path / "out"), "--quiet"])
    errors = one_line_errors(capsys.readouterr().err)
    assert status == 2 and errors == [expected]
    assert "report 7" not in (tmp_path / "out" / "cleaning_audit.csv").read_text()
    assert list(pd.read_csv(tmp_path / "out" / "articles.csv")["file"]) == ["a00.txt"]
    # a folder without sources.csv: the same rule
    (corpus / "sources.csv").unlink()
    status = main(["analyze", str(corpus), str(tmp_path / "out2"), "--quiet"])
    errors = one_line_errors(capsys.readouterr().err)
    assert status == 2 and len(errors) == 1 and "outside the corpus folder" in errors[0]


def test_case6_a_link_inside_the_corpus_is_read(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 2)
    (corpus / "texts").mkdir()
    (corpus / "a01.txt").rename(corpus / "texts" / "a01.txt")
    (corpus / "a01.txt").symlink_to(corpus / "texts" / "a01.txt")
    status, errors, _ = check(capsys, corpus)
    assert status == 0 and errors == []


def test_case13_devices_and_fifos_are_refused_at_once(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    status = main(["clean", "/dev/zero", str(fifo)])
    errors = one_line_errors(capsys.readouterr().err)
    assert time.perf_counter() - started < 5
    assert status == 2 and errors == [
        "error: /dev/zero: is a character device, not a regular file: an article must be a .txt or .html file",
        f"error: {fifo}: is a FIFO (named pipe), not a regular file: an article must be a .txt or .html file"]
    corpus = small_corpus(tmp_path / "corpus", 2)
    (corpus / "a01.txt").unlink()
    os.mkfifo(corpus / "a01.txt")
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/a01.txt: is a FIFO (named pipe), not a regular file: an "
                                      "article must be a .txt or .html file (listed in sources.csv, line 3)"]


def test_case13_reads_stop_at_the_size_limit_whatever_the_file_system_says(tmp_path, monkeypatch):
    """/proc files report a size of 0: the read itself is bounded."""
    from newscorpus import corpus as corpus_module
    from newscorpus.errors import CorpusError

    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 500_000)  # 2.5 MB
    real_stat = Path.stat

    def lying_stat(self, *args, **kwargs):
        info = real_stat(self, *args, **kwargs)
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:])) if self == big else info

    monkeypatch.setattr(Path, "stat", lying_stat)
    with pytest.raises(CorpusError, match="file is over the 2 MB limit for one article"):
        corpus_module.read_text(big)


# ---------------------------------------------------------------- case 8, 16: dates

@pytest.mark.parametrize("published, precision, problem", [
    ("-2014", "year", "published '-2014' is not a year date (expected YYYY)"),
    ("0000", "year", "published '0000' is not a year date (expected YYYY)"),
    ("-0001-01-01", "day", "published '-0001-01-01' is not a day date (expected YYYY-MM-DD)"),
    ("9999-12-31", "day", "published '9999-12-31' is outside 1800-"),
    ("1750-05", "month", "published '1750-05' is outside 1800-"),
    ("2014-6-1", "day", "published '2014-6-1' is not a day date (expected YYYY-MM-DD): write month and day with two digits"),
])
def test_case8_and_16_dates_out_of_shape_or_range_are_one_line(tmp_path, capsys, published, precision, problem):
    corpus = write_corpus(tmp_path / "corpus", [{"file": "a.txt", "published": published, "date_precision": precision},
                                                {"file": "b.txt"}])
    before = digest(corpus)
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and len(errors) == 1
    assert errors[0].startswith(f"error: {corpus}/sources.csv: line 2 (a.txt): {problem}"), errors
    assert digest(corpus) == before


# ---------------------------------------------------------------- case 11: invisible characters

def test_case11_invisible_characters_are_removed_before_any_count_and_check_says_so(tmp_path, capsys):
    from newscorpus.pipeline import analyse_corpus

    plain = ("ISIS fighters entered Mosul on Tuesday, and ISIS said it held the city. Officials in Mosul said "
             "the army had withdrawn from the city during the night, leaving its weapons behind.\n\n") * 3
    hidden = plain.replace("ISIS", "IS\u200dIS").replace("Mosul", "Mo\u200bsul")
    corpus = write_corpus(tmp_path / "corpus", [{"file": "plain.txt", "outlet": "Plain"},
                                                {"file": "hidden.txt", "outlet": "\u202eHidden\u202c"}],
                          {"plain.txt": plain, "hidden.txt": hidden + "\n(Another paragraph for a different text.)\n"})
    status, errors, notes = check(capsys, corpus)
    assert status == 0 and errors == []
    assert notes == [f"note: {corpus}/sources.csv: removed 2 bidirectional controls from its cells",
                     f"note: {corpus}/hidden.txt: removed 6 zero-width joiners, 6 zero-width spaces (invisible "
                     "characters that would split or join words in the counts)"]
    tables = analyse_corpus(corpus)
    framing = tables["framing.csv"].set_index("file")
    assert framing.at["hidden.txt", "label_isis_narrative"] == framing.at["plain.txt", "label_isis_narrative"] > 0
    assert framing.at["hidden.txt", "label_is_narrative"] == framing.at["plain.txt", "label_is_narrative"]
    places = tables["places.csv"]
    assert "Mosul" in set(places[places["file"] == "hidden.txt"]["place"])
    assert set(tables["articles.csv"]["outlet"]) == {"Plain", "Hidden"}


# ---------------------------------------------------------------- case 14: options and Ctrl-C

@pytest.mark.parametrize("args, expected", [
    (["--backend", "dask", "--scheduler", "not an address"],
     "error: --scheduler: 'not an address' is not a scheduler address: give one such as tcp://scheduler-host:8786, "
     "or leave --scheduler out for a local cluster"),
    (["--scheduler", "tcp://127.0.0.1:8786"],
     "error: --scheduler: is for --backend dask, not serial: add --backend dask, or leave --scheduler out"),
])
def test_case14_and_16_bad_scheduler_options(tmp_path, capsys, args, expected):
    status = main(["analyze", str(small_corpus(tmp_path / "corpus", 1)), str(tmp_path / "out"), "--quiet", *args])
    assert status == 2 and one_line_errors(capsys.readouterr().err) == [expected]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_case14_a_scheduler_that_does_not_answer(tmp_path, capsys):
    started = time.perf_counter()
    status = main(["analyze", str(small_corpus(tmp_path / "corpus", 1)), str(tmp_path / "out"), "--quiet",
                   "--backend", "dask", "--scheduler", "tcp://127.0.0.1:1"])
    errors = one_line_errors(capsys.readouterr().err)
    assert status == 2 and len(errors) == 1
    assert errors[0].startswith("error: --scheduler: no Dask scheduler answers at tcp://127.0.0.1:1 (")
    assert errors[0].endswith("start one with `dask scheduler`, or leave --scheduler out for a local cluster")
    assert time.perf_counter() - started < 25


def test_case14_bench_with_no_articles(capsys):
    assert main(["bench", "--articles", "0"]) == 2
    assert one_line_errors(capsys.readouterr().err) == [
        "error: --articles: 0 is not a number of articles: give 1 or more (e.g. --articles 10000)"]


def test_case16_newscorpus_seeds_must_be_the_folder_the_build_checks(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(tmp_path / "other"))
    assert main(["build", "--root", str(tmp_path)]) == 2
    assert one_line_errors(capsys.readouterr().err) == [
        f"error: NEWSCORPUS_SEEDS: is set to {tmp_path / 'other'}, but the book is built from {tmp_path / 'seeds'}: "
        "unset it (`unset NEWSCORPUS_SEEDS`) or put the corpus in the book's seeds/ folder"]


# ---------------------------------------------------------------- case 15 and 16: the right words

def test_case15_a_utf16_sources_csv_is_named_as_utf16_without_the_encoding_column_hint(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 1)
    (corpus / "sources.csv").write_bytes((corpus / "sources.csv").read_text().encode("utf-16"))
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/sources.csv: not valid UTF-8 (byte 0xff at offset 0); it "
                                      "looks like UTF-16: re-save it as UTF-8"]


def test_case15_an_unbalanced_quote_is_reported_where_it_opens(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 3)
    lines = (corpus / "sources.csv").read_text().splitlines()
    lines[2] = lines[2].replace("Article 1", '"Article 1')
    (corpus / "sources.csv").write_text("\n".join(lines) + "\n")
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/sources.csv: line 3: a quote (\") opened on this line is never "
                                      "closed: close it, or double a quote inside a quoted cell (\"\")"]


def test_case15_a_huge_cell_is_reported_on_its_own_line(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus", [{"file": "a.txt"}, {"file": "b.txt"}, {"file": "c.txt", "title": "x" * 200_000}])
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/sources.csv: line 4: the title cell is 200,000 characters "
                                      "long: is a closing quote or a line break missing?"]


def test_case15_names_in_nfc_and_nfd_are_the_same_name(tmp_path, capsys):
    name = "caf\u00e9.txt"
    corpus = write_corpus(tmp_path / "corpus", [{"file": name}, {"file": "b.txt"}])
    (corpus / name).rename(corpus / unicodedata.normalize("NFD", name))
    status, errors, _ = check(capsys, corpus)
    assert status == 0 and errors == []


def test_case15_a_directory_listed_as_an_article(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 2)
    (corpus / "a01.txt").unlink()
    (corpus / "a01.txt").mkdir()
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/a01.txt: is a directory, not a regular file: an article must "
                                      "be a .txt or .html file (listed in sources.csv, line 3)"]


def test_case15_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 1)
    (corpus / "x\nerror: all good.txt").write_text(article_text(3))
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/x\\nerror: all good.txt: article file has no row in "
                                      "sources.csv: add a row, or move the file out of the seeds folder"]


def test_case15_many_short_lines_are_named_for_what_they_are(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus", [{"file": "a.txt"}, {"file": "b.txt"}],
                          {"a.txt": "".join(f"w{i}\n" for i in range(100_000))})
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/a.txt: has 100,000 non-blank lines, more than any article "
                                      "(50,000 at most): is it a list, a log or many articles in one file? Split it "
                                      "into one file per article"]


def test_case16_a_column_twice_in_the_header(tmp_path, capsys):
    corpus = small_corpus(tmp_path / "corpus", 1)
    lines = (corpus / "sources.csv").read_text().splitlines()
    (corpus / "sources.csv").write_text("\n".join([lines[0] + ",title", lines[1] + ",Another title"]) + "\n")
    status, errors, _ = check(capsys, corpus)
    assert status == 2 and errors == [f"error: {corpus}/sources.csv: line 1: column(s) title appear twice in the "
                                      "header: keep one of each"]
