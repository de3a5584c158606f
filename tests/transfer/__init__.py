"""Tests for transfer."""
