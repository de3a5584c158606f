"""Reading Alt+letters off a window: which letters the controls and menus use, and clashes."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QWidget

from app.ui.window.main_window import MainWindow


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
