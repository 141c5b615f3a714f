"""End to end on the bundled example (examples/harbour_letter.txt, written for the project).

It carries the seed article's hard cases: a pronoun-only attribution, a
quote with no cue, an unclosed quotation mark, scare quotes, an office
contradiction, a list of states and organisations, dates without a year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.records import check_spans

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour_letter.txt"


@pytest.fixture(scope="module")
def doc(analyzer: Analyzer) -> dict[str, Any]:
    return analyzer(EXAMPLE.read_text(encoding="utf-8"), published="2031-05-08").to_dict()


def _content(q: dict[str, Any]) -> str:
    c = q["content"]
    return " ".join(p["text"] for p in (c if isinstance(c, list) else [c]))


def _quote(doc: dict[str, Any], needle: str) -> dict[str, Any]:
    found = [q for q in doc["quotes"] if needle in _content(q)]
    assert found, f"no quote containing {needle!r}"
    return found[0]


def _entity(doc: dict[str, Any], name: str) -> dict[str, Any]:
    for e in doc["entities"]:
        if e["name"] == name or any(m["text"] == name for m in e["mentions"]):
            return e
    raise AssertionError(f"no entity {name!r}")


def test_example_spans_are_valid(doc: dict[str, Any]) -> None:
    assert check_spans(doc) == []


@pytest.mark.parametrize(
    ("needle", "kind", "cue"),
    [
        ("deeply reckless to lend credibility", "direct", "said"),
        ("Nobody in our villages was asked", "direct", "added"),
        ("We will keep working with anyone", "direct", None),
        ("thousands of farming families", "indirect", "recalled"),
        ("to support a negotiated settlement", "indirect", "urged"),
    ],
)
def test_example_vasilescu_quotes(doc: dict[str, Any], needle: str, kind: str, cue: str | None) -> None:
    q = _quote(doc, needle)
    assert q["kind"] == kind
    assert (q["cue"]["text"] if q["cue"] else None) == cue
    assert q["speaker"]["name"] is not None and "Vasilescu" in q["speaker"]["name"]


def test_example_pronoun_speaker_keeps_local_mention(doc: dict[str, Any]) -> None:
    q = _quote(doc, "Nobody in our villages was asked")
    assert q["speaker"]["mention"]["text"] == "she"
    vas = _entity(doc, "Vasilescu")
    assert q["speaker"]["entity"] == vas["id"]


def test_example_unclosed_quote_ends_at_paragraph(doc: dict[str, Any]) -> None:
    q = _quote(doc, "so-called referendum does not change")
    assert _content(q).rstrip().endswith("participating State.")
    assert "OSCE" in (q["speaker"]["name"] or "")


def test_example_scare_quotes_are_not_quotes(doc: dict[str, Any]) -> None:
    contents = [_content(q).strip(" .,") for q in doc["quotes"]]
    assert "reckless" not in contents
    assert "referendum show" not in contents
    assert any("referendum show" in f["span"]["text"] for f in doc["framing"])


def test_example_dates_normalised(doc: dict[str, Any]) -> None:
    values = {d["span"]["text"]: d["value"] for d in doc["dates"]}
    assert values.get("April 3") == "2031-04-03"
    assert values.get("April 17") == "2031-04-17"
    assert values.get("May 6") == "2031-05-06"
    assert any(v == "P30Y" for v in values.values())


def test_example_quote_dated_by_text(doc: dict[str, Any]) -> None:
    q = _quote(doc, "deeply reckless to lend credibility")
    assert q["date"]["value"] == "2031-05-06" and q["date"]["basis"] == "text"


def test_example_listed_states_and_organisations_coded(doc: dict[str, Any]) -> None:
    for name, country in [
        ("Romania", "ROU"),
        ("Poland", "POL"),
        ("France", "FRA"),
        ("Japan", "JPN"),
        ("Canada", "CAN"),
    ]:
        assert _entity(doc, name)["actor"]["country"] == country
    for name in ("EU", "NATO"):
        assert _entity(doc, name)["actor"]["igo"]


def test_example_senators_coded_usa_leg(doc: dict[str, Any]) -> None:
    for name in ("Maria Delgado", "Thomas W. Brandt"):
        actor = _entity(doc, name)["actor"]
        assert actor["country"] == "USA" and "LEG" in actor["sector"]


def test_example_office_contradiction_flagged(doc: dict[str, Any]) -> None:
    texts = [" | ".join(s["text"] for s in f["spans"]) for f in doc["flags"]]
    assert any("Senators" in t and "Representatives" in t for t in texts), texts


def test_example_events(doc: dict[str, Any]) -> None:
    names = {e["id"]: e for e in doc["entities"]}

    def has(type_: str, src: str, tgt_country: str | None = None) -> bool:
        for v in doc["events"]:
            if v["type"] != type_ or v["polarity"] != "asserted":
                continue
            if not any(src in names[s]["name"] for s in v["source"]):
                continue
            if tgt_country is None or any(
                (names[t]["actor"] or {}).get("country") == tgt_country for t in v["target"]
            ):
                return True
        return False

    assert has("ACCUSE", "Vasilescu", "USA")
    assert has("REQUEST", "Vasilescu", "USA")
    assert has("SUPPORT", "France", "MDA")
