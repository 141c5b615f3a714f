"""The corpus endpoints (present only when the server has a database).

Every list is a page: ``{"items": [...], "total", "limit", "offset",
"next_offset"}``. Dates filter as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``
prefixes, inclusive at both ends (``to=2024-03`` includes 31 March).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError

from newsgraph.api.config import ServeSettings
from newsgraph.api.db import CorpusDB
from newsgraph.api.errors import NotFound
from newsgraph.api.filters import DATE_FILTER_PATTERN, check_date_filter, check_event_type
from newsgraph.api.models import (
    ActorDetail,
    AnalysisDocument,
    ArticlePage,
    ErrorModel,
    EventPage,
    Network,
    Overview,
    QuotePage,
    Timeline,
)
from newsgraph.errors import InputError
from newsgraph.events import PLOVER_TYPES

TEXT_MAX = 500
_404: dict[int | str, dict[str, Any]] = {404: {"model": ErrorModel, "description": "no such record"}}


def _db(request: Request) -> CorpusDB:
    db: CorpusDB = request.app.state.ctx.db
    return db


def _invalid(param: str, value: str, message: str) -> RequestValidationError:
    """A 422 in FastAPI's own shape (``detail[].loc`` names the query parameter)."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", param), "msg": message, "input": value, "ctx": {"error": message}}]
    )


def checked(
    date_from: str | None, date_to: str | None, type: str | None = None, allowed: Sequence[str] = PLOVER_TYPES
) -> str | None:
    """Check the date filters and the event type beyond their pattern (real dates, known types).

    Returns the event type in upper case; a bad value is a 422 naming its parameter.
    """
    for param, value in (("from", date_from), ("to", date_to)):
        if value == "":  # no date (the corpus page's empty fields are another matter: views.py)
            raise _invalid(param, value, f"{param} must be YYYY, YYYY-MM or YYYY-MM-DD, got ''")
        try:
            check_date_filter(value, param)
        except InputError as exc:
            raise _invalid(param, value or "", exc.message) from None
    if type == "":
        raise _invalid("type", type, "type must be an event type, got ''")
    try:
        return check_event_type(type, "type", allowed)
    except InputError as exc:
        raise _invalid("type", type or "", exc.message) from None


def make_router(settings: ServeSettings, event_types: Sequence[str] = PLOVER_TYPES) -> APIRouter:
    """The corpus routes, with the page-size limits of ``settings`` and the accepted event types in their schema.

    ``event_types``: the PLOVER types and any other the store holds (``CorpusDB.known_event_types``).
    """
    allowed = tuple(event_types)
    router = APIRouter(prefix="/v1", tags=["corpus"])
    max_page = settings.max_page_size
    default_page = min(settings.page_size, max_page)

    def limit_q() -> Any:
        return Query(default_page, ge=1, le=max_page, description=f"items per page (at most {max_page})")

    def offset_q() -> Any:
        return Query(0, ge=0, le=10_000_000, description="items to skip")

    # The schema states the exact set of dates accepted (real days, months and
    # years); ``checked`` enforces it with a message that names the parameter.
    def from_q(what: str) -> Any:
        return Query(
            None,
            alias="from",
            max_length=10,
            description=f"{what} on or after (YYYY[-MM[-DD]], a real date)",
            json_schema_extra={"pattern": DATE_FILTER_PATTERN},
        )

    def to_q(what: str) -> Any:
        return Query(
            None,
            alias="to",
            max_length=10,
            description=f"{what} on or before (YYYY[-MM[-DD]], a real date)",
            json_schema_extra={"pattern": DATE_FILTER_PATTERN},
        )

    def type_q(what: str) -> Any:
        return Query(
            None,
            description=f"{what} (any case)",
            max_length=TEXT_MAX,
            json_schema_extra={"enum": list(allowed)},
        )


    @router.get("/overview", summary="What the database holds", response_model=Overview)
    def overview(request: Request) -> dict[str, Any]:
        return _db(request).overview()

    @router.get("/articles", summary="List stored articles", response_model=ArticlePage)
    def articles(
        request: Request,
        q: str | None = Query(None, description="words of the title, or an exact article id", max_length=TEXT_MAX),
        date_from: str | None = from_q("published"),
        date_to: str | None = to_q("published"),
        cluster: str | None = Query(None, description="wire-copy cluster id", max_length=TEXT_MAX),
        limit: int = limit_q(),
        offset: int = offset_q(),
    ) -> dict[str, Any]:
        checked(date_from, date_to)
        return _db(request).articles(
            q=q, date_from=date_from, date_to=date_to, cluster=cluster, limit=limit, offset=offset
        ).to_dict()

    @router.get(
        "/articles/{article_id:path}",
        summary="One stored article as a newsgraph/1 document",
        response_model=None,
        responses={200: {"model": AnalysisDocument}, **_404},
    )
    def article(request: Request, article_id: str = Path(..., max_length=500)) -> dict[str, Any]:
        doc = _db(request).article_document(article_id)
        if doc is None:
            raise NotFound(f"no article {article_id!r}")
        return doc

    @router.get("/quotes", summary="Search quotes", response_model=QuotePage)
    def quotes(
        request: Request,
        speaker: str | None = Query(
            None, description="speaker name (exact or part), actor code or stored entity id", max_length=TEXT_MAX
        ),
        q: str | None = Query(None, description="words that must all occur in the quote (full-text)", max_length=TEXT_MAX),
        kind: Literal["direct", "indirect", "mixed"] | None = Query(None, description="quote kind"),
        article: str | None = Query(None, description="only quotes of this article id", max_length=TEXT_MAX),
        date_from: str | None = from_q("statement date (else publication date)"),
        date_to: str | None = to_q("statement date (else publication date)"),
        limit: int = limit_q(),
        offset: int = offset_q(),
    ) -> dict[str, Any]:
        checked(date_from, date_to)
        return _db(request).quotes(
            speaker=speaker,
            q=q,
            kind=kind,
            article=article,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        ).to_dict()

    @router.get("/events", summary="Filter events", response_model=EventPage)
    def events(
        request: Request,
        actor: str | None = Query(None, description="actor code, entity name or stored entity id", max_length=TEXT_MAX),
        role: Literal["source", "target"] | None = Query(None, description="the actor's side of the event"),
        type: str | None = type_q("PLOVER event type (CONSULT, ACCUSE ...)"),
        article: str | None = Query(None, description="only events of this article id", max_length=TEXT_MAX),
        date_from: str | None = from_q("event date (else publication date)"),
        date_to: str | None = to_q("event date (else publication date)"),
        limit: int = limit_q(),
        offset: int = offset_q(),
    ) -> dict[str, Any]:
        type = checked(date_from, date_to, type, allowed)
        return _db(request).events(
            actor=actor,
            role=role,
            type=type,
            article=article,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        ).to_dict()

    @router.get(
        "/actors/{actor_id:path}",
        summary="One actor: its quotes, its events as source and as target, co-occurring actors",
        response_model=ActorDetail,
        responses=_404,
    )
    def actor(
        request: Request,
        actor_id: str = Path(..., max_length=500, description="actor code, stored entity id or uncoded name"),
        limit: int = limit_q(),
        offset: int = offset_q(),
    ) -> dict[str, Any]:
        found = _db(request).actor(actor_id, limit=limit, offset=offset)
        if found is None:
            raise NotFound(f"no actor {actor_id!r}")
        return found

    @router.get("/stats/timeline", summary="Event counts per period", response_model=Timeline)
    def timeline(
        request: Request,
        actor: str | None = Query(None, description="actor code, entity name or stored entity id", max_length=TEXT_MAX),
        type: str | None = type_q("PLOVER event type"),
        date_from: str | None = from_q("event date"),
        date_to: str | None = to_q("event date"),
        granularity: Literal["year", "month", "day"] = Query("month"),
    ) -> dict[str, Any]:
        type = checked(date_from, date_to, type, allowed)
        return _db(request).timeline(
            actor=actor, type=type, date_from=date_from, date_to=date_to, granularity=granularity
        )

    @router.get("/stats/network", summary="Actor network: edges by event type, weighted by count", response_model=Network)
    def network(
        request: Request,
        actor: str | None = Query(None, description="only events involving this actor", max_length=TEXT_MAX),
        type: str | None = type_q("PLOVER event type"),
        date_from: str | None = from_q("event date"),
        date_to: str | None = to_q("event date"),
        limit: int = Query(100, ge=1, le=1000, description="strongest edges kept"),
    ) -> dict[str, Any]:
        type = checked(date_from, date_to, type, allowed)
        return _db(request).network(actor=actor, type=type, date_from=date_from, date_to=date_to, limit=limit)

    return router
