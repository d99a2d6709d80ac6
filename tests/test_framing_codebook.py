"""The framing codebook: the coders' sheets and the reconciled sheet check out, and agreement
is computed right (hand-computed alpha on a tiny pair of sheets)."""

from __future__ import annotations

import pytest

from newscorpus import framing_codebook as fc

from conftest import SEEDS

FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def codebook():
    return fc.read_codebook()


@pytest.fixture(scope="module")
def sheets():
    return fc.read_sheets()


@pytest.fixture(scope="module")
def reconciled():
    return fc.read_sheet("reconciled")


def test_codebook_has_33_coded_items_and_one_free_text(codebook):
    assert len(codebook) == 34
    assert [i.id for i in codebook.values() if i.free_text] == ["CF1"]
    groups = [i.group for i in codebook.values() if not i.free_text]
    assert (groups.count("Entman"), groups.count("Semetko–Valkenburg"), groups.count("study")) == (6, 20, 7)


@pytest.mark.parametrize("name", ["coder_a", "coder_b", "reconciled"])
def test_every_article_and_item_present_once(name, codebook):
    rows = fc.read_sheet(name)
    keys = [(r["file"], r["item_id"]) for r in rows]
    assert len(keys) == len(set(keys)) == len(FILES) * len(codebook)
    assert set(keys) == {(f, i) for f in FILES for i in codebook}
    template = [(r["file"], r["item_id"]) for r in fc.read_sheet("template")]
    assert keys == template


@pytest.mark.parametrize("name", ["coder_a", "coder_b"])
def test_independent_sheets_validate(name, codebook):
    assert fc.validate_sheet(fc.read_sheet(name), corpus_dir=SEEDS, codebook=codebook) == []


def test_reconciled_sheet_validates(reconciled, sheets, codebook):
    assert fc.validate_reconciled(reconciled, *sheets, corpus_dir=SEEDS, codebook=codebook) == []
    assert tuple(reconciled[0]) == fc.RECONCILED_COLUMNS


def test_reconciled_keeps_agreed_answers_and_their_quotes(reconciled, sheets, codebook):
    a, b = ({(r["file"], r["item_id"]): r for r in s} for s in sheets)
    for row in reconciled:
        key = (row["file"], row["item_id"])
        assert row["answer_a"] == a[key]["answer"] and row["answer_b"] == b[key]["answer"]
        if codebook[row["item_id"]].free_text or row["answer_a"] != row["answer_b"]:
            continue
        assert row["answer"] == row["answer_a"]
        assert row["settled"] == row["resolution"] == "agreed"
        coders = fc.split_evidence(a[key]["evidence"]) + fc.split_evidence(b[key]["evidence"])
        for quote in fc.split_evidence(row["evidence"]):
            assert quote in coders


def test_every_disagreement_settled_to_a_coded_answer(reconciled, sheets):
    disputed = {(f, i) for f, i, _, _ in fc.disagreements(*sheets)}
    settled = {(r["file"], r["item_id"]): r for r in reconciled}
    assert disputed
    for key in disputed:
        row = settled[key]
        assert row["settled"] in {"a", "b", "new", "unresolved"}
        assert row["resolution"] and row["resolution"] != "agreed"
    counts = fc.settlement_counts(reconciled)
    assert counts["a"] + counts["b"] + counts["new"] + counts["unresolved"] == len(disputed)
    frames = fc.central_frames(reconciled)
    assert sorted(frames) == FILES and all(0 < len(s.split()) <= 40 for s in frames.values())


def test_quote_check_collapses_white_space_only():
    article = "The Islamic State of Iraq and al-Sham\u00a0(ISIS)\ncontinues the “Breaking the Walls” plan."
    assert fc.quote_found("al-Sham (ISIS) continues", article)  # no-break space and line break
    assert fc.quote_found("al-Sham\u00a0(ISIS)   continues", article)
    assert not fc.quote_found('the "Breaking the Walls" plan', article)  # straight for curly quotes
    assert not fc.quote_found("al-sham (ISIS)", article)  # capitals


def test_validation_reports_bad_rows(codebook, sheets):
    rows = [dict(r) for r in sheets[0] if r["file"] == FILES[0]]
    articles = fc.read_articles([FILES[0]], SEEDS)
    assert fc.validate_sheet(rows, codebook=codebook, articles=articles) == []
    rows[0] = {**rows[0], "answer": "war"}
    rows[1] = {**rows[1], "evidence": "words that are not in the article"}
    rows[3] = {**rows[3], "answer": "condemns", "evidence": "NONE"}
    del rows[5]
    problems = fc.validate_sheet(rows, codebook=codebook, articles=articles)
    assert any("EN1" in p and "not one of" in p for p in problems)
    assert any("EN2)" in p and "not found verbatim" in p for p in problems)
    assert any("EN3)" in p and "no evidence" in p for p in problems)
    assert any("row missing" in p for p in problems)


# -- agreement on a tiny synthetic pair of sheets ----------------------------------------------------

TINY = {
    "X1": fc.Item("X1", "entman", "Entman", "", "", ("a", "b"), 0),
    "X2": fc.Item("X2", "study", "study", "", "", ("a", "b"), 1),
    "CF1": fc.Item("CF1", "study", "study", "", "", (), 2),
}


def tiny_sheet(answers):
    (a1, a2), (b1, b2) = answers
    return [
        {"file": "f1", "item_id": "X1", "answer": a1}, {"file": "f1", "item_id": "X2", "answer": a2},
        {"file": "f1", "item_id": "CF1", "answer": "one sentence"},
        {"file": "f2", "item_id": "X1", "answer": b1}, {"file": "f2", "item_id": "X2", "answer": b2},
        {"file": "f2", "item_id": "CF1", "answer": "another sentence"},
    ]


def test_alpha_matches_hand_computation():
    # Units (A, B): (a, a), (a, a), (b, b), (a, b). Pairable values n = 8: five a, three b.
    # Observed disagreement Do = 2/8; expected De = 2*5*3/(8*7) = 30/56;
    # alpha = 1 - Do/De = 1 - 112/240 = 8/15. Percentage agreement 3/4.
    sheet_a = tiny_sheet([("a", "a"), ("b", "a")])
    sheet_b = tiny_sheet([("a", "a"), ("b", "b")])
    rows = {r["scope"]: r for r in fc.agreement(sheet_a, sheet_b, TINY, draws=200)}
    pooled = rows[fc.POOLED]
    assert (pooled["items"], pooled["units"], pooled["agreed"]) == (2, 4, 3)  # CF1 left out
    assert pooled["percent"] == pytest.approx(75.0)
    assert pooled["alpha"] == pytest.approx(8 / 15)
    # By block. Entman (X1): (a, a), (b, b): alpha 1. Study (X2): (a, a), (a, b): three a, one b,
    # Do = 2/4, De = 2*3*1/(4*3) = 1/2, alpha 0.
    assert rows["Entman"]["alpha"] == pytest.approx(1.0)
    assert rows["study"]["alpha"] == pytest.approx(0.0)
    assert rows["study"]["percent"] == pytest.approx(50.0)
    assert fc.disagreements(sheet_a, sheet_b, TINY) == [("f2", "X2", "a", "b")]
    assert [r["agreed"] for r in fc.item_agreement(sheet_a, sheet_b, TINY)] == [2, 1]


def test_closed_form_used_by_the_bootstrap_equals_the_package():
    import numpy as np

    pairs = [("a", "a"), ("a", "a"), ("b", "b"), ("a", "b"), ("c", "b"), ("c", "c")]
    values = sorted({v for p in pairs for v in p})
    counts = np.array([sum(v == x for p in pairs for x in p) for v in values])
    closed = fc._alpha_two_coders(sum(x != y for x, y in pairs), counts, 2 * len(pairs))
    assert float(closed) == pytest.approx(fc.nominal_alpha(pairs))


def test_alpha_is_one_for_identical_sheets(sheets, codebook):
    rows = {r["scope"]: r for r in fc.agreement(sheets[0], sheets[0], codebook, draws=100)}
    for row in rows.values():
        assert row["alpha"] == pytest.approx(1.0) and row["percent"] == 100.0
    assert rows[fc.POOLED]["alpha_low"] == rows[fc.POOLED]["alpha_high"] == pytest.approx(1.0)


def test_agreement_of_the_independent_sheets(sheets, codebook):
    rows = {r["scope"]: r for r in fc.agreement(*sheets, codebook)}
    pooled = rows[fc.POOLED]
    assert pooled["units"] == len(FILES) * 33
    assert sum(rows[g]["units"] for g in fc.BLOCK_ORDER) == pooled["units"]
    assert pooled["units"] - pooled["agreed"] == len(fc.disagreements(*sheets))
    assert 0 < pooled["alpha"] < 1
    assert pooled["alpha_low"] <= pooled["alpha"] <= pooled["alpha_high"]
    again = {r["scope"]: r for r in fc.agreement(*sheets, codebook)}
    assert again[fc.POOLED]["alpha_low"] == pooled["alpha_low"]  # fixed seed


def test_evidence_table(reconciled, codebook):
    table = fc.evidence_table(reconciled, codebook)
    assert len(table) == len(reconciled)
    assert [r["item_id"] for r in table[: len(codebook)]] == list(codebook)
    for row in table:
        if row["answer"] not in fc.ABSENCE_CODES:
            assert 1 <= len(row["evidence"]) <= 3
