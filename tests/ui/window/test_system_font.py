"""Text follows the system font size: a larger application font makes every text larger."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.cycles.new_cycle_dialog import NewCycleDialog
from app.ui.sharing.fingerprint import FingerprintLabel
from app.ui.start.recovery_code_view import RecoveryCodeView
from app.ui.window.lock_screen import LockScreen
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import TODAY, fill_demo
from tests.ui.support import destroy

LARGER = 1.5
CODE = "-".join(["ABCDE"] * 11)


@pytest.fixture
def system_font(qapp: QApplication) -> Iterator[Callable[[float], None]]:
    """Scale the application font as a larger system font would; put it back afterwards."""
    usual = QFont(qapp.font())

    def scale(factor: float) -> None:
        font = QFont(usual)
        font.setPointSizeF(usual.pointSizeF() * factor)
        QApplication.setFont(font)
        QApplication.processEvents()  # the font reaches open windows by posted events

    yield scale
    QApplication.setFont(usual)
    QApplication.processEvents()


def size(widget: QWidget) -> float:
    """The widget's text size in points."""
    return widget.font().pointSizeF()


def measure(window: MainWindow) -> dict[str, float]:
    """Text sizes and painted row heights a person would see growing."""
    window.navigation.show_view(View.ENTRIES)
    entry_row = window.entries_page.sidebar.entry_list.visualRect(
        window.entries_page.sidebar.entry_list.model().index(0, 0)
    ).height()
    window.navigation.show_view(View.HOME)
    return {
        "entry title": size(window.entries_page.editor.title_edit),
        "hint": size(window.entries_page.hint_label),
        "search message": size(window.entries_page.sidebar.search_panel.message_label),
        "sessions heading": size(window.sessions_list.title_label),
        "views rail": size(window.rail),
        "entry text": size(window.entries_page.editor.body_edit),
        "entry row": float(entry_row),
        "home heading": size(window.home.title_label),
        "home row": float(window.home.recent.list.sizeHintForRow(0)),
        "home list": float(window.home.recent.list.height()),
    }


def test_a_window_opened_with_a_larger_system_font_shows_larger_text(
    qtbot, journal, make_window, system_font
):
    fill_demo(journal)
    first = make_window(journal, today=lambda: TODAY)  # held: never left to the collector
    usual = measure(first)
    first.close()
    system_font(LARGER)
    second = make_window(journal, today=lambda: TODAY)
    larger = measure(second)
    for name, before in usual.items():
        if name.endswith(("row", "list")):  # rows have fixed padding: they grow a little less
            assert larger[name] > before * 1.2, name
        else:
            assert larger[name] == pytest.approx(before * LARGER, rel=0.02), name


def test_open_windows_follow_the_system_font_when_it_changes(
    qtbot, journal, make_window, system_font
):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    usual = measure(window)
    window.navigation.open_cycle(journal.cycles.in_progress()[0].id)
    flow = window.cycle_pane.flow
    assert flow is not None
    prompt, stage_text = size(flow.stage_page.prompt_label), size(flow.stage_page.text_edit)

    system_font(LARGER)

    larger = measure(window)
    for name, before in usual.items():
        if name.endswith(("row", "list")):
            assert larger[name] > before * 1.2, name
        else:
            assert larger[name] == pytest.approx(before * LARGER, rel=0.02), name
    assert size(flow.stage_page.prompt_label) == pytest.approx(prompt * LARGER)
    assert size(flow.stage_page.text_edit) == pytest.approx(stage_text * LARGER)


def test_the_views_rail_makes_room_for_much_larger_text(qtbot, journal, make_window, system_font):
    window = make_window(journal)
    system_font(2.5)
    rail = window.rail
    metrics = rail.fontMetrics()
    for row in range(rail.count()):
        item = rail.item(row)
        if rail.isRowHidden(row):
            continue  # Coaching waits for a participant
        shown = rail.visualItemRect(item)
        assert shown.height() >= metrics.height() + 8, item.text()
        assert shown.width() >= metrics.horizontalAdvance(item.text()) + 14, item.text()


def test_open_windows_keep_their_zoom_on_top_of_a_larger_system_font(
    qtbot, journal, make_window, system_font
):
    window = make_window(journal, view=View.ENTRIES)
    usual = size(window.entries_page.editor.body_edit)
    window.text_zoom.set_percent(200)
    system_font(LARGER)
    assert size(window.entries_page.editor.body_edit) == pytest.approx(usual * LARGER * 2)


def test_dialogs_headings_and_codes_grow_with_the_system_font(qtbot, journal, system_font):
    dialog = NewCycleDialog(journal, today=lambda: TODAY)
    lock = LockScreen(asks_passphrase=True)
    code = RecoveryCodeView(CODE, ask_confirmation=False)
    fingerprint = FingerprintLabel("7KQ2-M9XD-4TRB-H1VC")
    built: list[QWidget] = [dialog, lock, code, fingerprint]

    def sizes() -> dict[str, float]:
        return {
            "dialog field": size(dialog.title_edit),
            "lock title": size(lock.title),
            "recovery code": size(code.code_label),
            "fingerprint": size(fingerprint),
        }

    try:
        usual = sizes()
        system_font(LARGER)
        larger = sizes()
    finally:
        for widget in built:
            destroy(widget)  # now, not whenever the garbage collector gets to them
    for name, before in usual.items():
        assert larger[name] == pytest.approx(before * LARGER, rel=0.02), name


def test_small_text_boxes_stay_lines_tall_when_the_text_grows(
    qtbot, journal, make_window, system_font
):
    window = make_window(journal)
    boxes = {
        "comment reply": window.cycle_comments.reply_edit,
        "action progress": window.actions_panel.progress_edit,
    }
    lines = {
        name: box.maximumHeight() / box.fontMetrics().lineSpacing() for name, box in boxes.items()
    }
    system_font(LARGER)
    for name, box in boxes.items():
        shown = box.maximumHeight() / box.fontMetrics().lineSpacing()
        assert shown == pytest.approx(lines[name], rel=0.1), name
