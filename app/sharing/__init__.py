"""Sharing with a coach offline: cards to pair, and sealed, signed packages sent as files."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "contacts",
    "content",
    "exchange",
    "insights",
    "keys",
    "package",
    "records",
    "workspace",
)
