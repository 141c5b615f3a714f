"""The PETRARCH2 verb dictionary converter (``newsgraph.events.petrarch.build``), on an invented
fixture dictionary, and the converted patterns at work in the trigger matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.events.lexicon import Lexicon, data_dir, merge_vocabularies, parse_cameo, parse_petrarch
from newsgraph.events.petrarch import build, convert, read_fixes
from newsgraph.events.triggers import match_trigger

FIXTURE = Path(__file__).parent / "fixtures" / "petrarch"


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text().splitlines() if line and not line.startswith("#")][
        1:
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build(FIXTURE, tmp_path_factory.mktemp("petrarch"))


def test_events_petrarch_build_writes_verbs_patterns_and_licence(built: list[Path]) -> None:
    assert [p.name for p in built] == ["petrarch_verbs.tsv", "petrarch_patterns.tsv", "LICENSE.petrarch2"]
    assert "github.com/openeventdata/petrarch2" in built[0].read_text()
    assert "invented fixtures in the PETRARCH2" in built[2].read_text()


def test_events_petrarch_verbs_compounds_and_codes(built: list[Path]) -> None:
    verbs = {r[0]: (r[1], r[2]) for r in _rows(built[0])}
    assert verbs["parley"] == ("PARLEY", "040")  # the block's code
    assert verbs["confab"] == ("PARLEY", "046")  # the verb's own code
    assert verbs["huddle @with"] == ("PARLEY", "040")  # "+HUDDLE_WITH": verb + particle
    assert verbs["ship @out"] == ("SHIP_GOODS", "-")  # a block without a code: no event on its own
    assert verbs["resupply"] == ("SHIP_GOODS", "-")  # "RE_+SUPPLY"
    assert not any("traded" in v for v in verbs)  # "+TRADED_AND_SOLD" is not a verb phrase


def test_events_petrarch_patterns_syntax_and_filters(built: list[Path]) -> None:
    pats = {(r[0], r[1]): (r[2], r[3]) for r in _rows(built[1])}
    assert pats[("PARLEY", "+envoy|emissary|special_envoy")] == ("042", "parley")  # synonym set expanded
    assert ("PARLEY", "@about:border_dispute") in pats  # "(ABOUT {BORDER DISPUTE})": head + modifier
    assert ("PARLEY", "<soldiers|soldier") in pats  # a noun before the verb is its subject
    assert pats[("PARLEY", "@before:tribunal !rev")] == (
        "173",
        "confab",
    )  # "[:173]": the subject is the target
    assert pats[("PARLEY", "@at:*")][0] == "036"  # "[036:036]": the first code
    assert ("SHIP_GOODS", "@out") in pats  # a bare particle
    codes = {c for c, _ in pats.values()}
    assert "999" not in codes  # not a CAMEO code
    assert "020" not in codes and "030" not in codes and "050" not in codes  # TABARI leftovers, undefined set


def test_events_petrarch_fixes_recode_and_drop(tmp_path: Path) -> None:
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text(
        "action\tverb\tcode\treason\nbare\tparley\t-\tnot a meeting\ndrop\tsquabble\t-\tx\n"
        "pattern\tPARLEY @at:*\tdrop\tx\npattern\tSHIP_GOODS @out\t071\tx\n"
    )
    valid = set(parse_cameo(data_dir().joinpath("cameo.tsv")))
    verbs, patterns, dropped = convert((FIXTURE / "CAMEO.2.0.txt").read_text(), valid, read_fixes(fixes))
    assert ("parley", "PARLEY", "-", "L18") in verbs
    assert not any(v[0] == "squabble" for v in verbs)
    assert not any(p[1] == "@at:*" for p in patterns)
    assert any(p[1] == "@out" and p[2] == "071" for p in patterns)
    assert dropped["patterns dropped by a fix"] == 1 and dropped["verbs dropped by a fix"] == 1


def test_events_petrarch_bad_fix_line_names_file_and_line(tmp_path: Path) -> None:
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("action\tverb\tcode\treason\nrename\tparley\t040\tx\n")
    with pytest.raises(KnowledgeBaseError, match="fixes.tsv:2"):
        read_fixes(fixes)


def test_events_petrarch_missing_dictionary_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="CAMEO.2.0.txt"):
        build(tmp_path, tmp_path / "out")


def test_events_petrarch_converted_patterns_match_in_the_parse(built: list[Path], nlp) -> None:  # type: ignore[no-untyped-def]
    base = data_dir()
    cameo = parse_cameo(base.joinpath("cameo.tsv"))
    lex = Lexicon(cameo=cameo, triggers=merge_vocabularies({}, parse_petrarch(built[0], built[1], cameo)))

    def code(text: str, word: str) -> str | None:
        tok = next(t for t in nlp(text) if t.text == word)
        trig = match_trigger(tok, lex)
        return None if trig is None else trig.cameo

    assert code("The minister parleyed with the special envoy of Chad.", "parleyed") == "040"
    assert code("Chad parleyed with the envoy.", "parleyed") == "040"
    assert code("Chad parleyed the envoy.", "parleyed") == "042"  # verb + object
    assert code("Soldiers parleyed near the river.", "parleyed") == "154"  # subject pattern
    assert code("Mali ferried grain to Niger.", "ferried") == "073"
    assert code("Mali ferried tourists to Niger.", "ferried") is None  # no code on its own


def test_events_petrarch_shipped_files_are_current() -> None:
    """The shipped conversion loads, and every verb's code is a CAMEO code."""
    base = data_dir()
    cameo = parse_cameo(base.joinpath("cameo.tsv"))
    found = parse_petrarch(base.joinpath("petrarch_verbs.tsv"), base.joinpath("petrarch_patterns.tsv"), cameo)
    assert len(found) > 1000
    assert base.joinpath("LICENSE.petrarch2").read_text().count("MIT") >= 1
