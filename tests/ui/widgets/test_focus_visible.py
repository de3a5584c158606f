"""Keyboard focus can be seen on every kind of control: a solid outline of at least 3:1
against what it is drawn on, in light, dark and high-contrast palettes (WCAG 2.4.7, 1.4.11)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QListView,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.search.full_text import HIGHLIGHT_END, HIGHLIGHT_START, Kind, SearchHit, SearchResults
from app.search.query import parse_query
from app.ui.cycles.new_cycle_form import NewCycleForm
from app.ui.cycles.review_page import ReviewPage
from app.ui.cycles.timeline_card import TimelineCard
from app.ui.entries.list_model import EntryListModel
from app.ui.home.balance_bars import DomainBalanceBars
from app.ui.search.delegate import SearchHitDelegate
from app.ui.search.results_model import SearchResultsModel
from app.ui.widgets.contrast import LARGE_TEXT_RATIO, contrast_ratio
from app.ui.widgets.entry_delegate import EntryDelegate
from app.ui.widgets.text_colours import focus, rgb
from app.ui.window.navigation import NavigationRail
from app.writing.cycle_records import CycleStatus, LoopLevel, TimelineStep
from tests.ui.driver import activate
from tests.ui.palettes import PALETTES, app_palette

MIN_RING_PIXELS = 40
"""Fewer changed pixels than this is not an outline anyone would notice."""

Pixel = tuple[int, int, int]
Role = QPalette.ColorRole


def _pixels(image: QImage) -> list[Pixel]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return [
        (c.red(), c.green(), c.blue())
        for c in (
            image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
        )
    ]


def focus_change(
    target: QWidget, take_focus: Callable[[], None], elsewhere: QWidget
) -> list[tuple[Pixel, Pixel]]:
    """(before, after) for each pixel of `target` that changed when it took focus."""
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert not target.hasFocus()
    before = _pixels(target.grab().toImage())
    take_focus()
    QApplication.processEvents()
    assert target.hasFocus()
    after = _pixels(target.grab().toImage())
    return [(b, a) for b, a in zip(before, after, strict=True) if b != a]


def assert_focus_is_visible(changed: list[tuple[Pixel, Pixel]], what: str) -> None:
    """Enough changed pixels stand out (3:1) from what was there before: an outline, not a
    faint tint. (On a selected row the ring's inner line is in the selection's text colour.)"""
    standing_out = [a for b, a in changed if contrast_ratio(a, b) >= LARGE_TEXT_RATIO]
    assert len(standing_out) >= MIN_RING_PIXELS, f"{what}: {len(standing_out)} pixels stand out"


def test_the_focus_colour_stands_out_from_every_surface(palette):
    ring = focus(QApplication.palette())
    for role in (Role.Window, Role.Base, Role.Button):
        ground = QApplication.palette().color(role)
        assert contrast_ratio(rgb(ring), rgb(ground)) >= LARGE_TEXT_RATIO, (palette, role)


class Host(QWidget):
    """A field to leave focus in, and the control under test."""

    def __init__(self, control: QWidget) -> None:
        super().__init__()
        self.field = QPushButton("Elsewhere")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(control)
        self.resize(420, 360)


@pytest.fixture(params=list(PALETTES))
def palette(request) -> Iterator[str]:
    with app_palette(PALETTES[request.param]()):
        yield request.param


@pytest.fixture
def hosted(qtbot) -> Callable[[QWidget], Host]:
    def host(control: QWidget) -> Host:
        widget = Host(control)
        qtbot.addWidget(widget)
        with qtbot.waitExposed(widget):
            widget.show()
        activate(qtbot, widget)
        return widget

    return host


def _tab_to(widget: QWidget) -> Callable[[], None]:
    return lambda: widget.setFocus(Qt.FocusReason.TabFocusReason)


def _hit(number: int) -> SearchHit:
    snippet = f"asked the team first at the {HIGHLIGHT_START}huddle{HIGHLIGHT_END} {number}"
    when = datetime(2026, 3, 1, tzinfo=UTC)
    return SearchHit(Kind.ENTRY, f"e{number}", "", f"Huddle {number}", when, snippet, 1.0)


def test_the_view_rail_shows_focus(palette, hosted):
    rail = NavigationRail()
    host = hosted(rail)
    rail.setCurrentRow(1)
    assert_focus_is_visible(focus_change(rail, _tab_to(rail), host.field), f"rail ({palette})")


def test_entry_rows_show_focus(palette, hosted, journal):
    for title in ("Huddle", "Rota", "Board paper"):
        journal.entries.create(title, "Some words.")
    view = QListView()
    view.setItemDelegate(EntryDelegate())
    model = EntryListModel(journal.entries, parent=view)
    model.reload()
    view.setModel(model)
    host = hosted(view)
    view.setCurrentIndex(model.index(1, 0))
    assert_focus_is_visible(focus_change(view, _tab_to(view), host.field), f"entries ({palette})")


def test_search_results_show_focus(palette, hosted):
    view = QListView()
    view.setItemDelegate(SearchHitDelegate())
    model = SearchResultsModel(view)
    model.show_results(SearchResults(parse_query("huddle"), [_hit(n) for n in range(3)]))
    view.setModel(model)
    host = hosted(view)
    view.setCurrentIndex(model.index(0, 0))
    assert_focus_is_visible(focus_change(view, _tab_to(view), host.field), f"results ({palette})")


def test_tree_rows_show_focus(palette, hosted):
    tree = QTreeWidget()
    tree.setHeaderLabels(["Backup", "Size"])
    rows = [QTreeWidgetItem([name, "2 MB"]) for name in ("Monday", "Tuesday")]
    tree.addTopLevelItems(rows)
    host = hosted(tree)
    tree.setCurrentItem(rows[0])
    assert_focus_is_visible(focus_change(tree, _tab_to(tree), host.field), f"tree ({palette})")


def test_the_default_button_shows_focus(palette, qtbot):
    form = NewCycleForm()
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    activate(qtbot, form)
    default = next(b for b in form.findChildren(QPushButton) if b.isDefault())
    changed = focus_change(default, _tab_to(default), form.question_edit)
    assert_focus_is_visible(changed, f"default button ({palette})")


def test_tool_buttons_and_check_boxes_show_focus(palette, hosted):
    button = QToolButton()
    button.setText("Filters")
    box = QCheckBox("Discussed")
    for control in (button, box):
        host = hosted(control)
        changed = focus_change(control, _tab_to(control), host.field)
        assert_focus_is_visible(changed, f"{type(control).__name__} ({palette})")


def test_the_loop_radio_group_shows_focus(palette, hosted):
    page = ReviewPage()
    host = hosted(page)
    button = next(iter(page.loop_buttons.values()))
    assert_focus_is_visible(focus_change(button, _tab_to(button), host.field), f"loop ({palette})")


def test_timeline_cards_and_balance_bars_show_focus(palette, hosted):
    step = TimelineStep("c1", "Ask first", CycleStatus.PLANNED, LoopLevel.NONE, "", "", "", None)
    card = TimelineCard(step, 1, first=True, last=True, today=date(2026, 3, 1))
    bars = DomainBalanceBars()
    for control in (card, bars):
        host = hosted(control)
        changed = focus_change(control, _tab_to(control), host.field)
        assert_focus_is_visible(changed, f"{type(control).__name__} ({palette})")
