"""The tour notebook (examples/tour.ipynb) runs top to bottom, offline, and shows what it says.

Its code cells are executed in order in one namespace (what a kernel does), with IPython's
``display`` replaced by a collector so the test can look at the HTML and SVG the notebook shows.
No Jupyter kernel is started and nothing is downloaded.
"""
from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "tour.ipynb"


class _Shown:
    def __init__(self, data=None, **_kw):
        self.data = data


class HTML(_Shown):
    pass


class SVG(_Shown):
    pass


def _code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text("utf-8"))
    assert nb["nbformat"] == 4
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory):
    shown: list = []
    display_mod = types.ModuleType("IPython.display")
    display_mod.HTML, display_mod.SVG = HTML, SVG
    display_mod.display = lambda *objs, **_kw: shown.extend(objs)
    ipython = types.ModuleType("IPython")
    ipython.display = display_mod
    saved = {k: sys.modules.get(k) for k in ("IPython", "IPython.display")}
    sys.modules["IPython"], sys.modules["IPython.display"] = ipython, display_mod
    namespace: dict = {"__name__": "__main__"}
    try:
        for i, src in enumerate(_code_cells(NOTEBOOK)):
            exec(compile(src, f"{NOTEBOOK.name}[code cell {i}]", "exec"), namespace)  # noqa: S102
    finally:
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
    return namespace, shown


def test_notebook_processes_every_packaged_example(run_notebook):
    ns, _ = run_notebook
    records = ns["records"]
    assert len(records) == len(ns["paths"]) + 5  # the seed file plus six JSON Lines articles
    assert not [r.location for r in records if r.failed]
    assert sum(len(r.events) for r in records) > 0


def test_notebook_highlights_the_seed_article(run_notebook):
    ns, shown = run_notebook
    html = next(o.data for o in shown if isinstance(o, HTML))
    seed = ns["seed"]
    assert "World warns Taliban" in seed.title
    # every kind of highlight appears, and the first event's trigger word is inside a trigger span
    for kind in ("ew-actor", "ew-trigger", "ew-sentence", "ew-quote", "ew-place"):
        assert kind in html
    first = seed.events[0]
    trigger = seed.text[first.trigger[0]:first.trigger[1]]
    assert re.search(r'class="[^"]*ew-trigger[^"]*"[^>]*>' + re.escape(trigger) + "<", html)


def test_notebook_charts_and_maps_the_events(run_notebook):
    ns, shown = run_notebook
    svgs = [o.data for o in shown if isinstance(o, SVG)]
    assert len(svgs) == 2
    chart, world = svgs
    days = list(ns["per_day"].index)
    assert days and all(day in chart for day in days)
    assert chart.count("<rect") >= len(days)
    assert world.count("<polygon") > 150          # the country outlines
    kabul = [p for p in ns["points"] if p[4] == "Kabul"]
    assert kabul and 30 < kabul[0][1] < 40 and 65 < kabul[0][0] < 75   # lat, lon near Kabul
    assert world.count("<circle") == len(ns["points"])


def test_notebook_queries_its_store(run_notebook):
    import eventwatch

    ns, _ = run_notebook
    with eventwatch.open(ns["db_path"]) as db:
        # the summary counts news events; background events (history the article recalls) only when asked
        news = sum(1 for r in ns["records"] for e in r.events if not e.background)
        assert db.summary()["events"] == news
        assert db.summary(background=True)["events"] == sum(len(r.events) for r in ns["records"])  # news and history
