"""Negated, threatened, intended and hypothetical events are marked and never reported as actual."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.records import Analysis


def _kinds(a: Analysis) -> set[tuple[str, str, str]]:
    return {(e.type, e.polarity, e.modality) for e in a.events}


def test_events_modality_negation(analyzer: Analyzer) -> None:
    assert _kinds(analyzer("France did not criticize Germany.")) == {("ACCUSE", "negated", "actual")}
    assert ("ACCUSE", "negated", "actual") in _kinds(analyzer("France never criticized Germany."))


def test_events_modality_threatened(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("France threatened to impose sanctions on Germany."))
    assert ("THREATEN", "asserted", "actual") in k
    # sanctions are CAMEO 163, COERCE in the CAMEO-to-PLOVER 2021 table
    assert ("COERCE", "asserted", "threatened") in k
    assert ("COERCE", "asserted", "actual") not in k


def test_events_modality_intended_cooperation_is_an_agreement(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("France will send aid to Haiti."))
    assert ("AID", "asserted", "intended") in k and ("AGREE", "asserted", "actual") in k
    assert ("AID", "asserted", "actual") not in k


def test_events_modality_conditional_force_is_a_threat(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Iran will attack Iraq unless Baghdad accepts its conditions."))
    assert ("THREATEN", "asserted", "actual") in k
    assert ("ASSAULT", "asserted", "actual") not in k


def test_events_modality_hypothetical(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Chile urged Peru to resume negotiations."))
    assert ("CONSULT", "asserted", "hypothetical") in k
    assert ("CONSULT", "asserted", "actual") not in k
    assert _kinds(analyzer("If Turkey invades Syria, the region will suffer.")) <= {
        ("ASSAULT", "asserted", "hypothetical")
    }


def test_events_modality_refusal(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Serbia and Kosovo failed to agree on a border deal on Wednesday."))
    # concluding a deal is CAMEO 057, SUPPORT in the CAMEO-to-PLOVER 2021 table
    assert ("SUPPORT", "negated", "actual") in k and ("REJECT", "asserted", "actual") in k
    k = _kinds(analyzer("Serbia failed to agree to talks with Kosovo on Wednesday."))
    assert ("AGREE", "negated", "actual") in k and ("REJECT", "asserted", "actual") in k


def test_events_modality_background_clause_not_asserted(analyzer: Analyzer) -> None:
    a = analyzer("Poland demanded an admission by Moscow that Russian forces murdered Polish officers.")
    assert not [e for e in a.events if e.type == "ASSAULT" and e.modality == "actual"]


def test_events_modality_reported_fact_stays_actual(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Officials said that Syria attacked Turkey on Monday."))
    assert ("ASSAULT", "asserted", "actual") in k


def test_events_modality_refrain_negates(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Emmanuel Macron refrained from criticizing Angela Merkel."))
    assert ("ACCUSE", "negated", "actual") in k and ("ACCUSE", "asserted", "actual") not in k


def test_events_modality_a_persons_attack_is_verbal(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Emmanuel Macron attacked Angela Merkel for her energy policy."))
    assert ("ACCUSE", "asserted", "actual") in k and not any(t == "ASSAULT" for t, _, _ in k)
    assert ("ASSAULT", "asserted", "actual") in _kinds(analyzer("Russia attacked Ukraine on Thursday."))


def test_events_modality_for_x_to_be_done_is_wanted_not_done(analyzer: Analyzer) -> None:
    a = analyzer("The envoy praised the talks as an opening for an accord to be reached with Iran.")
    assert not [e for e in a.events if e.type == "AGREE" and e.modality == "actual"]


def test_events_modality_planned_and_alleged_acts(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("The planned visit of the president of France to Algeria was announced."))
    assert ("CONSULT", "asserted", "intended") in k and ("CONSULT", "asserted", "actual") not in k
    k = _kinds(analyzer("Police of Peru allegedly arrested a journalist of Chile."))
    assert ("COERCE", "asserted", "hypothetical") in k and ("COERCE", "asserted", "actual") not in k
    k = _kinds(analyzer("The president of France is scheduled to meet the king of Morocco on Monday."))
    assert ("CONSULT", "asserted", "intended") in k


def test_events_modality_what_is_permitted_is_not_done(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("The high court of Nigeria granted the police permission to detain the publisher for 45 days."))
    assert ("COERCE", "asserted", "hypothetical") in k
    assert ("COERCE", "asserted", "actual") not in k


def test_events_modality_the_accused_deed_through_the_object(analyzer: Analyzer) -> None:
    # "accused X of attacking": the attack is what is alleged, whichever word the parse hangs "of" on
    k = _kinds(analyzer("The European Commission accused the law of attacking civil society in Hungary."))
    assert ("ACCUSE", "asserted", "actual") in k
    assert ("ASSAULT", "asserted", "actual") not in k


def test_events_modality_declined_and_needed_acts_are_not_actual(analyzer: Analyzer) -> None:
    # "declined to condemn": the condemnation did not happen; "needs to impose": it has not yet
    k = _kinds(analyzer("The ministry declined to condemn the attack on the embassy."))
    assert ("ACCUSE", "asserted", "actual") not in k and ("ACCUSE", "negated", "actual") in k
    k = _kinds(analyzer("France needs to impose sanctions on Iran."))
    assert ("COERCE", "asserted", "actual") not in k and ("COERCE", "asserted", "hypothetical") in k
    assert ("COERCE", "asserted", "actual") in _kinds(analyzer("France imposed sanctions on Iran."))


def test_events_modality_habit_is_no_act(analyzer: Analyzer) -> None:
    assert _kinds(analyzer("Portugal often criticizes Spain over its fishing quotas.")) == {
        ("ACCUSE", "asserted", "hypothetical")
    }
    assert ("CONSULT", "asserted", "hypothetical") in _kinds(analyzer("Chile usually meets Peru in March."))
    assert ("ACCUSE", "asserted", "hypothetical") in _kinds(analyzer("Portugal has often criticized Spain."))
    # a past act done often still happened
    assert ("ACCUSE", "asserted", "actual") in _kinds(analyzer("Portugal frequently criticized Spain last year."))


def test_events_modality_yes_no_question_is_no_act(analyzer: Analyzer) -> None:
    k = _kinds(analyzer("Will the Chilean army attack Peru?"))
    assert ("ASSAULT", "asserted", "actual") not in k and ("THREATEN", "asserted", "actual") not in k
    assert ("ACCUSE", "asserted", "hypothetical") in _kinds(analyzer("Did Portugal criticize Spain?"))
    # a wh-question takes the act as given
    assert ("ACCUSE", "asserted", "actual") in _kinds(analyzer("Why did Portugal criticize Spain?"))


def test_events_modality_scheduled_be_to_and_going_to(analyzer: Analyzer) -> None:
    assert ("CONSULT", "asserted", "intended") in _kinds(analyzer("Chile is to meet Peru next week."))
    assert ("CONSULT", "asserted", "actual") not in _kinds(analyzer("Chile is to meet Peru next week."))
    assert ("ASSAULT", "asserted", "actual") not in _kinds(analyzer("Portugal is going to attack Spain."))


def test_events_modality_until_a_condition_is_met(analyzer: Analyzer) -> None:
    a = analyzer("Teachers said they will not end the strike until their demands have been met by the Chilean government.")
    assert not [e for e in a.events if e.polarity == "asserted" and e.modality == "actual"]
    # a past act that went on until something happened did happen
    a = analyzer("Chilean troops fought the rebels until the rebels surrendered.")
    assert ("ASSAULT", "asserted", "actual") in _kinds(a)


def test_events_modality_present_time_clause_is_future_or_generic(analyzer: Analyzer) -> None:
    a = analyzer("Senator Smith will be in Ohio when the president of France visits Dayton next week.")
    assert not [k for k in _kinds(a) if k[1:] == ("asserted", "actual")]
    # a past time clause reports an act that happened
    assert ("ACCUSE", "asserted", "actual") in _kinds(analyzer("France criticized Germany when the two leaders met in Paris."))


def test_events_modality_generic_relative_clause_is_no_act(analyzer: Analyzer) -> None:
    assert ("ASSAULT", "asserted", "actual") not in _kinds(analyzer("People who attack the president are cowards, he said."))


def test_events_modality_too_early_to_act(analyzer: Analyzer) -> None:
    a = analyzer("The governor of Ohio said it was too early to meet the president of Mexico.")
    assert ("CONSULT", "asserted", "actual") not in _kinds(a)
