"""``imrparse schema``: the JSON Schema of the output (the data contract)."""

from __future__ import annotations

import argparse
import json

from ..plugin.registry import Plugins

NAME = "schema"
HELP = "print the JSON Schema of the output (the data contract)"


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    pass


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    from ..schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return 0
