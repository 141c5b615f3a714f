"""An invented seed-like article: statements, a letter, a rejected ballot, a list of states."""

from __future__ import annotations

from newsgraph.document import ParsedDocument
from newsgraph.entities import extract_entities
from newsgraph.events import extract_events
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, AnchoredDate, Event, Quote, Span, Speaker

TEXT = (
    "By Lena Varga\n\n"
    "Head of the Dniester Farmers Union Ion Popescu has described as \u201creckless\u201d a note in which "
    "several US senators praised the disputed ballot in Transnistria.\n\n"
    "US Representatives John Smith, Mary Jones, and Bob Brown earlier congratulated the breakaway authorities in "
    "Transnistria on organising the ballot in Transnistria.\n\n"
    "\u201cPraising such a ballot is reckless,\u201d Popescu noted in a letter to Congress "
    "on April 21.\n\n"
    "Popescu urged those US senators to back a negotiated settlement of the dispute.\n\n"
    "Last week the OSCE also rejected the so-called ballot.\n\n"
    "Meanwhile, France, Germany and Turkey, as well as the EU and NATO, reaffirmed their support for "
    "Moldova\u2019s sovereignty and condemned the ballot in Transnistria."
)


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    return [e.name for i in ids for e in a.entities if e.id == i]


def _by_trigger(a: Analysis, word: str) -> Event:
    found = [e for e in a.events if e.trigger.text == word]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in a.events]
    return found[0]


def test_events_seedlike_statements_and_letters(analyzer: Analyzer) -> None:
    a = analyzer(TEXT, published="2020-04-23")
    accuse = _by_trigger(a, "described")
    assert accuse.type == "ACCUSE"
    assert any("Popescu" in n for n in _names(a, accuse.source))
    assert any("senators" in n or "Representatives" in n for n in _names(a, accuse.target))
    # the lead sentence's statement is the letter dated April 21 further down
    assert accuse.date is not None and accuse.date.value == "2020-04-21"

    support = _by_trigger(a, "congratulated")
    # "the breakaway authorities in Transnistria": the authorities, with the place's country
    assert support.type == "SUPPORT" and _names(a, support.target) == ["the breakaway authorities"]
    authorities = next(e for e in a.entities if e.id == support.target[0])
    place = next(e for e in a.entities if e.name == "Transnistria")
    assert authorities.actor is not None and place.actor is not None
    assert authorities.actor.country == place.actor.country is not None

    request = _by_trigger(a, "urged")
    assert request.type == "REQUEST" and any("Popescu" in n for n in _names(a, request.source))


def test_events_seedlike_rejected_elections_target_their_holders(analyzer: Analyzer) -> None:
    a = analyzer(TEXT, published="2020-04-23")
    reject = _by_trigger(a, "rejected")
    assert reject.type == "REJECT" and _names(a, reject.source) == ["OSCE"]
    assert _names(a, reject.target) == ["Transnistria"]
    assert not [e for e in a.events if e.trigger.text == "noted"]


def test_events_seedlike_listed_states_are_one_event_each(analyzer: Analyzer) -> None:
    a = analyzer(TEXT, published="2020-04-23")
    support = _by_trigger(a, "support")
    condemn = _by_trigger(a, "condemned")
    listed = {"France", "Germany", "Turkey", "EU", "NATO"}
    assert listed <= set(_names(a, support.source)) and listed <= set(_names(a, condemn.source))
    assert _names(a, support.target) == ["Moldova"]
    assert condemn.type == "ACCUSE" and _names(a, condemn.target) == ["Transnistria"]


def test_events_seedlike_lead_takes_the_date_of_the_speakers_dated_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "France has criticized Germany.\n\nGermany is wrong, France said."
    parsed: ParsedDocument = parse_text(text)
    index = extract_entities(parsed)
    france = next(e for e in index.entities if e.name == "France")
    start = text.index("Germany is")
    quote = Quote(
        id="Q1",
        kind="indirect",
        content=(Span.of(text, start, start + len("Germany is wrong")),),
        cue=Span.of(text, text.index("said"), text.index("said") + 4),
        speaker=Speaker(entity=france.id, name="France"),
        date=AnchoredDate("2019-01-02", "text", None),
    )
    events = extract_events(parsed, index.entities, [quote], [])
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.date == AnchoredDate("2019-01-02", "text", None)
