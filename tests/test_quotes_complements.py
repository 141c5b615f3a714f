"""Which clause a cue verb reports (``quotes/cues.py``: ``_clause_complement``): the parser often
hangs the clause before a semicolon, colon or dash on the cue verb after it; that clause is
not what the verb reports when the verb has a clause of its own after it."""

from __future__ import annotations

from quote_helpers import run, with_cue


def test_quotes_clause_before_a_semicolon_is_not_the_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry never sailed again; Councillor Ruth Adler said the owners had lost interest.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.content_text == "the owners had lost interest"
    text = "The old pier was closed for a year; the harbour board argued the repairs were too expensive.\n"
    q = with_cue(run(parse_text, text), "argued")
    assert q.content_text == "the repairs were too expensive"


def test_quotes_clause_before_a_comma_is_still_the_content(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry will run again in May, Councillor Ruth Adler said.\n"
    q = with_cue(run(parse_text, text), "said")
    assert q.content_text.startswith("The ferry will run again in May")


def test_quotes_classifier_candidate_reports_the_clause_after_the_break(parse_text) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.quotes.cue_model import candidates, reported

    doc = parse_text("The old pier was closed for a year; the harbour board argued the repairs were too expensive.\n").doc
    verb = next(t for t in doc if t.text == "argued")
    first = next(candidates(verb))
    # the classifier sees the first clause the parse gives (as in its training) ...
    assert first.kind == "c" and first.comp.text == "closed"
    # ... the content is the clause after the semicolon
    content = reported(first)
    assert content is not None and content.comp.text == "were"


def test_quotes_relative_clause_is_no_parenthetical_cue(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor was introduced by Councillor Ruth Adler, who endorsed her last week, at the harbour.\n"
    quotes = run(parse_text, text)
    assert not any("introduced" in q.content_text for q in quotes), [(q.cue and q.cue.text, q.content_text) for q in quotes]
