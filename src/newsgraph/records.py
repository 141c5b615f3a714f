"""The records newsgraph produces.

Every record is a frozen dataclass with one ``to_dict()`` and one ``from_dict()``;
the JSON document, the SQLite rows and the Parquet rows are all built from
``to_dict()``. Every span is a character offset pair into the article text and
its ``text`` is always ``article_text[start:end]`` (``Span.of`` builds one that
way; ``Analysis.check_spans`` verifies a whole document).

Identifiers are local to one article: ``E1`` (entity), ``Q1`` (quote),
``F1`` (framing item), ``D1`` (date), ``V1`` (event), ``X1`` (flag).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "newsgraph/1"

EntityKind = Literal["person", "organization", "place", "group"]
MentionKind = Literal["name", "pronoun", "nominal"]
QuoteKind = Literal["direct", "indirect", "mixed"]
#: what is attributed: words (speech), a belief or knowledge, a perception or finding, an
#: intention, wish or stance (docs/quotes.md)
QuoteMode = Literal["speech", "belief", "perception", "intention"]
DateKind = Literal["date", "duration", "set"]
DateBasis = Literal["text", "publication"]

ENTITY_KINDS: tuple[str, ...] = ("person", "organization", "place", "group")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")


def _span_or_none(value: Mapping[str, Any] | None) -> Span | None:
    return None if value is None else Span.from_dict(value)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article_text: str, start: int, end: int) -> Span:
        return cls(start, end, article_text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where an entity is referred to (a name, a pronoun or a description)."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mention:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("kind", "name"))


@dataclass(frozen=True, slots=True)
class Actor:
    """A standard code for an entity (PLOVER/CAMEO conventions).

    ``code`` is the CAMEO-style composite (``USALEG``, ``AZE``, ``IGOEUR`` ...);
    ``country`` an ISO 3166-1 alpha-3 code (or a newsgraph code for a disputed
    entity); ``sector`` PLOVER/CAMEO sector codes (``GOV``, ``LEG``, ``MIL`` ...);
    ``igo`` the knowledge-base id of an intergovernmental organisation.
    """

    code: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    igo: str | None = None
    wikidata: str | None = None
    confidence: float = 0.0
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": list(self.sector),
            "igo": self.igo,
            "wikidata": self.wikidata,
            "confidence": self.confidence,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Actor:
        return cls(
            code=d.get("code"),
            country=d.get("country"),
            sector=tuple(d.get("sector") or ()),
            igo=d.get("igo"),
            wikidata=d.get("wikidata"),
            confidence=float(d.get("confidence") or 0.0),
            note=d.get("note"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent of the article with all its mentions.

    ``roles`` are the titles and descriptions attached to it in the text
    ("Chair of Abkhazia's Georgian Community"); ``members`` lists the
    entity ids a group entity is made of ("the four Representatives").
    """

    id: str
    name: str
    kind: EntityKind
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Span, ...] = ()
    members: tuple[str, ...] = ()
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": [r.to_dict() for r in self.roles],
            "members": list(self.members),
            "actor": None if self.actor is None else self.actor.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            roles=tuple(Span.from_dict(r) for r in d.get("roles", ())),
            members=tuple(d.get("members", ())),
            actor=None if d.get("actor") is None else Actor.from_dict(d["actor"]),
        )


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the local mention and the entity it resolves to."""

    mention: Span | None = None
    entity: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": None if self.mention is None else self.mention.to_dict(),
            "entity": self.entity,
            "name": self.name,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        return cls(_span_or_none(d.get("mention")), d.get("entity"), d.get("name"))


@dataclass(frozen=True, slots=True)
class AnchoredDate:
    """When a speech act or event happened.

    ``basis`` is ``"text"`` when the article gives the date (``span`` points to
    it) and ``"publication"`` when the publication date stands in for it.
    """

    value: str
    basis: DateBasis
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "basis": self.basis,
            "span": None if self.span is None else self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> AnchoredDate:
        return cls(d["value"], d["basis"], _span_or_none(d.get("span")))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement.

    ``content`` has one span, or several for a quote split by its attribution
    (in JSON: a single span object, or a list of them). ``mode`` says what is attributed
    (speech, belief, perception, intention); ``source`` is the whole source phrase as
    PolNeAR marks it ("Tom Reed, a spokesman for the harbour board,"), where
    ``speaker.mention`` is the compact phrase the speaker is resolved from; ``within`` is the
    id of the quote whose content holds this one's cue ("X said he believes Y": the belief is
    within the statement).
    """

    id: str
    kind: QuoteKind
    content: tuple[Span, ...]
    cue: Span | None = None
    speaker: Speaker = field(default_factory=Speaker)
    confidence: float = 0.0
    date: AnchoredDate | None = None
    mode: QuoteMode = "speech"
    source: Span | None = None
    within: str | None = None

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    @property
    def content_text(self) -> str:
        return " ".join(s.text for s in self.content)

    def to_dict(self) -> dict[str, Any]:
        content: Any = (
            self.content[0].to_dict()
            if len(self.content) == 1
            else [s.to_dict() for s in self.content]
        )
        return {
            "id": self.id,
            "kind": self.kind,
            "content": content,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": self.speaker.to_dict(),
            "confidence": self.confidence,
            "date": None if self.date is None else self.date.to_dict(),
            "mode": self.mode,
            "source": None if self.source is None else self.source.to_dict(),
            "within": self.within,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        raw = d["content"]
        parts = [raw] if isinstance(raw, Mapping) else list(raw)
        return cls(
            id=d["id"],
            kind=d["kind"],
            content=tuple(Span.from_dict(p) for p in parts),
            cue=_span_or_none(d.get("cue")),
            speaker=Speaker.from_dict(d.get("speaker") or {}),
            confidence=float(d.get("confidence") or 0.0),
            date=None if d.get("date") is None else AnchoredDate.from_dict(d["date"]),
            mode=d.get("mode") or "speech",
            source=_span_or_none(d.get("source")),
            within=d.get("within"),
        )


@dataclass(frozen=True, slots=True)
class FramingItem:
    """A framing device: a scare quote, a quoted title, a loaded term."""

    id: str
    kind: str
    span: Span
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "span": self.span.to_dict(), "note": self.note}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FramingItem:
        return cls(d["id"], d["kind"], Span.from_dict(d["span"]), d.get("note"))


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression normalised to ISO 8601 (``2020-04-22``, ``XXXX-04-22``, ``P28Y``)."""

    id: str
    span: Span
    value: str
    kind: DateKind = "date"
    anchored: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "span": self.span.to_dict(),
            "value": self.value,
            "kind": self.kind,
            "anchored": self.anchored,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DateRef:
        return cls(d["id"], Span.from_dict(d["span"]), d["value"], d.get("kind", "date"), bool(d.get("anchored")))


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "span": None if self.span is None else self.span.to_dict()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Location:
        return cls(d["name"], d.get("country"), _span_or_none(d.get("span")))


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event between coded actors (entity ids), traceable to its evidence.

    ``evidence`` is the sentence or clause that states it; ``more_evidence``
    holds the other places the same event is mentioned in the article.
    """

    id: str
    type: str
    trigger: Span
    evidence: Span
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    quote: str | None = None
    date: AnchoredDate | None = None
    location: Location | None = None
    polarity: str = "asserted"
    modality: str = "actual"
    confidence: float = 0.0
    more_evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": list(self.source),
            "target": list(self.target),
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "more_evidence": [s.to_dict() for s in self.more_evidence],
            "quote": self.quote,
            "date": None if self.date is None else self.date.to_dict(),
            "location": None if self.location is None else self.location.to_dict(),
            "polarity": self.polarity,
            "modality": self.modality,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            trigger=Span.from_dict(d["trigger"]),
            evidence=Span.from_dict(d["evidence"]),
            source=tuple(d.get("source", ())),
            target=tuple(d.get("target", ())),
            mode=d.get("mode"),
            context=tuple(d.get("context") or ()),
            cameo=d.get("cameo"),
            quad_class=d.get("quad_class"),
            goldstein=d.get("goldstein"),
            quote=d.get("quote"),
            date=None if d.get("date") is None else AnchoredDate.from_dict(d["date"]),
            location=None if d.get("location") is None else Location.from_dict(d["location"]),
            polarity=d.get("polarity", "asserted"),
            modality=d.get("modality", "actual"),
            confidence=float(d.get("confidence") or 0.0),
            more_evidence=tuple(Span.from_dict(s) for s in d.get("more_evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class Flag:
    """Two (or more) claims that contradict each other or the knowledge base."""

    id: str
    kind: str
    reason: str
    spans: tuple[Span, ...]
    entities: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "reason": self.reason,
            "spans": [s.to_dict() for s in self.spans],
            "entities": list(self.entities),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Flag:
        return cls(d["id"], d["kind"], d["reason"], tuple(Span.from_dict(s) for s in d["spans"]), tuple(d.get("entities", ())))


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything newsgraph found in one article: the ``newsgraph/1`` document."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    framing: tuple[FramingItem, ...] = ()
    dates: tuple[DateRef, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()
    warnings: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "author": self.author,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "framing": [f.to_dict() for f in self.framing],
            "dates": [d.to_dict() for d in self.dates],
            "events": [v.to_dict() for v in self.events],
            "flags": [x.to_dict() for x in self.flags],
            "warnings": list(self.warnings),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Analysis:
        schema = d.get("schema")
        if schema != SCHEMA:
            from newsgraph.errors import InputError

            raise InputError(f"unsupported document schema {schema!r} (expected {SCHEMA!r})")
        return cls(
            id=d["id"],
            text=d["text"],
            published=d.get("published"),
            title=d.get("title"),
            url=d.get("url"),
            author=d.get("author"),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            framing=tuple(FramingItem.from_dict(f) for f in d.get("framing", ())),
            dates=tuple(DateRef.from_dict(x) for x in d.get("dates", ())),
            events=tuple(Event.from_dict(v) for v in d.get("events", ())),
            flags=tuple(Flag.from_dict(x) for x in d.get("flags", ())),
            warnings=tuple(d.get("warnings", ())),
            meta=dict(d.get("meta") or {}),
        )


def iter_spans(obj: Any) -> Iterator[Mapping[str, Any]]:
    """Yield every span-shaped mapping (``start``, ``end``, ``text``) inside a JSON document."""
    if isinstance(obj, Mapping):
        if {"start", "end", "text"} <= obj.keys():
            yield obj
        for value in obj.values():
            yield from iter_spans(value)
    elif isinstance(obj, Sequence) and not isinstance(obj, (str, bytes)):
        for value in obj:
            yield from iter_spans(value)


def check_spans(document: Mapping[str, Any]) -> list[str]:
    """Return a description of every span whose text is not ``document['text'][start:end]``."""
    text = document["text"]
    bad = []
    for span in iter_spans({k: v for k, v in document.items() if k != "text"}):
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(text)) or text[start:end] != span["text"]:
            bad.append(f"span {start}:{end} {span['text']!r} does not match the article text")
    return bad
