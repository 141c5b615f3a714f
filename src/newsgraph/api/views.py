"""The web viewer's pages: server-rendered HTML (Jinja2, autoescaped) plus two small scripts.

Every piece of article text, every name and every query parameter reaches the
page through Jinja2's autoescaping (or ``tojson`` inside a
``<script type="application/json">`` block, which escapes ``<``, ``>`` and
``&``), so an article containing ``<script>`` shows it literally.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsgraph import __version__
from newsgraph.api.app import TEMPLATE_DIR
from newsgraph.api.errors import ApiError, status_for
from newsgraph.api.filters import check_date_filter, check_event_type
from newsgraph.api.models import TextRequest
from newsgraph.api.routes_analyze import run_analysis
from newsgraph.api.view import article_context
from newsgraph.errors import NewsgraphError
from newsgraph.records import Analysis

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    trim_blocks=False,
    lstrip_blocks=False,
)
_env.globals["static"] = lambda name: f"/static/{quote(name)}?v={__version__}"
_env.globals["version"] = __version__

CORPUS_PAGE_SIZE = 25
ARTICLE_PAGE_SIZE = 10


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    ctx = request.app.state.ctx
    base: dict[str, Any] = {"has_db": ctx.db is not None, "error": None, "page": None, "form": {}}
    html = _env.get_template(template).render(**{**base, **context})
    return HTMLResponse(html, status_code=status)


def _article_page(request: Request, analysis: Analysis | None, *, form: dict[str, str], status: int = 200,
                  error: str | None = None) -> HTMLResponse:
    context: dict[str, Any] = {"page": "article", "form": form, "error": error, "analysis": None}
    if analysis is not None:
        view = article_context(analysis)
        context.update(view)
        context["data"] = {"quotes": view["quotes"], "entities": view["entities"], "events": view["events"]}
    return render(request, "article.html", status, **context)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return _article_page(request, None, form={"text": "", "title": "", "published": ""})


@router.post("/article", response_class=HTMLResponse)
async def article_from_form(request: Request) -> HTMLResponse:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/x-www-form-urlencoded", ""):
        return _article_page(request, None, form={}, status=415, error="send the form as application/x-www-form-urlencoded")
    raw = await request.body()
    try:
        fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return _article_page(request, None, form={}, status=400, error="the form is not valid UTF-8")
    form = {k: (fields.get(k) or [""])[0] for k in ("text", "title", "published")}
    if not form["text"].strip():
        return _article_page(request, None, form=form, status=422, error="paste some article text first")
    try:
        body = TextRequest(
            text=form["text"],
            title=form["title"] or None,
            published=form["published"] or None,
            id=None,
            author=None,
        )
    except ValueError as exc:  # pydantic's ValidationError: a bad date or an overlong title
        message = "; ".join(e["msg"].removeprefix("Value error, ") for e in getattr(exc, "errors", lambda: [])())
        return _article_page(request, None, form=form, status=422, error=message or str(exc))
    try:
        analysis = await run_analysis(request.app.state.ctx, body)
    except ApiError as exc:
        return _article_page(request, None, form=form, status=exc.status, error=exc.message)
    except NewsgraphError as exc:
        return _article_page(request, None, form=form, status=status_for(exc), error=exc.message)
    return _article_page(request, analysis, form=form)


@router.get("/articles", response_class=HTMLResponse, response_model=None)
async def open_article(request: Request, id: str = "") -> Response:
    if not id.strip():
        return RedirectResponse("/corpus" if request.app.state.ctx.db is not None else "/", status_code=303)
    return RedirectResponse(f"/articles/{quote(id.strip(), safe='')}", status_code=303)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def stored_article(request: Request, article_id: str) -> HTMLResponse:
    db = request.app.state.ctx.db
    if db is None:
        return render(request, "message.html", 404, message="This server has no database (start it with --db).")
    try:
        doc = db.article_document(article_id)
    except NewsgraphError as exc:
        return render(request, "message.html", status_for(exc), message=exc.message)
    if doc is None:
        return render(request, "message.html", 404, message=f"No stored article with id {article_id!r}.")
    return _article_page(request, Analysis.from_dict(doc), form={"text": "", "title": "", "published": ""})


def _param(request: Request, name: str, max_len: int = 500) -> str:
    return request.query_params.get(name, "").strip()[:max_len]


def _offset(request: Request, name: str) -> int:
    raw = request.query_params.get(name, "0")
    return int(raw) if raw.isdigit() and len(raw) < 9 else 0


@router.get("/corpus", response_class=HTMLResponse)
def corpus(request: Request) -> HTMLResponse:
    db = request.app.state.ctx.db
    if db is None:
        return render(request, "message.html", 404, message="This server has no database (start it with --db).")
    qf = {k: _param(request, k) for k in ("speaker", "q", "kind", "qfrom", "qto")}
    ef = {k: _param(request, k) for k in ("actor", "type", "from", "to")}
    af = {"aq": _param(request, "aq")}
    qoffset, eoffset, aoffset = _offset(request, "qoffset"), _offset(request, "eoffset"), _offset(request, "aoffset")
    errors: list[str] = []
    try:
        qfrom = check_date_filter(qf["qfrom"], "quote date from")
        qto = check_date_filter(qf["qto"], "quote date to")
    except NewsgraphError as exc:
        errors.append(exc.message)
        qfrom = qto = None
    try:
        efrom = check_date_filter(ef["from"], "event date from")
        eto = check_date_filter(ef["to"], "event date to")
    except NewsgraphError as exc:
        errors.append(exc.message)
        efrom = eto = None
    try:
        etype = check_event_type(ef["type"], "event type", db.known_event_types())
    except NewsgraphError as exc:
        errors.append(exc.message)
        etype = None
    kind = qf["kind"] if qf["kind"] in ("direct", "indirect", "mixed") else None
    try:
        overview = db.overview()
        articles = db.articles(q=af["aq"] or None, limit=ARTICLE_PAGE_SIZE, offset=aoffset).to_dict()
        quotes = db.quotes(
            speaker=qf["speaker"] or None, q=qf["q"] or None, kind=kind, date_from=qfrom, date_to=qto,
            limit=CORPUS_PAGE_SIZE, offset=qoffset,
        ).to_dict()
        filters = {"actor": ef["actor"] or None, "type": etype, "date_from": efrom, "date_to": eto}
        events = db.events(**filters, limit=CORPUS_PAGE_SIZE, offset=eoffset).to_dict()
        timeline = db.timeline(**filters)
        network = db.network(**filters, limit=60)
        actor = db.actor(ef["actor"], limit=5, offset=0, co_limit=12) if ef["actor"] else None
    except NewsgraphError as exc:
        return render(request, "message.html", status_for(exc), message=exc.message)
    return render(
        request,
        "corpus.html",
        422 if errors else 200,
        page="corpus",
        error="; ".join(errors) or None,
        overview=overview,
        qf=qf,
        ef=ef,
        af=af,
        articles=articles,
        article_page_size=ARTICLE_PAGE_SIZE,
        quotes=quotes,
        events=events,
        actor=actor,
        chart_data={"timeline": timeline, "network": network},
        page_size=CORPUS_PAGE_SIZE,
        link=_linker(
            {**qf, **ef, **af, "qoffset": str(qoffset or ""), "eoffset": str(eoffset or ""), "aoffset": str(aoffset or "")}
        ),
    )


def _linker(current: dict[str, str]) -> Any:
    """``link(**changes)``: the corpus URL with the current filters and ``changes`` applied."""

    def link(**changes: Any) -> str:
        params = {**current, **{k: ("" if v is None else str(v)) for k, v in changes.items()}}
        return "/corpus?" + urlencode({k: v for k, v in params.items() if v not in ("", "0")})

    return link
