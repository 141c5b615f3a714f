"""Actor codes of the right entity (round 9): sector from an institution, an IGO's role noun,
a party's legislators, and a surname that names somebody else in the knowledge base."""

from __future__ import annotations

from event_helpers import actor_named
from newsgraph.actors import code_phrase
from newsgraph.kb import load_kb

_actor = actor_named


def test_actors_role_noun_without_sector_takes_the_institutions() -> None:
    # "anchor" is no role noun of the sector table: the broadcaster gives the sector
    pc = code_phrase(load_kb(), "CNN anchor")
    assert pc.match is not None and pc.match.country == "USA"
    assert pc.sector == "MED"


def test_actors_role_noun_with_its_own_sector_keeps_it() -> None:
    pc = code_phrase(load_kb(), "CNN correspondent and senator")
    assert pc.sector == "LEG"


def test_actors_igo_body_takes_its_role_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(analyzer, "The U.N. Security Council condemned the attack on Monday.", "U.N. Security Council")
    assert actor.igo is not None
    assert actor.sector == ("GOV",)


def test_actors_party_legislators_are_legislature(analyzer) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(analyzer, "Congressional Republicans criticized the tax plan on Monday.", "Republicans")
    assert actor.code == "USALEG"
    plain = _actor(analyzer, "Republicans criticized the tax plan on Monday.", "Republicans")
    assert plain.code == "USAPTY"


def test_actors_surname_of_another_full_name_is_not_the_kb_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the knowledge base knows a Liberian official called Peabody; the article's Margaret Peabody
    # is somebody else
    text = (
        "Margaret Peabody, a retired teacher, spoke at the school board meeting in Ohio on Monday. "
        "Peabody said the board had ignored the parents for years."
    )
    actor = _actor(analyzer, text, "Margaret Peabody")
    assert actor.country != "LBR"


def _event_actors(analyzer, text: str) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    result = analyzer(text, published="2016-09-20")
    names = {e.id: e.name for e in result.entities}
    return [(ev.type, [names[x] for x in ev.source], [names[x] for x in ev.target]) for ev in result.events]


def test_events_body_in_a_persons_title_is_no_co_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = _event_actors(analyzer, "Senator Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday.")
    targets = [t for _type, _s, t in events]
    assert ["John Stumpf"] in targets
    assert not any("Wells Fargo" in t for t in targets)


def test_events_venue_beside_a_named_party_is_no_target(analyzer) -> None:  # type: ignore[no-untyped-def]
    events = _event_actors(analyzer, "Mr. Pena Nieto invited Mr. Trump to a meeting in Mexico City.")
    assert events and all("Mexico City" not in t for _type, _s, t in events)
    assert any("Trump" in t for _type, _s, t in events)


def test_events_place_alone_stays_the_target(analyzer) -> None:  # type: ignore[no-untyped-def]
    # with nobody else named, the place the act happens in stays (the PLOVER convention)
    events = _event_actors(analyzer, "Government troops shelled villages in Chechnya on Monday.")
    assert any("Chechnya" in t for _type, _s, t in events)
