"""The reflective rhythm: what is waiting for the participant and the dates coming up, and
those dates as a calendar file."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "calendar",
    "due",
)
