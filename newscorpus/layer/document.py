"""The text layer: one annotated document per article, computed once and read by every measure.

An article is read once (:func:`read_document`) into a :class:`Document`: its parts with their
voice (headline, standfirst, byline, caption, and the body's paragraphs, whose characters are the
outlet's narrative, quoted text or a bracketed gloss), its sentences, and its tokens (the words of
:mod:`newscorpus.layer.words`, multi-word names of :mod:`newscorpus.layer.names` joined into one
token), each with character offsets into the text as read. Part of speech and lemma are computed
on demand, per sentence (:meth:`Document.pos`), since tagging costs more than everything else
and only some counts depend on it.

Offsets index ``Document.text``: the file's text as read (UTF-8, byte-order mark and invisible characters removed) for a
``.txt`` file; for a saved ``.html`` page, the text extracted from it, which is what the cleaner
reads. The cleaner folds runs of spaces and joins hard-wrapped lines, so each part is aligned
back to the text character by character (:func:`align`). A part that cannot be aligned (the
cleaner rewrote it) keeps offsets into its own string and is flagged ``aligned=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..measures.quotes import GLOSS, NARRATIVE, QUOTED, gloss_spans, quote_spans, voices_of
from .pos import tag_upos
from .tokenize import paragraph_sentences, paragraph_tokens

HEADLINE, STANDFIRST, BYLINE, CAPTION = "headline", "standfirst", "byline", "caption"
PART_KINDS = (HEADLINE, STANDFIRST, BYLINE, CAPTION, "body")
VOICES = (HEADLINE, STANDFIRST, BYLINE, CAPTION, NARRATIVE, QUOTED, GLOSS)
BODY_VOICES = (NARRATIVE, QUOTED, GLOSS)
IGNORABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")  # may sit in the text, never in a part


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # offsets into Document.text
    end: int
    text: str  # as written (a name's inner spaces folded to one)
    key: str  # what is counted
    kind: str  # word, abbrev, number or name
    voice: str
    sentence: int  # index into Document.sentences
    part: int  # index into Document.parts


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # headline, standfirst, byline, caption or body
    text: str  # the part as the cleaner gives it
    start: int
    end: int
    aligned: bool
    paragraph: int | None = None  # index among the body's paragraphs


@dataclass
class Document:
    file: str
    text: str
    parts: list[Part] = field(default_factory=list)
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, part)
    tokens: list[Token] = field(default_factory=list)
    voice_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # per part: the offset map from part string index to Document.text index
    _maps: list[list[int] | None] = field(default_factory=list, repr=False)

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs, as the cleaner gives them: what the body measures read."""
        return [p.text for p in self.parts if p.kind == "body"]

    def words(self, voices=BODY_VOICES) -> list[Token]:
        """Tokens in the given voices (the body by default: narrative, quoted, gloss)."""
        return [t for t in self.tokens if t.voice in voices]

    def word_count(self, voices=BODY_VOICES) -> int:
        """Words in the given voices; a name counts as its words ("Haider al-Abadi" is two)."""
        return sum(1 if t.kind != "name" else len(t.text.split()) for t in self.tokens if t.voice in voices)

    @cached_property
    def _sentence_tokens(self) -> list[list[int]]:
        by_sentence: list[list[int]] = [[] for _ in self.sentences]
        for i, token in enumerate(self.tokens):
            by_sentence[token.sentence].append(i)
        return by_sentence

    def sentence_tokens(self, sentence: int) -> list[Token]:
        return [self.tokens[i] for i in self._sentence_tokens[sentence]]

    def pos(self, sentence: int) -> list[str]:
        """UPOS of each token of one sentence (tagged on demand, cached per sentence): a name is
        PROPN, a number NUM, a word as the tagger reads it in its sentence."""
        tokens = self.sentence_tokens(sentence)
        # numbers are given to the tagger too, as the measures' tagging does (layer.tagging): the
        # model was trained with them in its sentences ("May 2010"); they come back NUM
        tagged = [t for t in tokens if t.kind in ("word", "abbrev", "particle", "number")]
        tags = dict(zip((t.start for t in tagged), tag_upos([t.text for t in tagged])))
        return [("PROPN" if t.kind == "name" else "NUM" if t.kind == "number" else tags[t.start]) for t in tokens]

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering ``offset`` of the text, if any."""
        from bisect import bisect_right

        i = bisect_right(self._token_starts, offset) - 1
        return i if i >= 0 and offset < self.tokens[i].end else None

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def offset(self, part: int, index: int) -> int:
        """The text offset of character ``index`` of a part's string (``index`` may be its end)."""
        mapping = self._maps[part]
        if mapping is None:
            return self.parts[part].start + index
        return mapping[index] if index < len(mapping) else self.parts[part].end


def align(text: str, part: str, cursor: int) -> tuple[int, list[int] | None] | None:
    """Where ``part`` stands in ``text`` at or after ``cursor``: (start, None) where it stands
    verbatim, (start, offset map) where the cleaner folded its spaces or line breaks, None where
    it cannot be found."""
    found = text.find(part, cursor)
    if found >= 0:
        return found, None
    head = part.split()[0] if part.split() else ""
    start = text.find(head, cursor) if head else -1
    while start >= 0:
        mapping = _walk(text, part, start)
        if mapping is not None:
            return start, mapping
        start = text.find(head, start + 1)
    return None


def _walk(text: str, part: str, start: int) -> list[int] | None:
    """Character map of ``part`` onto ``text`` from ``start``: each run of non-space characters
    of the part is found verbatim, and what lies between two runs in the text must be white
    space or invisible characters (the cleaner folds spaces and joins wrapped lines)."""
    mapping: list[int] = []
    j = start
    for match in _PIECE.finditer(part):
        piece = match.group()
        found = text.find(piece, j)
        if found < 0 or (mapping and not _GAP.fullmatch(text, j, found)) or (not mapping and found != start):
            return None
        if mapping:  # the part's spaces before this piece map onto the gap's first character
            mapping.extend([j] * (match.start() - len(mapping)))
        mapping.extend(range(found, found + len(piece)))
        j = found + len(piece)
    return mapping


_PIECE = re.compile(r"\S+")
_GAP = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


def _parts(cleaned) -> list[tuple[str, str, int | None]]:
    found = []
    for kind, value in ((HEADLINE, cleaned.title), (STANDFIRST, cleaned.standfirst), (BYLINE, cleaned.byline)):
        if value and value.strip():
            found.append((kind, value, None))
    found += [(CAPTION, c, None) for c in cleaned.captions if c.strip()]
    found += [("body", p, i) for i, p in enumerate(cleaned.paragraphs)]
    return found


def build_document(file: str, text: str, cleaned) -> Document:
    """The text layer of one article from its text as read and what the cleaner made of it
    (a :class:`~newscorpus.cleaning.cleaner.CleanedArticle`; pure: no file is read)."""
    doc = Document(file=file, text=text)
    cursor = 0
    synthetic = len(text) + 1  # parts that cannot be aligned get offsets past the text's end
    for kind, value, paragraph in _parts(cleaned):
        located = align(text, value, cursor) if kind == "body" else (align(text, value, 0) or align(text, value, cursor))
        if located is None:
            start, mapping, aligned = synthetic, None, False
            synthetic += len(value) + 1
        else:
            (start, mapping), aligned = located, True
        end = start + len(value) if mapping is None else (mapping[-1] + 1 if mapping else start)
        if kind == "body" and aligned:
            cursor = end
        doc.parts.append(Part(kind, value, start, end, aligned, paragraph))
        doc._maps.append(mapping)
    for index, part in enumerate(doc.parts):
        _annotate_part(doc, index, part)
    return doc


def _voice_runs(part: Part) -> list[tuple[int, int, str]]:
    """(start, end, voice) runs of one part's string: a body paragraph's narrative, quotations
    and glosses (from their spans, not character by character: a speed goal), else the part's kind."""
    if part.kind != "body":
        return [(0, len(part.text), part.kind)]
    voices = voices_of(part.text)
    cuts = {0, len(part.text)}
    for s, e in quote_spans(part.text) + gloss_spans(part.text):
        cuts.update((s, e))
    cuts = sorted(c for c in cuts if 0 <= c <= len(part.text))
    runs: list[tuple[int, int, str]] = []
    for s, e in zip(cuts, cuts[1:]):
        voice = voices.at(s)
        if runs and runs[-1][2] == voice and runs[-1][1] == s:
            runs[-1] = (runs[-1][0], e, voice)
        elif e > s:
            runs.append((s, e, voice))
    return runs


def _annotate_part(doc: Document, index: int, part: Part) -> None:
    runs = _voice_runs(part)
    doc.voice_spans += [(doc.offset(index, s), doc.offset(index, e), v) for s, e, v in runs]
    voices = voices_of(part.text) if part.kind == "body" else None
    split = part.kind == "body"
    first_sentence = len(doc.sentences)
    for s_start, s_end in paragraph_sentences(part.text, split):
        doc.sentences.append((doc.offset(index, s_start), doc.offset(index, s_end), index))
    for t in paragraph_tokens(part.text, split):
        voice = voices.at(t.start) if voices else part.kind
        doc.tokens.append(Token(doc.offset(index, t.start), doc.offset(index, t.end - 1) + 1, t.form, t.key,
                                t.kind, voice, first_sentence + t.sentence, index))
