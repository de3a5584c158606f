"""Periods named relative to today ("this quarter"), so a saved search stays current."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Period(StrEnum):
    """A span of days that moves with the calendar."""

    LAST_7_DAYS = "last-7-days"
    LAST_30_DAYS = "last-30-days"
    THIS_MONTH = "this-month"
    THIS_QUARTER = "this-quarter"
    THIS_YEAR = "this-year"

    @property
    def label(self) -> str:
        """The period's name on screen."""
        return _LABELS[self]

    def bounds(self, today: date) -> tuple[date, date]:
        """The first and last day of the period, as seen on `today` (both included)."""
        if self is Period.LAST_7_DAYS:
            return today - timedelta(days=6), today
        if self is Period.LAST_30_DAYS:
            return today - timedelta(days=29), today
        if self is Period.THIS_MONTH:
            return today.replace(day=1), today
        if self is Period.THIS_QUARTER:
            return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today
        return today.replace(month=1, day=1), today


_LABELS = {
    Period.LAST_7_DAYS: "Last 7 days",
    Period.LAST_30_DAYS: "Last 30 days",
    Period.THIS_MONTH: "This month",
    Period.THIS_QUARTER: "This quarter",
    Period.THIS_YEAR: "This year",
}
