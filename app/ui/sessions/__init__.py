"""Sessions and agreed actions: record a session, move actions on, flag items for supervision.

Each piece is a self-contained widget or dialog that takes the open Journal (and, where time
matters, a `today` callable) and says what the person wants next through Qt signals; the main
window decides what to show.
"""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "actions_panel",
    "flag_toggle",
    "sessions_list",
    "supervision_controller",
)
