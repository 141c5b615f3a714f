"""The light English check: a warning for text in another language, none for English news."""

from __future__ import annotations

import logging

import pytest

from newsgraph.language import english_share, language_warning

ENGLISH = (
    "The city council voted on Tuesday to close the harbour until the dispute with the dock workers is "
    "settled, and the mayor said she would meet union leaders again at the end of the week."
)
FRENCH = (
    "Le conseil municipal a voté mardi la fermeture du port jusqu'au règlement du conflit avec les dockers, "
    "et la maire a déclaré qu'elle rencontrerait de nouveau les dirigeants syndicaux en fin de semaine."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, den Hafen bis zur Beilegung des Streits mit den Hafenarbeitern "
    "zu schließen, und die Bürgermeisterin sagte, sie werde die Gewerkschaftsführer Ende der Woche erneut treffen."
)
RUSSIAN = (
    "Городской совет во вторник проголосовал за закрытие порта до урегулирования спора с докерами, "
    "а мэр заявила, что снова встретится с лидерами профсоюза в конце недели."
)


def test_language_english_news_passes() -> None:
    assert language_warning(ENGLISH) is None
    share, words = english_share(ENGLISH)
    assert share > 0.36 and words > 20


@pytest.mark.parametrize("text", [FRENCH, GERMAN, RUSSIAN])
def test_language_other_languages_are_flagged(text: str) -> None:
    warning = language_warning(text)
    assert warning is not None and "English only" in warning


def test_language_short_texts_are_not_judged() -> None:
    assert language_warning("Bonjour à tous.") is None
    assert language_warning("") is None


def test_language_warning_reaches_the_analysis_and_the_log(analyzer, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING, logger="newsgraph.pipeline"):
        result = analyzer(FRENCH)
    assert any("does not look like English" in w for w in result.warnings)
    assert any("does not look like English" in r.getMessage() for r in caplog.records)
    assert not analyzer(ENGLISH).warnings


def test_language_terse_english_is_not_flagged() -> None:
    # few function words (names, numbers, a wire-style list), but no other language fits better
    terse = (
        "Iraqi Kurdish Peshmerga forces, backed by US-led coalition aircraft, recaptured Bashiqa, Nawaran, "
        "Fadiliya and Tiz Khirab villages northeast of Mosul Sunday, Kurdish commanders said."
    )
    share, words = english_share(terse)
    assert share < 0.2 and words >= 20
    assert language_warning(terse) is None
