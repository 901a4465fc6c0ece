"""``entente serve`` at the HTTP level: what it refuses before any game starts, the cap,
a killed game process, the teacher's page, Ctrl+C, and its arguments."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import aiohttp
import pytest
from classroom import new_competition
from serving import ADMIN, TOKEN, start_server, ticket_url

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the server's sessions are POSIX")


@pytest.fixture(scope="module")
def competition(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    path = root / "class.competition"
    old = os.environ.get("ENTENTE_DATA_DIR")
    os.environ["ENTENTE_DATA_DIR"] = str(root / "data")
    try:
        new_competition(str(path), "web", "--title", "Period 3")
    finally:
        if old is None:
            os.environ.pop("ENTENTE_DATA_DIR", None)
        else:
            os.environ["ENTENTE_DATA_DIR"] = old
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory, competition):
    server = start_server(
        tmp_path_factory.mktemp("server"), "--max-sessions", "2", competition=competition
    )
    yield server
    server.stop()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for every purpose here.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


async def wait_until(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.2)


async def closes(ws, seconds: float = 30.0) -> bool:
    """Whether the server closes ``ws`` (after whatever the game still drew) in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message = await asyncio.wait_for(ws.receive(), seconds)
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            return True
    return False


async def get(url: str, **kwargs) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, allow_redirects=False, **kwargs) as response,
    ):
        return response.status, await response.text()


async def test_no_token_or_a_wrong_one_gets_401_and_starts_nothing(served):
    before = served.sessions()["started"]
    assert (await get(f"{served.base}/"))[0] == 401
    status, page = await get(f"{served.base}/?token=not-the-token")
    assert status == 401 and "class address" in page
    assert (await get(f"{served.base}/?token={TOKEN[:-1]}"))[0] == 401
    assert (await get(f"{served.base}/ws/anything"))[0] == 403
    assert (await get(f"{served.base}/teacher/sessions.json?token={TOKEN}"))[0] == 403
    assert served.sessions()["started"] == before


async def test_the_token_goes_into_a_cookie_and_out_of_the_address(served):
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(f"{served.base}/?token={TOKEN}", allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/"
            cookie = r.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        async with session.get(f"{served.base}/") as r:
            page = await r.text()
            assert r.status == 200 and "Your name" in page and "Period 3" in page
            assert r.headers["X-Frame-Options"] == "DENY"


async def test_the_websocket_needs_the_cookie_its_origin_and_an_unused_ticket(served):
    before = served.sessions()["started"]
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        await session.get(f"{served.base}/?token={TOKEN}")
        url = await ticket_url(session, served.base, "Origin Tester")
        for headers in ({"Origin": "http://evil.example"}, {}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(url, headers=headers)
            assert refused.value.status == 403
        # A form posted from another site is refused too.
        async with session.post(
            f"{served.base}/play", data={"name": "X"}, headers={"Origin": "http://evil.example"}
        ) as r:
            assert r.status == 403
    async with aiohttp.ClientSession() as stranger:  # the right origin, but no token
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await stranger.ws_connect(url, headers={"Origin": served.base})
        assert refused.value.status == 403
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        ws = await session.ws_connect(url, headers={"Origin": served.base})
        await wait_until(lambda: served.sessions()["started"] == before + 1)
        with pytest.raises(aiohttp.WSServerHandshakeError) as again:  # a ticket is used once
            await session.ws_connect(url, headers={"Origin": served.base})
        assert again.value.status == 403
        await ws.close()
    await wait_until(lambda: served.sessions()["sessions"] == [])


async def test_over_the_cap_is_refused_and_a_killed_game_is_reaped(served):
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        await session.get(f"{served.base}/?token={TOKEN}")
        sockets = []
        for name in ("Cap One", "Cap Two"):
            url = await ticket_url(session, served.base, name)
            sockets.append(await session.ws_connect(url, headers={"Origin": served.base}))
        await wait_until(lambda: len(served.sessions()["sessions"]) == 2)
        async with session.post(
            f"{served.base}/play", data={"name": "Cap Three"}, headers={"Origin": served.base}
        ) as r:
            assert r.status == 503 and "full" in await r.text()
        # A game process that dies is reaped: its session closes, a place frees up.
        pids = {s["name"]: s["pid"] for s in served.sessions()["sessions"]}
        await wait_until(lambda: all(alive(p) for p in pids.values()))
        os.kill(pids["Cap One"], signal.SIGKILL)
        await wait_until(lambda: [s["name"] for s in served.sessions()["sessions"]] == ["Cap Two"])
        assert await closes(sockets[0])
        url = await ticket_url(session, served.base, "Cap Three")
        sockets.append(await session.ws_connect(url, headers={"Origin": served.base}))
        await wait_until(lambda: len(served.sessions()["sessions"]) == 2)
        for ws in sockets:
            await ws.close()
    await wait_until(lambda: served.sessions()["sessions"] == [])
    await wait_until(lambda: not any(alive(p) for p in pids.values()))


async def test_the_teacher_page_needs_the_teachers_token(served):
    assert (await get(f"{served.base}/teacher?token={TOKEN}"))[0] == 403
    assert (await get(f"{served.base}/teacher?token={TOKEN}&admin=wrong"))[0] == 403
    status, page = await get(f"{served.base}/teacher?token={TOKEN}&admin={ADMIN}")
    assert status == 200 and "Playing now" in page and "Period 3" in page


async def test_ctrl_c_stops_the_server_and_every_game(tmp_path, competition):
    server = start_server(tmp_path, competition=competition)
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        await session.get(f"{server.base}/?token={TOKEN}")
        sockets = [
            await session.ws_connect(
                await ticket_url(session, server.base, name), headers={"Origin": server.base}
            )
            for name in ("Stop One", "Stop Two")
        ]
        await wait_until(lambda: len(server.sessions()["sessions"]) == 2)
        pids = [s["pid"] for s in server.sessions()["sessions"]]
        status, out = await asyncio.to_thread(server.stop)
        for ws in sockets:
            await ws.close()
    assert status == 0 and "Stopped: 2 games closed." in out
    await wait_until(lambda: not any(alive(p) for p in pids), 10)


def test_a_lan_host_warns_and_bad_arguments_exit_2(tmp_path):
    server = start_server(tmp_path, "--host", "0.0.0.0")
    status, _ = server.stop()
    assert status == 0 and "WARNING: listening on 0.0.0.0" in server.startup
    env = {**os.environ, "ENTENTE_DATA_DIR": str(tmp_path / "d")}
    for argv, says in (
        (["--token", "short"], "--token: a token is at least 22 characters"),
        (["--port", "70000"], "--port 70000"),
        (["--max-sessions", "0"], "--max-sessions 0"),
        (["--competition", str(tmp_path / "none")], "no such file"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "game", "serve", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2 and says in done.stderr, (argv, done.stderr)
        assert "Traceback" not in done.stderr


async def test_an_idle_game_is_closed_and_its_process_ends(tmp_path, competition):
    server = start_server(tmp_path, "--idle-minutes", "0.05", competition=competition)
    try:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            await session.get(f"{server.base}/?token={TOKEN}")
            url = await ticket_url(session, server.base, "Idle Student")
            ws = await session.ws_connect(url, headers={"Origin": server.base})
            await wait_until(lambda: len(server.sessions()["sessions"]) == 1)
            pid = server.sessions()["sessions"][0]["pid"]
            # Nobody types for three seconds: the session is closed, the game ends.
            await wait_until(lambda: server.sessions()["sessions"] == [], 30)
            await wait_until(lambda: not alive(pid), 10)
            assert await closes(ws)
    finally:
        server.stop()
