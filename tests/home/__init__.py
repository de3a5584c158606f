"""Tests for home."""
