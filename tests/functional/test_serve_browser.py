"""A class plays in a real browser: headless chromium opens the class page with its token,
gives a student's name, sees the title screen, starts the competition game by keyboard,
plays two turns, and the teacher's database holds the replay (verified, as ``entente verify``
would)."""

from __future__ import annotations

import os
import time

import pytest
from browser import chromium_path
from classroom import new_competition
from serving import recorded, screen_text, start_server

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the server's sessions are POSIX")


def test_a_student_plays_two_turns_in_the_browser(tmp_path, monkeypatch):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("ENTENTE_DATA_DIR", str(tmp_path / "data"))
    competition = tmp_path / "class.competition"
    new_competition(str(competition), "browser", "--title", "Period 3")
    server = start_server(tmp_path, competition=competition)
    drawn = bytearray()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=executable, headless=True, args=["--no-sandbox"]
            )
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 800})

                def watch(ws) -> None:
                    ws.on(
                        "framereceived",
                        lambda payload: drawn.extend(
                            payload if isinstance(payload, bytes) else b""
                        ),
                    )

                page.on("websocket", watch)
                page.goto(server.class_url)
                assert page.url.rstrip("/") == server.base  # the token left the address
                page.fill("#name", "Ada L.")
                page.fill("#team", "Red")
                page.click("#start")
                page.wait_for_selector("#terminal canvas, #terminal .xterm", timeout=30_000)

                def wait_for(condition, seconds: float = 60.0) -> None:
                    deadline = time.monotonic() + seconds
                    while not condition():
                        assert time.monotonic() < deadline, screen_text(bytes(drawn[-2000:]))
                        page.wait_for_timeout(200)

                def shows(text: str) -> bool:
                    return text in screen_text(bytes(drawn))

                wait_for(lambda: shows("Load a game"))  # the title screen
                wait_for(lambda: shows("Competition: Period 3"))  # ... for this student
                page.click("#terminal")
                page.keyboard.press("Enter")  # New game: the competition's own game
                wait_for(lambda: shows("Begin"))  # the opening briefing
                for turn in (1, 2):
                    # On from a briefing or a report, an event's first choice, end the turn,
                    # and yes to "end the turn with action points unspent?".
                    for key in ("Escape", "Escape", "1", "e", "y") * 6:
                        page.keyboard.press(key)
                        page.wait_for_timeout(300)
                        if recorded(server.db, "Ada L.", turns=turn):
                            break
                    wait_for(lambda turn=turn: recorded(server.db, "Ada L.", turns=turn))
            finally:
                browser.close()
    finally:
        status, _ = server.stop()
    assert status == 0
    assert recorded(server.db, "Ada L.", status="unfinished", turns=2)
