"""The loader: the seed corpus loads, and each kind of bad input gets its one-line message."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newscorpus import CorpusError, load
from newscorpus.corpus import date_label

from conftest import REPO, SEEDS


def test_seed_corpus_loads_with_metadata_and_text():
    articles = load(SEEDS)
    sources = pd.read_csv(SEEDS / "sources.csv", dtype=str, keep_default_na=False)
    assert sorted(articles["file"]) == sorted(sources["file"])
    # publication order (file breaking ties), worked out from sources.csv's own dates
    order = sources.assign(day=sources["published"].str.pad(10, side="right", fillchar="-"))
    assert list(articles["file"]) == order.sort_values(["day", "file"])["file"].tolist()
    assert articles["raw_text"].str.len().gt(0).all()
    row = articles.set_index("file").loc["001_a92967235dabab54.txt"]
    assert (row["published"].isoformat(), row["date_precision"], row["date_label"]) == ("2014-06-10", "day", "10 June 2014")
    assert row["raw_text"] == (SEEDS / "001_a92967235dabab54.txt").read_text(encoding="utf-8")


def test_date_labels_claim_only_the_known_precision():
    from datetime import date

    assert date_label(date(2016, 10, 1), "month") == "October 2016"
    assert date_label(date(2020, 1, 1), "year") == "2020"


def _rewrite_sources(seeds: Path, old: str, new: str) -> None:
    path = seeds / "sources.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD_INPUTS = {
    "missing file": (lambda s: (s / "003_0de244d715e8d948.txt").unlink(),
                     "003_0de244d715e8d948.txt: listed in sources.csv (line 5) but the file does not exist"),
    "file without row": (lambda s: (s / "005_new.txt").write_text("A new article.\n"),
                         "005_new.txt: article file has no row in sources.csv"),
    "not utf-8": (lambda s: (s / "004_36699c77de50e06f.txt").write_bytes(b"Caf\xe9 text\n"),
                  "004_36699c77de50e06f.txt: not valid UTF-8 (byte 0xe9 at offset 3)"),
    "empty file": (lambda s: (s / "000_c201e67ac8fcfc8b.txt").write_text("  \n"),
                   "000_c201e67ac8fcfc8b.txt: file is empty"),
    "bad date": (lambda s: _rewrite_sources(s, ",2014-06-10,day,", ",2014-13-10,day,"),
                 "sources.csv: line 3 (001_a92967235dabab54.txt): published '2014-13-10' is not a day date (expected YYYY-MM-DD)"),
    "date finer than its precision": (lambda s: _rewrite_sources(s, ",2020,year,", ",2020-03,year,"),
                                      "published '2020-03' is not a year date (expected YYYY)"),
    "unknown precision": (lambda s: _rewrite_sources(s, ",2014-06-10,day,", ",2014-06-10,week,"),
                          "date_precision 'week' is not one of day, month, year"),
    "missing column": (lambda s: _rewrite_sources(s, ",outlet_type,", ",kind,"),
                       "sources.csv: missing column(s): outlet_type"),
    "duplicate row": (lambda s: (s / "sources.csv").write_text(
                          (s / "sources.csv").read_text() + (s / "sources.csv").read_text().splitlines()[1] + "\n"),
                      "sources.csv: line 7: 000_c201e67ac8fcfc8b.txt is listed twice (first on line 2)"),
    "empty title": (lambda s: _rewrite_sources(s, "ISIS on offense in Iraq", ""),
                    "sources.csv: line 3: title is empty"),
    "no sources.csv": (lambda s: (s / "sources.csv").unlink(), "sources.csv: file not found"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_raises_one_line_naming_the_file(seeds_copy, case):
    corrupt, expected = BAD_INPUTS[case]
    corrupt(seeds_copy)
    with pytest.raises(CorpusError) as info:
        load(seeds_copy)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


def _digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in sorted(folder.iterdir()))).hexdigest()


@pytest.mark.parametrize("case", ["not utf-8", "bad date", "file without row"])
def test_check_command_exits_2_with_one_line_and_modifies_nothing(seeds_copy, case):
    BAD_INPUTS[case][0](seeds_copy)
    before = _digest(seeds_copy)
    result = subprocess.run([sys.executable, "-m", "newscorpus", "check", "--seeds", str(seeds_copy)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr
    assert _digest(seeds_copy) == before


def test_check_command_passes_on_the_seeds():
    result = subprocess.run([sys.executable, "-m", "newscorpus", "check", "--seeds", str(SEEDS)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 5 articles")
