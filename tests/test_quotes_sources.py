"""Source phrases (``quotes/sources.py``) and the speaker named after an inverted cue, issue 12
round 8 (texts written for these tests)."""

from __future__ import annotations

from quote_helpers import run, with_cue


def test_incidental_relative_clause_on_a_bare_name_is_left_out(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Okafor spoke at the pier on Monday. Okafor, who has a comfortable lead in the polls, "
        "said the ferry would run again."
    )
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "Okafor"


def test_relative_clause_after_a_full_name_named_first_here_stays(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Tom Reed, who chairs the harbour board, said the ferry would run again."), "said")
    assert q.source is not None and q.source.text == "Tom Reed, who chairs the harbour board,"


def test_relative_clause_holding_an_attribution_is_left_out(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes = run(parse_text, "Ruth Adler, who has endorsed Okafor, said the ferry would run again.")
    q = with_cue(quotes, "said")
    assert q.source is not None and q.source.text == "Ruth Adler"
    inner = with_cue(quotes, "endorsed")
    assert inner.source is not None and inner.source.text == "who"


def test_demonstrative_pronoun_keeps_its_participle(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Those surveyed said the ferry should run again."), "said")
    assert q.source is not None and q.source.text == "Those surveyed"


def test_source_does_not_reach_back_across_a_spaced_dash(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour race - mayoral candidate Lena Okafor said the ferry would run again."
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "mayoral candidate Lena Okafor"


def test_name_modifying_the_noun_after_an_inverted_cue_is_not_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "“The ferry will run again,” said a senior Okafor adviser."), "said")
    assert q.speaker.mention is not None and q.speaker.mention.text == "a senior Okafor adviser"
    assert q.source is not None and q.source.text == "a senior Okafor adviser"


def test_title_with_its_own_modifiers_before_a_name_in_apposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The director of the harbour board, Jan Voss, said the ferry would run again."), "said")
    assert q.source is not None and q.source.text == "The director of the harbour board, Jan Voss,"


def test_title_right_before_a_name_without_a_comma_is_one_phrase(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The ferry would run again, wrote the economist Jan Voss."), "wrote")
    assert q.source is not None and q.source.text == "the economist Jan Voss"


def test_source_stops_before_its_own_participle_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry plan drew money from groups backing Mayor Lena Okafor of Harbourtown."
    q = with_cue(run(parse_text, text), "backing")
    assert q.source is not None and q.source.text == "groups"


def test_past_tense_read_as_a_participle_keeps_its_lost_subject(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Less than a third agreed with the mayor that the ferry would have to wait its turn, while 13 percent were unsure."
    q = with_cue(run(parse_text, text), "agreed")
    assert q.source is not None and q.source.text == "Less than a third"
