"""Analysing many letters: outcome statistics (:mod:`.stats`), the fields and conditions
they group and filter by (:mod:`.fields`, :mod:`.filters`), the named tables of the
published IMR studies (:mod:`.presets`), and their output as text, CSV, JSON, Markdown
(:mod:`.output`) or an HTML report with charts (:mod:`.report`). ``imrparse stats`` is
the command; docs/analysis.md the guide.
"""
