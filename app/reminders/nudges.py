"""When to remind, and in what words: gently, never during quiet hours, and once a day at most.

A notification is seen by whoever is near the screen and may be kept by the system's
notification centre, so it never carries a title: it says what kind of thing is waiting and
how many, and clicking it opens the app on the first of them. No streaks and no counts of days
missed: the words say what is waiting, not what was not done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from app.reminders.due import DueItem, DueKind

APP = "Inquiry Journal"


@dataclass(frozen=True)
class NudgeSettings:
    """What the person chose: which kinds remind, the quiet hours, and a snooze.

    Quiet hours run from `quiet_from` to `quiet_until` (across midnight when `quiet_from` is the
    later); equal times mean no quiet hours.
    """

    reflections: bool = True
    actions: bool = True
    quiet_from: time = time(19, 0)
    quiet_until: time = time(8, 0)
    snoozed_until: datetime | None = None

    def kinds(self) -> frozenset[DueKind]:
        """The kinds of waiting item that remind."""
        chosen = {DueKind.REFLECTION: self.reflections, DueKind.ACTION: self.actions}
        return frozenset(kind for kind, on in chosen.items() if on)

    def quiet_at(self, moment: time) -> bool:
        """True during quiet hours."""
        if self.quiet_from == self.quiet_until:
            return False
        if self.quiet_from < self.quiet_until:
            return self.quiet_from <= moment < self.quiet_until
        return moment >= self.quiet_from or moment < self.quiet_until


@dataclass(frozen=True)
class Nudge:
    """One notification: its words, and the items it is about (the first opens on a click).

    `click` says what clicking a system notification does; a note inside the window leaves it
    out.
    """

    title: str
    message: str
    click: str
    items: tuple[DueItem, ...] = field(default_factory=tuple)


def to_remind(
    waiting: Iterable[DueItem],
    settings: NudgeSettings,
    reminded: dict[str, date],
    now: datetime,
) -> list[DueItem]:
    """The waiting items to remind about now: of the kinds chosen, outside quiet hours and any
    snooze, and not already reminded about today (`reminded`: each item's key and the day it
    was last reminded about). Quiet hours and days are the computer's local time."""
    now = now.astimezone()  # local, and aware (a naive time is taken as local)
    snooze = settings.snoozed_until
    if snooze is not None and now < snooze.astimezone():
        return []
    if settings.quiet_at(now.time()):
        return []
    kinds = settings.kinds()
    today = now.date()
    return [item for item in waiting if item.kind in kinds and reminded.get(item.key) != today]


def nudge_for(items: Sequence[DueItem]) -> Nudge | None:
    """The notification for these items, None for none. It names no title."""
    if not items:
        return None
    reflections = sum(1 for i in items if i.kind is DueKind.REFLECTION)
    actions = sum(1 for i in items if i.kind is DueKind.ACTION)
    parts = []
    if reflections:
        parts.append(
            "An experiment is ready for your reflection"
            if reflections == 1
            else f"{reflections} experiments are ready for your reflection"
        )
    if actions:
        parts.append(
            "an action you agreed is due"
            if actions == 1
            else f"{actions} actions you agreed are due"
        )
    message = "; ".join(parts)
    message = message[0].upper() + message[1:]
    click = "Click to open it." if len(items) == 1 else "Click to open the first."
    # In the order the words name them, so a click opens what is mentioned first.
    ordered = sorted(items, key=lambda i: i.kind is not DueKind.REFLECTION)
    return Nudge(APP, f"{message}.", click, tuple(ordered))


def forget_gone(reminded: dict[str, date], waiting: Iterable[DueItem]) -> dict[str, date]:
    """The reminded-about record without items no longer waiting (done, dated later, deleted),
    so that it never grows and an item waiting again reminds again."""
    keys = {item.key for item in waiting}
    return {key: day for key, day in reminded.items() if key in keys}


def settings_from(values: dict[str, object]) -> NudgeSettings:
    """Settings from what was stored (strings from a settings file anyone could edit): each
    value that cannot be read keeps its default."""
    default = NudgeSettings()
    return NudgeSettings(
        reflections=_flag(values.get("reflections"), default.reflections),
        actions=_flag(values.get("actions"), default.actions),
        quiet_from=_time(values.get("quiet_from"), default.quiet_from),
        quiet_until=_time(values.get("quiet_until"), default.quiet_until),
        snoozed_until=_moment(values.get("snoozed_until")),
    )


def settings_values(settings: NudgeSettings) -> dict[str, str]:
    """The settings as strings to store."""
    return {
        "reflections": "true" if settings.reflections else "false",
        "actions": "true" if settings.actions else "false",
        "quiet_from": settings.quiet_from.strftime("%H:%M"),
        "quiet_until": settings.quiet_until.strftime("%H:%M"),
        "snoozed_until": settings.snoozed_until.isoformat() if settings.snoozed_until else "",
    }


def reminded_from(text: object) -> dict[str, date]:
    """The record of reminders ("key=YYYY-MM-DD" lines); a line that cannot be read is left
    out (that item may remind once more, nothing worse)."""
    found: dict[str, date] = {}
    if not isinstance(text, str):
        return found
    for line in text.splitlines()[:10_000]:
        key, _, day = line.partition("=")
        try:
            found[key] = date.fromisoformat(day)
        except ValueError:
            continue
    return found


def reminded_text(reminded: dict[str, date]) -> str:
    """The record of reminders as stored: item keys (ids, nothing personal) and days."""
    return "\n".join(f"{key}={day.isoformat()}" for key, day in sorted(reminded.items()))


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    return default


def _time(value: object, default: time) -> time:
    try:
        return time.fromisoformat(value) if isinstance(value, str) else default
    except ValueError:
        return default


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone()
    except (ValueError, OverflowError, OSError):  # a year out of the clock's range
        return None
