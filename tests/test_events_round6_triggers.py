"""Issue 11 round 6 (trigger reach): dictionary patterns of material acts across their verb
block, agent nouns as copular predicates, money in a noun's "of" phrase (sentences and
dictionary rows invented for newsgraph)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.events.lexicon import data_dir, parse_cameo, parse_petrarch
from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis, Event

_HEAD = "# invented rows\n"


def _dictionary(tmp_path: Path) -> tuple[Path, Path]:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text(
        _HEAD + "verb\tblock\tcameo\torigin\nhalt\tSTOP_\t-\tL1\nfreeze\tSTOP_\t-\tL2\n", encoding="utf-8"
    )
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text(
        _HEAD
        + "block\tpattern\tcameo\tverbs\torigin\n"
        # a material act (172, QuadClass 4) and a verbal one (042 is QuadClass 1), both written for "halt"
        + "STOP_\t+publication\t172\thalt\tL3\n"
        + "STOP_\t+visit\t042\thalt\tL4\n"
        + "STOP_\t@with:warning\t012\thalt\tL5\n"
        + "STOP_\t@for:humanitarian_aid\t073\thalt\tL6\n"
        + "STOP_\t@against:*\t171\thalt\tL7\n",
        encoding="utf-8",
    )
    return verbs, patterns


def _codes(found: dict[tuple[str, str], list], verb: str) -> set[str]:
    return {t.cameo for t in found.get(("verb", verb), [])}


def test_events_petrarch_scope_material_spreads_object_patterns_of_material_acts(tmp_path: Path) -> None:
    verbs, patterns = _dictionary(tmp_path)
    cameo = parse_cameo(data_dir().joinpath("cameo.tsv"))
    named = parse_petrarch(verbs, patterns, cameo, scope="named")
    material = parse_petrarch(verbs, patterns, cameo, scope="material")
    block = parse_petrarch(verbs, patterns, cameo, scope="block")
    assert _codes(named, "halt") == _codes(material, "halt") == {"172", "042", "012", "073", "171"}
    assert _codes(named, "freeze") == set()
    # "froze publication of X" is the same deed; "froze a visit" is not a visit, whatever its verb,
    # and a preposition with any object names no deed of its own
    assert _codes(material, "freeze") == {"172", "073"}
    assert _codes(block, "freeze") == {"172", "042", "012", "073", "171"}
    with pytest.raises(ValueError):
        parse_petrarch(verbs, patterns, cameo, scope="everything")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _actual(a: Analysis, type_: str) -> list[Event]:
    return [e for e in a.events if e.type == type_ and e.polarity == "asserted" and e.modality == "actual"]


def test_events_round6_dictionary_material_pattern_on_a_block_synonym(analyzer: Analyzer) -> None:
    # the dictionary writes "+publication" (CAMEO 1721) for "halt"; "suspend" is in the same block
    a = analyzer("Belarus suspended publication of the Polish weekly Glos.")
    found = _actual(a, "COERCE")
    assert found and found[0].trigger.text == "suspended"


@pytest.mark.parametrize(
    "text",
    [
        "Japan remains the largest donor of food aid to Bangladesh.",
        "Japan is one of the biggest donors to the refugee agency in Bangladesh.",
    ],
)
def test_events_round6_agent_noun_as_copular_predicate(analyzer: Analyzer, text: str) -> None:
    a = analyzer(text)
    found = _actual(a, "AID")
    assert found, [(e.type, e.trigger.text) for e in a.events]
    names = {e.id: e.name for e in a.entities}
    assert [names[i] for i in found[0].source] == ["Japan"]


def test_events_round6_agent_noun_alone_is_no_event(analyzer: Analyzer) -> None:
    a = analyzer("Donors from Japan arrived in Dhaka on Tuesday.")
    assert not _actual(a, "AID")


def test_events_round6_money_in_the_of_phrase_of_an_event_noun(analyzer: Analyzer) -> None:
    a = analyzer("Sweden made a contribution of $5 million to the refugee fund in Jordan.")
    found = _actual(a, "AID")
    assert found and found[0].cameo == "071"


def test_events_round6_amount_is_the_dictionarys_money_and_from_names_the_giver(analyzer: Analyzer) -> None:
    # the dictionary's "receive +money ... (from) !rev" names currency words; "$20 million" is money too,
    # and the giver is the from-phrase, not the amount
    a = analyzer("Haiti received $20 million from Venezuela.")
    found = _actual(a, "AID")
    assert found, [(e.type, e.trigger.text) for e in a.events]
    names = {e.id: e.name for e in a.entities}
    assert [names[i] for i in found[0].source] == ["Venezuela"]
    assert [names[i] for i in found[0].target] == ["Haiti"]


def test_events_round6_event_noun_in_a_cause_phrase_with_its_own_actors(analyzer: Analyzer) -> None:
    a = analyzer("Georgia shut its border with Armenia because of fighting between Azerbaijanis and Armenians.")
    found = _actual(a, "ASSAULT")
    assert found and found[0].trigger.text == "fighting"
    # a cause with no actor of its own is only mentioned
    a = analyzer("Georgia shut its border with Armenia because of fighting in the region.")
    assert not _actual(a, "ASSAULT")


def test_events_round6_event_noun_inside_a_series(analyzer: Analyzer) -> None:
    # "a campaign of arrests": the arrests are what the light verb's object is made of
    a = analyzer("Egyptian police began a campaign of arrests against Muslim Brotherhood members.")
    found = _actual(a, "COERCE")
    assert found and found[0].trigger.text == "arrests"
    a = analyzer("Russia carried out a series of raids on Chechen villages.")
    found = _actual(a, "ASSAULT")
    assert found and found[0].trigger.text == "raids"
