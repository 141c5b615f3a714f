"""Date expressions in a string, each with its TIMEX3 / ISO 8601 value against the publication date."""


from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newsgraph.dates.calendar_rules import (
    _SEASON_MONTHS,
    _add_months,
    _holiday,
    _nearest_year,
    _week,
    _weekday,
)
from newsgraph.dates.lexicon import _grammar, _lexicon

logger = logging.getLogger(__name__)



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


_ARTICLES = frozenset(("the", "a", "an"))
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+|\d|')")


@cache
def _followers() -> frozenset[str]:
    """Words that can come right after "the", "a" or "an" in a date expression: any word one can
    start with, an ordinal ("the third quarter") or any word of a number or fuzzy amount ("a few")."""
    lx = _lexicon()
    words = set(_triggers()) | set(lx.ordinals)
    for phrase in (*lx.numbers, *lx.fuzzy):
        words.update(phrase.lower().split())
    return frozenset(words)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Non-overlapping grammar matches, left to right (like ``finditer``, tried at trigger words only).

    An article is tried only when the next word can go on a date expression: "the" and "a"
    are a tenth of an article's words, and trying the whole grammar at each was most of the
    stage's time.
    """
    grammar = _grammar()
    triggers = _triggers()
    followers = _followers()
    pos = 0
    for w in _WORD_START.finditer(text):
        if w.start() < pos:
            continue
        word = w.group(0)
        lower = word.lower()
        if not (word[0].isdigit() or word == "'" or lower in triggers):
            continue
        if lower in _ARTICLES:
            nxt = _NEXT_WORD.match(text, w.end())
            if nxt is None or not (nxt.group(1)[0].isdigit() or nxt.group(1) == "'" or nxt.group(1).lower() in followers):
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
