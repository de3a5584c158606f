"""The home screen's content: what is waiting, what is under way, the balance of domains."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "looking_back",
    "overview",
)
