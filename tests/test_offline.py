"""The suite itself refuses network access, so any code path that tries it fails its test."""

from __future__ import annotations

import socket
import subprocess

import pytest

from tests.support.no_network import NetworkAccessError
from tests.support.processes import PYTHON, subprocess_env


def test_opening_a_network_socket_fails_the_test() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkAccessError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_child_processes_are_guarded_too(isolated_home) -> None:
    code = "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM)"
    result = subprocess.run(
        [PYTHON, "-c", code], env=subprocess_env(isolated_home), capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "NetworkAccessError" in result.stderr
