"""Incompatible offices given to the same people within one article."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.flags import find_flags, office_class, office_mentions
from newsgraph.records import Entity, Mention, Span

PUB = date(2020, 4, 23)

GROUP_TEXT = (
    "Some US senators sent a congratulatory letter to the separatist leaders.\n"
    "US Representatives Ann Long and Bob Short congratulated the leaders on the vote.\n"
    "The minister asked the US senators to withdraw it."
)


def test_flags_offices_mentions_classes_and_countries() -> None:
    got = [(m.span.text, m.office, m.plural) for m in office_mentions(GROUP_TEXT)]
    assert got == [
        ("senators", "upper_house", True),
        ("Representatives", "lower_house", True),
        ("senators", "upper_house", True),
    ]
    assert office_class("U.S. Senator") == "upper_house"
    assert office_class("Prime Minister of India") == "head_of_government"
    assert office_class("chief executive") is None


def test_flags_offices_chamber_name_is_not_an_office() -> None:
    assert office_mentions("the US House of Representatives voted on Friday") == []
    assert office_mentions("a representative of the company said") == []


def test_flags_offices_group_fallback_without_entities(parse_text) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_text(GROUP_TEXT, published=PUB)
    flags = find_flags(parsed, [], [], kb=None)
    assert len(flags) == 1
    (flag,) = flags
    assert flag.id == "X1" and flag.kind == "incompatible_offices"
    texts = [s.text for s in flag.spans]
    assert "Representatives" in texts[1] and "senators" in texts[0]
    for s in flag.spans:
        assert GROUP_TEXT[s.start : s.end] == s.text


def test_flags_offices_from_entity_mentions(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "US Representatives met the envoy. Later the senators left."
    parsed = parse_text(text, published=PUB)
    a, b = text.index("Representatives"), text.index("the senators")
    group = Entity(
        "E1",
        "US Representatives",
        "group",
        mentions=(
            Mention(a, a + 15, "Representatives", "nominal"),
            Mention(b, b + 12, "the senators", "nominal"),
        ),
    )
    (flag,) = find_flags(parsed, [group], [], kb=None)
    assert flag.entities[0] == "E1"
    assert [s.text for s in flag.spans] == ["Representatives", "senators"]


def test_flags_offices_one_name_two_titles(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Sen. John Marsh spoke first. Later, Rep. John Marsh answered questions."
    (flag,) = find_flags(parse_text(text, published=PUB), [], [], kb=None)
    assert flag.kind == "incompatible_offices"
    assert [s.text for s in flag.spans] == ["Sen.", "Rep."]


def test_flags_offices_different_people_not_flagged(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senators passed the bill on Monday. House members rejected a different bill.\n"
        "Sen. John Marsh and Rep. Ann Long disagreed."
    )
    assert find_flags(parse_text(text, published=PUB), [], [], kb=None) == []


def test_flags_offices_former_title_not_flagged(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Former Sen. John Marsh, now Rep. John Marsh, spoke."
    assert find_flags(parse_text(text, published=PUB), [], [], kb=None) == []


def test_flags_offices_former_scopes_over_qualifier_and_coordination() -> None:
    got = {
        m.head.text: m.modifier
        for m in office_mentions("a former Ohio governor and senator, and the former Texas governor")
    }
    assert got == {"governor": "former", "senator": "former"}


def test_flags_offices_singular_coreference_not_trusted(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Vice President Joe Biden spoke. Later the president left."
    parsed = parse_text(text, published=PUB)
    a, b = text.index("Joe Biden"), text.index("the president")
    person = Entity(
        "E1",
        "Joe Biden",
        "person",
        mentions=(Mention(a, a + 9, "Joe Biden"), Mention(b, b + 13, "the president", "nominal")),
    )
    assert find_flags(parsed, [person], [], kb=None) == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "US",
                "senators",
                "Sen.",
                "Representatives",
                "the",
                "former",
                "House of",
                "Gov.",
                "president",
                ",",
                "and",
                "MPs",
                "x",
            ]
        ),
        max_size=12,
    )
)
def test_flags_offices_mention_offsets_property(words: list[str]) -> None:
    text = " ".join(words)
    for m in office_mentions(text):
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.contains(m.head)


def test_flags_offices_office_nested_in_a_role_is_not_a_title(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The novel is about Secretary of State Ann Long, a pilot who joined the cabinet after the president phoned her."
    parsed = parse_text(text, published=PUB)
    title = text.index("Secretary of State")
    role2 = text.index("a pilot")
    person = Entity(
        "E1",
        "Ann Long",
        "person",
        mentions=(Mention(text.index("Ann Long"), text.index("Ann Long") + 8, "Ann Long"),),
        roles=(Span.of(text, title, title + 18), Span.of(text, role2, len(text) - 1)),
    )
    assert find_flags(parsed, [person], [], kb=None) == []


def test_flags_offices_role_titles_conflict(parse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Ann Long, a senator from Ohio, spoke."
    parsed = parse_text(text, published=PUB)
    r2 = text.index("a senator")
    person = Entity(
        "E1",
        "Ann Long",
        "person",
        mentions=(Mention(9, 17, "Ann Long"),),
        roles=(Span.of(text, 0, 8), Span.of(text, r2, r2 + len("a senator from Ohio"))),
    )
    (flag,) = find_flags(parsed, [person], [], kb=None)
    assert [s.text for s in flag.spans] == ["Governor", "senator"]
