"""Fixtures for the UI tests: every test gets its own data folder (never the player's)."""

from __future__ import annotations

import pytest

from game.ui.saves import DATA_DIR_VARIABLE


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Saves go to a fresh temporary folder through ENTENTE_DATA_DIR."""
    folder = tmp_path / "entente-data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder
