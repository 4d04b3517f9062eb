"""Tests of imrparse.builtin."""
