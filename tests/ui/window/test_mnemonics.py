"""No two controls or menus reachable at once share an Alt+letter."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.journal.opening import Journal, create_journal
from app.ui.cycles import flow_steps as steps
from app.ui.sessions.session_form import SessionForm
from app.ui.start.setup_wizard import SetupWizard
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import TODAY, fill_demo
from tests.ui.coach.helpers import build_desk
from tests.ui.coach.window import click_item, open_coaching
from tests.ui.mnemonics import bar_titles, clashes, menu_clashes, page_clashes, visible_mnemonics
from tests.ui.window.all_windows import BUILDS


def _never(*_args: object) -> NoReturn:
    raise AssertionError("nothing is created or restored while letters are read")


def test_no_menu_shares_a_letter(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    assert clashes(bar_titles(window)) == {}
    found = {
        f"{m.title()} {k}": v for m in window.menus.values() for k, v in menu_clashes(m).items()
    }
    assert not found, "\n".join(f"{where}: {users}" for where, users in sorted(found.items()))


def _cycle_screens(window: MainWindow, journal: Journal) -> dict[str, list[str]]:
    """Clashes on every screen of every cycle: each stage (hints shown and hidden), the
    planned and tried-yet screens and the review."""
    found: dict[str, list[str]] = {}
    seen: set[steps.Screen] = set()
    for inquiry in journal.cycles.inquiries():
        for cycle in journal.cycles.cycles_in(inquiry.id):
            template = journal.templates.get(cycle.template_id)
            stage_ids = [s.id for s in steps.offered_stages(cycle, template)]
            for stage_id in ["", *stage_ids]:  # "" opens it where it was left
                window.navigation.open_cycle(cycle.id, stage_id)
                flow = window.cycle_pane.flow
                assert flow is not None
                where = f"cycle {cycle.status.value} {flow.place.screen} {flow.stage_id}"
                seen.add(flow.place.screen)
                found.update(page_clashes(window, where))
                if flow.place.screen is steps.Screen.TRIED_YET:
                    flow.tried_page.not_yet_button.click()  # on to "Your experiment is planned"
                    seen.add(flow.place.screen)
                    found.update(page_clashes(window, f"cycle {flow.place.screen}"))
                if flow.stage_page.hints_button.isVisible():
                    flow.stage_page.hints_button.click()
                    found.update(page_clashes(window, f"{where} hints"))
    assert seen == set(steps.Screen), seen  # the walk reached every kind of screen
    return found


def test_no_page_shares_a_letter_with_its_controls_or_the_menus(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    found: dict[str, list[str]] = {}
    shown = []
    for view in View:
        if window.navigation.show_view(view):
            shown.append(view)
            found.update(page_clashes(window, view.label))
    assert shown == list(View)  # the sample journal has a participant
    found.update(_cycle_screens(window, journal))
    window.navigation.show_view(View.CYCLE)
    assert not found, "\n".join(f"{where}: {users}" for where, users in sorted(found.items()))


def test_coaching_shares_no_letter_with_the_menus(qtbot, journal, make_window, tmp_path, key_store):
    desk = build_desk(journal, tmp_path / "people", key_store)
    try:
        window = make_window(journal)
        page = open_coaching(qtbot, window)
        found = page_clashes(window, "Coaching")
        click_item(qtbot, page, page.item_list.titles()[0])
        found.update(page_clashes(window, "Coaching item"))
        assert not found, found
    finally:
        desk.close()


def test_no_setup_page_shares_a_letter(qtbot, show, tmp_path, key_store):
    made: list[Journal] = []

    def create(folder: Path, passphrase: str | None) -> tuple[Journal, str]:
        made.append(create_journal(folder, key_store, passphrase)[0])
        return made[-1], "ABCD-EFGH-IJKL-MNOP"

    restoring = show(SetupWizard(tmp_path / "restored", key_store, _never, restore=_never))
    restoring.folder_page.restore_radio.click()
    found = clashes(visible_mnemonics(restoring))
    restoring.next()
    assert restoring.currentPage() is restoring.restore_page
    found.update(clashes(visible_mnemonics(restoring)))

    wizard = show(SetupWizard(tmp_path / "new", key_store, create))
    wizard.next()
    assert wizard.currentPage() is wizard.protection_page
    found.update(clashes(visible_mnemonics(wizard)))
    choice = wizard.protection_page.choice
    assert choice.passphrase_radio is not None and choice.keyring_radio is not None
    choice.passphrase_radio.click()
    found.update(clashes(visible_mnemonics(wizard)))
    choice.keyring_radio.click()
    wizard.next()
    try:
        assert wizard.currentPage() is wizard.code_page
        found.update(clashes(visible_mnemonics(wizard)))
        assert not found, found
    finally:
        made[0].close()


@pytest.mark.parametrize(
    "kind", [k for k in BUILDS if issubclass(k, QDialog)], ids=lambda cls: cls.__name__
)
def test_no_two_controls_of_a_dialog_share_a_letter(
    qtbot, show, make_window, journal, key_store, tmp_path, kind
):
    dialog = show(BUILDS[kind](make_window(journal), journal, key_store, tmp_path))
    found = clashes(visible_mnemonics(dialog))
    if isinstance(dialog, SessionForm):
        dialog.action_rows.add_button.click()  # an action's own fields come into view
        found.update(clashes(visible_mnemonics(dialog)))
    assert found == {}


def test_alt_letters_never_type_into_a_stage(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    window.navigation.open_cycle(journal.cycles.in_progress()[0].id)
    flow = window.cycle_pane.flow
    assert flow is not None
    edit = flow.stage_page.text_edit
    before = edit.toPlainText()
    qtbot.keyClick(edit, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Show hin&ts
    assert edit.toPlainText() == before
