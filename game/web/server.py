"""The class server: an aiohttp application around textual-serve's process bridge.

Routes:

- ``GET /?token=T``: the class's door. A good token is kept in a cookie and the address
  loses it (a redirect), so it is not left in the browser's history; then the name form (a
  competition) or a game (free play). A missing or wrong token: 401, and nothing starts.
- ``POST /play``: the name form's answer (the token's cookie and this server's Origin
  required): a ticket for one game, and the game page.
- ``GET /ws/{ticket}``: the game's websocket. It needs the token's cookie, this server's
  Origin and an unused ticket, and room under the session cap: else 403 (or 503 when full)
  before any process starts.
- ``GET /teacher?token=T&admin=A``: the live leaderboard and the sessions playing now;
  ``/teacher/sessions.json`` the same sessions as data.
- ``/static/``: textual-serve's terminal (scripts, styles, fonts).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from game.campaign.loader import LoadedCampaign
from game.competition.board_html import as_html
from game.competition.handin import file_name
from game.competition.leaderboard import build
from game.competition.settings import Competition, CompetitionError, checked_name
from game.competition.store import open_results
from game.competition.verify import known_from
from game.paths import data_dir
from game.web import pages
from game.web.collect import Collector
from game.web.security import COOKIE, origin_ok, same_token
from game.web.sessions import GameService, Session, SessionPool, Ticket, rss_kb

MAX_MESSAGE = 64 * 1024
"""The largest websocket message a browser may send (keys and resizes are tiny)."""
SWEEP_SECONDS = 1.0
"""How often dead and idle sessions are looked for, and replays collected."""
HEADERS = {
    "Cache-Control": "no-store",
    # Not no-referrer: with it, browsers send "Origin: null" on the name form's POST.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class ServeSettings:
    """What ``entente serve`` was told."""

    host: str
    port: int
    token: str
    admin_token: str
    max_sessions: int
    idle_seconds: float
    competition: Competition | None = None
    competition_path: Path | None = None
    campaign: LoadedCampaign | None = None
    db: Path | None = None
    root: Path | None = None
    """Where sessions keep their files (default: ``serve/`` in the data folder)."""


class ClassServer:
    """One class's server: its sessions, its pages, its collector."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.pool = SessionPool(settings.max_sessions, settings.idle_seconds)
        self.downloads = DownloadManager()
        self.root = settings.root or data_dir() / "serve"
        self.collector: Collector | None = None
        if settings.competition is not None and settings.campaign is not None:
            known = known_from(settings.competition, settings.campaign)
            self.collector = Collector(known, settings.db)
        self.started = 0
        """Game processes started so far."""
        self._stopping = asyncio.Event()

    # -- the application ---------------------------------------------------------------
    def application(self) -> web.Application:
        """The aiohttp application."""
        app = web.Application(middlewares=[self._headers], client_max_size=MAX_MESSAGE)
        static = files("textual_serve") / "static"
        app.add_routes(
            [
                web.get("/", self.index),
                web.post("/play", self.play),
                web.get("/ws/{ticket}", self.websocket),
                web.get("/teacher", self.teacher),
                web.get("/teacher/sessions.json", self.sessions_json),
                web.get("/favicon.ico", self.no_icon),
                web.static("/static", Path(str(static))),
            ]
        )
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        response: web.StreamResponse = await handler(request)
        if not response.prepared:
            for key, value in HEADERS.items():
                response.headers.setdefault(key, value)
        return response

    def _token_ok(self, request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(COOKIE)
        return same_token(given, self.settings.token)

    def _refuse(self, status: int, message: str) -> web.Response:
        return web.Response(status=status, text=pages.refusal(status, message),
                            content_type="text/html")  # fmt: skip

    def _title(self) -> str:
        c = self.settings.competition
        return c.title if c is not None else "Entente"

    # -- pages -------------------------------------------------------------------------
    async def no_icon(self, request: web.Request) -> web.StreamResponse:
        """No icon (a browser asks for one)."""
        return web.Response(status=204)

    async def index(self, request: web.Request) -> web.StreamResponse:
        """The class's door: token, then the name form or a game."""
        if not self._token_ok(request):
            return self._refuse(401, "This page needs the class address your teacher gave.")
        if "token" in request.query:  # keep it in a cookie, take it out of the address
            response = web.HTTPSeeOther("/")
            response.set_cookie(COOKIE, self.settings.token, httponly=True, samesite="Lax")
            return response
        competition = self.settings.competition
        if competition is not None:
            return web.Response(text=pages.name_form(competition), content_type="text/html")
        if self.pool.full:
            return self._refuse(503, "The class is full: every session is taken.")
        folder = self.root / "free" / f"s{time.monotonic_ns()}"
        ticket = self.pool.issue([sys.executable, "-m", "game"], folder)
        return self._game(request, ticket)

    def _game(self, request: web.Request, ticket: Ticket) -> web.Response:
        scheme = "wss" if request.secure else "ws"
        url = f"{scheme}://{request.host}/ws/{ticket.id}"
        return web.Response(text=pages.game_page(self._title(), url), content_type="text/html")

    async def play(self, request: web.Request) -> web.StreamResponse:
        """The name form's answer: a ticket for the student's game."""
        competition = self.settings.competition
        if not same_token(request.cookies.get(COOKIE), self.settings.token):
            return self._refuse(401, "This page needs the class address your teacher gave.")
        if not origin_ok(request.headers.get("Origin"), request.host):
            return self._refuse(403, "This form must be sent from the class page.")
        if competition is None:
            return self._refuse(404, "This class has no competition.")
        form = await request.post()
        try:
            name = checked_name(str(form.get("name", "")), "name")
            team_text = str(form.get("team", "")).strip()
            team = checked_name(team_text, "team") if team_text else None
            chosen = competition.round(str(form.get("round") or competition.rounds[0].id))
        except CompetitionError as error:
            page = pages.name_form(competition, str(error))
            return web.Response(status=400, text=page, content_type="text/html")
        if self.pool.playing(name):
            page = pages.name_form(competition, f"{name} is already playing in another window.")
            return web.Response(status=409, text=page, content_type="text/html")
        if self.pool.full:
            return self._refuse(503, "The class is full: every session is taken.")
        folder = self.root / competition.id / file_name(name)
        argv = [sys.executable, "-m", "game", "play"]
        campaign = self.settings.campaign
        if campaign is not None:
            argv.append(str(Path(campaign.source).resolve()))
        argv += ["--competition", str(self.settings.competition_path), "--name", name,
                 "--round", chosen.id, "--handin", str(folder), "--title-screen"]  # fmt: skip
        if team:
            argv += ["--team", team]
        stem = f"{file_name(name)}.round{chosen.id}"
        ticket = self.pool.issue(argv, folder / "data", name, team, folder / f"{stem}.replay.json")
        return self._game(request, ticket)

    async def teacher(self, request: web.Request) -> web.StreamResponse:
        """The live leaderboard (class token and teacher's token)."""
        if not self._teacher_ok(request):
            return self._refuse(403, "The teacher's page needs the teacher's address.")
        competition = self.settings.competition
        if competition is None:
            board = "<html><head><title>Entente</title></head><body><footer></footer></body></html>"
        else:
            board = await asyncio.to_thread(self._board, competition)
        return web.Response(text=pages.teacher_page(board, self._sessions()),
                            content_type="text/html")  # fmt: skip

    def _board(self, competition: Competition) -> str:
        with open_results(self.settings.db) as results:
            return as_html(build(competition, results.current(competition.id)))

    def _teacher_ok(self, request: web.Request) -> bool:
        return self._token_ok(request) and same_token(
            request.query.get("admin"), self.settings.admin_token
        )

    async def sessions_json(self, request: web.Request) -> web.StreamResponse:
        """The sessions playing now, as data (the teacher's token)."""
        if not self._teacher_ok(request):
            return self._refuse(403, "The teacher's page needs the teacher's address.")
        return web.json_response({"sessions": self._sessions(), "started": self.started})

    def _sessions(self) -> list[dict[str, object]]:
        now = time.monotonic()
        return [
            {
                "name": s.ticket.name or "(free play)",
                "team": s.ticket.team or "",
                "idle": round(now - s.last_input),
                "pid": s.service.pid,
                "rss_mb": round(rss_kb(s.service.pid) / 1024, 1) if s.service.pid else 0,
            }
            for s in self.pool.live.values()
        ]

    # -- the game's websocket ------------------------------------------------------------
    async def websocket(self, request: web.Request) -> web.StreamResponse:
        """One game: checked, then its process started and bridged to the browser."""
        if not same_token(request.cookies.get(COOKIE), self.settings.token):
            return self._refuse(403, "The game's connection needs the class page's token.")
        if not origin_ok(request.headers.get("Origin"), request.host):
            return self._refuse(403, "The game's connection must come from the class page.")
        if self.pool.full:
            return self._refuse(503, "The class is full: every session is taken.")
        ticket = self.pool.claim(request.match_info["ticket"])
        if ticket is None:
            return self._refuse(403, "This game's ticket is used or too old: reload the page.")
        if ticket.name is not None and self.pool.playing(ticket.name):
            return self._refuse(409, f"{ticket.name} is already playing in another window.")
        ws = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await ws.prepare(request)
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        ticket.data_dir.mkdir(parents=True, exist_ok=True)
        service = GameService(ticket, write_bytes=ws.send_bytes, write_str=ws.send_str,
                              close=ws.close, download_manager=self.downloads)  # fmt: skip
        session = Session(ticket, service, ws.close)
        self.pool.live[ticket.id] = session
        self.started += 1
        try:
            await service.start(width, height)
            await self._bridge(ws, session)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            await self.pool.stop(session)
            await self._collect(ticket)
        return ws

    async def _bridge(self, ws: web.WebSocketResponse, session: Session) -> None:
        """The browser's keys and resizes to the game, until either side ends."""
        service = session.service
        ended = asyncio.ensure_future(self._process_ended(session))
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    envelope = json.loads(message.data)
                    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
                except (ValueError, TypeError, IndexError, KeyError):
                    continue  # not a message of textual-serve's page: ignored
                if kind == "stdin" and isinstance(data, str):
                    session.touched()
                    await service.send_bytes(data.encode("utf-8"))
                elif kind == "resize" and isinstance(data, dict):
                    await service.set_terminal_size(
                        _size(data.get("width"), 80), _size(data.get("height"), 24)
                    )
                elif kind == "ping":
                    await ws.send_json(["pong", data])
                elif kind in ("blur", "focus"):
                    await (service.blur() if kind == "blur" else service.focus())
        finally:
            ended.cancel()

    async def _process_ended(self, session: Session) -> None:
        """Close the browser's side when the game process ends (the student quit, or it
        died)."""
        while not session.service.finished:
            await asyncio.sleep(0.2)
        with contextlib.suppress(Exception):
            await session.close()

    async def _collect(self, ticket: Ticket) -> None:
        if self.collector is None or ticket.replay is None:
            return
        try:
            await asyncio.to_thread(self.collector.collect, ticket.replay)
        except (CompetitionError, OSError) as error:
            print(f"entente serve: {ticket.replay}: {error}", file=sys.stderr)

    # -- the server's life ---------------------------------------------------------------
    async def sweep(self) -> None:
        """Reap dead sessions, close idle ones, collect changed replays; until stopped."""
        while not self._stopping.is_set():
            for session in self.pool.dead() + self.pool.idle():
                await self.pool.stop(session)
                await self._collect(session.ticket)
            for session in list(self.pool.live.values()):
                await self._collect(session.ticket)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), SWEEP_SECONDS)

    def stop(self) -> None:
        """Ask the server to stop (Ctrl+C, SIGTERM)."""
        self._stopping.set()

    async def run(self, ready: Callable[[int], None] | None = None) -> int:
        """Serve until stopped; then stop every session. Returns how many were stopped.
        ``ready`` is told the port once the server listens."""
        runner = web.AppRunner(self.application(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port)
        await site.start()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.stop)
        if ready is not None:
            addresses = runner.addresses
            ready(int(addresses[0][1]) if addresses else self.settings.port)
        sweeper = asyncio.ensure_future(self.sweep())
        await self._stopping.wait()
        count = len(self.pool.live)
        await self.pool.stop_all()
        await sweeper
        await runner.cleanup()
        return count


def _size(value: object, default: int) -> int:
    """A terminal dimension from the browser, kept within reason."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 20), 400)
