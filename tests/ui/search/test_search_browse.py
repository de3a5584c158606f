"""Browsing by filters alone in the window: the list, the messages and what the reader shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from app.ui.search.controller import NOTHING_TO_READ
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleStatus
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.ui.driver import titles


def _dated(journal, days_ago: int, title: str, domains: list[Domain]) -> None:
    moment = datetime.now(UTC) - timedelta(days=days_ago)
    EntryStore(journal.engine, clock=lambda: moment).create(title, f"About {title}.", domains)


def _settled(window) -> bool:
    panel = window.entries_page.sidebar.search_panel
    busy = window.controller.search.runner.busy
    return not busy and (panel.status_label.text().endswith("found") or bool(panel.message))


def test_a_filter_with_the_box_empty_lists_what_it_lets_through(qtbot, journal, make_window):
    _dated(journal, 3, "Old team huddle", [Domain.TEAM])
    _dated(journal, 2, "Just me", [Domain.INDIVIDUAL])
    _dated(journal, 1, "New team huddle", [Domain.TEAM])
    window = make_window(journal, View.ENTRIES)
    assert (
        window.entries_page.editor.title_edit.text() == "New team huddle"
    )  # the list's first entry

    window.entries_page.sidebar.filters_button.click()
    window.entries_page.sidebar.filter_bar.domain_boxes[Domain.TEAM].click()
    assert window.entries_page.sidebar.search_box.text() == ""
    qtbot.waitUntil(lambda: titles(window) == ["New team huddle", "Old team huddle"])
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs (1)"
    assert window.entries_page.sidebar.search_panel.results_list.isVisible()
    assert window.entries_page.sidebar.search_panel.status_label.text() == "2 found"
    order = window.entries_page.sidebar.search_panel.order_combo
    assert not order.isEnabled() and order.currentText() == "Newest first"  # no words to rank
    window.entries_page.sidebar.search_box.setText(
        "huddle"
    )  # a word: the person's own order comes back
    qtbot.waitUntil(lambda: order.isEnabled() and _settled(window))
    assert order.currentText() == "Best match"
    window.entries_page.sidebar.search_box.clear()
    qtbot.waitUntil(lambda: not order.isEnabled() and _settled(window))

    # Unticking the last filter puts the entry list back.
    window.entries_page.sidebar.filter_bar.domain_boxes[Domain.TEAM].click()
    qtbot.waitUntil(window.entries_page.sidebar.entry_list.isVisible)
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs"


def test_the_reader_follows_the_selected_result(qtbot, journal, make_window):
    _dated(journal, 2, "Team huddle", [Domain.TEAM])
    _dated(journal, 1, "Just me", [Domain.INDIVIDUAL])
    cycles = journal.cycles
    inquiry = cycles.create_inquiry("How do I invite challenge?", domains=[Domain.TEAM])
    cycles.start_cycle(
        inquiry.id, cycles.templates.default.id, title="Ask first", domains=[Domain.TEAM]
    )
    window = make_window(journal, View.ENTRIES)
    assert window.entries_page.editor.title_edit.text() == "Just me"

    window.entries_page.sidebar.filters_button.click()
    window.entries_page.sidebar.filter_bar.domain_boxes[Domain.TEAM].click()
    qtbot.waitUntil(lambda: titles(window) == ["Ask first", "Team huddle"])
    # The first result is a cycle: the reader says so rather than keep "Just me" on screen.
    assert window.entries_page.hint_label.isVisible()
    assert window.entries_page.hint_label.text() == (
        "Ask first is a cycle. Press Enter or double-click it to open it."
    )
    results = window.entries_page.sidebar.search_panel.results_list
    results.setFocus()
    qtbot.keyClick(results, Qt.Key.Key_Down)
    assert (
        window.entries_page.editor.isVisible()
        and window.entries_page.editor.title_edit.text() == "Team huddle"
    )

    window.entries_page.sidebar.filter_bar.status_combo.setCurrentIndex(
        window.entries_page.sidebar.filter_bar.status_combo.findData(CycleStatus.REVIEWED.value)
    )
    qtbot.waitUntil(lambda: _settled(window) and titles(window) == [])
    assert window.entries_page.sidebar.search_panel.message == (
        "No entries or cycles match these filters. Clear a filter to see more."
    )
    assert window.entries_page.hint_label.text() == NOTHING_TO_READ
    assert not window.entries_page.editor.isVisible()

    qtbot.keyClick(results, Qt.Key.Key_Escape)  # closes the search and clears its filters
    assert window.entries_page.sidebar.entry_list.isVisible()
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs"
    assert (
        window.entries_page.editor.title_edit.text()
        == window.entries_page.sidebar.entry_list.currentIndex().data(Qt.ItemDataRole.DisplayRole)
    )


def test_only_words_left_out_say_a_word_is_needed(qtbot, journal, make_window):
    _dated(journal, 1, "Huddle", [Domain.TEAM])
    window = make_window(journal, View.ENTRIES)
    window.entries_page.sidebar.search_box.setFocus()
    qtbot.keyClicks(window.entries_page.sidebar.search_box, "-huddle")
    qtbot.waitUntil(
        lambda: _settled(window) and bool(window.entries_page.sidebar.search_panel.message)
    )
    assert window.entries_page.sidebar.search_panel.message == (
        "No matches for -huddle: a search needs at least one word to look for."
    )
    assert window.entries_page.hint_label.text() == NOTHING_TO_READ
