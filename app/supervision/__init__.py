"""Coaching and supervision sessions, and the actions agreed in them."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "session_reads",
    "session_records",
    "sessions",
)
