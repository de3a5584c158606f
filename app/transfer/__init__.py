"""The journal as JSON: a complete, documented export and an all-or-nothing, idempotent import.

The format is described in docs/export-format.md.

What this package offers loads on first use: the window only needs `incoming` to start, and
the rest brings SQLAlchemy's ORM with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.transfer.document import FORMAT_NAME, FORMAT_VERSION, ImportResult, read_import_file
    from app.transfer.service import TransferService

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ImportResult", "TransferService", "read_import_file"]

# What other packages may import from this one (tests/test_architecture.py).
published = ("incoming",)

_FROM_DOCUMENT = ("FORMAT_NAME", "FORMAT_VERSION", "ImportResult", "read_import_file")


def __getattr__(name: str) -> Any:
    """`from app.transfer import TransferService` and the like, loaded when asked for."""
    if name in _FROM_DOCUMENT:
        from app.transfer import document

        return getattr(document, name)
    if name == "TransferService":
        from app.transfer.service import TransferService

        return TransferService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
