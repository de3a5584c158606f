"""The journal as JSON: a complete, documented export and an all-or-nothing, idempotent import.

The format is described in docs/export-format.md.
"""

from __future__ import annotations

from app.transfer.document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ImportResult,
    export_document,
    export_json,
    import_json,
    read_import_file,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ImportResult",
    "export_document",
    "export_json",
    "import_json",
    "read_import_file",
]

# What other packages may import from this one (tests/test_architecture.py).
published = ("incoming",)
