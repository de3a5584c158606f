"""What a screen reader is told about a window's controls: names and roles, as Qt gives them.

Qt derives a control's accessible name from `setAccessibleName`, else from its own text (a
button's), else from a label whose buddy it is; a placeholder or a tooltip becomes only the
description, which a screen reader may not say. So the name asked for here is the one Qt hands
to the screen reader (`QAccessibleInterface.text(Name)`), not `accessibleName()`.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

Role = QAccessible.Role
_BUTTON_ROLES = frozenset({Role.Button, Role.ButtonMenu, Role.ButtonDropDown, Role.CheckBox})

ANY_ROLE: frozenset[QAccessible.Role] = frozenset()
"""A scroll area is a plain container to Qt (Client): any role will do, but it needs a name."""

# The roles a screen reader should hear for each kind of control, most specific kind first.
EXPECTED_ROLES: list[tuple[type[QWidget], frozenset[QAccessible.Role]]] = [
    (QCheckBox, frozenset({Role.CheckBox})),
    (QRadioButton, frozenset({Role.RadioButton})),
    (QAbstractButton, _BUTTON_ROLES),
    (QLineEdit, frozenset({Role.EditableText})),
    (QComboBox, frozenset({Role.ComboBox})),
    (QAbstractSpinBox, frozenset({Role.SpinBox})),
    (QAbstractSlider, frozenset({Role.Slider})),
    (QTabBar, frozenset({Role.PageTabList})),
    # a read-only text browser is static text
    (QTextEdit, frozenset({Role.EditableText, Role.StaticText})),
    (QPlainTextEdit, frozenset({Role.EditableText, Role.StaticText})),
    (QTreeView, frozenset({Role.Tree, Role.Table})),
    (QTableView, frozenset({Role.Table})),
    (QListView, frozenset({Role.List})),
    (QAbstractScrollArea, ANY_ROLE),
]

# Qt builds these inside its own controls (a combo box's list, a date edit's calendar, a line
# edit's clear button, a tab bar's scroll arrows, an item view's header); Qt names them.
_QT_INSIDES = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QHeaderView, QCalendarWidget)


def _expected(widget: QWidget) -> frozenset[QAccessible.Role] | None:
    """The roles wanted for `widget`; None when it is not a control this check is about."""
    if isinstance(widget, QHeaderView | QScrollBar):
        return None  # parts of the view or area they belong to
    for kind, roles in EXPECTED_ROLES:
        if isinstance(widget, kind):
            return roles
    return None


def _qt_inside(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _QT_INSIDES):
            return True
        parent = parent.parentWidget()
    return False


def describe(widget: QWidget) -> str:
    """Enough to find the widget in the code: its class, object name, text, tooltip and where
    it sits (the classes it is inside, up to the window)."""
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(f"objectName={widget.objectName()!r}")
    if isinstance(widget, QAbstractButton) and widget.text():
        parts.append(f"text={widget.text()!r}")
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        parts.append(f"placeholder={widget.placeholderText()!r}")
    if widget.toolTip():
        parts.append(f"tooltip={widget.toolTip()!r}")
    chain: list[str] = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 4:
        name = type(parent).__name__
        if not name.startswith("Q") or parent.accessibleName():
            chain.append(f"{name}({parent.accessibleName()})" if parent.accessibleName() else name)
        parent = parent.parentWidget()
    if chain:
        parts.append("in " + " < ".join(chain))
    return " ".join(parts)


def controls(root: QWidget) -> list[QWidget]:
    """The interactive widgets a person could reach in `root` as it is shown now."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if _expected(widget) is not None and widget.isVisibleTo(root) and not _qt_inside(widget)
    ]


def problems(where: str, root: QWidget) -> list[str]:
    """Each control in `root` a screen reader would announce with no name or a wrong role."""
    found: list[str] = []
    for widget in controls(root):
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None or not face.isValid():
            found.append(f"{where}: no accessible interface for {describe(widget)}")
            continue
        if not face.text(QAccessible.Text.Name).strip():
            found.append(f"{where}: no accessible name for {describe(widget)}")
        roles = _expected(widget) or ANY_ROLE
        role = face.role()
        if role not in roles and (roles or role is Role.NoRole):
            found.append(f"{where}: role {role.name} for {describe(widget)}")
    return found
