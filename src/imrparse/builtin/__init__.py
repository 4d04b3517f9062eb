"""imrparse's own plugins.

Each module here is an ordinary plugin, registered through the ``imrparse``
entry-point group and the same hooks a third-party package uses (see
:mod:`imrparse.hookspecs`). Blocking one (``IMRPARSE_DISABLE_PLUGINS=formats``, or
``get_plugin_manager(block=["formats"])``) removes its feature and nothing else.
"""
