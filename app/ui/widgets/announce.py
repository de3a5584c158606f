"""Telling a screen reader about a change it would not notice by itself ("Saved.", "Locked")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible

Sender = Callable[[QObject, str, bool], None]
"""Says `text` for `source` (a widget), interrupting the screen reader when `assertive`."""


def send_to_screen_reader(source: QObject, text: str, assertive: bool) -> None:
    """Qt's announcement event (Qt 6.8 and later; the bundle pins such a Qt). On an older Qt
    there is no such event and nothing is said: the words are on screen all the same."""
    event_class = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if event_class is None:
        return
    event = event_class(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    # Does nothing while no screen reader is running (QAccessible.isActive() is False).
    QAccessible.updateAccessibility(event)


sender: Sender = send_to_screen_reader
"""Where announce() sends; a test puts a recorder here to hear what would be said."""


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `text`, the words just shown on screen about `source`.

    Polite announcements wait until the screen reader has finished what it is saying;
    `assertive` (problems, errors) interrupts it. Empty text says nothing.
    """
    words = " ".join(text.split())
    if words:
        sender(source, words, assertive)
