"""A country name inside another entity's phrase is the country alone: "US" in
"four US senators" is USA, the group is USA LEG."""

from __future__ import annotations


def test_actors_country_modifier_of_a_group_has_no_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Four US senators criticised the plan. US Senators from the Armed Services Committee - "
        "John Hart, Mary Vance, Lee Ortiz and Ann Cole - wrote to the minister."
    )
    result = analyzer(text)
    us = next(e for e in result.entities if e.name == "US")
    assert (us.actor.code, us.actor.country, us.actor.sector) == ("USA", "USA", ())
    group = next(e for e in result.entities if e.kind == "group" and "senators" in e.name.lower())
    assert group.actor.code == "USALEG"
    assert any(m.text == "Four US senators" for m in group.mentions)


def test_actors_moldovan_ministry_coded_government(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = analyzer("The Moldovan foreign ministry said the vote had no legal force.")
    ministry = next(e for e in result.entities if "ministry" in e.name)
    assert ministry.kind == "organization" and ministry.actor.code == "MDAGOV"
    # the quote stage runs before actor coding and already sees the ministry
    assert result.quotes and result.quotes[0].speaker.entity == ministry.id


def test_actors_coordinated_nationalities_each_make_an_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = analyzer("A spokeswoman warned that US and British forces should escort the trucks.")
    british = next(e for e in result.entities if e.name == "British forces")
    assert british.actor.code == "GBRMIL"
    us = next(e for e in result.entities if e.name == "US")
    assert us.actor.country == "USA"


def test_actors_unnamed_person_coded_from_its_description(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = analyzer("A Chilean judge ordered the arrest of the former minister.")
    judge = next(e for e in result.entities if "judge" in e.name)
    assert judge.kind == "person" and judge.actor.code == "CHLJUD"
