"""Insight into one's own inquiry over a period: counts by month, loop, progress and theme."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "figures",
    "service",
)
