"""Issue 6 in the window: Coaching appears once there is a participant, and reads their shares."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.journal.opening import Journal
from app.sharing.records import Role
from app.ui.widgets.settings import open_settings
from app.ui.window.navigation import View
from tests.ui.coach.helpers import (
    ALEX_HUDDLE,
    ALEX_ROTA,
    BEA_CYCLE,
    BEA_HANDOVER,
    CHIDI_BOARD,
    CoachDesk,
    build_desk,
)
from tests.ui.coach.window import open_coaching, titles
from tests.ui.driver import CTRL, activate
from tests.ui.support import unnamed_controls

EVERYTHING = [CHIDI_BOARD, BEA_CYCLE, BEA_HANDOVER, ALEX_ROTA, ALEX_HUDDLE]


def test_coaching_is_offered_once_a_share_has_been_imported(
    qtbot, journal: Journal, make_window, tmp_path: Path, key_store
) -> None:
    window = make_window(journal)
    action = window.commands.views[View.COACHING]
    assert not window.rail.is_available(View.COACHING)
    assert not action.isVisible()  # not in the View menu either
    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_6, CTRL)
    assert window.navigation.view is View.HOME  # Ctrl+6 does nothing yet

    desk = build_desk(journal, tmp_path / "people", key_store)  # shares imported meanwhile
    try:
        window.refresh_coaching()  # what File > Import… does after importing a share
        assert window.rail.is_available(View.COACHING)
        assert action.isVisible() and action.text() == "&Coaching"
        assert action.shortcut().toString() == "Ctrl+6"
        page = open_coaching(qtbot, window)
        assert window.rail.current_view() is View.COACHING
        assert page.currentIndex() == page.WORK_PAGE
        assert titles(qtbot, page) == EVERYTHING  # newest first
        assert page.participant_list.hasFocus()
        names = [page.participant_list.list_model.item(r).title for r in range(4)]
        assert names == ["All participants", "Alex", "Bea", "Chidi"]
        assert page.participant_list.list_model.item(0).detail == ("5 items · 5 to discuss")
    finally:
        desk.close()


def test_a_participant_with_nothing_shared_yet_sees_how_shares_arrive(
    qtbot, journal: Journal, make_window, tmp_path: Path, key_store
) -> None:
    desk = CoachDesk(journal)
    alex = desk.join(tmp_path, key_store, "Alex")
    journal.sharing.add(alex.sharing.identity().card, Role.PARTICIPANT)
    try:
        window = make_window(journal)
        assert window.rail.is_available(View.COACHING)
        page = open_coaching(qtbot, window)
        assert page.currentIndex() == page.EMPTY_PAGE
        text = page.empty_label.text()
        assert "Sharing > Save my card…" in text and "File > Import…" in text
        assert page.empty_label.hasFocus()  # read out first
    finally:
        desk.close()


def test_every_control_is_named_and_tab_follows_the_reading_order(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    assert unnamed_controls(page) == []
    page.item_list.select_key(page.item_list.item_model.rows()[0].key)
    page.participant_list.setFocus()
    order = [page.participant_list]
    for _ in range(14):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    expected = [
        page.participant_list,
        page.header.balance_bars,  # "Make feedback package…" is off: everyone is chosen
        page.filter_bar.search_box,
        page.filter_bar.domain_combo,
        page.filter_bar.to_discuss_box,
        page.item_list,
        page.reader.discussed_box,
        page.reader.tabs.tabBar(),
        page.reader.text_view,
        page.conversation.thread_view,
        page.conversation.edit,
        page.conversation.about_combo,
        page.conversation.add_button,
        window.rail,
    ]
    assert order[: len(expected)] == expected


def test_the_participant_chosen_is_found_again(qtbot, desk: CoachDesk, make_window) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    page.participant_list.setFocus()
    qtbot.keyClick(page.participant_list, Qt.Key.Key_Down)
    qtbot.keyClick(page.participant_list, Qt.Key.Key_Down)  # All, Alex, Bea
    assert page.header.name_label.text() == "Bea"
    assert titles(qtbot, page) == [BEA_CYCLE, BEA_HANDOVER]
    window.close()

    again = make_window(desk.coach)
    page = open_coaching(qtbot, again)
    assert page.chosen_participant == desk.fingerprint("Bea")
    assert page.header.name_label.text() == "Bea"
    assert titles(qtbot, page) == [BEA_CYCLE, BEA_HANDOVER]
    again.close()
    text = Path(open_settings().fileName()).read_text(encoding="utf-8")
    assert desk.fingerprint("Bea") in text
    assert "Bea" not in text.replace(desk.fingerprint("Bea"), "")  # the id, never the name
    assert BEA_CYCLE not in text
