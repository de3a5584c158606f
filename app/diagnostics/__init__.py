"""When something goes wrong: the local error log and the self-test IT runs."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "errorlog",
    "selftest",
)
