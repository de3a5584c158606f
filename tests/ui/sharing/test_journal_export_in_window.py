"""File > Import… with a journal export: a coach's whole workspace comes back, and a hostile
file is refused in one line with nothing changed."""

from __future__ import annotations

from app.journal.opening import create_journal
from app.transfer import TransferService
from app.ui.window.navigation import View
from tests.support.digest import content_digest
from tests.ui.driver import LEFT
from tests.ui.sharing.helpers import FilePicker, feedback_file, import_file, share_to_coach


def test_a_coachs_export_brings_back_the_coaching_view_with_its_comments(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path, key_store
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    share_to_coach(paired, coach, [huddle.id])
    feedback_file(coach, paired, [(huddle.id, "", "Who spoke?")], tmp_path / "f.ijshare")
    export = tmp_path / "coach.json"
    TransferService(coach).export_json(export)
    fresh, _ = create_journal(tmp_path / "new-laptop", key_store)
    try:
        window = make_window(fresh, pick_file=picker)
        coaching = window.commands.views[View.COACHING]
        assert not window.rail.is_available(View.COACHING)

        dialog = import_file(qtbot, window, picker, export)
        assert dialog.status_label.text().startswith("Imported: 4 added")
        qtbot.mouseClick(dialog.close_button, LEFT)
        assert window.rail.is_available(View.COACHING)
        coaching.trigger()
        page = window.coach_page
        qtbot.waitUntil(lambda: page.item_list.titles() == ["Huddle"], timeout=10_000)
    finally:
        fresh.close()


def test_a_deeply_nested_file_is_refused_in_one_line_on_the_worker_thread(
    qtbot, journal, make_window, picker: FilePicker, tmp_path
):
    journal.entries.create("Keep me", "as I am")
    hostile = tmp_path / "deep.json"
    hostile.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    before = content_digest(journal)
    window = make_window(journal, pick_file=picker)

    dialog = import_file(qtbot, window, picker, hostile)
    text = dialog.status_label.text()
    assert "nested too deeply" in text and "\n" not in text and "unexpectedly" not in text
    assert content_digest(journal) == before
    dialog.close()
