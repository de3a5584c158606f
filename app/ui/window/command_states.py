"""Which menu commands apply now: the entry commands on an entry, the cycle ones on a cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.widgets.journal_items import ItemKind
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleStatus, InquiryStatus

if TYPE_CHECKING:
    from app.ui.cycles.controller import CycleController
    from app.ui.entries.controller import EntriesController
    from app.ui.window.actions import WindowActions


def update_commands(
    actions: WindowActions,
    journal: Journal,
    view: View,
    entries: EntriesController,
    cycles: CycleController,
    inquiry_id: str | None,
    *,
    editor_shown: bool,
) -> None:
    """Enable, tick and untick the Entry, Cycle and Inquiry commands for what is shown
    (`editor_shown`: the Entries view shows an entry, not a hint)."""
    entry_id = entries.saver.entry_id
    if view is not View.ENTRIES or not editor_shown:
        entry_id = None
    for flag in (actions.flag_entry, actions.share_entry):
        if entry_id is None:
            flag.clear_item()
        else:
            flag.set_item(ItemKind.ENTRY, entry_id)
    actions.turn_into_cycle.setEnabled(entry_id is not None)
    actions.versions.setEnabled(entry_id is not None)

    cycle_id = cycles.shown_cycle_id if view is View.CYCLE else ""
    try:
        cycle = journal.cycles.get(cycle_id) if cycle_id else None
    except JournalError:
        cycle = None
    flow = cycles.flow
    actions.read_view.setEnabled(cycle is not None)
    actions.read_view.setChecked(cycle is not None and cycles.reading)
    actions.stage_versions.setEnabled(
        cycle is not None and not cycles.reading and flow is not None and bool(flow.stage_id)
    )
    actions.start_next.setEnabled(
        cycle is not None and cycle.status is CycleStatus.REVIEWED and cycle.next_id is None
    )
    actions.trash_cycle.setEnabled(cycle is not None)
    if cycle is None:
        actions.flag_cycle.clear_item()
    else:
        actions.flag_cycle.set_item(ItemKind.CYCLE, cycle.id)

    status: InquiryStatus | None = None
    if inquiry_id:
        try:
            status = journal.cycles.inquiry(inquiry_id).status
        except JournalError:
            status = None
    actions.pause_inquiry.setEnabled(status is InquiryStatus.OPEN)
    actions.close_inquiry.setEnabled(status is not None and status is not InquiryStatus.CLOSED)
    actions.reopen_inquiry.setEnabled(status is not None and status is not InquiryStatus.OPEN)
