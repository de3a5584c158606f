"""Showing what could identify someone: underlines, highlights and the review before export."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "highlighter",
    "review",
    "underline",
)
