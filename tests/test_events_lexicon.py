"""The event lexicons: every data file loads, is consistent, and fails loudly when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.events import PLOVER_TYPES, load_lexicon
from newsgraph.events.lexicon import parse_cameo, parse_pattern, parse_triggers, parse_words


def test_events_lexicon_every_trigger_code_is_in_the_cameo_table() -> None:
    lex = load_lexicon()
    for triggers in lex.triggers.values():
        for trig in triggers:
            assert trig.cameo == "-" or lex.code(trig.cameo) is not None, trig


def test_events_lexicon_reaches_all_sixteen_plover_types() -> None:
    lex = load_lexicon()
    reached = {c.plover for ts in lex.triggers.values() for t in ts if (c := lex.code(t.cameo)) is not None}
    assert set(PLOVER_TYPES) <= reached


def test_events_lexicon_cameo_rows_are_sane() -> None:
    lex = load_lexicon()
    assert len(lex.cameo) > 150
    for code, row in lex.cameo.items():
        assert -10.0 <= row.goldstein <= 10.0, code
        assert row.quad_class in (1, 2, 3, 4), code
        root = int(code[:2])
        expected_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert row.quad_class == expected_quad, code
    assert lex.cameo["010"].plover is None  # statements are not PLOVER events
    assert lex.cameo["111"].plover == "ACCUSE"
    assert lex.cameo["190"].goldstein == -10.0


def test_events_lexicon_penta_classes() -> None:
    lex = load_lexicon()
    assert [lex.cameo[c].penta_class for c in ("010", "020", "051", "073", "111", "163", "173", "190")] == [
        0,
        0,
        1,
        2,
        3,
        3,
        4,
        4,
    ]
    # the CAMEO-to-PLOVER 2021 table: sanctions (163) are COERCE, destroying property (1712) ASSAULT
    assert lex.cameo["163"].plover == "COERCE" and lex.code("1712").plover == "ASSAULT"  # type: ignore[union-attr]


def test_events_lexicon_most_specific_pattern_first() -> None:
    lex = load_lexicon()
    release = lex.triggers[("verb", "release")]
    assert release[0].objects and release[-1].objects == frozenset()


@pytest.mark.parametrize(
    ("pattern", "check"),
    [
        ("call @on", lambda t: t.particle == "on"),
        ("impose +sanction|embargo", lambda t: t.objects == {"sanction", "embargo"}),
        ("refuse >clause", lambda t: t.clause),
        ("describe =neg", lambda t: t.evaluative == "neg"),
    ],
)
def test_events_lexicon_pattern_syntax(pattern: str, check) -> None:  # type: ignore[no-untyped-def]
    assert check(parse_pattern("verb", pattern, "111", "-"))


def test_events_lexicon_bad_pattern_raises() -> None:
    with pytest.raises(KnowledgeBaseError):
        parse_pattern("verb", "attack ~weird", "190", "-")


def test_events_lexicon_malformed_files_name_file_and_line(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text(
        "code\tplover\tmode\tcontext\tquad\tgoldstein\tdescription\n111\tACCUSE\t-\t-\t3\tminus two\tx\n"
    )
    with pytest.raises(KnowledgeBaseError, match="cameo.tsv:2"):
        parse_cameo(cameo)
    cameo.write_text(
        "code\tplover\tmode\tcontext\tquad\tgoldstein\tdescription\n111\tBLAME\t-\t-\t3\t-2\tx\n"
    )
    with pytest.raises(KnowledgeBaseError, match="unknown PLOVER type"):
        parse_cameo(cameo)
    cameo.write_text(
        "code\tplover\tmode\tcontext\tquad\tgoldstein\tdescription\n111\tACCUSE\t-\t-\t3\t-2\tx\n"
    )
    table = parse_cameo(cameo)
    triggers = tmp_path / "triggers.tsv"
    triggers.write_text("kind\tpattern\tcameo\tscope\tnote\nverb\tcondemn\t999\t-\tx\n")
    with pytest.raises(KnowledgeBaseError, match="triggers.tsv:2"):
        parse_triggers(triggers, table)
    triggers.write_text("kind\tpattern\tcameo\tscope\tnote\nadverb\tcondemn\t111\t-\tx\n")
    with pytest.raises(KnowledgeBaseError, match="verb or noun"):
        parse_triggers(triggers, table)
    words = tmp_path / "words.tsv"
    words.write_text("class\tword\tvalue\nlight\n")
    with pytest.raises(KnowledgeBaseError, match="words.tsv:2"):
        parse_words(words)


def test_events_lexicon_word_classes_present() -> None:
    lex = load_lexicon()
    for cls in (
        "light",
        "occur",
        "modal",
        "governor",
        "noun_governor",
        "conditional",
        "negation",
        "first_person",
        "evaluative",
        "agent",
        "product",
        "producer",
        "frame",
        "request_modal",
    ):
        assert lex.word_class(cls), cls
