"""The pipeline: documents in, contract records out.

``core`` holds :class:`Pipeline` (model, cleaner and stages built once; ``process(documents)``),
``stages`` the stage protocol, order and registry, ``limits`` the per-document deadline. The process
runner for ``-j N`` lives in ``eventwatch.scale.processes``, the Ray runner in ``eventwatch.scale``.
"""
from __future__ import annotations

from eventwatch.pipeline.core import Pipeline

__all__ = ["Pipeline"]
