"""Query values checked before they reach SQL (dates, event types, full-text terms) and the SQL fragments shared by the queries."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.errors import InputError
from newsgraph.events import PLOVER_TYPES

_DATE_FILTER = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: The values ``check_date_filter`` accepts, as one regular expression for the
#: OpenAPI schema: years 0001-9999, months 01-12, the days of each month, and
#: 29 February in leap years only (a test checks that the two agree).
DATE_FILTER_PATTERN = (
    r"^(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2]))?$"
    r"|^(?!0000)\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))$"
    r"|^(?!0000)(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29$"
)
_WORD = re.compile(r"\w+", re.UNICODE)

# When a statement or event happened: its own date when the article gives a
# full one, else the article's publication date.
_QUOTE_WHEN = "(CASE WHEN q.date_value GLOB '[0-9][0-9][0-9][0-9]*' THEN q.date_value ELSE a.published END)"
_EVENT_WHEN = "(CASE WHEN ev.date_value GLOB '[0-9][0-9][0-9][0-9]*' THEN ev.date_value ELSE a.published END)"
_ACTOR_KEY = "COALESCE({t}.actor_code, {t}.name)"

GRANULARITY = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        nxt = self.offset + self.limit
        return {
            "items": self.items,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": nxt if nxt < self.total else None,
        }


def check_date_filter(value: str | None, name: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month or day (or nothing).

    Anything else (``March``, ``2020-13``, ``2020-02-30``) is an ``InputError``
    naming the parameter: a filter that matches nothing because of a typo must
    not look like an empty result.
    """
    if value is None or value == "":
        return None
    if not _DATE_FILTER.match(value):
        raise InputError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(p) for p in (value + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError as exc:
        raise InputError(f"{name} must be a real date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}: {exc}") from exc
    return value


def check_event_type(
    value: str | None, name: str = "type", allowed: Sequence[str] = PLOVER_TYPES
) -> str | None:
    """An event type of ``allowed`` (any case; returned in upper case), or nothing; anything else is an ``InputError``."""
    if value is None or value.strip() == "":
        return None
    wanted = value.strip().upper()
    if wanted not in allowed:
        raise InputError(f"{name} must be an event type ({', '.join(allowed)}), got {value!r}")
    return wanted


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word of ``text`` as a quoted term (all must match).

    User input never reaches FTS5's query syntax (which fails on a stray
    quote or ``AND``), so a search box cannot make a query error.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])


def _local(global_id: str | None, article_id: str) -> str | None:
    if global_id is None:
        return None
    prefix = article_id + ":"
    return global_id[len(prefix) :] if global_id.startswith(prefix) else global_id


def _loads(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _date_filters(when: str, date_from: str | None, date_to: str | None, where: list[str], params: list[Any]) -> None:
    if date_from:
        where.append(f"{when} >= ?")
        params.append(date_from)
    if date_to:
        # "to 2024-03" includes every day of March: compare the same number of characters.
        where.append(f"substr({when}, 1, ?) <= ?")
        params.extend([len(date_to), date_to])



def _actor_match(alias: str, actor: str) -> tuple[str, list[Any]]:
    """Match an actor code, a stored entity id or a name on the entities alias ``alias``."""
    return (
        f"({alias}.actor_code = ? OR {alias}.id = ? OR {alias}.name = ? COLLATE NOCASE)",
        [actor.upper(), actor, actor],
    )


def _like(text: str) -> str:
    """``%text%`` for LIKE with the wildcards in ``text`` escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
