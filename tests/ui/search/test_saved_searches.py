"""Saved searches in the sidebar: save the search shown, open by keyboard, rename, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.search.full_text import SearchFilters
from app.search.periods import Period
from app.ui.window.navigation import View
from app.writing.cycle_records import LoopLevel
from app.writing.domains import Domain
from tests.ui.driver import titles


def _double_loop_journal(journal):
    cycles = journal.cycles
    inquiry = cycles.create_inquiry("How do I invite challenge?", domains=[Domain.TEAM])
    for title, loop in (("Ask first", LoopLevel.DOUBLE), ("Rota swap", LoopLevel.SINGLE)):
        cycle = cycles.start_cycle(
            inquiry.id, cycles.templates.default.id, title=title, domains=[Domain.TEAM]
        )
        cycles.update_cycle(cycle.id, loop=loop)
    journal.entries.create("Team huddle", "We met.", [Domain.TEAM])
    journal.entries.create("Just me", "Thinking.", [Domain.INDIVIDUAL])
    return journal


def _type_name(qtbot, name: str) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the name is open for typing
    editor.selectAll()
    qtbot.keyClicks(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QLineEdit))  # committed


def test_save_the_filters_name_them_and_open_them_again(qtbot, journal, make_window):
    window = make_window(_double_loop_journal(journal), View.ENTRIES)
    saved_list = window.entries_page.sidebar.saved_searches
    assert not saved_list.isVisible()  # none yet

    window.entries_page.sidebar.filters_button.click()
    bar = window.entries_page.sidebar.filter_bar
    bar.domain_boxes[Domain.TEAM].click()
    bar.period_combo.setCurrentIndex(bar.period_combo.findData(Period.THIS_QUARTER.value))
    qtbot.waitUntil(lambda: titles(window) == ["Team huddle", "Rota swap", "Ask first"])
    window.entries_page.sidebar.save_search_button.click()
    assert saved_list.isVisible()
    assert saved_list.names() == ["Team or service, This quarter"]
    _type_name(qtbot, "Team, this quarter")
    [kept] = journal.saved_searches.all()
    assert kept.name == "Team, this quarter"
    assert kept.filters == SearchFilters(domains=(Domain.TEAM,), period=Period.THIS_QUARTER)
    assert saved_list.names() == ["Team, this quarter"]

    # A second one, from the cycle filters alone.
    bar.clear_button.click()
    bar.loop_combo.setCurrentIndex(bar.loop_combo.findData(LoopLevel.DOUBLE.value))
    qtbot.waitUntil(lambda: titles(window) == ["Ask first"])
    window.entries_page.sidebar.save_search_button.click()
    _type_name(qtbot, "double loop cycles")
    assert saved_list.names() == ["double loop cycles", "Team, this quarter"]

    # Escape puts the search away; the saved one opens again from the keyboard.
    window.entries_page.sidebar.search_panel.results_list.setFocus()
    qtbot.keyClick(window.entries_page.sidebar.search_panel.results_list, Qt.Key.Key_Escape)
    assert (
        window.entries_page.sidebar.entry_list.isVisible()
        and window.entries_page.sidebar.filters_button.text() == "Filte&rs"
    )
    saved_list.list.setFocus()
    saved_list.list.setCurrentRow(1)
    qtbot.keyClick(saved_list.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(window) == ["Team huddle", "Rota swap", "Ask first"])
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs (2)"
    assert bar.domain_boxes[Domain.TEAM].isChecked()
    assert bar.period_combo.currentText() == "This quarter"
    assert window.entries_page.sidebar.search_box.text() == ""


def test_rename_refuses_a_name_in_use_and_delete_asks_first(qtbot, journal, make_window, answers):
    journal.saved_searches.save("Team", "", SearchFilters(domains=(Domain.TEAM,)))
    journal.saved_searches.save("Board", "paper", SearchFilters())
    window = make_window(journal, View.ENTRIES)
    saved_list = window.entries_page.sidebar.saved_searches
    assert saved_list.names() == ["Board", "Team"]

    saved_list.list.setFocus()
    saved_list.list.setCurrentRow(0)
    qtbot.keyClick(saved_list.list, Qt.Key.Key_F2)
    _type_name(qtbot, "team")
    assert window.statusBar().currentMessage() == (
        "A saved search called team already exists. Choose another name."
    )
    assert saved_list.names() == ["Board", "Team"]
    assert [s.name for s in journal.saved_searches.all()] == ["Board", "Team"]

    answers.reply = False
    qtbot.keyClick(saved_list.list, Qt.Key.Key_Delete)
    assert answers.asked == [
        "Delete saved search: Delete the saved search Board? "
        "The entries and cycles it lists stay in the journal."
    ]
    assert len(journal.saved_searches.all()) == 2
    answers.reply = True
    qtbot.keyClick(saved_list.list, Qt.Key.Key_Delete)
    assert [s.name for s in journal.saved_searches.all()] == ["Team"]
    assert saved_list.names() == ["Team"]


def test_saving_with_nothing_to_save_says_what_to_do(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    window.entries_page.sidebar.save_search_button.click()
    assert window.statusBar().currentMessage() == (
        "Type a word or choose a filter before saving a search."
    )
    assert journal.saved_searches.all() == []
