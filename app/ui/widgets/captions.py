"""Words and fonts shared by the cycle screens: dates, statuses and headings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.widgets.dates import DAY_FORMAT
from app.ui.widgets.text_size import set_relative_font
from app.writing.cycle_records import CycleStatus
from app.writing.domains import Domain


def day_text(day: date) -> str:
    """A calendar date in the person's language, e.g. "3 Mar 2025"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), DAY_FORMAT)


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def experiment_phrase(day: date | None, status: CycleStatus, today: date) -> str:
    """When the experiment is or was planned, in words that fit its status."""
    if day is None:
        return "No date set for the experiment" if status is CycleStatus.PLANNED else ""
    if status is not CycleStatus.PLANNED:
        return f"Tried by {day_text(day)}"
    if day < today:
        return f"Due {day_text(day)}: time to reflect"
    if day == today:
        return "Due today"
    return f"Try it by {day_text(day)}"


def domains_text(domains: tuple[Domain, ...] | list[Domain]) -> str:
    """Domain labels joined for a sentence."""
    return ", ".join(d.label for d in domains) if domains else "No domain chosen"


def heading(
    text: str, accessible_name: str, factor: float = 1.5, parent: QWidget | None = None
) -> QLabel:
    """A bold, larger, word-wrapped label for a screen's title."""
    label = QLabel(text, parent)
    set_relative_font(label, factor, bold=True)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    return label


def plain_label(text: str, accessible_name: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped label for the person's own words: never read as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    return label
