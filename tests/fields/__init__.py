"""Tests of imrparse.fields."""
