"""A disk that fails under the journal, for checking that storage errors reach people in
plain words."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, event


@contextlib.contextmanager
def reads_of(table: str) -> Iterator[None]:
    """Every engine's statements that name `table` fail as a removed drive makes them fail
    (the driver's own error, which SQLAlchemy wraps as it would a real one)."""

    def fail(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if table in statement:
            raise sqlcipher3.OperationalError("disk I/O error")

    event.listen(Engine, "before_cursor_execute", fail)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", fail)
