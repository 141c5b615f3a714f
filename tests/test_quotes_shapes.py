"""Direct-quote shapes: split, multi-paragraph, nested, attribution before/after/dash/according to."""

from __future__ import annotations

from newsgraph.entities import extract_entities
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.marks import _scan_marks


def run(parse_text, text: str):  # type: ignore[no-untyped-def]
    parsed = parse_text(text)
    return extract_quotes(parsed, extract_entities(parsed))


def test_split_quote_is_one_quote_with_two_spans(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = '"We will rebuild the bridge," Mayor Tom Okafor said on Friday, "and we will do it before the winter."\n'
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert len(q.content) == 2
    assert q.content[0].text == '"We will rebuild the bridge,"'
    assert q.content[1].text == '"and we will do it before the winter."'
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker.mention is not None and "Okafor" in q.speaker.mention.text


def test_attribution_before_with_colon(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said: “There will be no new taxes this year, and nobody should expect them.”\n"
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].cue is not None and quotes[0].cue.text == "said:"  # the colon is part of the cue
    assert quotes[0].speaker.mention is not None and quotes[0].speaker.mention.text == "The minister"


def test_inverted_said_x(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Prices will keep rising until the port reopens for the big ships,” said Anna Berg, an economist.\n"
    )
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    assert quotes[0].speaker.mention is not None and "Anna Berg" in quotes[0].speaker.mention.text


def test_multi_paragraph_quote_is_one_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The coach Peter Lund said: “We trained hard all winter and the team is ready for the final.\n\n"
        "“Nobody expected us to get this far, but here we are and we want the cup.”\n\n"
        "The final is on Sunday.\n"
    )
    quotes, _ = run(parse_text, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert "We trained hard" in direct[0].content_text and "we want the cup" in direct[0].content_text
    assert "The final is on Sunday" not in direct[0].content_text


def test_nested_single_quotes_stay_inside(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“They told us ‘wait until next year’ and then they closed the school for good,” the parent said.\n"
    )
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    assert "‘wait until next year’" in quotes[0].content_text


def test_according_to(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The factory will close in March, according to the regional union leader Sofia Marin.\n"
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.cue is not None and q.cue.text == "according to"
    assert "factory will close" in q.content_text
    assert q.speaker.mention is not None and "Marin" in q.speaker.mention.text


def test_mixed_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The senator said that the budget was “a disgrace to every taxpayer” and promised to vote against it.\n"
    quotes, _ = run(parse_text, text)
    mixed = [q for q in quotes if q.kind == "mixed"]
    assert mixed, [(q.kind, q.content_text) for q in quotes]
    assert "“a disgrace to every taxpayer”" in mixed[0].content_text
    assert mixed[0].content_text.startswith("that")


def test_warned_without_that(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The doctors warned the hospital would run out of beds within a week.\n"
    quotes, _ = run(parse_text, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "indirect" and quotes[0].cue is not None and quotes[0].cue.text == "warned"
    assert quotes[0].speaker.mention is not None and quotes[0].speaker.mention.text == "The doctors"


def test_quoted_title_is_framing(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "She first became famous with the film “The Long Summer Road” in 1998.\n"
    quotes, framing = run(parse_text, text)
    assert not [q for q in quotes if "Long Summer" in q.content_text]
    assert [f.kind for f in framing] == ["title"]


def test_scan_marks_unbalanced_never_breaks() -> None:
    text = 'He said ” and then " and “ open\n\n” stray'
    paragraphs = ((0, text.index("\n")), (text.rindex("\n") + 1, len(text)))
    found, _ = _scan_marks(text, paragraphs)
    for q in found:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)


def test_nested_curly_double_quotes_make_one_quote(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "“We would sooner build in what she calls “the mess” than wait for a perfect plan,” said Ana Ruiz.\n"
    quotes, _ = run(parse_text, text)
    q = next(q for q in quotes if "sooner build" in q.content_text)
    assert q.content_text.endswith("perfect plan,”")
    assert q.speaker.mention is not None and q.speaker.mention.text == "Ana Ruiz"
