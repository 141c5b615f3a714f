"""``newsgraph kb build --petrarch``: the Phoenix dictionaries converted into knowledge-base files.

The fixture (tests/fixtures/petrarch) is a small dictionary set in the Phoenix formats with
invented people, places and groups.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb import KnowledgeBase, bundled_dir
from newsgraph.kb.petrarch import OUTPUTS, build
from newsgraph.kb.petrarch.reader import parse_date, read_actors

FIXTURE = Path(__file__).parent / "fixtures" / "petrarch"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KnowledgeBase]:
    out = tmp_path_factory.mktemp("kb")
    build(FIXTURE, out)
    hand = tmp_path_factory.mktemp("hand")
    # the bundled hand-written files with the fixture's conversion instead of the bundled one
    for path in bundled_dir().iterdir():
        if path.suffix == ".tsv" and not path.name.startswith("petrarch_"):
            shutil.copy(path, hand / path.name)
    for name in OUTPUTS:
        shutil.copy(out / name, hand / name)
    return out, KnowledgeBase.from_dirs(hand)


def test_kb_petrarch_writes_every_file_with_source_and_licence(converted: tuple[Path, KnowledgeBase]) -> None:
    out, _ = converted
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    head = (out / "petrarch_people.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("openeventdata/petrarch2" in line for line in head)
    assert any("MIT" in line for line in head)
    assert "Open Event Data Alliance" in (out / "PETRARCH_LICENSE.txt").read_text(encoding="utf-8")


def test_kb_petrarch_person_roles_follow_the_date(converted: tuple[Path, KnowledgeBase]) -> None:
    _, kb = converted
    [zara] = kb.people_named("Zara Testova")
    assert [r.sector for r in zara.roles_on(date(2012, 6, 1)) if r.start] == ["GOV"]
    assert [r.sector for r in zara.roles_on(date(2000, 6, 1)) if r.start] == ["ELI"]
    # the title the dictionary gives her ("PRESIDENT_ZARA_TESTOVA") names the dated GOV role
    assert {r.office for r in zara.roles if r.sector == "GOV"} == {"President"}
    assert zara.as_of == date(2014, 1, 30)
    [quentin] = kb.people_named("Quentin Examplov")
    assert quentin.roles[0].sector == "LEG"  # GOVLEG: a member of the legislature


def test_kb_petrarch_igo_official_carries_the_organisation(converted: tuple[Path, KnowledgeBase]) -> None:
    _, kb = converted
    [kim] = kb.people_named("Kim Tester")
    dated = [r for r in kim.roles if r.start]
    assert dated[0].org == "UNO" and dated[0].country is None


def test_kb_petrarch_hand_people_file_wins(converted: tuple[Path, KnowledgeBase]) -> None:
    _, kb = converted
    [obama] = kb.people_named("Barack Obama")
    assert obama.qid == "Q76" and obama.as_of is None  # the hand-written row, not the dictionary's


def test_kb_petrarch_places_organisations_sectors(converted: tuple[Path, KnowledgeBase]) -> None:
    _, kb = converted
    zorbville = kb.place("Zorbville")
    assert zorbville is not None and zorbville.country == "AZE"
    # a name the hand files give to another country is not taken from the dictionary
    georgia = kb.lookup("Georgia")
    assert georgia is not None and georgia.country == "GEO"
    front = kb.lookup("Zorb Liberation Front")
    assert front is not None and front.code == "AZEREB"
    assert kb.lookup("ZLF") is not None and kb.lookup("ZLF").code == "AZEREB"  # type: ignore[union-attr]
    office = kb.lookup("U.N. Zorb Office")
    assert office is not None and office.igo is not None and kb.organizations[office.igo].parent == "UNO"
    federation = kb.lookup("International Zorb Federation")
    assert federation is not None and federation.code.startswith("NGO")
    # a role description is left to the actor stage, not made an organisation
    assert kb.lookup("Azerbaijani Defence Minister") is None
    assert kb.sector("zorbmen") == "AGR" and kb.sector("zorb ministers") == "GOV" and kb.sector("zorb priest") == "REL"
    assert kb.discarded("He scored in the Zorb Cup final.") == ("zorb cup", "story")
    assert kb.discarded("Zorbballs everywhere") == ("zorbball", "sentence")  # a stem: "zorbballs" matches
    assert kb.discarded("It happened in 1999.") is None  # years are not discards


def test_kb_petrarch_malformed_dictionary_names_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(FIXTURE, src)
    path = src / "Phoenix.Countries.actors.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "\t[AZEGOV 20101301-20111231]")  # month 13
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"Phoenix.Countries.actors.txt:5: '20101301' is not a calendar date"):
        build(src, tmp_path / "out")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("+SYNONYM_FIRST\n", "before any primary"),
        ("NAME\n\t[US-GOV]\n", "not a CAMEO code"),
        ("NAME\n\t[USAGOV 2010-2011]\n", "not a date"),
        ("NAME\n\tstray words\n", "indented line"),
        ("NAME [USAGOV] trailing words\n", "outside"),
    ],
)
def test_kb_petrarch_reader_errors(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "x.actors.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as err:
        read_actors(path)
    assert str(path) in str(err.value)


def test_kb_petrarch_reader_dates_and_shared_codes(tmp_path: Path) -> None:
    assert parse_date("090120", "x") == date(2009, 1, 20)
    assert parse_date("450703", "x") == date(1945, 7, 3)
    assert parse_date("19110101", "x") == date(1911, 1, 1)
    path = tmp_path / "x.actors.txt"
    path.write_text("ALPHA_PERSON_\nPRESIDENT_ALPHA\n\t[AZEGOV <100101]\nBETA [AZE]\n", encoding="utf-8")
    first, second = read_actors(path)
    # consecutive primary phrases share the codes that follow them
    assert first.names == ("ALPHA PERSON", "PRESIDENT ALPHA") and first.codes[0].end == date(2010, 1, 1)
    assert second.codes[0].default


def test_kb_petrarch_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "build", "--petrarch", str(FIXTURE), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "people written" in err and (tmp_path / "petrarch_people.tsv").is_file()
