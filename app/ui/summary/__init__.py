"""The supervision summary on screen: choose, preview, check for privacy, export or print.

Also the quiet privacy underline for any text being written (PrivacyHighlighter).
"""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "hooks",
    "summary_dialog",
)
