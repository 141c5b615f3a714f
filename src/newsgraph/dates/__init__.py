"""Dates: date expressions normalised against the publication date, and the dating of quotes.

``extract_dates(parsed)`` finds date expressions with a grammar of its own
(data in ``data/dates/``) over the whole text, plus a more permissive pass over
the spaCy ``DATE``/``TIME`` entities it did not cover (bare years such as the
"2016" of "the 2016 election", "a week", "years"). Each becomes a ``DateRef``
whose value follows TIMEX3 / ISO 8601:

=====================  ==============================  =========================
kind                   value                           examples
=====================  ==============================  =========================
date (day)             ``YYYY-MM-DD``                  April 22; yesterday; Monday
date (part of day)     ``YYYY-MM-DDTMO|AF|EV|NI``      Monday night; this morning
date (week)            ``YYYY-Www`` (ISO week)         last week
date (weekend)         ``YYYY-Www-WE``                 this weekend
date (month)           ``YYYY-MM``                     earlier this month; May 2012
date (season/quarter)  ``YYYY-SP|SU|FA|WI``, ``-Qn``,  last summer; the first
                       ``-Hn``                         quarter of 2015
date (year)            ``YYYY``                        last year; since 2016
date (decade/century)  ``YYYX`` / ``YYXX``             the 1990s; the 19th century
duration               ``PnY``, ``PnM``, ``PnW``,      the past 28 years -> P28Y;
                       ``PnD``, ``PTnH``, ``PTnM``,    three-day; for years -> PXY
                       ``PTnS``; ``X`` for "several"
set                    ``XXXX-WXX-d``, ``XXXX-MM``,    every Monday; every April;
                       ``P1D`` ...                     daily; twice a week -> P1W
=====================  ==============================  =========================

Digits the text does not determine are ``X``: without a publication date
"April 22" is ``XXXX-04-22`` and "yesterday" ``XXXX-XX-XX``. ``anchored`` is
true when the value is a fully specified place on the calendar (no ``X``; a
date, not a duration or set). TIMEX3 modifiers (early/late/mid) are dropped:
"earlier this month" has the month's value.

A day and month without a year take the year that puts the date nearest the
publication date, a date in the future counting double (news mostly reports
what has happened), unless the clause is in the future tense. Weekdays resolve
the same way: "Monday" is the latest Monday on or before publication, "next
Monday" / "Monday" in a future clause the first one after it.

``date_quotes`` gives each quote the date of its speech act: a date attached to
the cue verb or its clause (not inside the quoted content), else the
publication date. ``speech_date`` does the same for any span (events reuse it).

Modules: ``lexicon`` (vocabulary and grammar), ``calendar_rules`` (calendar
arithmetic), ``normalise`` (a string's date expressions and their values),
``extract`` (the stage over a parsed document), ``speech`` (dating speech acts).
"""

from newsgraph.dates.extract import extract_dates
from newsgraph.dates.normalise import Normalised, normalise
from newsgraph.dates.speech import date_quotes, speech_date, text_date

__all__ = ["Normalised", "date_quotes", "extract_dates", "normalise", "speech_date", "text_date"]
