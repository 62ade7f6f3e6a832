"""House rule: no function over 80 lines in src/ (the CLI's argument table aside).

benchmarks/check_layout.py lists them; this test keeps the list from growing. KNOWN holds the ones
other branches of #16 are splitting this session; the lead empties it at merge.
"""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN = {
    "places/gazetteer.py:_build",      # the places branch: the gazetteer's build apart from its lookup
}


def _checker():
    spec = importlib.util.spec_from_file_location("check_layout", ROOT / "benchmarks" / "check_layout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_new_function_over_80_lines():
    check = _checker()
    found = {f"{where.split(':')[0]}:{name}" for _n, where, name in check.long_functions([check.SRC])}
    assert found - KNOWN == set()


def test_the_check_sees_a_long_function(tmp_path):
    check = _checker()
    body = "\n".join(f"    x{i} = {i}" for i in range(85))
    (tmp_path / "long.py").write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}\n", "utf-8")
    assert [(n, name) for n, _where, name in check.long_functions([tmp_path])] == [(86, "long")]
