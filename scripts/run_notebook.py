"""Execute a notebook in this process and store its outputs, without Jupyter (a development tool).

    python scripts/run_notebook.py examples/tour.ipynb            # run and write the outputs in place
    python scripts/run_notebook.py examples/tour.ipynb --clear    # remove the outputs

Code cells run in order in one namespace, as in a kernel: ``print`` output becomes a stream output,
``IPython.display.display`` of HTML/SVG a display output, and a cell's final expression its result
(DataFrames as HTML and text). Stored outputs let a code host show the notebook read-only;
``tests/test_notebook.py`` runs the same cells without storing anything.
"""
from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import sys
import types
from pathlib import Path


class _Shown:
    mime = "text/plain"

    def __init__(self, data=None, **_kw):
        self.data = data


class HTML(_Shown):
    mime = "text/html"


class SVG(_Shown):
    mime = "image/svg+xml"


def _bundle(obj) -> dict:
    if isinstance(obj, _Shown):
        return {obj.mime: obj.data}
    out = {"text/plain": repr(obj)}
    html = getattr(obj, "_repr_html_", None)
    if callable(html):
        out["text/html"] = html()
    return out


def _lines(text: str) -> list[str]:
    return text.splitlines(True)


def _fake_ipython(sink: list) -> dict:
    display = types.ModuleType("IPython.display")
    display.HTML, display.SVG = HTML, SVG
    display.display = lambda *objs, **_kw: sink.extend(objs)
    ipython = types.ModuleType("IPython")
    ipython.display = display
    return {"IPython": ipython, "IPython.display": display}


def run_cell(source: str, namespace: dict, count: int, sink: list) -> list[dict]:
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(tree, f"cell {count}", "exec"), namespace)  # noqa: S102
        value = eval(compile(ast.Expression(last.value), f"cell {count}", "eval"), namespace) if last else None  # noqa: S307
    outputs = []
    if buf.getvalue():
        outputs.append({"output_type": "stream", "name": "stdout", "text": _lines(buf.getvalue())})
    for obj in sink:
        outputs.append({"output_type": "display_data", "metadata": {},
                        "data": {k: _lines(v) for k, v in _bundle(obj).items()}})
    sink.clear()
    if value is not None:
        outputs.append({"output_type": "execute_result", "execution_count": count, "metadata": {},
                        "data": {k: _lines(v) for k, v in _bundle(value).items()}})
    return outputs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("--clear", action="store_true", help="remove outputs instead of running")
    args = ap.parse_args()
    path = Path(args.notebook)
    nb = json.loads(path.read_text("utf-8"))
    sink: list = []
    saved = dict(sys.modules)
    sys.modules.update(_fake_ipython(sink))
    namespace: dict = {"__name__": "__main__"}
    count = 0
    try:
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            if args.clear:
                cell["outputs"], cell["execution_count"] = [], None
                continue
            count += 1
            cell["outputs"] = run_cell("".join(cell["source"]), namespace, count, sink)
            cell["execution_count"] = count
    finally:
        for name in ("IPython", "IPython.display"):
            if name in saved:
                sys.modules[name] = saved[name]
            else:
                sys.modules.pop(name, None)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{path}: {count} code cells run" if not args.clear else f"{path}: outputs cleared", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
