"""The entry list: newest first, loaded a batch at a time, dates in local time."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.ui.entries.list_model import EntryListModel
from app.ui.widgets.dates import local_day, local_text
from app.ui.widgets.entry_delegate import SUMMARY_ROLE
from app.ui.window.navigation import View
from app.writing.domains import Domain
from app.writing.entries import EntryStore


def test_entries_are_fetched_in_batches_as_the_view_asks(journal):
    for number in range(25):
        journal.entries.create(f"Entry {number}", "body text " * 50)
    model = EntryListModel(journal.entries, batch_size=10)
    model.reload()
    assert model.rowCount() == 10
    assert model.total() == 25
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert not model.canFetchMore(QModelIndex())
    titles = [model.summary(row).title for row in range(25)]
    assert titles[0] == "Entry 24" and titles[-1] == "Entry 0"  # newest first
    assert not hasattr(model.data(model.index(0), SUMMARY_ROLE), "body")


def test_a_long_list_fills_in_as_it_scrolls(qtbot, journal, make_window):
    for number in range(130):
        journal.entries.create(f"Entry {number}", "")
    window = make_window(journal, View.ENTRIES)
    model = window.controller.model
    assert model.rowCount() == 100
    window.entries_page.sidebar.entry_list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 130)


def test_rows_carry_title_domains_and_accessible_text(journal):
    journal.entries.create("", "First line becomes the title\nmore", [Domain.TEAM])
    model = EntryListModel(journal.entries)
    model.reload()
    summary = model.summary(0)
    assert summary.title == "First line becomes the title"
    assert summary.domains == (Domain.TEAM,)
    assert "Team or service" in model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)


@pytest.fixture
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_dates_stored_in_utc_are_shown_in_local_time(new_york, journal_dir):
    moment = datetime(2026, 1, 15, 3, 30, tzinfo=UTC)  # 22:30 the evening before, in New York
    assert local_text(moment, "yyyy-MM-dd HH:mm") == "2026-01-14 22:30"
    assert local_day(moment).startswith("14 ")


def test_the_list_shows_the_local_day(new_york, journal):
    store = EntryStore(journal.engine, clock=lambda: datetime(2026, 1, 15, 3, 30, tzinfo=UTC))
    store.create("Late shift", "")
    model = EntryListModel(store)
    model.reload()
    assert "22:30" in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)  # the full time


def test_pages_follow_on_from_the_last_row_even_when_entries_share_a_moment(journal):
    same_moment = EntryStore(journal.engine, clock=lambda: datetime(2026, 2, 1, 9, tzinfo=UTC))
    made = {same_moment.create(f"Entry {n}", "").id for n in range(23)}
    model = EntryListModel(journal.entries, batch_size=5)
    model.reload()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    listed = [model.summary(row).id for row in range(model.rowCount())]
    assert len(listed) == 23
    assert set(listed) == made
