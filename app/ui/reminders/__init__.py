"""Reminders in the window: the coming dates, saved as a calendar file."""

# What other packages may import from this one (tests/test_architecture.py).
published = ("controller",)
