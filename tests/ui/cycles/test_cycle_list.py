"""The cycle list model: newest change first, loaded a batch at a time, no stage texts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QListView

from app.ui.cycles.list_model import CYCLE_ID_ROLE, CYCLE_SUMMARY_ROLE, CycleListModel
from app.writing.cycle_records import CycleStatus, CycleSummary
from app.writing.domains import Domain


def start_cycles(journal, count: int) -> list[str]:
    cycles = journal.cycles
    inquiry = cycles.create_inquiry("How do I invite challenge?", domains=[Domain.TEAM])
    template = cycles.templates.default.id
    return [
        cycles.start_cycle(inquiry.id, template, title=f"Cycle {n}", domains=[Domain.TEAM]).id
        for n in range(count)
    ]


def test_cycles_are_fetched_in_batches_newest_first(journal):
    ids = start_cycles(journal, 12)
    model = CycleListModel(journal.cycles, batch_size=5)
    model.reload()
    assert model.rowCount() == 5
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert [model.data(model.index(r), CYCLE_ID_ROLE) for r in range(12)] == ids[::-1]
    summary = model.data(model.index(0), CYCLE_SUMMARY_ROLE)
    assert isinstance(summary, CycleSummary)
    assert not hasattr(summary, "stages")  # never the texts


def test_rows_read_well_aloud_and_can_be_limited_by_status(journal):
    [cycle_id] = start_cycles(journal, 1)
    model = CycleListModel(journal.cycles)
    model.reload()
    spoken = model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Cycle 0, Planned, None yet")
    assert "Team or service" in spoken

    model.set_statuses([CycleStatus.REVIEWED])
    assert model.rowCount() == 0
    model.set_statuses([CycleStatus.PLANNED])
    assert model.row_of(cycle_id) == 0
    model.remove(cycle_id)
    assert model.rowCount() == 0


def test_a_view_scrolls_through_every_cycle(qtbot, journal):
    start_cycles(journal, 30)
    model = CycleListModel(journal.cycles, batch_size=10)
    model.reload()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    with qtbot.waitExposed(view):
        view.show()
    for _ in range(10):
        if not model.canFetchMore(QModelIndex()):
            break
        view.scrollToBottom()  # reaching the end asks the model for more
    assert model.rowCount() == 30
    assert not model.canFetchMore(QModelIndex())
