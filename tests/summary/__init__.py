"""Tests for summary."""
