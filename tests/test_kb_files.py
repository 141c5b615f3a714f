"""Knowledge-base files: user extensions, malformed files, caching."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.kb import KnowledgeBase, bundled_dir, load_kb

HEADER = "wikidata\tname\taliases\toffice\tcountry\tsector\tstart\tend\n"


def test_kb_user_dir_extends_people_and_countries(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text(
        "# my additions\n" + HEADER + "\tZara Testova\tZ. Testova\tMayor of Baku\tAZE\tGOV\t2019-01-01\t\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.from_dirs(bundled_dir(), tmp_path)
    [p] = kb.people_named("Zara Testova")
    assert p.roles[0].office == "Mayor of Baku" and p.country == "AZE"
    assert kb.lookup("Baku").code == "AZEGOV"  # bundled data still there


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("\tA Person\t\tPresident\tQQQ\tGOV\t\t\n", "unknown country code 'QQQ'"),
        ("\tA Person\t\tPresident\tAZE\tXYZ\t\t\n", "unknown sector 'XYZ'"),
        ("\tA Person\t\tPresident\tAZE\tGOV\t2020-13-01\t\n", "is not a date"),
        ("\tA Person\t\tPresident\tAZE\tGOV\t2020-01-01\t2019-01-01\n", "ends"),
        ("\t\t\tPresident\tAZE\tGOV\t\t\n", "required column 'name'"),
        ("\tA Person\t\tPresident\tAZE\tGOV\t\t\textra\tcells\n", "tab-separated cells"),
        ("Q12x\tA Person\t\tPresident\tAZE\tGOV\t\t\n", "Wikidata id"),
    ],
)
def test_kb_malformed_user_file_names_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "people.tsv"
    path.write_text(
        "# comment\n" + HEADER + "\tGood Row\t\tPresident\tAZE\tGOV\t\t\n" + row, encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_dirs(bundled_dir(), tmp_path)
    assert f"{path}:4" in str(err.value)
    assert problem in str(err.value)


def test_kb_bad_header_is_reported(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text("iso\tname\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"countries.tsv:1: header"):
        KnowledgeBase.from_dirs(bundled_dir(), tmp_path)


def test_kb_missing_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        load_kb(str(tmp_path / "nope"))


def test_kb_load_is_cached() -> None:
    assert load_kb() is load_kb()
