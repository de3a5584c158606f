"""The bundle's windowed program: the journal window, or `--self-test [--report FILE]`."""

from __future__ import annotations

import sys

from app.gui import main

if __name__ == "__main__":
    sys.exit(main())
