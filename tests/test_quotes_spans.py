"""PolNeAR span conventions of ``quotes/spans.py`` beyond the verb group and the source phrase:
what an object content takes after the object, and the cues of nouns."""

from __future__ import annotations

from quote_helpers import run, with_cue


def test_quotes_spans_object_content_keeps_the_reason(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler criticized the harbour board for its long delay.\n"
    q = with_cue(run(parse_text, text), "criticized")
    assert q.content_text == "the harbour board for its long delay"


def test_quotes_spans_object_content_keeps_the_description(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor described the new ferry timetable as a serious mistake.\n"
    q = with_cue(run(parse_text, text), "described")
    assert q.content_text == "the new ferry timetable as a serious mistake"


def test_quotes_spans_object_content_stops_at_a_comma_and_a_date(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler criticized the harbour board, for the third time.\n\n"
    q = with_cue(run(parse_text, text), "criticized")
    assert q.content_text == "the harbour board"
    text = "Councillor Ruth Adler has supported the ferry subsidy for years.\n"
    q = with_cue(run(parse_text, text), "supported")
    assert q.content_text == "the ferry subsidy"


def test_quotes_spans_noun_cue_keeps_its_linking_preposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "There is growing concern about the safety of the old pier.\n"), "concern")
    assert q.cue is not None and q.cue.text == "growing concern about"
    assert q.content_text == "the safety of the old pier"


def test_quotes_spans_infinitive_cue_keeps_its_to(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour board used the whole meeting to criticize the new ferry timetable.\n"
    q = with_cue(run(parse_text, text), "criticize")
    assert q.cue is not None and q.cue.text == "to criticize"


def test_quotes_spans_cue_reaches_over_an_object_noun_that_is_a_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler expressed concern about the safety of the old pier.\n"
    q = with_cue(run(parse_text, text), "expressed")
    assert q.cue is not None and q.cue.text == "expressed concern about"
    assert q.content_text == "the safety of the old pier"


def test_quotes_spans_indirect_content_ends_before_a_relative_aside(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor said that the ferry would run again in May, which surprised the harbour board.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.content_text == "that the ferry would run again in May"


def test_quotes_spans_aside_inside_a_quotation_stays(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Mayor Lena Okafor said the ferry is “a lifeline, which we will keep.”\n'
    q = with_cue(run(parse_text, text), "said")
    assert q.content_text.endswith("which we will keep.”")


def test_quotes_spans_mixed_quote_keeps_its_reported_clause(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Mayor Lena Okafor said she had "steady hands, but most of all, she has a good heart."\n'
    q = with_cue(run(parse_text, text), "said")
    assert q.kind == "mixed"
    assert q.content_text.startswith('she had "steady hands')


def test_quotes_spans_mixed_quote_leaves_the_recipient_out(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = 'Mayor Lena Okafor told reporters the ferry is "doing much better than it did last year."\n'
    q = with_cue(run(parse_text, text), "told")
    assert q.content_text.startswith('the ferry is "doing')


def test_quotes_spans_adjective_cue_keeps_copula_and_degree_words(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Councillor Adler was less shy about the cost of the new ferry.\n"), "shy")
    assert q.cue is not None and q.cue.text == "was less shy about"
    q = with_cue(run(parse_text, "Mayor Okafor is convinced that the ferry will run again.\n"), "convinced")
    assert q.cue is not None and q.cue.text == "is convinced"


def test_quotes_spans_preposition_before_a_quoted_phrase_joins_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, 'Councillor Adler warned of a "ferocious" battle over the ferry.\n'), "warned")
    assert q.cue is not None and q.cue.text == "warned of"
    assert q.content_text == 'a "ferocious" battle over the ferry'


def test_quotes_spans_source_takes_the_title_a_name_is_in_apposition_to(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Her campaign manager, Robby Mook, said that the ferry was late.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "Her campaign manager, Robby Mook,"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Robby Mook"


def test_quotes_spans_source_quantifier_keeps_its_of_phrase(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Some of the women said that the ferry was late.\n"), "said")
    assert q.source is not None and q.source.text == "Some of the women"


def test_quotes_spans_object_content_keeps_any_preposition_but_time_and_medium(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Councillor Adler blamed the delay on the harbour board.\n"), "blamed")
    assert q.content_text == "the delay on the harbour board"
    q = with_cue(run(parse_text, "Councillor Adler praised the harbour board in a statement.\n"), "praised")
    assert q.content_text == "the harbour board"


def test_quotes_spans_a_time_is_no_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes = run(parse_text, "The ferry plan Okafor cited on Wednesday has appeared in many speeches.\n")
    assert all(q.content_text != "Wednesday" for q in quotes)


def test_quotes_spans_content_does_not_end_on_a_conjunction(parse_text) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.entities import extract_entities
    from newsgraph.quotes.context import _build_ctx
    from newsgraph.quotes.spans import content_spans

    text = "Okafor said the ferry is safe and cheap, and the board agreed.\n"
    parsed = parse_text(text)
    ctx = _build_ctx(parsed, extract_entities(parsed))
    start = text.index("the ferry")
    end = text.index(", and the") + len(", and")
    ((a, b),) = content_spans(ctx, [(start, end)])
    assert text[a:b] == "the ferry is safe and cheap"


def test_quotes_spans_infinitive_that_is_a_cue_joins_the_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour board was quick to point out that the fares had not risen.\n"
    q = with_cue(run(parse_text, text), "quick")
    assert q.cue is not None and q.cue.text == "was quick to point out"
    assert q.content_text == "that the fares had not risen"


def test_quotes_spans_infinitive_of_an_act_stays_the_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor refused to give up her seat on the harbour board.\n"
    q = with_cue(run(parse_text, text), "refused")
    assert q.cue is not None and q.cue.text == "refused"
    assert q.content_text == "to give up her seat on the harbour board"


def test_quotes_spans_source_leaves_out_a_participle_set_off_by_commas(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor, speaking at a rally near the harbour, said the ferry would run again.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.source is not None and q.source.text == "Mayor Lena Okafor"
    text = "The harbour report, published on the board's website, shows that the fares have risen.\n"
    q = with_cue(run(parse_text, text), "shows")
    assert q.source is not None and q.source.text == "The harbour report"


def test_quotes_spans_coordinated_pronoun_source_takes_the_whole_coordination(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "He and Councillor Ruth Adler said the ferry would run again.\n"), "said")
    assert q.source is not None and q.source.text == "He and Councillor Ruth Adler"
    q = with_cue(run(parse_text, "He said the ferry would run again.\n"), "said")
    assert q.source is not None and q.source.text == "He"


def test_quotes_spans_object_content_leaves_out_the_time_of_the_act(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler criticized the harbour board after the vote on the new fares.\n"
    q = with_cue(run(parse_text, text), "criticized")
    assert q.content_text == "the harbour board"


def test_quotes_spans_indirect_content_keeps_a_closing_apposition(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler criticized Jan Voss, the chair of the harbour board.\n"
    q = with_cue(run(parse_text, text), "criticized")
    assert q.content_text == "Jan Voss, the chair of the harbour board"


def test_quotes_spans_statement_with_a_participle_is_one_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    quotes = run(parse_text, "The harbour board released a statement saying the fares would fall.\n")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.cue is not None and q.cue.text == "released a statement saying"
    assert q.content_text == "the fares would fall"
    assert q.source is not None and q.source.text == "The harbour board"


def test_quotes_spans_quotations_of_one_clause_are_one_span(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor said the board was a “disgrace,” a “shambles” and a “joke.”\n"
    q = with_cue(run(parse_text, text)[:1], "said")
    assert [s.text for s in q.content] == ["the board was a “disgrace,” a “shambles” and a “joke.”"]
    q = with_cue(run(parse_text, "“The ferry will run,” Okafor said, “and the fares will fall.”\n"), "said")
    assert [s.text for s in q.content] == ["“The ferry will run,”", "“and the fares will fall.”"]


def test_quotes_spans_mixed_quote_keeps_the_object_it_describes(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Lena Okafor heralded the new agreement with the ferry company as a “breakthrough.”\n"
    q = with_cue(run(parse_text, text), "heralded")
    assert q.kind == "mixed"
    assert q.content_text == "the new agreement with the ferry company as a “breakthrough.”"


def test_quotes_spans_prepositional_object_content_keeps_the_description(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler referred to the mayor as a bright leader.\n"
    q = with_cue(run(parse_text, text), "referred")
    assert q.content_text == "the mayor as a bright leader"
