"""The PySide6 window, dialogs and item models. Only this package imports Qt."""
