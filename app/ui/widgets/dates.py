"""Dates are stored in UTC; people see them in their own time zone and language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

DAY_FORMAT = "d MMM yyyy"
MOMENT_FORMAT = "ddd d MMM yyyy, HH:mm"


def local_text(moment: datetime, fmt: str = MOMENT_FORMAT) -> str:
    """`moment` (timezone-aware) in the computer's local time, written with Qt's locale."""
    local = moment.astimezone()
    shown = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return QLocale().toString(shown, fmt)


def local_day(moment: datetime) -> str:
    """Just the local date, for list rows."""
    return local_text(moment, DAY_FORMAT)
