"""The text being written is the biggest thing on the Entries page, even on a small laptop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.widgets.screen_fit import SMALLEST_SCREEN
from app.ui.window.navigation import View


@pytest.mark.parametrize("comments", [False, True], ids=["alone", "with-comments"])
def test_the_entry_text_keeps_most_of_a_small_window(journal, make_window, comments):
    journal.entries.create("A title", "Some text")
    window = make_window(journal, View.ENTRIES)
    window.resize(SMALLEST_SCREEN)
    window.controller.new_entry()
    page = window.entries_page
    if comments:
        page.comments_panel.show_thread("<p>A comment from the coach.</p>")
        page.comments_panel.show()
    window.layout().activate()
    QApplication.processEvents()
    assert window.size() == SMALLEST_SCREEN
    assert window.entries_page.editor.isVisible()

    text = window.entries_page.editor.body_edit
    others = [
        w
        for w in window.entries_page.editor.findChildren(QWidget)
        if w.isVisible() and w is not text and not text.isAncestorOf(w) and not w.isAncestorOf(text)
    ]
    tallest = max(others, key=QWidget.height)
    assert text.height() > tallest.height(), (tallest.accessibleName(), tallest.height())
    assert text.height() >= 0.4 * page.height(), (text.height(), page.height())
    assert text.width() >= 0.25 * page.width(), (text.width(), page.width())


def _area(widget: QWidget) -> int:
    return widget.width() * widget.height()


@pytest.mark.parametrize("size", [QSize(640, 335), SMALLEST_SCREEN], ids=["hd-200", "laptop-125"])
def test_the_entry_text_is_wider_than_the_list_and_the_biggest_thing(journal, make_window, size):
    for n in range(3):
        journal.entries.create(f"Title {n}", "Some text")
    window = make_window(journal, View.ENTRIES)
    window.resize(size)
    window.controller.new_entry()
    window.layout().activate()
    QApplication.processEvents()
    assert window.width() <= size.width()

    page = window.entries_page
    text = window.entries_page.editor.body_edit
    entry_list = window.entries_page.sidebar.entry_list
    assert text.width() > entry_list.width(), (text.width(), entry_list.width())
    # what a person sees as a thing: the shown widgets holding no other shown widget
    shown = [w for w in page.findChildren(QWidget) if w.isVisible()]
    things = [w for w in shown if not any(o is not w and w.isAncestorOf(o) for o in shown)]
    others = [w for w in things if not text.isAncestorOf(w)]
    biggest = max(others, key=_area)
    assert _area(text) > _area(biggest), (biggest.accessibleName(), biggest.size(), text.size())
    # the search box, Filters and Save are all in sight, on one row or two
    for part in (
        window.entries_page.sidebar.search_box,
        window.entries_page.sidebar.filters_button,
    ):
        assert part.isVisible()
        assert window.entries_page.sidebar.rect().contains(
            part.geometry().translated(part.parentWidget().pos())
        )


def test_a_divider_the_person_dragged_stays_where_they_left_it(journal, make_window):
    window = make_window(journal, View.ENTRIES)
    window.resize(SMALLEST_SCREEN)
    page = window.entries_page
    QApplication.processEvents()
    page.moveSplitter(400, 1)
    assert page.sizes()[0] == 400
    window.resize(QSize(1000, 560))
    QApplication.processEvents()
    assert page.sizes()[0] == 400


def test_a_divider_remembered_from_a_wide_screen_gives_way_on_a_small_one(journal, make_window):
    window = make_window(journal, View.ENTRIES)
    page = window.entries_page
    window.resize(QSize(1600, 900))
    QApplication.processEvents()
    page.moveSplitter(360, 1)  # left there on a large monitor, and kept at closing
    state = page.saveState()

    later = make_window(journal, View.ENTRIES)
    later.entries_page.restoreState(state)
    later.controller.new_entry()
    later.resize(QSize(640, 335))  # the same journal on a laptop at 200%
    later.layout().activate()
    QApplication.processEvents()
    assert later.entries_page.editor.body_edit.width() > later.entries_page.sidebar.width(), (
        later.entries_page.sizes()
    )
