"""The privacy check: what could identify a patient or colleague before text leaves."""

# What other packages may import from this one (tests/test_architecture.py).
published = ("check",)
