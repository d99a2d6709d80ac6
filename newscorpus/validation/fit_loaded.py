"""Fit the loaded-language models on BABE SG2 dev and measure them by cross-validation.

``python -m newscorpus.validation.fit_loaded [DATA_DIR]`` refits on the whole dev file and
writes ``newscorpus/data/loaded/`` (the weights ``measures/loaded.py`` applies); ``make validate``
calls :func:`cross_validate` for the scores. Only this module and the validation scorer import
scikit-learn (BSD-3): the book applies the committed weights without it.

Cross-validation is stratified 5-fold with a fixed seed. Within each training part the word
model's probabilities that feed the sentence model, and the word threshold, come from an inner
5-fold split of that part alone, so no figure is computed on sentences its models were fitted on.
"""

from __future__ import annotations

import ast
import csv
import json
import pathlib
import sys

import numpy as np
import pandas as pd

from ..layer.pos import tag_upos
from ..measures import loaded

DATA_FILE = pathlib.Path("babe") / "babe_sg2_dev.csv"
SEED = 20261205
FOLDS = 5
WORD_C, SENTENCE_C = 1.0, 3.0  # inverse L2 penalties of the two logistic regressions
# The word threshold: the lowest probability at which the inner folds' flagged words, over all
# sentences, are right at least this often. Hits are reported only in sentences judged loaded,
# which lifts their precision above this (the goal is 0.55 on unseen sentences).
WORD_PRECISION_TARGET = 0.50
THRESHOLD_GRID = np.round(np.arange(0.10, 0.91, 0.01), 2)
SENTENCE_THRESHOLD = 0.5
WEIGHT_DECIMALS = 4
OUT_DIR = pathlib.Path(__file__).resolve().parents[1] / "data" / "loaded"


class Babe:
    """BABE dev prepared once: labels, words with offsets, tags, word features, gold words."""

    def __init__(self, data_dir: pathlib.Path):
        table = pd.read_csv(data_dir / DATA_FILE)
        self.n = len(table)
        self.y = (table["label_bias"] == "Biased").to_numpy(int)
        self.gold = [{w.lower() for w in ast.literal_eval(s)} for s in table["biased_words"]]
        self.spans = [loaded.words_with_offsets(t) for t in table["text"]]
        self.words = [[w for _, _, w in spans] for spans in self.spans]
        self.features = [loaded.word_features(words, tag_upos(words)) for words in self.words]
        self.word_labels = [np.array([w.lower() in gold for w in words], dtype=int)
                            for words, gold in zip(self.words, self.gold)]
        # Every word's features as one sparse matrix, made once; a fit takes the rows of its
        # sentences (a feature absent from them keeps weight 0 under the L2 penalty).
        from sklearn.feature_extraction import DictVectorizer

        self.vectoriser = DictVectorizer()
        self.x_words = self.vectoriser.fit_transform([f for rows in self.features for f in rows]).tocsr()
        self.y_words = np.concatenate(self.word_labels)
        self.starts = np.concatenate([[0], np.cumsum([len(w) for w in self.words])])

    def word_rows(self, sentences) -> np.ndarray:
        return np.concatenate([np.arange(self.starts[i], self.starts[i + 1]) for i in sentences] or [np.zeros(0, int)])


def _word_model(babe: Babe, sentences):
    from sklearn.linear_model import LogisticRegression

    rows = babe.word_rows(sentences)
    return babe.vectoriser, LogisticRegression(C=WORD_C, solver="liblinear", random_state=SEED).fit(babe.x_words[rows], babe.y_words[rows])


def _word_probabilities(babe: Babe, fitted, sentences) -> dict[int, np.ndarray]:
    model = fitted[1]
    rows = babe.word_rows(sentences)
    p = model.predict_proba(babe.x_words[rows])[:, 1] if len(rows) else np.zeros(0)
    out, start = {}, 0
    for i in sentences:
        n = len(babe.words[i])
        out[i] = p[start:start + n]
        start += n
    return out


def _folds(babe: Babe, sentences) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    sentences = np.asarray(sentences)
    split = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    return [(sentences[a], sentences[b]) for a, b in split.split(sentences, babe.y[sentences])]


def _inner_probabilities(babe: Babe, sentences) -> dict[int, np.ndarray]:
    """Word probabilities for ``sentences``, each from a word model fitted without it."""
    out = {}
    for train, test in _folds(babe, sentences):
        out.update(_word_probabilities(babe, _word_model(babe, train), test))
    return out


def word_counts(babe: Babe, probabilities: dict[int, np.ndarray], threshold: float) -> tuple[int, int, int]:
    """(flagged word types right, flagged wrong, gold words) over the sentences of ``probabilities``:
    per sentence, the lower-case types with probability >= threshold against the experts' set."""
    right = wrong = gold = 0
    for i, p in probabilities.items():
        flagged = {w.lower() for w, q in zip(babe.words[i], p) if q >= threshold}
        right += len(flagged & babe.gold[i])
        wrong += len(flagged - babe.gold[i])
        gold += len(babe.gold[i])
    return right, wrong, gold


def choose_word_threshold(babe: Babe, probabilities: dict[int, np.ndarray]) -> float:
    """The lowest grid threshold whose flagged words reach ``WORD_PRECISION_TARGET``."""
    for threshold in THRESHOLD_GRID:
        right, wrong, _ = word_counts(babe, probabilities, threshold)
        if right + wrong and right / (right + wrong) >= WORD_PRECISION_TARGET:
            return float(threshold)
    return float(THRESHOLD_GRID[-1])


def _summaries(babe: Babe, sentences, probabilities, threshold) -> np.ndarray:
    return np.array([[loaded.sentence_summaries(babe.words[i], list(probabilities[i]), threshold)[k]
                      for k in loaded.SUMMARIES] for i in sentences]).reshape(-1, len(loaded.SUMMARIES))


def _sentence_model(babe: Babe, sentences, probabilities, threshold):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    tfidf = TfidfVectorizer(analyzer=lambda words: [w.lower() for w in words], sublinear_tf=True)
    terms = tfidf.fit_transform([babe.words[i] for i in sentences])
    scaler = StandardScaler().fit(_summaries(babe, sentences, probabilities, threshold))
    x = hstack([terms, csr_matrix(scaler.transform(_summaries(babe, sentences, probabilities, threshold)))]).tocsr()
    return tfidf, scaler, LogisticRegression(C=SENTENCE_C, max_iter=5000).fit(x, babe.y[sentences])


def _sentence_probabilities(babe: Babe, fitted, sentences, probabilities, threshold) -> np.ndarray:
    from scipy.sparse import csr_matrix, hstack

    tfidf, scaler, model = fitted
    x = hstack([tfidf.transform([babe.words[i] for i in sentences]),
                csr_matrix(scaler.transform(_summaries(babe, sentences, probabilities, threshold)))]).tocsr()
    return model.predict_proba(x)[:, 1]


def fit(babe: Babe, sentences) -> dict:
    """Both models fitted on ``sentences`` (the word threshold and the sentence model's word
    summaries from inner folds of the same sentences)."""
    inner = _inner_probabilities(babe, sentences)
    threshold = choose_word_threshold(babe, inner)
    return {"word": _word_model(babe, sentences), "threshold": threshold,
            "sentence": _sentence_model(babe, sentences, inner, threshold)}


def cross_validate(babe: Babe) -> pd.DataFrame:
    """Out-of-fold results, one row per dev sentence (its row number in the file): the gold
    label, the fold, the sentence probability, and the word counts at the fold's threshold."""
    rows = []
    for fold, (train, test) in enumerate(_folds(babe, np.arange(babe.n)), 1):
        fitted = fit(babe, train)
        words = _word_probabilities(babe, fitted["word"], test)
        scores = _sentence_probabilities(babe, fitted["sentence"], test, words, fitted["threshold"])
        for i, score in zip(test, scores):
            # as the measure reports them: hits only in a sentence judged loaded
            flagged = words[i] if score >= SENTENCE_THRESHOLD else np.zeros(len(words[i]))
            right, wrong, gold = word_counts(babe, {i: flagged}, fitted["threshold"])
            rows.append({"row": int(i), "fold": fold, "biased": int(babe.y[i]), "score": float(score),
                         "predicted": int(score >= SENTENCE_THRESHOLD), "word_threshold": fitted["threshold"],
                         "gold_words": gold, "flagged_right": right, "flagged_wrong": wrong})
    return pd.DataFrame(rows).sort_values("row", ignore_index=True)


def export(babe: Babe, out_dir: pathlib.Path = OUT_DIR) -> None:
    """Fit on every dev sentence and write the weights the book applies."""
    fitted = fit(babe, np.arange(babe.n))
    vectoriser, word_model = fitted["word"]
    tfidf, scaler, sentence_model = fitted["sentence"]
    r = WEIGHT_DECIMALS
    word_rows = sorted((f, round(float(w), r)) for f, w in zip(vectoriser.feature_names_, word_model.coef_[0]))
    n_terms = len(tfidf.vocabulary_)
    term_weights = sentence_model.coef_[0][:n_terms]
    summary_weights = sentence_model.coef_[0][n_terms:]
    term_rows = sorted((t, round(float(tfidf.idf_[j]), r), round(float(term_weights[j]), r))
                       for t, j in tfidf.vocabulary_.items())
    out_dir.mkdir(parents=True, exist_ok=True)
    header = ("# Fitted on BABE SG2 dev (AGPL-3.0; see README.md) by newscorpus/validation/fit_loaded.py."
              " Numbers only.\n")
    with (out_dir / "word_weights.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["feature", "weight"])
        writer.writerows((f, f"{w:.{r}f}") for f, w in word_rows if w)
    with (out_dir / "sentence_terms.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["term", "idf", "weight"])
        writer.writerows((t, f"{i:.{r}f}", f"{w:.{r}f}") for t, i, w in term_rows)
    meta = {
        "fitted_on": "BABE SG2 dev (babe_sg2_dev.csv, 2,571 sentences): every sentence",
        "word_intercept": round(float(word_model.intercept_[0]), r), "word_threshold": fitted["threshold"],
        "sentence_intercept": round(float(sentence_model.intercept_[0]), r),
        "sentence_threshold": SENTENCE_THRESHOLD,
        "sentence_summaries": {name: {"mean": round(float(m), r), "scale": round(float(s), r), "weight": round(float(w), r)}
                               for name, m, s, w in zip(loaded.SUMMARIES, scaler.mean_, scaler.scale_, summary_weights)},
        "penalties": {"word_C": WORD_C, "sentence_C": SENTENCE_C}, "seed": SEED, "folds": FOLDS,
    }
    (out_dir / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    from .runner import script_data_dir

    data_dir = script_data_dir(argv)
    if data_dir is None:
        return 2
    export(Babe(data_dir))
    print(f"wrote {OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
