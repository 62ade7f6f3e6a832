"""The command line: a thin layer that parses arguments, calls the core and renders results.

``main`` (the ``eventwatch`` command) and ``build_parser`` live in ``cli.main``; ``views`` renders
records and frames; ``demo`` and ``doctor`` are the two commands with logic of their own.
"""
from __future__ import annotations

from eventwatch.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
