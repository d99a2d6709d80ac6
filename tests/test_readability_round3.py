"""Referee round 3 on the readability chapter (items N1, N6 of the report)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.measures import readability as rd
from newscorpus.plots import readability as charts


def _ring_x(ax) -> list[float]:
    """The x of every ring (the hollow markers) on ``ax``, top row first."""
    rings = [c for c in ax.collections if len(c.get_facecolors()) == 0 or c.get_facecolors()[0][3] == 0]
    return [float(c.get_offsets()[0][0]) for c in rings]


def _sentences() -> pd.DataFrame:
    run = "VOTERS CARE MORE - Frank Newport said " + " ".join(["word"] * 30)  # no stop: two run together
    whole = "The senator said " + " ".join(["word"] * 12) + "."
    short = "It rained."
    rows = [("a.txt", run), ("a.txt", whole), ("a.txt", short), ("b.txt", whole), ("b.txt", short)]
    frame = pd.DataFrame(rows, columns=["file", "text"])
    return frame.assign(words=frame["text"].str.split().str.len())


def test_the_ring_of_the_sentence_lengths_figure_is_the_tables_longest_sentence():
    """N1: Fig. 7 ringed HuffPost's 136-word run (two sentences the segmenter joined) while the
    table below it, which keeps only sentences that look whole, gave HuffPost's longest as 72."""
    sentences = _sentences()
    table = rd.longest_sentences(sentences).set_index("file")["words"]
    assert table["a.txt"] < sentences.loc[sentences["file"] == "a.txt", "words"].max()  # the run is longer
    articles = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["HuffPost", "Politico"]})
    fig = charts.outlet_sentence_lengths(sentences, articles)
    labels = [t.get_text().split(" (")[0] for t in fig.axes[0].get_yticklabels()]
    rings = dict(zip(labels, _ring_x(fig.axes[0])))
    plt.close(fig)
    assert rings == {"HuffPost": table["a.txt"], "Politico": table["b.txt"]}
    overview = articles.assign(date_label=["1 May 2016", "2 May 2016"])
    fig = charts.sentence_lengths(sentences, overview)
    assert sorted(_ring_x(fig.axes[0])) == sorted(table.to_list())
    plt.close(fig)


def test_the_mtld_range_leaves_out_the_texts_the_rankings_leave_out():
    """N6: "16 of the 923 texts are under 100 words" beside "Over the 906 texts of at least 100 words
    (17 shorter texts ...)": a text of 100 words with a number in it has 99 diversity words."""
    scores = pd.DataFrame({"file": ["a", "b", "c"], "words": [100, 250, 40]})
    diversity = pd.DataFrame({"file": ["a", "b", "c"], "tokens": [99, 245, 40], "mtld": [70.0, 90.0, 20.0]})
    assert len(rd.short_files(scores, rd.MIN_RANKED_WORDS)) == 1
    said = rd.mtld_sentence(diversity, words=scores.set_index("file")["words"])
    assert said.startswith("Over the 2 texts of at least 100 words (1 shorter text") and "70 to 90" in said
    assert rd.mtld_sentence(diversity).startswith("On the one text of at least 100 words (2 shorter texts")


def test_chart_labels_are_never_cut_inside_a_word_or_a_bracket():
    """N17: Fig. 5 showed "Western Journalism, 25…-benghazi-investigatio)": cut in the date, with a
    closing bracket and no opening one."""
    import re

    labels = ["Western Journalism, 25 May 2016 [west-journal_2016-05-25_the-real-story-of-the-benghazi-investigatio]",
              "Breitbart, 24 August 2016 [breitbart_2016-08-24_ap-review-of-clinton-s-state-meet]",
              "A Very Long Outlet Name Of Some Newspaper Group International, 3 May 2016", "Reuters, 3 May 2016"]
    for label in labels:
        short = charts.short_label(label)
        assert len(short) <= 52 and short.count("[") == short.count("]")
        head = label.split(" [")[0]
        if "[" in label:
            assert short.startswith(head + " [")  # outlet and date whole
            inner = short[len(head) + 2:-1].rstrip("…")
            stem_words = re.split(r"[-_]", label[len(head) + 2:-1])
            assert all(w in stem_words for w in re.split(r"[-_]", inner))  # whole words only
        else:
            assert all(w in label.split() for w in short.rstrip(" …").split())
    assert charts.short_label("Reuters, 3 May 2016") == "Reuters, 3 May 2016"
