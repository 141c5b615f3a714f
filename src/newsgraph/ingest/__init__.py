"""Reading articles: plain text, HTML, JSON Lines, CSV, WARC, directories and standard input.

Every reader yields ``ArticleInput`` items, or ``InputError`` items for the
parts of an input that cannot be read (a malformed JSON Lines line), so that a
caller can report them and go on with the rest.
"""

from newsgraph.ingest.base import ArticleInput, iter_path, read_inputs, read_path, resolve
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.text import decode_bytes

__all__ = ["ArticleInput", "article_from_html", "decode_bytes", "iter_path", "read_inputs", "read_path", "resolve"]
