"""Per-person codes over the whole article: candidates, campaigns, short names, bare institutions."""

from __future__ import annotations

from newsgraph.actors.candidacy import same_person_codes
from newsgraph.records import Actor, Analysis, Entity, Mention


def _entity(result: Analysis, name: str) -> Entity:
    return next(e for e in result.entities if e.name == name)


def test_a_candidate_title_makes_a_party_actor_whatever_the_article(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON - Republican nominee Dana Whitfield toured a steel plant on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Whitfield").actor
    assert actor is not None and actor.code == "USAPTY"
    assert "candidate" in (actor.note or "")


def test_a_former_office_holder_with_her_own_campaign_is_a_candidate(analyzer) -> None:  # type: ignore[no-untyped-def]
    # no campaign word of the article's own, no "Clinton campaign": the possessive pronoun decides
    text = "Hillary Clinton and her campaign raised more money in Ohio on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Hillary Clinton").actor
    assert actor is not None and actor.code == "USAPTY"


def test_a_campaign_is_a_party_actor_of_its_candidates_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Hillary Clinton's campaign asked the network for another moderator on Monday."
    result = analyzer(text, published="2016-09-20")
    campaign = next(e for e in result.entities if e.kind == "organization" and "campaign" in e.name.lower())
    assert campaign.actor is not None and campaign.actor.code == "USAPTY"


def test_a_bare_institution_takes_the_articles_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON - The Supreme Court rejected the appeal on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Supreme Court").actor
    assert actor is not None and actor.code == "USAJUD"
    assert "country from the article" in (actor.note or "")


def test_an_abbreviated_senator_title_gives_the_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON - Sen. Dana Whitfield criticized the plan on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Whitfield").actor
    assert actor is not None and actor.code == "USALEG"


def test_a_full_name_unknown_to_the_knowledge_base_is_not_its_surnames_office_holders(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "CHARLOTTE, N.C. - Police said Dana Rae Scott was stopped on Monday. Scott was released."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Rae Scott").actor
    assert actor is not None and actor.code == "USACVL"


def test_a_short_name_takes_the_code_of_the_fuller_name() -> None:
    full = Entity("E1", "Ana Ruiz Prado", "person", (Mention(0, 14, "Ana Ruiz Prado", "name"),))
    short = Entity("E2", "Ruiz Prado", "person", (Mention(40, 50, "Ruiz Prado", "name"),))
    other = Entity("E3", "Prado", "person", (Mention(60, 65, "Prado", "name"),))
    actors = {"E1": Actor(code="MEXGOV", country="MEX", sector=("GOV",)), "E2": Actor(), "E3": Actor()}
    out = same_person_codes([full, short, other], actors)
    assert out["E2"].code == "MEXGOV" and "Ana Ruiz Prado" in (out["E2"].note or "")
    assert out["E3"].code == "MEXGOV"
    # two fuller names of different codes: whose the surname is stays open
    rival = Entity("E4", "Luis Prado", "person", (Mention(70, 80, "Luis Prado", "name"),))
    actors["E4"] = Actor(code="ESPGOV", country="ESP", sector=("GOV",))
    out = same_person_codes([full, short, other, rival], actors)
    assert out["E3"].code is None and out["E2"].code == "MEXGOV"


def test_campaign_staff_are_party_actors(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON - Dana Whitfield, the chairman of the Republican presidential campaign, spoke on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Whitfield").actor
    assert actor is not None and actor.code == "USAPTY"
    # a former campaign post is not a party post today
    text = "WASHINGTON - Dana Whitfield, a former campaign chairman, spoke on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Whitfield").actor
    assert actor is not None and actor.sector != ("PTY",)


def test_an_abbreviated_representative_title_gives_the_sector(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON - Rep. Dana Whitfield criticized the plan on Monday."
    actor = _entity(analyzer(text, published="2016-09-20"), "Dana Whitfield").actor
    assert actor is not None and actor.code == "USALEG"


def test_a_former_office_holder_named_with_a_candidate_is_a_candidate(analyzer) -> None:  # type: ignore[no-untyped-def]
    # before her nomination (no candidacy of the knowledge base's yet), Trump's office within a year
    text = "Donald Trump and Hillary Clinton courted voters in Ohio on Monday."
    result = analyzer(text, published="2016-06-01")
    clinton = _entity(result, "Hillary Clinton").actor
    assert clinton is not None and clinton.code == "USAPTY"
    assert "named with the candidate" in (clinton.note or "")
    # not in an article about a campaign: nothing makes either a candidate
    result = analyzer("Donald Trump and Hillary Clinton attended a wedding in Ohio on Monday.", published="2016-06-01")
    clinton = _entity(result, "Hillary Clinton").actor
    assert clinton is not None and clinton.code == "USAELI"


def test_a_knowledge_base_candidacy_counts_in_an_article_about_a_campaign() -> None:
    from datetime import date

    from newsgraph.actors.defaults import candidate_role, role_on
    from newsgraph.kb import Person, Role

    minister = Role("Foreign Minister of Ruritania", "RUR", "GOV", date(2010, 1, 1), date(2014, 1, 1))
    nominee = Role("Green nominee for President of Ruritania", "RUR", "PTY", date(2019, 5, 1), date(2019, 9, 1))
    p = Person("Ida Marek", country="RUR", roles=(minister, nominee))
    day = date(2019, 6, 1)
    # the candidacy is no office: without a campaign in the article, a former minister
    role = role_on(p, day)
    assert role is not None and role.sector == "ELI"
    assert candidate_role(p, day, "Marek opened a bridge in the capital.") is None
    role = candidate_role(p, day, "Marek told voters the election was hers to lose.")
    assert role is not None and (role.country, role.sector) == ("RUR", "PTY")
    assert candidate_role(p, date(2019, 10, 1), "Marek told voters the election was lost.") is None
