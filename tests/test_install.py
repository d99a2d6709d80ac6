"""The package installs on its own: what `check`, `clean`, `annotate` and `analyze` import is
declared in pyproject.toml, and `pip install .` into a fresh virtual environment runs `analyze`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import venv
from importlib import metadata

import pytest

from conftest import REPO, SEEDS

WHEELHOUSE = REPO / ".venv" / "wheelhouse"


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def declared_closure(with_extras: bool = False) -> set[str]:
    """The distributions pyproject.toml declares, with everything they require in turn (and,
    ``with_extras``, what their own optional extras would bring)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    todo = [_name(r) for r in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if with_extras or "extra ==" not in r]
    return seen


def test_every_module_the_commands_import_is_declared(tmp_path):
    code = f"""
import json, sys
from importlib import metadata
from newscorpus.cli import main
main(["check", {str(SEEDS)!r}])
main(["annotate", "--json", {str(sorted(SEEDS.glob('*.txt'))[0])!r}])
main(["analyze", {str(SEEDS)!r}, {str(tmp_path / 'out')!r}, "--quiet"])
dists = metadata.packages_distributions()
tops = {{m.split(".")[0] for m in list(sys.modules)}}
print(json.dumps(sorted({{d for t in tops for d in dists.get(t, [])}})), file=sys.stderr)
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert run.returncode == 0, run.stderr[-2000:]
    imported = {d.lower().replace("_", "-") for d in json.loads(run.stderr.strip().splitlines()[-1])}
    # the standard library's own, the package itself, and pip's build tools are not dependencies
    imported -= {"newscorpus", "setuptools", "pip"}
    # a declared package may import an optional one when it happens to be installed (NLTK imports
    # scikit-learn if it finds it): that is not a missing dependency
    optional = declared_closure(with_extras=True) - declared_closure()
    missing = imported - declared_closure() - optional
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


@pytest.mark.skipif(not WHEELHOUSE.is_dir(), reason="no wheelhouse: `make test` downloads one into .venv/wheelhouse")
def test_pip_install_into_a_fresh_environment_runs_analyze(tmp_path):
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", WHEELHOUSE,
                              str(REPO)], capture_output=True, text=True, cwd=tmp_path)
    assert install.returncode == 0, install.stderr[-3000:]
    out = tmp_path / "out"
    run = subprocess.run([python, "-m", "newscorpus", "analyze", str(SEEDS), str(out), "--quiet"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (out / "framing.csv").is_file() and (out / "readability.csv").is_file()
    annotate = subprocess.run([python, "-m", "newscorpus", "annotate", "--json", str(sorted(SEEDS.glob("*.txt"))[0])],
                              capture_output=True, text=True, cwd=tmp_path)
    assert annotate.returncode == 0 and json.loads(annotate.stdout)["tokens"]
