"""A role noun before a bare country name ("Rebels in Mali") is an actor, like "Rebels in the Congo"."""

from __future__ import annotations

import pytest

from newsgraph.actors import code_actors
from newsgraph.entities import extract_entities


def _codes(parse_text, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return {
        e.name: e.actor.code if e.actor else None
        for e in code_actors(parsed, extract_entities(parsed).entities)
    }


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # sentence-initial "Rebels" before a bare name is tagged PROPN/NNP by the small model
        ("Rebels in Mali attacked a convoy on Tuesday.", "Rebels in Mali", "MLIREB"),
        ("Rebels in the Congo attacked a convoy on Tuesday.", "Rebels in the Congo", "COGREB"),
        ("The army said rebels in Mali attacked a convoy.", "rebels in Mali", "MLIREB"),
        ('"Rebels in Chad are regrouping," the general said.', "Rebels in Chad", "TCDREB"),
        ("Refugees from Syria arrived at the camp.", "Refugees from Syria", "SYRREF"),
        ("Officials in Lashkar Gah reported heavy shelling.", "Officials in Lashkar Gah", "AFGGOV"),
    ],
)
def test_actors_role_noun_before_bare_country(parse_text, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(parse_text, text)
    assert codes.get(phrase) == code, codes


def test_actors_sentence_initial_name_is_not_a_role_noun(parse_text) -> None:  # type: ignore[no-untyped-def]
    # a capitalised word that is no role noun stays out of actor phrases
    codes = _codes(parse_text, "Keller in Mali said the convoy was safe.")
    assert not any(name.startswith("Keller in") for name in codes)
