"""Where the ``entente`` console script of the Python running the tests is."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def entente_script() -> Path:
    """The ``entente`` script installed beside ``sys.executable`` (a venv's ``bin`` or
    ``Scripts``), else the one on PATH; the test fails if neither exists, since the quick
    start installs it."""
    name = "entente.exe" if os.name == "nt" else "entente"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside
    found = shutil.which("entente")
    assert found is not None, f"no {name} beside {sys.executable} nor on PATH (pip install -e .)"
    return Path(found)
