"""The FastAPI application: the JSON API under ``/v1`` and the web viewer.

``create_app(db, settings)`` builds one application. Without a database it
serves analysis only (``POST /v1/analyze`` and the article page); with one it
adds the corpus endpoints and the corpus page, reading the store through a
read-only connection.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph import __version__
from newsgraph.api.config import ServeSettings
from newsgraph.api.errors import ApiError, status_for
from newsgraph.api.fetch import Resolver, system_resolver
from newsgraph.api.gate import AnalysisGate
from newsgraph.api.limits import BodyLimitMiddleware, SecurityHeadersMiddleware
from newsgraph.api.workers import WorkerPool
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import Analyzer
from newsgraph.settings import Settings, load_settings

logger = logging.getLogger(__name__)

STATIC_DIR = Path(str(resources.files("newsgraph.api") / "static"))
TEMPLATE_DIR = Path(str(resources.files("newsgraph.api") / "templates"))

DESCRIPTION = """\
Structured, verifiable records of political communication from news articles.

`POST /v1/analyze` turns one article into a `newsgraph/1` document: quotes with
resolved speakers, entities with actor codes, PLOVER events, dates and framing,
every span a pair of character offsets into the article text. With a database
(`newsgraph serve --db out.db`) the corpus endpoints query a store written by
`newsgraph batch`; every list is paginated with `limit` and `offset`.
"""


@dataclass
class AppContext:
    """What every route needs: settings, the analyzer (loaded once), the gate and the store."""

    settings: ServeSettings
    analysis_settings: Settings
    gate: AnalysisGate
    db: Any = None  # newsgraph.api.db.CorpusDB | None
    resolver: Resolver = system_resolver
    transport: Any = None  # an httpx transport for URL fetching (tests)
    _analyzer: Analyzer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def analyzer(self) -> Analyzer:
        """The analyzer of this process, loaded on first use (for analyses in threads, not in worker processes)."""
        if self._analyzer is None:
            with self._lock:
                if self._analyzer is None:
                    logger.info("loading the spaCy pipeline")
                    self._analyzer = Analyzer(self.analysis_settings)
        return self._analyzer

    def preload(self) -> None:
        """Load the pipeline now rather than on the first request: the workers', or this process's."""
        if self.gate.runner is not None:
            self.gate.start()
        else:
            self.analyzer()


def _error_response(status: int, message: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def create_app(
    db: str | None = None,
    settings: ServeSettings | None = None,
    *,
    analysis_settings: Settings | None = None,
    analyzer: Analyzer | None = None,
    resolver: Resolver | None = None,
    transport: Any = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """Build the application.

    ``db``: path of a SQLite store written by ``newsgraph batch`` (opened
    read-only); ``settings``: server limits (``ServeSettings``);
    ``analysis_settings``: the analysis settings (model, ``max_chars``);
    ``analyzer``: an already loaded ``Analyzer`` to share (tests): analyses
    then run in this process's threads, as with ``settings.in_process``;
    ``resolver``/``transport``: DNS resolution and HTTP transport for URL
    fetching (tests); ``allowed_hosts``: accepted ``Host`` headers (``None``:
    any), so that a web page whose name is rebound to 127.0.0.1 cannot read
    a server on loopback through the visitor's browser.
    """
    settings = settings or ServeSettings()
    corpus = None
    if db is not None:
        from newsgraph.api.db import CorpusDB

        corpus = CorpusDB(db)  # raises StorageError now rather than at the first request
    analysis_settings = analysis_settings or (analyzer.settings if analyzer else load_settings())
    # Worker processes unless told otherwise; a given analyzer (tests) runs in this process.
    runner = None
    if not settings.in_process and analyzer is None:
        slots = settings.max_concurrent + (1 if settings.small_chars > 0 else 0)
        runner = WorkerPool(analysis_settings, slots)
    ctx = AppContext(
        settings=settings,
        analysis_settings=analysis_settings,
        gate=AnalysisGate(
            max_concurrent=settings.max_concurrent,
            max_queue=settings.max_queue,
            queue_timeout=settings.queue_timeout,
            timeout=settings.analysis_timeout,
            small_chars=settings.small_chars,
            runner=runner,
        ),
        db=corpus,
        resolver=resolver or system_resolver,
        transport=transport,
        _analyzer=analyzer,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.gate.shutdown()
        if ctx.db is not None:
            ctx.db.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.ctx = ctx

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(NewsgraphError)
    async def _newsgraph_error(request: Request, exc: NewsgraphError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            logger.error("request failed: %s", exc)
        return _error_response(status, exc.message)

    from newsgraph.api import routes_analyze, routes_corpus, views

    app.include_router(routes_analyze.router)
    if corpus is not None:
        app.include_router(routes_corpus.make_router(settings, corpus.known_event_types()))
    app.include_router(views.router)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    swagger_dir = Path(str(resources.files("fastapi_offline") / "static"))
    app.mount("/docs-static", StaticFiles(directory=swagger_dir), name="docs-static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            redoc_js_url="/docs-static/redoc.standalone.js",
            redoc_favicon_url="/docs-static/favicon.png",
            with_google_fonts=False,
        )

    # Outermost first: headers on every response, then the body limit before any route.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
