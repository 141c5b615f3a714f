"""The date vocabulary (``data/dates/``) and the grammar built from it."""


from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources


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
