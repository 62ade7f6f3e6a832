"""The wheel carries everything and works outside the repository; every command's --help has an example."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from eventwatch.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(action.choices)


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_has_help_with_an_example(capsys, command):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert re.search(r"^examples?:$", out, re.M) and f"eventwatch {command}" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    from eventwatch import __version__

    assert capsys.readouterr().out.strip() == f"eventwatch {__version__}"


def test_wheel_installs_and_runs_outside_the_repository(tmp_path, seed_text):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("eventwatch-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True, env=env, cwd=tmp_path)
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, "utf-8")
    ew = str(env_dir / "bin" / "eventwatch")
    proc = subprocess.run([ew, "process", str(seed), "--date", "2021-08-14"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["title"] == "World warns Taliban of isolation" and record["actors"]
    where = subprocess.run([str(py), "-c", "import eventwatch; print(eventwatch.__file__)"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(env_dir) in where.stdout  # the installed copy, not the repository's
    doctor = subprocess.run([ew, "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "spaCy model" in doctor.stdout and "en_core_web_sm" in doctor.stdout
    demo = subprocess.run([ew, "demo", "--db", str(tmp_path / "demo.duckdb"), "-q"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "example articles processed" in demo.stdout


def test_notebook_extra_installs_what_the_tour_imports():
    """`pip install eventwatch[notebook]` gives Jupyter and every package examples/tour.ipynb imports, pinned."""
    import json
    import re
    import sys
    import tomllib

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    extra = project["optional-dependencies"]["notebook"]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][\w.]*", req) for req in extra), extra  # pinned
    provided = {re.split(r"[=<>\[]", r)[0].lower().replace("_", "-") for r in project["dependencies"] + extra}
    cells = json.loads((root / "examples" / "tour.ipynb").read_text("utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    imported = set(re.findall(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", code, re.M))
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "eventwatch"}
    dist = {"IPython": "ipython"}  # import name -> distribution name
    assert third_party and {dist.get(m, m).lower() for m in third_party} <= provided
    assert {"notebook", "ipykernel"} <= provided  # Jupyter to open it and a kernel to run it


def test_wheel_carries_the_offline_docs_chart_library_and_code_tables(tmp_path):
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("eventwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ("api/static/swagger-ui-bundle.js", "api/static/swagger-ui.css", "api/static/redoc.standalone.js",
                 "api/static/favicon.svg", "api/static/LICENSE.swagger-ui-dist", "api/static/LICENSE.redoc",
                 "api/data/plover_types.tsv", "web/static/vendor/echarts.min.js", "web/static/vendor/LICENSE.echarts"):
        assert "eventwatch/" + path in names, path
