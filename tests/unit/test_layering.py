"""The engine, the campaign format and the competitions never import the UI toolkit
(textual).

Checked in a fresh interpreter through ``sys.modules``, after importing the public entry
points and every module under ``game/engine`` and ``game/campaign``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import game

PACKAGE = Path(game.__file__).resolve().parent
LAYERS = ("engine", "campaign", "competition")

PROBE = """
import importlib, json, pkgutil, sys
import game.engine, game.campaign.loader, game.engine.replay, game.engine.simulate
imported = []
for layer in ("game.engine", "game.campaign", "game.competition"):
    package = importlib.import_module(layer)
    for info in pkgutil.walk_packages(package.__path__, layer + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({
    "imported": sorted(imported),
    "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual")),
    "ui": sorted(m for m in sys.modules if m == "game.ui" or m.startswith("game.ui.")),
}))
"""


def modules_on_disk() -> set[str]:
    found = set()
    for layer in LAYERS:
        for path in (PACKAGE / layer).rglob("*.py"):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            if len(parts) > 2:  # the layer packages themselves are imported by name
                found.add(".".join(parts))
    return found


def probe() -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_engine_and_campaign_never_import_textual():
    report = probe()
    assert report["textual"] == [], f"textual was imported: {report['textual']}"
    assert report["ui"] == [], f"the UI package was imported: {report['ui']}"
    # Every module of both layers was really imported, not just the packages.
    assert modules_on_disk() <= set(report["imported"])
    assert "game.engine.threat" in report["imported"]
    assert "game.campaign.models" in report["imported"]


def test_the_probe_would_notice_textual(tmp_path):
    """The check is not vacuous: importing the UI does pull textual into sys.modules."""
    code = "import sys, game.ui.app; print(any(m.startswith('textual') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
