"""The `inquiry-journal` command: the window, or a task with no display needed."""

# What other packages may import from this one (tests/test_architecture.py).
published = ("main",)
