"""Controlled vocabularies, one module per subject (guidelines, services, body regions, states ...)."""
