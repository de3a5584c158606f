"""A coach opens one participant's Insights: counted from what they shared, and a number leads
to the shared items, shown in the Coaching view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.coach.participant_insights import ParticipantInsightsDialog
from tests.ui.coach.helpers import BEA_CYCLE, BEA_HANDOVER, CoachDesk
from tests.ui.coach.window import open_coaching, settle
from tests.ui.driver import click


def _choose(qtbot, page, name: str) -> None:
    page.choose_participant(page_fingerprint(page, name))
    settle(qtbot, page)


def page_fingerprint(page, name: str) -> str:
    model = page.participant_list.list_model
    for row in range(model.rowCount()):
        if model.item(row).title.startswith(name):
            return str(model.item(row).id)
    raise AssertionError(f"{name} is not listed")


def test_insights_wait_for_one_participant(qtbot, desk: CoachDesk, make_window) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    page.choose_participant("")
    settle(qtbot, page)
    button = page.header.insights_button
    assert not button.isEnabled()
    assert button.toolTip() == "Choose one participant to see Insights from what they shared."


def test_a_participants_insights_count_what_they_shared_and_open_it(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    _choose(qtbot, page, "Bea")
    button = page.header.insights_button
    assert button.isEnabled()
    click(qtbot, button)
    dialog = page.insights
    assert isinstance(dialog, ParticipantInsightsDialog)
    qtbot.waitUntil(lambda: not dialog.page.busy)
    QApplication.processEvents()
    assert dialog.windowTitle() == "Insights: what Bea shared"
    assert not dialog.page.inquiry.isVisible()  # a coach has no lines of inquiry to choose
    # Bea shared an entry (individual) and a cycle (individual and team), both this month.
    assert dialog.page.domains.table().total == 3
    [planned] = [r for r in dialog.page.progress.table().rows if r.label == "Planned"]
    assert planned.cells[0].count == 1
    progress = dialog.page.progress
    progress.setFocus()
    progress.setCurrentIndex(progress.model().index(0, 0))
    qtbot.keyClick(progress, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.page.busy)
    QApplication.processEvents()
    assert dialog.page.items.count() == 1
    assert dialog.page.items.item(0).text().splitlines()[0] == BEA_CYCLE
    dialog.page.items.setFocus()
    qtbot.keyClick(dialog.page.items, Qt.Key.Key_Return)
    assert page.reader.title_label.text() == BEA_CYCLE
    # Both of Bea's items touch the individual domain, this month.
    domains = dialog.page.domains
    last = domains.model().index(domains.model().rowCount() - 1, 0)
    domains._pick(last)
    qtbot.waitUntil(lambda: not dialog.page.busy)
    QApplication.processEvents()
    listed = {dialog.page.items.item(r).text().splitlines()[0] for r in range(2)}
    assert listed == {BEA_CYCLE, BEA_HANDOVER}
    dialog.close()
    qtbot.waitUntil(lambda: page.insights is None)
