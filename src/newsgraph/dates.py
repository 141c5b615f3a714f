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
"""

from __future__ import annotations

import bisect
import calendar
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.document import ParsedDocument
from newsgraph.records import AnchoredDate, DateRef, Quote, Span

logger = logging.getLogger(__name__)

__all__ = ["Normalised", "date_quotes", "extract_dates", "normalise", "speech_date", "text_date"]


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    fuzzy: frozenset[str]
    units: dict[str, str]
    parts: dict[str, str]
    seasons: dict[str, str]
    frequencies: dict[str, str]
    ordinals: dict[str, int]
    cues: frozenset[str]
    holidays: dict[str, str]


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("newsgraph").joinpath("data", "dates", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def _lexicon() -> _Lexicon:
    by: dict[str, dict[str, str]] = {}
    for row in _rows("lexicon.tsv"):
        by.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
    holidays = {row[0]: row[1] for row in _rows("holidays.tsv")}
    return _Lexicon(
        months={k: int(v) for k, v in by["month"].items()},
        weekdays={k: int(v) for k, v in by["weekday"].items()},
        numbers={k: int(v) for k, v in by["number"].items()},
        fuzzy=frozenset(by["fuzzy"]),
        units=by["unit"],
        parts=by["part"],
        seasons=by["season"],
        frequencies=by["frequency"],
        ordinals={k: int(v) for k, v in by["ordinal"].items()},
        cues=frozenset(by["cue"]),
        holidays=holidays,
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "a few" wins over "a")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def _grammar() -> re.Pattern[str]:
    lx = _lexicon()
    month = rf"(?:{_alt(lx.months)})\b\.?"
    weekday = rf"(?:{_alt(lx.weekdays)})"
    numword = _alt(w for w in lx.numbers if w not in ("a", "an"))
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})*|(?:{numword})(?:-(?:{numword}))?|an?|{_alt(lx.fuzzy)})"
    unit = rf"(?:{_alt(lx.units)}|centuries)s?"
    part = rf"(?:{_alt(lx.parts)})"
    season = rf"(?:{_alt(lx.seasons)})"
    ordinal = rf"(?:{_alt(lx.ordinals)})"
    holiday = _alt(lx.holidays)
    mod = r"(?:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
    # Alternatives are tried left to right at each position: longer, more
    # specific patterns come first.
    families = [
        # "two weeks ago", "a year from now", "decades later"
        rf"(?P<ago>(?P<ago_n>{num})?[\s-]*(?P<ago_u>{unit})\s+(?P<ago_dir>ago|earlier|later|before|after|from\s+now|hence)\b)",
        # "every Monday", "each month", "twice a week", "daily"
        rf"(?P<set>(?:every|each)\s+(?:other\s+|single\s+)?(?P<set_u>{weekday}|{month}|{season}|{part}|day|week|weekend|month|year)\b"
        rf"|(?P<set_n>once|twice|thrice|{num}\s+times)\s+(?:a|an|per|each|every)\s+(?P<set_per>day|week|month|year|decade)\b"
        rf"|(?P<set_f>{_alt(lx.frequencies)})\b)",
        # "the third quarter of 2011", "the first half of next year"
        rf"(?P<quarter>the\s+(?P<q_n>{ordinal})\s+(?P<q_u>quarter|half)\b(?:\s+of\s+(?P<q_y>\d{{4}}|(?:the|this|last|next)\s+year)\b)?)",
        # "earlier this month", "last week", "next Tuesday", "this summer", "last night"
        rf"(?P<rel>(?:(?P<rel_mod>{mod})[\s-]+(?:in\s+)?)?(?P<rel_dir>this\s+past|this\s+coming|this|last|next)\s+"
        rf"(?P<rel_u>{weekday}|{month}|{season}|{part}|week|weekend|month|year)\b)",
        # "the past 26 years", "the next few months", "the last year" (durations)
        rf"(?P<pdur>(?:the\s+|this\s+|these\s+)?(?P<pd_dir>past|last|previous|next|coming|first|final|following)\s+"
        rf"(?:(?P<pd_n>{num})\s+)?(?P<pd_u>{unit})\b)",
        # "in recent years" (TIMEX3 PAST_REF), "these days" (PRESENT_REF)
        r"(?P<ref>(?:the\s+)?(?:most\s+)?(?P<ref_w>recent)\s+(?:days|weeks|months|years|decades)\b"
        r"|(?P<ref_now>these\s+days|nowadays)\b)",
        # "the end of the year" gives the publication's year (TIMEX3 would add mod=END)
        r"(?P<partof>(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+(?P<po_u>year|month|week)\b)",
        # "yesterday", "today", "tomorrow night"
        rf"(?P<deictic>(?P<dx>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)\b"
        rf"(?:\s+(?P<dx_part>{part})\b)?)",
        # "Wednesday, April 22, 2020", "Sept. 11"
        rf"(?P<mdy>(?:(?P<mdy_wd>{weekday}),?\s+)?(?P<mdy_m>{month})\s*(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:|\.\d|,\d{{3}})"
        rf"(?:,?\s+(?P<mdy_y>\d{{4}})\b)?)",
        # "22 April 2020", "the 22nd of April"
        rf"(?P<dmy>(?:(?P<dmy_wd>{weekday}),?\s+)?(?:the\s+)?(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{month})"
        rf"(?:,?\s+(?P<dmy_y>\d{{4}})\b)?)",
        # "May 2012", "early February 2016"
        rf"(?P<my>(?:(?P<my_mod>early|late|mid)[\s-]+)?(?P<my_m>{month}),?\s+(?:of\s+)?(?P<my_y>\d{{4}})\b)",
        r"(?P<iso>\b(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})\b)",
        r"(?P<num>\b(?P<n_a>\d{1,2})/(?P<n_b>\d{1,2})/(?P<n_y>\d{4}|\d{2})\b)",
        # "the 1990s", "the '80s", "the mid-2000s"
        r"(?P<decade>(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<dec_c>1\d|20)|')(?P<dec_d>\d)0s\b)",
        rf"(?P<century>the\s+(?:(?P<cen_n>\d{{1,2}})(?:st|nd|rd|th)|(?P<cen_w>{ordinal}))\s+century\b)",
        rf"(?P<holiday>\b(?P<hol>{holiday})(?![\w']))",
        # "28 years", "three-day", "a 10-year" (not "21-year-old")
        rf"(?P<dur>(?P<dn_n>{num})[\s-]+(?P<dn_u>{unit})\b(?!s?[\s-]+old\b|-old\b))",
        # "Monday", "late Thursday", "Tuesday night", "Mondays"
        rf"(?P<wd>(?:(?:early|late)\s+)?(?P<wd_d>{weekday})(?P<wd_pl>s)?\b(?:\s+(?P<wd_part>{part})\b)?)",
        # "in March", "early February"
        rf"(?P<bm>(?:(?P<bm_mod>early|late|mid)[\s-]+)?(?P<bm_m>{month})(?!\w))",
        r"(?P<year>(?<![\d$£€.,-])(?P<yr>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d))",
        r"(?P<bare>(?:the\s+)?(?P<bare_u>years|decades|months|weeks|centuries)\b)",
        rf"(?P<season>(?:the\s+)?(?P<season_w>{season})\b)",
    ]
    return re.compile("|".join(families), re.IGNORECASE)


# --------------------------------------------------------------------------- calendar helpers


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _nearest_year(published: date, month: int, day: int | None, future: bool) -> int:
    """The year that puts month/day nearest ``published``; the disfavoured direction counts double."""
    best: tuple[float, int] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        if not 1 <= y <= 9999:
            continue
        if day is None:
            delta = float((y * 12 + month) - (published.year * 12 + published.month)) * 30.0
        else:
            dd = min(day, calendar.monthrange(y, month)[1])
            delta = float((date(y, month, dd) - published).days)
        ahead = delta > 0 if not future else delta < 0
        # News style omits the year of dates in the current year: the
        # publication year is preferred (its cost halved), so "January 1" in a
        # September article is that January, not next (checked on PolNeAR dev).
        cost = abs(delta) * (2.0 if ahead else 1.0) * (0.5 if y == published.year else 1.0)
        if best is None or cost < best[0]:
            best = (cost, y)
    assert best is not None
    return best[1]


def _weekday(published: date, wd: int, direction: str) -> date:
    """``direction``: past (on or before), last (strictly before), future (after), this (same ISO week)."""
    cur = published.isoweekday()
    if direction == "this":
        return published + timedelta(days=wd - cur)
    if direction == "future":
        return published + timedelta(days=(wd - cur - 1) % 7 + 1)
    if direction == "last":
        return published - timedelta(days=(cur - wd - 1) % 7 + 1)
    return published - timedelta(days=(cur - wd) % 7)


def _holiday(rule: str, year: int) -> date:
    parts = rule.split()
    if parts[0] == "fixed":
        m, d = (int(x) for x in parts[1].split("-"))
        return date(year, m, d)
    month, wd = int(parts[1]), int(parts[2])
    if parts[0] == "last":
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - wd) % 7)
    n = int(parts[3])
    first = date(year, month, 1)
    day = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    if parts[0] == "after":
        day += timedelta(days=int(parts[4]))
    return day


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


# --------------------------------------------------------------------------- normalisation


@dataclass(frozen=True, slots=True)
class Normalised:
    """One date expression found in a string: offsets into that string and its value."""

    start: int
    end: int
    value: str
    kind: str
    anchored: bool


def _number(word: str | None) -> int | None:
    """The value of a number phrase, ``None`` for "several"/"a few" (unknown)."""
    if not word:
        return 1
    lx = _lexicon()
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in lx.fuzzy:
        return None
    if w[0].isdigit():
        return int(w.replace(",", ""))
    if "-" in w:
        return sum(lx.numbers.get(p, 0) for p in w.split("-")) or None
    return lx.numbers.get(w)


def _unit(word: str) -> tuple[int, str]:
    """``(multiplier, ISO unit)`` for a unit word: "decades" -> (10, "Y")."""
    w = word.lower()
    if w == "centuries":
        w = "century"
    elif w.endswith("s") and w[:-1] in _lexicon().units:
        w = w[:-1]
    code = _lexicon().units[w]
    m = re.fullmatch(r"(\d*)(\D+)", code)
    assert m is not None
    return int(m.group(1) or 1), m.group(2)


def _duration(n: int | None, unit_word: str) -> str:
    mult, unit = _unit(unit_word)
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    amount = "X" if n is None else str(n * mult)
    return f"PT{amount}{letter}" if time_unit else f"P{amount}{letter}"


def _granular(published: date | None, unit_word: str, delta: int) -> str | None:
    """The ``delta``-th period of ``unit_word`` from the one containing ``published``."""
    mult, unit = _unit(unit_word)
    if published is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit)
    delta *= mult
    if unit == "D":
        return (published + timedelta(days=delta)).isoformat()
    if unit == "W":
        return _week(published + timedelta(weeks=delta))
    if unit == "M":
        y, m = _add_months(published.year, published.month, delta)
        return f"{y}-{m:02d}"
    if unit == "Y":
        if mult == 10:  # decades ago: the year (TIMEX3 keeps year granularity)
            return str(published.year + delta)
        return str(published.year + delta)
    return None


def _title_inside_sentence(m: re.Match[str], text: str) -> bool:
    """A capitalised first word that does not start a sentence, line or quotation."""
    if not m.group(0)[:1].isupper():
        return False
    before = text[max(0, m.start() - 5) : m.start()].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n\"“‘'(—–-:;"


def _resolve(m: re.Match[str], text: str, published: date | None, future: bool, permissive: bool) -> tuple[str, str] | None:
    """``(value, kind)`` for one grammar match, or ``None`` to reject it."""
    lx = _lexicon()
    g = m.group
    fam = m.lastgroup
    if fam is None:
        return None

    def prev_word() -> str:
        before = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, m.start() - 40) : m.start()])
        return before.group(1).lower() if before else ""

    if fam == "ago":
        n = _number(g("ago_n")) if g("ago_n") else (None if g("ago_u").lower().endswith("s") else 1)
        direction = g("ago_dir").lower()
        if direction in ("earlier", "later", "before", "after"):
            # relative to another event of the story, not to publication
            if direction in ("before", "after") and not permissive:
                return None
            return _duration(n, g("ago_u")), "duration"
        if n is None:
            return ("PAST_REF" if direction == "ago" else "FUTURE_REF"), "date"
        sign = -1 if direction == "ago" else 1
        value = _granular(published, g("ago_u"), sign * n)
        return (value, "date") if value else None

    if fam == "set":
        if g("set_f"):
            word = g("set_f")
            if word != word.lower():  # "The Daily Beast", "Weekly Standard"
                return None
            return lx.frequencies[word.lower()], "set"
        if g("set_per"):
            return _duration(1, g("set_per")), "set"
        u = g("set_u").lower().rstrip(".")
        if u in lx.weekdays:
            return f"XXXX-WXX-{lx.weekdays[u]}", "set"
        if u in lx.months:
            return f"XXXX-{lx.months[u]:02d}", "set"
        if u in lx.seasons:
            return f"XXXX-{lx.seasons[u]}", "set"
        if u in lx.parts:
            return f"XXXX-XX-XXT{lx.parts[u]}", "set"
        if u == "weekend":
            return "XXXX-WXX-WE", "set"
        return _duration(1, u), "set"

    if fam == "quarter":
        n = lx.ordinals[g("q_n").lower()]
        size = 4 if g("q_u").lower() == "quarter" else 2
        if n == -1:
            n = size
        if not 1 <= n <= size:
            return None
        tag = "Q" if size == 4 else "H"
        yw = (g("q_y") or "").lower().split()
        if yw and yw[0].isdigit():
            return f"{yw[0]}-{tag}{n}", "date"
        if published is None:
            return f"XXXX-{tag}{n}", "date"
        year = published.year + {"last": -1, "next": 1}.get(yw[0] if yw else "", 0)
        if not yw:
            current = (published.month - 1) * size // 12 + 1
            if n > current and not future:
                year -= 1
        return f"{year}-{tag}{n}", "date"

    if fam == "pdur":
        n = _number(g("pd_n")) if g("pd_n") else 1
        unit_word = g("pd_u")
        plural = unit_word.lower().endswith("s")
        head = m.group(0).split()[0].lower()
        if head not in ("the", "these", "this") and not g("pd_n"):
            # "last year", "next week" without "the": a date, handled by ``rel``
            return None
        if head == "this" and not g("pd_n"):
            return None
        if plural and not g("pd_n"):
            n = None
        if g("pd_dir").lower() in ("first", "final", "following") and not g("pd_n"):
            return None  # "the first day", "the following week": relative to the story
        return _duration(n, unit_word), "duration"

    if fam in ("rel", "deictic") and _title_inside_sentence(m, text):
        return None  # "USA Today", "CBS This Morning": names, not dates

    if fam == "rel":
        direction = re.sub(r"\s+", " ", g("rel_dir").lower())
        u = g("rel_u").lower().rstrip(".")
        step = {"last": -1, "next": 1, "this past": -1, "this coming": 1}.get(direction, 0)
        if u in lx.weekdays:
            wd = lx.weekdays[u]
            if published is None:
                return f"XXXX-WXX-{wd}", "date"
            how = {"last": "last", "this past": "last", "next": "future", "this coming": "future"}.get(direction)
            if how is None:  # "this Monday": the nearest one in the clause's direction
                how = "future" if future else "past"
            return _weekday(published, wd, how).isoformat(), "date"
        if u in lx.months:
            month = lx.months[u]
            if published is None:
                return f"XXXX-{month:02d}", "date"
            year = published.year
            if step == -1 and month >= published.month:
                year -= 1
            elif step == 1 and month <= published.month:
                year += 1
            return f"{year}-{month:02d}", "date"
        if u in lx.seasons:
            code = lx.seasons[u]
            if published is None:
                return f"XXXX-{code}", "date"
            first, _last = _SEASON_MONTHS[code]
            year = published.year + step
            if code == "WI" and published.month <= 2 and step == 0:
                year -= 1
            return f"{year}-{code}", "date"
        if u in lx.parts:
            if direction not in ("this", "last"):
                return None
            if published is None:
                return f"XXXX-XX-XXT{lx.parts[u]}", "date"
            when = published - timedelta(days=1 if direction == "last" else 0)
            return f"{when.isoformat()}T{lx.parts[u]}", "date"
        if u == "weekend":
            if published is None:
                return "XXXX-WXX-WE", "date"
            # the weekend ending the ISO week; "last weekend" early in the week is the one just gone
            base = published + timedelta(weeks=step)
            if step == -1 and published.isoweekday() <= 5:
                base = published - timedelta(days=published.isoweekday())
            return f"{_week(base)}-WE", "date"
        value = _granular(published, u, step)
        return (value, "date") if value else None

    if fam == "ref":
        return ("PRESENT_REF" if g("ref_now") else "PAST_REF"), "date"

    if fam == "partof":
        value = _granular(published, g("po_u"), 0)
        return (value, "date") if value else None

    if fam == "deictic":
        if g("dx").isupper() and len(g("dx")) > 1:
            return None  # "USA TODAY"
        dx = re.sub(r"\s+", " ", g("dx").lower())
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[dx]
        part = lx.parts[g("dx_part").lower()] if g("dx_part") else ("NI" if dx == "tonight" else "")
        stamp = "XXXX-XX-XX" if published is None else (published + timedelta(days=offset)).isoformat()
        return (f"{stamp}T{part}" if part else stamp), "date"

    if fam in ("mdy", "dmy"):
        month = lx.months[g(f"{fam}_m").lower().rstrip(".")]
        day = int(g(f"{fam}_d"))
        if not 1 <= day <= 31:
            return None
        if fam == "mdy" and g("mdy_m").lower().rstrip(".") == "may" and not g("mdy_m")[0].isupper():
            return None
        year_s = g(f"{fam}_y")
        if year_s:
            year = int(year_s)
        elif published is not None:
            year = _nearest_year(published, month, day, future)
        else:
            return (f"XXXX-{month:02d}-{day:02d}", "date") if day <= calendar.monthrange(2020, month)[1] else None
        if day > calendar.monthrange(year, month)[1]:
            return None
        return date(year, month, day).isoformat(), "date"

    if fam == "my":
        word = g("my_m").rstrip(".")
        if not word[0].isupper():
            return None
        return f"{int(g('my_y')):04d}-{lx.months[word.lower()]:02d}", "date"

    if fam == "iso":
        try:
            return date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))).isoformat(), "date"
        except ValueError:
            return None

    if fam == "num":
        a, b, y = int(g("n_a")), int(g("n_b")), int(g("n_y"))
        if y < 100:
            y += 2000 if y < 50 else 1900
        month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
        try:
            return date(y, month, day).isoformat(), "date"
        except ValueError:
            return None

    if fam == "decade":
        d = g("dec_d")
        c = g("dec_c")
        if c is None:
            if published is None:
                c = "19"
            else:
                c = "19" if int(d) > (published.year % 100) // 10 else "20"
        return f"{c}{d}X", "date"

    if fam == "century":
        n = int(g("cen_n")) if g("cen_n") else lx.ordinals.get(g("cen_w").lower(), 0)
        if not 1 <= n <= 22:
            return None
        return f"{n - 1:02d}XX", "date"

    if fam == "holiday":
        name = next((k for k in lx.holidays if k.lower() == re.sub(r"\s+", " ", g("hol")).lower()), None)
        if name is None:
            return None
        multiword = " " in name and name.lower() != "may day"  # "election day" is often lower case
        if not (g("hol")[0].isupper() or multiword):
            return None
        rule = lx.holidays[name]
        if published is None:
            if rule.startswith("fixed"):
                return f"XXXX-{rule.split()[1]}", "date"
            return None
        best = min(
            (_holiday(rule, y) for y in (published.year - 1, published.year, published.year + 1) if 1 <= y <= 9999),
            key=lambda d: abs((d - published).days) * (2 if (d > published) != future else 1),
        )
        return best.isoformat(), "date"

    if fam == "dur":
        n_word = g("dn_n").lower()
        if n_word in ("a", "an", "one") and not permissive:
            return None  # "a day" (twice a day), "one day": too often not a duration
        if n_word in lx.fuzzy and not permissive and n_word not in ("several", "a few", "few"):
            return None
        return _duration(_number(n_word), g("dn_u")), "duration"

    if fam == "wd":
        word = g("wd_d")
        if not word[0].isupper():
            return None
        wd = lx.weekdays[word.lower()]
        if g("wd_pl"):
            return f"XXXX-WXX-{wd}", "set"
        part = lx.parts[g("wd_part").lower()] if g("wd_part") else ""
        if published is None:
            stamp = f"XXXX-WXX-{wd}"
        else:
            stamp = _weekday(published, wd, "future" if future else "past").isoformat()
        return (f"{stamp}T{part}" if part else stamp), "date"

    if fam == "bm":
        word = g("bm_m").rstrip(".")
        low = word.lower()
        if not word[0].isupper() or len(low) < 3 or low in ("mar", "jun", "jul", "sep", "oct", "nov", "dec", "jan", "feb", "apr", "aug") and not g("bm_m").endswith("."):
            return None
        if not (permissive or g("bm_mod") or prev_word() in lx.cues):
            return None
        month = lx.months[low]
        if published is None:
            return f"XXXX-{month:02d}", "date"
        return f"{_nearest_year(published, month, None, future)}-{month:02d}", "date"

    if fam == "year":
        if not (permissive or prev_word() in lx.cues):
            return None
        return g("yr"), "date"

    if fam == "bare":
        if not permissive:
            return None
        return _duration(None, g("bare_u")), "duration"

    if fam == "season":
        if not permissive:
            return None
        code = lx.seasons[g("season_w").lower()]
        if published is None:
            return f"XXXX-{code}", "date"
        first, last = _SEASON_MONTHS[code]
        year = published.year
        if code != "WI" and first > published.month and not future:
            year -= 1
        return f"{year}-{code}", "date"

    return None  # pragma: no cover - every family is handled above


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,.-":
        abbr = re.search(r"\b([A-Z][a-z]{2,3})\.$", text[start:end])
        if text[end - 1] == "." and abbr and abbr.group(1).lower() in _lexicon().months and abbr.group(1).lower() not in ("may", "june", "july"):
            break  # keep the period of "Sept." / "Jan.", not the full stop after "July."
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _is_anchored(value: str, kind: str) -> bool:
    return kind == "date" and "X" not in value and not value.endswith("_REF")


_WORD_START = re.compile(r"(?<![\w'])(?:[A-Za-z]+|\d|'(?=\d0s))")


@cache
def _triggers() -> frozenset[str]:
    """Words a date expression can start with; the grammar is tried only there.

    Matching the whole alternation at every character cost 68 ms per PolNeAR
    dev article; trying it only at these word starts makes it a few ms.
    """
    lx = _lexicon()
    words = {
        *lx.months, *lx.weekdays, *lx.parts, *lx.seasons, *lx.frequencies, *lx.units, "centuries",
        *(w.split()[0] for w in (*lx.numbers, *lx.fuzzy)),
        *(w.split()[0].lower() for w in lx.holidays),
        "the", "this", "these", "last", "next", "past", "coming", "previous", "first", "final", "following",
        "every", "each", "once", "twice", "thrice", "early", "late", "mid", "earlier", "later",
        "yesterday", "today", "tonight", "tomorrow", "recent", "most", "nowadays",
        "end", "beginning", "start", "middle", "rest", "remainder",
    }
    words.update(f"{u}s" for u in lx.units)
    return frozenset(words)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Non-overlapping grammar matches, left to right (like ``finditer``, tried at trigger words only)."""
    grammar = _grammar()
    triggers = _triggers()
    pos = 0
    for w in _WORD_START.finditer(text):
        if w.start() < pos:
            continue
        word = w.group(0)
        if not (word[0].isdigit() or word == "'" or word.lower() in triggers):
            continue
        m = grammar.match(text, w.start())
        if m is not None and m.end() > m.start():
            pos = m.end()
            yield m


def normalise(
    text: str, published: date | None = None, *, future: bool = False, permissive: bool = False
) -> list[Normalised]:
    """Every date expression in ``text`` with its value (offsets are into ``text``).

    ``future`` resolves ambiguous expressions forward ("Monday" -> the next
    Monday); ``permissive`` also accepts bare years, months and unit words
    (used inside spans spaCy already tagged as dates).
    """
    out: list[Normalised] = []
    for m in _candidates(text):
        try:
            resolved = _resolve(m, text, published, future, permissive)
        except (ValueError, OverflowError):  # a value off the calendar (year 0, year 10000)
            logger.debug("no calendar value for %r", m.group(0))
            continue
        if resolved is None:
            continue
        start, end = _trim(text, m.start(), m.end())
        if end <= start:
            continue
        value, kind = resolved
        out.append(Normalised(start, end, value, kind, _is_anchored(value, kind)))
    return out


# --------------------------------------------------------------------------- the stage


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "gon"})


def _future_clause(parsed: ParsedDocument, start: int, end: int) -> bool:
    """Whether the clause around ``[start, end)`` is in the future tense ("will meet on Monday")."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok: Token = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return False
        tok = tok.head
    else:
        return False
    for t in (tok, *tok.children):
        if t.lower_ in _FUTURE_AUX or (t.lemma_ == "go" and any(c.lower_ == "to" for c in t.children)):
            return True
    return False


def _found(parsed: ParsedDocument, text: str, offset: int, permissive: bool) -> Iterator[Normalised]:
    published = parsed.published
    for n in normalise(text, published, permissive=permissive):
        start, end = n.start + offset, n.end + offset
        if published is not None and n.kind == "date" and _future_clause(parsed, start, end):
            again = [x for x in normalise(text[n.start : n.end], published, future=True, permissive=True) if x.start == 0]
            if again and again[0].end == n.end - n.start:
                n = again[0]
        yield Normalised(start, end, n.value, n.kind, n.anchored)


def extract_dates(parsed: ParsedDocument) -> list[DateRef]:
    """Every date expression of the article, in text order, ids ``D1``, ``D2`` ..."""
    text = parsed.text
    found = list(_found(parsed, text, 0, permissive=False))
    # spaCy DATE/TIME entities the grammar did not touch: a permissive pass
    # inside them catches the bare years and unit words the grammar alone
    # would over-generate on ("2016" in "the 2016 election").
    # found is in text order and non-overlapping, so one bisect finds any overlap
    starts = [n.start for n in found]
    ends = [n.end for n in found]
    for ent in parsed.doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        k = bisect.bisect_left(starts, ent.end_char)
        if k > 0 and ends[k - 1] > ent.start_char:
            continue
        found.extend(_found(parsed, ent.text, ent.start_char, permissive=True))
    found.sort(key=lambda n: (n.start, -n.end))
    refs: list[DateRef] = []
    last_end = -1
    for n in found:
        if n.start < last_end:
            continue
        last_end = n.end
        refs.append(
            DateRef(id=f"D{len(refs) + 1}", span=parsed.span(n.start, n.end), value=n.value, kind=n.kind, anchored=n.anchored)  # type: ignore[arg-type]
        )
    return refs


# --------------------------------------------------------------------------- dating speech acts and events

# Dependencies through which a date still belongs to the anchor's clause;
# climbing through any other link from a verb (ccomp, advcl, relcl, conj ...)
# means the date belongs to another event.
_CLAUSE_BREAKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "csubj", "parataxis", "conj", "acomp", "pcomp"})
_MAX_HOPS = 8
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "nmod"})


def _anchor_tokens(parsed: ParsedDocument, span: Span) -> list[Token]:
    sp = parsed.doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return []
    verbs = [t for t in sp if t.pos_ in ("VERB", "AUX")]
    return verbs or [sp.root]


def _attachment(parsed: ParsedDocument, ref: DateRef, anchors: Sequence[Token]) -> int | None:
    """Hops from the date up to an anchor token within one clause, ``None`` if it belongs elsewhere."""
    sp = parsed.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    anchor_ids = {t.i for t in anchors}
    tok: Token = sp.root
    if tok.dep_ in _NOUN_MODIFIERS and tok.i not in anchor_ids and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "the 2016 election", "Monday's debate": when the thing was, not the act
    for hops in range(_MAX_HOPS + 1):
        if tok.i in anchor_ids:
            return hops
        if tok.head is tok:
            return None
        is_verb = tok.pos_ in ("VERB", "AUX")
        if is_verb and tok.dep_ in _CLAUSE_BREAKS:
            return None
        if is_verb and tok.dep_ == "acl" and tok.tag_ not in ("VBN", "VBG"):
            return None  # a finite relative clause: "the law that passed on Monday"
        tok = tok.head
    return None


_DOUBLE_MARKS = '"“”«»'  # single marks double as apostrophes ("Trump’s"): not counted


def _inside_quotation(parsed: ParsedDocument, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened earlier in its paragraph.

    A date the quoted speaker says ("[from 2012]") is not when they said it,
    even when the quote extractor's content span misses it. Paragraphs, not
    sentences: spaCy often splits a sentence right after an opening mark.
    """
    para = parsed.paragraph_of(offset)
    before = parsed.text[para[0] if para else max(0, offset - 2000) : offset]
    # every double mark toggles: texts mix “ with a closing " (the seed does)
    return sum(before.count(c) for c in _DOUBLE_MARKS) % 2 == 1


def _in_range(dates: Sequence[DateRef], start: int, end: int) -> Sequence[DateRef]:
    """The dates starting in ``[start, end)`` of ``dates`` in text order (a bisect: long texts stay linear)."""
    lo = bisect.bisect_left(dates, start, key=lambda r: r.span.start)
    hi = bisect.bisect_left(dates, end, lo=lo, key=lambda r: r.span.start)
    return dates[lo:hi]


def text_date(
    parsed: ParsedDocument, span: Span, dates: Sequence[DateRef], *, exclude: Sequence[Span] = ()
) -> DateRef | None:
    """The date the text gives for the act at ``span`` (a cue or event trigger), if any.

    A calendar date in the same sentence whose dependency path reaches the
    anchor without leaving its clause (so "noted in a letter ... on April 22"
    counts, "said the vote, held on March 31, ..." does not), and which is not
    inside an ``exclude`` span (the quoted content). The nearest such date wins.
    ``dates`` must be in text order, as ``extract_dates`` returns them.
    """
    anchors = _anchor_tokens(parsed, span)
    if not anchors:
        return None
    sent = anchors[0].sent
    best: tuple[int, int, DateRef] | None = None
    for ref in _in_range(dates, sent.start_char, sent.end_char):
        if ref.kind != "date" or ref.value.endswith("_REF"):
            continue
        if not (sent.start_char <= ref.span.start and ref.span.end <= sent.end_char):
            continue
        if any(ref.span.overlaps(x) for x in exclude) or _inside_quotation(parsed, ref.span.start):
            continue
        hops = _attachment(parsed, ref, anchors)
        if hops is None:
            continue
        key = (hops, abs(ref.span.start - span.start))
        if best is None or key < best[:2]:
            best = (key[0], key[1], ref)
    return None if best is None else best[2]


def speech_date(
    parsed: ParsedDocument, span: Span | None, dates: Sequence[DateRef], *, exclude: Sequence[Span] = ()
) -> AnchoredDate | None:
    """When the act at ``span`` happened: the text's date, else the publication date, else ``None``."""
    ref = text_date(parsed, span, dates, exclude=exclude) if span is not None else None
    if ref is not None:
        return AnchoredDate(ref.value, "text", ref.span)
    if parsed.published is not None:
        return AnchoredDate(parsed.published.isoformat(), "publication")
    return None


def date_quotes(parsed: ParsedDocument, quotes: Sequence[Quote], dates: Sequence[DateRef]) -> list[Quote]:
    """Each quote with ``date`` set to the date of its speech act (see ``speech_date``)."""
    out = []
    dates = sorted(dates, key=lambda r: r.span.start)
    for q in quotes:
        anchor = q.cue
        if anchor is None and q.speaker.mention is not None:
            anchor = q.speaker.mention
        out.append(replace(q, date=speech_date(parsed, anchor, dates, exclude=q.content)))
    return out
