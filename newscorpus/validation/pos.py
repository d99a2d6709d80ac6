"""Part of speech on UD English EWT dev: UPOS accuracy of ``layer.pos.tag_upos`` on every token.

Each sentence is tagged from its gold tokens (the treebank's own tokenisation), so the score is
the tagger's alone. Rows: sentence id, tokens, correct. The summary adds accuracy on tokens with
a letter and on the rest, a Wilson interval, the ten commonest confusions as counts, and on the
words of the stance lexicons whose count depends on their tag ("may", "state", "reports"): the
tag's accuracy and how often the tag decides the lexicon match as the gold tag would. Tagging
speed is printed, not kept: timings stay out of the committed files.

The same scores by halves of the documents (``half_a_*``, ``half_b_*``: alternate documents in
file order, by the document part of ``sent_id``): the grammar rules of ``layer.pos`` were written
on half A only, so half B is the held-out figure. And the lexicon tokens as the book meets them
(``layer_*``): each sentence's text (``# text``) split into the text layer's words ("couldn't",
"Iraq's" as one word), tagged, and scored where a word is one gold token, or one multiword token
scored against its first word.
"""

from __future__ import annotations

import collections
import pathlib
import time

import pandas as pd

from ..layer.pos import tag_upos
from .stats import wilson_interval

DATA_FILE = pathlib.Path("ud_ewt") / "en_ewt-ud-dev.conllu"


def document_halves(sent_ids: list[str]) -> dict[str, str]:
    """Document (``sent_id`` less its sentence number) -> "a" or "b", alternating in file order."""
    documents = dict.fromkeys(sent_id.rsplit("-", 1)[0] for sent_id in sent_ids)
    return {document: "ab"[i % 2] for i, document in enumerate(documents)}


def read_texts(path: pathlib.Path) -> list[tuple[str, str, list[tuple[str, str, bool]]]]:
    """(sentence id, text, surface tokens) per sentence: a token is (form, gold UPOS, fused); a
    multiword token ("couldn't") is one surface token carrying its first word's tag."""
    sentences, sent_id, text, tokens, fused_end = [], "", "", [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.strip():
            if tokens:
                sentences.append((sent_id, text, tokens))
            sent_id, text, tokens, fused_end = "", "", [], 0
        elif not line.startswith("#"):
            columns = line.split("\t")
            if "-" in columns[0]:
                first, last = columns[0].split("-")
                tokens.append([columns[1], None, True])
                fused_end = int(last)
            elif columns[0].isdigit():
                if int(columns[0]) <= fused_end:
                    if tokens[-1][1] is None:
                        tokens[-1][1] = columns[3]
                else:
                    tokens.append([columns[1], columns[3], False])
    if tokens:
        sentences.append((sent_id, text, tokens))
    return [(i, t, [tuple(token) for token in toks]) for i, t, toks in sentences]


def _layer_scores(path: pathlib.Path, rules: dict[str, frozenset[str]], halves: dict[str, str]) -> dict:
    """Lexicon tokens as the text layer splits the sentence's text (see the module notes)."""
    from ..layer.words import words

    counts = collections.Counter()
    for sent_id, text, tokens in read_texts(path):
        gold, cursor = {}, 0
        for form, tag, fused in tokens:  # surface tokens in order: their offsets in the text
            at = text.find(form, cursor)
            if at < 0:
                break
            gold[at, at + len(form)] = tag
            cursor = at + len(form)
        spans = words(text)
        found = tag_upos([text[a:b] for a, b, _ in spans])
        half = halves[sent_id.rsplit("-", 1)[0]]
        for (a, b, _), f in zip(spans, found):
            g = gold.get((a, b))
            allowed = rules.get(text[a:b].lower().replace("\u2019", "'"))
            if g is None or allowed is None:
                continue
            for key in ("", half):
                counts[key, "tokens"] += 1
                counts[key, "correct"] += g == f
                counts[key, "decisions"] += (g in allowed) == (f in allowed)
    out = {}
    for key, name in (("", "layer"), ("a", "layer_half_a"), ("b", "layer_half_b")):
        n = counts[key, "tokens"]
        out[f"{name}_lexicon_tokens"] = n
        out[f"{name}_accuracy_lexicon_tokens"] = counts[key, "correct"] / n if n else 0.0
        out[f"{name}_decisions_lexicon_tokens"] = counts[key, "decisions"] / n if n else 0.0
    return out


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
    halves = document_halves([sent_id for sent_id, _, _ in sentences])
    by_half = collections.Counter()
    for (sent_id, forms, gold), found in zip(sentences, tagged):
        correct = 0
        half = halves[sent_id.rsplit("-", 1)[0]]
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
                by_half[half, "lexicon_correct"] += g == f
                by_half[half, "lexicon_decisions"] += (g in allowed) == (f in allowed)
                by_half[half, "lexicon_tokens"] += 1
        by_half[half, "correct"] += correct
        by_half[half, "tokens"] += len(forms)
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
    for half in "ab":
        n, lex = by_half[half, "tokens"], by_half[half, "lexicon_tokens"]
        summary[f"half_{half}_tokens"] = n
        summary[f"half_{half}_accuracy"] = by_half[half, "correct"] / n if n else 0.0
        summary[f"half_{half}_lexicon_tokens"] = lex
        summary[f"half_{half}_accuracy_lexicon_tokens"] = by_half[half, "lexicon_correct"] / lex if lex else 0.0
        summary[f"half_{half}_decisions_lexicon_tokens"] = by_half[half, "lexicon_decisions"] / lex if lex else 0.0
    summary.update(_layer_scores(data_dir / DATA_FILE, rules, halves))
    for rank, ((g, f), n) in enumerate(confusions.most_common(10), 1):
        summary[f"confusion_{rank:02d}"] = f"{g}->{f}"
        summary[f"confusion_{rank:02d}_count"] = n
    return items, summary
