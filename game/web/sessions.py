"""The game processes the server runs: one per browser session, capped, timed out, reaped.

A page the class token opened gets a *ticket*: a random, single-use key, valid for a few
minutes, naming the student (in a competition). The websocket claims it, and only then is a
game process started. At most ``max_sessions`` run at once; a session with no input for
``idle_seconds`` is closed; a process that died is reaped (its session closed, its replay
collected). Stopping the server stops every process: politely first (Textual's quit), then
by signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textual_serve.app_service import AppService

TICKET_SECONDS = 300.0
"""How long a page's ticket stays good before its websocket must claim it."""
STOP_SECONDS = 5.0
"""How long a process has to quit when asked, before it is killed."""


@dataclass(frozen=True)
class Ticket:
    """The right to start one game process, issued to a page the token opened."""

    id: str
    argv: tuple[str, ...]
    """The game's command line."""
    data_dir: Path
    """The session's own data folder (``ENTENTE_DATA_DIR``)."""
    name: str | None = None
    team: str | None = None
    replay: Path | None = None
    """The competition replay the session writes, to be collected."""
    issued: float = field(default_factory=time.monotonic)


class GameService(AppService):
    """textual-serve's process bridge, starting the game without a shell (a student's name
    is an argument, never shell text), in its own process group, with its own data folder."""

    def __init__(self, ticket: Ticket, **kwargs: object) -> None:
        super().__init__(" ".join(ticket.argv), **kwargs)  # type: ignore[arg-type]
        self.ticket = ticket

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["ENTENTE_DATA_DIR"] = str(self.ticket.data_dir)
        return environment

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.ticket.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The game process's id, while it runs."""
        return self._process.pid if self._process is not None else None

    @property
    def finished(self) -> bool:
        """Whether the game process has ended."""
        return self._process is not None and self._process.returncode is not None

    def kill(self) -> None:
        """End the game process (and anything it started) at once."""
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)


@dataclass
class Session:
    """A browser session and its game process."""

    ticket: Ticket
    service: GameService
    close: Callable[[], Awaitable[object]]
    """Closes the browser's websocket."""
    last_input: float = field(default_factory=time.monotonic)

    def touched(self) -> None:
        """The student did something: the idle clock starts again."""
        self.last_input = time.monotonic()


def rss_kb(pid: int) -> int:
    """The resident memory of a process, in kB (0 when it is gone or unknown)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class SessionPool:
    """The tickets issued and the sessions running."""

    def __init__(self, max_sessions: int, idle_seconds: float) -> None:
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.tickets: dict[str, Ticket] = {}
        self.live: dict[str, Session] = {}

    @property
    def full(self) -> bool:
        """Whether no other session may start."""
        return len(self.live) >= self.max_sessions

    def playing(self, name: str) -> bool:
        """Whether a student of this name (spacing and case aside) is playing now."""
        key = " ".join(name.split()).casefold()
        return any(
            s.ticket.name is not None and " ".join(s.ticket.name.split()).casefold() == key
            for s in self.live.values()
        )

    def issue(
        self,
        argv: Sequence[str],
        data_dir: Path,
        name: str | None = None,
        team: str | None = None,
        replay: Path | None = None,
    ) -> Ticket:
        """A new ticket for a page."""
        self._expire()
        ticket = Ticket(secrets.token_urlsafe(24), tuple(argv), data_dir, name, team, replay)
        self.tickets[ticket.id] = ticket
        return ticket

    def claim(self, ident: str) -> Ticket | None:
        """The ticket ``ident``, used up; None if it is unknown, used or stale."""
        self._expire()
        return self.tickets.pop(ident, None)

    def _expire(self) -> None:
        now = time.monotonic()
        for ident in [i for i, t in self.tickets.items() if now - t.issued > TICKET_SECONDS]:
            del self.tickets[ident]

    def idle(self) -> list[Session]:
        """The sessions nobody has touched for ``idle_seconds``."""
        now = time.monotonic()
        return [s for s in self.live.values() if now - s.last_input > self.idle_seconds]

    def dead(self) -> list[Session]:
        """The sessions whose game process has ended."""
        return [s for s in self.live.values() if s.service.finished]

    async def stop(self, session: Session) -> None:
        """Stop one session: ask its game to quit, kill it if it will not, close the page."""
        self.live.pop(session.ticket.id, None)
        service = session.service
        if not service.finished:
            with contextlib.suppress(TimeoutError, Exception):
                await asyncio.wait_for(service.stop(), STOP_SECONDS)
        service.kill()
        with contextlib.suppress(Exception):  # the browser may be gone already
            await session.close()

    async def stop_all(self) -> None:
        """Stop every session (the server is shutting down)."""
        await asyncio.gather(*(self.stop(s) for s in list(self.live.values())))
