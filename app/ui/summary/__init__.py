"""The supervision summary on screen: choose, preview, check for privacy, export or print."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "hooks",
    "summary_dialog",
)
