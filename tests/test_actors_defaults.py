"""Codes taken by default: offices held on the day only, datelines, the article's country."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors.defaults import FORMER_SECTOR, role_on
from newsgraph.datelines import find_dateline
from newsgraph.kb import Person, Role
from newsgraph.records import Analysis, Entity

_MAYOR = Role("Mayor of Ostrava", "CZE", "GOV", date(2002, 1, 1), date(2010, 1, 1))
_MINISTER = Role("Foreign Minister of Ruritania", "RUR", "GOV", date(2012, 3, 1), date(2014, 6, 30))
_PRESIDENT = Role("President of Ruritania", "RUR", "GOV", date(2020, 1, 20), None)
_ENVOY = Role("Special Envoy", None, "GOV", date(2005, 1, 1), date(2007, 1, 1), org="UNO")


def _person(*roles: Role, country: str | None = "RUR") -> Person:
    return Person(name="Ida Marek", country=country, roles=roles)


def test_role_on_takes_only_an_office_held_that_day() -> None:
    person = _person(_MINISTER, _PRESIDENT)
    assert role_on(person, date(2013, 1, 1)) == _MINISTER
    assert role_on(person, date(2021, 5, 5)) == _PRESIDENT


def test_role_on_a_former_office_holder_is_an_elite_of_that_country() -> None:
    person = _person(_MAYOR, _MINISTER, _PRESIDENT)
    role = role_on(person, date(2016, 9, 20))  # between the ministry and the presidency
    assert role is not None
    assert (role.country, role.sector, role.org) == ("RUR", FORMER_SECTOR, None)
    assert "Foreign Minister of Ruritania" in role.office and "former" in role.office
    # the last office ended, not the first: the mayoralty of another country is older
    assert role_on(_person(_MAYOR), date(2011, 1, 1)).country == "CZE"  # type: ignore[union-attr]


def test_role_on_a_future_office_gives_nothing() -> None:
    assert role_on(_person(_PRESIDENT), date(2016, 9, 20)) is None


def test_role_on_a_former_igo_post_of_no_country_gives_nothing() -> None:
    assert role_on(_person(_ENVOY, country=None), date(2016, 1, 1)) is None
    # a person of a known country keeps it, as an elite
    role = role_on(_person(_ENVOY), date(2016, 1, 1))
    assert role is not None and (role.country, role.sector, role.org) == ("RUR", "ELI", None)


def test_role_on_without_a_date_keeps_the_last_role() -> None:
    assert role_on(_person(_MINISTER, _PRESIDENT), None) == _PRESIDENT


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Port deal stalls.\n\nUnions are wary.\n\nGDANSK - Dock workers walked out on Monday.", "GDANSK"),
        ("OSLO (NTB) \u2014 The minister resigned.", "OSLO"),
        ("Valletta, Malta -- Fishermen blocked the harbour.", "Valletta, Malta"),
        ("NEW ORLEANS \u2013 Residents cleaned up.", "NEW ORLEANS"),
    ],
)
def test_dateline_place_is_found(text: str, place: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found[0] : found[1]] == place
    assert text[found[2]].isalpha() and text[found[2] - 1] == " "


@pytest.mark.parametrize(
    "text",
    [
        "Smith - the quiet candidate - wins again.",  # a headline's words, not a place in capitals
        "The vote was close - very close.",
        ("Filler sentence. " * 50) + "\nGDANSK - Dock workers walked out.",  # too far into the text
    ],
)
def test_no_dateline_in_ordinary_lines(text: str) -> None:
    assert find_dateline(text) is None


def _entity(result: Analysis, fragment: str) -> Entity:
    for e in result.entities:
        if fragment in e.name:
            return e
    raise AssertionError(f"no entity like {fragment!r} in {[e.name for e in result.entities]}")


def test_dateline_is_a_sentence_of_its_own_not_the_subject(analyzer, parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Harbour fees rise.\n\nGDANSK - Polish dock workers protested against the new fees on Monday."
    parsed = parse_text(text)
    body = text.index("Polish")
    assert any(s.start_char == body for s in parsed.sentences)
    result = analyzer(text, published="2019-05-06")
    protests = [e for e in result.events if e.type == "PROTEST"]
    assert protests
    by_id = {e.id: e for e in result.entities}
    for ev in protests:
        names = [by_id[i].name for i in ev.source]
        assert names and not any("GDANSK" in n for n in names)


_US_ARTICLE = (
    "Senators spar over the budget.\n\n"
    "Senator Bernie Sanders met President Barack Obama at the White House on Tuesday. "
    "The Congress in Washington debated the bill for hours. "
    "Residents protested outside the courthouse, and a retired nurse, Margit Vellander, "
    "said the administration had ignored them. "
    "The campaign denied the report. Tomas Brenner said he would vote anyway."
)


def test_article_country_fills_role_nouns_and_private_people(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = analyzer(_US_ARTICLE, published="2015-06-10")
    residents = _entity(result, "Residents").actor
    assert residents is not None and residents.country == "USA"
    assert residents.note and residents.note.startswith("country from the article")
    nurse = _entity(result, "Vellander").actor  # the role gives the sector
    assert nurse is not None and nurse.code == "USAHLH"
    private = _entity(result, "Brenner").actor  # no role: a civilian
    assert private is not None and private.code == "USACVL"
    admin = _entity(result, "administration").actor
    assert admin is not None and admin.code == "USAGOV"


def test_article_without_a_dominant_country_gives_none(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks resume.\n\nFrance and Germany met Italy and Spain in Brussels on Tuesday. "
        "Residents protested outside the hall. Poland and Austria sent observers. "
        "Margit Vellander said the talks had failed."
    )
    result = analyzer(text, published="2015-06-10")
    assert _entity(result, "Residents").actor.country is None  # type: ignore[union-attr]
    assert _entity(result, "Vellander").actor.code is None  # type: ignore[union-attr]


def test_article_country_never_codes_an_unknown_organisation_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = _US_ARTICLE + " Zorblax Quuxwerk said it would appeal."
    result = analyzer(text, published="2015-06-10")
    for e in result.entities:
        if "Zorblax" in e.name and e.kind == "organization":
            assert e.actor is not None and e.actor.code is None


def test_article_country_with_an_unknown_title_gives_the_country_alone(analyzer) -> None:  # type: ignore[no-untyped-def]
    result = analyzer(
        _US_ARTICLE + " Later, Officer Jana Kowerski, who arrested two men, was praised.",
        published="2015-06-10",
    )
    officer = _entity(result, "Kowerski").actor
    assert officer is not None and officer.country == "USA" and "CVL" not in officer.sector


def test_candidates_are_not_coded_with_a_later_or_ended_office(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Donald Trump criticized Hillary Clinton over trade in Ohio on Tuesday."
    result = analyzer(text, published="2016-09-20")
    trump = _entity(result, "Trump").actor
    clinton = _entity(result, "Hillary Clinton").actor
    assert trump is not None and trump.country == "USA" and "GOV" not in trump.sector
    assert clinton is not None and clinton.code == "USAELI"
    # on a day in office, the office
    later = _entity(analyzer(text, published="2018-03-01"), "Trump").actor
    assert later is not None and later.code == "USAGOV"


def test_actors_candidate_before_the_office_is_a_party_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    # no office on the day, the first one within a year, an article about a campaign: a candidate
    text = "Donald Trump spoke to voters at a campaign rally in Ohio on Monday."
    a = analyzer(text, published="2016-09-20")
    trump = next(e for e in a.entities if e.name == "Donald Trump")
    assert trump.actor is not None and trump.actor.code == "USAPTY"
    assert "candidate" in (trump.actor.note or "")
    # the same words two years before the office: no candidacy is known
    b = analyzer(text, published="2014-09-20")
    trump = next(e for e in b.entities if e.name == "Donald Trump")
    assert trump.actor is not None and trump.actor.sector != ("PTY",)
    # in office on the day: the office
    c = analyzer(text, published="2018-09-20")
    trump = next(e for e in c.entities if e.name == "Donald Trump")
    assert trump.actor is not None and trump.actor.code == "USAGOV"


def test_actors_former_office_holder_with_a_campaign_is_a_candidate(analyzer) -> None:  # type: ignore[no-untyped-def]
    a = analyzer(
        "Hillary Clinton spoke in Ohio on Monday. The Clinton campaign said it raised more money.",
        published="2016-09-20",
    )
    clinton = next(e for e in a.entities if e.name == "Hillary Clinton")
    assert clinton.actor is not None and clinton.actor.code == "USAPTY"
    # without a campaign of hers she is a former office holder, an elite
    b = analyzer("Hillary Clinton spoke in Ohio on Monday.", published="2016-09-20")
    clinton = next(e for e in b.entities if e.name == "Hillary Clinton")
    assert clinton.actor is not None and clinton.actor.code == "USAELI"
    # another person of the surname in the article: whose campaign it is stays open (before her
    # nomination, which the knowledge base dates: no candidacy of its own then)
    c = analyzer(
        "Hillary Clinton spoke in Ohio on Monday. Bill Clinton said the Clinton campaign raised more money.",
        published="2016-06-01",
    )
    clinton = next(e for e in c.entities if e.name == "Hillary Clinton")
    assert clinton.actor is not None and clinton.actor.code == "USAELI"


def test_actors_candidate_role_unit() -> None:
    from newsgraph.actors.defaults import candidate_role

    p = Person("Anna Varga", country="RUR", roles=(_PRESIDENT,))
    campaign = "Varga told voters in the capital that the election was hers to lose."
    role = candidate_role(p, date(2019, 6, 1), campaign)
    assert role is not None and role.sector == "PTY" and role.country == "RUR"
    assert candidate_role(p, date(2019, 6, 1), "Varga opened a bridge in the capital.") is None
    assert candidate_role(p, date(2017, 6, 1), campaign) is None  # the office is years away
    assert candidate_role(p, date(2021, 6, 1), campaign) is None  # in office: the office decides
    # a former minister whose campaign the article names
    q = Person("Ivo Horak", country="RUR", roles=(_MINISTER,))
    assert candidate_role(q, date(2016, 9, 1), "The Horak campaign raised more money.") is not None
    assert candidate_role(q, date(2016, 9, 1), "Petr Horak said the Horak campaign raised more.") is None
