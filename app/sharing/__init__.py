"""Sharing with a coach offline: cards to pair, and sealed, signed packages sent as files."""
