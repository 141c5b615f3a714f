"""Speakers, issue 12 round 7: raising verbs the classifier accepts, subjects the parser hung on
an auxiliary, and the clause a classifier cue hangs on (texts written for these tests; the
hand-built parses test a shape whatever the statistical parser does with the sentence)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.quotes.subjects import _governor_subject, _subject
from quote_helpers import hand_parsed, run, with_cue


def test_raising_verb_accepted_by_the_classifier_names_no_source(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry captain sounded tired on Monday and seemed to take comfort from the new timetable.\n"
    q = with_cue(run(parse_text, text), "seemed")
    assert q.speaker.mention is None and q.source is None


def test_raising_verb_with_a_cue_inside_keeps_its_source(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Mayor Lena Okafor seemed to imply that the ferry would never run again.\n"), "imply")
    assert q.speaker.mention is not None and q.speaker.mention.text == "Mayor Lena Okafor"


def test_subject_hung_on_the_auxiliary() -> None:
    # "Okafor was n't so much saying that the fares would fall." (the parser hung the subject on "was")
    doc = hand_parsed(
        [
            ("Okafor", "NNP", "PROPN", "nsubj", 1),
            ("was", "VBD", "AUX", "aux", 5),
            ("n't", "RB", "PART", "neg", 1),
            ("so", "RB", "ADV", "advmod", 4),
            ("much", "JJ", "ADJ", "amod", 5),
            ("saying", "VBG", "VERB", "ROOT", 5),
            ("that", "IN", "SCONJ", "mark", 10),
            ("the", "DT", "DET", "det", 8),
            ("fares", "NNS", "NOUN", "nsubj", 10),
            ("would", "MD", "AUX", "aux", 10),
            ("fall", "VB", "VERB", "ccomp", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    subj = _subject(doc[5])
    assert subj is not None and subj.text == "Okafor"


def test_clitic_has_of_the_governing_clause_read_as_passive() -> None:
    # "She 's moved to the left , criticizing the toll ." ('s read as a passive "is")
    doc = hand_parsed(
        [
            ("She", "PRP", "PRON", "nsubjpass", 2),
            ("'s", "VBZ", "AUX", "auxpass", 2),
            ("moved", "VBN", "VERB", "ROOT", 2),
            ("to", "IN", "ADP", "prep", 2),
            ("the", "DT", "DET", "det", 5),
            ("left", "NN", "NOUN", "pobj", 3),
            (",", ",", "PUNCT", "punct", 2),
            ("criticizing", "VBG", "VERB", "advcl", 2),
            ("the", "DT", "DET", "det", 9),
            ("toll", "NN", "NOUN", "dobj", 7),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    subj = _subject(doc[7])
    assert subj is not None and subj.text == "She"


def _sidelined() -> Doc:
    # "Adler was sidelined after demonstrating that the pier needed repairs ."
    return hand_parsed(
        [
            ("Adler", "NNP", "PROPN", "nsubjpass", 2),
            ("was", "VBD", "AUX", "auxpass", 2),
            ("sidelined", "VBN", "VERB", "ROOT", 2),
            ("after", "IN", "ADP", "prep", 2),
            ("demonstrating", "VBG", "VERB", "pcomp", 3),
            ("that", "IN", "SCONJ", "mark", 8),
            ("the", "DT", "DET", "det", 7),
            ("pier", "NN", "NOUN", "nsubj", 8),
            ("needed", "VBD", "VERB", "ccomp", 4),
            ("repairs", "NNS", "NOUN", "dobj", 8),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )


def test_classifier_cue_takes_the_subject_of_the_passive_clause_it_hangs_on() -> None:
    doc = _sidelined()
    assert _subject(doc[4]) is None  # the speaker rules name nobody
    subj = _governor_subject(doc[4])
    assert subj is not None and subj.text == "Adler"


def test_passive_participle_climbs_to_no_speaker() -> None:
    # "Asked about the toll , Okafor said it would stay ."
    doc = hand_parsed(
        [
            ("Asked", "VBN", "VERB", "advcl", 6),
            ("about", "IN", "ADP", "prep", 0),
            ("the", "DT", "DET", "det", 3),
            ("toll", "NN", "NOUN", "pobj", 1),
            (",", ",", "PUNCT", "punct", 6),
            ("Okafor", "NNP", "PROPN", "nsubj", 6),
            ("said", "VBD", "VERB", "ROOT", 6),
            ("it", "PRP", "PRON", "nsubj", 9),
            ("would", "MD", "AUX", "aux", 9),
            ("stay", "VB", "VERB", "ccomp", 6),
            (".", ".", "PUNCT", "punct", 6),
        ]
    )
    assert _governor_subject(doc[0]) is None


def test_classifier_participle_after_a_passive_clause_end_to_end(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Ruth Adler was sidelined after demonstrating that the pier needed repairs.\n"
    q = with_cue(run(parse_text, text), "demonstrating")
    assert q.speaker.mention is not None and q.speaker.mention.text.endswith("Adler")


def test_noun_cue_under_a_preposition_takes_the_subject_of_its_clause(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Councillor Adler closed out her tour of the harbour with only sparing mention of her rivals.\n"
    q = with_cue(run(parse_text, text), "mention")
    assert q.speaker.mention is not None and q.speaker.mention.text.endswith("Adler")


def test_noun_cue_under_a_preposition_takes_no_thing_as_its_holder() -> None:
    # "The report stirred debate with growing concern about the pier ." (a thing holds no view)
    from newsgraph.quotes.subjects import _names_someone

    doc = hand_parsed(
        [
            ("The", "DT", "DET", "det", 1),
            ("report", "NN", "NOUN", "nsubj", 2),
            ("stirred", "VBD", "VERB", "ROOT", 2),
            ("debate", "NN", "NOUN", "dobj", 2),
            ("with", "IN", "ADP", "prep", 2),
            ("growing", "VBG", "VERB", "amod", 6),
            ("concern", "NN", "NOUN", "pobj", 4),
            ("about", "IN", "ADP", "prep", 6),
            ("the", "DT", "DET", "det", 9),
            ("pier", "NN", "NOUN", "pobj", 7),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    subj = _governor_subject(doc[6])
    assert subj is not None and subj.text == "report"
    assert not _names_someone(subj)


def test_verb_of_appearance_names_no_source(parse_text) -> None:  # type: ignore[no-untyped-def]
    q = with_cue(run(parse_text, "Questions arose about the harbour board's spending on the pier.\n"), "arose")
    assert q.speaker.mention is None
