"""Helpers for the ``entente serve`` tests: a real server in a subprocess, and a scripted
student who plays through the websocket as the browser page does."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

TOKEN = "class-token-abcdefghijklmnopqrstuvwxyz"
ADMIN = "admin-token-abcdefghijklmnopqrstuvwxyz"
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


@dataclass
class Served:
    """A running server."""

    process: subprocess.Popen
    base: str
    db: Path
    startup: str = ""
    """What the server printed up to its class URL."""

    @property
    def class_url(self) -> str:
        return f"{self.base}/?token={TOKEN}"

    def sessions(self) -> dict:
        """The teacher's view of the sessions (through the server, as a teacher sees it)."""
        import urllib.request

        url = f"{self.base}/teacher/sessions.json?token={TOKEN}&admin={ADMIN}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> tuple[int, str]:
        """Ctrl+C, as a teacher stops it: (exit status, what it printed)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=60)
        return self.process.returncode, out


def start_server(tmp: Path, *extra: str, competition: Path | None = None) -> Served:
    """``entente serve`` on a free port of 127.0.0.1, with the tests' tokens."""
    db = tmp / "results.sqlite3"
    argv = [sys.executable, "-m", "game", "serve", "--port", "0", "--token", TOKEN,
            "--admin-token", ADMIN, "--db", str(db), *extra]  # fmt: skip
    if competition is not None:
        argv += ["--competition", str(competition)]
    env = {**os.environ, "ENTENTE_DATA_DIR": str(tmp / "server-data"), "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env)  # fmt: skip
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    printed = ""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the server stopped: {process.wait()}: {printed}")
        printed += line
        found = re.search(r"Class URL:\s+(http://[^/]+)/", line)
        if found:
            base = found.group(1).replace("0.0.0.0", "127.0.0.1")
            host = base.split("//")[1].rsplit(":", 1)[0]
            if host not in ("127.0.0.1", "localhost"):  # the machine's name, for a LAN host
                base = base.replace(host, "127.0.0.1", 1)
            return Served(process, base, db, printed)
    process.kill()
    raise AssertionError("the server did not start")


def screen_text(data: bytes) -> str:
    """Terminal output with its escape sequences taken out."""
    return ANSI.sub(b"", data).decode("utf-8", "replace")


async def ticket_url(session: aiohttp.ClientSession, base: str, name: str | None = None,
                     team: str | None = None) -> str:  # fmt: skip
    """The websocket address of a new game: the name form answered (a competition), or
    the free-play page."""
    if name is None:
        async with session.get(f"{base}/") as response:
            html = await response.text()
    else:
        form = {"name": name, **({"team": team} if team else {})}
        async with session.post(f"{base}/play", data=form, headers={"Origin": base}) as response:
            assert response.status == 200, await response.text()
            html = await response.text()
    found = re.search(r"data-session-websocket-url='([^']+)'", html)
    assert found, html
    return found.group(1)


async def play_through(base: str, name: str, done, seconds: float = 300.0,
                       team: str | None = None) -> bytes:  # fmt: skip
    """A scripted student: opens the class page, gives a name, and plays from the title
    screen until ``done()`` says so: Enter on the title's New game, then, over and over,
    escape (goes on from a briefing or a report, closes a dossier), 1 (an event's first
    choice) and e (ends the turn). Returns everything the game drew."""
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        async with session.get(f"{base}/?token={TOKEN}") as response:
            assert response.status == 200
        url = await ticket_url(session, base, name, team)
        drawn = bytearray()
        async with session.ws_connect(f"{url}?width=100&height=32", headers={"Origin": base}) as ws:

            async def read(timeout: float) -> None:
                try:
                    while True:
                        message = await asyncio.wait_for(ws.receive(), timeout)
                        if message.type == aiohttp.WSMsgType.BINARY:
                            drawn.extend(message.data)
                        elif message.type != aiohttp.WSMsgType.TEXT:
                            return
                except TimeoutError:
                    pass

            deadline = time.monotonic() + seconds
            while b"Load a game" not in ANSI.sub(b"", bytes(drawn)):
                assert time.monotonic() < deadline, "no title screen"
                await read(0.5)
            await ws.send_json(["stdin", "\r"])
            # On from a briefing or report, an event's first choice, end the turn, and yes
            # to "end the turn with action points unspent?".
            keys = ["\x1b", "\x1b", "1", "e", "y"]
            n = 0
            while not await asyncio.to_thread(done):
                assert time.monotonic() < deadline, screen_text(bytes(drawn[-3000:]))
                await ws.send_json(["stdin", keys[n % len(keys)]])
                n += 1
                await read(0.4)
        return bytes(drawn)


def recorded(db: Path, name: str, status: str | None = None, turns: int = 0) -> bool:
    """Whether the results database holds ``name``'s current game (with ``status``, and at
    least ``turns`` turns played)."""
    import sqlite3

    if not db.exists():
        return False
    with sqlite3.connect(db, timeout=30) as con:
        row = con.execute(
            "SELECT status, turns_played FROM submissions WHERE student = ? AND current = 1",
            (name,),
        ).fetchone()
    return row is not None and (status is None or row[0] == status) and row[1] >= turns
