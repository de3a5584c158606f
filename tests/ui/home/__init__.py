"""Tests for ui.home."""
