"""The participant's side of sharing with a coach: cards, share packages, imports, comments."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "actions",
    "comments_controller",
    "controller",
    "fingerprint",
)
