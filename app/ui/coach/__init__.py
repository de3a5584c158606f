"""The coach's workspace in the window: participants, what they shared, comments, feedback."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "coach_page",
    "coaching_offer",
    "coaching_slot",
)
