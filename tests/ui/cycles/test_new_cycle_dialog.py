"""New cycle: continue a line of inquiry or start one, choose a template, maybe a date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from app.ui.cycles.new_cycle_dialog import NO_QUESTION, NewCycleDialog
from app.writing.cycle_records import CycleStatus, DomainRequiredError, InquiryStatus
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from tests.support.data import TODAY
from tests.ui.support import unnamed_controls


def test_open_lines_come_first_and_a_cycle_joins_the_chosen_one(qtbot, show, demo_journal):
    dialog = NewCycleDialog(demo_journal, today=lambda: TODAY)
    show(dialog)
    assert dialog.existing_radio.isChecked()
    combo = dialog.inquiry_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[-1] == "Sharing rota decisions with the team (Paused)"
    assert not any("(" in label for label in labels[:-1])
    assert not dialog.question_edit.isEnabled()
    assert unnamed_controls(dialog) == []

    chosen = next(
        i for i in demo_journal.cycles.inquiries() if i.question.startswith("What happens")
    )
    combo.setCurrentIndex(combo.findData(chosen.id))
    assert dialog.template_list.select_id("gibbs")
    assert "Stages: Description, Feelings" in dialog.template_intro.text()
    assert not dialog.experiment_date.isEnabled()  # Gibbs is written after the event only
    qtbot.keyClicks(dialog.title_edit, "The phone call")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert dialog.cycle_id is not None
    cycle = demo_journal.cycles.get(dialog.cycle_id)
    assert cycle.inquiry_id == chosen.id
    assert cycle.template_id == "gibbs"
    assert cycle.title == "The phone call"
    assert cycle.status is CycleStatus.IN_PROGRESS
    assert cycle.domains == chosen.domains
    assert cycle.experiment_date is None


def test_a_new_line_needs_a_question_and_a_domain(qtbot, show, journal):
    dialog = NewCycleDialog(journal, today=lambda: TODAY)
    show(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == NO_QUESTION
    qtbot.keyClicks(dialog.question_edit, "Saying no to the site manager")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == str(DomainRequiredError())
    assert journal.cycles.inquiries() == []  # nothing was written while refused
    assert dialog.isVisible()

    dialog.domains.boxes[Domain.ORGANISATION].click()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    [inquiry] = journal.cycles.inquiries()
    assert inquiry.status is InquiryStatus.OPEN
    assert inquiry.domains == (Domain.ORGANISATION,)
    assert dialog.cycle_id is not None
    assert journal.cycles.get(dialog.cycle_id).domains == (Domain.ORGANISATION,)


def test_the_line_can_be_chosen_beforehand(qtbot, show, demo_journal):
    paused = next(i for i in demo_journal.cycles.inquiries() if i.status is InquiryStatus.PAUSED)
    dialog = NewCycleDialog(demo_journal, inquiry_id=paused.id)
    show(dialog)
    assert dialog.inquiry_combo.currentData() == paused.id
    dialog.reject()


def test_a_new_line_whose_cycle_cannot_be_saved_is_not_left_behind(
    qtbot, show, journal, monkeypatch
):
    dialog = NewCycleDialog(journal, today=lambda: TODAY)
    show(dialog)
    qtbot.keyClicks(dialog.question_edit, "Saying no to the site manager")
    dialog.domains.boxes[Domain.ORGANISATION].click()

    def disk_fails(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(CycleStore, "_new_cycle", disk_fails)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == (
        "The journal could not be saved or read: the disk could not be read or written "
        "(was a drive removed?)."
    )
    assert journal.cycles.inquiries() == []  # no line of inquiry without its cycle
    assert dialog.isVisible() and dialog.cycle_id is None

    monkeypatch.undo()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    [inquiry] = journal.cycles.inquiries()
    assert inquiry.question == "Saying no to the site manager"
    assert dialog.cycle_id is not None
    assert journal.cycles.get(dialog.cycle_id).inquiry_id == inquiry.id
