"""The participant's side of sharing with a coach: cards, share packages, imports, comments."""
