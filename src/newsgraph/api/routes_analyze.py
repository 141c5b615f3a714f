"""``POST /v1/analyze`` and ``GET /v1/health``."""

from __future__ import annotations

import logging
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from newsgraph import __version__
from newsgraph.api.errors import UrlDisabled
from newsgraph.api.fetch import fetch_url
from newsgraph.api.job import AnalysisJob, run_job
from newsgraph.api.models import (
    AnalysisDocument,
    AnalyzeRequest,
    ErrorModel,
    HealthModel,
    HtmlRequest,
    TextRequest,
    UrlRequest,
)
from newsgraph.api.workers import worker_analyzer
from newsgraph.errors import InputError
from newsgraph.pipeline import parse_published
from newsgraph.records import Analysis

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["analysis"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorModel, "description": "the URL (or a redirect) points somewhere not allowed"},
    403: {"model": ErrorModel, "description": "URL analysis is off on this server"},
    413: {"model": ErrorModel, "description": "request body or article text too large"},
    422: {"model": ErrorModel, "description": "invalid request (no text, bad date ...)"},
    502: {"model": ErrorModel, "description": "the URL could not be fetched"},
    503: {"model": ErrorModel, "description": "too many analyses queued; retry after Retry-After seconds"},
    504: {"model": ErrorModel, "description": "the analysis took longer than the server's limit"},
}


def check_text(value: str, field: str) -> None:
    """Refuse text that cannot be written back as UTF-8 (lone surrogates from JSON escapes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{field} is not valid Unicode (lone surrogate at position {exc.start})") from exc


async def run_analysis(ctx: Any, body: AnalyzeRequest) -> Analysis:
    """Validate, fetch a URL if asked, then analyse in the bounded pool."""
    for name in ("text", "html", "title", "id", "author"):
        value = getattr(body, name, None)
        if value is not None:
            check_text(value, name)
    if body.published:
        parse_published(body.published)  # a bad date is a 422 before any queueing
    text = body.text if isinstance(body, TextRequest) else ""
    page_html = body.html if isinstance(body, HtmlRequest) else None
    page_url: str | None = None
    warnings: tuple[str, ...] = ()
    if isinstance(body, UrlRequest):
        if not ctx.settings.allow_url:
            raise UrlDisabled("URL analysis is off on this server (start it with --allow-url)")
        s = ctx.settings
        url = body.url
        page = await anyio.to_thread.run_sync(
            lambda: fetch_url(
                url,
                timeout=s.url_timeout,
                max_bytes=s.url_max_bytes,
                max_redirects=s.url_max_redirects,
                resolve=ctx.resolver,
                transport=ctx.transport,
            )
        )
        page_url, warnings = page.url, page.warnings
        if page.content_type == "text/plain":
            text = page.text
        else:
            page_html = page.text
    job = AnalysisJob(
        text=text,
        html=page_html,
        url=page_url,
        title=body.title,
        published=body.published,
        author=body.author,
        id=body.id,
        warnings=warnings,
    )
    # in a worker process the job gets that process's analyzer, in a thread the application's
    get_analyzer = worker_analyzer if ctx.gate.runner is not None else ctx.analyzer
    result: Analysis = await ctx.gate.run(run_job, job, get_analyzer, size=job.size)
    return result


@router.post(
    "/analyze",
    summary="Analyse one article",
    response_model=None,
    responses={200: {"model": AnalysisDocument, "description": "the newsgraph/1 document"}, **_ERRORS},
)
async def analyze(body: AnalyzeRequest, request: Request) -> JSONResponse:
    """Analyse an article given as `text`, `html` or (when the server allows it) `url`.

    Returns the `newsgraph/1` document: entities with actor codes, quotes with
    speakers and cues, PLOVER events with their evidence, dates and framing.
    Every span has `text == document.text[start:end]`.
    """
    result = await run_analysis(request.app.state.ctx, body)
    return JSONResponse(result.to_dict())


@router.get("/health", summary="Server status", response_model=HealthModel)
async def health(request: Request) -> dict[str, Any]:
    ctx = request.app.state.ctx
    return {
        "status": "ok",
        "version": __version__,
        "database": ctx.db is not None,
        "analyses_running": ctx.gate.running,
        "analyses_waiting": ctx.gate.waiting,
    }
