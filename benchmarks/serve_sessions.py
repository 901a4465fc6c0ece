"""Memory and start-up of ``entente serve`` sessions: does a class of 40 fit in 4 GB?

Starts a real server (a competition of the tutorial), opens ``--sessions`` browser sessions
through its websocket as textual-serve's page does, takes each to the situation room of its
game, then reads the resident memory of every game process (``/proc``) and of the server.
Beside them, in the same run, the memory of an interpreter doing nothing (the baseline).

Prints the median and largest session, their ratio to the baseline, the server's own
memory, the median time from the websocket opening to the title screen, and what 40
sessions would take (target: 4 GB). Prints figures only; it never fails on memory.

    python benchmarks/serve_sessions.py [--sessions N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "functional"))

import aiohttp
from serving import ANSI, TOKEN, start_server, ticket_url

from game.cli import main as entente
from game.web.sessions import rss_kb

CLASS = 40
BUDGET_GB = 4.0


async def open_session(base: str, name: str, hold: asyncio.Event) -> float:
    """One student: the class page, a name, the game to the situation room; returns the
    seconds from the websocket opening to the title screen; then holds the session open."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        await session.get(f"{base}/?token={TOKEN}")
        url = await ticket_url(session, base, name)
        async with session.ws_connect(f"{url}?width=100&height=32", headers={"Origin": base}) as ws:
            drawn = bytearray()
            start = time.perf_counter()
            title = 0.0
            for keys in (None, "\r", "\x1b", "1"):
                if keys is not None:
                    await ws.send_json(["stdin", keys])
                end = time.monotonic() + (60 if keys is None else 3)
                while time.monotonic() < end:
                    try:
                        message = await asyncio.wait_for(ws.receive(), 0.5)
                    except TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        drawn.extend(message.data)
                    if keys is None and b"Load a game" in ANSI.sub(b"", bytes(drawn)):
                        title = time.perf_counter() - start
                        break
            await hold.wait()
            return title


def baseline_kb() -> int:
    """The resident memory of an interpreter that does nothing."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    time.sleep(1.0)
    size = rss_kb(process.pid)
    process.kill()
    process.wait()
    return size


async def measure(sessions: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        competition = root / "class.competition"
        import contextlib
        import io
        import os

        os.environ["ENTENTE_DATA_DIR"] = str(root / "data")
        with contextlib.redirect_stdout(io.StringIO()):
            entente(["competition", "new", "--campaign", "tutorial", "--as", "VAL", "--seed",
                     "bench", "--out", str(competition)])  # fmt: skip
        server = start_server(root, "--max-sessions", str(CLASS), competition=competition)
        try:
            hold = asyncio.Event()
            tasks = [
                asyncio.ensure_future(open_session(server.base, f"Bench {n:02d}", hold))
                for n in range(sessions)
            ]
            deadline = time.monotonic() + 300
            while len(server.sessions()["sessions"]) < sessions:
                assert time.monotonic() < deadline, "the sessions did not start"
                await asyncio.sleep(0.5)
            await asyncio.sleep(8.0)  # every game to its situation room
            live = server.sessions()["sessions"]
            sizes = [rss_kb(s["pid"]) / 1024 for s in live]
            server_mb = rss_kb(server.process.pid) / 1024
            hold.set()
            titles = await asyncio.gather(*tasks)
        finally:
            server.stop()
    base = baseline_kb() / 1024
    median, largest = statistics.median(sizes), max(sizes)
    print(f"sessions: {len(sizes)} game processes, each at its situation room")
    print(f"baseline: an idle interpreter {base:.1f} MB")
    print(
        f"session memory: median {median:.1f} MB ({median / base:.1f}x the baseline), "
        f"largest {largest:.1f} MB ({largest / base:.1f}x)"
    )
    print(f"server process: {server_mb:.1f} MB")
    print(
        f"websocket to title screen: median {statistics.median(titles):.2f} s, "
        f"slowest {max(titles):.2f} s (all {len(titles)} opened at once on this machine)"
    )
    projected = (CLASS * largest + server_mb) / 1024
    print(
        f"{CLASS} sessions at the largest size, with the server: {projected:.2f} GB "
        f"(target: within {BUDGET_GB:g} GB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    asyncio.run(measure(parser.parse_args().sessions))


if __name__ == "__main__":
    main()
