"""Speakers, issue 12 round 6: a finite cue verb the parse gives no subject (texts written for
these tests; the parses are built by hand so that each shape is tested whatever the
statistical parser does with the sentence)."""

from __future__ import annotations

from newsgraph.quotes.subjects import _subject
from quote_helpers import hand_parsed


def test_subject_of_a_first_clause_parsed_as_a_complement() -> None:
    # "Okafor warmly thanked the crew, then says she will stay." (the parser made the first
    # clause a complement of "says")
    doc = hand_parsed(
        [
            ("Okafor", "NNP", "PROPN", "nsubj", 2),
            ("warmly", "RB", "ADV", "advmod", 2),
            ("thanked", "VBD", "VERB", "ccomp", 7),
            ("the", "DT", "DET", "det", 4),
            ("crew", "NN", "NOUN", "dobj", 2),
            (",", ",", "PUNCT", "punct", 7),
            ("then", "RB", "ADV", "advmod", 7),
            ("says", "VBZ", "VERB", "ROOT", 7),
            ("she", "PRP", "PRON", "nsubj", 10),
            ("will", "MD", "AUX", "aux", 10),
            ("stay", "VB", "VERB", "ccomp", 7),
            (".", ".", "PUNCT", "punct", 7),
        ]
    )
    subj = _subject(doc[7])
    assert subj is not None and subj.text == "Okafor"


def test_opening_noun_phrase_hung_on_the_verb_in_another_role() -> None:
    # "Harbour workers — most of them pilots — are backing the strike." (the parser hung
    # "workers" on the verb as "dep")
    doc = hand_parsed(
        [
            ("Harbour", "NN", "NOUN", "compound", 1),
            ("workers", "NNS", "NOUN", "dep", 9),
            ("—", ":", "PUNCT", "punct", 1),
            ("most", "JJS", "ADJ", "appos", 1),
            ("of", "IN", "ADP", "prep", 3),
            ("them", "PRP", "PRON", "pobj", 4),
            ("pilots", "NNS", "NOUN", "appos", 3),
            ("—", ":", "PUNCT", "punct", 9),
            ("are", "VBP", "AUX", "aux", 9),
            ("backing", "VBG", "VERB", "ROOT", 9),
            ("the", "DT", "DET", "det", 11),
            ("strike", "NN", "NOUN", "dobj", 9),
            (".", ".", "PUNCT", "punct", 9),
        ]
    )
    subj = _subject(doc[9])
    assert subj is not None and subj.text == "workers"


def test_no_subject_from_a_quoted_clause_before_the_verb() -> None:
    # '"Ships sail," added ...': the quote's clause is the content, not the speaker's clause
    doc = hand_parsed(
        [
            ('"', "``", "PUNCT", "punct", 2),
            ("Ships", "NNS", "NOUN", "nsubj", 2),
            ("sail", "VBP", "VERB", "ccomp", 5),
            (",", ",", "PUNCT", "punct", 5),
            ('"', "''", "PUNCT", "punct", 5),
            ("added", "VBD", "VERB", "ROOT", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    assert _subject(doc[5]) is None


def test_no_subject_from_a_nominal_that_does_not_open_the_sentence() -> None:
    # "In the port, the plan, critics noted, fails." -> no: "plan" hangs on the verb but the
    # sentence opens with a setting, so the rule does not guess
    doc = hand_parsed(
        [
            ("In", "IN", "ADP", "prep", 9),
            ("the", "DT", "DET", "det", 2),
            ("port", "NN", "NOUN", "pobj", 0),
            (",", ",", "PUNCT", "punct", 9),
            ("the", "DT", "DET", "det", 5),
            ("plan", "NN", "NOUN", "npadvmod", 9),
            (",", ",", "PUNCT", "punct", 9),
            ("critics", "NNS", "NOUN", "nsubj", 8),
            ("noted", "VBD", "VERB", "parataxis", 9),
            ("fails", "VBZ", "VERB", "ROOT", 9),
            (".", ".", "PUNCT", "punct", 9),
        ]
    )
    assert _subject(doc[9]) is None


def test_a_preposition_parsed_as_subject_is_no_speaker() -> None:
    # "Of Carson, Reed, who runs the ports, said it works." (the parser made "Of" the subject
    # and the name its object): the name before the aside is the speaker
    doc = hand_parsed(
        [
            ("Of", "IN", "ADP", "nsubj", 9),
            ("Carson", "NNP", "PROPN", "nmod", 3),
            (",", ",", "PUNCT", "punct", 3),
            ("Reed", "NNP", "PROPN", "pobj", 0),
            (",", ",", "PUNCT", "punct", 3),
            ("who", "WP", "PRON", "nsubj", 6),
            ("runs", "VBZ", "VERB", "relcl", 3),
            ("ports", "NNS", "NOUN", "dobj", 6),
            (",", ",", "PUNCT", "punct", 3),
            ("said", "VBD", "VERB", "ROOT", 9),
            ("it", "PRP", "PRON", "nsubj", 11),
            ("works", "VBZ", "VERB", "ccomp", 9),
            (".", ".", "PUNCT", "punct", 9),
        ]
    )
    subj = _subject(doc[9])
    assert subj is not None and subj.text == "Reed"


def test_coordinated_adjective_is_held_by_the_first_adjectives_holder() -> None:
    # "Pilots are confident and acutely aware of the risk."
    from newsgraph.quotes.scope import _source_token

    doc = hand_parsed(
        [
            ("Pilots", "NNS", "NOUN", "nsubj", 1),
            ("are", "VBP", "AUX", "ROOT", 1),
            ("confident", "JJ", "ADJ", "acomp", 1),
            ("and", "CC", "CCONJ", "cc", 2),
            ("acutely", "RB", "ADV", "advmod", 5),
            ("aware", "JJ", "ADJ", "conj", 2),
            ("of", "IN", "ADP", "prep", 5),
            ("the", "DT", "DET", "det", 8),
            ("risk", "NN", "NOUN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    holder = _source_token(doc[5])
    assert holder is not None and holder.text == "Pilots"
