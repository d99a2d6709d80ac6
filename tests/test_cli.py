"""The command-line contract of `python -m newscorpus clean` and `export`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd

from conftest import REPO, SEEDS


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "newscorpus", *args], capture_output=True, text=True, cwd=cwd)


def test_clean_json_prints_one_object_per_file():
    files = sorted(str(p.relative_to(REPO)) for p in SEEDS.glob("*.txt"))
    result = run("clean", "--json", *files)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == files
    for record in records:
        assert {"path", "title", "byline", "date", "paragraphs", "removed"} <= set(record)
        assert record["paragraphs"] and all(isinstance(p, str) for p in record["paragraphs"])
        for removed in record["removed"]:
            assert set(removed) == {"line", "text", "reason"} and removed["line"] >= 1
    assert records[1]["title"] == "ISIS on offense in Iraq"


def test_clean_without_json_prints_the_body_text():
    result = run("clean", "seeds/004_36699c77de50e06f.txt")
    assert result.returncode == 0
    assert result.stdout.startswith("Haidar Abadi, the Iraqi Prime minister")
    assert "Copyright" not in result.stdout and "Translated by" not in result.stdout


def test_bad_files_get_one_line_each_and_the_rest_are_still_cleaned(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes(b"Caf\xe9\n")
    good = shutil.copy(SEEDS / "004_36699c77de50e06f.txt", tmp_path / "good.txt")
    result = run("clean", "--json", "missing.txt", "empty.txt", "latin1.txt", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        "error: missing.txt: file not found",
        "error: empty.txt: file is empty",
        "error: latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3); it looks like cp1252: "
        "re-save it as UTF-8, or put cp1252 in the `encoding` column of its row",
    ]
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["good.txt"]
    assert (tmp_path / "good.txt").read_bytes() == (SEEDS / "004_36699c77de50e06f.txt").read_bytes()
    assert good


def test_clean_handles_hundreds_of_files_in_one_call(tmp_path):
    sources = sorted(SEEDS.glob("*.txt"))
    names = []
    for i in range(300):
        target = tmp_path / f"article_{i:03d}.txt"
        shutil.copy(sources[i % len(sources)], target)
        names.append(target.name)
    result = run("clean", "--json", *names, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 300


def test_export_writes_articles_and_cleaning_audit(tmp_path):
    result = run("export", str(tmp_path / "out"), "--seeds", str(SEEDS))
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    audit = pd.read_csv(tmp_path / "out" / "cleaning_audit.csv")
    assert articles.columns[0] == "file" and len(articles) == 5
    assert (articles["clean_words"] < articles["raw_words"]).all()
    assert list(audit.columns) == ["file", "line", "reason", "text"]
    assert "cookie notice" in set(audit["reason"]) and "paywall" in set(audit["reason"])


def test_export_with_bad_input_writes_nothing(tmp_path, seeds_copy):
    (seeds_copy / "002_34c7e98329047369.txt").write_bytes(b"\xff\xfe")
    result = run("export", str(tmp_path / "out"), "--seeds", str(seeds_copy))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
