"""The attribution scope (modes, noun/adjective/raising cues, nested and parenthetical
attributions), PolNeAR span conventions, and the trained cue model's loading."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import ModelError
from newsgraph.evaluation.quotes import QuoteScores
from newsgraph.evaluation.quotes_exact import predicted_spans
from newsgraph.quotes import cue_model as cue_model_module
from newsgraph.quotes.cue_model import FORMAT, parse_model
from newsgraph.records import Quote, Span, Speaker
from quote_helpers import run, with_cue


def test_quotes_scope_cue_keeps_its_auxiliaries_and_negation(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The harbour board did not announce that the pier would close.\n"), "announce")
    assert q.cue is not None and q.cue.text == "did not announce"
    assert q.content_text == "that the pier would close"


def test_quotes_scope_cue_keeps_its_particle(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Councillor Ruth Adler pointed out that the pier had been repaired twice.\n"), "pointed")
    assert q.cue is not None and q.cue.text == "pointed out"


def test_quotes_scope_source_is_the_whole_phrase_and_the_mention_stays_compact(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Tom Reed, a spokesman for the harbour board, said that the ferry would run again in May.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "Tom Reed, a spokesman for the harbour board,"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Tom Reed"
    assert text[q.source.start : q.source.end] == q.source.text


def test_quotes_scope_modes_of_lexicon_cues(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mayor Lena Okafor said that the ferry would run again in May.\n\n"
        "Councillor Ruth Adler believes that the fares are too high.\n\n"
        "The harbour board wants to sell the old pier.\n"
    )
    quotes = run(parse_text, text)
    assert with_cue(quotes, "said").mode == "speech"
    assert with_cue(quotes, "believes").mode == "belief"
    assert with_cue(quotes, "wants").mode == "intention"


def test_quotes_scope_adjective_cue_with_copula(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Councillor Ruth Adler is not sure that the ferry will run in May.\n"), "sure")
    assert q.cue is not None and q.cue.text == "is not sure"
    assert q.content_text == "that the ferry will run in May"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Councillor Ruth Adler"
    assert q.mode == "belief"


def test_quotes_scope_raising_verb_content_is_subject_and_complement(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The new ferry timetable seems to please the commuters.\n"), "seems")
    assert [s.text for s in q.content] == ["The new ferry timetable", "to please the commuters"]
    assert q.speaker.mention is None
    assert q.mode == "belief"


def test_quotes_scope_parenthetical_cue_splits_the_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The old ferry, Okafor said, will run again in May.\n"), "said")
    assert [s.text for s in q.content] == ["The old ferry", "will run again in May"]
    assert q.speaker.mention is not None and q.speaker.mention.text == "Okafor"


def test_quotes_scope_nested_attribution_gives_both_relations(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor said on Monday that she believes the ferry will run again in May.\n"
    quotes = run(parse_text, text)
    outer, inner = with_cue(quotes, "said"), with_cue(quotes, "believes")
    assert outer.within is None and inner.within == outer.id
    assert inner.mode == "belief" and inner.content_text == "the ferry will run again in May"


def test_quotes_scope_nested_relations_are_not_scored_against_polnear() -> None:
    text = "Okafor said she believes it."
    outer = Quote("Q1", "indirect", (Span.of(text, 12, 28),), Span.of(text, 7, 11), Speaker(Span.of(text, 0, 6)))
    inner = Quote(
        "Q2", "indirect", (Span.of(text, 25, 28),), Span.of(text, 16, 24), Speaker(Span.of(text, 12, 15)), within="Q1"
    )
    spans = predicted_spans([outer, inner])
    assert spans["cue"] == [(7, 11)] and spans["source"] == [(0, 6)]
    scores = QuoteScores()
    scores.add(text, [], [outer, inner])
    assert scores.all.fp == 1


def test_quotes_scope_record_roundtrip_keeps_mode_source_within() -> None:
    text = "Tom Reed, a spokesman, said he hopes to sail."
    q = Quote(
        "Q2",
        "indirect",
        (Span.of(text, 37, 44),),
        Span.of(text, 31, 36),
        Speaker(Span.of(text, 28, 30)),
        mode="intention",
        source=Span.of(text, 0, 22),
        within="Q1",
    )
    assert Quote.from_dict(q.to_dict()) == q
    assert Quote.from_dict({k: v for k, v in q.to_dict().items() if k not in ("mode", "source", "within")}).mode == "speech"


def test_quotes_scope_corrupt_model_names_the_file_and_the_rebuild() -> None:
    with pytest.raises(ModelError, match="cue-model.*|corrupt"):
        parse_model("{not json", "newsgraph/data/cue_model.json")
    with pytest.raises(ModelError, match="make cue-model"):
        parse_model(json.dumps({"format": "other", "weights": {}, "threshold": 0.5}), "x.json")
    with pytest.raises(ModelError, match="x.json"):
        parse_model(json.dumps({"format": FORMAT, "weights": {"bias": 1.0}, "threshold": 2}), "x.json")
    model = parse_model(json.dumps({"format": FORMAT, "weights": {"bias": 1.0}, "threshold": 0.5}), "x.json")
    assert model.score(["bias", "unknown"]) == pytest.approx(0.731, abs=1e-3)


def test_quotes_scope_missing_model_file_is_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cue_model_module, "MODEL_FILE", "data/no_such_cue_model.json")
    cue_model_module.cue_model.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"no_such_cue_model\.json.*missing.*make cue-model"):
            cue_model_module.cue_model()
    finally:
        cue_model_module.cue_model.cache_clear()


def test_quotes_scope_shipped_model_loads_and_is_small() -> None:
    from importlib import resources

    path = resources.files("newsgraph").joinpath("data/cue_model.json")
    size = len(path.read_bytes())
    assert size < 20 * 1024 * 1024
    model = cue_model_module.cue_model()
    assert 0.0 < model.threshold < 1.0 and len(model.weights) > 1000


def test_quotes_scope_speech_act_object_alone_is_no_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "The OSCE issued a statement" names an act of speech, not what was said
    quotes = run(parse_text, "The harbour board issued a statement on Monday.\n")
    assert not [q for q in quotes if q.content_text == "a statement"]


def test_quotes_scope_noun_cue_after_coordinated_copula_takes_the_first_subject(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler has not endorsed the mayor and has been a fierce critic of her harbour plan.\n"
    q = with_cue(run(parse_text, text), "critic")
    assert q.content_text == "her harbour plan"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Councillor Ruth Adler"


def test_quotes_scope_adjective_cue_after_coordinated_copula_takes_the_first_subject(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mayor Lena Okafor toured the pier on Monday and was confident that the ferry would run again in May.\n\n"
        "It is clear that the pier must close.\n"
    )
    quotes = run(parse_text, text)
    q = with_cue(quotes, "confident")
    assert q.speaker.mention is not None and q.speaker.mention.text == "Mayor Lena Okafor"
    # an expletive subject names nobody, and the rule does not look past it
    assert all(q.speaker.mention is None or q.speaker.mention.text != "It" for q in quotes)


def test_quotes_scope_as_x_reported_attributes_the_sentence_around_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour board met the ferry company on Monday, as The Harbour Gazette reported, and it will decide in May.\n"
    q = with_cue(run(parse_text, text), "reported")
    assert [c.text for c in q.content] == ["The harbour board met the ferry company on Monday", "and it will decide in May"]
    assert q.speaker.mention is not None and q.speaker.mention.text == "The Harbour Gazette"


def test_quotes_scope_as_you_know_is_no_attribution(parse_text) -> None:  # type: ignore[no-untyped-def]
    assert run(parse_text, "The mayor, as you know, is away.\n") == []


def test_quotes_scope_raising_verb_before_a_cue_word_is_part_of_its_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor seemed to imply that the ferry would never run again.\n"
    q = with_cue(run(parse_text, text), "imply")
    assert q.cue is not None and q.cue.text == "seemed to imply"
    assert q.source is not None and q.source.text == "Mayor Lena Okafor"
    assert q.content_text == "that the ferry would never run again"


def test_quotes_scope_stimulus_verb_makes_its_object_the_source(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "The new ferry timetable has angered the fishermen of the valley.\n"), "angered")
    assert q.source is not None and q.source.text == "the fishermen of the valley"
    assert q.content_text == "The new ferry timetable"
    assert q.mode == "belief"
