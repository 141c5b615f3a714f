"""Which mention is the speaker: the rules that follow PolNeAR's choice of Source (texts written for these tests)."""

from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes
from newsgraph.records import Quote


def run(parse_text, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    quotes, _ = extract_quotes(parsed, extract_entities(parsed))
    return quotes


def by_cue(quotes: list[Quote], cue: str) -> Quote:
    """The quote whose cue is ``cue`` or a verb group with it ("was announced", "pointed out")."""
    found = [q for q in quotes if q.cue is not None and (q.cue.text == cue or cue in q.cue.text.split())]
    assert len(found) == 1, [(q.cue and q.cue.text, q.content_text) for q in quotes]
    return found[0]


def speaker_text(q: Quote) -> str | None:
    return None if q.speaker.mention is None else q.speaker.mention.text


def test_participle_after_reported_clause_takes_outer_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "insisting" hangs on a verb of the reported clause; the one insisting is the mayor
    text = (
        "Mayor Tom Okafor said the bridge would reopen in May, insisting that the repairs were on schedule.\n"
    )
    q = by_cue(run(parse_text, text), "insisting")
    assert speaker_text(q) == "Mayor Tom Okafor"


def test_reported_belief_inside_a_statement_is_not_a_second_relation(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler said she believes the harbour fees are too high.\n"
    quotes = run(parse_text, text)
    # the belief is kept as a nested relation, within the statement (issue 12)
    assert [q.cue.text for q in quotes if q.cue is not None and q.within is None] == ["said"]
    assert speaker_text(quotes[0]) == "Councillor Ruth Adler"
    assert [q.within for q in quotes if q.within is not None] == [quotes[0].id]


def test_passive_cue_with_by_agent_names_the_agent(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Asked by a reporter whether the plan would survive the vote, Okafor said he was confident.\n"
    quotes = run(parse_text, text)
    assert speaker_text(by_cue(quotes, "Asked")) == "a reporter"
    assert speaker_text(by_cue(quotes, "said")) == "Okafor"


def test_passive_cue_without_agent_has_no_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "It was announced on Monday that the pier will be sold to a private investor.\n"
    quotes = run(parse_text, text)
    q = by_cue(quotes, "announced")
    assert q.speaker.mention is None


def test_object_of_governing_verb_is_the_one_who_wonders(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ruling left many residents to wonder whether the pier would survive the winter.\n"
    q = by_cue(run(parse_text, text), "wonder")
    assert speaker_text(q) == "many residents"


def test_inverted_said_after_words_outside_the_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the words between the closing mark and ", said" are not the speaker
    text = '"This will be a hard winter" for the fishermen, said Anna Berg, an economist.\n'
    quotes = run(parse_text, text)
    assert len(quotes) == 1
    assert speaker_text(quotes[0]) == "Anna Berg"


def test_carried_speaker_skips_relations_nested_in_a_statement(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Okafor said that for years some rivals had been forecasting a collapse of the harbour trade.\n\n"
        '"That is not going to happen while I am in this office, and the numbers prove it."\n'
    )
    quotes = run(parse_text, text)
    carried = [q for q in quotes if q.cue is None]
    assert len(carried) == 1
    assert speaker_text(carried[0]) == "Okafor"


def test_quote_without_cue_takes_the_subject_of_its_paragraphs_sentence(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Okafor said the vote would be close.\n\n"
        'Berg sounded less sure about the outcome. "Nobody knows what the council will do next week, '
        'and nobody will tell us."\n'
    )
    quotes = run(parse_text, text)
    q = next(q for q in quotes if q.kind == "direct")
    assert speaker_text(q) == "Berg"
    assert q.cue is not None and q.cue.text == "sounded"
    assert q.confidence == 0.5


def test_quote_opening_its_paragraph_still_carries_the_previous_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We will rebuild the pier before the summer," Okafor said on Monday.\n\n'
        '"The money is there, and the engineers are ready to start."\n'
    )
    quotes = run(parse_text, text)
    assert len(quotes) == 2
    assert quotes[1].cue is None
    assert speaker_text(quotes[1]) == "Okafor"


def test_pointed_out_is_a_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler pointed out that the pier had been repaired twice.\n"
    q = by_cue(run(parse_text, text), "pointed")
    assert speaker_text(q) == "Councillor Ruth Adler"
    assert q.content_text == "that the pier had been repaired twice"


def test_quote_after_a_cue_inside_a_reported_clause_belongs_to_the_outer_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Okafor said he would brief the council on “the many legal risks lurking around us, "
        "in the courts and in the press, which nobody here understands.”\n"
    )
    quotes = run(parse_text, text)
    # mixed: the content keeps the reported clause before the quotation, as PolNeAR marks it
    direct = [q for q in quotes if q.kind in ("direct", "mixed")]
    assert len(direct) == 1
    assert speaker_text(direct[0]) == "Okafor"


def test_object_of_a_non_causative_verb_is_not_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "used a word to describe": the word describes nothing, Okafor does
    q = by_cue(run(parse_text, "Okafor used a harsh word to describe the council.\n"), "describe")
    assert speaker_text(q) == "Okafor"


def test_contracted_auxiliary_is_not_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "While he’s said he will fight the plan to the end, Okafor must decide what he wants.\n"
    q = by_cue(run(parse_text, text), "said")
    assert speaker_text(q) == "he"


def test_clitic_has_read_as_passive_still_gives_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "While he's said he will fight the plan to the end, Okafor must decide what he wants.\n"
    q = by_cue(run(parse_text, text), "said")
    assert speaker_text(q) == "he"


def test_dateline_is_never_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Washington (AFP) - Harbour Commissioner Elena Varga on Monday attacked the council, "
        "saying the sale was illegal.\n"
    )
    q = by_cue(run(parse_text, text), "saying")
    assert q.speaker.mention is not None
    assert "Varga" in q.speaker.mention.text
    assert "Washington" not in q.speaker.mention.text


def test_quote_without_cue_takes_the_verb_nearest_to_it(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The pier must stay," Okafor said on Monday.\n\n'
        'As the harbour historian Jan Voss puts it, "Nobody will remember the vote, but everybody will '
        'remember the pier."\n'
    )
    quotes = run(parse_text, text)
    q = quotes[-1]
    assert q.cue is not None and q.cue.text == "puts"
    assert speaker_text(q) is not None and "Voss" in speaker_text(q)  # type: ignore[operator]


def test_trailing_dash_byline_names_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # a horizontal bar glued to the closing mark, as in collections of readers' comments
    text = (
        "“The ferry timetable makes no sense to anyone who works nights.”― Marta Olsen\n"
        "“I would rather cycle across the bridge in the rain.” ― Pieter Vos\n"
        "“Nobody asked the people on the island.”\xa0―\xa0Ines Carvalho.\n"
    )
    quotes = run(parse_text, text)
    assert [speaker_text(q) for q in quotes] == ["Marta Olsen", "Pieter Vos", "Ines Carvalho"]
    assert all(q.cue is not None and q.cue.text == "―" for q in quotes)


def test_dash_paragraph_after_a_quote_paragraph_names_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The candidates met in the harbour hall on Tuesday.\n\n"
        '"We will rebuild the north pier before the storms come back."\n\n'
        "- Lena Brandt, candidate for mayor.\n\n"
        "The pier has been closed since March.\n"
    )
    quotes = run(parse_text, text)
    q = next(q for q in quotes if "north pier" in q.content_text)
    assert speaker_text(q) == "Lena Brandt"
    assert q.cue is not None and q.cue.text == "-"


def test_dash_paragraph_with_a_verb_is_not_a_byline(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"The pier is closed."\n\n- Lena Brandt won the vote by forty ballots.\n'
    quotes = run(parse_text, text)
    assert all(speaker_text(q) != "Lena Brandt" for q in quotes)


def test_clause_with_its_own_cue_and_subject_keeps_its_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "but Adler told reporters" is a statement of its own, not part of the outer "Okafor said"
    text = 'Okafor said the plan was late, but Adler told reporters, "It is a good start for the harbour."\n'
    q = next(q for q in run(parse_text, text) if "good start" in q.content_text)
    assert speaker_text(q) == "Adler"
    text = '"The ferry budget is not settled yet," Okafor said on Monday, though she said, "We expect to."\n'
    q = next(q for q in run(parse_text, text) if "expect to" in q.content_text)
    assert speaker_text(q) == "she"


def test_known_as_names_nobody_as_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Many of the old ferries, derisively known as “floating sheds” by the crews, were sold.\n"
        "In harbour politics, it's known as “pier ownership”: the party that builds the pier keeps it.\n"
    )
    quotes = run(parse_text, text)
    assert all(speaker_text(q) not in ("Many", "it", "the old ferries", "ferries") for q in quotes)


def test_of_two_parsed_subjects_the_one_nearest_the_verb_speaks(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the parser reads the place before the comma as a second subject of "went"
    text = "Campaigning at a fish market in Bergen, Norway, Okafor went after Adler, calling him “a tired clerk.”\n"
    q = by_cue(run(parse_text, text), "calling")
    assert speaker_text(q) == "Okafor"


def test_participle_after_comma_takes_the_subject_before_the_comma(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "writing" the subject of the quote's verb
    text = "Singer Mira Holt posted the photo online on Sunday, writing “Proud to stand with the dock workers today.”\n"
    q = by_cue(run(parse_text, text), "writing")
    assert speaker_text(q) == "Singer Mira Holt"


def test_an_age_used_as_a_noun_can_be_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the recognizer tags "47-year-old" as a DATE, and dates are never speakers
    text = "“Ivo runs the choir with calm and patience,” said the 47-year-old.\n"
    q = by_cue(run(parse_text, text), "said")
    assert speaker_text(q) == "the 47-year-old"
    text = "“Why does the ferry leave so early?” the 51-year-old asked in her letter.\n"
    q = by_cue(run(parse_text, text), "asked")
    assert speaker_text(q) == "the 51-year-old"


def test_headline_label_is_the_source_of_the_headline(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Okafor: Harbour Bridge Will Reopen Before Winter.\n\nThe mayor spoke on Monday at the town hall.\n"
    )
    quotes = run(parse_text, text)
    q = by_cue(quotes, ":")
    assert speaker_text(q) == "Okafor"
    assert q.content_text == "Harbour Bridge Will Reopen Before Winter"


def test_section_names_and_exclamations_are_not_headline_sources(parse_text) -> None:  # type: ignore[no-untyped-def]
    for title in (
        "The Latest: Harbour bridge will reopen before winter.",
        "HARBOUR WATCH: Harbour Bridge Will Reopen Before Winter.",
        "Wow: Harbour Bridge Will Reopen Before Winter.",
    ):
        quotes = run(parse_text, title + "\n\nThe mayor spoke on Monday at the town hall.\n")
        assert all(q.cue is None or q.cue.text != ":" for q in quotes), title


def test_a_possessed_speaker_is_not_its_owner(parse_text) -> None:  # type: ignore[no-untyped-def]
    # "her spokesman" speaks for himself: not resolved to the "her" (he is a person of his own), and a
    # name in apposition wins
    text = (
        "Mayor Ann Pike opened the bridge on Monday. “The port will reopen in May,” her spokesman said.\n"
        "Her deputy, Tom Reed, said the ferries would wait. Ann Pike's lawyer said the case was closed.\n"
    )
    quotes = run(parse_text, text)
    spokesman = next(q for q in quotes if "port will reopen" in q.content[0].text)
    assert speaker_text(spokesman) == "her spokesman"
    assert spokesman.speaker.name == "her spokesman"
    deputy = next(q for q in quotes if "ferries" in q.content[0].text)
    assert deputy.speaker.name == "Tom Reed"
    lawyer = next(q for q in quotes if "case was closed" in q.content[0].text)
    assert lawyer.speaker.name != "Ann Pike"


def test_quotes_speakers_party_label_after_the_name_is_not_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "At the state convention on Saturday Sen. Dana Ortiz (D-NM) said the tax plan was “a proven failure” for families.\n"
    quotes = run(parse_text, text)
    assert len(quotes) == 1
    assert speaker_text(quotes[0]) == "Sen. Dana Ortiz"


def test_quotes_speakers_name_in_apposition_is_the_source(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "One farmer from the valley, Maria Lopez, said she had lost half of her crop to the floods.\n"
    quotes = run(parse_text, text)
    assert len(quotes) == 1
    assert speaker_text(quotes[0]) == "Maria Lopez"
    assert quotes[0].speaker.name == "Maria Lopez"



def test_name_before_an_apposition_is_the_speaker_when_the_parse_gives_none(parse_text) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "Vasquez" on the opening phrase and gives "recounted" no subject
    text = (
        "In a May letter to the mayor, Vasquez, head of the Harbour Trust, recounted that the ferry had "
        "been late for weeks.\n"
    )
    q = by_cue(run(parse_text, text), "recounted")
    assert speaker_text(q) == "Vasquez"
    assert q.source is not None and q.source.text == "Vasquez, head of the Harbour Trust,"


def test_expletive_it_of_a_linking_verb_names_no_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    for text, cue in (
        ("It seems that the ferry will not run this winter.\n", "seems"),
        ("It may seem strange that the harbour board never met in March.\n", "seem"),
    ):
        q = by_cue(run(parse_text, text), cue)
        assert q.speaker.mention is None, text


def test_it_with_be_and_an_infinitive_is_still_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Just days before it was to report its earnings, the ferry company said it would cut fares.\n"
    q = by_cue(run(parse_text, text), "report")
    assert speaker_text(q) == "it"


def test_passive_of_an_experiencer_verb_names_who_holds_the_belief(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Ms. Okafor is still persuaded of the value of a second bridge.\n"
    q = by_cue(run(parse_text, text), "persuaded")
    assert speaker_text(q) == "Ms. Okafor"


def test_passive_of_a_verb_of_saying_still_names_no_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Okafor was told that the ferry would not run again.\n"
    q = by_cue(run(parse_text, text), "told")
    assert q.speaker.mention is None


def test_in_the_words_of_names_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    from quote_helpers import run

    text = (
        "The ferry has run since 1950. In the words of Mayor Lena Okafor, "
        "\u201cthe ferry is the heart of this town.\u201d\n"
    )
    (q,) = [q for q in run(parse_text, text) if q.kind == "direct"]
    assert q.speaker.name == "Lena Okafor"
    assert q.cue is not None and q.cue.text == "In the words of"
