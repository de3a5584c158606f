"""Make any attempt to open a network socket fail loudly (in tests and their subprocesses)."""

from __future__ import annotations

import socket
from typing import Any

_BLOCKED_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkAccessError(RuntimeError):
    """Raised when code under test tries to use the network."""


_real_socket = socket.socket


class _GuardedSocket(_real_socket):
    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if family in _BLOCKED_FAMILIES or (family == -1 and not args and "fileno" not in kwargs):
            raise NetworkAccessError(f"network socket opened in a test (family {family})")
        super().__init__(family, *args, **kwargs)


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkAccessError("network lookup or connection attempted in a test")


def install() -> None:
    """Replace socket creation, name lookup and connection helpers with refusals."""
    socket.socket = _GuardedSocket  # type: ignore[misc]
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    socket.gethostbyname = _refuse
