"""Issue 13: a coach's journal opens on Coaching, with what waits counted on the rail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.journal.opening import Journal
from app.ui.widgets.settings import open_settings
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.ui.coach.helpers import ALEX_HUDDLE, CoachDesk, build_desk
from tests.ui.coach.window import click_item, settle
from tests.ui.driver import CTRL, activate
from tests.ui.support import view_shown


def coaching_row(window: MainWindow) -> tuple[str, str]:
    """Coaching's row on the rail: the text shown, and what a screen reader says."""
    item = window.rail.item(list(View).index(View.COACHING))
    return item.text(), str(item.data(Qt.ItemDataRole.AccessibleTextRole))


def test_a_journal_with_participants_opens_on_coaching_after_the_first_import(
    qtbot, journal: Journal, make_window, tmp_path: Path, key_store
) -> None:
    window = make_window(journal)
    assert window.navigation.view is View.HOME  # nobody to coach yet
    window.close()

    desk = build_desk(journal, tmp_path / "people", key_store)
    try:
        again = make_window(journal)
        assert again.navigation.view is View.COACHING
        assert again.stack.currentWidget() is again.pages[View.COACHING]
        assert again.rail.current_view() is View.COACHING
        page = again.coach_page
        settle(qtbot, page)
        assert page.currentIndex() == page.WORK_PAGE
        assert page.item_list.titles()  # the shares, not "Nothing waiting for your reflection"
    finally:
        desk.close()


def test_home_chosen_by_the_coach_is_where_the_next_start_is(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    assert view_shown(window) is View.COACHING
    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_1, CTRL)
    assert view_shown(window) is View.HOME
    window.close()

    again = make_window(desk.coach)
    assert again.navigation.view is View.HOME  # the person chose it
    again.close()
    assert make_window(desk.coach).navigation.view is View.HOME  # and it stays chosen


def test_a_home_remembered_before_coaching_started_counts_as_not_chosen(
    qtbot, desk: CoachDesk, make_window
) -> None:
    settings = open_settings()  # as an earlier version left it: the view, nothing more
    settings.setValue("place/view", "home")
    settings.remove("place/chosen")
    settings.sync()
    assert make_window(desk.coach).navigation.view is View.COACHING


def test_new_shares_and_comments_waiting_to_be_sent_are_counted_on_the_rail(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    assert coaching_row(window) == ("Coaching (5)", "Coaching: 5 shares to discuss")
    assert "5 shares to discuss" in window.rail.item(5).toolTip()
    page = window.coach_page
    settle(qtbot, page)
    click_item(qtbot, page, ALEX_HUDDLE)
    qtbot.mouseClick(page.reader.discussed_box, Qt.MouseButton.LeftButton)
    assert coaching_row(window) == ("Coaching (4)", "Coaching: 4 shares to discuss")

    page.conversation.edit.setPlainText("What did the silence feel like?")
    page.conversation.add_button.click()
    assert coaching_row(window) == (
        "Coaching (5)",
        "Coaching: 4 shares to discuss, 1 comment waiting to be sent",
    )


def test_a_participants_own_journal_has_no_badge(qtbot, journal: Journal, make_window) -> None:
    window = make_window(journal)
    assert not window.rail.is_available(View.COACHING)
    assert coaching_row(window) == ("Coaching", "Coaching")
