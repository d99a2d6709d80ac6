"""Part of speech on UD English EWT dev: UPOS accuracy of ``layer.pos.tag_upos`` on every token.

Each sentence is tagged from its gold tokens (the treebank's own tokenisation), so the score is
the tagger's alone. Rows: sentence id, tokens, correct. The summary adds accuracy on tokens with
a letter and on the rest, a Wilson interval, the ten commonest confusions as counts, and on the
words of the stance lexicons whose count depends on their tag ("may", "state", "reports"): the
tag's accuracy and how often the tag decides the lexicon match as the gold tag would. Tagging
speed is printed, not kept: timings stay out of the committed files.
"""

from __future__ import annotations

import collections
import pathlib
import time

import pandas as pd

from ..layer.pos import tag_upos
from .stats import wilson_interval

DATA_FILE = pathlib.Path("ud_ewt") / "en_ewt-ud-dev.conllu"


def read_conllu(path: pathlib.Path) -> list[tuple[str, list[str], list[str]]]:
    """(sentence id, word forms, gold UPOS) per sentence; multiword-token ranges and empty nodes
    (ids like ``3-4`` and ``5.1``) are skipped: tags belong to the syntactic words."""
    sentences, sent_id, forms, tags = [], "", [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.strip():
            if forms:
                sentences.append((sent_id, forms, tags))
            sent_id, forms, tags = "", [], []
        elif not line.startswith("#"):
            columns = line.split("\t")
            if columns[0].isdigit():
                forms.append(columns[1])
                tags.append(columns[3])
    if forms:
        sentences.append((sent_id, forms, tags))
    return sentences


def _lexicon_rules() -> dict[str, frozenset[str]]:
    """Word form -> the parts of speech its stance-lexicon entry means, for the forms whose
    matching depends on the tag (``data/lexicons/parts_of_speech.csv``)."""
    from ..measures import lexicons

    rules = lexicons.pos_rules()
    return {form: rules[(name, lemma)][0] for form, (name, lemma) in lexicons.lexicon_forms().items()
            if " " not in form and (name, lemma) in rules}


def score(data_dir: pathlib.Path) -> tuple[pd.DataFrame, dict]:
    sentences = read_conllu(data_dir / DATA_FILE)
    rows, confusions = [], collections.Counter()
    lettered = [0, 0]  # correct, tokens
    rules = _lexicon_rules()
    lexicon = [0, 0, 0]  # tags correct, decisions right (the tag is a meant part of speech or not, as gold), tokens
    tag_upos(["warm", "up"])  # the model is read once; its loading is not tagging speed
    start = time.perf_counter()
    tagged = [tag_upos(forms) for _, forms, _ in sentences]
    seconds = time.perf_counter() - start
    for (sent_id, forms, gold), found in zip(sentences, tagged):
        correct = 0
        for form, g, f in zip(forms, gold, found, strict=True):
            correct += g == f
            if any(ch.isalpha() for ch in form):
                lettered[0] += g == f
                lettered[1] += 1
            if g != f:
                confusions[(g, f)] += 1
            allowed = rules.get(form.lower())
            if allowed is not None:  # a stance-lexicon word whose count depends on its part of speech
                lexicon[0] += g == f
                lexicon[1] += (g in allowed) == (f in allowed)
                lexicon[2] += 1
        rows.append({"sent_id": sent_id, "tokens": len(forms), "correct": correct})
    items = pd.DataFrame(rows, columns=["sent_id", "tokens", "correct"])
    tokens, correct = int(items["tokens"].sum()), int(items["correct"].sum())
    print(f"pos: {tokens / seconds:,.0f} tokens/s (tagging only; not written to the committed files)")
    low, high = wilson_interval(correct, tokens)
    other = (correct - lettered[0], tokens - lettered[1])
    summary = {
        "sentences": len(items), "tokens": tokens, "correct": correct,
        "accuracy": correct / tokens, "accuracy_low": low, "accuracy_high": high,
        "accuracy_words": lettered[0] / lettered[1], "words": lettered[1],
        "accuracy_other_tokens": other[0] / other[1] if other[1] else 0.0,
        "lexicon_tokens": lexicon[2],
        "accuracy_lexicon_tokens": lexicon[0] / lexicon[2] if lexicon[2] else 0.0,
        "decisions_lexicon_tokens": lexicon[1] / lexicon[2] if lexicon[2] else 0.0,
    }
    for rank, ((g, f), n) in enumerate(confusions.most_common(10), 1):
        summary[f"confusion_{rank:02d}"] = f"{g}->{f}"
        summary[f"confusion_{rank:02d}_count"] = n
    return items, summary
