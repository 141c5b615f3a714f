"""The one schema definition of the stores: tables, columns, types and descriptions.

SQLite DDL (``newsgraph.store.sqlite``), the Arrow schemas of the Parquet
store (``newsgraph.store.parquet``), the datasette metadata
(``data/datasette/metadata.json``) and the README's schema table are all
generated from ``TABLES``. Rows come from ``newsgraph.store.rows.rows_from_document``,
which reads an ``Analysis.to_dict()`` document and nothing else, so the JSON document,
the SQLite rows and the Parquet rows cannot drift apart.

Identifiers. Record ids in a document are local to one article (``E1``,
``Q1``); in the stores every row id is global: ``<article id>:<local id>``
(``3f2a...:E1``), mentions add their position (``3f2a...:E1:M2``). Every
row carries ``article_id``, so any table can be joined to ``articles`` (and
the Parquet store partitions every table by the article's publication month).

Lists of codes (``actor_sector``, ``context``, ``source_actors``) are
comma-joined strings; lists of spans and of ids are JSON text: flat columns
that SQLite, DuckDB, pandas and Spark all read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["TEXT", "INTEGER", "REAL", "BOOLEAN", "BLOB"]

#: Bumped whenever a table or column changes; ``newsgraph.store.sqlite``
#: refuses (or migrates) files written with another version.
SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    description: str
    not_null: bool = False
    #: ``"table.column"`` this column points to (a foreign key in SQLite).
    references: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ("id",)
    #: Column tuples to index (beyond the primary key).
    indexes: tuple[tuple[str, ...], ...] = ()
    #: False for tables that only the batch runner needs (not exported to Parquet).
    export: bool = True
    #: datasette: the column shown for a row when another table links to it.
    label_column: str | None = None
    #: SQLite: store rows in the primary-key B-tree instead of a rowid table.
    #: Off everywhere: measured on 840 PolNeAR articles, the file grew from 59
    #: to 68 MB, as rows arrive in random key order (hash ids) and half-fill pages;
    #: and newsgraph.api reads records in insertion (rowid) order.
    without_rowid: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _span_columns(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_start", "INTEGER", f"{what}: start offset in the article text"),
        Column(f"{prefix}_end", "INTEGER", f"{what}: end offset in the article text"),
        Column(f"{prefix}_text", "TEXT", f"{what}: the text, always articles.text[start:end]"),
    )


def _date_columns(what: str) -> tuple[Column, ...]:
    return (
        Column("date_value", "TEXT", f"when the {what} happened, ISO 8601 (may be partial: XXXX-04-22)"),
        Column("date_basis", "TEXT", "'text' when the article states the date, 'publication' when the publication date stands in"),
        Column("date_start", "INTEGER", "start offset of the date expression (basis 'text')"),
        Column("date_end", "INTEGER", "end offset of the date expression"),
    )


_ARTICLE_ID = Column("article_id", "TEXT", "the article this row belongs to", not_null=True, references="articles.id")

TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        "One row per analysed article (a newsgraph/1 document without its record lists).",
        (
            Column("id", "TEXT", "stable article id: the id given in the input, else the first 16 hex digits of SHA-256(text)", not_null=True),
            Column("published", "TEXT", "publication date, YYYY-MM-DD"),
            Column("title", "TEXT", "headline"),
            Column("url", "TEXT", "address the article was read from"),
            Column("author", "TEXT", "byline"),
            Column("source", "TEXT", "input location it was read from (file, file:line, file@offset)"),
            Column("cluster", "TEXT", "wire-copy cluster: id of the earliest article of its near-duplicate group (its own id when unique)"),
            Column("n_chars", "INTEGER", "length of the text in characters"),
            Column("n_entities", "INTEGER", "number of entities found"),
            Column("n_quotes", "INTEGER", "number of quotes found"),
            Column("n_events", "INTEGER", "number of events found"),
            Column("warnings", "TEXT", "JSON list of analysis warnings"),
            Column("meta", "TEXT", "JSON object: newsgraph version and spaCy model that produced the analysis"),
            Column("text", "TEXT", "the article text every offset indexes"),
        ),
        indexes=(("published",), ("cluster",)),
        label_column="title",
    ),
    Table(
        "entities",
        "Real-world referents of an article (people, organisations, places, groups) with their actor codes.",
        (
            Column("id", "TEXT", "<article id>:<local entity id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "entity id inside the article's document (E1, E2 ...)"),
            Column("name", "TEXT", "canonical name"),
            Column("kind", "TEXT", "person, organization, place or group"),
            Column("actor_code", "TEXT", "CAMEO-style composite actor code (USALEG, IGOEUR ...)"),
            Column("actor_country", "TEXT", "ISO 3166-1 alpha-3 country of the actor"),
            Column("actor_sector", "TEXT", "comma-joined PLOVER/CAMEO sector codes (GOV,LEG ...)"),
            Column("actor_igo", "TEXT", "knowledge-base id of an intergovernmental organisation"),
            Column("actor_wikidata", "TEXT", "Wikidata QID"),
            Column("actor_confidence", "REAL", "confidence of the actor coding (0-1)"),
            Column("actor_note", "TEXT", "why the actor was coded so"),
            Column("n_mentions", "INTEGER", "number of mentions in the article"),
            Column("roles", "TEXT", "JSON list of role/title spans attached to the entity"),
            Column("members", "TEXT", "JSON list of entity ids (global) a group entity is made of"),
        ),
        indexes=(("article_id",), ("actor_code",), ("name",)),
        label_column="name",
    ),
    Table(
        "mentions",
        "Every place an entity is referred to: names, pronouns, descriptions.",
        (
            Column("id", "TEXT", "<entity id>:M<n>", not_null=True),
            _ARTICLE_ID,
            Column("entity_id", "TEXT", "the entity referred to", not_null=True, references="entities.id"),
            Column("span_start", "INTEGER", "start offset in the article text"),
            Column("span_end", "INTEGER", "end offset in the article text"),
            Column("text", "TEXT", "the mention, always articles.text[span_start:span_end]"),
            Column("kind", "TEXT", "name, pronoun or nominal"),
        ),
        indexes=(("entity_id",), ("article_id",)),
        label_column="text",
    ),
    Table(
        "quotes",
        "Quotations and reported statements with their speaker and cue.",
        (
            Column("id", "TEXT", "<article id>:<local quote id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "quote id inside the document (Q1 ...)"),
            Column("kind", "TEXT", "direct, indirect or mixed"),
            Column("mode", "TEXT", "what is attributed: speech, belief, perception or intention"),
            Column("text", "TEXT", "the quoted content (parts of a split quote joined by a space)"),
            Column("span_start", "INTEGER", "start of the first content span"),
            Column("span_end", "INTEGER", "end of the last content span"),
            Column("content_spans", "TEXT", "JSON list of [start, end] content spans (several when the attribution splits the quote)"),
            Column("speaker_entity_id", "TEXT", "entity the quote is attributed to", references="entities.id"),
            Column("speaker_name", "TEXT", "speaker's name as resolved"),
            *_span_columns("speaker", "speaker mention"),
            *_span_columns("cue", "speech verb or cue (said, according to ...)"),
            *_span_columns("source", "whole source phrase (PolNeAR's Source)"),
            Column("within_id", "TEXT", "the quote whose content holds this one (a nested attribution)"),
            Column("confidence", "REAL", "attribution confidence (0-1)"),
            *_date_columns("statement"),
        ),
        indexes=(("article_id",), ("speaker_entity_id",), ("speaker_name",)),
        label_column="text",
    ),
    Table(
        "framing",
        "Framing devices: scare quotes, quoted titles, loaded terms.",
        (
            Column("id", "TEXT", "<article id>:<local framing id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "framing id inside the document (F1 ...)"),
            Column("kind", "TEXT", "kind of framing device"),
            Column("span_start", "INTEGER", "start offset"),
            Column("span_end", "INTEGER", "end offset"),
            Column("text", "TEXT", "the framed text"),
            Column("note", "TEXT", "explanation"),
        ),
        indexes=(("article_id",),),
        label_column="text",
    ),
    Table(
        "dates",
        "Date expressions normalised to ISO 8601.",
        (
            Column("id", "TEXT", "<article id>:<local date id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "date id inside the document (D1 ...)"),
            Column("span_start", "INTEGER", "start offset"),
            Column("span_end", "INTEGER", "end offset"),
            Column("text", "TEXT", "the date expression"),
            Column("value", "TEXT", "ISO 8601 value (2020-04-22, XXXX-04-22, P28Y)"),
            Column("kind", "TEXT", "date, duration or set"),
            Column("anchored", "BOOLEAN", "resolved against the publication date"),
        ),
        indexes=(("article_id",), ("value",)),
        label_column="text",
    ),
    Table(
        "events",
        "PLOVER events between coded actors, with their evidence. Compound actors are listed in event_actors.",
        (
            Column("id", "TEXT", "<article id>:<local event id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "event id inside the document (V1 ...)"),
            Column("type", "TEXT", "PLOVER event type (CONSULT, ACCUSE, ASSAULT ...)"),
            Column("mode", "TEXT", "PLOVER mode"),
            Column("context", "TEXT", "comma-joined PLOVER contexts"),
            Column("cameo", "TEXT", "CAMEO event code"),
            Column("quad_class", "INTEGER", "CAMEO quad class (1-4)"),
            Column("goldstein", "REAL", "Goldstein scale value"),
            Column("source_actors", "TEXT", "comma-joined actor codes of the source entities (the dyad's first half)"),
            Column("target_actors", "TEXT", "comma-joined actor codes of the target entities"),
            *_span_columns("trigger", "trigger word(s)"),
            *_span_columns("evidence", "sentence or clause stating the event"),
            Column("more_evidence", "TEXT", "JSON list of other spans that mention the same event"),
            Column("quote_id", "TEXT", "the quote the event is reported in, if any", references="quotes.id"),
            *_date_columns("event"),
            Column("location_name", "TEXT", "where it happened"),
            Column("location_country", "TEXT", "ISO 3166-1 alpha-3 country of the location"),
            Column("location_start", "INTEGER", "start offset of the location mention"),
            Column("location_end", "INTEGER", "end offset of the location mention"),
            Column("polarity", "TEXT", "asserted or negated"),
            Column("modality", "TEXT", "actual, hypothetical, future ..."),
            Column("confidence", "REAL", "confidence (0-1)"),
        ),
        indexes=(("article_id",), ("type", "date_value"), ("source_actors", "target_actors"), ("date_value",)),
        label_column="trigger_text",
    ),
    Table(
        "event_actors",
        "Link table: the entities on each side of an event (several for compound actors).",
        (
            Column("event_id", "TEXT", "the event", not_null=True, references="events.id"),
            Column("role", "TEXT", "'source' or 'target'", not_null=True),
            Column("position", "INTEGER", "order of the entity on its side (0-based)", not_null=True),
            _ARTICLE_ID,
            Column("entity_id", "TEXT", "the entity", not_null=True, references="entities.id"),
            Column("actor_code", "TEXT", "the entity's actor code (copied for dyad queries without a join)"),
        ),
        primary_key=("event_id", "role", "position"),
        indexes=(("entity_id",), ("actor_code", "role"), ("article_id",)),
    ),
    Table(
        "flags",
        "Claims that contradict each other or the knowledge base.",
        (
            Column("id", "TEXT", "<article id>:<local flag id>", not_null=True),
            _ARTICLE_ID,
            Column("local_id", "TEXT", "flag id inside the document (X1 ...)"),
            Column("kind", "TEXT", "kind of contradiction"),
            Column("reason", "TEXT", "explanation"),
            Column("spans", "TEXT", "JSON list of the conflicting spans"),
            Column("entities", "TEXT", "JSON list of the entity ids (global) involved"),
        ),
        indexes=(("article_id",), ("kind",)),
        label_column="reason",
    ),
    Table(
        "failures",
        "Inputs that could not be read or analysed; a rerun retries them.",
        (
            Column("source", "TEXT", "input location (file, file:line, file@offset)", not_null=True),
            Column("article_id", "TEXT", "article id when it was known"),
            Column("error_type", "TEXT", "exception class (InputError, TooLargeError, ...)"),
            Column("message", "TEXT", "what went wrong"),
        ),
        primary_key=("source",),
        indexes=(("error_type",),),
        export=False,
    ),
    Table(
        "signatures",
        "MinHash signatures for wire-copy clustering (internal to the batch runner).",
        (
            Column("article_id", "TEXT", "the article", not_null=True, references="articles.id"),
            Column("minhash", "BLOB", "MinHash signature (uint32 little-endian)"),
        ),
        primary_key=("article_id",),
        export=False,
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
#: Tables written to Parquet, in dependency order.
EXPORT_TABLES: tuple[str, ...] = tuple(t.name for t in TABLES if t.export)
#: Run tables, not rows of one document, that ``newsgraph batch --parquet`` writes too:
#: ``failures`` unpartitioned (no article, no month: as the Spark job writes it),
#: ``signatures`` by the month of their article.
RUN_TABLES: tuple[str, ...] = ("failures", "signatures")
#: Tables whose rows ``rows.rows_from_document`` builds from one document.
DOCUMENT_TABLES: tuple[str, ...] = (
    "articles", "entities", "mentions", "quotes", "framing", "dates", "events", "event_actors", "flags",
)


def datasette_metadata(database: str = "newsgraph") -> dict[str, Any]:
    """datasette metadata (titles, descriptions, label columns) for a store named ``database``."""
    tables: dict[str, Any] = {}
    for t in TABLES:
        entry: dict[str, Any] = {
            "description": t.description,
            "columns": {c.name: c.description for c in t.columns},
        }
        if t.label_column:
            entry["label_column"] = t.label_column
        if t.name == "signatures":
            entry["hidden"] = True
        if t.name == "articles":
            entry["sort_desc"] = "published"
        tables[t.name] = entry
    return {
        "title": "newsgraph",
        "description": "Quotes, actors, PLOVER events, dates and framing extracted from news articles by newsgraph. "
        "Every span is a pair of character offsets into articles.text.",
        "databases": {database: {"tables": tables}},
    }


def schema_markdown() -> str:
    """The schema as Markdown (the table in docs/batch.md and the README, checked by a test)."""
    lines = []
    for t in TABLES:
        key = ", ".join(t.primary_key)
        if t.export:
            where = "SQLite and Parquet"
        elif t.name == "failures":
            where = "SQLite; Parquet from `batch --parquet` and Spark, not partitioned"
        elif t.name in RUN_TABLES:
            where = "SQLite; Parquet from `batch --parquet`"
        else:
            where = "SQLite only"
        lines.append(f"**{t.name}** ({where}; key: {key}): {t.description}")
        lines.append("")
        lines.append("| column | type | description |")
        lines.append("| --- | --- | --- |")
        for c in t.columns:
            ref = f" → {c.references}" if c.references else ""
            lines.append(f"| {c.name} | {c.type}{ref} | {c.description.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)


__all__ = [
    "Column",
    "DOCUMENT_TABLES",
    "EXPORT_TABLES",
    "RUN_TABLES",
    "SCHEMA_VERSION",
    "TABLES",
    "TABLES_BY_NAME",
    "Table",
    "datasette_metadata",
    "schema_markdown",
]
