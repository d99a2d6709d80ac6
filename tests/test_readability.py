"""Readability: formulas against textstat, counts worked by hand, textstat's pinned defects,
the bootstrap, readability.csv, and lexical diversity."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.layer.words import WORD as LAYER_WORD
from newscorpus.measures import readability as rd
from newscorpus.measures.diversity import article_diversity, mattr, mtld
from newscorpus.text import word_count
from newscorpus.textstat_offline import textstat
from textstat.backend import counts as ts_counts


@pytest.fixture(scope="module")
def cleaned():
    return clean_corpus(newscorpus.load())


@pytest.fixture(scope="module")
def computed(cleaned):
    return rd.readability_tables(cleaned)


# --- our formulas reproduce textstat, given textstat's own counts -----------------------------

def textstat_counts(text: str) -> dict:
    return {
        "sentences": ts_counts.count_sentences(text),
        "words": ts_counts.count_words(text),
        "syllables": ts_counts.count_syllables(text, "en_US"),
        "polysyllables": ts_counts.count_polysyllable_words(text, "en_US"),
        "fog_hard": ts_counts.count_difficult_words(text, "en_US", syllable_threshold=3),
        "letters": ts_counts.count_letters(text),
        "characters": ts_counts.count_chars(text, ignore_spaces=True),
        "dale_chall_hard": ts_counts.count_difficult_words(text, "en_US", syllable_threshold=0),
    }


def test_formulas_reproduce_textstat_from_textstat_counts(cleaned):
    for text in cleaned["clean_text"]:
        # textstat's ARI divides characters (punctuation included) by whitespace tokens; on text
        # without free-standing punctuation (" - ") that equals its word count.
        text = re.sub(r"\s[^\w\s]+(?=\s)", "", text)
        assert ts_counts.count_words(text) == ts_counts.count_words(text, rm_punctuation=False)
        c = textstat_counts(text)
        w, s = c["words"], c["sentences"]
        assert rd.reading_ease(w, s, c["syllables"]) == pytest.approx(textstat.flesch_reading_ease(text))
        assert rd.kincaid_grade(w, s, c["syllables"]) == pytest.approx(textstat.flesch_kincaid_grade(text))
        # textstat's fog counts words of 3+ syllables that are not on the Dale–Chall list
        assert rd.fog_index(w, s, c["fog_hard"]) == pytest.approx(textstat.gunning_fog(text))
        assert rd.smog_grade(s, c["polysyllables"]) == pytest.approx(textstat.smog_index(text))
        # textstat writes Coleman and Liau's 0.0588 as 0.058
        assert rd.coleman_liau(c["letters"], w, s, letter_weight=0.058) == pytest.approx(textstat.coleman_liau_index(text))
        assert rd.coleman_liau(c["letters"], w, s) - textstat.coleman_liau_index(text) == pytest.approx(0.0008 * 100 * c["letters"] / w)
        assert rd.automated_readability(c["characters"], w, s) == pytest.approx(textstat.automated_readability_index(text))
        assert float(rd.dale_chall(w, s, c["dale_chall_hard"])) == pytest.approx(textstat.dale_chall_readability_score(text))


def test_formulas_worked_by_hand():
    # 100 words, 5 sentences, 150 syllables: 206.835 - 1.015*20 - 84.6*1.5 = 59.635
    assert rd.reading_ease(100, 5, 150) == pytest.approx(59.635)
    # 0.39*20 + 11.8*1.5 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91
    assert rd.kincaid_grade(100, 5, 150) == pytest.approx(9.91)
    # 0.4 * (20 + 100*10/100) = 12
    assert rd.fog_index(100, 5, 10) == pytest.approx(12.0)
    # 1.043*sqrt(30*30/30) + 3.1291 = 1.043*sqrt(30) + 3.1291
    assert rd.smog_grade(30, 30) == pytest.approx(1.043 * 30 ** 0.5 + 3.1291)
    # 0.0588*450 - 0.296*5 - 15.8 = 26.46 - 1.48 - 15.8 = 9.18
    assert rd.coleman_liau(450, 100, 5) == pytest.approx(9.18)
    # 4.71*4.5 + 0.5*20 - 21.43 = 21.195 + 10 - 21.43 = 9.765
    assert rd.automated_readability(450, 100, 5) == pytest.approx(9.765)
    # 4 % difficult: no adjustment; 10 %: +3.6365
    assert float(rd.dale_chall(100, 5, 4)) == pytest.approx(0.1579 * 4 + 0.0496 * 20)
    assert float(rd.dale_chall(100, 5, 10)) == pytest.approx(0.1579 * 10 + 0.0496 * 20 + 3.6365)


# --- counts, worked by hand ---------------------------------------------------------------------

def test_sentence_counts_by_hand():
    # The(1) cat(1) sat(1) on(1) the(1) mat(1): 6 words, 6 syllables, 17 letters, all familiar
    assert rd.sentence_counts("The cat sat on the mat.") == [1, 6, 6, 0, 17, 17, 0]
    # Officials (CMU: AH0 F IH1 SH AH0 L Z, 3 vowels) negotiated (5) in (1) 2016 (1: a number, via pyphen)
    # words 4; syllables 3+5+1+1 = 10; polysyllables 2; letters 9+10+2 = 21; characters 21+4 = 25;
    # difficult: officials, negotiated (not on the list, no listed stem) = 2; 2016 is a number
    assert rd.sentence_counts("Officials negotiated in 2016.") == [1, 4, 10, 2, 21, 25, 2]


def test_words_are_the_text_layers_words():
    # "Mosul/Raqqa" and "east—west" are two words each, "Al- Baaj" (a scraped space) one, "U.S." one;
    # (a whitespace split, as the counts were made before, finds 9 words here)
    sentence = "The U.S. army left Mosul/Raqqa east—west of Al- Baaj."
    assert rd.sentence_counts(sentence)[rd.COUNTS.index("words")] == word_count(sentence) == 10


def test_article_words_are_the_books_one_word_count(computed, cleaned):
    """The counts table gives every article the count the cleaning, framing and themes chapters give it."""
    scores, _ = computed
    by_file = scores.set_index("file")["words"]
    for file, clean_words in zip(cleaned["file"], cleaned["clean_words"]):
        assert by_file[file] == clean_words, file


def test_apostrophes_are_normalised_before_counting():
    curly = rd.article_readability("x", ["Syria’s army moved in. Iraq’s army followed."], n_boot=50)[0]
    straight = rd.article_readability("x", ["Syria's army moved in. Iraq's army followed."], n_boot=50)[0]
    assert {c: curly[c] for c in rd.COUNTS} == {c: straight[c] for c in rd.COUNTS}
    # pinned: textstat counts the two spellings differently
    assert textstat.syllable_count("Syria’s") != textstat.syllable_count("Syria's")


def test_dale_chall_familiar_words_include_inflections_and_names():
    assert rd.is_familiar("cats", capitalised=False)  # plural of a listed word
    assert rd.is_familiar("walked", capitalised=False)
    assert rd.is_familiar("mosul", capitalised=True)  # a name inside a sentence
    assert not rd.is_familiar("insurgency", capitalised=False)
    assert rd.is_familiar("army's", capitalised=False)  # a possessive of a listed word
    assert rd.is_familiar("well-known", capitalised=False)  # both parts listed
    assert not rd.is_familiar("army-insurgency", capitalised=False)


def test_textstat_counts_names_and_inflections_as_difficult_and_we_do_not():
    # pinned: exact list look-up, so "entered" (enter + -ed) and "Mosul" (a name) are difficult
    assert textstat.difficult_words("The army entered Mosul.", syllable_threshold=0) == 2
    assert rd.sentence_counts("The army entered Mosul.")[rd.COUNTS.index("difficult_words")] == 0


def test_syllables_of_possessives_and_hyphenated_names():
    assert rd.syllables("daesh's") == rd.syllables("daesh")  # not in the dictionary with 's
    assert rd.syllables("al-baghdadi") == rd.syllables("al") + rd.syllables("baghdadi")
    # textstat: exact match only, so the plural is difficult
    assert textstat.difficult_words("cats", syllable_threshold=0) == 1


def test_textstat_defects_are_pinned():
    # difficult_words counts unique words by default
    assert textstat.difficult_words("insurgency insurgency insurgency.") == 1
    assert ts_counts.count_difficult_words("insurgency insurgency insurgency.", "en_US", syllable_threshold=0) == 3
    # Dale–Chall v2 adds 3.6365 whenever the raw score exceeds 0.05
    assert textstat.dale_chall_readability_score_v2("The cat sat on the mat.") == pytest.approx(3.93, abs=0.01)
    # SMOG from a single sentence
    assert textstat.smog_index("Government officials negotiated a ceasefire agreement.") > 3.1291


def test_consensus_grade_ranks_the_hardest_seed_below_easier_ones(cleaned, computed):
    """Why the chapter does not use textstat's consensus grade: on these texts it does not
    follow the grade formulas it summarises."""
    comparison = rd.textstat_comparison(cleaned)
    hardest = comparison["kincaid_grade"].idxmax()
    assert (comparison["consensus_grade"] > comparison.loc[hardest, "consensus_grade"]).any()


# --- the bootstrap --------------------------------------------------------------------------------

def test_vectorised_resampling_equals_explicit_resampling():
    rng = np.random.default_rng(1)
    units = rng.integers(1, 30, size=(12, len(rd.COUNTS)))
    units[:, 0] = 1
    fast = rd.bootstrap_scores(units, "some.txt", n_boot=200)
    draws = rd._rng("some.txt").integers(0, 12, size=(200, 12))  # the same draws, by hand
    for b in (0, 57, 199):
        totals = dict(zip(rd.COUNTS, units[draws[b]].sum(axis=0)))
        slow = rd.scores_from_counts(totals)
        for name in rd.SCORES:
            assert fast[name][b] == pytest.approx(float(slow[name]))


def test_intervals_are_deterministic_and_do_not_depend_on_the_rest_of_the_corpus(cleaned, computed):
    scores, _ = computed
    file, paragraphs = cleaned["file"].iloc[2], list(cleaned["paragraphs"].iloc[2])
    alone, _ = rd.article_readability(file, paragraphs)
    assert alone == scores.set_index("file").loc[file].to_dict() | {"file": file}
    reversed_scores, _ = rd.readability_tables(cleaned.iloc[::-1])
    pd.testing.assert_frame_equal(scores.set_index("file"), reversed_scores.set_index("file").loc[scores["file"]])


def test_intervals_contain_the_point_estimate(computed):
    scores, _ = computed
    for name in rd.SCORES:
        for kind in ("", "_block"):
            assert (scores[f"{name}{kind}_low"] <= scores[name]).all() and (scores[name] <= scores[f"{name}{kind}_high"]).all()
            assert (scores[f"{name}{kind}_low"] < scores[f"{name}{kind}_high"]).all()


def test_smog_is_flagged_below_thirty_sentences(computed):
    scores, _ = computed
    assert (scores["smog_reliable"] == (scores["sentences"] >= 30)).all()
    assert not scores["smog_reliable"].all()  # the seeds include short articles


def test_pairwise_differences_are_corrected_and_read_both_bootstraps(computed):
    scores, sentences = computed
    pairs = rd.pairwise_differences(sentences, "kincaid_grade")
    n = len(scores)
    assert len(pairs) == n * (n - 1) // 2
    assert pairs.attrs["interval_level"] == pytest.approx(1 - 0.05 / len(pairs))
    points = scores.set_index("file")["kincaid_grade"]
    assert np.allclose(pairs["difference"], points[pairs["first"]].to_numpy() - points[pairs["second"]].to_numpy())
    clear = ((pairs["sentence_low"] > 0) | (pairs["sentence_high"] < 0)) & ((pairs["block_low"] > 0) | (pairs["block_high"] < 0))
    assert (pairs["exceeds_noise"] == clear).all()
    # corrected intervals are wider than uncorrected ones
    loose = rd.pairwise_differences(sentences, "kincaid_grade", correct=False)
    assert loose.attrs["interval_level"] == 0.95
    assert ((pairs["sentence_high"] - pairs["sentence_low"]) >= (loose["sentence_high"] - loose["sentence_low"]) - 1e-9).all()


def test_difference_summary_states_only_what_the_intervals_show():
    names = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
    pairs = pd.DataFrame([
        {"first": "a", "second": "b", "difference": 5.0, "sentence_low": 2.0, "sentence_high": 8.0,
         "block_low": 1.0, "block_high": 9.0, "exceeds_noise": True},
        {"first": "a", "second": "c", "difference": -1.0, "sentence_low": -3.0, "sentence_high": 1.0,
         "block_low": -4.0, "block_high": 2.0, "exceeds_noise": False},
        {"first": "b", "second": "c", "difference": -6.0, "sentence_low": -9.0, "sentence_high": -2.0,
         "block_low": -10.0, "block_high": 1.0, "exceeds_noise": False},
    ])
    text = rd.difference_summary(pairs, names, "grades")
    assert text.startswith("1 of the 3 pairs")
    assert "Alpha reads harder than Beta (by 5.0 grades; interval 2.0 to 8.0)" in text
    assert "Gamma" not in text.split(".")[0]  # the pairs within the noise are not claimed
    # for reading ease, higher is easier: the same numbers read the other way round
    assert "Beta reads harder than Alpha" in rd.difference_summary(pairs, names, "points", score="reading_ease")
    none = rd.difference_summary(pairs.assign(exceeds_noise=False), names, "grades")
    assert none.startswith("None of the 3 pairs")
    scores = pd.DataFrame({"file": ["a", "b", "c"], "kincaid_grade": [10.0, 5.0, 11.0]})
    assert rd.hardest_summary(scores, pairs, names, "kincaid_grade").startswith("Gamma scores hardest on Flesch–Kincaid grade, but not")


# --- readability.csv --------------------------------------------------------------------------------

def test_export_writes_readability_csv():
    from newscorpus import export

    # the full export runs every chapter (minutes); that it wires this table in is enough here
    from newscorpus.tables import ARTICLE_ROWS

    assert ARTICLE_ROWS["readability.csv"].__name__ == "readability_rows" and export.tables  # export maps it


def test_readability_csv_scores_recompute_from_the_counts_beside_them(tmp_path, cleaned):
    from newscorpus.tables import ARTICLE_ROWS

    rows = [row for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for row in ARTICLE_ROWS["readability.csv"](f, list(p))]
    pd.DataFrame(rows).to_csv(tmp_path / "readability.csv", index=False)  # the rows export writes
    table = pd.read_csv(tmp_path / "readability.csv")
    assert table.columns[0] == "file"
    for name, (formula, args) in rd.SCORES.items():
        for column in (name, f"{name}_low", f"{name}_high", f"{name}_block_low", f"{name}_block_high"):
            assert column in table.columns
        for row in table.to_dict("records"):
            assert float(formula(*(row[a] for a in args))) == pytest.approx(row[name]), (name, row["file"])
    for count in rd.COUNTS + ["textstat_sentences"]:
        assert count in table.columns


# --- lexical diversity ------------------------------------------------------------------------------

def test_mtld_worked_by_hand():
    # Forward: a b a -> TTR 2/3 = 0.667 <= 0.72: one factor. Rest "b c d e f a b": 6 types / 7
    # tokens = 0.857; partial factor (1 - 0.857) / (1 - 0.72) = 0.510; 10 / 1.510 = 6.622.
    # Backward: "b a f e d c b a b" reaches 6/9 = 0.667 at the ninth token: one factor; rest "a"
    # has TTR 1, partial factor 0; 10 / 1 = 10. Mean (6.622 + 10) / 2 = 8.311.
    assert mtld("a b a b c d e f a b".split()) == pytest.approx(8.311, abs=0.001)


def _mtld_one_way_by_division(words, threshold):
    """MTLD's pass as the paper states it, dividing at every word (the reference)."""
    factors, types, count, ratio = 0.0, set(), 0, 1.0
    for word in words:
        count += 1
        types.add(word)
        ratio = len(types) / count
        if ratio <= threshold:
            factors, types, count, ratio = factors + 1, set(), 0, 1.0
    if count:
        factors += (1 - ratio) / (1 - threshold)
    return len(words) / factors if factors else float("nan")


def test_mtld_pass_with_limits_equals_the_division_at_every_word():
    import random

    from newscorpus.measures.diversity import _mtld_one_way

    rng = random.Random(17)
    for threshold in (0.72, 0.5, 0.9, 0.1, 1 / 3, 0.7200000000000001):
        for size in (0, 1, 2, 7, 50, 400, 3000):
            for vocabulary in (3, 20, 500):
                words = [str(rng.randrange(vocabulary)) for _ in range(size)]
                ours, reference = _mtld_one_way(words, threshold), _mtld_one_way_by_division(words, threshold)
                assert ours == reference or (ours != ours and reference != reference), (threshold, size)


def test_mattr_worked_by_hand():
    # windows of 2 over a a b b: (a a) 1/2, (a b) 2/2, (b b) 1/2 -> mean 2/3
    assert mattr("a a b b".split(), window=2) == pytest.approx(2 / 3)
    assert mattr("a b".split(), window=5) == 1.0  # shorter than the window: the plain ratio


def test_type_token_ratio_falls_with_length_but_mattr_does_not():
    text = ["The army moved into the city and the militants left the city for the desert."] * 1
    short = article_diversity("x", text)
    long = article_diversity("x", text * 6)
    assert long["type_token_ratio"] < short["type_token_ratio"] / 3
    assert long["mattr"] == pytest.approx(article_diversity("x", text * 12)["mattr"], rel=0.05)


# --- charts lay out for up to 50 articles -----------------------------------------------------------

def test_charts_lay_out_for_fifty_articles(computed, cleaned):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newscorpus.overview import article_overview
    from newscorpus.plots import readability as charts

    scores, sentences = computed
    overview = article_overview(newscorpus.load(), cleaned)
    many_scores = pd.concat([scores.assign(file=[f"{i:02d}_{f}" for f in scores["file"]]) for i in range(10)], ignore_index=True)
    many_sentences = pd.concat([sentences.assign(file=[f"{i:02d}_{f}" for f in sentences["file"]]) for i in range(10)], ignore_index=True)
    many_overview = pd.concat([overview.assign(file=[f"{i:02d}_{f}" for f in overview["file"]],
                                               date_label=[f"{d} #{i}" for d in overview["date_label"]]) for i in range(10)],
                              ignore_index=True)
    assert len(many_scores) == 50
    for fig in (charts.score_intervals(many_scores, many_overview), charts.sentence_lengths(many_sentences, many_overview)):
        height = fig.get_size_inches()[1]
        assert 8 < height < 17  # grows with the number of articles, up to the rows a chart draws
        assert 12 <= len(fig.axes[0].get_yticklabels()) <= charts.MAX_ROWS  # the rest are in the tables
        plt.close(fig)
    shown, note = charts.chart_rows(many_scores, "kincaid_grade")
    grades = many_scores["kincaid_grade"].sort_values()
    assert set(shown["kincaid_grade"]) == set(grades.head(20)) | set(grades.tail(20))
    assert note.startswith("The 20 hardest and the 20 easiest of 50 articles")


def test_fast_textstat_sentence_count_equals_textstat(cleaned):
    texts = list(cleaned["clean_text"]) + [
        "The U.S. Army moved in. Troops arrived.", "Stop. Go now. Wait here.", "' ' ' He said. ' Fine.",
        "No stop at all", "", "He didn't go. It's 3.5 percent! Really? Yes.",
    ]
    for text in texts:
        rd.clear_textstat_caches()
        assert rd.textstat_sentence_count(text) == textstat.sentence_count(text), text[:40]


def test_charts_with_many_articles_and_long_names_lay_out_without_warnings(computed):
    """A sixth article made the pairwise chart's labels too wide for tight_layout (a warning, so a
    failed strict build). Every readability chart must lay out for many articles, long names."""
    import warnings

    import matplotlib.pyplot as plt

    from newscorpus.plots import readability as charts

    scores, sentences = computed
    copies = []
    for i in range(7):  # twelve articles: 66 pairs, more than the chart shows
        extra = sentences[sentences["file"] == scores["file"].iloc[i % 5]].assign(file=f"9{i}_copy.txt")
        copies.append(extra)
    many = pd.concat([sentences, *copies], ignore_index=True)
    files = list(dict.fromkeys(many["file"]))
    overview = pd.DataFrame({
        "file": files,
        "outlet": [f"A Very Long Outlet Name for Research and Policy Studies No. {i}" for i in range(len(files))],
        "date_label": ["10 December 2016"] * len(files),
    })
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for metric in ("kincaid_grade", "reading_ease"):
            pairs = rd.pairwise_differences(many, metric)
            fig = charts.pairwise_chart(pairs, overview, "Difference")
            shown = len(fig.axes[0].get_yticks())
            assert shown == min(charts.MAX_CHART_PAIRS, int(pairs["exceeds_noise"].sum())) < len(pairs) == 66
            plt.close(fig)
        plt.close(charts.sentence_lengths(many, overview))
        more_scores = pd.concat([scores, scores.iloc[[i % 5 for i in range(7)]].assign(file=[f"9{i}_copy.txt" for i in range(7)])])
        plt.close(charts.score_intervals(more_scores, overview))


def test_article_names_are_per_article_not_per_mention():
    """The pairwise chart names each article once per pair; a repeated file must keep its plain
    label (the file name is added only where two articles share outlet and date)."""
    from newscorpus.plots import article_names

    overview = pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt"], "outlet": ["Alpha", "Beta", "Beta"],
                             "date_label": ["June 2014", "2020", "2020"]})
    assert article_names(["a.txt", "a.txt", "b.txt", "c.txt"], overview) == [
        "Alpha, June 2014", "Alpha, June 2014", "Beta, 2020 [b]", "Beta, 2020 [c]"]


# --- the speed-ups give the same numbers as the plain code they replace ---------------------------

def _reference_sentence_counts(sentence: str) -> list[int]:
    """The per-word loop ``sentence_counts`` replaced (kept here as the reference)."""
    words = syllable_total = poly = difficult = 0
    for position, match in enumerate(LAYER_WORD.finditer(sentence)):
        form = match.group()
        word = "".join(form.split()).lower()
        n = rd.syllables(word)
        words += 1
        syllable_total += n
        poly += n >= 3
        difficult += not rd.is_familiar(word, capitalised=position > 0 and form[0].isupper())
    return [1, words, syllable_total, poly, len(rd.LETTER.findall(sentence)), len(rd.ALNUM.findall(sentence)), difficult]


ADVERSARIAL_SENTENCES = [
    "", "   ", "—", "“ ”", "Insurgency insurgency INSURGENCY.", "\"Insurgency\" spread, officials said.",
    "The insurgency's well-known army-insurgency; 2,016 (approx.) … Mosul’s", "Ünïcödé façade naïveté.",
    "A", "— Officials negotiated", "x\u00a0y\tz\nw", "Daesh's men — and al-Baghdadi's — left.",
]


def test_cached_sentence_counts_equal_the_plain_loop_on_every_seed_sentence(computed):
    _, sentences = computed
    for sentence in [*sentences["text"], *ADVERSARIAL_SENTENCES]:
        rd._TOKEN_CACHE.clear()
        rd._PACKED.clear()
        cold = rd.sentence_counts(sentence)
        assert cold == rd.sentence_counts(sentence) == _reference_sentence_counts(sentence), sentence


def test_bootstrap_totals_equal_the_integer_product(computed):
    """The float product (BLAS) gives exactly the integer totals: same resamples, same scores."""
    _, sentences = computed
    for file, group in sentences.groupby("file", sort=False):
        units = group[rd.COUNTS].to_numpy(dtype=np.int64)
        n = len(units)
        draws = rd._rng(file).integers(0, n, size=(rd.N_BOOT, n))
        weights = np.bincount((draws + n * np.arange(rd.N_BOOT)[:, None]).ravel(), minlength=rd.N_BOOT * n)
        expected = rd.scores_from_counts(dict(zip(rd.COUNTS, (weights.reshape(rd.N_BOOT, n) @ units).T.astype(float))))
        got = rd.bootstrap_scores(units, file)
        for name in rd.SCORES:
            assert np.array_equal(got[name], expected[name]), (file, name)


def test_percentile_interval_equals_numpys_percentile_to_the_bit(computed):
    """The hand-made percentile gives np.percentile's floats: on every seed's bootstrap scores,
    on random rows (ties, one row, few values) and at other confidence levels."""
    def numpys(values, confidence):
        tail = 100 * (1 - confidence) / 2
        return np.moveaxis(np.percentile(values, [tail, 100 - tail], axis=-1), 0, -1)

    _, sentences = computed
    cases = [np.array(list(rd.bootstrap_scores(group[rd.COUNTS].to_numpy(dtype=np.int64), file).values()))
             for file, group in sentences.groupby("file", sort=False)]
    rng = np.random.default_rng(7)
    cases += [rng.normal(size=(3, 2000)), np.round(rng.normal(size=(5, 37)), 1), rng.normal(size=101),
              rng.integers(0, 3, size=(4, 400)).astype(float), rng.normal(size=(2, 2)),
              np.array([[1.0, np.nan, 2.0, 3.0]]), rng.integers(0, 9, size=(2, 50))]
    for values in cases:
        for confidence in (rd.CONFIDENCE, 0.99, 1 - 0.05 / 10, 0.5):
            got, expected = rd.percentile_interval(values, confidence), numpys(values, confidence)
            assert got.shape == expected.shape and np.array_equal(got, expected, equal_nan=True)
            assert np.array_equal(np.signbit(got), np.signbit(expected))


def test_article_scores_from_rows_equal_the_per_article_function(cleaned):
    for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"]):
        row, evidence = rd.article_readability(file, list(paragraphs), n_boot=200)
        again = rd.article_scores(file, evidence, n_boot=200)
        assert {k: v for k, v in row.items() if k not in ("file", "textstat_sentences")} == again
        # the block bootstrap's blocks: each paragraph's summed sentence counts (pandas, in order)
        blocks = pd.DataFrame(evidence).groupby("paragraph", sort=False)[rd.COUNTS].sum().to_numpy()
        units = np.array([[r[c] for c in rd.COUNTS] for r in evidence], dtype=np.int64)
        assert np.array_equal(rd.paragraph_blocks(units, [r["paragraph"] for r in evidence]), blocks)


def test_fast_syllable_table_equals_cmudicts_own_parse():
    rd._syllable_table.cache_clear()
    from newscorpus.textstat_offline import pronunciations  # the offline dictionary textstat also uses

    from_cmudict = {w: sum(p[-1].isdigit() for p in prons[0]) for w, prons in pronunciations().items()}
    assert rd._syllable_table() == from_cmudict


def test_mattr_equals_the_plain_window_count(cleaned):
    from collections import Counter

    from newscorpus.measures.diversity import tokens

    def plain(words, window=50):
        if len(words) <= window:
            return len(set(words)) / len(words) if words else float("nan")
        return sum(len(Counter(words[i:i + window])) for i in range(len(words) - window + 1)) / (len(words) - window + 1) / window

    for paragraphs in cleaned["paragraphs"]:
        words = tokens(list(paragraphs))
        assert mattr(words) == plain(words)
        assert mattr(words[:60], window=7) == plain(words[:60], window=7)


# --- what the prose says about formulas and pairs --------------------------------------------------

def test_hardest_article_reads_reading_ease_the_other_way():
    scores = pd.DataFrame({"file": ["a", "b"], "reading_ease": [60.0, 20.0], "kincaid_grade": [8.0, 14.0]})
    assert rd.hardest_article(scores, "reading_ease") == "b" == rd.hardest_article(scores, "kincaid_grade")


def test_formula_agreement_counts_the_formulas_and_checks_each_exception(computed):
    scores, sentences = computed
    names = {f: f"<{f}>" for f in scores["file"]}
    text = rd.formula_agreement(scores, sentences, names)
    hardest = rd.hardest_article(scores, "kincaid_grade")
    exceptions = [s for s in rd.SCORES if rd.hardest_article(scores, s) != hardest]
    assert text.startswith(f"<{hardest}> scores hardest on {len(rd.SCORES) - len(exceptions)} of the {len(rd.SCORES)} formulas")
    for score in exceptions:
        pairs = rd.pairwise_differences(sentences, score)
        other = rd.hardest_article(scores, score)
        clear = pairs[pairs[["first", "second"]].isin([hardest, other]).all(axis=1)]["exceeds_noise"].item()
        verdict = "beyond the noise" if clear else "within the noise"
        # formulas that put the same article first with the same verdict share one clause (P14)
        clause = re.search(rf"([^;]*?) puts? <{re.escape(other)}> first, (?:each )?by a margin {verdict}", text)
        assert clause and rd.SCORE_NAMES[score] in clause.group(1)
    assert text.count("first, by a margin") + text.count("first, each by a margin") <= len(exceptions)


def test_pairwise_table_shows_both_intervals_and_the_verdict(computed):
    from newscorpus.plots import readability as charts

    scores, sentences = computed
    overview = pd.DataFrame({"file": scores["file"], "outlet": [f"Outlet {i}" for i in range(len(scores))],
                             "date_label": ["2016"] * len(scores)})
    grade = rd.pairwise_differences(sentences, "kincaid_grade")
    ease = rd.pairwise_differences(sentences, "reading_ease")
    table = charts.pairwise_table({"Grade": grade, "Ease": ease}, overview).data
    assert len(table) == 2 * len(grade)
    for label, pairs in (("Grade", grade), ("Ease", ease)):
        shown = table.xs(label, level="Score")
        assert list(shown["Beyond the noise"] == "yes") == list(pairs["exceeds_noise"])
        assert np.allclose(shown["Difference"], pairs["difference"])
        row = pairs.iloc[0]
        assert shown["Interval, sentences resampled"].iloc[0] == f"{row.sentence_low:+.1f} to {row.sentence_high:+.1f}"
        assert shown["Interval, paragraphs resampled"].iloc[0] == f"{row.block_low:+.1f} to {row.block_high:+.1f}"
    # many pairs: only those beyond the noise on some score, at most max_rows
    few = charts.pairwise_table({"Grade": grade}, overview, max_rows=2)
    assert len(few.data) == min(2, int(grade["exceeds_noise"].sum())) and (few.data["Beyond the noise"] == "yes").all()
    assert f"({len(grade)} pairs in all" in few.caption
    assert charts.pairwise_table({"Grade": grade}, overview).caption is None  # nothing left out


def test_timing_comparison_times_our_analysis_with_its_caches_cleared(cleaned, monkeypatch):
    """textstat is timed with its caches cleared; ours must be too (blingfire's sentences per
    paragraph, the per-token counts), or the chapter's cost ratio flatters us."""
    from newscorpus.measures import sentences

    segmented, counted = [], []
    original_segment, original_count = sentences.text_to_sentences, rd.token_counts
    monkeypatch.setattr(sentences, "text_to_sentences", lambda text: segmented.append(text) or original_segment(text))
    monkeypatch.setattr(rd, "token_counts", lambda token: counted.append(token) or original_count(token))
    one = cleaned.iloc[[1]]
    rd.timing_comparison(one, repeats=2)
    paragraphs = list(one["paragraphs"].iloc[0])
    assert len(segmented) == 2 * len(paragraphs)
    distinct_words = {m.group() for p in paragraphs for m in LAYER_WORD.finditer(p.translate(rd.WORD_APOSTROPHES))}
    assert len(counted) == 2 * len(distinct_words)


def test_reading_ease_change_as_shown_is_the_difference_of_the_scores_shown(cleaned):
    """The cleaning chapter's table: each change must be what a reader gets by subtracting the
    two rounded scores beside it (12.667 -> 6.929 is shown 12.7 -> 6.9, change -5.8, not -5.7)."""
    from decimal import Decimal

    crafted = pd.DataFrame({"file": ["a", "b", "c", "d"], "raw_flesch": [12.667038, 36.964641, 43.382959, 50.04],
                            "clean_flesch": [6.929077, 40.239533, 46.341381, 49.96]})
    for shift in (rd.raw_vs_clean(cleaned), crafted.assign(flesch_shift=crafted["clean_flesch"] - crafted["raw_flesch"])):
        shown = rd.shift_as_shown(shift)
        for raw, clean, change, unrounded in zip(shift["raw_flesch"], shift["clean_flesch"], shown["flesch_shift"],
                                                 shift["clean_flesch"] - shift["raw_flesch"]):
            assert Decimal(f"{clean:.1f}") - Decimal(f"{raw:.1f}") == Decimal(f"{change:.1f}")
            assert abs(change - unrounded) <= 0.1 + 1e-9
        assert shown["file"].tolist() == shift["file"].tolist()
    # 50.04 -> 49.96 is shown 50.0 -> 50.0: no change, where the unrounded difference shows -0.1
    assert rd.shift_as_shown(crafted.assign(flesch_shift=0.0))["flesch_shift"].tolist() == [-5.8, 3.2, 2.9, 0.0]


def test_textstat_counts_two_ways_explain_the_two_tables():
    """The counts table runs textstat on the whole article, the segmenter comparison paragraph by
    paragraph: a paragraph without a final stop merges into the next only in the first, so one
    miscount can hide another in the whole-article total."""
    from newscorpus.validation.sentences import segmenter_comparison

    merged = ["The army moved in on the city", "Troops arrived in the city today. Then they left."]
    over = ["The soldiers waited. Stop. Go. They crossed the river at dawn and then at noon."]
    cancels = ["The army moved in on the city", "Troops arrived in the city today.", "He met Lt. General Smith there today."]
    hand = pd.DataFrame([{"file": file, "paragraph": i, "sentences": n, "text": text}
                         for file, paragraphs, counts in (("merged.txt", merged, [1, 2]), ("over.txt", over, [4]),
                                                          ("cancels.txt", cancels, [1, 1, 1]))
                         for i, (text, n) in enumerate(zip(paragraphs, counts), 1)])
    segmenters = segmenter_comparison(hand, repeats=1)
    rows = [rd.article_readability(file, list(group["text"]), n_boot=50)[0] for file, group in hand.groupby("file", sort=False)]
    scores = pd.DataFrame(rows)
    two_ways = rd.textstat_counts_two_ways(scores, segmenters).set_index("file")
    for file, group in hand.groupby("file"):
        rd.clear_textstat_caches()
        assert two_ways.loc[file, "whole_article"] == textstat.sentence_count("\n\n".join(group["text"]))
        assert two_ways.loc[file, "by_paragraph"] == sum(textstat.sentence_count(t) for t in group["text"])
        assert two_ways.loc[file, "hand"] == group["sentences"].sum()
    assert two_ways.loc["merged.txt", "whole_article"] < two_ways.loc["merged.txt", "by_paragraph"]
    note = rd.textstat_counts_note(two_ways.reset_index(), {f: f.upper() for f in hand["file"]})
    cancelling = two_ways[(two_ways["whole_article"] == two_ways["hand"]) & ~two_ways["every_paragraph_right"]
                          & (two_ways["whole_article"] != two_ways["by_paragraph"])].index
    assert list(cancelling) == ["cancels.txt"]  # the case is what it says, before the note is read
    assert "CANCELS.TXT" in note and note.count("errors cancel") == 1 and "MERGED.TXT" in note
    assert "OVER.TXT" not in note  # the same count both ways
    assert rd.textstat_counts_note(two_ways.iloc[:0].reset_index(), {}).startswith("No article of this corpus")


def test_clearest_pairs_are_those_beyond_the_noise_largest_first():
    from newscorpus.plots import readability as charts

    pairs = pd.DataFrame({"difference": [1.0, -5.0, 3.0, -3.0, 9.0]})
    beyond = np.array([True, True, True, True, False])
    # 9.0 is not beyond the noise; 3.0 and -3.0 tie and keep their order
    assert charts.clearest_pairs(pairs, beyond, limit=3) == [1, 2, 3]
    assert charts.clearest_pairs(pairs, np.zeros(5, bool)) == []


def test_diversity_note_counts_the_numbers_the_diversity_table_leaves_out(computed, cleaned):
    """The diversity table's words are the counts table's words less the numbers, article by article."""
    from newscorpus.layer.words import words as layer_words
    from newscorpus.measures.diversity import diversity_table

    scores, _ = computed
    diversity = diversity_table(cleaned)
    numbers = {file: sum(1 for p in paragraphs for s, e, _ in layer_words(p) if not rd.LETTER.search(p[s:e]))
               for file, paragraphs in zip(cleaned["file"], cleaned["paragraphs"])}
    fewer = scores.set_index("file")["words"] - diversity.set_index("file")["tokens"]
    assert fewer.to_dict() == numbers
    low, high = min(numbers.values()), max(numbers.values())
    assert low < high  # the seed articles differ in how many numbers they hold
    assert rd.diversity_words_note(scores, diversity).endswith(
        f"each article has {low:,d} to {high:,d} words fewer here than in the counts table above.")


def test_translation_note_names_translations_and_probable_ones():
    names = {"a": "A, 2020", "b": "B, 2016", "c": "C, June 2014"}
    assert rd.translation_note({"a": "a translation", "c": "probably a translation", "b": "a translation"}, names) == (
        "A, 2020 and B, 2016 are English translations, and C, June 2014 is probably one.")
    assert rd.translation_note({"c": "probably a translation"}, names) == "C, June 2014 is probably an English translation."
    assert rd.translation_note({"b": "a translation"}, names) == "B, 2016 is an English translation."
    assert "No text here is known to be a translation" in rd.translation_note({}, names)


def test_quote_marks_inside_a_word_split_it_here_as_in_every_chapter():
    """"‘" and the prime "′" are not apostrophes to the text layer ("don‘t" is two words in every
    chapter): made straight before counting, they joined the word, and an article had one word
    more in the diversity table than in the counts table (the referee's "1 more")."""
    from newscorpus.layer.words import words as layer_words
    from newscorpus.measures.diversity import tokens

    paragraphs = ["He didn‘t go to the 5′ mark. Syria’s army and Hawaiʼi stayed.", "They said ‘no' twice."]
    row, _ = rd.article_readability("x", paragraphs, n_boot=50)
    assert row["words"] == sum(word_count(p) for p in paragraphs)
    numbers = sum(1 for p in paragraphs for _, _, kind in layer_words(p) if kind == "number")
    assert row["words"] - len(tokens(paragraphs)) == numbers == 1
    scores = pd.DataFrame([row])
    assert rd.diversity_words_note(scores, pd.DataFrame({"file": ["x"], "tokens": [row["words"] - numbers]})).endswith(
        "the article has 1 word fewer here than in the counts table above.")
    with pytest.raises(ValueError, match="more words in the diversity table"):
        rd.diversity_words_note(scores, pd.DataFrame({"file": ["x"], "tokens": [row["words"] + 1]}))
