"""Finding what was written: full-text search, browsing by filters, saved searches."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "full_text",
    "periods",
    "query",
    "saved",
    "saved_records",
)
