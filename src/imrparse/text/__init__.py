"""Text infrastructure: offset-keeping edits, normalising, reflowing, dates.

Every stage that rewrites the letter's text does it through a
:class:`~imrparse.text.textmap.MappedText`, so any offset in the last text traces back
to the text handed to :func:`imrparse.parse`.
"""
