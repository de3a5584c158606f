"""UK English spell checking: which words are unknown, what to suggest, and the person's own
dictionary kept inside the encrypted journal."""

# What other packages may import from this one (tests/test_architecture.py).
published = ("english", "personal")
