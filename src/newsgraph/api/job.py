"""One analysis request as a job: picklable, so that a worker process can run it.

``run_job(job, get_analyzer)`` runs in a worker process (``get_analyzer`` is
then ``newsgraph.api.workers.worker_analyzer``) or in a thread of the server
(the application's own analyzer). This module imports neither FastAPI nor the
routes: a worker process loads only what an analysis needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest import article_from_html
from newsgraph.pipeline import parse_published
from newsgraph.records import Analysis


@dataclass(frozen=True, slots=True)
class AnalysisJob:
    """What to analyse: a text, or an HTML page to extract it from, and its metadata."""

    text: str = ""
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    id: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """Characters to analyse (of the page, for HTML: an upper bound), for the gate's estimates."""
        return len(self.html) if self.html is not None else len(self.text)


def run_job(job: AnalysisJob, get_analyzer: Callable[[], Any]) -> Analysis:
    """Extract the text of an HTML page if needed, then analyse."""
    analyzer = get_analyzer()
    text, title, published, author = job.text, job.title, job.published, job.author
    if job.html is not None:
        try:
            art = article_from_html(job.html, job.url or "request", url=job.url, title=job.title, id=job.id)
        except InputError as exc:
            # Like an empty text: a document with a warning, not an error (the request itself was fine).
            empty: Analysis = analyzer("", title=title, url=job.url, id=job.id, author=author, warnings=job.warnings)
            return replace(empty, warnings=(*empty.warnings, exc.message))
        text, title = art.text, art.title
        published = published or _iso_day(art.published)
        author = author or art.author
    result: Analysis = analyzer(
        text, published=published, title=title, url=job.url, id=job.id, author=author, warnings=job.warnings
    )
    return result


def _iso_day(value: str | None) -> str | None:
    """A page's own date when it is usable (trafilatura may find none, or a malformed one)."""
    try:
        day = parse_published(value)
    except InputError:
        return None
    return day.isoformat() if day else None
