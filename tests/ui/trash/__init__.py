"""Tests for ui.trash."""
