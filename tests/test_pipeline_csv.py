"""The pipeline writes each chunk's tables without pandas (``safe_csv.write_rows``) and joins
parts by copying bytes: both must give exactly the files pandas and the csv module gave."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from newscorpus.pipeline import PART_LINE_END, _join_parts
from newscorpus.safe_csv import write_csv, write_rows

VALUES = {
    "text": ["a", "=1+1", "-2", "+x", "@y", "\tz", "b,c", 'say "no"', "", "two\nlines", "é"],
    "int": [0, 7, -3, 10**12, 2**60],
    "float": [0.5, -1.25, 1e16, 1e-05, float("nan"), float("inf"), 3.0],
    "bool": [True, False],
    "none": [None],
    "absent": ["ABSENT"],
}


def random_rows(rng: random.Random) -> list[dict]:
    kinds = [rng.sample(sorted(VALUES), rng.randint(1, 3)) for _ in range(rng.randint(1, 4))]
    rows = []
    for _ in range(rng.randint(1, 6)):
        row = {}
        for number, allowed in enumerate(kinds):
            value = rng.choice(VALUES[rng.choice(allowed)])
            if value != "ABSENT":
                row[f"c{number}"] = value
        rows.append(row or {"c0": "x"})
    return rows


@pytest.mark.parametrize("seed", range(4))
def test_write_rows_writes_what_pandas_writes(tmp_path, seed):
    rng = random.Random(seed)
    for trial in range(300):
        rows = random_rows(rng)
        ours, theirs = tmp_path / "ours.csv", tmp_path / "theirs.csv"
        write_rows(rows, ours, lineterminator=PART_LINE_END)
        write_csv(pd.DataFrame(rows), theirs, lineterminator=PART_LINE_END)
        assert ours.read_bytes() == theirs.read_bytes(), rows


def test_joined_parts_equal_a_row_by_row_rewrite(tmp_path):
    """Parts with the table's header are copied; one with other columns (or another line end) is
    rewritten; the result is what the csv module writes for all the rows."""
    import csv

    same = [{"file": "a", "n": 1, "text": "x\ny"}, {"file": "b", "n": 2, "text": "=z"}]
    other = [{"file": "c", "text": "w", "extra": 1.5}]
    write_rows(same, tmp_path / "1.part", lineterminator=PART_LINE_END)
    write_rows(same[:1], tmp_path / "2.part", lineterminator="\n")  # an older part's line end
    write_rows(other, tmp_path / "3.part", lineterminator=PART_LINE_END)
    joined = _join_parts([tmp_path / f"{n}.part" for n in (1, 2, 3)], tmp_path / "joined.csv")
    expected = tmp_path / "expected.csv"
    with expected.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "n", "text", "extra"])
        writer.writerows([["a", "1", "x\ny", ""], ["b", "2", "'=z", ""], ["a", "1", "x\ny", ""], ["c", "", "w", "1.5"]])
    assert joined.read_bytes() == expected.read_bytes()
