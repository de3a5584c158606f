"""The Insights view as a person uses it: Ctrl+7, choose a period, click a number, open an item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.insights.figures import Reach, Scope
from app.insights.service import InsightsService
from app.journal.opening import Journal
from app.ui.insights.figure_table import FigureTable
from app.ui.insights.insights_page import InsightsPage
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import TODAY, today
from tests.ui.driver import press, press_key


def _open(qtbot, window: MainWindow) -> InsightsPage:
    assert not window.insights_slot.built  # nothing is read until Insights is first shown
    press(qtbot, window, Qt.Key.Key_7)
    assert window.navigation.view is View.INSIGHTS
    page = window.insights_slot.page
    _settle(qtbot, page)
    return page


def _settle(qtbot, page: InsightsPage) -> None:
    qtbot.waitUntil(lambda: not page.busy)
    QApplication.processEvents()


def _first_number(table: FigureTable) -> tuple[int, int, int]:
    """The row, column and count of the first non-zero number in a table."""
    for r, row in enumerate(table.table().rows):
        for c, cell in enumerate(row.cells):
            if cell.count:
                return r, c, cell.count
    raise AssertionError("the table shows no number")


def test_ctrl_7_shows_the_last_six_months_as_tables(
    qtbot, make_window, demo_journal: Journal
) -> None:
    window = make_window(demo_journal, today=today)
    page = _open(qtbot, window)
    assert page.reach.currentText() == "Last 6 months"
    labels = [r.label for r in page.domains.table().rows]
    assert labels == ["Oct 2024", "Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025"]
    # The same counts the core works out, shown cell by cell to a screen reader too.
    expected = InsightsService(demo_journal).insights(Scope(Reach.LAST_6_MONTHS.span(TODAY, TODAY)))
    assert page.domains.table() == expected.domains
    assert page.domains.model().columnCount() == 3
    index = page.domains.model().index(5, 0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Mar 2025, Individual: {expected.domains.rows[5].cells[0].count}"
    )
    assert page.timing.text() == expected.timing.sentence()
    assert page.gaps.text() == expected.gaps_sentence()
    assert "counts, not scores" in page.status.text()


def test_a_click_on_a_number_lists_its_items_and_enter_opens_one(
    qtbot, make_window, demo_journal: Journal
) -> None:
    window = make_window(demo_journal, today=today)
    page = _open(qtbot, window)
    row, column, count = _first_number(page.domains)
    rect = page.domains.visualRect(page.domains.model().index(row, column))
    page.domains.scrollTo(page.domains.model().index(row, column))
    qtbot.mouseClick(page.domains.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(qtbot, page)
    assert page.items.count() == count
    heading = page.items_heading.text()
    assert heading.endswith(f": {count} item" + ("" if count == 1 else "s"))
    first = page.items.item(0).text().splitlines()
    page.items.setFocus()
    press_key(qtbot, window, Qt.Key.Key_Return)
    if first[1].startswith("Entry"):
        assert window.navigation.view is View.ENTRIES
        assert window.entries_page.editor.title_edit.text() == first[0]
    else:
        assert window.navigation.view is View.CYCLE


def test_the_keyboard_reaches_every_number(qtbot, make_window, demo_journal: Journal) -> None:
    window = make_window(demo_journal, today=today)
    page = _open(qtbot, window)
    row, column, count = _first_number(page.progress)
    page.progress.setFocus()
    page.progress.setCurrentIndex(page.progress.model().index(row, column))
    press_key(qtbot, window, Qt.Key.Key_Space)
    _settle(qtbot, page)
    assert page.items.count() == count
    assert page.items_heading.text().startswith("Planned: ")


def test_the_period_is_remembered_and_one_line_counts_only_its_cycles(
    qtbot, make_window, demo_journal: Journal
) -> None:
    window = make_window(demo_journal, today=today)
    page = _open(qtbot, window)
    page.reach.setCurrentIndex(page.reach.findData(Reach.LAST_12_MONTHS.value))
    _settle(qtbot, page)
    assert len(page.domains.table().rows) == 12
    assert window._settings.value("insights/reach") == Reach.LAST_12_MONTHS.value
    inquiry = demo_journal.cycles.inquiries()[0]
    page.inquiry.setCurrentIndex(page.inquiry.findData(inquiry.id))
    _settle(qtbot, page)
    assert "only this line's cycles are counted" in page.status.text()
    cycles = [c for c in demo_journal.cycles.cycles_in(inquiry.id) if c.deleted is None]
    assert page.progress.table().rows[0].cells[0].count == len(cycles)
