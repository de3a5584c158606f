"""The Home view: what is waiting, what is under way, the balance of domains."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "balance_bars",
    "view",
)
