"""Home lists what needs attention and draws the balance of the three domains."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.home.overview import HomeService
from app.ui.home.view import BALANCE_ONLY_INDIVIDUAL, HomeView
from app.writing.domains import Domain
from tests.support.data import NOW, TODAY
from tests.ui.support import unnamed_controls

DUE = "Hand the question to the band 6 nurses"  # planned, experiment two days ago
NOT_YET_DUE = "Say what is ready, in the bed meeting itself"  # planned, five days ahead


def titles(section) -> list[str]:
    model = section.list.list_model
    return [model.item(row).title for row in range(model.rowCount())]


def make_home(show, journal, today=TODAY) -> HomeView:
    home = HomeView(journal, today=lambda: today, now=lambda: NOW)
    home.resize(1000, 700)
    show(home)
    return home


def test_a_cycle_whose_experiment_date_passed_is_waiting(qtbot, show, demo_journal):
    home = make_home(show, demo_journal)
    assert titles(home.waiting) == [DUE]
    assert "time to reflect" in home.waiting.list.list_model.item(0).detail
    assert home.waiting.heading.text() == "Waiting for your reflection (1)"
    assert NOT_YET_DUE not in titles(home.waiting)
    assert set(titles(home.in_progress)) == {
        "Flow targets or a safe discharge",
        "Noticed my jaw tighten",
    }
    assert titles(home.recent)[0] == "Bed meeting, Thursday"
    assert unnamed_controls(home) == []


def test_on_an_earlier_day_nothing_is_waiting_yet(qtbot, show, demo_journal):
    home = make_home(show, demo_journal, today=TODAY - timedelta(days=3))
    assert titles(home.waiting) == []
    assert home.waiting.empty_label.isVisible()


def test_enter_on_a_row_asks_to_open_it(qtbot, show, demo_journal):
    home = make_home(show, demo_journal)
    waiting = home.waiting.list
    waiting.setFocus()
    with qtbot.waitSignal(home.openCycle) as opened:
        qtbot.keyClick(waiting, Qt.Key.Key_Return)
    assert opened.args == [home.waiting.ids()[0]]
    assert demo_journal.cycles.get(opened.args[0]).display_title == DUE

    home.recent.list.setFocus()
    with qtbot.waitSignal(home.openEntry) as entry:
        qtbot.keyClick(home.recent.list, Qt.Key.Key_Return)
    assert demo_journal.entries.get(entry.args[0]).title == "Bed meeting, Thursday"


def test_an_empty_journal_says_what_to_do(qtbot, show, journal):
    home = make_home(show, journal)
    for section in (home.waiting, home.in_progress, home.recent):
        assert section.empty_label.isVisible()
        assert not section.list.isVisible()
    assert "Ctrl+Shift+N" in home.waiting.empty_label.text()
    assert "Nothing tagged" in home.balance_note.text()
    with qtbot.waitSignal(home.newCycleRequested):
        qtbot.mouseClick(home.new_cycle_button, Qt.MouseButton.LeftButton)


def test_the_balance_counts_each_domain_and_notices_individual_only(qtbot, show, journal):
    inquiry = journal.cycles.create_inquiry("What happens to my listening?")
    journal.cycles.start_cycle(inquiry.id, "quick-capture", domains=[Domain.INDIVIDUAL])
    journal.entries.create("After the shift", "Tired; short with the student.", [Domain.INDIVIDUAL])
    home = make_home(show, journal)
    assert home.balance_bars.counts() == {
        Domain.INDIVIDUAL: 2,
        Domain.TEAM: 0,
        Domain.ORGANISATION: 0,
    }
    assert home.balance_note.text() == BALANCE_ONLY_INDIVIDUAL.format(days=30)
    assert "Individual: 2" in home.balance_bars.accessibleDescription()

    journal.entries.create("Rota", "Shared it early.", [Domain.TEAM])
    home.refresh()
    assert home.balance_bars.counts()[Domain.TEAM] == 1
    assert "Individual domain" not in home.balance_note.text()


def test_the_bars_show_the_demo_balance(qtbot, show, demo_journal):
    home = make_home(show, demo_journal)
    assert home.balance_bars.counts() == HomeService(demo_journal).domain_balance(NOW).counts
    assert home.balance_bars.grab().width() > 0  # paints without errors


def _at(home: HomeView, widget) -> tuple[int, int]:
    spot = widget.mapTo(home.widget(), widget.rect().topLeft())
    return spot.x(), spot.y()


def test_the_columns_go_one_above_the_other_when_two_would_be_squeezed(qtbot, show, demo_journal):
    home = make_home(show, demo_journal)  # 1000 px wide: side by side
    waiting_x, waiting_y = _at(home, home.waiting)
    balance_x, balance_y = _at(home, home.balance_heading)
    assert balance_x > waiting_x + home.waiting.width() and balance_y < waiting_y + 100

    home.resize(480, 700)  # a laptop at 200% leaves about this much beside the views rail
    qtbot.waitUntil(lambda: _at(home, home.balance_heading)[1] > _at(home, home.recent)[1])
    assert _at(home, home.balance_heading)[0] == _at(home, home.waiting)[0]
    # Once the taller column has settled (the scroll bars are placed a turn later).
    qtbot.waitUntil(lambda: not home.horizontalScrollBar().isVisible())
    assert home.waiting.width() > home.viewport().width() - 60  # the whole width, less margins

    home.resize(1000, 700)
    qtbot.waitUntil(lambda: _at(home, home.balance_heading)[0] > home.waiting.width())
