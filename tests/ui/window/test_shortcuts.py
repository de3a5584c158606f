"""Every keyboard shortcut in the window does one thing: two commands on one key would leave
Qt to call the key ambiguous and do neither."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.journal.opening import Journal


def test_no_two_commands_share_a_shortcut(qtbot, journal: Journal, make_window) -> None:
    window = make_window(journal)
    users: dict[str, list[str]] = defaultdict(list)
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in window_wide:
            continue  # Delete in a list, Escape in the search box: each only where it is
        for key in action.shortcuts():
            if not key.isEmpty():
                users[key.toString(QKeySequence.SequenceFormat.PortableText)].append(
                    action.text().replace("&", "")
                )
    shared = {key: names for key, names in users.items() if len(set(names)) > 1}
    assert shared == {}
    assert users["Ctrl+Shift+J"] == ["Quick note…"]
    assert users["Ctrl+Shift+M"] == ["Reflective moves"]
