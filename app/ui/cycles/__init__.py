"""The action-inquiry screens: new cycle, the guided flow, home, timeline, read view, templates.

Each piece is a self-contained widget or dialog that takes the open Journal and says what the
person wants next through Qt signals; the main window decides what to show.
"""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "controller",
    "cycle_page",
    "inquiries_page",
    "inquiry_timeline",
    "list_model",
    "pane",
    "trash_command",
)
