"""Actor codes at the party / legislature / government line (round 11): a party's national
committee, a department's staff, a legislative committee's posts, a candidate's staff."""

from __future__ import annotations

from event_helpers import actor_named
from newsgraph.actors import code_phrase
from newsgraph.kb import load_kb

_actor = actor_named


def test_actors_national_committee_is_a_party_organ() -> None:
    # "committee" alone is a legislature's (LEG); a party's national committee is the party's
    pc = code_phrase(load_kb(), "Green National Committee chairman")
    assert pc.sector == "PTY"
    assert code_phrase(load_kb(), "a former DNC chairman").sector == "PTY"


def test_actors_party_committee_by_name_is_a_party_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "The Republican National Committee filed a complaint against the mayor on Monday."
    assert _actor(analyzer, text, "Republican National Committee").code == "USAPTY"


def test_actors_department_staff_are_government() -> None:
    # the post ("liaison") has no sector: the department that holds it decides, not what the
    # title says the post deals with ("congressional"), nor the department's field ("Justice")
    assert code_phrase(load_kb(), "Justice Department congressional liaison").sector == "GOV"
    assert code_phrase(load_kb(), "Justice Department spokesman").sector == "GOV"
    assert code_phrase(load_kb(), "congressional liaison").sector == "LEG"


def test_actors_legislative_committee_posts_are_legislature() -> None:
    assert code_phrase(load_kb(), "House Ways Committee chairman").sector == "LEG"
    assert code_phrase(load_kb(), "Rules Committee members").sector == "LEG"


def test_actors_candidate_staff_are_party_actors(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Democratic presidential nominee Hillary Clinton spoke in Ohio on Monday. "
        "Clinton communications director Mary Vandersloot said the debate was a success."
    )
    actor = _actor(analyzer, text, "Mary Vandersloot")
    assert actor.code == "USAPTY"
    assert "staff" in (actor.note or "")


def test_actors_critic_named_after_a_candidate_is_no_staff(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Republican presidential nominee Donald Trump spoke in Ohio on Monday. "
        "Trump critic Mark Vandersloot said the debate was a failure."
    )
    actor = _actor(analyzer, text, "Mark Vandersloot")
    assert "staff" not in (actor.note or "")


def test_actors_former_staff_of_a_candidate_keep_their_code(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Democratic presidential nominee Hillary Clinton spoke in Ohio on Monday. "
        "Former Clinton aide Mary Vandersloot said the debate was a success."
    )
    actor = _actor(analyzer, text, "Mary Vandersloot")
    assert "staff" not in (actor.note or "")


def test_actors_staff_title_beside_a_past_one_is_no_staff(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Democratic presidential nominee Hillary Clinton spoke in Ohio on Monday. "
        "Clinton tech aide Mary Vandersloot, a former technology aide to Hillary Clinton, refused to testify."
    )
    actor = _actor(analyzer, text, "Mary Vandersloot")
    assert "staff" not in (actor.note or "")
