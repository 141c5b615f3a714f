"""Calendar arithmetic: ISO weeks, months, the nearest year, weekdays, holidays, seasons."""


from __future__ import annotations

import calendar
from datetime import date, timedelta


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
