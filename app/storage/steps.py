"""Named points between the file changes of a multi-step operation, for crash tests.

Each restore, recovery, re-key and migration calls `step(...)` before every rename, write,
keyring write and re-key. Normally that does nothing. When INQUIRY_JOURNAL_CRASH_AT_STEP=N is
set, the N-th step of the process ends it at once, as a power cut would (no clean-up runs), so
a test can stop an operation at every point in turn and check what the next start finds.
"""

from __future__ import annotations

import os

CRASH_AT_ENV = "INQUIRY_JOURNAL_CRASH_AT_STEP"
CRASH_EXIT_CODE = 86

_passed = 0


def step(name: str) -> None:
    """Mark the point before the next change to the journal's files (`name` says which)."""
    target = os.environ.get(CRASH_AT_ENV, "")
    if not target:
        return
    global _passed
    _passed += 1
    if _passed == int(target):
        os.write(2, f"crashed at step {_passed}: {name}\n".encode())
        os._exit(CRASH_EXIT_CODE)
