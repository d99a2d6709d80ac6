"""The fast paths of cleaner.normalise (byte table, str table) against the plain regex."""

import random
import re
import string

from newscorpus.cleaning import cleaner

ALPHABET = (string.printable + "\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0" + "‘’“”—–…•·«»′″‐‑‒―©"
            + "éÉßçÃ̃̂İıKÅ²٣ǅﬁ‿⁀_\u2028\u3000ΣςΩ日本")


def plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_normalise_equals_regex_on_varied_text():
    rng = random.Random(7)
    texts = ["", " ", "Hello, World!", "It’s “quoted” — a dash… and • bullets",
             "A_B c__d 12:30 e-mail", "\tTabs\x0band\x1cseparators\x1f", "KELVIN K and İstanbul",
             "Crème brûlée © 2016", "ΣΟΦΊΑ ςσ", "ﬁne ǅ"]
    for _ in range(3000):
        # mostly ASCII, some lines with the punctuation the table knows, some with anything
        pool = rng.choice([string.printable, string.ascii_letters + " ’“”—", ALPHABET])
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(0, 60))))
    for text in texts:
        assert cleaner.normalise(text) == plain(text), repr(text)
        assert cleaner._normalise_lowered(text.lower()) == plain(text), repr(text)


def test_unit_keys_of_a_unicode_article():
    text = "The Title\n\nIt’s a “fine” day — in Zürich… for ŞİMDİ.\nSHARE THIS\n\n© 2016 Site"
    assert cleaner.unit_keys(text) == {plain(u.text) for u in cleaner.split_units(text)}


def test_line_key_hashes_are_key_hash(tmp_path):
    from newscorpus import pipeline

    path = tmp_path / "a.txt"
    path.write_text("Title Here\n\nSubscribe to our newsletter!\n\nIt’s prose — “quoted”.\n", encoding="utf-8")
    task = pipeline.ArticleTask(file="a.txt", path=str(path), outlet="Site")
    outlet, hashes = pipeline.line_key_hashes(task)
    keys = {k for k in cleaner.unit_keys(path.read_text(encoding="utf-8")) if k}
    assert outlet == "Site" and hashes.dtype == "uint64"
    assert sorted(int(h) for h in hashes) == sorted(pipeline.key_hash(k) for k in keys)
