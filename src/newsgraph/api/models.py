"""Request and response schemas for the OpenAPI document.

Responses are built from the records' ``to_dict()`` and returned as they are;
these models describe them for ``/docs`` and for schemathesis, which checks
every response against them (so a drift between records and this file fails
a test). ``extra="allow"`` keeps a new field in a record from being an error.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class _ArticleMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    published: str | None = Field(
        None, description="publication date, YYYY-MM-DD", max_length=10, json_schema_extra={"format": "date"}
    )
    title: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, description="the article id (default: a hash of its text)", max_length=200)
    author: str | None = Field(None, max_length=2000)

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            if len(value) != 10:
                raise ValueError
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"publication date {value!r} is not YYYY-MM-DD") from None


class TextRequest(_ArticleMeta):
    """An article as plain text."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": '"We will not sign this agreement," Foreign Minister Anna Berg said on Monday.',
                    "published": "2024-03-05",
                    "title": "Minister rejects agreement",
                }
            ]
        },
    )

    text: str = Field(description="the article as plain text")


class HtmlRequest(_ArticleMeta):
    """An article as an HTML page (its main text is extracted)."""

    html: str = Field(description="the article as an HTML page")


class UrlRequest(_ArticleMeta):
    """A page to fetch and analyse (only when the server runs with --allow-url)."""

    url: str = Field(description="http or https address of the article", max_length=4000)


def _source_field(value: Any) -> str | None:
    if isinstance(value, dict):
        for name in ("text", "html", "url"):
            if name in value:
                return name
        return None
    for name in ("text", "html", "url"):
        if hasattr(value, name):
            return name
    return None


#: One article: exactly one of ``text``, ``html`` or ``url`` (each variant forbids the others).
AnalyzeRequest = Annotated[
    Annotated[TextRequest, Tag("text")] | Annotated[HtmlRequest, Tag("html")] | Annotated[UrlRequest, Tag("url")],
    Discriminator(
        _source_field,
        custom_error_type="missing_source",
        custom_error_message="give exactly one of text, html or url",
    ),
]


class SpanModel(_Open):
    start: int
    end: int
    text: str


class SpeakerModel(_Open):
    mention: SpanModel | None = None
    entity: str | None = None
    name: str | None = None


class AnchoredDateModel(_Open):
    value: str
    basis: str
    span: SpanModel | None = None


class QuoteModel(_Open):
    id: str
    kind: str
    content: SpanModel | list[SpanModel]
    cue: SpanModel | None = None
    speaker: SpeakerModel
    confidence: float
    date: AnchoredDateModel | None = None
    mode: str = "speech"
    source: SpanModel | None = None
    within: str | None = None


class MentionModel(_Open):
    start: int
    end: int
    text: str
    kind: str


class ActorModel(_Open):
    code: str | None = None
    country: str | None = None
    sector: list[str] = []
    igo: str | None = None
    wikidata: str | None = None
    confidence: float = 0.0
    note: str | None = None


class EntityModel(_Open):
    id: str
    name: str
    kind: str
    mentions: list[MentionModel]
    roles: list[SpanModel]
    members: list[str]
    actor: ActorModel | None = None


class EventModel(_Open):
    id: str
    type: str
    source: list[str]
    target: list[str]
    trigger: SpanModel
    evidence: SpanModel
    more_evidence: list[SpanModel] = []
    polarity: str
    modality: str
    confidence: float


class AnalysisDocument(_Open):
    """The ``newsgraph/1`` document (see the project README for every field)."""

    schema_: Literal["newsgraph/1"] = Field(alias="schema")
    id: str
    published: str | None
    title: str | None
    url: str | None
    author: str | None = None
    text: str
    entities: list[EntityModel]
    quotes: list[QuoteModel]
    framing: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    events: list[EventModel]
    flags: list[dict[str, Any]]
    warnings: list[str]
    meta: dict[str, Any]


class ErrorModel(BaseModel):
    detail: Any = Field(description="what went wrong (a message, or a list of validation errors)")


class HealthModel(BaseModel):
    status: Literal["ok"]
    version: str
    database: bool
    analyses_running: int
    analyses_waiting: int


# -- corpus ---------------------------------------------------------------------


class PageModel(_Open):
    total: int = Field(description="items matching the query")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last page")


class ArticleItem(_Open):
    id: str
    published: str | None
    title: str | None
    url: str | None
    cluster: str | None
    n_quotes: int | None
    n_events: int | None


class ArticlePage(PageModel):
    items: list[ArticleItem]


class QuoteSpeaker(_Open):
    name: str | None
    entity_id: str | None
    entity_name: str | None
    actor_code: str | None
    mention: str | None


class QuoteItem(_Open):
    id: str
    article_id: str
    kind: str | None
    mode: str | None = None
    text: str | None
    speaker: QuoteSpeaker
    cue: str | None
    date: str | None
    when: str | None = Field(description="the statement's date when the article gives one, else the publication date")
    published: str | None
    article_title: str | None


class QuotePage(PageModel):
    items: list[QuoteItem]


class EventSide(_Open):
    entity_id: str
    name: str | None
    actor_code: str | None
    actor: str | None = Field(description="the actor key: its code, else its name")


class EventItem(_Open):
    id: str
    article_id: str
    type: str | None
    source: list[EventSide]
    target: list[EventSide]
    trigger: str | None
    evidence: str | None
    when: str | None = Field(description="the event's date when the article gives one, else the publication date")
    polarity: str | None
    modality: str | None
    article_title: str | None


class EventPage(PageModel):
    items: list[EventItem]


class ActorName(_Open):
    name: str | None
    kind: str | None
    count: int


class CoActor(_Open):
    actor: str | None
    code: str | None
    name: str | None
    articles: int


class ActorDetail(_Open):
    id: str
    code: str | None
    names: list[ActorName]
    country: str | None
    sector: list[str]
    articles: int
    mentions: int
    quotes: QuotePage
    events_as_source: EventPage
    events_as_target: EventPage
    co_occurring: list[CoActor]


class TimelineBucket(_Open):
    period: str
    count: int
    by_type: dict[str, int]


class Timeline(_Open):
    granularity: str
    buckets: list[TimelineBucket]
    undated: int = Field(0, description="matching events with no date of their own nor of their article: not in any bucket")


class NetworkNode(_Open):
    id: str
    events: int


class NetworkEdge(_Open):
    source: str
    target: str
    type: str | None
    n: int
    articles: int


class Network(_Open):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Overview(_Open):
    counts: dict[str, int]
    published_from: str | None
    published_to: str | None
    event_types: list[str]
