"""Rebuilding the people file from Wikidata: parsing only (no network)."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.cli import main
from newsgraph.kb import KnowledgeBase, bundled_dir, load_kb
from newsgraph.kb.wikidata import people_from_entities, people_from_sparql, read_dump, write_tsv

FIXTURES = Path(__file__).parent / "fixtures" / "kb"


def test_kb_wikidata_dump_rows() -> None:
    rows = people_from_entities(read_dump(FIXTURES / "wikidata_dump.json"), load_kb())
    got = {(r.qid, r.office, r.country, r.sector, r.start, r.end) for r in rows}
    assert got == {
        ("Q900001", "Prime Minister of Armenia", "ARM", "GOV", "2018-05-08", "2021"),
        # the office's country is mapped through its ISO 3166 code (P298) in the dump
        ("Q900001", "Minister of Foreign Affairs of Examplestan", "AZE", "GOV", "2021-08-02", ""),
        ("Q900002", "Member of the Parliament of Norway", "NOR", "LEG", "", ""),
    }
    assert rows[0].aliases == ("A. Examplova",)


def test_kb_wikidata_rebuilt_file_loads_as_people(tmp_path: Path) -> None:
    rows = people_from_entities(read_dump(FIXTURES / "wikidata_dump.json"), load_kb())
    (tmp_path / "people.tsv").write_text(write_tsv(rows), encoding="utf-8")
    kb = KnowledgeBase.from_dirs(bundled_dir(), tmp_path)
    [ada] = kb.people_named("Ada Examplova")
    assert ada.qid == "Q900001" and len(ada.roles) == 2


def test_kb_wikidata_sparql_bindings() -> None:
    data = json.loads((FIXTURES / "sparql_results.json").read_text(encoding="utf-8"))
    rows = people_from_sparql(data["results"]["bindings"], load_kb())
    # duplicates merged; unlabelled people and unknown countries dropped
    assert [(r.qid, r.country, r.sector, r.start) for r in rows] == [("Q900001", "ARM", "GOV", "2018-05-08")]


def test_kb_cli_rebuild_from_dump(tmp_path: Path) -> None:
    out = tmp_path / "people.tsv"
    assert (
        main(["kb", "rebuild-people", "--from-dump", str(FIXTURES / "wikidata_dump.json"), "--out", str(out)])
        == 0
    )
    assert "Prime Minister of Armenia" in out.read_text(encoding="utf-8")


def test_kb_cli_lookup_and_show(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["kb", "lookup", "Baku", "Nagorno-Karabkh"]) == 0
    out = capsys.readouterr().out
    assert "AZEGOV" in out and "XNK" in out and "claimed by AZE" in out
    assert main(["kb", "lookup", "Wakanda"]) == 1
    capsys.readouterr()
    assert main(["kb", "--json", "show", "AZE"]) == 0
    assert json.loads(capsys.readouterr().out)["capitals"] == ["Baku"]
