"""Every control a screen reader reaches has a name and a role, in every window and dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QToolButton, QWidget, QWizard

from app.journal.opening import Journal
from app.ui.cycles import flow_steps as steps
from app.ui.sessions.session_dialog import SessionDialog
from app.ui.sessions.session_form import SessionForm
from app.ui.widgets import screen_fit
from app.ui.widgets.screen_fit import SMALLEST_SCREEN
from app.ui.window.lock_screen import LockScreen
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import TODAY, fill_demo
from tests.ui.coach.helpers import build_desk
from tests.ui.coach.window import open_coaching
from tests.ui.screen_reader import problems
from tests.ui.window.all_windows import BUILDS


def _with_an_action(form: QWidget) -> None:
    assert isinstance(form, SessionForm)
    form.action_rows.add_row()


# What a dialog shows only after the person has done something, to be looked at as well.
LATER_STATES: dict[type[QWidget], Callable[[QWidget], None]] = {
    SessionForm: _with_an_action,
    SessionDialog: _with_an_action,
}


def _report(found: list[str]) -> str:
    return "\n".join(["controls a screen reader cannot name:", *found])


def _cycle_screens(window: MainWindow, journal: Journal) -> list[str]:
    """A cycle of each status at each of its screens (stages, plan, tried-yet, review), and
    its read page."""
    found: list[str] = []
    statuses_seen = set()
    for inquiry in journal.cycles.inquiries():
        for cycle in journal.cycles.cycles_in(inquiry.id):
            if cycle.status in statuses_seen:
                continue  # one cycle of each status shows every screen there is
            statuses_seen.add(cycle.status)
            window.navigation.open_cycle(cycle.id)
            flow = window.cycle_pane.flow
            assert flow is not None
            template = journal.templates.get(cycle.template_id)
            for stage in steps.offered_stages(cycle, template):
                window.navigation.open_cycle(cycle.id, stage.id)
                where = f"cycle {cycle.display_title!r} stage {stage.id!r}"
                found += problems(where, window)
                flow.stage_page.hints_button.click()
                found += problems(f"{where} with hints", window)
            window.navigation.open_cycle(cycle.id)
            found += problems(f"cycle {cycle.display_title!r} {flow.place.screen}", window)
            window.navigation.read_cycle(cycle.id)
            found += problems(f"cycle {cycle.display_title!r} read", window)
    return found


def test_every_view_of_the_window_names_its_controls(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    found: list[str] = []
    for view in View:
        assert window.navigation.show_view(view), view
        found += problems(view.label, window)
    window.navigation.open_entry(journal.entries.all_ids()[0])
    found += problems("Entries with an entry open", window)
    found += _cycle_screens(window, journal)
    assert not found, _report(found)


def test_the_search_panel_names_its_controls(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), View.ENTRIES, today=lambda: TODAY)
    window.entries_page.sidebar.search_box.setFocus()
    qtbot.keyClicks(window.entries_page.sidebar.search_box, "huddle")
    qtbot.waitUntil(
        lambda: window.entries_page.sidebar.search_panel.status_label.text().endswith("found")
    )
    found = problems("search results", window)
    window.entries_page.sidebar.filters_button.click()
    qtbot.waitUntil(window.entries_page.sidebar.filter_bar.isVisible)
    found += problems("search filters", window)
    assert not found, _report(found)


def test_coaching_names_its_controls(qtbot, journal, make_window, tmp_path, key_store):
    desk = build_desk(journal, tmp_path / "people", key_store)
    try:
        window = make_window(journal)
        page = open_coaching(qtbot, window)
        found = problems("Coaching", window)
        page.item_list.select_key(page.item_list.item_model.rows()[0].key)
        found += problems("Coaching with an item chosen", window)
        assert not found, _report(found)
    finally:
        desk.close()


@pytest.mark.parametrize("asks_passphrase", [True, False], ids=["passphrase", "keyring"])
def test_the_lock_screen_names_its_controls(qtbot, asks_passphrase):
    screen = LockScreen(asks_passphrase=asks_passphrase)
    qtbot.addWidget(screen)
    screen.begin("Locked after 5 minutes without use.")
    screen.refuse("That passphrase does not open this journal.")
    assert not problems("lock screen", screen), _report(problems("lock screen", screen))


def test_the_locked_window_names_its_controls(qtbot, journal, make_window):
    window = make_window(journal)
    window.controllers.lock.lock()
    assert window.lock_frame.locked
    assert not problems("locked window", window), _report(problems("locked window", window))


@pytest.mark.parametrize("kind", list(BUILDS), ids=lambda cls: cls.__name__)
def test_every_dialog_names_its_controls(
    kind, qtbot, make_window, journal, key_store, tmp_path, monkeypatch
):
    laptop = QRect(QPoint(0, 0), SMALLEST_SCREEN)
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: laptop)
    window = make_window(journal, today=lambda: TODAY)
    widget = BUILDS[kind](window, journal, key_store, tmp_path)
    try:
        widget.show()
        name = f"{kind.__name__} ({widget.windowTitle()!r})"
        found = problems(name, widget)
        if kind in LATER_STATES:
            LATER_STATES[kind](widget)
            found += problems(f"{name}, later", widget)
        if isinstance(widget, QWizard):  # each page, as it would look when reached
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                found += problems(f"{name} page {page.title()!r}", page)
        assert not found, _report(found)
    finally:
        if widget is not window:
            widget.close()
            widget.deleteLater()


def test_the_check_hears_what_qt_tells_a_screen_reader(qtbot):
    """A label's buddy and a button's text name a control; a placeholder or tooltip does not."""
    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    labelled = QLineEdit()
    layout.addRow("&Title:", labelled)
    hinted = QLineEdit()
    hinted.setPlaceholderText("Tags, separated by commas")
    layout.addRow(hinted)
    icon_only = QToolButton()
    icon_only.setToolTip("Filters")
    layout.addRow(icon_only)
    layout.addRow(QPushButton("&Save"))
    form.show()
    found = problems("form", form)
    assert found == [
        "form: no accessible name for QLineEdit placeholder='Tags, separated by commas'",
        "form: no accessible name for QToolButton tooltip='Filters'",
    ]
