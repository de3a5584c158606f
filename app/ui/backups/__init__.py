"""Backups in the window: File > Back up now, File > Backups..., automatic backups."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "backups_controller",
    "refused_journal",
)
