"""Which events are political interactions (issue 11, round 10).

Event coders (PETRARCH, ICEWS, POLECAT) code an event only between actors their
dictionaries code; the PLOVER ontology is one of political events between actors
coded by country and sector. ``political`` keeps a draft event unless both sides
are named and every actor on them is private, with no state, political or
organised actor involved:

* a private actor is one coded only as citizens or business (sectors ``CVL``,
  ``BUS``: private people, family members, firms): "other investors lent the
  company $5 million", "a company secretary met former executives";
* an empty side keeps the event: a citizen's plea or demand with no named
  addressee is mostly made to the state (the police, a government) that the
  argument step did not find, and the judged whole-article events show them real;
* a name or description with no code at all ("ICE", "the Madras High Court",
  "at least four officers") is not taken for private: the sentence sets lose
  real events when such actors count as no one (docs/events.md, round 10);
* a place, a country, an IGO or any other sector is not private;
* material conflict (QuadClass 4: protests, coercion, assaults) stays whoever
  does it: a citizens' protest or an attack is coded.

An event that is not a political interaction is dropped, as an event with no
actor is (``extract``): the record format has no field for it.
"""

from __future__ import annotations

from newsgraph.events.context import Candidate, Context

# sectors of private actors: citizens (and family members) and businesses
PRIVATE_SECTORS = frozenset(("CVL", "BUS"))


def political(ctx: Context, cand: Candidate) -> bool:
    """Whether ``cand`` is a political event between actors a coder would record."""
    if cand.code.quad_class == 4 or not cand.source or not cand.target:
        return True
    return not all(_private(ctx, x) for x in (*cand.source, *cand.target))


def _private(ctx: Context, eid: str) -> bool:
    """A private actor: coded as citizens or business only (no IGO, not a place)."""
    ent = ctx.by_id.get(eid)
    if ent is None or ent.kind == "place" or ent.actor is None:
        return False
    a = ent.actor
    return not a.igo and bool(a.sector) and set(a.sector) <= PRIVATE_SECTORS
