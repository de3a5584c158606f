"""`python -m app` runs the same entry point as the `inquiry-journal` command."""

from __future__ import annotations

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
