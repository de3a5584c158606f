"""Searching from the window: as you type, off the GUI thread, with filters, pages and recents."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from app.search.full_text import Kind
from app.ui.search import controller as search_controller
from app.ui.search.delegate import snippet_layout
from app.ui.search.results_model import HIT_ROLE
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleStatus
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.support.data import NO_MATCHES
from tests.ui.driver import activate, press, search_for, titles

NO_FILTERED_MATCHES = "No matches for huddle with these filters. Try fewer words or clear a filter."


@pytest.fixture
def huddles(journal):
    """A few entries about huddles and one that is not."""
    store = journal.entries
    store.create("Huddle", "I asked the team first at the huddle.", [Domain.TEAM], ["huddle"])
    store.create("Board paper", "Wrote the summary for the board.", [Domain.ORGANISATION])
    store.create("Rota", "The huddle ran late again.", [Domain.INDIVIDUAL], ["rota"])
    store.create("Night shift", "A quiet huddle before handover.", [Domain.TEAM], ["rota"])
    return journal


def test_typing_shows_results_with_the_matching_words_highlighted(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    press(qtbot, window, Qt.Key.Key_F)
    assert window.entries_page.sidebar.search_box.hasFocus()
    assert window.entries_page.sidebar.entry_list.isVisible()

    search_for(qtbot, window, "huddle")
    assert sorted(titles(window)) == ["Huddle", "Night shift", "Rota"]
    assert window.entries_page.sidebar.search_panel.results_list.isVisible()
    assert not window.entries_page.sidebar.entry_list.isVisible()
    assert window.entries_page.sidebar.search_panel.status_label.text() == "3 found"

    model = window.controller.search.model
    hit = model.data(model.index(0), HIT_ROLE)
    matches = [text.lower() for text, is_match in hit.snippet_parts() if is_match]
    assert matches and set(matches) == {"huddle"}
    layout = snippet_layout(hit, QFont(), QColor("yellow"))
    bold = [
        layout.text()[r.start : r.start + r.length]
        for r in layout.formats()
        if r.format.fontWeight() == QFont.Weight.Bold
    ]
    assert [b.lower() for b in bold] == matches
    kinds = model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert kinds.startswith("Entry: ")


def test_typing_runs_one_search_after_the_pause(qtbot, huddles, make_window):
    calls: list[str] = []

    def counting(query, filters=None, **options):
        calls.append(query)
        return huddles.search.search(query, filters, **options)

    window = make_window(huddles, View.ENTRIES, search=counting)
    search_for(qtbot, window, "board")
    assert calls == ["board"]
    assert titles(window) == ["Board paper"]


class GatedSearch:
    """The journal's search, except that one query waits until the test lets it go."""

    def __init__(self, journal, slow_query: str) -> None:
        self._search = journal.search.search
        self._slow_query = slow_query
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, query, filters=None, **options):
        if query == self._slow_query:
            self.started.set()
            self.release.wait(10)
        return self._search(query, filters, **options)


def test_results_of_an_older_search_are_never_shown(qtbot, huddles, make_window):
    gated = GatedSearch(huddles, slow_query="huddle")
    window = make_window(huddles, View.ENTRIES, search=gated)
    seen: list[list[str]] = []
    window.controller.search.model.modelReset.connect(lambda: seen.append(titles(window)))

    window.entries_page.sidebar.search_box.setText("huddle")
    window.controller.search.search_now()
    qtbot.waitUntil(gated.started.is_set)
    window.entries_page.sidebar.search_box.setText("board")
    window.controller.search.search_now()
    assert window.isVisible()  # the window is not waiting for the slow search
    gated.release.set()

    qtbot.waitUntil(lambda: titles(window) == ["Board paper"])
    qtbot.waitUntil(lambda: not window.controller.search.runner.busy)
    assert all("Huddle" not in found for found in seen)
    assert titles(window) == ["Board paper"]


def test_a_nonsense_word_says_no_matches(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "zqxjvk")
    assert window.entries_page.sidebar.search_panel.message == NO_MATCHES.format("zqxjvk")
    assert window.entries_page.sidebar.search_panel.message_label.isVisible()
    assert titles(window) == []


def test_only_words_left_out_asks_for_a_word(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "-huddle")
    assert window.entries_page.sidebar.search_panel.message == (
        "No matches for -huddle: a search needs at least one word to look for."
    )


def test_filters_narrow_the_results(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    assert len(titles(window)) == 3

    qtbot.mouseClick(window.entries_page.sidebar.filters_button, Qt.MouseButton.LeftButton)
    bar = window.entries_page.sidebar.filter_bar
    assert bar.isVisible()
    bar.domain_boxes[Domain.TEAM].click()
    qtbot.waitUntil(lambda: sorted(titles(window)) == ["Huddle", "Night shift"])
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs (1)"

    bar.tag_combo.setCurrentIndex(bar.tag_combo.findData("rota"))
    qtbot.waitUntil(lambda: titles(window) == ["Night shift"])

    bar.status_combo.setCurrentIndex(bar.status_combo.findData(CycleStatus.REVIEWED.value))
    qtbot.waitUntil(
        lambda: window.entries_page.sidebar.search_panel.message == NO_FILTERED_MATCHES
    )  # no cycles

    bar.clear_button.click()
    qtbot.waitUntil(lambda: len(titles(window)) == 3)
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs"


def test_filters_open_and_close_from_the_keyboard(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    qtbot.keyClick(
        window.entries_page.sidebar.search_box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier
    )
    bar = window.entries_page.sidebar.filter_bar
    qtbot.waitUntil(bar.isVisible)  # a mnemonic clicks the button after a short flash
    team = bar.domain_boxes[Domain.TEAM]
    qtbot.keyClick(bar.domain_boxes[Domain.INDIVIDUAL], Qt.Key.Key_Tab)
    assert team.hasFocus()
    qtbot.keyClick(team, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: sorted(titles(window)) == ["Huddle", "Night shift"])

    qtbot.keyClick(team, Qt.Key.Key_Escape)  # hides the filters, keeps them
    assert not bar.isVisible()
    assert window.entries_page.sidebar.search_box.hasFocus()
    assert window.entries_page.sidebar.filters_button.text() == "Filte&rs (1)"


def test_a_date_range_narrows_the_results(qtbot, journal, make_window):
    old = EntryStore(journal.engine, clock=lambda: datetime(2024, 3, 1, 9, tzinfo=UTC))
    old.create("Old huddle", "huddle notes")
    journal.entries.create("New huddle", "huddle notes")
    window = make_window(journal, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    assert sorted(titles(window)) == ["New huddle", "Old huddle"]

    window.entries_page.sidebar.filters_button.click()
    until = window.entries_page.sidebar.filter_bar.until
    until.check.click()
    until.edit.setDate(until.edit.date().addYears(-1))
    qtbot.waitUntil(lambda: titles(window) == ["Old huddle"])


# The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_recent_searches_are_offered_and_can_be_cleared(qtbot, huddles, make_window, monkeypatch):
    monkeypatch.setattr(search_controller, "REMEMBER_DELAY_MS", 20)
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "board")
    qtbot.waitUntil(lambda: huddles.search.recent() == ["board"])  # remembered after a pause

    window.entries_page.sidebar.search_box.clear()
    qtbot.keyClicks(window.entries_page.sidebar.search_box, "rota")
    qtbot.keyClick(window.entries_page.sidebar.search_box, Qt.Key.Key_Return)  # remembered at once
    assert huddles.search.recent() == ["rota", "board"]
    assert window.entries_page.sidebar.search_box.recent() == ["rota", "board"]

    window.entries_page.sidebar.search_box.clear()
    window.entries_page.sidebar.search_box.setFocus()
    qtbot.keyClick(
        window.entries_page.sidebar.search_box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
    )
    popup = window.entries_page.sidebar.search_box.recent_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            titles(window) == ["Rota", "Night shift"] or titles(window) == ["Night shift", "Rota"]
        )
    )
    assert window.entries_page.sidebar.search_box.text() == "rota"

    window.commands.clear_recent.trigger()
    assert huddles.search.recent() == []
    assert window.entries_page.sidebar.search_box.recent() == []
    assert window.statusBar().currentMessage() == "Recent searches cleared."


def test_escape_clears_the_search_and_returns_to_the_entry_list(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    qtbot.keyClick(window.entries_page.sidebar.search_box, Qt.Key.Key_Escape)
    assert window.entries_page.sidebar.search_box.text() == ""
    assert window.entries_page.sidebar.entry_list.isVisible()
    assert window.entries_page.sidebar.entry_list.hasFocus()

    search_for(qtbot, window, "huddle")
    qtbot.keyClick(window.entries_page.sidebar.search_box, Qt.Key.Key_Down)  # into the results
    results = window.entries_page.sidebar.search_panel.results_list
    assert results.hasFocus()
    qtbot.keyClick(results, Qt.Key.Key_Escape)
    assert window.entries_page.sidebar.search_box.text() == ""
    assert window.entries_page.sidebar.entry_list.hasFocus()
    assert window.entries_page.sidebar.entry_list.currentIndex().data(
        Qt.ItemDataRole.DisplayRole
    ) == (window.entries_page.editor.title_edit.text())


def test_results_load_more_pages_as_they_scroll(qtbot, journal, make_window):
    for number in range(120):
        journal.entries.create(f"Huddle {number}", "notes from the huddle")
    window = make_window(journal, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    model = window.controller.search.model
    assert model.rowCount() == search_controller.PAGE_SIZE
    assert window.entries_page.sidebar.search_panel.status_label.text() == "50+ found"

    results = window.entries_page.sidebar.search_panel.results_list
    results.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    results.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 120)
    assert not model.canFetchMore(results.rootIndex())
    assert len({model.hit(row).item_id for row in range(120)}) == 120


def test_newest_first_orders_by_date(qtbot, journal, make_window):
    for days_ago, title in ((30, "Oldest"), (10, "Middle"), (1, "Newest")):
        moment = datetime.now(UTC) - timedelta(days=days_ago)
        EntryStore(journal.engine, clock=lambda m=moment: m).create(  # type: ignore[misc]
            title, "huddle " * days_ago
        )
    window = make_window(journal, View.ENTRIES)
    search_for(qtbot, window, "huddle")
    combo = window.entries_page.sidebar.search_panel.order_combo
    combo.setCurrentIndex(combo.findText("Newest first"))
    qtbot.waitUntil(lambda: titles(window) == ["Newest", "Middle", "Oldest"])


def test_enter_opens_the_first_result_and_activating_one_opens_it(qtbot, huddles, make_window):
    window = make_window(huddles, View.ENTRIES)
    search_for(qtbot, window, "board")
    qtbot.keyClick(window.entries_page.sidebar.search_box, Qt.Key.Key_Return)
    results = window.entries_page.sidebar.search_panel.results_list
    assert results.hasFocus()
    assert window.entries_page.editor.title_edit.text() == "Board paper"

    window.entries_page.sidebar.search_box.clear()
    search_for(qtbot, window, "quiet")
    activate(qtbot, window)
    results.setFocus()
    results.setCurrentIndex(window.controller.search.model.index(0))
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.entries_page.editor.title_edit.text() == "Night shift"
    assert window.entries_page.editor.body_edit.hasFocus()
    assert (
        window.entries_page.sidebar.search_panel.results_list.isVisible()
    )  # the results stay for the next one


def test_a_cycle_result_opens_the_cycle_at_that_stage(qtbot, journal, make_window):
    cycles = journal.cycles
    inquiry = cycles.create_inquiry("How do I invite challenge?", domains=[Domain.TEAM])
    cycle = cycles.start_cycle(inquiry.id, cycles.templates.default.id, title="Ask first")
    stage = cycle.stages[1].stage_id
    cycles.save_stage(cycle.id, stage, "Invite the quietest voice at the huddle.")
    cycles.set_current_stage(cycle.id, cycle.stages[0].stage_id)  # left on another stage
    window = make_window(journal, View.ENTRIES)
    search_for(qtbot, window, "quietest")
    [hit] = [window.controller.search.model.hit(0)]
    assert hit.kind is Kind.STAGE

    results = window.entries_page.sidebar.search_panel.results_list
    results.setCurrentIndex(window.controller.search.model.index(0))
    with qtbot.waitSignal(window.openCycleRequested) as opened:
        results.activated.emit(results.currentIndex())
    assert opened.args == [cycle.id, stage]
    flow = window.cycle_pane.flow
    assert window.navigation.view is View.CYCLE
    assert flow is not None and flow.isVisible()
    assert flow.stage_id == stage
    assert flow.stage_page.text_edit.toPlainText() == "Invite the quietest voice at the huddle."
    assert flow.stage_page.text_edit.hasFocus()
