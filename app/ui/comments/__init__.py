"""The coach's comments beside an entry or a cycle: the thread, and the box to reply in.

A view only: app/ui/sharing fills it (CommentsPresenter) and keeps the unread markers.
"""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "comment_thread",
    "comments_panel",
)
