"""The text being written is the biggest thing on the Entries page, even on a small laptop."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.navigation import View
from app.ui.screen_fit import SMALLEST_SCREEN


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
    assert window.editor.isVisible()

    text = window.editor.body_edit
    others = [
        w
        for w in window.editor.findChildren(QWidget)
        if w.isVisible() and w is not text and not text.isAncestorOf(w) and not w.isAncestorOf(text)
    ]
    tallest = max(others, key=QWidget.height)
    assert text.height() > tallest.height(), (tallest.accessibleName(), tallest.height())
    assert text.height() >= 0.4 * page.height(), (text.height(), page.height())
    assert text.width() >= 0.25 * page.width(), (text.width(), page.width())
