"""The action-inquiry screens: new cycle, the guided flow, home, timeline, read view, templates.

Each piece is a self-contained widget or dialog that takes the open Journal and says what the
person wants next through Qt signals; the main window decides what to show.
"""
