"""``python -m newscorpus annotate``: the text layer of a file as one JSON object, so that any
public gold set can be scored against the book's own offsets (they index the file's text as read,
UTF-8 with any byte-order mark removed; for a saved HTML page, the text extracted from it).

``clean=False`` annotates the text as it is, without boilerplate removal: each block between
blank lines is a paragraph (each line, where the text has no blank line), for scoring text that
has no page furniture. Every token is tagged here (the measures tag only where a count depends on
it), and every match any chapter counts is listed in ``hits``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lemminflect import getLemma

from ..cleaning.cleaner import article_text, clean_text
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
    return build_document(Path(path).name, text, cleaned)


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
            found.append({"list": name, "family": family, "entry": lemma_,
                          "start": doc.offset(index, start), "end": doc.offset(index, end - 1) + 1})
    return found


def attribution_records(doc: Document) -> list[dict]:
    """Attributions of the body with their spans as offsets of the document's text, where the
    extractor gives spans (cue, source, content as [start, end] or null) and the source type."""
    from ..measures import attribution

    body = [(i, p) for i, p in enumerate(doc.parts) if p.kind == "body"]
    records = []
    for found in attribution.attributions(doc.file, [p.text for _, p in body]):
        index = body[found["paragraph"] - 1][0] if isinstance(found.get("paragraph"), int) and \
            1 <= found["paragraph"] <= len(body) else None
        record = {"source_type": found.get("source_type"), "speaker": found.get("speaker"), "mode": found.get("mode")}
        for span in ("cue", "source", "content"):
            value = found.get(f"{span}_span")
            record[span] = ([doc.offset(index, value[0]), doc.offset(index, value[1] - 1) + 1]
                            if value and index is not None and value[1] > value[0] else None)
        records.append(record)
    return records


def annotation(doc: Document, path: str) -> dict:
    tokens = []
    for sentence in range(len(doc.sentences)):
        members = doc.sentence_tokens(sentence)
        for token, upos in zip(members, doc.pos(sentence)):
            tokens.append({"start": token.start, "end": token.end, "text": token.text, "key": token.key,
                           "lemma": lemma(token.text, upos), "pos": upos, "voice": token.voice})
    return {
        "path": path,
        "voices": [{"start": s, "end": e, "voice": v} for s, e, v in doc.voice_spans],
        "sentences": [{"start": s, "end": e} for s, e, _part in doc.sentences],
        "tokens": tokens,
        "hits": framing_hits(doc),
        "attributions": attribution_records(doc),
    }
