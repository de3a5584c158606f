"""Window state kept between runs: geometry, splitter, the last journal folder, the last place,
the folder each kind of Open and Save dialog last used, the text zoom.

Never any journal content (ids only): the settings file is not encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from app.journal.paths import settings_dir
from app.ui.widgets.screen_fit import keep_on_screen

SETTINGS_NAME = "settings.ini"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_FOLDER = "journal/folder"
_VIEW = "place/view"
_CYCLE = "place/cycle"
_READING = "place/reading"
_INQUIRY = "place/inquiry"
_CHOSEN = "place/chosen"
_PARTICIPANT = "coach/participant"
_DIALOG_FOLDERS = "folders/"


@dataclass(frozen=True)
class Place:
    """Where the person was in the window: a view's name and the ids open in it."""

    view: str = ""
    cycle_id: str = ""
    reading: bool = False
    inquiry_id: str = ""
    chosen: bool = True
    """False when the window showed the view by itself (Home at start-up), not the person."""


def open_settings() -> QSettings:
    """The settings file, settings_dir()/settings.ini, in INI format on every platform."""
    return QSettings(str(settings_dir() / SETTINGS_NAME), QSettings.Format.IniFormat)


def restore_window(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> bool:
    """Put the window and splitter back as they were, within the screen it opens on; False
    when nothing was remembered."""
    geometry = settings.value(_GEOMETRY)
    splitter_state = settings.value(_SPLITTER)
    restored = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
        if restored:  # kept on a bigger or another screen, perhaps: pull it onto this one
            keep_on_screen(window)
    state = settings.value(_STATE)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    if isinstance(splitter_state, QByteArray) and not splitter_state.isEmpty():
        splitter.restoreState(splitter_state)
    return restored


def restore_geometry(settings: QSettings, window: QMainWindow) -> bool:
    """Put a window where the journal window was last time, within the screen it opens on;
    False when nothing was kept."""
    geometry = settings.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray) or geometry.isEmpty():
        return False
    if not window.restoreGeometry(geometry):
        return False
    keep_on_screen(window)
    return True


def remember_window(settings: QSettings, window: QMainWindow, splitter: QSplitter) -> None:
    """Keep the window's geometry and splitter position for next time."""
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    settings.setValue(_SPLITTER, splitter.saveState())
    settings.sync()


def remember_geometry(settings: QSettings, name: str, widget: QWidget) -> None:
    """Keep a small window's size and place ("quick_note") for next time."""
    settings.setValue(f"{name}/geometry", widget.saveGeometry())
    settings.sync()


def restore_geometry_of(settings: QSettings, name: str, widget: QWidget) -> bool:
    """Put a small window back where it was kept under `name`, within the screen it opens on;
    False when nothing was kept."""
    geometry = settings.value(f"{name}/geometry")
    if not isinstance(geometry, QByteArray) or geometry.isEmpty():
        return False
    if not widget.restoreGeometry(geometry):
        return False
    keep_on_screen(widget)
    return True


def remembered_folder(settings: QSettings) -> Path | None:
    """The journal folder chosen in an earlier run, if any."""
    value = settings.value(_FOLDER)
    return Path(value) if isinstance(value, str) and value else None


def remember_folder(settings: QSettings, folder: Path) -> None:
    """Open this folder next time the app starts without one being named."""
    settings.setValue(_FOLDER, str(folder))
    settings.sync()


def remember_place(settings: QSettings, place: Place) -> None:
    """Keep the view and the ids open in it (written to disk when the window closes)."""
    settings.setValue(_VIEW, place.view)
    settings.setValue(_CYCLE, place.cycle_id)
    settings.setValue(_READING, "yes" if place.reading else "no")
    settings.setValue(_INQUIRY, place.inquiry_id)
    settings.setValue(_CHOSEN, "yes" if place.chosen else "no")


def remembered_place(settings: QSettings) -> Place:
    """The place kept last time (empty strings for what was not kept; a view kept before
    "chosen" was recorded counts as chosen unless it is Home, the view shown by default)."""

    def text(key: str) -> str:
        value = settings.value(key)
        return value if isinstance(value, str) else ""

    view = text(_VIEW)
    chosen = text(_CHOSEN) == "yes" if text(_CHOSEN) else view not in ("", "home")
    return Place(view, text(_CYCLE), text(_READING) == "yes", text(_INQUIRY), chosen)


def remembered_dialog_folder(settings: QSettings, kind: str) -> Path | None:
    """The folder an Open or Save dialog for this kind of file ("cards", "backups") last used."""
    value = settings.value(_DIALOG_FOLDERS + kind)
    return Path(value) if isinstance(value, str) and value else None


def remember_dialog_folder(settings: QSettings, kind: str, folder: Path) -> None:
    """Start the next Open or Save dialog for this kind of file in this folder."""
    settings.setValue(_DIALOG_FOLDERS + kind, str(folder))
    settings.sync()


_LOCK_AFTER = "lock/after_minutes"
DEFAULT_LOCK_AFTER_MINUTES = 15
MAX_LOCK_AFTER_MINUTES = 24 * 60  # a day: well inside what a Qt timer can count


def lock_after_minutes(settings: QSettings) -> int:
    """Minutes without input before the window locks itself (0: never); 15 unless chosen."""
    value = settings.value(_LOCK_AFTER)
    try:
        minutes = int(value) if isinstance(value, int | str) else DEFAULT_LOCK_AFTER_MINUTES
    except ValueError:
        return DEFAULT_LOCK_AFTER_MINUTES
    if minutes < 0:
        return DEFAULT_LOCK_AFTER_MINUTES
    return min(minutes, MAX_LOCK_AFTER_MINUTES)


def remember_lock_after(settings: QSettings, minutes: int) -> None:
    """Lock after this many minutes without input from now on (0: never)."""
    settings.setValue(_LOCK_AFTER, max(0, min(minutes, MAX_LOCK_AFTER_MINUTES)))
    settings.sync()


def remember_participant(settings: QSettings, fingerprint: str) -> None:
    """Keep the participant chosen in Coaching (their card's fingerprint; "" for all)."""
    settings.setValue(_PARTICIPANT, fingerprint)


def remembered_participant(settings: QSettings) -> str:
    """The participant chosen in Coaching last time ("" for all, or when none was kept)."""
    value = settings.value(_PARTICIPANT)
    return value if isinstance(value, str) else ""


_EARLIER_SHOWN = "cycle/earlier_stages_shown"


def earlier_stages_shown(settings: QSettings) -> bool:
    """Whether the guided flow shows the earlier stages beside the writing (yes unless folded)."""
    return bool(settings.value(_EARLIER_SHOWN) != "no")


def remember_earlier_stages_shown(settings: QSettings, shown: bool) -> None:
    """Keep the earlier stages open or folded from now on."""
    settings.setValue(_EARLIER_SHOWN, "yes" if shown else "no")


_TEXT_ZOOM = "view/text_zoom_percent"


def remembered_text_zoom(settings: QSettings) -> int | None:
    """The text zoom in percent chosen last time, or None when none (or nonsense) was kept."""
    value = settings.value(_TEXT_ZOOM)
    try:
        return int(value) if isinstance(value, int | str) else None
    except ValueError:
        return None


def remember_text_zoom(settings: QSettings, percent: int) -> None:
    """Open the writing area and the reader at this zoom next time."""
    settings.setValue(_TEXT_ZOOM, percent)
    settings.sync()


_MOVES_SHOWN = "view/reflective_moves"


def reflective_moves_shown(settings: QSettings) -> bool:
    """Whether the reflective moves are shown beside the writing (no unless turned on)."""
    return bool(settings.value(_MOVES_SHOWN) == "yes")


def remember_reflective_moves_shown(settings: QSettings, shown: bool) -> None:
    """Show the reflective moves beside the writing, or not, from now on."""
    settings.setValue(_MOVES_SHOWN, "yes" if shown else "no")


_SPELLING = "view/check_spelling"


def spelling_checked(settings: QSettings) -> bool:
    """Whether spelling is checked as people write (yes unless turned off)."""
    return bool(settings.value(_SPELLING) != "no")


def remember_spelling_checked(settings: QSettings, checked: bool) -> None:
    """Check spelling as people write, or not, from now on."""
    settings.setValue(_SPELLING, "yes" if checked else "no")
