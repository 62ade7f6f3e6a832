"""Matrix products of the spaCy model through numpy's BLAS (``Settings.matmul = "numpy"``, the default).

thinc multiplies matrices with its bundled ``blis``. On the machines we measure on (AMD EPYC with
AVX-512) that ``gemm`` is about three times slower (``benchmarks/bench_matmul.py``) than numpy's bundled OpenBLAS on one thread, and
it is most of the model's time: the tok2vec layers and the parser's and entity recogniser's lower
layers are one large product per batch each. ``set_matmul(nlp)`` gives every thinc layer of
the model an ``Ops`` whose ``gemm`` is ``numpy.matmul``; everything else (the parser's per-step
loop in C included) is thinc's as before.

The weights and the model are the same; only the order of float additions inside a product
differs, so scores can differ in the last bits. ``benchmarks/check_fast_nlp.py`` compares the
annotation of every token (tag, POS, morphology, lemma, dependency, head, entities, sentence starts)
and every record with and without it. While the pipeline parses, OpenBLAS is held to one thread
(threadpoolctl, ``one_blas_thread``), so one eventwatch process uses one core, as a bare spaCy
process does, and ``-j N`` workers do not oversubscribe the machine.
"""
from __future__ import annotations

import logging

import numpy
from thinc.api import NumpyOps

log = logging.getLogger(__name__)


class MatmulOps(NumpyOps):
    """thinc's NumpyOps with ``gemm`` computed by numpy (its BLAS) instead of blis."""

    name = "eventwatch_numpy_matmul"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


_OPS = MatmulOps()
_THINC = NumpyOps()


# Module-level state (documented in docs/architecture.md): one threadpoolctl controller per process,
# made on first use; it holds no setting of its own.
_controller = None


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread (the pipeline parses inside it); the caller's
    own setting is back afterwards, so a notebook that imports eventwatch keeps its threads."""
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")


def _layers(nlp):
    """Every thinc layer of NLP's components."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            yield from model.walk()


def set_matmul(nlp, kind: str = "numpy"):
    """Multiply through numpy (``"numpy"``) or thinc's blis (``"thinc"``) in every thinc layer of
    NLP's components (idempotent, and reversible: the model is shared by all pipelines of a process); return NLP."""
    if kind not in ("numpy", "thinc"):
        raise ValueError(f"matmul must be 'numpy' or 'thinc', not {kind!r}")
    to, old = (_OPS, NumpyOps) if kind == "numpy" else (_THINC, MatmulOps)
    for node in _layers(nlp):
        if type(node.ops) is old:
            node.ops = to
    log.info("matrix products of the model through %s", kind)
    return nlp


def uses_numpy_matmul(nlp) -> bool:
    """True when every thinc layer of NLP's components multiplies through numpy."""
    nodes = list(_layers(nlp))
    return bool(nodes) and all(isinstance(node.ops, MatmulOps) for node in nodes)
