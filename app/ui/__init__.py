"""The PySide6 window, dialogs and item models. Only this package imports Qt."""

from app.ui.window.feature_scan import skip_feature_scan

# Before the window's modules load: each would otherwise have its source read by PySide6.
skip_feature_scan()
