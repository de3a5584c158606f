"""Every colour the app draws text (or a focus outline) in, derived from the palette to meet AA.

Each `TextRole` names one pair the app draws: an ink and the ground it lands on. `colour()`
takes the ink the design wants (a grey, the palette's link blue, an amber) and moves it just
far enough towards the text colour to reach WCAG's ratio on that ground
(app.ui.widgets.contrast), so the app reads in light, dark and high-contrast palettes without a
colour picked per theme.
tests/ui/widgets/test_text_contrast.py checks every role in `ROLES` under three palettes; a new role
is checked as soon as it is listed there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from app.ui.widgets.contrast import LARGE_TEXT_RATIO, TEXT_RATIO, Rgb, blend, over, readable
from app.writing.domains import Domain

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
Paint = Callable[[QPalette, QPalette.ColorGroup], QColor]

CHIP_HUES = {Domain.INDIVIDUAL: 200, Domain.TEAM: 35, Domain.ORGANISATION: 285}
"""Each domain's hue for its chips and balance bars: translucent over the row's background, so
they suit light and dark palettes; the words on them use the palette's text colour."""

_QUIET_FADE = 0.45
"""How far a quiet note's ink starts faded into its background, before it is made readable."""


def rgb(colour: QColor) -> Rgb:
    """A QColor's red, green and blue (alpha ignored)."""
    return (colour.red(), colour.green(), colour.blue())


def qcolour(value: Rgb) -> QColor:
    """An opaque QColor from red, green and blue."""
    return QColor(*value)


def flatten(colour: QColor, ground: QColor) -> QColor:
    """`colour` as it looks drawn on `ground`, taking its transparency into account."""
    return qcolour(over(rgb(colour), colour.alphaF(), rgb(ground)))


def _role(role: QPalette.ColorRole) -> Paint:
    return lambda palette, group: flatten(
        palette.color(group, role), palette.color(group, Role.Base)
    )


def _tint(role: QPalette.ColorRole, alpha: int, under: QPalette.ColorRole) -> Paint:
    """A translucent palette colour as it looks over another palette colour."""

    def paint(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
        colour = QColor(palette.color(group, role))
        colour.setAlpha(alpha)
        return flatten(colour, palette.color(group, under))

    return paint


def _fixed(name: str) -> Paint:
    return lambda _palette, _group: QColor(name)


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark background."""
    return palette.color(Role.Base).lightness() < 128


def _by_theme(light: str, dark: str) -> Paint:
    """A colour picked by whether the palette is dark (made readable afterwards)."""
    return lambda palette, _group: QColor(dark if is_dark(palette) else light)


def _chip_fill(hue: int) -> Paint:
    # The chips' translucent fill over the row's background (as row_painting.chip_colours).
    return lambda palette, group: flatten(
        QColor.fromHsv(hue, 160, 210, 80), palette.color(group, Role.Base)
    )


def _quiet_ink(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """The quiet grey before it is made readable: the text colour faded into the window."""
    text, window = palette.color(group, Role.WindowText), palette.color(group, Role.Window)
    return qcolour(blend(rgb(text), rgb(window), _QUIET_FADE))


@dataclass(frozen=True)
class TextRole:
    """One pair the app draws: `ink` on `ground`; `large` text (or a focus outline) needs 3:1.

    `palette_role`, when set, is the palette colour Qt's own widgets draw this text in (a
    label's foreground, a field's placeholder): `readable_palette` makes that palette colour
    readable on this role's ground. Roles without one are painted by the app through `colour`.
    """

    name: str
    ink: Paint
    ground: Paint
    large: bool = False
    palette_role: QPalette.ColorRole | None = None

    @property
    def target(self) -> float:
        """The contrast ratio this pair must reach."""
        return LARGE_TEXT_RATIO if self.large else TEXT_RATIO


def _towards(palette: QPalette, group: QPalette.ColorGroup, ground: QColor) -> Rgb:
    """The palette's text colour that stands out most on `ground`: what inks move towards."""
    inks = (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText)
    return max(
        (rgb(palette.color(group, r)) for r in inks),
        key=lambda c: abs(_lightness(c) - _lightness(rgb(ground))),
    )


def _lightness(value: Rgb) -> float:
    return sum(value) / 3


def colour(palette: QPalette, role: TextRole, group: QPalette.ColorGroup = Group.Active) -> QColor:
    """The colour to draw `role`'s text in with this palette: its ink, made readable."""
    ground = role.ground(palette, group)
    ink = flatten(role.ink(palette, group), ground)
    towards = _towards(palette, group, ground)
    return qcolour(readable(rgb(ink), rgb(ground), role.target, towards))


def ground(palette: QPalette, role: TextRole, group: QPalette.ColorGroup = Group.Active) -> QColor:
    """The background `role`'s text is drawn on with this palette."""
    return role.ground(palette, group)


def drawn(palette: QPalette, role: TextRole, group: QPalette.ColorGroup = Group.Active) -> QColor:
    """The colour `role`'s text actually appears in: the palette's own colour for roles Qt
    draws, else what `colour` gives the painters."""
    if role.palette_role is None:
        return colour(palette, role, group)
    return flatten(palette.color(group, role.palette_role), role.ground(palette, group))


WINDOW = _role(Role.Window)
BASE = _role(Role.Base)
ALTERNATE = _role(Role.AlternateBase)
BUTTON = _role(Role.Button)
HIGHLIGHT = _role(Role.Highlight)


def _focus_ink(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    return focus(palette, group)


def _as_drawn(role: QPalette.ColorRole, large: bool = False) -> Callable[[str, Paint], TextRole]:
    """Roles drawn by Qt's widgets in the palette's `role` colour, starting from that colour."""
    return lambda name, ground: TextRole(name, _role(role), ground, large, role)


_window_text = _as_drawn(Role.WindowText)
_link = _as_drawn(Role.Link)

TEXT_ON_WINDOW = _window_text("text on the window", WINDOW)
TEXT_ON_ALTERNATE = _window_text("message bar and stage hints", ALTERNATE)
TEXT_ON_BASE = _as_drawn(Role.Text)("text in fields and lists", BASE)
TEXT_IN_CODE = _as_drawn(Role.Text)("code blocks in the preview", ALTERNATE)
TEXT_ON_BUTTON = _as_drawn(Role.ButtonText)("button labels", BUTTON)
SELECTED = _as_drawn(Role.HighlightedText)("selected rows and new marks", HIGHLIGHT)
TOOLTIP = _as_drawn(Role.ToolTipText)("tooltips", _role(Role.ToolTipBase))
LINK_ON_BASE = _link("links in readers", BASE)
LINK_ON_WINDOW = _link("links in labels", WINDOW)
VISITED_ON_BASE = _as_drawn(Role.LinkVisited)("visited links", BASE)

_QUIET = Role.PlaceholderText
QUIET_ON_WINDOW = TextRole("guidance, empty states, footnotes", _quiet_ink, WINDOW, False, _QUIET)
QUIET_ON_BASE = TextRole("dates, secondary lines, timeline cards", _quiet_ink, BASE, False, _QUIET)
QUIET_ON_ALTERNATE = TextRole("quiet text in hint panels", _quiet_ink, ALTERNATE, False, _QUIET)

BADGE_ON_SELECTED = TextRole("badge on a selected row", HIGHLIGHT, _role(Role.HighlightedText))
OVERDUE = TextRole("overdue dates", _by_theme("#b3261e", "#ff8a80"), BASE)
FINDING = TextRole("privacy underline", _by_theme("#c25e00", "#ffb74d"), BASE, large=True)
MISSPELT = TextRole("spelling underline", _by_theme("#d0021b", "#ff6e6e"), BASE, large=True)
_text = _as_drawn(Role.Text)
MATCH = _text("search matches", _tint(Role.Highlight, 45, Role.Base))
# On a selected row chips are outlined only and matches underlined, not filled: any tint
# over the selection would take the row's text below 4.5:1.
CHIP_ON_SELECTED = TextRole(
    "domain chips on a selected row", _role(Role.HighlightedText), HIGHLIGHT
)
CHIPS = {
    domain: _text(f"{domain.label} chip", _chip_fill(hue)) for domain, hue in CHIP_HUES.items()
}
DIFF_ADDED = _text("added words", _by_theme("#d7f0dc", "#1e4d2b"))
DIFF_REMOVED = _text("removed words", _by_theme("#f9dcd9", "#5c2420"))
PAPER = TextRole("summary preview (always paper)", _fixed("#000000"), _fixed("#ffffff"))
PAPER_LINK = TextRole("links in the summary preview", _fixed("#00008b"), _fixed("#ffffff"))
FOCUS_ON_WINDOW = TextRole("focus outline on the window", _focus_ink, WINDOW, large=True)
FOCUS_ON_BASE = TextRole("focus outline in lists", _focus_ink, BASE, large=True)
FOCUS_ON_BUTTON = TextRole("focus outline on buttons", _focus_ink, BUTTON, large=True)

ROLES: tuple[TextRole, ...] = (
    TEXT_ON_WINDOW,
    TEXT_ON_ALTERNATE,
    TEXT_ON_BASE,
    TEXT_IN_CODE,
    TEXT_ON_BUTTON,
    SELECTED,
    TOOLTIP,
    LINK_ON_BASE,
    LINK_ON_WINDOW,
    VISITED_ON_BASE,
    QUIET_ON_WINDOW,
    QUIET_ON_BASE,
    QUIET_ON_ALTERNATE,
    BADGE_ON_SELECTED,
    OVERDUE,
    FINDING,
    MISSPELT,
    MATCH,
    CHIP_ON_SELECTED,
    *CHIPS.values(),
    DIFF_ADDED,
    DIFF_REMOVED,
    PAPER,
    PAPER_LINK,
    FOCUS_ON_WINDOW,
    FOCUS_ON_BASE,
    FOCUS_ON_BUTTON,
)
"""Every pair the app draws text or a focus outline in; the contrast test walks this."""

_FOCUS_SURFACES = (WINDOW, BASE, BUTTON)
_FOCUS_MARGIN = 1.25
"""Styles shade their surfaces (Fusion's buttons are a gradient a little off the palette's
button colour), so the focus colour aims this much above 3:1 to stay above it on the shading."""


def _readable_on_all(ink: Rgb, surfaces: list[Rgb], target: float, towards: Rgb) -> Rgb:
    for _pass in range(3):  # each surface can undo the last a little; three passes settle it
        for surface in surfaces:
            ink = readable(ink, surface, target, towards)
    return ink


def focus(palette: QPalette, group: QPalette.ColorGroup = Group.Active) -> QColor:
    """The focus outline's colour: the palette's accent, moved until it stands out (3:1) from
    every surface a focused control sits on."""
    surfaces = [rgb(s(palette, group)) for s in _FOCUS_SURFACES]
    towards = rgb(palette.color(group, Role.WindowText))
    ink = rgb(HIGHLIGHT(palette, group))
    target = LARGE_TEXT_RATIO * _FOCUS_MARGIN
    return qcolour(_readable_on_all(ink, surfaces, target, towards))


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` with every colour Qt draws text in (see `TextRole.palette_role`) made readable
    on each ground the app puts it on; disabled text is left as it is (WCAG exempts it).

    A selection too light for its own text (Fusion's white on #308cc6 is 3.7:1) is darkened
    rather than its text recoloured, so selected rows keep the look people know.
    """
    fixed = QPalette(palette)
    for group in (Group.Active, Group.Inactive):
        selected_text = rgb(palette.color(group, Role.HighlightedText))
        selection = rgb(HIGHLIGHT(palette, group))
        darker = qcolour(readable(selection, selected_text, TEXT_RATIO))
        if rgb(palette.color(group, Role.Highlight)) != rgb(darker):
            fixed.setColor(group, Role.Highlight, darker)
        for palette_role in {r.palette_role for r in ROLES if r.palette_role is not None}:
            roles = [r for r in ROLES if r.palette_role == palette_role]
            surfaces = [rgb(r.ground(fixed, group)) for r in roles]
            first = roles[0].ground(fixed, group)
            start = rgb(flatten(roles[0].ink(fixed, group), first))
            towards = _towards(fixed, group, first)
            value = qcolour(_readable_on_all(start, surfaces, TEXT_RATIO, towards))
            if fixed.color(group, palette_role) != value:
                fixed.setColor(group, palette_role, value)
    return fixed
