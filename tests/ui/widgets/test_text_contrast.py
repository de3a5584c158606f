"""All text meets WCAG AA contrast (4.5:1, large text 3:1) in light, dark and high-contrast
palettes: every colour role the app names, and every label its windows and dialogs show."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.ui.widgets import text_colours
from app.ui.widgets.contrast import LARGE_TEXT_RATIO, TEXT_RATIO, contrast_ratio
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.text_colours import ROLES, TextRole, drawn, flatten, readable_palette, rgb
from app.ui.window.navigation import View
from tests.ui.palettes import PALETTES, app_palette, light
from tests.ui.window.all_windows import BUILDS

Group = QPalette.ColorGroup


def _role_ratio(palette: QPalette, role: TextRole, group: QPalette.ColorGroup) -> float:
    return contrast_ratio(rgb(drawn(palette, role, group)), rgb(role.ground(palette, group)))


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name)
@pytest.mark.parametrize("name", list(PALETTES))
def test_every_text_colour_role_meets_aa(name, role):
    palette = readable_palette(PALETTES[name]())
    for group in (Group.Active, Group.Inactive):
        ratio = _role_ratio(palette, role, group)
        assert ratio >= role.target, f"{role.name}: {ratio:.2f} in the {name} palette"


def test_every_role_the_module_names_is_in_roles():
    named = {v for v in vars(text_colours).values() if isinstance(v, TextRole)}
    named |= set(text_colours.CHIPS.values())
    assert named <= set(ROLES), [r.name for r in named - set(ROLES)]


def test_the_placeholder_grey_qt_gives_fails_until_it_is_made_readable():
    palette = light()
    for role in (text_colours.QUIET_ON_WINDOW, text_colours.QUIET_ON_BASE):
        assert _role_ratio(palette, role, Group.Active) < TEXT_RATIO  # 3.9 and 4.0 today
        assert _role_ratio(readable_palette(palette), role, Group.Active) >= TEXT_RATIO


def test_making_a_palette_readable_twice_changes_nothing_the_second_time():
    for make in PALETTES.values():
        once = readable_palette(make())
        assert readable_palette(once) == once


# --- what the windows actually show -------------------------------------------------------


def _background(widget: QWidget) -> QColor:
    """The colour a label is drawn on: the nearest widget that fills its background."""
    current: QWidget | None = widget
    while current is not None:
        role = current.backgroundRole()
        if current.isWindow() or (
            current.autoFillBackground() and role != QPalette.ColorRole.NoRole
        ):
            return current.palette().color(Group.Active, role)
        current = current.parentWidget()
    return widget.palette().color(Group.Active, QPalette.ColorRole.Window)


def _is_large(font: QFont) -> bool:
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return points >= 18 or (points >= 14 and font.weight() >= QFont.Weight.Bold)


def unreadable_labels(top: QWidget) -> list[str]:
    """Each visible, enabled label under `top` whose text falls short of AA, described."""
    problems = []
    for label in top.findChildren(QLabel):
        if not (label.isVisible() and label.isEnabled() and label.text().strip()):
            continue
        text = label.text()
        if "color:" in text.replace(" ", ""):
            problems.append(f"{text[:40]!r} sets its own colour; use a palette role")
            continue
        ground = _background(label)
        ink = flatten(label.palette().color(Group.Active, label.foregroundRole()), ground)
        ratio = contrast_ratio(rgb(ink), rgb(ground))
        target = LARGE_TEXT_RATIO if _is_large(label.font()) else TEXT_RATIO
        if ratio < target:
            problems.append(f"{type(top).__name__}: {text[:40]!r} {ratio:.2f}:1")
    return problems


def test_the_label_check_catches_todays_placeholder_grey(show, qapp):
    qapp.setPalette(light())
    try:
        host = QWidget()
        note = quiet_note("Nothing here yet.", host)
        show(host)
        assert note.isVisible()
        assert unreadable_labels(host) == [f"QWidget: 'Nothing here yet.' {3.89:.2f}:1"]
    finally:
        qapp.setPalette(QPalette())


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_label_in_every_view_meets_aa(name, make_window, demo_journal):
    with app_palette(PALETTES[name]()):
        window = make_window(demo_journal)
        problems = []
        for view in View:
            if window.navigation.show_view(view):
                QApplication.processEvents()
                problems += [f"{view.value}: {p}" for p in unreadable_labels(window)]
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_label_in_every_dialog_meets_aa(name, make_window, journal, key_store, tmp_path):
    with app_palette(PALETTES[name]()):
        window = make_window(journal)
        problems = []
        for kind, build in BUILDS.items():
            if kind is type(window):
                continue
            widget = build(window, journal, key_store, tmp_path)
            try:
                widget.show()
                QApplication.processEvents()
                problems += unreadable_labels(widget)
            finally:
                widget.close()
                widget.deleteLater()
        assert not problems, "\n".join(problems)
