"""The coach's workspace in the window: participants, what they shared, comments, feedback."""
