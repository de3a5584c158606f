"""The Entries view: the entry list, the editor, autosave and the entry commands."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "controller",
    "list_model",
    "page",
    "quick_note_controller",
    "turn_into_cycle_controller",
)
