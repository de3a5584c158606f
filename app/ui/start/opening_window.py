"""The window shown the moment the app starts, while the journal is unlocked behind it.

It imports nothing but Qt, so it is on screen before the database and ORM have loaded; the
journal window then takes its place at the same size and position.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.ui.widgets.resources import app_icon
from app.ui.widgets.screen_fit import open_at_first_size
from app.ui.widgets.settings import restore_geometry


class OpeningWindow(QMainWindow):
    """A plain window saying the journal is opening (no journal content, ever)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inquiry Journal (opening…)")
        self.setWindowIcon(app_icon())
        label = QLabel("Opening your journal…")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName("Opening your journal")
        label.setEnabled(False)  # drawn in the palette's quieter text colour
        self.setCentralWidget(label)
        if not restore_geometry(settings, self):
            open_at_first_size(self)  # as MainWindow
