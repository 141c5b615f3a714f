"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from newsgraph.errors import InputError
from newsgraph.ingest.base import ArticleInput

logger = logging.getLogger(__name__)


def article_from_html(html: str, source: str, **given: Any) -> ArticleInput:
    """Extract the article from ``html``; ``given`` fields (id, url, title, published) take precedence.

    Offsets of everything found later index the extracted text, which the
    output document carries in its ``text`` field.
    """
    doc = trafilatura.bare_extraction(
        html,
        url=given.get("url"),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page", source=source)

    def meta(name: str) -> str | None:
        value = getattr(doc, name, None)
        return str(value) if value else None

    return ArticleInput(
        text=text,
        source=source,
        id=given.get("id"),
        url=given.get("url") or meta("url"),
        title=given.get("title") or meta("title"),
        published=given.get("published") or meta("date"),
        author=given.get("author") or meta("author"),
    )
