"""Speakers, issue 12 round 9: the subject of a finite cue verb read from the word order when the
parse gives it none (texts written for these tests; the hand-built parses test a shape whatever the
statistical parser does with the sentence)."""

from __future__ import annotations

from newsgraph.quotes.subjects import _phrase_before, _subject
from quote_helpers import hand_parsed


def test_number_phrase_right_before_a_subjectless_verb() -> None:
    # "Most said the fares rose and one in four said the ferry was late." (the parser made "one" a
    # conjunct of the first clause and left the second "said" without a subject)
    doc = hand_parsed(
        [
            ("Most", "JJS", "ADJ", "nsubj", 1),
            ("said", "VBD", "VERB", "ROOT", 1),
            ("the", "DT", "DET", "det", 3),
            ("fares", "NNS", "NOUN", "nsubj", 4),
            ("rose", "VBD", "VERB", "ccomp", 1),
            ("and", "CC", "CCONJ", "cc", 4),
            ("one", "CD", "NUM", "conj", 4),
            ("in", "IN", "ADP", "prep", 6),
            ("four", "CD", "NUM", "pobj", 7),
            ("said", "VBD", "VERB", "ccomp", 1),
            ("the", "DT", "DET", "det", 11),
            ("ferry", "NN", "NOUN", "nsubj", 12),
            ("was", "VBD", "AUX", "ccomp", 9),
            ("late", "JJ", "ADJ", "acomp", 12),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    subj = _subject(doc[9])
    assert subj is not None and subj.text == "one"


def test_phrase_after_than_before_a_coordinated_verb() -> None:
    # "The toll is higher than the harbour board says it should be." ("says" parsed as a conjunct of
    # "is", whose subject is the toll)
    doc = hand_parsed(
        [
            ("The", "DT", "DET", "det", 1),
            ("toll", "NN", "NOUN", "nsubj", 2),
            ("is", "VBZ", "AUX", "ROOT", 2),
            ("higher", "JJR", "ADJ", "acomp", 2),
            ("than", "IN", "ADP", "prep", 3),
            ("the", "DT", "DET", "det", 7),
            ("harbour", "NN", "NOUN", "compound", 7),
            ("board", "NN", "NOUN", "pobj", 4),
            ("says", "VBZ", "VERB", "conj", 2),
            ("it", "PRP", "PRON", "nsubj", 11),
            ("should", "MD", "AUX", "aux", 11),
            ("be", "VB", "AUX", "ccomp", 8),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    subj = _subject(doc[8])
    assert subj is not None and subj.text == "board"


def test_object_of_a_preposition_before_the_verb_is_no_subject() -> None:
    # "Okafor appeared on Sunday news shows." with "shows" read as a verb: "news" closes the object
    # of "on", not a subject
    doc = hand_parsed(
        [
            ("Okafor", "NNP", "PROPN", "nsubj", 1),
            ("appeared", "VBD", "VERB", "ROOT", 1),
            ("on", "IN", "ADP", "prep", 1),
            ("Sunday", "NNP", "PROPN", "compound", 4),
            ("news", "NN", "NOUN", "pobj", 2),
            ("shows", "VBZ", "VERB", "conj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert _phrase_before(doc[5]) is None


def test_aside_between_spaced_dashes_before_a_subjectless_verb() -> None:
    # "Ms. Okafor - in a letter that reached the board - declared that the ferry would run." (the
    # parser hung "Okafor" on the preposition and left "declared" without a subject)
    doc = hand_parsed(
        [
            ("Ms.", "NNP", "PROPN", "compound", 1),
            ("Okafor", "NNP", "PROPN", "npadvmod", 3),
            ("-", "HYPH", "PUNCT", "punct", 3),
            ("in", "IN", "ADP", "prep", 11),
            ("a", "DT", "DET", "det", 5),
            ("letter", "NN", "NOUN", "pobj", 3),
            ("that", "WDT", "PRON", "nsubj", 7),
            ("reached", "VBD", "VERB", "relcl", 5),
            ("the", "DT", "DET", "det", 9),
            ("board", "NN", "NOUN", "dobj", 7),
            ("-", "HYPH", "PUNCT", "punct", 11),
            ("declared", "VBD", "VERB", "ROOT", 11),
            ("that", "IN", "SCONJ", "mark", 16),
            ("the", "DT", "DET", "det", 14),
            ("ferry", "NN", "NOUN", "nsubj", 16),
            ("would", "MD", "AUX", "aux", 16),
            ("run", "VB", "VERB", "ccomp", 11),
            (".", ".", "PUNCT", "punct", 11),
        ]
    )
    subj = _subject(doc[11])
    assert subj is not None and subj.text == "Okafor"


def test_participle_after_a_verb_whose_subject_the_parser_hung_elsewhere() -> None:
    # "Reed, in a grey suit, said little, offering only that the ferry was late." ("Reed" hung on
    # the preposition; "offering" takes the subject of "said", read from the word order)
    doc = hand_parsed(
        [
            ("Reed", "NNP", "PROPN", "npadvmod", 2),
            (",", ",", "PUNCT", "punct", 2),
            ("in", "IN", "ADP", "prep", 7),
            ("a", "DT", "DET", "det", 5),
            ("grey", "JJ", "ADJ", "amod", 5),
            ("suit", "NN", "NOUN", "pobj", 2),
            (",", ",", "PUNCT", "punct", 7),
            ("said", "VBD", "VERB", "ROOT", 7),
            ("little", "JJ", "ADJ", "dobj", 7),
            (",", ",", "PUNCT", "punct", 7),
            ("offering", "VBG", "VERB", "advcl", 7),
            ("only", "RB", "ADV", "advmod", 15),
            ("that", "IN", "SCONJ", "mark", 15),
            ("the", "DT", "DET", "det", 14),
            ("ferry", "NN", "NOUN", "nsubj", 15),
            ("was", "VBD", "AUX", "ccomp", 10),
            ("late", "JJ", "ADJ", "acomp", 15),
            (".", ".", "PUNCT", "punct", 7),
        ]
    )
    subj = _subject(doc[10])
    assert subj is not None and subj.text == "Reed"


def test_number_after_an_inverted_cue_is_the_speaker(parse_text) -> None:  # type: ignore[no-untyped-def]
    from quote_helpers import run, with_cue

    text = "The harbour workers gathered on the quay.\n\n“The ferry will never run on time,” said one of the captains.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.speaker.mention is not None and q.speaker.mention.text == "one"
    assert q.source is not None and q.source.text == "one of the captains"
