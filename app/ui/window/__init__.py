"""The journal window: its views, menus, controllers, locking and the settings it keeps."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "actions",
    "context",
    "feature_scan",
    "launch",
    "navigation",
)
