"""Every control in every view has a name a screen reader can say."""

from __future__ import annotations

from app.ui.window.navigation import View
from tests.support.data import TODAY, fill_demo
from tests.ui.support import unnamed_controls


def test_every_view_names_its_controls(qtbot, journal, make_window):
    fill_demo(journal)
    window = make_window(journal, today=lambda: TODAY)
    cycle = journal.cycles.in_progress()[0]
    window.navigation.open_cycle(cycle.id)
    for view in View:
        assert window.navigation.show_view(view)
        assert unnamed_controls(window.pages[view]) == [], view
    assert unnamed_controls(window.rail.parentWidget()) == []
