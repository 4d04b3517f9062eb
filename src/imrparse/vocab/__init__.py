"""Controlled vocabularies, one module per subject (guidelines, services, body regions, states ...).

Data only: tables of phrases (in the syntax of :mod:`imrparse.text.phrases`) and the
values they stand for. The field readers (:mod:`imrparse.fields`) compile them into
phrase sets on first use; a new wording is a new line in a table.
"""
