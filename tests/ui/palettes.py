"""Palettes the colour tests run under: Qt's light one, a dark one and two high-contrast ones."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.widgets.readable_colours import use_readable_colours

Role = QPalette.ColorRole


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    # As Qt's own themes do: the placeholder is the text colour at half strength.
    placeholder = QColor(colours[Role.Text])
    placeholder.setAlpha(128)
    palette.setColor(Role.PlaceholderText, placeholder)
    return palette


def light() -> QPalette:
    """Qt's Fusion palette, the one the app gets on Linux without a theme."""
    style = QStyleFactory.create("fusion")
    assert style is not None
    return style.standardPalette()


def dark() -> QPalette:
    """A dark palette like the common Fusion dark themes (and Windows' dark mode)."""
    return _palette(
        {
            Role.Window: "#353535",
            Role.WindowText: "#ffffff",
            Role.Base: "#2a2a2a",
            Role.AlternateBase: "#424242",
            Role.Text: "#ffffff",
            Role.Button: "#353535",
            Role.ButtonText: "#ffffff",
            Role.Highlight: "#2a82da",
            Role.HighlightedText: "#ffffff",
            Role.Link: "#2a82da",
            Role.LinkVisited: "#a070d0",
            Role.ToolTipBase: "#353535",
            Role.ToolTipText: "#ffffff",
            Role.Mid: "#505050",
            Role.Light: "#505050",
            Role.Midlight: "#424242",
            Role.Dark: "#232323",
            Role.Shadow: "#141414",
        }
    )


def high_contrast_light() -> QPalette:
    """Black on white with a yellow selection (Windows' "Desert"-like high contrast)."""
    return _palette(
        {
            Role.Window: "#ffffff",
            Role.WindowText: "#000000",
            Role.Base: "#ffffff",
            Role.AlternateBase: "#ffffff",
            Role.Text: "#000000",
            Role.Button: "#ffffff",
            Role.ButtonText: "#000000",
            Role.Highlight: "#ffff00",
            Role.HighlightedText: "#000000",
            Role.Link: "#00009f",
            Role.LinkVisited: "#600060",
            Role.ToolTipBase: "#ffffff",
            Role.ToolTipText: "#000000",
            Role.Mid: "#000000",
        }
    )


def high_contrast_dark() -> QPalette:
    """White on black with a cyan selection (Windows' "Night sky"-like high contrast)."""
    return _palette(
        {
            Role.Window: "#000000",
            Role.WindowText: "#ffffff",
            Role.Base: "#000000",
            Role.AlternateBase: "#000000",
            Role.Text: "#ffffff",
            Role.Button: "#000000",
            Role.ButtonText: "#ffffff",
            Role.Highlight: "#1aebff",
            Role.HighlightedText: "#000000",
            Role.Link: "#ffff00",
            Role.LinkVisited: "#c0c0ff",
            Role.ToolTipBase: "#000000",
            Role.ToolTipText: "#ffffff",
            Role.Mid: "#ffffff",
        }
    )


PALETTES = {
    "light": light,
    "dark": dark,
    "high-contrast-light": high_contrast_light,
    "high-contrast-dark": high_contrast_dark,
}


@contextmanager
def app_palette(palette: QPalette) -> Iterator[None]:
    """Run the app as it launches (readable colours kept) with `palette` as the system's."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keeper = use_readable_colours(app)
    app.setPalette(palette)
    try:
        yield
    finally:
        keeper.stop()
