"""Home's Looking back: an earlier cycle and its learning, a new entry asking what now."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.journal.opening import Journal
from app.ui.window.navigation import View
from app.writing.domains import Domain
from app.writing.links import ItemLink, LinkKind
from tests.support.data import reviewed_cycle
from tests.ui.driver import LEFT
from tests.ui.support import unnamed_controls

TODAY = date.today()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def month_old(journal: Journal) -> str:
    when = datetime.combine(TODAY - timedelta(days=31), time(12), tzinfo=UTC)
    return reviewed_cycle(journal, "Ask at huddle", when, "People speak up when asked first.")


def test_an_earlier_cycle_comes_back_and_opens_a_new_entry_asking_what_now(
    qtbot, journal: Journal, month_old: str, make_window, settings: QSettings
) -> None:
    window = make_window(journal, settings=settings)
    card = window.home.looking_back
    assert card.isVisible() and unnamed_controls(card) == []
    assert card.heading.text() == "Looking back: a month ago"
    assert card.title_label.text() == "Ask at huddle"
    assert card.learning_label.text() == "What you learned then: People speak up when asked first."

    qtbot.mouseClick(card.differently_button, LEFT)
    assert window.navigation.view is View.ENTRIES
    (entry,) = journal.entries.summaries()
    assert entry.title == "Looking back: Ask at huddle"
    written = journal.entries.get(entry.id)
    assert (written.domains, written.tags) == ((Domain.TEAM,), ("looking back",))
    body = written.body
    assert body.startswith(f"Looking back at [Ask at huddle](ij:cycle/{month_old}) (a month ago)")
    assert journal.links.linked_from(ItemLink(LinkKind.CYCLE, month_old))[0].item_id == entry.id
    assert "What I learned then: People speak up when asked first." in body
    assert body.rstrip().endswith("What would I do differently now?")
    editor = window.entries_page.editor
    editor.tabs.setCurrentIndex(editor.PREVIEW_TAB)
    assert f'href="ij:cycle/{month_old}"' in editor.preview.toHtml()

    window.navigation.show_view(View.HOME)
    assert not card.isVisible()  # done with: it does not come back


def test_not_now_sets_it_aside_and_the_view_menu_turns_it_off(
    qtbot, journal: Journal, month_old: str, make_window, settings: QSettings
) -> None:
    window = make_window(journal, settings=settings)
    card = window.home.looking_back
    qtbot.mouseClick(card.open_button, LEFT)
    assert window.navigation.view is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == month_old

    window.navigation.show_view(View.HOME)
    assert card.isVisible()
    qtbot.mouseClick(card.not_now_button, LEFT)
    assert not card.isVisible()
    assert month_old in settings.value("home/set_aside")

    settings.remove("home/set_aside")
    window.home.refresh()
    assert card.isVisible() and window.commands.looking_back.isChecked()
    window.commands.looking_back.trigger()
    assert not card.isVisible() and settings.value("home/looking_back") == "false"
    window.home.refresh()
    assert not card.isVisible()
    window.commands.looking_back.trigger()
    assert card.isVisible()
