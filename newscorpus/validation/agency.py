"""How well the agency rule (:mod:`newscorpus.measures.agency`) agrees with hand labels.

Two hand-labelled samples, both labelled with ``data/framing/AGENCY.md``: ``agency_gold.csv``
(every sentence of the five seed articles that mentions the group; the rule was developed on
it, so its figures are in-sample) and ``agency_heldout.csv`` (sentences of other pages, and
written sentences, labelled after the rule was frozen: the honest figure). A gold sentence the
rule finds no mention in counts as a miss for its label (headlines included, read as sentences); ``not_group`` sentences (the mention
means another group) are left out of the per-label figures and counted apart.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..measures.agency import ROLES, agency_rows
from ..measures.attribution import wilson_interval
from ..measures.lexicons import _data

SAMPLES = {"seeds (development)": "agency_gold.csv", "held-out": "agency_heldout.csv"}


def read_sample(name: str) -> pd.DataFrame:
    with _data("framing", name).open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, comment="#", dtype={"paragraph": str}, keep_default_na=False)
    return table


def machine_role(sentence: str) -> str:
    """The rule's role for the group in one sentence, read on its own ("" where the rule finds no
    mention of the group). The samples carry their sentences verbatim, so scoring needs no text."""
    rows = agency_rows("sample", [sentence])
    return rows[0]["role"] if rows else ""


def compare(sample: pd.DataFrame) -> pd.DataFrame:
    """The sample's sentences with the rule's role beside the hand label."""
    return sample.assign(role=[machine_role(s) for s in sample["sentence"]])


def label_scores(compared: pd.DataFrame) -> pd.DataFrame:
    """Per label: precision and recall with Wilson intervals, over the group's sentences."""
    group = compared[compared["label"] != "not_group"]
    rows = []
    for label in ROLES:
        tp = int(((group["label"] == label) & (group["role"] == label)).sum())
        predicted = int((group["role"] == label).sum())
        gold = int((group["label"] == label).sum())
        p_low, p_high = wilson_interval(tp, predicted) if predicted else (float("nan"), float("nan"))
        r_low, r_high = wilson_interval(tp, gold) if gold else (float("nan"), float("nan"))
        rows.append({"label": label, "gold": gold, "predicted": predicted, "correct": tp,
                     "precision": tp / predicted if predicted else float("nan"), "precision_low": p_low,
                     "precision_high": p_high, "recall": tp / gold if gold else float("nan"),
                     "recall_low": r_low, "recall_high": r_high})
    return pd.DataFrame(rows)


def majority_accuracy(compared: pd.DataFrame) -> float:
    """What always answering the commonest hand label would score: the baseline to beat."""
    group = compared[compared["label"] != "not_group"]
    return float(group["label"].value_counts(normalize=True).max()) if len(group) else float("nan")


def score(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Both samples scored: per-sentence rows (numbers and labels only) and a flat summary.
    ``data_dir`` is not read: the samples are the project's own, inside the package."""
    items, summary = [], {}
    for sample_name, file_name in SAMPLES.items():
        try:
            sample = read_sample(file_name)
        except FileNotFoundError:
            continue
        compared = compare(sample)
        group = compared[compared["label"] != "not_group"]
        key = "heldout" if sample_name == "held-out" else "seeds"
        summary[f"{key}_sentences"] = int(len(group))
        summary[f"{key}_found"] = int((group["role"] != "").sum())
        summary[f"{key}_accuracy"] = round(float((group["label"] == group["role"]).mean()), 6)
        summary[f"{key}_majority_baseline"] = round(majority_accuracy(compared), 6)
        for row in label_scores(compared).to_dict("records"):
            for measure in ("precision", "recall"):
                summary[f"{key}_{row['label']}_{measure}"] = round(row[measure], 6)
        items.append(compared.assign(sample=key)[["sample", "file", "paragraph", "label", "role"]])
    return (pd.concat(items, ignore_index=True) if items else pd.DataFrame()), summary
