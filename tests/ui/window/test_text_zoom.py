"""View > Zoom in, Zoom out and Actual size: the writing area and the reader, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from app.ui.sessions.session_dialog import SessionDialog
from app.ui.widgets.text_size import MAX_ZOOM, MIN_ZOOM, TextZoom
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import TODAY, fill_demo
from tests.ui.driver import CTRL


def size(widget: QWidget) -> float:
    """The widget's text size in points."""
    return widget.font().pointSizeF()


def zoomed(window: MainWindow) -> dict[str, QWidget]:
    """The places to write and read that the zoom is for."""
    window.navigation.open_cycle(window.cycle_pane.read_view._journal.cycles.in_progress()[0].id)
    flow = window.cycle_pane.flow
    assert flow is not None
    return {
        "entry text": window.entries_page.editor.body_edit,
        "entry preview": window.entries_page.editor.preview,
        "stage text": flow.stage_page.text_edit,
        "cycle read view": window.cycle_pane.read_view,
        "comments": window.cycle_comments.thread_view,
    }


def others(window: MainWindow) -> dict[str, QWidget]:
    """Widgets the zoom leaves alone."""
    return {
        "entry title": window.entries_page.editor.title_edit,
        "entry list": window.entries_page.sidebar.entry_list,
        "search box": window.entries_page.sidebar.search_box,
        "views rail": window.rail,
        "hint": window.entries_page.hint_label,
        "tags": window.entries_page.editor.tags_edit,
    }


def test_the_zoom_keys_grow_and_shrink_the_writing_area_and_the_reader_only(
    qtbot, journal, make_window
):
    window = make_window(fill_demo(journal), view=View.ENTRIES, today=lambda: TODAY)
    places = zoomed(window)
    before = {name: size(w) for name, w in places.items()}
    left_alone = {name: size(w) for name, w in others(window).items()}
    text = window.entries_page.editor.body_edit

    qtbot.keyClick(text, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(text, Qt.Key.Key_Equal, CTRL)  # the "+" key without Shift

    for name, widget in places.items():
        assert size(widget) == pytest.approx(before[name] * 1.2), name
    assert window.statusBar().currentMessage() == "Text size 120%"
    assert {name: size(w) for name, w in others(window).items()} == left_alone

    qtbot.keyClick(text, Qt.Key.Key_Minus, CTRL)
    assert size(text) == pytest.approx(before["entry text"] * 1.1)
    assert window.statusBar().currentMessage() == "Text size 110%"

    qtbot.keyClick(text, Qt.Key.Key_0, CTRL)
    assert {name: size(w) for name, w in places.items()} == pytest.approx(before)
    assert window.statusBar().currentMessage() == "Text size 100%"


def test_the_view_menu_offers_the_zoom(qtbot, journal, make_window):
    window = make_window(journal)
    texts = [a.text() for a in window.menus["view"].actions() if not a.isSeparator()]
    zoom = texts.index("Zoom &in")
    assert texts[zoom : zoom + 3] == ["Zoom &in", "Zoom &out", "&Actual size"]
    window.commands.zoom_in.trigger()
    assert window.text_zoom.percent == 110


def test_a_new_window_opens_at_the_zoom_chosen_before(qtbot, journal, make_window):
    first = make_window(fill_demo(journal), view=View.ENTRIES, today=lambda: TODAY)
    actual = size(first.entries_page.editor.body_edit)
    for _ in range(5):
        first.commands.zoom_in.trigger()
    first.close()

    again = make_window(journal, view=View.ENTRIES, today=lambda: TODAY)
    assert again.text_zoom.percent == 150
    assert size(again.entries_page.editor.body_edit) == pytest.approx(actual * 1.5)
    assert size(again.cycle_pane.read_view) == pytest.approx(actual * 1.5)
    again.commands.actual_size.trigger()
    assert size(again.entries_page.editor.body_edit) == pytest.approx(actual)


def test_the_zoom_stops_at_its_limits(qtbot, journal, make_window):
    window = make_window(journal)
    for _ in range(40):
        window.commands.zoom_in.trigger()
    assert window.text_zoom.percent == MAX_ZOOM
    assert window.statusBar().currentMessage() == f"Text size {MAX_ZOOM}%"
    for _ in range(40):
        window.commands.zoom_out.trigger()
    assert window.text_zoom.percent == MIN_ZOOM


def test_a_dialog_of_the_window_writes_at_its_zoom(qtbot, journal, make_window):
    window = make_window(journal)
    actual = QApplication.font().pointSizeF()
    window.text_zoom.set_percent(200)
    dialog = SessionDialog(journal, today=lambda: TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert size(dialog.notes) == pytest.approx(actual * 2)
    assert size(dialog.with_whom) == pytest.approx(actual)
    dialog.reject()


def turn_wheel(view: QAbstractScrollArea, eighths: int) -> None:
    """Turn the mouse wheel over `view` with Ctrl held (120 is one notch)."""
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre)),
        QPoint(),
        QPoint(0, eighths),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_and_the_wheel_zoom_every_place_alike(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), view=View.ENTRIES, today=lambda: TODAY)
    preview, text = window.entries_page.editor.preview, window.entries_page.editor.body_edit
    before = size(text)

    turn_wheel(preview, 120)
    assert window.text_zoom.percent == 110
    assert size(preview) == size(text) == pytest.approx(before * 1.1)

    turn_wheel(text, -60)  # half a notch on a touchpad does nothing yet...
    assert window.text_zoom.percent == 110
    turn_wheel(text, -60)  # ...the other half makes a step
    assert window.text_zoom.percent == 100
    assert size(preview) == size(text) == pytest.approx(before)


@pytest.mark.parametrize(
    ("kept", "opens_at"), [("huge", 100), ("900", 300), ("20", 50), ("130", 130)]
)
def test_a_zoom_kept_in_the_settings_file_is_read_within_its_limits(
    qtbot, tmp_path, kept, opens_at
):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/text_zoom_percent", kept)
    owner = QObject()
    assert TextZoom(settings, owner).percent == opens_at
