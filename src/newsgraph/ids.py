"""Stable article ids.

Kept apart from the pipeline so that code which only needs an id (the batch
writer, the Spark driver) does not import spaCy.
"""

from __future__ import annotations

import hashlib


def article_id(text: str) -> str:
    """The stable id of an article without one: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


__all__ = ["article_id"]
