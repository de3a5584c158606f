"""The Insights view: how a participant's inquiry moved over a period."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "insights_page",
    "insights_slot",
)
