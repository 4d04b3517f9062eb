"""Tests of imrparse.text."""
