"""The journal as JSON: a complete, documented export and an all-or-nothing, idempotent import.

The format is described in docs/export-format.md.
"""

from __future__ import annotations

from app.transfer.document import FORMAT_NAME, FORMAT_VERSION, ImportResult, read_import_file
from app.transfer.service import TransferService

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ImportResult", "TransferService", "read_import_file"]

# What other packages may import from this one (tests/test_architecture.py).
published = ("incoming",)
