"""Speakers, issue 12 round 5: who holds the attitude of a classifier cue when the parse
hangs it on a noun or a clause (texts written for these tests; the parses are built by hand
so that each shape is tested whatever the statistical parser does with the sentence)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.quotes.scope import _source_token
from quote_helpers import hand_parsed


def test_adjective_after_its_noun_is_held_by_the_noun() -> None:
    # "Harbour workers reluctant to vote marched on Monday."
    doc = hand_parsed(
        [
            ("Harbour", "NN", "NOUN", "compound", 1),
            ("workers", "NNS", "NOUN", "nsubj", 5),
            ("reluctant", "JJ", "ADJ", "amod", 1),
            ("to", "TO", "PART", "aux", 4),
            ("vote", "VB", "VERB", "xcomp", 2),
            ("marched", "VBD", "VERB", "ROOT", 5),
            ("on", "IN", "ADP", "prep", 5),
            ("Monday", "NNP", "PROPN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    holder = _source_token(doc[2])
    assert holder is not None and holder.text == "workers"


def test_adjective_phrase_after_a_comma_is_held_by_the_clause_subject() -> None:
    # "Aides spent Sunday calling voters, confident that the plan would pass."
    doc = hand_parsed(
        [
            ("Aides", "NNS", "NOUN", "nsubj", 1),
            ("spent", "VBD", "VERB", "ROOT", 1),
            ("Sunday", "NNP", "PROPN", "npadvmod", 1),
            ("calling", "VBG", "VERB", "xcomp", 1),
            ("voters", "NNS", "NOUN", "dobj", 3),
            (",", ",", "PUNCT", "punct", 1),
            ("confident", "JJ", "ADJ", "advcl", 1),
            ("that", "IN", "SCONJ", "mark", 11),
            ("the", "DT", "DET", "det", 9),
            ("plan", "NN", "NOUN", "nsubj", 11),
            ("would", "MD", "AUX", "aux", 11),
            ("pass", "VB", "VERB", "ccomp", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    holder = _source_token(doc[6])
    assert holder is not None and holder.text == "Aides"


def test_verb_tagged_as_a_noun_keeps_its_subject() -> None:
    # "Port records show that the ferry ran late." with "show" read as a noun
    doc = hand_parsed(
        [
            ("Port", "NN", "NOUN", "compound", 1),
            ("records", "NNS", "NOUN", "nsubj", 2),
            ("show", "NN", "NOUN", "ROOT", 2),
            ("that", "IN", "SCONJ", "mark", 6),
            ("the", "DT", "DET", "det", 5),
            ("ferry", "NN", "NOUN", "nsubj", 6),
            ("ran", "VBD", "VERB", "ccomp", 2),
            ("late", "RB", "ADV", "advmod", 6),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    holder = _source_token(doc[2])
    assert holder is not None and holder.text == "records"


def test_noun_cue_without_subject_or_owner_has_no_holder() -> None:
    # "A concern that the pier is unsafe.": a headline noun with nobody named
    doc = hand_parsed(
        [
            ("A", "DT", "DET", "det", 1),
            ("concern", "NN", "NOUN", "ROOT", 1),
            ("that", "IN", "SCONJ", "mark", 5),
            ("the", "DT", "DET", "det", 4),
            ("pier", "NN", "NOUN", "nsubj", 5),
            ("is", "VBZ", "AUX", "acl", 1),
            ("unsafe", "JJ", "ADJ", "acomp", 5),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert _source_token(doc[1]) is None


def _said_after_aside(first: tuple[str, str, str], rest: list[tuple[str, str, str]]) -> Doc:
    """'<first>, <rest>, said the ferry runs.' with no subject on "said" (the parser hung the
    name elsewhere), as PolNeAR's texts have it after a line break or a long aside."""
    rows: list[tuple[str, str, str, str, int]] = [(first[0], first[1], first[2], "npadvmod", len(rest) + 3)]
    rows.append((",", ",", "PUNCT", "punct", 0))
    for k, (word, tag, pos) in enumerate(rest):
        rows.append((word, tag, pos, "prep" if k == 0 else "pobj", 2 if k else len(rest) + 3))
    said = len(rows) + 1
    rows.append((",", ",", "PUNCT", "punct", said))
    rows += [
        ("said", "VBD", "VERB", "ROOT", said),
        ("the", "DT", "DET", "det", said + 2),
        ("ferry", "NN", "NOUN", "nsubj", said + 3),
        ("runs", "VBZ", "VERB", "ccomp", said),
        (".", ".", "PUNCT", "punct", said),
    ]
    return hand_parsed(rows)


def test_name_before_a_setting_aside_is_the_speaker() -> None:
    from newsgraph.quotes.subjects import _subject

    doc = _said_after_aside(("Okafor", "NNP", "PROPN"), [("in", "IN", "ADP"), ("Bergen", "NNP", "PROPN")])
    said = next(t for t in doc if t.text == "said")
    speaker = _subject(said)
    assert speaker is not None and speaker.text == "Okafor"


def test_pronoun_before_an_aside_is_the_speaker() -> None:
    from newsgraph.quotes.subjects import _subject

    doc = _said_after_aside(("She", "PRP", "PRON"), [("in", "IN", "ADP"), ("letters", "NNS", "NOUN")])
    said = next(t for t in doc if t.text == "said")
    speaker = _subject(said)
    assert speaker is not None and speaker.text == "She"


def test_clause_before_the_verb_is_no_aside() -> None:
    from newsgraph.quotes.subjects import _subject

    doc = _said_after_aside(("Okafor", "NNP", "PROPN"), [("then", "RB", "ADV"), ("left", "VBD", "VERB")])
    said = next(t for t in doc if t.text == "said")
    assert _subject(said) is None
