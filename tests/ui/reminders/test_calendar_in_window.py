"""File > Add dates to calendar…: the coming dates, seen in full, saved private by default."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app.journal.opening import Journal
from app.supervision.session_records import ActionDraft, SessionKind
from app.writing.domains import Domain
from tests.support.data import NHS_NUMBER
from tests.ui.driver import LEFT
from tests.ui.sharing.helpers import FilePicker
from tests.ui.support import unnamed_controls

TODAY = date.today()


def _dated(journal: Journal) -> None:
    journal.cycles.start_inquiry(
        "Can I ask earlier?",
        [Domain.TEAM],
        "action-inquiry",
        title=f"Check {NHS_NUMBER} at the huddle",
        experiment_date=TODAY + timedelta(days=2),
    )
    journal.sessions.record(
        SessionKind.COACHING,
        TODAY - timedelta(days=7),
        with_whom="Sam",
        next_date=TODAY + timedelta(days=9),
        actions=[ActionDraft("Book the 1:1", by_when=TODAY + timedelta(days=4))],
    )


def _unfolded(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n ", "")


def test_the_dates_are_saved_without_titles_unless_chosen(
    qtbot, journal: Journal, make_window, tmp_path: Path
) -> None:
    _dated(journal)
    picker = FilePicker()
    window = make_window(journal, pick_file=picker)
    assert window.commands.add_to_calendar in window.menus["file"].actions()

    window.commands.add_to_calendar.trigger()
    dialog = window.controllers.calendar.dialog
    assert dialog is not None and dialog.isVisible()
    assert unnamed_controls(dialog) == []
    assert dialog.heading.text() == "3 dates in the next 90 days"
    shown = [dialog.dates.item(n).text() for n in range(dialog.dates.count())]
    assert shown[0].endswith(f"Reflect on your experiment: Check {NHS_NUMBER} at the huddle")
    assert shown[1].endswith("Agreed action due: Book the 1:1")
    assert shown[2].endswith("Coaching session with Sam")
    assert "says only what kind of date it is" in dialog.titles_note.text()

    picker.answers.append(tmp_path / "dates.ics")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.controllers.calendar.dialog is None)
    saved = tmp_path / "dates.ics"
    assert picker.asked[-1].suggested == f"inquiry-journal-dates-{TODAY.isoformat()}.ics"
    text = _unfolded(saved)
    assert text.count("BEGIN:VEVENT") == 3
    assert "Sam" not in text and "1:1" not in text and NHS_NUMBER not in text
    assert window.statusBar().currentMessage() == (
        "Saved 3 dates to dates.ics. Open it to add them to your calendar."
    )

    window.commands.add_to_calendar.trigger()
    dialog = window.controllers.calendar.dialog
    assert dialog is not None
    dialog.titles_box.click()
    assert dialog.titles_note.text().startswith("The titles hold 1 thing that could identify")
    picker.answers.append(tmp_path / "titled.ics")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.controllers.calendar.dialog is None)
    text = _unfolded(tmp_path / "titled.ics")
    assert "Reflect on your experiment: Check [NHS number] at the huddle" in text
    assert "Coaching session with Sam (Inquiry Journal)" in text and NHS_NUMBER not in text


def test_nothing_dated_says_how_to_have_dates(qtbot, journal: Journal, make_window) -> None:
    picker = FilePicker()
    window = make_window(journal, pick_file=picker)
    window.commands.add_to_calendar.trigger()
    dialog = window.controllers.calendar.dialog
    assert dialog is not None
    assert dialog.heading.text() == "0 dates in the next 90 days"
    assert not dialog.save_button.isEnabled() and not dialog.titles_box.isEnabled()
    assert not dialog.dates.isVisible()
    dialog.reject()
    assert picker.asked == []


def test_a_file_that_cannot_be_written_is_said_in_the_message_bar(
    qtbot, journal: Journal, make_window, tmp_path: Path
) -> None:
    _dated(journal)
    picker = FilePicker()
    window = make_window(journal, pick_file=picker)
    window.commands.add_to_calendar.trigger()
    dialog = window.controllers.calendar.dialog
    assert dialog is not None
    picker.answers.append(tmp_path / "gone" / "dates.ics")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: window.message_bar.message != "")
    assert window.message_bar.message.startswith(f"Could not write {tmp_path / 'gone'}")
    assert not (tmp_path / "gone").exists()
