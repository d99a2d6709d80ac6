"""``python -m newscorpus annotate``: the text layer of a file as one JSON object, so that any
public gold set can be scored against the book's own offsets (they index the file's text as read,
UTF-8 with the byte-order mark and invisible characters removed; for a saved HTML page, the text
extracted from it).

``clean=False`` annotates the text as it is, without boilerplate removal: each block between
blank lines is a paragraph (each line, where the text has no blank line), for scoring text that
has no page furniture. Every token is tagged here (the measures tag only where a count depends on
it), and every match any chapter counts is listed in ``hits``, with the words that drive the
fitted loaded-language model (list ``loaded``; each sentence says whether it is ``loaded``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lemminflect import getLemma

from ..cleaning.cleaner import article_text, clean_text
from ..cleaning.markup import neutralise
from ..corpus import read_text
from .document import Document, build_document

BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Universal tags lemminflect lemmatises; others keep their form as lemma.
LEMMATISED = {"NOUN", "VERB", "AUX", "ADJ", "ADV", "PROPN"}


@dataclass
class AsIs:
    """The text as it is, shaped like what the cleaner returns (no headline, no captions)."""

    paragraphs: list[str]
    title: str = ""
    standfirst: str = ""
    byline: str = ""
    captions: list[str] = field(default_factory=list)


def blocks(text: str) -> list[str]:
    pieces = BLANK_LINE.split(text) if BLANK_LINE.search(text) else text.split("\n")
    return [p.strip() for p in pieces if p.strip()]


def read_document(path: str | Path, clean: bool = True) -> Document:
    """The text layer of one article file (``.txt`` or ``.html``). CorpusError names the file."""
    raw = read_text(Path(path)).lstrip("\ufeff")
    text, meta = article_text(path, raw)
    cleaned = clean_text(text, title=meta["title"], author=meta["author"]) if clean else AsIs(blocks(text))
    # the cleaner blanks markup tags with as many spaces (cleaning/markup.py): the same offsets,
    # and its paragraphs align with the blanked text
    return build_document(Path(path).name, neutralise(text)[0] if clean else text, cleaned)


def lemma(form: str, upos: str) -> str:
    if upos not in LEMMATISED or " " in form:
        return form
    found = getLemma(form if upos == "PROPN" else form.lower(), upos=upos)
    return found[0] if found else form


def framing_hits(doc: Document) -> list[dict]:
    """Every label, actor and lexicon match of the body that the framing chapter counts."""
    from ..measures.framing import scan_paragraph

    found = []
    for index, part in enumerate(doc.parts):
        if part.kind != "body":
            continue
        for family, name, lemma_, start, end, _voice in scan_paragraph(part.text):
            # the domain word list is "loaded_vocabulary" here: "loaded" is the fitted model's list
            listed = "loaded_vocabulary" if (family, name) == ("lexicon", "loaded") else name
            found.append({"list": listed, "family": family, "entry": lemma_,
                          "start": doc.offset(index, start), "end": doc.offset(index, end - 1) + 1})
    return found


def attribution_records(doc: Document) -> list[dict]:
    """Every attribution of the body, as ``attributions.csv`` has it, with its cue, source and
    content spans as offsets of the document's text ([start, end], or null where it has none)
    and the source's type and class."""
    from ..measures import attribution

    body = [i for i, p in enumerate(doc.parts) if p.kind == "body"]
    records = []
    for found in attribution.attributions(doc.file, [doc.parts[i].text for i in body]):
        index = body[found["paragraph"]]
        record = {"source_type": found["source_type"], "source_class": found["source_class"],
                  "speaker": found["speaker"], "form": found["form"], "mode": found["mode"]}
        for span in ("cue", "source", "content"):
            start, end = found[f"{span}_start"], found[f"{span}_end"]
            record[span] = [doc.offset(index, start), doc.offset(index, end - 1) + 1] if 0 <= start < end else None
        records.append(record)
    return records


def loaded_records(doc: Document) -> tuple[list[bool], list[dict]]:
    """The fitted loaded-language model (:mod:`newscorpus.measures.loaded`; description only, see
    the trust appendix) on every sentence: whether it is flagged, and its driving words as hits
    of the list ``loaded`` (offsets of the document's text)."""
    from ..measures.loaded import loaded_sentences

    texts = [doc.text[s:e] if doc.parts[part].aligned else "" for s, e, part in doc.sentences]
    flags, hits = [], []
    for (start, _end, part), found in zip(doc.sentences, loaded_sentences(texts)):
        flags.append(bool(found.loaded))
        for a, b, word, weight in found.hits:
            hits.append({"list": "loaded", "family": "loaded model", "entry": word, "weight": round(weight, 4),
                         "start": start + a, "end": start + b})
    return flags, hits


def annotation(doc: Document, path: str) -> dict:
    tokens = []
    for sentence in range(len(doc.sentences)):
        members = doc.sentence_tokens(sentence)
        for token, upos in zip(members, doc.pos(sentence)):
            tokens.append({"start": token.start, "end": token.end, "text": token.text, "key": token.key,
                           "lemma": lemma(token.text, upos), "pos": upos, "voice": token.voice})
    loaded, loaded_hits = loaded_records(doc)
    return {
        "path": path,
        "voices": [{"start": s, "end": e, "voice": v} for s, e, v in doc.voice_spans],
        "sentences": [{"start": s, "end": e, "loaded": flag} for (s, e, _part), flag in zip(doc.sentences, loaded)],
        "tokens": tokens,
        "hits": framing_hits(doc) + loaded_hits,
        "attributions": attribution_records(doc),
    }
