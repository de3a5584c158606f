"""The reflective rhythm: what is waiting for the participant and the dates coming up, those
dates as a calendar file, when and how to remind, and starting at login."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "calendar",
    "due",
    "login",
    "nudges",
)
