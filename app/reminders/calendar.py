"""Dates as an iCalendar file (RFC 5545), which Outlook, Apple Calendar and Google Calendar
import, so a reminder comes even with the app closed.

A calendar is seldom private (shared with a PA, synced to a phone), so each event says only what
kind of date it is ("Reflect on your experiment (Inquiry Journal)") unless the person chooses to
include titles. Each event keeps its UID every time the file is written, so importing a newer
file moves or renames the events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from app.reminders.due import DueItem
from app.summary.privacy import LocatedFinding, apply_redactions, find_in

SUFFIX = ".ics"
PRODID = "-//Inquiry Journal//Inquiry Journal//EN"
APP = "Inquiry Journal"
REMIND_AT = "PT9H"
"""An all-day event starts at midnight; its reminder comes at 09:00 that day."""
_FOLD_AT = 75  # octets a line may hold before it is folded (RFC 5545, 3.1)


def event_summary(item: DueItem, *, titles: bool) -> str:
    """What the calendar shows for the date: "Reflect on your experiment (Inquiry Journal)"."""
    return f"{item.words(titles=titles)} ({APP})"


def title_findings(items: Sequence[DueItem]) -> list[LocatedFinding]:
    """What in the items' titles could identify someone; each finding's path is the item's
    place in `items`."""
    return find_in(tuple(item.title for item in items))


def with_titles_redacted(
    items: Sequence[DueItem], findings: Sequence[LocatedFinding]
) -> list[DueItem]:
    """The items with each finding in their titles replaced by its label, as a summary's
    redaction does."""
    titles = apply_redactions(tuple(item.title for item in items), findings)
    return [replace(item, title=title) for item, title in zip(items, titles, strict=True)]


def to_ics(items: Sequence[DueItem], *, titles: bool, stamp: datetime) -> str:
    """The calendar file's text: one all-day event a date, each with a reminder that morning.

    `stamp` is when the file is made (every event's DTSTAMP).
    """
    made = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for item in items:
        summary = _text(event_summary(item, titles=titles))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.key}@inquiry-journal",
            f"DTSTAMP:{made}",
            f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{summary}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{summary}",
            f"TRIGGER;RELATED=START:{REMIND_AT}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _text(value: str) -> str:
    """A TEXT value escaped: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """The line folded into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _FOLD_AT if not pieces else _FOLD_AT - 1  # a continuation starts with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
