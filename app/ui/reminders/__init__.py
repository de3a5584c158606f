"""Reminders in the window: the coming dates as a calendar file, and reminders from the tray."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "controller",
    "reminders_controller",
    "tray",
)
