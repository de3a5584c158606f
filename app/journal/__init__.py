"""A journal folder: opening, creating and recovering it, its paths, backups and restore."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "backups",
    "identity",
    "interrupted",
    "opening",
    "paths",
    "restore",
)
