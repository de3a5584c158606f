"""Inquiry Journal: an offline, encrypted journal for action-inquiry cycles."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Inquiry Journal"
