"""A real browser for the tests: Debian's chromium, driven by Playwright for Python.

Playwright never downloads a browser here: it starts the system's chromium through
``executable_path``. Without one, the browser tests skip, except where the environment says
a browser is required (``ENTENTE_REQUIRE_BROWSER=1``, which ``.ci/run`` sets after installing
chromium): there a missing browser fails the run instead of hiding behind a skip.
"""

from __future__ import annotations

import os
import shutil

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str:
    """The system browser's path; skips (or fails, when one is required) without one."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    message = "no chromium on this machine (apt-get install chromium)"
    if os.environ.get("ENTENTE_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)
