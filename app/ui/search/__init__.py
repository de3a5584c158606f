"""Searching in the window: the search box, filters, results and saved searches."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "background",
    "box",
    "controller",
    "saved_controller",
    "sidebar",
)
