"""thinc's blis gemm against numpy's (its BLAS, one thread) on the shapes of the small English model's products.

The reason for ``Settings.matmul = "numpy"`` (``eventwatch.nlp.matmul``): prints milliseconds per product and
the ratio, on this machine.

    python benchmarks/bench_matmul.py
"""
from __future__ import annotations

import time

import numpy
from thinc.api import NumpyOps

from eventwatch.nlp.matmul import MatmulOps, one_blas_thread

# (rows, inner, columns): a batch of ~20,000 tokens through the tok2vec maxout layers, and the parser's
# lower layer on a few hundred states
SHAPES = [(20000, 288, 288), (20000, 384, 288), (300, 400, 128)]


def per_call(f, repeat: int = 10) -> float:
    f()
    t0 = time.perf_counter()
    for _ in range(repeat):
        f()
    return (time.perf_counter() - t0) / repeat * 1000


def main() -> None:
    rng = numpy.random.default_rng(0)
    blis, ours = NumpyOps(), MatmulOps()
    print(f"{'shape (m, k, n)':>20s} {'blis ms':>9s} {'numpy ms':>9s} {'ratio':>6s}")
    with one_blas_thread():
        for m, k, n in SHAPES:
            a = rng.random((m, k), dtype="float32")
            b = rng.random((n, k), dtype="float32")
            t_blis = per_call(lambda: blis.gemm(a, b, trans2=True))
            t_np = per_call(lambda: ours.gemm(a, b, trans2=True))
            print(f"{str((m, k, n)):>20s} {t_blis:9.2f} {t_np:9.2f} {t_blis / t_np:6.2f}")


if __name__ == "__main__":
    main()
