"""The parsed document every analysis stage reads.

``parse`` runs the spaCy pipeline over an article in paragraph-aligned chunks
(so that a text of several megabytes never becomes one giant spaCy call) and
joins them into one ``Doc`` whose text is exactly the article text: token
character offsets (``token.idx``) are article offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.errors import TooLargeError
from newsgraph.records import Span
from newsgraph.settings import Settings

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class ParsedDocument:
    """An article's text, its spaCy parse and its paragraphs.

    Stages are pure functions of this object (and of the records of earlier
    stages); they never mutate it.
    """

    text: str
    doc: Doc
    published: date | None = None
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of every non-blank line, stripped of surrounding spaces."""
        out = []
        for m in _PARAGRAPH.finditer(self.text):
            start, end = m.start(), m.end()
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            out.append((start, end))
        return tuple(out)

    @cached_property
    def sentences(self) -> tuple[SpacySpan, ...]:
        # the text by offsets: ``Span.text`` would build every token of the sentence
        return tuple(s for s in self.doc.sents if self.text[s.start_char : s.end_char].strip())

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def paragraph_of(self, offset: int) -> tuple[int, int] | None:
        for start, end in self.paragraphs:
            if start <= offset < end:
                return start, end
        return None


def chunk_bounds(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive pieces ending at a paragraph break.

    Pieces cover the text exactly (each ends where the next starts); a piece is
    cut mid-paragraph only when one paragraph alone exceeds twice ``chunk_chars``.
    """
    if len(text) <= chunk_chars:
        return [(0, len(text))]
    bounds = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= chunk_chars:
            bounds.append((start, n))
            break
        cut = text.find("\n", start + chunk_chars)
        if cut == -1 or cut - start > 2 * chunk_chars:
            # one enormous paragraph: cut at a space
            cut = text.rfind(" ", start + 1, start + chunk_chars)
            if cut <= start:
                cut = start + chunk_chars
        # keep the break's whitespace with the piece before it
        while cut < n and text[cut].isspace():
            cut += 1
        bounds.append((start, cut))
        start = cut
    return bounds


def check_length(text: str, settings: Settings) -> None:
    """Raise ``TooLargeError`` for a text above ``settings.max_chars`` (0: no limit)."""
    if settings.max_chars and len(text) > settings.max_chars:
        raise TooLargeError(
            f"text has {len(text):,} characters, above the max_chars limit of {settings.max_chars:,} "
            "(raise it with --max-chars or NEWSGRAPH_MAX_CHARS)"
        )


def parse(
    text: str,
    nlp: Language,
    *,
    published: date | None = None,
    settings: Settings | None = None,
) -> ParsedDocument:
    """Parse ``text`` with ``nlp`` into a ``ParsedDocument`` (offsets unchanged)."""
    settings = settings or Settings()
    check_length(text, settings)
    bounds = chunk_bounds(text, max(1000, settings.chunk_chars))
    if len(bounds) == 1:
        doc = nlp(text)
    else:
        # One chunk per batch: spaCy's default batch would hold the activations
        # of every chunk at once (the 100,000-character bench article peaked at
        # 510 MB that way, 255 MB this way; the parses are identical).
        docs = list(nlp.pipe((text[a:b] for a, b in bounds), batch_size=1))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "spaCy changed the article text"
    return ParsedDocument(text=text, doc=doc, published=published, settings=settings)


def tokens_of(doc: Doc) -> list[Token]:
    """Every token of ``doc`` as a list, built once per document and kept in ``doc.user_data``.

    Iterating a ``Doc`` or indexing it makes a new ``Token`` object each time; the entity
    and coreference steps walk the whole document a few dozen times per article, so they
    share this list instead (about a tenth of the extraction time on news articles).
    """
    cached = doc.user_data.get(_TOKENS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[_TOKENS_KEY] = list(doc)
    return cached


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` from the offsets of the shared token list (no span is built)."""
    if end <= start:
        return ""
    toks = tokens_of(doc)
    last = toks[end - 1]
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:  # ``Doc.text`` joins every token again at each access
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text[toks[start].idx : last.idx + len(last)])


_TEXT_KEY = "newsgraph.text"


def entity_spans(doc: Doc) -> tuple[SpacySpan, ...]:
    """The tagger's entities (``doc.ents``, which builds its spans again at every access), kept with the document."""
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        cached = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return cached


_ENTS_KEY = "newsgraph.ents"


def sentence_starts(doc: Doc) -> list[int]:
    """The character offset where each sentence of ``doc`` starts, computed once per document."""
    cached = doc.user_data.get(_SENT_STARTS_KEY)
    if cached is None:
        cached = doc.user_data[_SENT_STARTS_KEY] = [s.start_char for s in doc.sents]
    return cached


_TOKENS_KEY = "newsgraph.tokens"
_SENT_STARTS_KEY = "newsgraph.sentence_starts"


def sentence_tokens(sent: SpacySpan) -> list[Token]:
    """The tokens of one sentence, from the document's shared list (see ``tokens_of``)."""
    return tokens_of(sent.doc)[sent.start : sent.end]
