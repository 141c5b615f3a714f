"""``newsgraph eval actors`` on a small gold file written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.cli import main
from newsgraph.evaluation.actors import gold_sector, locate

GOLD = Path(__file__).parent / "fixtures" / "kb" / "actors_gold.jsonl"


def test_actors_eval_scores_country_sector_coverage(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    errors = tmp_path / "errors.jsonl"
    assert main(["eval", "actors", "--gold", str(GOLD), "--json", str(out), "--errors", str(errors)]) == 0
    m = json.loads(out.read_text(encoding="utf-8"))
    assert m["records"] == 3 and m["gold_actors"] == 5
    # the unknown "Zorblaxian fighters" is a collective actor (an entity with the fighters'
    # sector) but no country names it: coverage 5/5, and it is the one country miss
    assert m["coverage"] == 1.0
    assert m["country_accuracy"] == 0.8
    assert m["sector_accuracy"] == 1.0
    assert m["country_accuracy_strict"] == 0.8
    misses = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [x["gold"]["actorText"] for x in misses] == ["Zorblaxian fighters"]


def test_actors_eval_helpers() -> None:
    assert gold_sector({"sector": "REBalb"}) == "REB"
    assert gold_sector({"sector": "CIV"}) == "CVL"
    assert gold_sector({"sector": "***"}) is None
    text = "Palestinian gunmen fired on residential areas."
    assert locate(text, "Palestinian ... residential areas") == (
        0,
        len("Palestinian gunmen fired on residential areas"),
    )
    assert locate(text, "Israeli") is None


def test_actors_eval_halves_split_the_sentences(tmp_path: Path) -> None:
    counts = {}
    for half in ("even", "odd"):
        out = tmp_path / f"{half}.json"
        assert main(["eval", "actors", "--gold", str(GOLD), "--half", half, "--json", str(out)]) == 0
        m = json.loads(out.read_text(encoding="utf-8"))
        assert m["half"] == half
        counts[half] = (m["records"], m["gold_actors"])
    # positions 0 and 2 (T1, T3) are even, position 1 (T2) odd; the DOCUMENT line has no position
    assert counts == {"even": (2, 3), "odd": (1, 2)}
