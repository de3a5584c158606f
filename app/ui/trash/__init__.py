"""The Trash: moving entries and cycles to it, restoring them, deleting them for good."""

# What other packages may import from this one (tests/test_architecture.py).
published = ("controller",)
