"""No two controls or menus reachable at once share an Alt+letter."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QWidget

from app.ui.main_window import MainWindow
from app.ui.navigation import View
from tests.ui.support import TODAY, fill_demo


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a plain ampersand), lower case."""
    index = 0
    while (index := text.find("&", index)) != -1:
        following = text[index + 1 : index + 2]
        if following == "&":
            index += 2
            continue
        return following.lower() or None
    return None


def clashes(named: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Letters used by more than one of (where, text)."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for where, text in named:
        letter = mnemonic(text)
        if letter:
            by_letter[letter].append(f"{where}: {text}")
    return {letter: users for letter, users in by_letter.items() if len(users) > 1}


def visible_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """Buttons, check boxes, radios, group boxes and labels with buddies shown in `root`."""
    found: list[tuple[str, str]] = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled():
            found.append((type(button).__name__, button.text()))
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            found.append(("QLabel", label.text()))
    for box in root.findChildren(QGroupBox):
        if box.isVisible():
            found.append(("QGroupBox", box.title()))
    return found


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    """Clashes among one menu's visible items, and in each of its submenus."""
    actions = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    found = clashes([(menu.title(), a.text()) for a in actions])
    for action in actions:
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.update(menu_clashes(submenu))
    return found


def bar_titles(window: MainWindow) -> list[tuple[str, str]]:
    """The menu bar's titles."""
    actions: list[QAction] = window.menuBar().actions()
    return [("menu bar", a.text()) for a in actions if a.isVisible()]


def page_clashes(window: MainWindow, where: str) -> dict[str, list[str]]:
    """Clashes among what the window shows now together with the menu bar titles."""
    found = clashes(bar_titles(window) + visible_mnemonics(window))
    return {f"{where} {letter}": users for letter, users in found.items()}


def test_no_menu_shares_a_letter(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    assert clashes(bar_titles(window)) == {}
    found = {
        f"{m.title()} {k}": v for m in window.menus.values() for k, v in menu_clashes(m).items()
    }
    assert not found, "\n".join(f"{where}: {users}" for where, users in sorted(found.items()))


def test_no_page_shares_a_letter_with_its_controls_or_the_menus(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    found: dict[str, list[str]] = {}
    for view in View:
        if window.navigation.show_view(view):
            found.update(page_clashes(window, view.label))
    for inquiry in journal.cycles.inquiries():
        for cycle in journal.cycles.cycles_in(inquiry.id):
            window.navigation.open_cycle(cycle.id)
            found.update(page_clashes(window, f"cycle {cycle.status.value}"))
            flow = window.cycle_pane.flow
            assert flow is not None
            flow.stage_page.hints_button.isVisible() and flow.stage_page.hints_button.click()
            found.update(page_clashes(window, f"cycle {cycle.status.value} hints"))
    assert not found, "\n".join(f"{where}: {users}" for where, users in sorted(found.items()))


def test_alt_letters_never_type_into_a_stage(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    window.navigation.open_cycle(journal.cycles.in_progress()[0].id)
    flow = window.cycle_pane.flow
    assert flow is not None
    edit = flow.stage_page.text_edit
    before = edit.toPlainText()
    qtbot.keyClick(edit, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert edit.toPlainText() == before
