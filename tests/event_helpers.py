"""Helpers shared by the event and actor tests: the events a test counts as reported (asserted and
actual, as `newsgraph eval` counts them) and the actor code of a named entity."""

from __future__ import annotations

from newsgraph.records import Actor, Analysis, Event


def _is_reported(e: Event) -> bool:
    return e.polarity == "asserted" and e.modality == "actual"


def reported_of_type(a: Analysis, type_: str) -> list[Event]:
    """The reported events of one PLOVER type."""
    return [e for e in a.events if e.type == type_ and _is_reported(e)]


def reported_types(a: Analysis) -> set[str]:
    """The PLOVER types of the reported events."""
    return {e.type for e in a.events if _is_reported(e)}


def reported_codes(a: Analysis) -> dict[str, str]:
    """Type -> CAMEO code of the reported events."""
    return {e.type: e.cameo or "" for e in a.events if _is_reported(e)}


def actor_named(analyzer, text: str, name: str, published: str = "2016-09-20") -> Actor:  # type: ignore[no-untyped-def]
    """The actor code of the entity called exactly ``name`` in ``text``."""
    result = analyzer(text, published=published)
    for e in result.entities:
        if e.name == name:
            assert e.actor is not None
            return e.actor
    raise AssertionError(f"no entity {name!r} in {[e.name for e in result.entities]}")
