"""The coming dates as an iCalendar file: private by default, valid for any title."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from app.reminders.calendar import event_summary, to_ics
from app.reminders.due import DueItem, DueKind

STAMP = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)
ITEMS = [
    DueItem(
        DueKind.REFLECTION,
        "reflect-c1",
        "c1",
        date(2026, 12, 9),
        "Reflect on your experiment",
        "Ask Mrs Patel's daughter first; then the ward",
    ),
    DueItem(
        DueKind.SESSION, "next-session-s1", "", date(2026, 12, 31), "Coaching session", "Dr Okafor"
    ),
]


def _unfolded(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def _unescaped(value: str) -> str:
    out, chars = "", iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out += "\n" if following in "nN" else following
        else:
            out += char
    return out


def _events(text: str) -> list[dict[str, str]]:
    """Each event's properties (its reminder's left out)."""
    events: list[dict[str, str]] = []
    in_alarm = False
    for line in _unfolded(text):
        if line == "BEGIN:VEVENT":
            events.append({})
        elif line in ("BEGIN:VALARM", "END:VALARM"):
            in_alarm = line.startswith("BEGIN")
        elif events and not in_alarm and line != "END:VEVENT":
            name, _, value = line.partition(":")
            events[-1].setdefault(name, value)
    return events


def test_events_say_only_what_kind_of_date_it_is_unless_titles_are_asked_for() -> None:
    private = to_ics(ITEMS, titles=False, stamp=STAMP)
    assert "Patel" not in private and "Okafor" not in private
    first, second = _events(private)
    assert first == {
        "UID": "reflect-c1@inquiry-journal",
        "DTSTAMP": "20261203T163000Z",
        "DTSTART;VALUE=DATE": "20261209",
        "DTEND;VALUE=DATE": "20261210",
        "SUMMARY": "Reflect on your experiment (Inquiry Journal)",
        "TRANSP": "TRANSPARENT",
    }
    assert second["SUMMARY"] == "Coaching session (Inquiry Journal)"
    assert (second["DTSTART;VALUE=DATE"], second["DTEND;VALUE=DATE"]) == ("20261231", "20270101")
    assert private.count("TRIGGER;RELATED=START:PT9H") == 2  # a reminder at 09:00 on the day

    titled = _events(to_ics(ITEMS, titles=True, stamp=STAMP))
    assert _unescaped(titled[0]["SUMMARY"]) == (
        "Reflect on your experiment: Ask Mrs Patel's daughter first; then the ward "
        "(Inquiry Journal)"
    )
    assert _unescaped(titled[1]["SUMMARY"]) == "Coaching session with Dr Okafor (Inquiry Journal)"


def test_the_same_dates_keep_their_events_when_written_again() -> None:
    earlier = _events(to_ics(ITEMS, titles=False, stamp=STAMP))
    later = _events(to_ics(ITEMS[::-1], titles=True, stamp=datetime.now(UTC)))
    assert {e["UID"] for e in earlier} == {e["UID"] for e in later}


def test_a_calendar_with_no_dates_is_still_a_calendar() -> None:
    assert _unfolded(to_ics([], titles=True, stamp=STAMP)) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Inquiry Journal//Inquiry Journal//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "END:VCALENDAR",
    ]


@given(title=st.text(max_size=300))
def test_any_title_folds_into_short_lines_and_reads_back_whole(title: str) -> None:
    item = DueItem(DueKind.ACTION, "action-a1", "a1", date(2027, 1, 4), "Agreed action due", title)
    text = to_ics([item], titles=True, stamp=STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    (event,) = _events(text)
    expected = event_summary(item, titles=True).replace("\r\n", "\n").replace("\r", "\n")
    assert _unescaped(event["SUMMARY"]) == expected
