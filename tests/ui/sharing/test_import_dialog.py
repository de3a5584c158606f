"""File > Import…: feedback, shares and JSON exports through one dialog, off the GUI thread."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from app.sharing.content import SharedRecord, record_json
from app.sharing.exchange import ExchangeService
from app.sharing.package import seal
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.transfer import TransferService
from app.ui.sharing.words import NOTHING_IMPORTED
from app.ui.window.navigation import View
from tests.ui.driver import LEFT
from tests.ui.sharing.helpers import FilePicker, feedback_file, import_file, share_to_coach
from tests.ui.support import unnamed_controls


def test_feedback_comes_in_and_shows_beside_the_entry_marked_new_then_read(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    paired.entries.create("Rota", "Gaps.")
    share_to_coach(paired, coach, [huddle.id])
    package = feedback_file(
        coach,
        paired,
        [(huddle.id, "", "What did the **silence** feel like?"), (huddle.id, "", "Who spoke?")],
        tmp_path / "from-sam.ijshare",
    )
    window = make_window(paired, pick_file=picker)
    imported: list[str] = []
    window.controllers.sharing.imported.connect(imported.append)
    assert not window.controllers.comments.unread_button.isVisible()

    dialog = import_file(qtbot, window, picker, package)
    assert picker.asked[-1].title == "Import a package or a journal export"
    assert dialog.status_label.text() == "Imported 2 comments from Sam."
    assert dialog.title_label.text() == "Imported from-sam.ijshare"
    assert "share or feedback package" in dialog.kind_label.text()
    assert unnamed_controls(dialog) == []
    assert imported == ["feedback"]
    assert window.message_bar.message == "Imported 2 comments from Sam."
    qtbot.mouseClick(dialog.close_button, LEFT)

    comments = window.controllers.comments
    button = comments.unread_button
    assert button.isVisible() and button.text() == "2 new comments from your coach"
    assert comments.unread.badge(huddle.id) == "2 new"  # the entry list's marker
    assert window.navigation.show_view(View.ENTRIES)  # the list is read when first shown
    model = window.entries_page.sidebar.entry_list.model()
    row = model.index(model.row_of(huddle.id))
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", 2 new")  # heard, not only seen
    assert ExchangeService(paired).unread_counts() == {huddle.id: 2}

    window.navigation.open_entry(huddle.id)  # the comments appear beside it
    panel = window.entries_page.comments_panel
    qtbot.waitUntil(panel.isVisible)
    thread = panel.thread_view.toPlainText()
    assert "Sam" in thread and "What did the silence feel like?" in thread
    assert thread.count("NEW") == 2
    assert ExchangeService(paired).unread_counts() == {}  # seen, so read
    assert not button.isVisible()
    assert comments.unread.badge(huddle.id) == ""
    assert panel.reply_label.text() == "Replying to Sam: “Who spoke?”"

    window.navigation.show_view(View.HOME)
    window.navigation.open_entry(huddle.id)  # still marked NEW while open the first time
    assert panel.thread_view.toPlainText().count("NEW") == 2


def test_the_same_package_twice_and_a_tampered_one_change_nothing(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    share_to_coach(paired, coach, [huddle.id])
    package = feedback_file(coach, paired, [(huddle.id, "", "Noted.")], tmp_path / "a.ijshare")
    data = package.read_bytes()
    tampered = tmp_path / "tampered.ijshare"
    middle = len(data) // 2
    tampered.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    window = make_window(paired, pick_file=picker)

    dialog = import_file(qtbot, window, picker, tampered)
    text = dialog.status_label.text()
    assert "changed since it was made" in text or "damaged" in text
    assert text.endswith("Nothing was imported; your journal is as it was.")
    assert dialog.title_label.text() == "Not imported: tampered.ijshare"
    assert ExchangeService(paired).comments_on(huddle.id) == []
    dialog.close()

    first = import_file(qtbot, window, picker, package)
    assert first.status_label.text() == "Imported 1 comment from Sam."
    first.close()
    second = import_file(qtbot, window, picker, package)
    assert second.status_label.text() == "This package was imported before; nothing changed."
    assert second.title_label.text().startswith("Nothing new in ")
    assert len(ExchangeService(paired).comments_on(huddle.id)) == 1
    second.close()

    sam = paired.sharing.contacts(Role.COACH)[0]  # a share Alex made is for Sam, not for Alex
    outgoing = ExchangeService(paired).make_share(
        sam, ExchangeService(paired).records_to_share([huddle.id], [])
    )
    for_sam = tmp_path / "for-sam.ijshare"
    for_sam.write_bytes(outgoing.data)
    refused = import_file(qtbot, window, picker, for_sam)
    assert "for someone else" in refused.status_label.text()
    assert len(ExchangeService(paired).comments_on(huddle.id)) == 1
    refused.close()


def test_a_json_export_comes_in_through_the_same_dialog(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    for title in ("From the old laptop", "Night handover"):
        coach.entries.create(title, "Written elsewhere.")
    export = tmp_path / "export.json"
    TransferService(coach).export_json(export)
    paired.entries.create("Here already", "Text.")
    window = make_window(paired, view=View.ENTRIES, pick_file=picker)
    imported: list[str] = []
    window.controllers.sharing.imported.connect(imported.append)

    dialog = import_file(qtbot, window, picker, export)
    assert "journal export (JSON)" in dialog.kind_label.text()
    assert dialog.status_label.text().startswith("Imported: 2 added")
    assert imported == ["json"]
    model = window.controller.model
    titles = {model.summary(r).title for r in range(model.rowCount())}
    assert titles == {"From the old laptop", "Night handover", "Here already"}
    assert (
        window.entries_page.editor.title_edit.text() == "Here already"
    )  # still the entry it showed
    dialog.close()

    again = import_file(qtbot, window, picker, export)
    assert again.status_label.text().startswith("Nothing to import")
    assert imported == ["json"]  # nothing changed: nothing to refresh
    again.close()


def _big_share(participant, coach, count: int) -> bytes:
    """A share of `count` entries, sealed honestly (quicker than writing them all)."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    records = [
        SharedRecord(
            "entry",
            str(uuid.uuid4()),
            f"Entry {n}",
            "A few honest lines.",
            (),
            (),
            (start + timedelta(minutes=n)).isoformat(),
            (start + timedelta(minutes=n)).isoformat(),
        )
        for n in range(count)
    ]
    payload = {"items": [record_json(r) for r in records], "replies": []}
    return seal("share", payload, participant.sharing.identity(), coach.sharing.identity().card)


def test_cancelling_a_large_import_leaves_the_journal_as_it_was(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    package = tmp_path / "big.ijshare"
    package.write_bytes(_big_share(paired, coach, 3000))
    window = make_window(coach, pick_file=picker)  # the coach's own journal receives it
    imported: list[str] = []
    window.controllers.sharing.imported.connect(imported.append)

    picker.answers.append(package)
    window.sharing_commands.import_file.trigger()
    dialog = window.controllers.sharing.import_dialog
    assert dialog is not None and dialog.running
    qtbot.mouseClick(dialog.cancel_button, LEFT)  # stops at its next step, and rolls back
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30_000)
    assert dialog.status_label.text() == NOTHING_IMPORTED
    assert (
        WorkspaceService(coach).shared_items() == []
        and WorkspaceService(coach).participants() == []
    )
    assert imported == []
    assert window.message_bar.message == ""
    dialog.close()

    done = import_file(qtbot, window, picker, package)  # again, to the end: the bar was determinate
    assert done.status_label.text() == (  # a first share: the coach has not verified Alex
        "Imported 3000 shared items from Alex. Alex is not verified yet: compare the "
        f"fingerprint {paired.sharing.identity().card.fingerprint} with them before relying on it."
    )
    assert (done.progress_bar.maximum(), done.progress_bar.value()) == (3000, 3000)
    assert len(WorkspaceService(coach).shared_items()) == 3000
    assert imported == ["share"]
    done.close()


def test_a_coach_importing_a_first_share_gets_the_coaching_view(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    sam = paired.sharing.contacts(Role.COACH)[0]
    package = tmp_path / "from-alex.ijshare"
    package.write_bytes(
        ExchangeService(paired)
        .make_share(sam, ExchangeService(paired).records_to_share([huddle.id], []))
        .data
    )
    window = make_window(coach, pick_file=picker)
    coaching = window.commands.views[View.COACHING]
    assert not coaching.isVisible() and not window.rail.is_available(View.COACHING)

    dialog = import_file(qtbot, window, picker, package)
    assert dialog.status_label.text().startswith("Imported 1 shared item from Alex")
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert coaching.isVisible() and window.rail.is_available(View.COACHING)
    coaching.trigger()
    page = window.coach_page
    qtbot.waitUntil(lambda: page.item_list.titles() == ["Huddle"], timeout=10_000)
