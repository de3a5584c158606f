"""Getting into a journal: first-run setup, unlocking, the recovery code."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "opening_window",
    "recovery_dialog",
    "restore_pages",
    "setup_wizard",
    "unlock_dialogs",
)
