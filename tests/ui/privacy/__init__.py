"""Tests for ui.privacy."""
