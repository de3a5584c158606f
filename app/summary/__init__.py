"""The supervision / coaching summary: built from the journal, checked for privacy, exported."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "chart",
    "contents",
    "export",
    "markdown_html",
    "places",
    "privacy",
)
